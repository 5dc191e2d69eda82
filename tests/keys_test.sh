#!/bin/sh
# keys_test.sh - keys that cannot hurt, in the live program (tmux): Esc,
# Alt+key and escape sequences curses does not know never quit and leave
# the training running; a key that cannot act says why in a notice; the =
# prompt types a learning rate (bad input says why, Esc cancels) and a
# recording of it replays headless to the same weights; z zooms one
# panel at 80x24. Run from the repository root with DESCENT set
# (tests/run.sh does both).
set -u
. tests/lib.sh

NAME=keys
. tests/tmux_lib.sh
tm set-option -g remain-on-exit on >/dev/null

epoch() { status | sed -n 's/.*epoch \([0-9][0-9]*\).*/\1/p' | head -n 1; }
# moving: the epoch counter goes past where it is now.
moving() {
    e=$(epoch)
    n=200
    while [ "$n" -gt 0 ]; do
        now=$(epoch)
        [ -n "$now" ] && [ -n "$e" ] && [ "$now" -gt "$e" ] && return 0
        sleep 0.05
        n=$((n - 1))
    done
    return 1
}
wait_gone() {
    n=200
    while [ "$n" -gt 0 ]; do
        screen | grep -Eq -- "$1" || return 0
        sleep 0.05
        n=$((n - 1))
    done
    return 1
}
wait_gone_help() { wait_gone 'pause / resume'; }
alive() { [ ! -s "$TMP/$S.exit" ] && moving; }
check() {
    name=$1
    shift
    if "$@"; then ok "$name"; else fail "$name" "screen:" "$(screen | grep -v '^ *$' | tail -n 6)"; fi
}

# ---------------------------------------------------------------------
# Esc, Alt+key, unknown sequences: the program lives on, still training.
start esc 100 30 "--epochs-per-frame 1"
wait_status 'running'
key M-n; check alt_n_keeps_running alive
key M-q; check alt_q_keeps_running alive
tm send-keys -t "$S" -H 1b 5b 39 39 7e; check csi_99_tilde_keeps_running alive
tm send-keys -t "$S" -H 1b 4f 39; check ss3_9_keeps_running alive
check sequences_left_no_notice_behind wait_status 'running'
key Escape
check esc_keeps_running alive
check esc_says_what_it_does wait_for 'Esc closes the help, the lr prompt or a zoom; q quits'
literal '?'; wait_for 'pause / resume'
key Escape; check esc_closes_help wait_gone_help
finish

# ---------------------------------------------------------------------
# A key that cannot act says why.
start noop 100 30 ""
wait_status 'running'
key Space; wait_status 'paused'
literal b; check b_at_full_says_why wait_for 'batch is already full \(100 samples\)'
literal B; literal B; literal B; literal B; literal B; wait_status 'batch 1( |$)'
literal B; check B_at_1_says_why wait_for 'batch is already 1: the smallest'
for i in 1 2 3 4 5; do literal '['; done; wait_for 'speed: 1 epoch per second'
literal '['; check slower_at_slowest_says_why wait_for 'speed is already the slowest: 1 epoch per second'
literal '<'; check turn_without_mesh_says_why wait_for 'turn and tilt move the 3D mesh: m shows it'
literal t; check t_without_test_says_why wait_for 'no test points: --test F holds a share of the rows out'
finish

start top 100 30 "--lr 1e6 --epochs-per-frame 65536"
wait_status 'epoch'
literal +; check lr_up_at_top_says_why wait_for 'the learning rate stays within 1e-06 .. 1e\+06'
literal ']'; check faster_at_fastest_says_why wait_for 'speed is already the fastest: 65536 epochs per frame'
finish

# ---------------------------------------------------------------------
# =: a learning rate typed on the status line, recorded and replayed.
start prompt 100 30 "--record '$TMP/lr.rec'"
wait_status 'running'
literal '='; check prompt_opens wait_for '^lr = _'
literal abc; key Enter
check prompt_refuses_text wait_for 'lr = abc_  not a number: type e.g. 0.03'
key BSpace BSpace BSpace
literal -1; key Enter; check prompt_refuses_negative wait_for 'must be above 0'
key BSpace BSpace; literal 1e9; key Enter; check prompt_refuses_too_big wait_for 'too big: at most 1e\+06'
key BSpace BSpace BSpace; literal inf; key Enter; check prompt_refuses_inf wait_for 'not finite'
key Escape; check prompt_esc_cancels wait_for 'lr unchanged: 0.5'
check prompt_esc_did_not_quit alive
literal '='; literal 0.03; key Enter
check prompt_sets_lr wait_status 'lr 0.03( |$)'
check prompt_notice wait_for 'lr 0.03 \(typed\)'
key Space; wait_status 'paused'
literal q
wait_exit 10
recorded=$(sed -n 's/^end \([0-9]*\) \([0-9]*\) [0-9]* \(.*\)$/\1 0 \3/p' "$TMP/lr.rec")
run --replay "$TMP/lr.rec" --headless
replayed=$(tail -n 1 "$TMP/out" | awk -F, '{print $1" 0 "$3" "$4" "$5}')
if [ "$RC" = 0 ] && [ -n "$recorded" ] && [ "$recorded" = "$replayed" ]; then ok prompt_replays_to_same_weights
else fail prompt_replays_to_same_weights "recorded: $recorded" "replayed: $replayed" "$(cat "$TMP/err")"; fi
grep -q '^key [0-9]* [0-9]* [0-9]* =$' "$TMP/lr.rec" && ok prompt_recorded_as_keys || fail prompt_recorded_as_keys "$(cat "$TMP/lr.rec")"
finish

# ---------------------------------------------------------------------
# z at 80x24: one panel on the whole screen, then the next; Esc: back.
start zoom 80 24 ""
wait_status 'epoch'
key Space; wait_status 'paused'
literal z
check zoom_data_alone wait_for '^┌─ data: .*─┐$'
check zoom_hides_cost wait_gone 'epoch cost: mean'
literal z; check zoom_cost_next wait_for '^┌─ epoch cost: mean.*─┐$'
literal z; check zoom_neuron_next wait_for '^┌─ neuron.*─┐$'
literal z; check zoom_right_next wait_for '^┌─ bowl: .*─┐$'
key Escape; check zoom_esc_back wait_for '┬─ bowl: '
finish

# ---------------------------------------------------------------------
# A lesson opens paused at epoch 0 with its caption; space starts it.
start lesson 100 30 "--lesson minibatch-noise"
check lesson_opens_paused wait_status 'epoch 0 .*paused'
check lesson_caption_shown wait_for '^ lesson minibatch-noise: '
check lesson_says_space_starts wait_for 'lesson minibatch-noise: paused at epoch 0 \(space: start\)'
sleep 1
check lesson_still_epoch_0_after_1s [ "$(epoch)" = 0 ]
key Space
check lesson_space_starts alive
literal L
check lesson_L_opens_paused wait_for 'lesson [0-9]+ of [0-9]+: [a-z-]+, paused \(space: start, L: next\)'
check lesson_L_at_epoch_0 wait_status 'epoch 0 .*paused'
finish
