#!/bin/sh
# tui_bench.sh BINARY: the live program's costs, measured in tmux.
#   - CPU paused and training at the default speed (120x40), from the
#     process's utime+stime in /proc over a 5 s window;
#   - bytes sent to the terminal per frame in steady training against one
#     full repaint (tmux pipe-pane counts the bytes);
#   - views + blit time per frame at 120x40 and 200x60, and with the cost
#     landscape on at 200x60 (the program logs it when DESCENT_FRAME_LOG
#     names a file), median over the frames;
#   - with 1M rows at 200x60 (the section below says how): fps while
#     training, key -> screen running and paused at full batch, batch 32
#     and 1, with the landscape and regions on as well, the longest frame,
#     the first frame after the load, and the check "20 keys each
#     answered within 50 ms" (whole-process, timed from the program's own
#     log of its blits, not from tmux's captures).
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
epoch_of() { T capture-pane -p -t "$1" | grep -o 'epoch [0-9][0-9]*' | tail -n 1 | cut -d' ' -f2; }

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

# ---- Large data: 1M rows (bench/gen_rows.c) at 200x60 ----
# The program's frame log (DESCENT_FRAME_LOG, a line per frame: views +
# blit ms, epoch, training ms, ms from reading a key to the end of the
# blit that shows it or -1, the blit's end and the load's end as
# CLOCK_REALTIME microseconds) gives every figure:
#   - fps while training: the frames logged in a 5 s window;
#   - key -> screen for l (the next loss, shown on the status line), the
#     whole process: from the script's clock read just before
#     `tmux send-keys` to the end of the blit that shows the key (the
#     first frame line with a key time after it): tmux delivering the key
#     through the pty, the program reading it, the frame under way
#     (training and drawing) and the blit; capture-pane is not timed. A
#     capture afterwards checks that the status line's loss did change.
#     Beside it, in program: from reading the key to the end of that blit;
#     the longest frame while the keys were sent (drawing, and drawing +
#     training);
#   - the first frame: from the load's end (logged by the program) to the
#     end of its first blit, and from the script's start of the session;
#   - the yardstick: the same key timing for a program that answers at
#     once (bench/key_echo.c): what tmux and the machine add.
rows=1000000
cc -O2 -o "$tmp/gen_rows" "$(dirname "$0")/gen_rows.c"
"$tmp/gen_rows" $rows >"$tmp/big.csv"
data="--data $tmp/big.csv --x x1 --y x2 --label label --classes A,B"
now_us() { echo $(($(date +%s%N) / 1000)); }
loss_of() { T capture-pane -p -t "$1" | tail -n 1 | grep -o 'loss [A-Z]*'; }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR) printf "%.1f", v[int((NR + 1) / 2)]; else printf "nan" }'; }
largest() { sort -n | tail -n 1 | awk '{ printf "%.1f", $1 }'; }

# key_line LOG FROM: the first frame line after line FROM that shows a
# key (waits up to 4 s; prints nothing if none came).
key_line() {
    i=0
    while [ $i -lt 800 ]; do
        l=$(tail -n +"$(($2 + 1))" "$1" | awk '$4 >= 0 { print; exit }')
        [ -n "$l" ] && { echo "$l"; return 0; }
        sleep 0.005; i=$((i + 1))
    done
    return 1
}

# keys NAME COUNT: COUNT times l, 0.3 s apart; prints per key
# "whole_ms in_program_ms changed" (changed: 1 when a capture showed the
# new loss within 2 s; whole_ms -1 when no frame showed the key).
keys() {
    k=0
    log="$tmp/$1.frames"
    while [ $k -lt "$2" ]; do
        before=$(loss_of "$1")
        from=$(wc -l < "$log")
        t0=$(now_us)
        echo "send-keys -t $1 l" >&9
        line=$(key_line "$log" "$from")
        changed=0; i=0
        while [ $i -lt 40 ]; do
            [ "$(loss_of "$1")" != "$before" ] && { changed=1; break; }
            sleep 0.05; i=$((i + 1))
        done
        if [ -n "$line" ]; then
            echo "$line" | awk -v t0="$t0" -v c=$changed '{ printf "%.1f %.1f %d\n", ($5 - t0) / 1000, $4, c }'
        else
            echo "-1 -1 $changed"
        fi
        k=$((k + 1))
        sleep 0.3
    done
}
# longest LOG FROM TO: the longest drawing and drawing + training among
# frame lines FROM+1..TO, as "D, F".
longest() {
    sed -n "$(($2 + 1)),$3p" "$1" | awk '{ if ($1 > d) d = $1; if ($1 + $3 > f) f = $1 + $3 }
        END { printf "%.1f, %.1f", d, f }'
}

# Keys go through one tmux control-mode client (commands written to a
# pipe it reads), not a tmux process started per key: that start, slow on
# a loaded machine, is no part of the program's answer.
mkfifo "$tmp/control"
T -C attach -t keeper <"$tmp/control" >/dev/null 2>&1 &
exec 9>"$tmp/control"

