#!/bin/sh
# tui_test.sh - end-to-end tests of the live program: the real binary runs
# in a private tmux server at a fixed size, keys are sent with send-keys
# and the screen is read back with capture-pane. Every check polls the
# screen until what it expects shows up or a generous deadline passes; no
# check depends on how fast the machine is. Each check prints "ok NAME",
# "not ok NAME" or, when it cannot run here, "skip NAME: why". Run from
# the repository root with DESCENT set (tests/run.sh does both).
set -u
. tests/lib.sh

KEYMAP_SRC=src/keymap.c

NAME=tui
. tests/tmux_lib.sh
tm set-option -g remain-on-exit on >/dev/null
tm set-option -g default-size 100x30 >/dev/null 2>&1


# start NAME WIDTH HEIGHT ENV ARGS: runs "ENV descent ARGS" in a new
# session and makes it current; its exit status goes to $TMP/NAME.exit.
# The shell around it stays (sleep) so the terminal's state after the
# program can be read. It catches SIGINT, SIGQUIT and SIGTSTP, so that
# Ctrl-C, Ctrl-\ and Ctrl-Z, which the terminal sends to both, reach only
# descent (which gets the default actions back) and the status is
# written; no core file is left by SIGQUIT.
start() {
    S=$1
    rm -f "$TMP/$S.exit"
    tm new-session -d -s "$S" -x "$2" -y "$3" \
        "trap : INT QUIT TSTP; ulimit -c 0; $4 '$BIN' $5; echo exit=\$? > '$TMP/$S.exit'; sleep 120"
}


# The epoch the status line shows, or nothing.
epoch() { status | sed -n 's/.*epoch \([0-9][0-9]*\).*/\1/p' | head -n 1; }

# wait_for PATTERN [SECONDS]: polls the screen until the extended regex
# shows up; false after the deadline (default 10 s).

# wait_epoch_above N [SECONDS]: polls until the status shows an epoch > N.
wait_epoch_above() {
    n=$(( ${2:-10} * 20 ))
    while [ "$n" -gt 0 ]; do
        now=$(epoch)
        [ -n "$now" ] && [ "$now" -gt "${1:-0}" ] && return 0
        sleep 0.05
        n=$((n - 1))
    done
    return 1
}

# wait_gone PATTERN [SECONDS]: polls until the pattern has left the screen.
wait_gone() {
    n=$(( ${2:-10} * 20 ))
    while [ "$n" -gt 0 ]; do
        screen | grep -Eq -- "$1" || return 0
        sleep 0.05
        n=$((n - 1))
    done
    return 1
}

# wait_exit [SECONDS]: polls until the program has written its status.

exit_status() { sed -n 's/^exit=//p' "$TMP/$S.exit" 2>/dev/null; }

# The pid of descent in the current session (the child of the pane's sh).
program_pid() {
    shpid=$(tm display-message -p -t "$S" '#{pane_pid}')
    ps -o pid= --ppid "$shpid" 2>/dev/null | tr -d ' ' | head -n 1
}

# check NAME CONDITION-COMMAND... : ok when the command succeeds.
check() {
    name=$1
    shift
    if "$@"; then ok "$name"; else fail "$name" "screen:" "$(screen | grep -v '^ *$' | head -n 40)"; fi
}

finish() { tm kill-session -t "$S" 2>/dev/null; }

# The terminal is given back: normal screen, cursor shown, keypad off,
# mouse reporting off.
restored() {
    [ "$(tm display-message -p -t "$S" '#{alternate_on}#{cursor_flag}#{keypad_cursor_flag}#{mouse_any_flag}')" = "0100" ]
}

# click X Y: a button-1 click at cell (X, Y), 0-based, sent as the raw
# X10 mouse bytes a terminal would send (ESC [ M, then button + 32,
# X + 33, Y + 33), press then release; ncurses decodes them (kmous).

quit_clean() {
    key q
    wait_exit 10 && [ "$(exit_status)" = 0 ] && restored
}

# ---------------------------------------------------------------------
# Start, run, pause, step.

