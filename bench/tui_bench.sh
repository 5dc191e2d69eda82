#!/bin/sh
# tui_bench.sh BINARY: the live program's costs, measured in tmux.
#   - CPU paused and training at the default speed (120x40), from the
#     process's utime+stime in /proc over a 5 s window;
#   - bytes sent to the terminal per frame in steady training against one
#     full repaint (tmux pipe-pane counts the bytes);
#   - views + blit time per frame at 120x40 and 200x60, and with the cost
#     landscape on at 200x60 (the program logs it when DESCENT_FRAME_LOG
#     names a file), median over the frames.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
sock="descent-bench-$$"
tmp=$(mktemp -d)
T() { tmux -L "$sock" -f /dev/null "$@"; }
trap 'T kill-server 2>/dev/null; rm -rf "$tmp"' EXIT
hz=$(getconf CLK_TCK)
window=5

# start NAME WxH ARGS...: the program in a fresh session, its pid in $tmp/NAME.pid.
start() {
    name=$1; size=$2; shift 2
    w=${size%x*}; h=${size#*x}
    T new-session -d -s "$name" -x "$w" -y "$h" \
        "echo \$\$ > $tmp/$name.pid; exec env LC_ALL=C.UTF-8 DESCENT_FRAME_LOG=$tmp/$name.frames $bin $*"
}

# wait_for NAME PATTERN: poll the screen until PATTERN shows (10 s at most).
wait_for() {
    i=0
    while [ $i -lt 200 ]; do
        T capture-pane -p -t "$1" 2>/dev/null | grep -q -- "$2" && return 0
        sleep 0.05; i=$((i + 1))
    done
    echo "(timed out waiting for '$2' in $1)" >&2
    return 1
}

ticks() { awk '{ sub(/^.*\) /, ""); split($0, f, " "); print f[12] + f[13] }' "/proc/$1/stat"; }
epoch_of() { T capture-pane -p -t "$1" | grep -o 'epoch [0-9]*' | tail -n 1 | cut -d' ' -f2; }

cpu_percent() {
    pid=$(cat "$tmp/$1.pid")
    t0=$(ticks "$pid"); sleep $window; t1=$(ticks "$pid")
    awk -v a="$t0" -v b="$t1" -v hz="$hz" -v s=$window 'BEGIN { printf "%.1f", (b - a) / hz / s * 100 }'
}

median_ms() {
    # skip the first frame (the full paint), median of the rest
    tail -n +2 "$1" | awk '{ print $1 }' | sort -n | awk '{ v[NR] = $1 } END { if (NR) printf "%.3f", v[int((NR + 1) / 2)]; else printf "nan" }'
}

echo "The live program (tmux, LC_ALL=C.UTF-8, default speed 1 epoch/frame)"
T new-session -d -s keeper "sleep 600"   # keeps the server up between runs

start paused 120x40
wait_for paused "epoch" && T send-keys -t paused Space && wait_for paused "paused" && sleep 1
paused=$(cpu_percent paused)
T send-keys -t paused q

start live 120x40
wait_for live "epoch" && sleep 2
e0=$(epoch_of live)
T pipe-pane -o -t live "cat > $tmp/live.bytes"
live=$(cpu_percent live)
T pipe-pane -t live
e1=$(epoch_of live)
T send-keys -t live q
bytes=$(wc -c < "$tmp/live.bytes")
frames=$((e1 - e0))

# One full repaint: everything the program writes to show its first screen
# (run for one epoch, then it stops and writes nothing more).
T new-session -d -s full -x 120 -y 40 "sleep 0.5; exec env LC_ALL=C.UTF-8 $bin --epochs 1"
T pipe-pane -o -t full "cat > $tmp/full.bytes"
wait_for full "done" && sleep 0.5
full=$(wc -c < "$tmp/full.bytes")
T send-keys -t full q

start big 200x60
wait_for big "epoch" && sleep 3
T send-keys -t big q

start land 200x60 --view landscape
wait_for land "epoch" && sleep 1
landcpu=$(cpu_percent land)
T send-keys -t land q
sleep 0.5

echo "  paused CPU                        $paused% of a core"
echo "  training CPU at 120x40            $live% of a core"
awk -v b="$bytes" -v f="$frames" -v full="$full" 'BEGIN {
    if (f > 0) printf "  bytes per frame, steady training  %.0f (%d frames), full repaint %d: %.1f%%\n", b / f, f, full, b / f / full * 100 }'
echo "  views + blit per frame, 120x40    $(median_ms "$tmp/live.frames") ms median ($(wc -l < "$tmp/live.frames") frames)"
echo "  views + blit per frame, 200x60    $(median_ms "$tmp/big.frames") ms median ($(wc -l < "$tmp/big.frames") frames)"
echo "  landscape view at 200x60: CPU     $landcpu% of a core"
echo "  landscape view at 200x60: frame   $(median_ms "$tmp/land.frames") ms median, views + blit ($(wc -l < "$tmp/land.frames") frames)"