echo
echo "Large data: $rows rows (x1,x2,label), 200x60; key -> screen in ms, medians of 9 keys"
t0=$(now_us)
start first 200x60 $data
i=0
while [ $i -lt 400 ] && ! [ -s "$tmp/first.frames" ]; do sleep 0.025; i=$((i + 1)); done
sleep 0.5
T send-keys -t first q
head -n 1 "$tmp/first.frames" | awk -v t0="$t0" '{ printf "  first frame after the load  %.0f ms (from the load'"'"'s end to its blit; the session started %.0f ms before it, the load ended at %.0f ms; goal < 500)\n", ($5 - $6) / 1000, ($5 - t0) / 1000, ($6 - t0) / 1000 }'
head -n 1 "$tmp/first.frames" | awk '{ printf "  first frame in the program  %.1f ms (its training %.1f ms, views and blit %.1f ms)\n", $1 + $3, $3, $1 }'
printf '  %-27s %5s  %-22s %-20s %-18s %s\n' "" fps "running: in program" "paused: in program" "whole, via tmux" "longest frame running: drawing, + training"

for batch in full 32 1; do
    for view in "" "--view landscape --regions"; do
        name="b$batch$(echo "$view" | tr -dc a-z | cut -c1-4)"
        log="$tmp/$name.frames"
        start "$name" 200x60 $data --batch $batch $view
        wait_for "$name" "epoch" >/dev/null && sleep 1
        f0=$(wc -l < "$log"); sleep $window; f1=$(wc -l < "$log")
        fps=$(awk -v a="$f0" -v b="$f1" -v s=$window 'BEGIN { printf "%.1f", (b - a) / s }')
        keys "$name" 9 >"$tmp/$name.run"
        f2=$(wc -l < "$log")
        T send-keys -t "$name" Space; wait_for "$name" "paused" >/dev/null
        keys "$name" 9 >"$tmp/$name.paused"
        T send-keys -t "$name" q
        label="batch $batch${view:+, landscape+regions}"
        printf '  %-27s %5s  %-22s %-20s %-18s %s\n' "$label" "$fps" \
            "$(awk '{ print $2 }' "$tmp/$name.run" | median)" \
            "$(awk '{ print $2 }' "$tmp/$name.paused" | median)" \
            "$(awk '{ print $1 }' "$tmp/$name.run" | median), $(awk '{ print $1 }' "$tmp/$name.paused" | median)" \
            "$(longest "$log" "$f1" "$f2")"
    done
done

# The yardstick: tmux delivering a key alone, to a program that stamps
# it as soon as it reads it (bench/key_echo.c), timed the same way.
cc -O2 -o "$tmp/key_echo" "$(dirname "$0")/key_echo.c"
T new-session -d -s yard -x 80 -y 24 "exec $tmp/key_echo $tmp/yard.keys"
wait_for yard "ready" >/dev/null
k=0
while [ $k -lt 20 ]; do
    from=$(wc -l < "$tmp/yard.keys")
    t0=$(now_us)
    echo "send-keys -t yard l" >&9
    i=0
    while [ $i -lt 400 ] && [ "$(wc -l < "$tmp/yard.keys")" -le "$from" ]; do sleep 0.005; i=$((i + 1)); done
    sed -n "$((from + 1))p" "$tmp/yard.keys" | awk -v t0="$t0" '{ printf "%.1f\n", ($1 - t0) / 1000 }'
    k=$((k + 1))
    sleep 0.15
done >"$tmp/yard.ms"
T send-keys -t yard q
echo "  tmux alone (a key to a program that stamps it on reading): median $(median < "$tmp/yard.ms") ms, worst $(largest < "$tmp/yard.ms") ms of 20"

# The check: 20 keys, running, each on screen within 50 ms, whole-process
# (from before send-keys to the end of the blit that shows it), and each
# seen on the status line by a capture; at batch 1 and at full batch.
for batch in 1 full; do
    start "keys$batch" 200x60 $data --batch $batch
    wait_for "keys$batch" "epoch" >/dev/null && sleep 1
    keys "keys$batch" 20 >"$tmp/keys$batch.ms"
    T send-keys -t "keys$batch" q
    sleep 0.3
    f="$tmp/keys$batch.ms"
    slow=$(awk '$1 < 0 || $1 > 50' "$f" | wc -l)
    unseen=$(awk '$3 != 1' "$f" | wc -l)
    if [ "$(wc -l < "$f")" -eq 20 ] && [ "$slow" -eq 0 ] && [ "$unseen" -eq 0 ]; then verdict=ok; else verdict="not ok"; fi
    echo "  $verdict: 20 keys at batch $batch, running, each on screen within 50 ms ($slow over, $unseen not seen on the status line; whole median $(awk '{ print $1 }' "$f" | median) ms, worst $(awk '{ print $1 }' "$f" | largest) ms; in program median $(awk '{ print $2 }' "$f" | median), worst $(awk '{ print $2 }' "$f" | largest) ms)"
done
echo "  (load average during the run: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores)"