start run 100 30 "" ""
check start wait_status 'epoch [0-9]+'
e0=$(epoch)
check running_advances wait_epoch_above "${e0:-0}"
check status_labels wait_status 'cost .* lr .* loss .* batch .* act '

key Space
check pause_shows_paused wait_status 'paused'
e1=$(epoch)
held=yes
for _ in 1 2 3 4 5 6; do
    sleep 0.1
    [ "$(epoch)" = "$e1" ] || held=no
done
check pause_holds_epoch [ "$held" = yes ]

# A paused program must not use the CPU: utime + stime over 2 s.
pid=$(program_pid)
if [ -n "$pid" ] && [ -r "/proc/$pid/stat" ]; then
    t0=$(awk '{print $14 + $15}' "/proc/$pid/stat")
    sleep 2
    t1=$(awk '{print $14 + $15}' "/proc/$pid/stat")
    if [ $((t1 - t0)) -lt 2 ]; then ok paused_no_busy_loop
    else fail paused_no_busy_loop "$((t1 - t0)) ticks in 2 s while paused"; fi
else
    skip paused_no_busy_loop "no /proc/PID/stat here"
fi

key n
check n_one_epoch wait_status "epoch $((e1 + 1))( |$)"
held=yes
for _ in 1 2 3 4 5; do
    sleep 0.1
    [ "$(epoch)" = "$((e1 + 1))" ] || held=no
done
check n_exactly_one [ "$held" = yes ]
key n
key n
check n_twice_two_more wait_status "epoch $((e1 + 3))( |$)"

key Space
check resume_runs wait_status 'running'
key n
check n_while_running_pauses wait_status 'paused'
key Space
check resume_again wait_status 'running'
check resume_advances wait_epoch_above $((e1 + 4))
check quit_q_exit_0 quit_clean
finish

# One minibatch per '.': with --batch 4 the 100 samples of setosa and
# versicolor make 25 batches, so 24 presses leave the epoch and the 25th
# finishes it. The 'g' after the 24 shows a notice once the keys before
# it have all been handled.
start dot 100 30 "" "--batch 4"
check dot_start wait_status 'batch 4'
key Space
wait_status 'paused'
e=$(epoch)
tm send-keys -t "$S" -N 24 -l .
key g
wait_for 'linear' 10
check dot_24_same_epoch [ "$(epoch)" = "$e" ]
literal .
check dot_25th_finishes_epoch wait_status "epoch $((e + 1))( |$)"
check dot_25th_notice wait_for "minibatch 25 of 25: epoch $((e + 1)) complete"
literal .
check dot_first_of_next wait_for "minibatch 1 of 25 \\(epoch $((e + 2))\\)"
check dot_first_same_epoch [ "$(epoch)" = "$((e + 1))" ]
finish

# ---------------------------------------------------------------------
# Every key's effect. Paused, so nothing moves behind the checks.

