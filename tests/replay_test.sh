#!/bin/sh
# replay_test.sh - record and replay: a session recorded in tmux at one
# speed is played back headless and in tmux at other speeds and must end
# on the same weights, bit for bit (the record file's end line holds the
# recorded run's final weights; a replay that records again writes its
# own); and bad record files are refused with FILE:LINE: reason, exit 2,
# before any terminal starts. Run from the repository root with DESCENT
# set (tests/run.sh does both).
set -u
. tests/lib.sh

NAME=replay
. tests/tmux_lib.sh

start() {
    S=$1
    rm -f "$TMP/$S.exit"
    tm new-session -d -s "$S" -x 100 -y 30 \
        "'$BIN' $2; echo exit=\$? > '$TMP/$S.exit'; sleep 120"
}
# The end line's position and weights of a record file.
end_of() { sed -n 's/^end \([0-9]*\) \([0-9]*\) [0-9]* \(.*\)$/\1 \2 \3/p' "$1"; }

# ---------------------------------------------------------------------
# Record at speed 1: keys while running and paused, minibatch steps,
# the arrows, a click on the bowl.
start rec "--batch 8 --record '$TMP/a.rec'"
wait_for 'epoch [0-9]+' || true
sleep 0.3
literal +; sleep 0.2
literal l; sleep 0.2
literal b; sleep 0.3
key Space; wait_for 'paused' || true
literal n; literal .; literal .; literal .
key Left; key Left; key Right
literal .
click 75 8
key Space; sleep 0.5
literal a; sleep 0.3
key Space; wait_for 'paused' || true
literal q
if wait_exit 10 && grep -q 'exit=0' "$TMP/rec.exit"; then ok record_session_exits_0
else fail record_session_exits_0 "$(cat "$TMP/rec.exit" 2>/dev/null)"; fi
events=$(grep -c '^\(key\|click-bowl\) ' "$TMP/a.rec")
if [ "$events" -ge 15 ] && grep -q '^click-bowl ' "$TMP/a.rec" && grep -q '^key [0-9]* [1-9][0-9]* ' "$TMP/a.rec"; then
    ok record_file_has_keys_clicks_and_minibatch_positions
else
    fail record_file_has_keys_clicks_and_minibatch_positions "$(cat "$TMP/a.rec")"
fi
recorded=$(end_of "$TMP/a.rec")
[ -n "$recorded" ] && ok record_file_has_end_line || fail record_file_has_end_line "$(tail -n 3 "$TMP/a.rec")"

# Headless: the last row's weights are the recorded ones, to the last digit.
run --replay "$TMP/a.rec" --headless
expect_rc replay_headless_exits_0 0
last=$(tail -n 1 "$TMP/out" | awk -F, '{print $1" 0 "$3" "$4" "$5}')
if [ "$last" = "$recorded" ]; then ok replay_headless_same_weights
else fail replay_headless_same_weights "replay:   $last" "recorded: $recorded"; fi
rows=$(($(wc -l <"$TMP/out") - 1))
epoch=$(echo "$recorded" | cut -d' ' -f1)
[ "$rows" = "$epoch" ] && ok replay_headless_one_row_per_epoch || fail replay_headless_one_row_per_epoch "$rows rows, epoch $epoch"
run --replay "$TMP/a.rec" --headless --epochs-per-frame 64 --every 10
expect_rc replay_headless_every_exits_0 0
[ "$(tail -n 1 "$TMP/out" | cut -d, -f3-5)" = "$(echo "$recorded" | cut -d' ' -f3- | tr ' ' ,)" ] \
    && ok replay_headless_every_keeps_last || fail replay_headless_every_keeps_last "$(tail -n 1 "$TMP/out")"

