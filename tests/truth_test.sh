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