start keys 120 40 "" "--batch 8"
wait_status 'epoch'
key Space
wait_status 'paused'
literal +; check key_lr_up wait_status 'lr 1( |$)'
literal +; check key_lr_up_ladder wait_status 'lr 2( |$)'
literal -; literal -; literal -; check key_lr_down_ladder wait_status 'lr 0\.2( |$)'
literal -; check key_lr_down wait_status 'lr 0\.1( |$)'
literal l; check key_loss_mae wait_status 'loss MAE'
literal l; check key_loss_bce wait_status 'loss BCE'
literal l; check key_loss_mse wait_status 'loss MSE'
literal a; check key_act_linear wait_status 'act linear'
literal a; check key_act_relu wait_status 'act relu'
literal a; check key_act_step wait_status 'act step'
literal a; check key_act_sigmoid wait_status 'act sigmoid'
literal b; check key_batch_up wait_status 'batch 16'
literal b; literal b; check key_batch_up_full wait_status 'batch full'
literal b; check key_batch_full_stays wait_status 'batch full'
literal B; check key_batch_down wait_status 'batch 32'
literal B; literal B; literal B; literal B; literal B; literal B
check key_batch_down_stops_at_1 wait_status 'batch 1( |$)'
literal ']'; check key_faster wait_for 'speed: 2 epochs per frame'
check key_faster_status wait_status 'speed 2/frame'
literal ']'; check key_faster_again wait_for 'speed: 4 epochs per frame'
literal '['; literal '['; check key_slower_to_1 wait_for 'speed: 1 epoch per frame'
literal '['; check key_slower_below_1 wait_for 'speed: 15 epochs per second'
literal ']'; check key_faster_back_to_1 wait_for 'speed: 1 epoch per frame'
e=$(epoch)
key n; key n
wait_status "epoch $((e + 2))( |$)"
literal r; check key_reset wait_status 'epoch 0( |$)'
check key_reset_notice wait_for 'reset: epoch 0'
literal i; check key_init_uniform wait_for 'init uniform'
literal i; check key_init_zeros wait_for 'init zeros'
literal x; check key_x_feature wait_for 'x axis: sepal_width'
literal x; check key_x_skips_y wait_for 'x axis: petal_width'
literal y; check key_y_feature wait_for 'y axis: sepal_length'
literal c; check key_classes wait_for 'classes: setosa vs virginica'
literal c; check key_classes_next wait_for 'classes: versicolor vs virginica'
literal c; check key_classes_wrap wait_for 'classes: setosa vs versicolor'
literal g; check key_cost_linear wait_for 'cost plot: linear scale'
literal g; check key_cost_log wait_for 'cost plot: log scale'
literal d; check key_regions_on wait_for 'decision regions on'
literal d; check key_regions_off wait_for 'decision regions off'
check keys_left_it_paused wait_status 'paused'

# The help overlay lists every help line of the key table; any key
# closes it without acting.
literal '?'
wait_for 'pause / resume'
missing=""
sed -n 's/^ *{[^"]*"[^"]*", ACTION_[A-Z_]*, "\([^"]*\)"},.*/\1/p' "$KEYMAP_SRC" >"$TMP/help.txt"
nhelp=$(wc -l <"$TMP/help.txt")
screen >"$TMP/help_screen.txt"
while IFS= read -r line; do
    grep -qF -- "$line" "$TMP/help_screen.txt" || missing="$missing [$line]"
done <"$TMP/help.txt"
if [ "$nhelp" -ge 15 ] && [ -z "$missing" ]; then ok help_lists_keys
else fail help_lists_keys "$nhelp help lines; missing:$missing"; fi
literal x
check help_closes_on_any_key wait_gone 'pause / resume'
check help_key_not_acted wait_for 'data: sepal_length vs petal_width'
key q
wait_exit 10
if [ "$(exit_status)" = 0 ] && restored; then ok q_quits_restored
else fail q_quits_restored "exit: $(exit_status)"; fi
finish

# ---------------------------------------------------------------------
# v, the arrows, s, L and the mouse.

