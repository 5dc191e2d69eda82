#!/bin/sh
# bench.sh BUILD: `make bench`. Whole-process timings, median of 5 runs,
# everything compared measured in this one run.
#
# Training throughput: each program's whole-process CPU time (user +
# system, bench/cpu_median.py) at two epoch counts; the per-epoch time is
# the slope between the medians, so process start-up (Python's import of
# numpy especially) cancels out. Beside descent: the hand-written AVX2
# kernel (bench/iris_avx2.c) without and with fast-math, batch-1 SGD in
# plain C (bench/iris_plain_c.c) and the seed's numpy loop.
set -eu
build=${1:-build}
bin="$build/descent"
runs=5

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# slope E1 E2 T1 T2: (T2 - T1) / (E2 - E1), the time of one epoch.
slope() {
    e1=$1; e2=$2; t1=$3; t2=$4
    awk -v e1="$e1" -v e2="$e2" -v t1="$t1" -v t2="$t2" 'BEGIN { printf "%.1f", (t2 - t1) / (e2 - e1) }'
}

samples=100   # setosa + versicolor
have_numpy=no
if /usr/bin/python3 -c 'import numpy' 2>/dev/null; then have_numpy=yes; fi

# The yardsticks, built here: the hand-written AVX2 kernel without and with
# fast-math, and batch-1 SGD in plain C.
have_avx2=no
if cc -O2 -mavx2 -ffp-contract=off -o "$tmp/iris_avx2" bench/iris_avx2.c 2>"$tmp/cc_err" \
    && cc -O2 -mavx2 -mfma -ffast-math -o "$tmp/iris_avx2_fast" bench/iris_avx2.c 2>>"$tmp/cc_err" \
    && "$tmp/iris_avx2" --check; then
    have_avx2=yes
fi
cc -O2 -o "$tmp/iris_plain_c" bench/iris_plain_c.c -lm

# cpu_at E CMD...: CMD's median CPU ns with each argument @E replaced by E.
cpu_at() {
    e=$1; shift
    for a; do
        shift
        [ "$a" = @E ] && a=$e
        set -- "$@" "$a"
    done
    python3 bench/cpu_median.py $runs "$@"
}

# cpu_slope E1 E2 CMD...: CPU ns per epoch, the slope of CMD's medians at
# E1 and E2 epochs (@E in CMD stands for the count).
cpu_slope() {
    e1=$1; e2=$2; shift 2
    slope "$e1" "$e2" "$(cpu_at "$e1" "$@")" "$(cpu_at "$e2" "$@")"
}

# row BATCH NAME NS_PER_EPOCH PEER_NS_PER_EPOCH NOTE: ns/sample and the ratio
# of the peer's time to descent's.
row() {
    awk -v b="$1" -v name="$2" -v c="$3" -v p="$4" -v note="$5" -v n=$samples 'BEGIN {
        if (c == "-") { printf "%-6s %-34s %12s  %s\n", b, name, "-", note; exit }
        if (p == "") printf "%-6s %-34s %12.2f\n", b, name, c / n
        else printf "%-6s %-34s %12.2f %9.2fx  %s\n", b, name, c / n, c / p, note }'
}

echo "descent bench: $(uname -m), $(nproc) cores, medians of $runs whole-process runs"
echo
echo "Training on Iris (setosa vs versicolor, 100 samples, sigmoid, MSE, lr 0.5):"
echo "CPU time (user + system) per sample and epoch, the slope of the whole"
echo "process's median CPU time between two epoch counts (start-up cancels out);"
echo "ratio = the program's time / descent's"
printf '%-6s %-34s %12s %10s  %s\n' batch program "ns/sample" ratio goal
full=$(cpu_slope 200000 2000000 "$bin" --headless --every 100000000 --epochs @E)
row full descent "$full" "" ""
if [ "$have_avx2" = yes ]; then
    k=$(cpu_slope 200000 2000000 "$tmp/iris_avx2" @E)
    row full "AVX2 kernel, no fast-math" "$k" "$full" \
        "$(awk -v d="$full" -v k="$k" 'BEGIN { printf "descent within 1.25x: %.2fx", d / k }')"
    k=$(cpu_slope 200000 2000000 "$tmp/iris_avx2_fast" @E)
    row full "AVX2 kernel, -ffast-math -mfma" "$k" "$full" \
        "$(awk -v d="$full" -v k="$k" 'BEGIN { printf "(descent %.2fx its time)", d / k }')"
else
    echo "full   AVX2 kernel: skipped (this CPU or compiler has no AVX2)"
fi
if [ "$have_numpy" = yes ]; then
    p=$(cpu_slope 20 220 /usr/bin/python3 bench/seed_numpy.py @E full)
    row full "the seed's numpy loop" "$p" "$full" \
        "$(awk -v d="$full" -v p="$p" 'BEGIN { printf "descent >= 2500x faster: %.0fx", p / d }')"
fi
one=$(cpu_slope 20000 200000 "$bin" --headless --batch 1 --every 100000000 --epochs @E)
row 1 descent "$one" "" ""
c=$(cpu_slope 20000 200000 "$tmp/iris_plain_c" @E)
row 1 "plain C SGD, libm exp" "$c" "$one" \
    "$(awk -v d="$one" -v c="$c" 'BEGIN { printf "descent within 1.2x: %.2fx", d / c }')"
if [ "$have_numpy" = yes ]; then
    p=$(cpu_slope 10 110 /usr/bin/python3 bench/seed_numpy.py @E 1)
    row 1 "the seed's numpy loop" "$p" "$one" \
        "$(awk -v d="$one" -v p="$p" 'BEGIN { printf "descent %.0fx faster", p / d }')"
else
    echo "(numpy not installed: sudo apt-get install python3-numpy for the comparison)"
fi

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
    c=$(cpu_slope 20000 200000 "$bin" --headless --hidden $h --init uniform --every @E --epochs @E)
    [ -n "$base" ] || base=$c
    awk -v h="$h" -v c="$c" -v b="$base" -v n=$samples 'BEGIN {
        printf "%-12s %14.0f %14.2f %9.1fx\n", h, 1e9 / c, c / n, c / b }'
done

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
