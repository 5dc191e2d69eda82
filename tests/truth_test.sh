#!/bin/sh
# truth_test.sh - the live screen tells the truth (tmux): the default Iris
# neuron at --lr 20 shows the vanishing-gradient banner. Run from the
# repository root with DESCENT set (tests/run.sh does).
set -u
. tests/lib.sh

NAME=truth
. tests/tmux_lib.sh
tm set-option -g remain-on-exit on >/dev/null

# start NAME COLS ROWS ARGS: the program in a fresh session of that size.
start() {
    S=$1
    rm -f "$TMP/$S.exit"
    tm new-session -d -s "$S" -x "$2" -y "$3" \
        "$BIN $4; echo exit=\$? > '$TMP/$S.exit'; sleep 60"
}

check() {
    name=$1
    shift
    if "$@"; then ok "$name"; else fail "$name" "screen:" "$(screen | grep -v '^ *$' | head -n 30)"; fi
}

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
check caption_says_changed wait_for 'lesson minibatch-noise \(batch changed since it began\):'
literal B
check caption_back_to_true wait_for 'lesson minibatch-noise: batch 4'
literal +
check caption_lr_changed wait_for 'lesson minibatch-noise \(lr changed since it began\):'
finish

# --- u: the cost of every update --------------------------------------------

start updates 100 30 "--batch 4"
check updates_title_epoch wait_for 'epoch cost: mean during each epoch \(log\)'
literal u
check updates_notice wait_for 'cost plot: every update \(25 an epoch\), the epoch cost in bold'
check updates_title wait_for 'cost per update, epoch cost bold \(log\)'
literal u
check updates_back wait_for 'cost plot: the epoch costs \(mean during each epoch\)'
finish