mkdir -p "$TMP/save"
start keys2 100 30 "cd '$TMP/save' &&" "--batch 8"
wait_status 'epoch'
key Space
wait_status 'paused'
check mouse_reporting_on [ "$(tm display-message -p -t "$S" '#{mouse_any_flag}')" = 1 ]
literal v; check key_v_landscape wait_for 'right panel: the neuron.s cost over \(w1, w2\)'
literal v; check key_v_bowl wait_for 'right panel: the bowl'
literal r; wait_status 'epoch 0( |$)'
key n; key n; key n
wait_status 'epoch 3( |$)'
key Left; check key_left_back wait_status 'epoch 2( |$)'
check key_left_notice wait_for 'back to epoch 2 of 3'
key Left; key Left; wait_status 'epoch 0( |$)'
key Left; check key_left_refused_at_0 wait_for 'epoch 0: nothing before it'
key Right; check key_right_forward wait_status 'epoch 1( |$)'
key Right; key Right; wait_status 'epoch 3( |$)'
check key_right_newest wait_for 'epoch 3: the newest'
key Right; check key_right_trains_at_newest wait_status 'epoch 4( |$)'
key Left; key Left; wait_status 'epoch 2( |$)'
key n; check key_n_from_past wait_status 'epoch 3( |$)'
key Right; check key_n_forgot_future wait_status 'epoch 4( |$)'
key Space; wait_status 'running'; key Left
check key_left_pauses wait_status 'paused'
literal s; check key_save wait_for 'saved descent-[0-9]{8}-[0-9]{6}\.csv \.txt \.svg'
saved=$(ls "$TMP/save" | grep -c '^descent-[0-9]*-[0-9]*\.\(csv\|txt\|svg\)$')
if [ "$saved" = 3 ]; then ok save_writes_three_files; else fail save_writes_three_files "$(ls "$TMP/save")"; fi
# Saves in quick succession (the same second) never overwrite each other:
# three saves, three .csv files.
csv_count() { ls "$TMP/save" | grep -c '\.csv$'; }
three_saves() {
    i=0
    while [ $i -lt 100 ]; do
        [ "$(csv_count)" -ge 3 ] && return 0
        sleep 0.05; i=$((i + 1))
    done
    return 1
}
literal s; literal s; check save_never_overwrites three_saves
click 75 8; check click_bowl_restarts wait_for 'bowl: descent from \(-?[0-9.]+, -?[0-9.]+\)'
click 20 24; check click_cost_picks wait_for 'epoch [0-9]+: epoch cost '
literal g; check key_clears_pick wait_gone 'epoch [0-9]+: epoch cost '
literal L; check key_lesson wait_for 'lesson 1 of [0-9]+: '
literal L; check key_lesson_next wait_for 'lesson 2 of [0-9]+: '
check keys2_quit quit_clean
finish

# The help overlay fits 80x24 with every key.
start help80 80 24 "" ""
wait_status 'epoch'
literal '?'
wait_for 'pause / resume'
screen >"$TMP/help80.txt"
# At 80x24 the keys take two pages: ? turns to the second.
check help80_pages grep -q 'keys 1/2: ? next page' "$TMP/help80.txt"
literal '?'
wait_for 'keys 2/2: \? next page'
screen >>"$TMP/help80.txt"
literal '?'
check help80_wraps wait_for 'keys 1/2: \? next page'
missing=""
while IFS= read -r line; do
    grep -qF -- "$line" "$TMP/help80.txt" || missing="$missing [$line]"
done <"$TMP/help.txt"
[ -z "$missing" ] && ok help_fits_80x24_in_pages || fail help_fits_80x24_in_pages "missing:$missing"
literal g
wait_gone 'pause / resume'
check help80_quit quit_clean
finish

# ---------------------------------------------------------------------
# Divergence, the epoch limit, small and changing sizes.

start diverge 100 30 "" "--lr 1e6 --activation linear"
check divergence_banner wait_for 'DIVERGED at epoch' 10
check divergence_pauses wait_status 'paused'
literal '-'
check divergence_lr_down wait_status 'lr 5e\+05|lr 500000'
check divergence_quit quit_clean
finish

start limit 100 30 "" "--epochs 50 --epochs-per-frame 8"
check epochs_limit_reached wait_status 'epoch 50( |$)' 10
held=yes
for _ in 1 2 3 4 5; do
    sleep 0.1
    [ "$(epoch)" = 50 ] || held=no
done
check epochs_limit_stays [ "$held" = yes ]
key n
check epochs_limit_n_refused wait_for 'r restarts'
check epochs_limit_still_50 [ "$(epoch)" = 50 ]
finish

start tiny 20 6 "" ""
check tiny_notice wait_for '[Ee]nlarge|too small|80.?x.?24' 10
tm resize-window -t "$S" -x 100 -y 30
check tiny_then_large wait_status 'epoch [0-9]+' 10
finish

start storm 100 30 "" ""
wait_status 'epoch'
for size in 80x24 120x40 20x6 200x60 81x25 30x10 79x23 150x50 100x30 \
            90x27 60x20 100x30 1x1 100x30 85x24 100x30; do
    tm resize-window -t "$S" -x "${size%x*}" -y "${size#*x}"