# In tmux at other speeds, recording again: the same end.
for speed in 64 3; do
    start "play$speed" "--replay '$TMP/a.rec' --epochs-per-frame $speed --record '$TMP/b$speed.rec'"
    if wait_for 'replay of .* done: your turn' 30; then ok "replay_tui_speed_${speed}_finishes"
    else fail "replay_tui_speed_${speed}_finishes" "$(screen | tail -n 3)"; fi
    literal q
    wait_exit 10
    again=$(end_of "$TMP/b$speed.rec")
    if [ "$again" = "$recorded" ]; then ok "replay_tui_speed_${speed}_same_weights"
    else fail "replay_tui_speed_${speed}_same_weights" "replay:   $again" "recorded: $recorded"; fi
done

# A changed end line: the replay says where it differs.
sed 's/^end \([0-9]* [0-9]* [0-9]*\) [^ ]*/end \1 0.125/' "$TMP/a.rec" >"$TMP/changed.rec"
run --replay "$TMP/changed.rec" --headless
expect_rc replay_mismatch_exit_2 2
grep -q "^descent: $TMP/changed.rec:[0-9]*: the replay ends at epoch" "$TMP/err" \
    && ok replay_mismatch_message || fail replay_mismatch_message "$(cat "$TMP/err")"
expect_empty_out replay_mismatch_no_output

# ---------------------------------------------------------------------
# Bad record files: FILE:LINE: reason, exit 2, nothing on stdout; the
# TUI reports them before starting the terminal.
header() {
    cat <<'HDR'
descent-record 2
set x sepal_length
set y petal_length
set label species
set classes setosa,versicolor
set standardize off
set activation sigmoid
set loss MSE
set lr 0.5
set batch full
set shuffle on
set init zeros
set seed 1
set epochs 0
set start 5,5
lesson-name -
caption-1 
caption-2 
explicit -
HDR
}
bad() { # NAME LINE REASON, the file on stdin
    cat >"$TMP/$1.rec"
    run --replay "$TMP/$1.rec" --headless
    want="descent: $TMP/$1.rec:$2: $3"
    if [ "$RC" = 2 ] && [ "$(cat "$TMP/err")" = "$want" ] && [ ! -s "$TMP/out" ]; then ok "bad_record_$1"
    else fail "bad_record_$1" "exit $RC" "got:  $(cat "$TMP/err")" "want: $want"; fi
}
printf '' | bad empty 1 'empty file, not a descent record'
echo 'epoch,cost' | bad not_a_record 1 'not a descent record file (the first line must be "descent-record 2")'
printf 'descent-record 1\nlr 0.5\n' | bad version_1 1 'a version 1 record file; this descent reads version 2 (settings by name): record the run again'
{ header; echo 'set seed 2'; } | bad twice 20 'seed given twice'
header | sed 's/^set lr .*/set lr fast/' | bad bad_lr 9 'lr: "fast" is not a positive number'
header | sed 's/^set lr .*/set lr -1/' | bad negative_lr 9 'lr: "-1" is not a positive number'
header | sed 's/^set activation .*/set activation tanh/' | bad bad_activation 7 'activation: "tanh" is not one of sigmoid, linear, relu, step'
header | sed 's/^set batch .*/set batch 0/' | bad batch_zero 10 'batch: "0" is not a whole number >= 1 or "full"'
header | sed 's/^set start .*/set start 5/' | bad bad_start 15 'start: "5" is not two numbers as X,Y'
header | sed 's/^set epochs .*/set epochs 281474976710657/' | bad epochs_past_2_48 14 'epochs: "281474976710657" is not a whole number from 0 to 2^48'
header | sed 's/^set seed .*/set seed/' | bad set_without_value 13 'set: wants set NAME VALUE'
{ header; echo 'set speed 2'; } | bad unknown_setting 20 'set: unknown setting "speed"'
{ header; echo 'set every 2'; } | bad not_recorded 20 'set: "every" is not a setting of record files'
header | sed 's/^explicit .*/explicit lr,speed/' | bad unknown_explicit 19 'explicit: unknown setting "speed"'
{ header; echo 'jump 1 2 3'; } | bad unknown_line 20 'unknown line "jump"'
{ header; echo 'key 1 0 5 F1'; } | bad unknown_key 20 'key: unknown key "F1"'
{ header; echo 'key 1 0 5'; } | bad short_key 20 'key: wants key EPOCH SAMPLES MS KEY'
{ header; echo 'key 1 0 5 n extra'; } | bad long_key 20 'key: wants key EPOCH SAMPLES MS KEY'
{ header; echo 'key -1 0 5 n'; } | bad negative_epoch 20 'key: "-1" is not a whole number (key EPOCH SAMPLES MS KEY)'
{ header; echo 'click-bowl 1 0 5 nan 2'; } | bad nan_click 20 'click-bowl: the point is not two finite numbers'
{ header; echo 'key 1 0 5 n'; echo 'set lr 0.1'; } | bad late_setting 21 'setting "lr" after the events'
{ header; echo 'key 1 0 5 n'; echo 'lesson-name -'; } | bad late_lesson 21 '"lesson-name" after the events'
{ header; echo 'end 0 0 5 0 0 0'; echo 'key 1 0 5 n'; } | bad after_end 21 'key after the end line'
{ header; echo 'key 5 0 5 space'; echo 'key 3 0 9 n'; } | bad unreachable 21 'the event is at epoch 3 (+0 samples) but the run stopped at epoch 5 (+0 samples)'
{ header; printf 'key 1 0 5 n\000\n'; } | bad nul_byte 20 'a NUL byte in the line'

