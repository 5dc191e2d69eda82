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
descent-record 1
data -
x sepal_length
y petal_length
label species
class-a setosa
class-b versicolor
standardize off
activation sigmoid
loss MSE
lr 0.5
batch full
shuffle on
init zeros
seed 1
start 5,5
epochs 0
lesson -
caption-1 
caption-2 
explicit 0
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
echo 'epoch,cost' | bad not_a_record 1 'not a descent record file (the first line must be "descent-record 1")'
header | sed '/^seed/d' | bad missing_seed 21 'setting "seed" missing'
{ header; echo 'seed 2'; } | bad twice 22 'seed given twice'
header | sed 's/^lr .*/lr fast/' | bad bad_lr 11 'lr: "fast" is not a number > 0'
header | sed 's/^lr .*/lr -1/' | bad negative_lr 11 'lr: "-1" is not a number > 0'
header | sed 's/^activation .*/activation tanh/' | bad bad_activation 9 'activation: unknown "tanh" (sigmoid, linear, relu, step)'
header | sed 's/^batch .*/batch 0/' | bad batch_zero 12 'batch: "0" is not a whole number > 0 or full'
header | sed 's/^start .*/start 5/' | bad bad_start 16 'start: "5" is not X,Y'
{ header; echo 'jump 1 2 3'; } | bad unknown_line 22 'unknown line "jump"'
{ header; echo 'key 1 0 5 F1'; } | bad unknown_key 22 'key: unknown key "F1"'
{ header; echo 'key 1 0 5'; } | bad short_key 22 'key: wants key EPOCH SAMPLES MS KEY'
{ header; echo 'key 1 0 5 n extra'; } | bad long_key 22 'key: wants key EPOCH SAMPLES MS KEY'
{ header; echo 'key -1 0 5 n'; } | bad negative_epoch 22 'key: "-1" is not a whole number (key EPOCH SAMPLES MS KEY)'
{ header; echo 'click-bowl 1 0 5 nan 2'; } | bad nan_click 22 'click-bowl: the point is not two finite numbers'
{ header; echo 'key 1 0 5 n'; echo 'lr 0.1'; } | bad late_setting 23 'setting "lr" after the events'
{ header; echo 'end 0 0 5 0 0 0'; echo 'key 1 0 5 n'; } | bad after_end 23 'key after the end line'
{ header | sed '/^lesson/d'; echo 'key 1 0 5 n'; } | bad event_before_settings 21 'setting "lesson" missing before the first event'
{ header; echo 'key 5 0 5 space'; echo 'key 3 0 9 n'; } | bad unreachable 23 'the event is at epoch 3 (+0 samples) but the run stopped at epoch 5 (+0 samples)'
{ header; printf 'key 1 0 5 n\000\n'; } | bad nul_byte 22 'a NUL byte in the line'

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
expect_err bad_record_tui_message "descent: $TMP/unknown_key.rec:22: key: unknown key \"F1\""
run --record "$TMP/no-such-dir/x.rec"
expect_rc record_unwritable_exit_2 2
expect_err record_unwritable_message "descent: $TMP/no-such-dir/x.rec: No such file or directory"

exit 0
