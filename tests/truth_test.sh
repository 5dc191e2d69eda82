#!/bin/sh
# truth_test.sh - the live screen tells the truth (tmux): the default Iris
# neuron at --lr 20 shows the vanishing-gradient banner. Run from the
# repository root with DESCENT set (tests/run.sh does).
set -u
. tests/lib.sh

NAME=truth
. tests/tmux_lib.sh
tm set-option -g remain-on-exit on >/dev/null

CHECK_LINES=30

# finish: quits the program with q, then ends the session.
finish() { key q; wait_exit 5; tm kill-session -t "$S" 2>/dev/null; }

# --- the vanishing gradient at lr 20 ----------------------------------------

start lr20 80 24 "--lr 20"
check lr20_banner wait_for 'VANISHING GRADIENT: (9[0-9]|100)/100 saturated'
check lr20_status wait_status 'lr 20 .*act sigmoid'
finish

# --- a lesson's caption after its settings changed --------------------------

start caption 100 30 "--lesson minibatch-noise"
check caption_shown wait_for 'lesson minibatch-noise: batch 4'
literal b
check caption_says_changed wait_for 'lesson minibatch-noise \(batch size changed since it began\):'
literal B
check caption_back_to_true wait_for 'lesson minibatch-noise: batch 4'
literal +
check caption_lr_changed wait_for 'lesson minibatch-noise \(lr changed since it began\):'
finish

# --- u: the cost of every update --------------------------------------------

start updates 100 30 "--batch 4"
check updates_title_epoch wait_for 'epoch cost: mean during each epoch \(log\)'
literal u
check updates_notice wait_for "cost plot: every update's cost too, the epoch cost in bold"
check updates_title wait_for 'cost per update, epoch cost bold \(log\)'
literal u
check updates_back wait_for 'cost plot: the epoch costs \(mean during each epoch\)'
finish

# --- a click on the landscape moves (w1, w2); recorded and replayed ---------

start land 100 30 "--view landscape --record $TMP/land.rec"
check landscape_shown wait_for 'cost landscape C\(w1, w2\)'
key Space
check landscape_paused wait_status 'paused'
click 70 5
check landscape_click_notice wait_for 'landscape: w1 = -?[0-9.e-]+, w2 = -?[0-9.e-]+; training goes on from there'
e0=$(status | sed -n 's/.*epoch \([0-9][0-9]*\).*/\1/p')
literal n
check landscape_click_then_epoch wait_status "epoch $((e0 + 1)) "
literal q
wait_exit 5
line=$(grep '^click-landscape ' "$TMP/land.rec")
set -- $line
cx=$5
cy=$6
check landscape_click_recorded [ "$2" = "$e0" ] && [ -n "$cx" ] && [ -n "$cy" ]
tm kill-session -t "$S" 2>/dev/null
"$BIN" --replay "$TMP/land.rec" --headless >"$TMP/land.csv" 2>"$TMP/land.err"
rc=$?
check landscape_replay_matches_bit_for_bit [ "$rc" -eq 0 ] && [ ! -s "$TMP/land.err" ]
# epoch e0+1 is one full-batch step (sigmoid, MSE, lr 0.5) from the clicked
# (w1, w2) and epoch e0's b, computed here from the data file
step=$(awk -F, -v e="$e0" 'NR == e + 1 { print $5 }' "$TMP/land.csv")
[ "$e0" -eq 0 ] && step=0
got=$(awk -F, -v e="$e0" 'NR == e + 2 { print $3, $4, $5 }' "$TMP/land.csv")
bad=$(awk -F, -v w1="$cx" -v w2="$cy" -v b="$step" -v got="$got" '
    NR > 1 && ($5 == "setosa" || $5 == "versicolor") {
        y = $5 == "versicolor"; z = w1 * $1 + w2 * $3 + b; a = 1 / (1 + exp(-z))
        d = (a - y) * a * (1 - a); g1 += d * $1; g2 += d * $3; gb += d; n++ }
    END { split(got, w, " ")
          want[1] = w1 - 0.5 * g1 / n; want[2] = w2 - 0.5 * g2 / n; want[3] = b - 0.5 * gb / n
          for (k = 1; k <= 3; k++) { d = w[k] - want[k]; if (d < 0) d = -d
              if (d > 1e-12) print "param " k ": " w[k] " want " want[k] } }' data/iris.csv)
check landscape_click_training_goes_on_from_there [ -z "$bad" ] && [ -n "$got" ]
if [ -n "$bad" ]; then echo "    $bad"; fi
