#!/bin/sh
# lrlab_test.sh - the learning-rate lab in the live program: the real
# binary runs in a private tmux server (tests/tmux_lib.sh); f cycles the
# surfaces from their starts, k and K double and halve kappa with the
# closed-form limit in the notice, o cycles the surface's optimizer while
# the neuron keeps training, R races every optimizer with a legend and
# stops the race. Every check polls the screen with a generous deadline.
# Run from the repository root with DESCENT set (tests/run.sh does both).
set -u
. tests/lib.sh

NAME=lrlab
. tests/tmux_lib.sh
tm set-option -g remain-on-exit on >/dev/null

# wait_gone PATTERN: polls until PATTERN is off the screen (10 s).
wait_gone() {
    n=200
    while [ "$n" -gt 0 ]; do
        screen | grep -Eq -- "$1" || return 0
        sleep 0.05
        n=$((n - 1))
    done
    return 1
}

epoch() { status | sed -n 's/.*epoch \([0-9][0-9]*\).*/\1/p' | head -n 1; }

# wait_epoch_above N: polls until the status shows an epoch > N (10 s).
wait_epoch_above() {
    n=200
    while [ "$n" -gt 0 ]; do
        now=$(epoch)
        [ -n "$now" ] && [ "$now" -gt "$1" ] && return 0
        sleep 0.05
        n=$((n - 1))
    done
    return 1
}

start keys 120 40 "--lr 0.05"
check "the bowl at the start" wait_for 'bowl: f\(x,y\)=x²\+y²'
key f
check "f: the stretched bowl, kappa 10" wait_for 'stretched: f=x²\+10y²'
check "f: from its documented start" wait_for 'surface stretched from \(5, 2\)'
check "the stretched bowl states its limits" \
    wait_for 'diverges: sgd lr > 1/k = 0\.1, momentum lr > 0\.19'
key k
check "k: kappa doubles, the limit halves" wait_for 'kappa 20: sgd diverges for lr > 0\.05'
check "k: the title follows" wait_for 'stretched: f=x²\+20y²'
key K
check "K: kappa halves" wait_for 'kappa 10: sgd diverges for lr > 0\.1'
before=$(epoch)
key o
check "o: momentum on the surface" wait_for 'optimizer momentum on the surface'
check "o: the panel names the optimizer" wait_for 'momentum  lr 0\.05  step'
check "o: the neuron trains with it, its panel names it and its step" \
    wait_for 'optimizer momentum +last step \|Δθ\| = [0-9]'
check "an optimizer switch mid-run: the neuron trains on" wait_epoch_above "${before:-0}"
key o o o o
check "o: four more, adam" wait_for 'optimizer adam on the surface'
key o
check "o: and round to sgd" wait_for 'optimizer sgd on the surface'
check "o: at sgd the neuron panel is as before" wait_gone 'last step'
key R
check "R: the race starts" wait_for 'race: every optimizer from the same start'
check "R: the race's title" wait_for 'race at lr 0\.05, stretched'
# legend_complete: every optimizer's line "GLYPH NAME f=VALUE" is shown.
legend_complete() {
    n=200
    while [ "$n" -gt 0 ]; do
        text=$(screen)
        all=yes
        for lane in "s sgd" "m momentum" "n nesterov" "g adagrad" "r rmsprop" "A adam"; do
            printf '%s\n' "$text" | grep -Eq "$lane +f=-?[0-9]" || all=no
        done
        [ "$all" = yes ] && return 0
        sleep 0.05
        n=$((n - 1))
    done
    return 1
}
check "the race legend lists every optimizer with its f" legend_complete
check "the race marks its winner" wait_for 'first( at the minimum)?: [a-z]+ \(step [0-9]+\)' 20
key R
check "R again: the race is over" wait_for 'race over'
check "R again: one descent" sh -c "! tmux -L '$SOCKET' capture-pane -p -t '$S' | grep -q 'race at lr'"
key f f
check "f: the saddle" wait_for 'saddle: f\(x,y\)=x²-y²'
key f
check "f: the wells" wait_for 'surface wells from \(2, 0\.5\)'
key f
check "f: round to the bowl" wait_for 'surface bowl from \(5, 5\)'
key q
tm kill-session -t "$S" 2>/dev/null

# F: the range test on the lesson's diverging linear neuron; Esc closes
# the curve (and does not quit); Enter sets the lr to the steepest
# suggestion, after which a reset run converges.
start range 120 40 "--lesson lr-range-test"
wait_for 'paused at epoch 0'   # a lesson opens paused
key Space
check "lr-range-test: lr 0.5 diverges" wait_for 'DIVERGED at epoch'
key F
check "F: the notice names the steepest lr" \
    wait_for 'range test: steepest at lr 0\.00705 \(Enter uses it, Esc closes\)'
check "F: the curve on a log10 lr axis" wait_for '-6 +-4 +-2 +log10 lr'
check "F: the verdict says it exploded" wait_for 'exploded at lr 0\.423: stopped early'
check "F: the suggestions and the current lr" \
    wait_for 'steepest 0\.007055 +◆ min/10 0\.02915 +\| lr now 0\.5'
key Escape
check "Esc closes the curve" wait_for 'range test closed'
check "Esc: the cost plot is back" wait_gone 'log10 lr'
check "Esc does not quit" sh -c "tmux -L '$SOCKET' capture-pane -p -t '$S' | grep -Eq 'epoch 1[0-9]* +epoch cost inf'"
key F
check "F again" wait_for 'log10 lr'
key Enter
check "Enter: the steepest lr, weights kept" \
    wait_for "lr 0\.00705480*[0-9]*: the range test's steepest, weights kept"
check "Enter: the status line shows it" wait_status 'lr 0\.0070548'
check "Enter closes the curve" wait_gone 'log10 lr'
key r
check "r: at the new lr the cost falls below 0.1" wait_status 'cost 0\.0[0-9]' 20
key q
tm kill-session -t "$S" 2>/dev/null
exit 0