done
tm resize-window -t "$S" -x 100 -y 30
check storm_alive wait_status 'epoch [0-9]+' 10
# sane: the status line is the last row and the screen has 30 rows
# (polled: after the storm the last full repaint may take a moment on a busy machine)
last_row() {
    i=0
    while [ $i -lt 100 ]; do
        screen | sed -n '30p' | grep -Eq 'epoch [0-9]+' && return 0
        sleep 0.1; i=$((i + 1))
    done
    return 1
}
check storm_status_on_last_row last_row
check storm_still_running wait_epoch_above "$(epoch)"
check storm_quit quit_clean
finish

# LINES and COLUMNS exported for another terminal (here absurdly large)
# must not change the size: the first frame is the pane's 100x30, at
# once, in little memory (curses used to allocate 10000x10000 cells).
start envsize 100 30 "COLUMNS=10000 LINES=10000" ""
check env_size_first_frame_fast wait_status 'epoch [0-9]+' 5
row_width() { echo $(($(screen | sed -n "${1}p" | LC_ALL=C.UTF-8 wc -m) - 1)); }
env_frame_100x30() {
    screen | sed -n '30p' | grep -Eq 'epoch [0-9]+' &&
        screen | sed -n '1p' | grep -q '┐$' && [ "$(row_width 1)" = 100 ]
}
check env_size_frame_100x30 env_frame_100x30
peak_kb() { sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$1/status" 2>/dev/null; }
pid=$(program_pid)
kb=$(peak_kb "$pid")
if [ -z "$kb" ]; then skip env_size_small_memory "no /proc/PID/status here"
elif [ "$kb" -lt 200000 ]; then ok env_size_small_memory
else fail env_size_small_memory "peak resident size $kb kB"; fi
check env_size_quit quit_clean
finish

# A terminal taller than the program draws (1000 rows): the frame keeps
# to the top 1000 rows and a notice says why the rest is blank.
start huge 100 1005 "" ""
check cap_frame_1000_rows wait_for '^epoch [0-9]+' 20
cap_rows() {
    i=0
    while [ $i -lt 100 ]; do
        screen | sed -n '1000p' | grep -Eq '^epoch [0-9]+' &&
            [ "$(screen | sed -n '1001p')" = "descent draws at most 1000x1000 cells" ] && return 0
        sleep 0.1; i=$((i + 1))
    done
    return 1
}
check cap_notice_below cap_rows
check cap_quit quit_clean
finish

# ---------------------------------------------------------------------
# Signals: the terminal comes back and the status says which signal.

# killed_restores NAME SIGNAL STATUS [paused]: the program, running (or
# paused, waiting for a key), gets SIGNAL from kill: it must end with
# STATUS (128 + the signal's number on Linux) and leave the terminal as
# it was (normal screen, cursor shown, keypad and mouse reporting off).
killed_restores() {
    start "$1" 100 30 "" ""
    wait_status 'epoch'
    if [ "${4:-}" = paused ]; then
        key Space
        wait_status 'paused'
    else
        wait_epoch_above "$(epoch)" >/dev/null
    fi
    kill -s "$2" "$(program_pid)" 2>/dev/null
    if wait_exit 10 && [ "$(exit_status)" = "$3" ] && restored; then ok "$1"
    else fail "$1" "exit: $(exit_status), wanted $3" \
        "terminal: $(tm display-message -p -t "$S" 'alternate #{alternate_on} cursor #{cursor_flag} keypad #{keypad_cursor_flag} mouse #{mouse_any_flag}')"
    fi
    finish
}

killed_restores sigterm_while_paused TERM 143 paused
killed_restores sighup_while_running HUP 129
killed_restores sigquit_while_running QUIT 131
killed_restores sigquit_while_paused QUIT 131 paused
killed_restores sigusr1_while_running USR1 138
killed_restores sigusr1_while_paused USR1 138 paused
killed_restores sigusr2_while_running USR2 140
killed_restores sigalrm_while_paused ALRM 142 paused
killed_restores sigpipe_while_running PIPE 141
killed_restores sigpipe_while_paused PIPE 141 paused
killed_restores sigxcpu_while_running XCPU 152
killed_restores sigvtalrm_while_paused VTALRM 154 paused

# Keys that make the terminal send a signal to the foreground group.
start sigint 100 30 "" ""
wait_status 'epoch'
key C-c
if wait_exit 10 && [ "$(exit_status)" = 130 ] && restored; then ok ctrl_c_quits
else fail ctrl_c_quits "exit: $(exit_status)"; fi
finish

start ctrlbackslash 100 30 "" ""
wait_status 'epoch'
key Space
wait_status 'paused'
key 'C-\'
if wait_exit 10 && [ "$(exit_status)" = 131 ] && restored; then ok ctrl_backslash_quits
else fail ctrl_backslash_quits "exit: $(exit_status)"; fi
finish

# Ctrl-Z: the terminal is given back while the program is stopped, and
# the screen comes back when it continues. The shell has job control
# here (set -m), as an interactive one would: the terminal stops only a
# process group that has a parent outside it. The shell prints the stop,
# waits for Enter and brings the program back with fg.
state_of() { ps -o stat= -p "$1" 2>/dev/null | cut -c1; }
screen_back() {
    wait_status 'epoch [0-9]+' 10 &&
        [ "$(tm display-message -p -t "$S" '#{alternate_on}#{cursor_flag}#{mouse_any_flag}')" = 101 ]
}
S=ctrlz
rm -f "$TMP/$S.exit"
tm new-session -d -s "$S" -x 100 -y 30 \
    "set -m; '$BIN'; echo stopped=\$?; read go; fg; echo exit=\$? > '$TMP/$S.exit'; sleep 120"
wait_status 'epoch'
pid=$(program_pid)
key C-z
check ctrl_z_suspends wait_for '^stopped=148$'
check ctrl_z_stopped [ "$(state_of "$pid")" = T ]
check ctrl_z_restores restored
tm resize-window -t "$S" -x 120 -y 40
key Enter
check ctrl_z_resume_redraws screen_back
# resized while stopped: the screen comes back at the new size
resumed_40_rows() {
    i=0
    while [ $i -lt 100 ]; do
        screen | sed -n '40p' | grep -Eq '^epoch [0-9]+' && return 0
        sleep 0.1; i=$((i + 1))
    done
    return 1
}
check ctrl_z_resume_new_size resumed_40_rows
check ctrl_z_resume_runs wait_epoch_above "$(epoch)"
check ctrl_z_quit quit_clean
finish

# The terminal goes away while SIGHUP is ignored (nohup): the program
# must notice its input is gone and end, not spin on a dead terminal.
S=hangup
tm new-session -d -s "$S" -x 100 -y 30 "trap '' HUP; exec '$BIN'"
wait_status 'epoch'
key Space
wait_status 'paused'
pid=$(tm display-message -p -t "$S" '#{pane_pid}')
tm kill-session -t "$S"
gone() {
    i=0
    while [ $i -lt 100 ]; do
        kill -0 "$1" 2>/dev/null || return 0
        sleep 0.05; i=$((i + 1))
    done
    return 1
}
if [ -n "$pid" ] && gone "$pid"; then ok terminal_gone_ends
else
    fail terminal_gone_ends "pid $pid still there: $(ps -o stat=,time= -p "$pid" 2>/dev/null)"
    kill -9 "$pid" 2>/dev/null
fi

# A fatal signal: the handler gives the terminal back, then the signal
# takes its previous course: the default ends the process (139 = 128 +
# SIGSEGV); under AddressSanitizer its own handler reports and exits 1.
start sigsegv 100 30 "" ""
wait_status 'epoch'
kill -SEGV "$(program_pid)" 2>/dev/null
wait_exit 10
case "$(exit_status)" in
139) segv_ok=yes ;;
1) if screen | grep -q AddressSanitizer; then segv_ok=yes; else segv_ok=no; fi ;;
*) segv_ok=no ;;
esac
if [ "$segv_ok" = yes ] && restored; then ok fatal_signal_restores
else fail fatal_signal_restores "exit: $(exit_status)"; fi
finish

