#!/bin/sh
# load_bench.sh BUILD: loading large CSV files. Generates a 1M-row and a
# 10M-row file (x1,x2,label: bench/gen_rows.c) and times, side by side in
# this one run, whole processes on each: descent loading it (then selecting
# both classes and stopping before the first epoch), the loader alone
# (bench/load_only.c on BUILD's objects), Python's csv module reading it
# into lists (bench/csv_module_load.py), pandas.read_csv when pandas is
# installed (bench/pandas_load.py; a line says so when it is not), `wc -l`
# and `cat` (the read rate). Prints the median wall time and peak RSS of
# each and the ratios the goals name:
#   1M rows: descent at least 5x faster than the csv module, within 20x
#   of wc -l; 10M rows: loads, peak RSS at most 2x the file (also after
#   one epoch); beside them, descent's time over the loader's alone.
# Needs cc, python3 and /usr/bin/time (Debian package time).
set -eu
build=${1:-build}
bin="$build/descent"
obj="$build/obj"
runs_1m=${LOAD_BENCH_RUNS:-5}
runs_10m=${LOAD_BENCH_RUNS_10M:-3}
python_runs_10m=${LOAD_BENCH_PYTHON_RUNS_10M:-1}   # 10-40 s and 2 GiB each

for need in cc python3 /usr/bin/time; do
    command -v "$need" >/dev/null 2>&1 || { echo "load_bench: $need is missing" >&2; exit 2; }
