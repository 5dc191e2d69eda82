#!/bin/sh
# frame_log_test.sh - the frame log (DESCENT_FRAME_LOG=FILE) has the form
# bench/tui_bench.sh parses: a line per frame of six fields (views + blit
# ms, epoch, training ms, ms from reading a key to the end of the blit that
# shows it or -1, the blit's end and the load's end as CLOCK_REALTIME
# microseconds). A key sent by tmux gives a line with a key time whose
# blit stamp lies between the script's clock reads before send-keys and
# after the line appeared; the first frame is stamped after the load.
# No timing thresholds: only order and sanity. Runs the real binary in a
# private tmux server (tests/tmux_lib.sh).
set -u
. tests/lib.sh

NAME=frame_log
. tests/tmux_lib.sh

now_us() { echo $(($(date +%s%N) / 1000)); }
log="$TMP/frames"

S=frames
start_us=$(now_us)
tm new-session -d -s frames -x 100 -y 30 \
    "exec env DESCENT_FRAME_LOG='$log' '$BIN' --epochs 1000000"
wait_for 'epoch [0-9]+' 10
sleep 0.3

# every line: six numeric fields, sane
bad=$(awk -v s="$start_us" 'NF != 6 || $1 !~ /^[0-9.]+$/ || $2 !~ /^[0-9]+$/ ||
      $3 !~ /^[0-9.]+$/ || !($4 == -1 || $4 >= 0) || $5 !~ /^[0-9]+$/ ||
      $6 !~ /^[0-9]+$/ || $6 < s || $5 < $6 { print NR": "$0 }' "$log" | head -n 3)
if [ -s "$log" ] && [ -z "$bad" ]; then
    ok "frame lines: six fields, stamps after the start and the load"
else
    fail "frame lines: six fields, stamps after the start and the load" "bad: $bad" "first: $(head -n 2 "$log")"
fi

# the blit stamps never go back; the load's stamp is the same on each line
if awk 'NR > 1 && ($5 < p || $6 != l) { exit 1 } { p = $5; l = $6 }' "$log"; then
    ok "blit stamps in order, one load stamp"
else
    fail "blit stamps in order, one load stamp" "$(head -n 5 "$log")"
fi

# a key: the next line with a key time is stamped between before and after
from=$(wc -l < "$log")
before=$(now_us)
key l
line=""
i=0
while [ $i -lt 200 ] && [ -z "$line" ]; do
    line=$(tail -n +"$((from + 1))" "$log" | awk '$4 >= 0 { print; exit }')
    [ -z "$line" ] && sleep 0.05
    i=$((i + 1))
done
after=$(now_us)
if [ -n "$line" ] && echo "$line" | awk -v b="$before" -v a="$after" \
        '{ exit !($5 >= b && $5 <= a && $4 * 1000 <= $5 - b + 1000) }'; then
    ok "a key's line: its blit between send-keys and seeing it"
else
    fail "a key's line: its blit between send-keys and seeing it" "before $before after $after" "line: $line"
fi
if wait_status 'loss MAE' 5; then
    ok "the key changed the status line"
else
    fail "the key changed the status line" "$(status)"
fi
key q