# Epochs are bounded as --epochs bounds them, and by the run's own limit:
# a far event is refused at once, not trained towards for days.
{ header | sed 's/^set epochs .*/set epochs 100/'; echo 'key 1000000000000 0 0 q'; } \
    | bad past_epoch_limit 20 "key: epoch 1000000000000 is past the run's last epoch (set epochs 100)"
{ header; echo 'key 1000000000000000 0 0 q'; } | bad past_2_48 20 'key: "1000000000000000" is past the largest epoch (2^48)'
{ header; echo 'click-cost 1 0 0 281474976710657'; } | bad click_past_2_48 20 'click-cost: "281474976710657" is not an epoch'

# Settings a file leaves out take their defaults: a file with one event.
printf 'descent-record 2\nkey 3 0 0 q\n' >"$TMP/minimal.rec"
run --replay "$TMP/minimal.rec" --headless
expect_rc minimal_record_exits_0 0
[ "$(cut -d, -f1 "$TMP/out" | tr '\n' ' ')" = "epoch 1 2 3 " ] && ok minimal_record_three_rows \
    || fail minimal_record_three_rows "$(cat "$TMP/out")"
mv "$TMP/out" "$TMP/minimal.csv"
run --headless --epochs 3
cmp -s "$TMP/out" "$TMP/minimal.csv" && ok minimal_record_is_the_default_run \
    || fail minimal_record_is_the_default_run "$(diff "$TMP/out" "$TMP/minimal.csv" | head -n 4)"

# Keys other than q are refused while a replay plays (one far event: the
# replay trains towards it for minutes).
{ header; echo 'key 100000 0 0 g'; } >"$TMP/far.rec"
start refuse "--replay '$TMP/far.rec' --epochs-per-frame 1"
wait_for 'epoch [0-9]+' || true
literal r
if wait_for 'replaying: q quits \(event 1 of 1\)' 5; then ok replay_refuses_keys
else fail replay_refuses_keys "$(screen | tail -n 3)"; fi
literal q
wait_exit 10 && grep -q 'exit=0' "$TMP/refuse.exit" && ok replay_q_quits || fail replay_q_quits

run --replay "$TMP/no-such.rec" --headless
expect_rc missing_record_exit_2 2
expect_err missing_record_message "descent: $TMP/no-such.rec: No such file or directory"

# The TUI checks the file before the terminal: the same message even
# without a terminal.
run --replay "$TMP/unknown_key.rec"
expect_rc bad_record_tui_exit_2 2
expect_err bad_record_tui_message "descent: $TMP/unknown_key.rec:20: key: unknown key \"F1\""
run --record "$TMP/no-such-dir/x.rec"
expect_rc record_unwritable_exit_2 2
expect_err record_unwritable_message "descent: $TMP/no-such-dir/x.rec: No such file or directory"

exit 0
