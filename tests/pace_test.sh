#!/bin/sh
# pace_test.sh - the pace of the live program: [ below one epoch per
# frame down to 1 epoch per second (shown on the status line as
# "speed 1 epoch/s", at most about 2 epochs in 2 s), ] back up; training
# stands still behind the help overlay and behind the notice to enlarge a
# too small terminal, and goes on when they close. The real binary runs
# in a private tmux server (tests/tmux_lib.sh); every check polls the
# screen with a generous deadline, and the epoch counts allow for a
# loaded machine. Run from the repository root with DESCENT set
# (tests/run.sh does both).
set -u
. tests/lib.sh

NAME=pace
. tests/tmux_lib.sh

# start NAME WIDTH HEIGHT ARGS: runs descent ARGS in a new session.
start() {
    S=$1
    tm new-session -d -s "$S" -x "$2" -y "$3" "'$BIN' $4; sleep 120"
}

check() {
    name=$1
    shift
    if "$@"; then ok "$name"; else fail "$name" "screen:" "$(screen | grep -v '^ *$' | head -n 40)"; fi
}

epoch() { status | sed -n 's/.*epoch \([0-9][0-9]*\).*/\1/p' | head -n 1; }

# At 1 epoch per second: at most 3 epochs in 2 s (about 2, one more if
# an epoch fell due at each end), and at least one.
slowest() {
    for i in 1 2 3 4 5; do key '['; done
    wait_status 'speed 1 epoch/s' || return 1
    wait_for 'speed: 1 epoch per second \(the slowest\)' || return 1
    e0=$(epoch)
    sleep 2
    e1=$(epoch)
    echo "# slowest: epoch $e0 -> $e1 in 2 s"
    [ -n "$e0" ] && [ -n "$e1" ] && [ $((e1 - e0)) -le 3 ] && [ $((e1 - e0)) -ge 1 ]
}
start slow 120 30 ""
wait_status 'running' && check "[ five times: 1 epoch per second, about 2 epochs in 2 s" slowest

back_up() {
    for i in 1 2 3 4 5; do key ']'; done
    wait_status 'speed 1/frame' || return 1
    key ']'
    wait_status 'speed 2/frame'
}
check "] back up: 1 then 2 epochs per frame" back_up

# Behind ?: the epoch shown before the overlay is the epoch after it
# closes, give or take the frame that was under way.
behind_help() {
    key ']' ; key ']' ; key ']'      # 16 epochs per frame: a stop shows
    wait_for 'speed: 16 epochs per frame' || return 1
    key '?'
    wait_for 'pause / resume' || return 1
    sleep 0.3
    e0=$(epoch)
    sleep 1.5
    e1=$(epoch)
    key q                            # any key closes the overlay
    sleep 0.5
    e2=$(epoch)
    echo "# behind ?: epoch $e0, $e1 after 1.5 s, $e2 after closing"
    [ -n "$e0" ] && [ "$e0" = "$e1" ] && [ "$e2" -gt "$e1" ]
}
check "training stands still behind ? and goes on when it closes" behind_help

# Too small: the notice is up for 3 s. Held, the epochs gained from
# before the notice to just after it are those of the moment it takes to
# read the screen; running on they would be 3 s worth: more than twice
# the epochs of the second after it.
behind_notice() {
    e0=$(epoch)
    tm resize-window -t "$S" -x 60 -y 20
    wait_for 'needs at least 80x24' || return 1
    sleep 3
    tm resize-window -t "$S" -x 120 -y 30
    wait_status 'running' || return 1
    e1=$(epoch)
    sleep 1
    e2=$(epoch)
    echo "# behind the notice: epoch $e0 before, $e1 after, $e2 a second later"
    [ -n "$e0" ] && [ -n "$e1" ] && [ -n "$e2" ] && [ "$e2" -gt "$e1" ] &&
        [ $((e1 - e0)) -lt $((2 * (e2 - e1))) ]
}
check "training stands still behind the notice to enlarge the terminal" behind_notice
key q
