#!/bin/sh
# mesh_test.sh - the 3D mesh in the live program: the real binary runs in
# a private tmux server (tests/tmux_lib.sh); m shows and hides the mesh,
# < and > turn it, ( and ) tilt it within its range, the panel shows the
# angles, the keys do nothing but say so while the contours are shown,
# v shows the landscape's mesh, a lesson keeps the mesh, and a paused
# mesh uses no CPU; --view mesh dumps the golden frames. Every check polls the screen with a generous
# deadline. Run from the repository root with DESCENT set (tests/run.sh
# does both).
set -u
. tests/lib.sh

NAME=mesh
. tests/tmux_lib.sh
tm set-option -g remain-on-exit on >/dev/null

# The shell in each pane ignores SIGINT (tmux_lib's start).
START_PREFIX="trap : INT;"



wait_gone() {
    n=$(( ${2:-10} * 20 ))
    while [ "$n" -gt 0 ]; do
        screen | grep -Eq -- "$1" || return 0
        sleep 0.05
        n=$((n - 1))
    done
    return 1
}

program_pid() {
    shpid=$(tm display-message -p -t "$S" '#{pane_pid}')
    ps -o pid= --ppid "$shpid" 2>/dev/null | tr -d ' ' | head -n 1
}

exit_status() { sed -n 's/^exit=//p' "$TMP/$S.exit" 2>/dev/null; }

# ---------------------------------------------------------------------
# The README's screen of the mesh is the golden frame, as it is now.

sed 's/^/  /' tests/golden/mesh_bowl_lr0.1_80x24.txt >"$TMP/want"
awk '/^  ┌─ data/ { on = 1 } on && n < 24 { print; n++ }' README.md >"$TMP/got"
if cmp -s "$TMP/want" "$TMP/got"; then ok readme_mesh_screen
else fail readme_mesh_screen "README.md's mesh screen differs from tests/golden/mesh_bowl_lr0.1_80x24.txt"; fi

# ---------------------------------------------------------------------
# --view mesh and landscape-mesh: the frame dump draws exactly the golden
# frames test_views renders for the same state.

same_frame() { # NAME GOLDEN ARGS...: the dump equals tests/golden/GOLDEN.txt
    name=$1
    golden=$2
    shift 2
    "$DESCENT" "$@" >"$TMP/frame" 2>"$TMP/frame_err"
    if cmp -s "$TMP/frame" "tests/golden/$golden.txt"; then ok "$name"
    else fail "$name" "descent $*: $(head -c 200 "$TMP/frame_err")" \
        "$(diff "tests/golden/$golden.txt" "$TMP/frame" | head -n 10)"; fi
}
same_frame view_mesh_lr0.1 mesh_bowl_lr0.1_80x24 --dump-frame 80x24 --lr 0.1 --epochs 20 --view mesh
same_frame view_mesh_lr1_big mesh_bowl_lr1_160x50 --dump-frame 160x50 --lr 1 --epochs 7 --view mesh
same_frame view_mesh_lr1.1_big mesh_bowl_lr1.1_160x50 --dump-frame 160x50 --lr 1.1 --epochs 12 --view mesh
same_frame view_mesh_ascii mesh_bowl_lr0.1_80x24_ascii --dump-frame 80x24 --lr 0.1 --epochs 20 --view mesh --ascii
same_frame view_landscape_mesh mesh_landscape_epoch100_80x24 --dump-frame 80x24 --epochs 100 --view landscape-mesh
same_frame view_landscape_mesh_big mesh_landscape_epoch100_160x50 --dump-frame 160x50 --epochs 100 --view landscape-mesh
# A lesson may ask for the mesh too.
printf 'lr = 0.1\nview = mesh\ncaption = the bowl in 3D\n' >"$TMP/mesh.lesson"
"$DESCENT" --dump-frame 80x24 --epochs 20 --lesson "$TMP/mesh.lesson" >"$TMP/frame" 2>&1
if grep -q 'bowl: f(x,y)=x²+y², 3D' "$TMP/frame"; then ok lesson_view_mesh
else fail lesson_view_mesh "$(head -n 5 "$TMP/frame")"; fi
"$DESCENT" --dump-frame 80x24 --view flat >"$TMP/frame" 2>"$TMP/frame_err"
if [ $? -eq 2 ] && [ "$(cat "$TMP/frame_err")" = 'descent: --view: "flat" is not bowl, landscape, mesh or landscape-mesh (see --help)' ]
then ok view_bad_value
else fail view_bad_value "$(cat "$TMP/frame_err")"; fi

