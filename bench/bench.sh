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

# N inputs: the same full-batch epoch with 2 and with 4 raw Iris features.
# The four timings of a round are taken one after another, round after
# round, so that both counts of inputs see the same load of the machine.
echo
echo "N inputs, full batch on Iris (versicolor vs virginica, 100 samples, sigmoid, MSE)"
n2=sepal_length,petal_length
n4=sepal_length,sepal_width,petal_length,petal_width
e1=50000
e2=500000
i=0
while [ $i -lt $runs ]; do
    for key in n2_$e1 n2_$e2 n4_$e1 n4_$e2; do
        eval "features=\$${key%_*}"
        epochs=${key#*_}
        t0=$(date +%s%N)
        "$bin" --headless --features "$features" --classes versicolor,virginica \
            --epochs "$epochs" --every "$epochs" >/dev/null
        t1=$(date +%s%N)
        echo $((t1 - t0)) >>"$tmp/$key"
    done
    i=$((i + 1))
done
median_of() { sort -n "$tmp/$1" | sed -n "$(((runs + 1) / 2))p"; }
c2=$(slope $e1 $e2 "$(median_of n2_$e1)" "$(median_of n2_$e2)")
c4=$(slope $e1 $e2 "$(median_of n4_$e1)" "$(median_of n4_$e2)")
awk -v c2="$c2" -v c4="$c4" -v n=$samples 'BEGIN {
    printf "%-12s %14s %14s\n", "inputs", "descent ep/s", "ns/sample"
    printf "%-12s %14.0f %14.2f\n", "N = 2", 1e9 / c2, c2 / n
    printf "%-12s %14.0f %14.2f\n", "N = 4", 1e9 / c4, c4 / n
    printf "N = 4 takes %.2fx the time per sample of N = 2 (goal: at most 2x)\n", c4 / c2 }'
echo
echo "A hidden layer on Iris (100 samples, full batch, tanh units, sigmoid output, MSE)"
printf '%-12s %14s %14s %10s\n' hidden "ep/s" "ns/sample" "vs H=0"
base=""
for h in 0 8; do
    t1=$(median_ns "$bin" --headless --hidden $h --init uniform --epochs 20000 --every 20000)
    t2=$(median_ns "$bin" --headless --hidden $h --init uniform --epochs 200000 --every 200000)
    c=$(slope 20000 200000 "$t1" "$t2")
    [ -n "$base" ] || base=$c
    awk -v h="$h" -v c="$c" -v b="$base" -v n=$samples 'BEGIN {
        printf "%-12s %14.0f %14.2f %9.1fx\n", h, 1e9 / c, c / n, c / b }'
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