# ---------------------------------------------------------------------
# Failures before the screen starts: one line on stderr, exit 2.

start baddata 100 30 "" "--data '$TMP/no-such.csv'"
if wait_exit 10 && [ "$(exit_status)" = 2 ] && wait_for "^descent: .*no-such.csv" 5 && restored
then ok bad_data_exit_2
else fail bad_data_exit_2 "exit: $(exit_status)" "$(screen | head -n 3)"; fi
finish

start badterm 100 30 "TERM=no-such-terminal" ""
if wait_exit 10 && [ "$(exit_status)" = 2 ] && wait_for '^descent: cannot start the terminal' 5
then ok unknown_term_exit_2
else fail unknown_term_exit_2 "exit: $(exit_status)" "$(screen | head -n 3)"; fi
finish

start dumbterm 100 30 "TERM=dumb" ""
if wait_exit 10 && [ "$(exit_status)" = 2 ] && wait_for '^descent: the terminal cannot move its cursor' 5
then ok dumb_term_exit_2
else fail dumb_term_exit_2 "exit: $(exit_status)" "$(screen | head -n 3)"; fi
finish

run
if [ "$RC" -eq 2 ] && grep -q '^descent: not a terminal' "$TMP/err" && [ ! -s "$TMP/out" ]
then ok not_a_terminal_exit_2
else fail not_a_terminal_exit_2 "exit $RC" "$(cat "$TMP/err")"; fi