# ---------------------------------------------------------------------
# m, < > ( ) on the bowl, while training.

start bowl 120 40 "--lr 0.1"
check starts wait_status 'epoch [0-9]+'
check starts_with_contours wait_for 'bowl: f\(x,y\)=x²\+y² ─'
key m
check m_shows_mesh wait_for 'bowl: f\(x,y\)=x²\+y², 3D'
check m_shows_angles wait_for 'turn 30° tilt 50°'
check m_notice wait_for 'right panel: 3D mesh \(< > turn, \( \) tilt\)'
literal '>'
check turn_right wait_for 'turn 45° tilt 50°'
check turn_notice wait_for 'mesh turned to 45 degrees'
literal '<'
literal '<'
literal '<'
check turn_left wait_for 'turn 0° tilt 50°'
literal '<'
check turn_wraps wait_for 'turn 345° tilt 50°'
literal ')'
check tilt_up wait_for 'turn 345° tilt 60°'
literal ')'
literal ')'
literal ')'
check tilt_clamped_high wait_for 'turn 345° tilt 80°'
check tilt_clamp_notice wait_for 'the tilt stays within 10 \.\. 80 degrees'
literal '('
check tilt_down wait_for 'tilt 70°'
i=0
while [ $i -lt 8 ]; do literal '('; i=$((i + 1)); done
check tilt_clamped_low wait_for 'turn 345° tilt 10°'

# Paused on the mesh: the loop blocks, no CPU (utime + stime over 2 s).
key Space
check pauses wait_status 'paused'
pid=$(program_pid)
if [ -n "$pid" ] && [ -r "/proc/$pid/stat" ]; then
    t0=$(awk '{print $14 + $15}' "/proc/$pid/stat")
    sleep 2
    t1=$(awk '{print $14 + $15}' "/proc/$pid/stat")
    if [ $((t1 - t0)) -lt 2 ]; then ok paused_mesh_no_cpu
    else fail paused_mesh_no_cpu "$((t1 - t0)) ticks in 2 s while paused"; fi
else
    ok "paused_mesh_no_cpu # skip: no /proc"
fi
# a turn while paused redraws at once
literal '>'
check turn_while_paused wait_for 'turn 0° tilt 10°'

# v: the landscape's mesh, same angles; m back to the contours.
key v
check v_landscape_mesh wait_for 'cost landscape C\(w1, w2\), 3D'
check v_keeps_angles wait_for 'turn 0° tilt 10°'
key m
check m_back_to_contours wait_for 'cost landscape C\(w1, w2\) ─'
check m_angles_gone wait_gone 'tilt 10°'
literal '>'
check turn_without_mesh_says_so wait_for 'turn and tilt move the 3D mesh: m shows it'
key m
check angles_kept_while_hidden wait_for 'turn 0° tilt 10°'

# The help lists the keys.
key '?'
check help_lists_m wait_for 'right panel: contours/3D'
check help_lists_turn wait_for '3D: turn 15 degrees left'
check help_lists_tilt wait_for '3D: tilt 10 degrees up'
key Escape
check help_closes wait_gone '3D: turn 15 degrees left'

# L: the next lesson sets its own view, but the mesh and its angles stay.
key L
check lesson_keeps_mesh wait_for 'bowl: f\(x,y\)=x²\+y², 3D'
check lesson_keeps_angles wait_for 'turn 0° tilt 10°'
key q
if wait_exit 10 && [ "$(exit_status)" = 0 ]; then ok quits; else fail quits "exit: $(exit_status)"; fi
finish

# ---------------------------------------------------------------------
# The smallest screen and ASCII: still a mesh, still the angles.

start small 80 24 "--ascii --lr 1.1"
check small_starts wait_status 'epoch [0-9]+'
key m
check small_ascii_mesh wait_for 'bowl: f\(x,y\)=x\^2\+y\^2, 3D'
check small_ascii_angles wait_for 'turn 30deg tilt 50deg'
check small_ascii_leaves wait_for 'f=[0-9.e+]+'
key q
if wait_exit 10 && [ "$(exit_status)" = 0 ]; then ok small_quits; else fail small_quits "exit: $(exit_status)"; fi
finish

exit 0