done
[ -x "$bin" ] || { echo "load_bench: build $bin first (make)" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
have_pandas=no
if python3 -c 'import pandas' 2>/dev/null; then have_pandas=yes; fi

cc -O2 -o "$tmp/gen_rows" bench/gen_rows.c
cc -O2 -Iinclude -o "$tmp/load_only" bench/load_only.c \
    "$obj/csv_table.o" "$obj/table.o" "$obj/text_intern.o" "$obj/number.o" \
    "$obj/text_util.o" "$obj/util.o" -lcsv -lm

# measure RUNS CMD...: "NANOSECONDS KIB", the medians of RUNS runs of CMD
# (wall time from the shell's clock, peak RSS from /usr/bin/time).
measure() {
    runs=$1
    shift
    : >"$tmp/secs"
    : >"$tmp/kib"
    i=0
    while [ "$i" -lt "$runs" ]; do
        t0=$(date +%s%N)
        /usr/bin/time -f '%M' -o "$tmp/rss" "$@" >/dev/null 2>"$tmp/err" || {
            echo "load_bench: failed: $*" >&2
            cat "$tmp/err" >&2
            exit 1
        }
        t1=$(date +%s%N)
        echo $((t1 - t0)) >>"$tmp/secs"
        tail -n 1 "$tmp/rss" >>"$tmp/kib"
        i=$((i + 1))
    done
    middle=$(((runs + 1) / 2))
    secs=$(sort -n "$tmp/secs" | sed -n "${middle}p")
    kib=$(sort -n "$tmp/kib" | sed -n "${middle}p")
    echo "$secs $kib"
}

echo "Loading large files: x1,x2,label (two numbers, a class), whole processes,"
echo "median wall time and peak RSS of ${runs_1m} runs at 1M rows, ${runs_10m} at 10M"
echo "(Python at 10M: ${python_runs_10m}); the last column is the time over descent's"
printf '%-5s %-36s %9s %9s %10s\n' rows program seconds "RSS MiB" "/ descent"
for rows in 1000000 10000000; do
    if [ "$rows" -eq 1000000 ]; then
        runs=$runs_1m; python_runs=$runs_1m; label=1M
    else
        runs=$runs_10m; python_runs=$python_runs_10m; label=10M
    fi
    file="$tmp/rows_$label.csv"
    "$tmp/gen_rows" "$rows" >"$file"
    bytes=$(wc -c <"$file")
    set -- $(measure "$runs" "$bin" --data "$file" --x x1 --y x2 --label label \
        --classes A,B --headless --epochs 0)
    d_ns=$1; d_kib=$2
    set -- $(measure "$runs" "$bin" --data "$file" --x x1 --y x2 --label label \
        --classes A,B --headless --epochs 1)
    e_ns=$1; e_kib=$2
    set -- $(measure "$runs" "$tmp/load_only" "$file")
    l_ns=$1; l_kib=$2
    set -- $(measure "$python_runs" python3 bench/csv_module_load.py "$file")
    p_ns=$1; p_kib=$2
    set -- $(measure "$runs" wc -l "$file")
    w_ns=$1; w_kib=$2
    set -- $(measure "$runs" cat "$file")
    c_ns=$1; c_kib=$2
    pd_ns=-; pd_kib=-
    if [ "$have_pandas" = yes ]; then
        set -- $(measure "$python_runs" python3 bench/pandas_load.py "$file")
        pd_ns=$1; pd_kib=$2
    fi
    awk -v label="$label" -v bytes="$bytes" \
        -v d_ns="$d_ns" -v d_kib="$d_kib" -v l_ns="$l_ns" -v l_kib="$l_kib" \
        -v e_ns="$e_ns" -v e_kib="$e_kib" \
        -v p_ns="$p_ns" -v p_kib="$p_kib" -v w_ns="$w_ns" -v w_kib="$w_kib" \
        -v c_ns="$c_ns" -v c_kib="$c_kib" -v pd_ns="$pd_ns" -v pd_kib="$pd_kib" '
    function row(name, ns, kib, ratio) {
        printf "%-5s %-36s %9.3f %9.1f", label, name, ns / 1e9, kib / 1024
        if (ratio == "") printf "\n"; else printf " %10s\n", ratio
    }
    BEGIN {
        mb = bytes / 1048576
        printf "%-5s file: %.1f MiB\n", label, mb
        row("descent --headless --epochs 0", d_ns, d_kib, "")
        row("descent --headless --epochs 1", e_ns, e_kib, sprintf("%.2fx", e_ns / d_ns))
        row("loader alone (table_load_file)", l_ns, l_kib, sprintf("%.2fx", l_ns / d_ns))
        row("python3 csv module, into lists", p_ns, p_kib, sprintf("%.2fx", p_ns / d_ns))
        if (pd_ns == "-") printf "%-5s pandas: not installed (python3-pandas), skipped\n", label
        else row("python3 pandas.read_csv", pd_ns, pd_kib, sprintf("%.2fx", pd_ns / d_ns))
        row("wc -l", w_ns, w_kib, sprintf("%.3fx", w_ns / d_ns))
        row("cat", c_ns, c_kib, sprintf("%.3fx", c_ns / d_ns))
        printf "%-5s read rate: descent %.0f MB/s, cat %.0f MB/s\n", label,
            bytes / (d_ns / 1e9) / 1e6, bytes / (c_ns / 1e9) / 1e6
        if (label == "1M") # these two goals are set at 1M rows only
            printf "%-5s descent: %.1fx faster than the csv module (goal >= 5x), %.1fx the time of wc -l (goal <= 20x)\n",
                label, p_ns / d_ns, d_ns / w_ns
        else
            printf "%-5s descent: %.1fx faster than the csv module, %.1fx the time of wc -l\n",
                label, p_ns / d_ns, d_ns / w_ns
        printf "%-5s peak RSS / file size: descent %.2f, loader alone %.2f, csv module %.2f (goal <= 2)\n",
            label, d_kib * 1024 / bytes, l_kib * 1024 / bytes, p_kib * 1024 / bytes
        printf "%-5s peak RSS / file size: descent --epochs 1 %.2f (goal <= 2); descent %.2fx the loader'"'"'s time\n",
            label, e_kib * 1024 / bytes, d_ns / l_ns
    }'
    rm -f "$file"
done