# ---------------------------------------------------------------------
# Wide characters: class names of two columns each. On the live screen
# each must be written whole and its right half (a continuation cell of
# the canvas) not written over: the legend row reads "o 猫  x 犬" as
# with any names ("o setosa  x versicolor": two spaces, not three) and
# the panel's right border stands under the top border's junction.
# Skipped while the canvas shows wide characters as '?'.

printf 'x1,x2,y\n1,2,猫\n2,1,犬\n1.5,2.5,猫\n2.5,0.5,犬\n' >"$TMP/wide.csv"
wide_args="--data '$TMP/wide.csv' --x x1 --y x2 --label y --classes 猫,犬"
eval "'$BIN' $wide_args --dump-frame 100x30" >"$TMP/wide.txt" 2>&1
if ! grep -q '猫' "$TMP/wide.txt"; then
    skip wide_glyphs_whole "the canvas shows wide characters as '?'"
else
    start wide 100 30 "" "$wide_args"
    wait_status 'epoch'
    columns_of() { LC_ALL=C.UTF-8 wc -L; }
    wide_legend() {
        i=0
        while [ $i -lt 100 ]; do
            legend=$(screen | sed -n '2s/^\(│[^│]*│\).*/\1/p')
            top=$(screen | sed -n '1s/^\(┌[^┬]*┬\).*/\1/p')
            case "$legend" in
            '│o 猫  x 犬 '*)
                [ -n "$top" ] && [ "$(echo "$legend" | columns_of)" = "$(echo "$top" | columns_of)" ] &&
                    return 0 ;;
            esac
            sleep 0.05; i=$((i + 1))
        done
        return 1
    }
    check wide_glyphs_whole wide_legend
    check wide_quit quit_clean
    finish
fi

# ---------------------------------------------------------------------
# Locales and colours.

ascii_only() { ! screen | LC_ALL=C grep -q '[^ -~]'; }

start lang_c 100 30 "env -u LC_ALL LANG=C LC_CTYPE=C" ""
check lang_c_starts wait_status 'epoch [0-9]+'
check lang_c_ascii_only ascii_only
check lang_c_quits quit_clean
finish

start ascii 100 30 "" "--ascii"
check ascii_starts wait_status 'epoch [0-9]+'
check ascii_only ascii_only
check ascii_quits quit_clean
finish

start nocolor 100 30 "" "--no-color"
check no_color_starts wait_status 'epoch [0-9]+'
check no_color_quits quit_clean
finish

start nocolorenv 100 30 "NO_COLOR=1" ""
check no_color_env_starts wait_status 'epoch [0-9]+'
check no_color_env_quits quit_clean
finish

exit 0
