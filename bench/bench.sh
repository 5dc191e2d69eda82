#!/bin/sh
# bench.sh BUILD: `make bench`. Whole-process timings, median of 5 runs,
# everything compared measured in this one run.
#
# Training throughput: each program is timed at two epoch counts and the
# per-epoch time is the slope between the medians, so process start-up
# (Python's import of numpy especially) cancels out.
set -eu
build=${1:-build}
bin="$build/descent"
runs=5

# median_ns CMD...: median wall time of $runs runs, in nanoseconds.
median_ns() {
    i=0
    : >"$tmp/times"
    while [ $i -lt $runs ]; do
        t0=$(date +%s%N)
        "$@" >/dev/null
        t1=$(date +%s%N)
        echo $((t1 - t0)) >>"$tmp/times"
        i=$((i + 1))
    done
    sort -n "$tmp/times" | sed -n "$(((runs + 1) / 2))p"
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# per_epoch_ns NAME E1 E2 CMD-PREFIX...: slope of the median time, in ns.
slope() {
    e1=$1; e2=$2; t1=$3; t2=$4
    awk -v e1="$e1" -v e2="$e2" -v t1="$t1" -v t2="$t2" 'BEGIN { printf "%.1f", (t2 - t1) / (e2 - e1) }'
}

samples=100   # setosa + versicolor
have_numpy=no
if /usr/bin/python3 -c 'import numpy' 2>/dev/null; then have_numpy=yes; fi

echo "descent bench: $(uname -m), $(nproc) cores, medians of $runs whole-process runs"
echo
echo "Training on Iris (setosa vs versicolor, 100 samples, sigmoid, MSE, lr 0.5)"
printf '%-12s %14s %14s %12s %14s %10s\n' batch "descent ep/s" "ns/sample" "numpy ep/s" "numpy ns/smp" ratio
for batch in full 1; do
    if [ "$batch" = full ]; then e1=200000; e2=2000000; n1=20; n2=220; else e1=20000; e2=200000; n1=5; n2=55; fi
    t1=$(median_ns "$bin" --headless --batch "$batch" --epochs $e1 --every $e1)
    t2=$(median_ns "$bin" --headless --batch "$batch" --epochs $e2 --every $e2)
    c=$(slope $e1 $e2 "$t1" "$t2")
    if [ "$have_numpy" = yes ]; then
        t1=$(median_ns /usr/bin/python3 bench/seed_numpy.py $n1 "$batch")
        t2=$(median_ns /usr/bin/python3 bench/seed_numpy.py $n2 "$batch")
        p=$(slope $n1 $n2 "$t1" "$t2")
    else
        p=nan
    fi
    awk -v b="$batch" -v c="$c" -v p="$p" -v n=$samples 'BEGIN {
        if (p == "nan") printf "%-12s %14.0f %14.2f %12s %14s %10s\n", b, 1e9 / c, c / n, "-", "-", "-"
        else printf "%-12s %14.0f %14.2f %12.0f %14.1f %9.0fx\n", b, 1e9 / c, c / n, 1e9 / p, p / n, p / c }'
done
[ "$have_numpy" = yes ] || echo "(numpy not installed: sudo apt-get install python3-numpy for the comparison)"

# Every optimizer against sgd, full batch: the same slope method, the runs
# of all six interleaved so that they share the machine's state.
echo
echo "Optimizers on Iris, full batch (lr 0.01): epochs/s beside sgd (goal: none > 1.5x slower)"
printf '%-10s %14s %14s %12s\n' optimizer "ep/s" "ns/epoch" "vs sgd"
optimizers="sgd momentum nesterov adagrad rmsprop adam"
e1=100000; e2=1000000
for o in $optimizers; do : >"$tmp/$o.1"; : >"$tmp/$o.2"; done
i=0
while [ $i -lt $runs ]; do
    for o in $optimizers; do
        for e in $e1 $e2; do
            t0=$(date +%s%N)
            "$bin" --headless --lr 0.01 --optimizer "$o" --epochs $e --every $e >/dev/null
            t1=$(date +%s%N)
            if [ $e = $e1 ]; then echo $((t1 - t0)) >>"$tmp/$o.1"; else echo $((t1 - t0)) >>"$tmp/$o.2"; fi
        done
    done
    i=$((i + 1))
done
for o in $optimizers; do
    m1=$(sort -n "$tmp/$o.1" | sed -n "$(((runs + 1) / 2))p")
    m2=$(sort -n "$tmp/$o.2" | sed -n "$(((runs + 1) / 2))p")
    c=$(slope $e1 $e2 "$m1" "$m2")
    [ "$o" = sgd ] && sgd=$c
    awk -v o="$o" -v c="$c" -v s="$sgd" 'BEGIN { printf "%-10s %14.0f %14.1f %11.2fx\n", o, 1e9 / c, c, c / s }'
done

if [ -x "$build/bench_frame" ]; then
    echo
    "$build/bench_frame"
fi
if [ -f bench/tui_bench.sh ]; then
    echo
    sh bench/tui_bench.sh "$bin"
fi
if [ -f bench/load_bench.sh ]; then
    echo
    sh bench/load_bench.sh "$build"
fi
