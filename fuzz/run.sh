#!/bin/sh
# run.sh BUILD SECONDS NAME...: runs each harness BUILD/fuzz_NAME for
# SECONDS seconds on a scratch copy of fuzz/corpus/NAME/ (the committed
# corpus never grows) and prints, per harness, one line
#   ok fuzz NAME: E execs (R/s), cov C ft F corpus U, Ss
# from libFuzzer's final statistics, or "not ok fuzz NAME" with the crash
# reproducer's path and the end of libFuzzer's report. Exits 1 if any
# harness crashed, leaked or timed out.
set -u
build=$1; seconds=$2; shift 2
status=0
mkdir -p "$build/artifacts"
for name in "$@"; do
    bin="$build/fuzz_$name"
    work=$(mktemp -d)
    log="$build/fuzz_$name.log"
    if [ -d "fuzz/corpus/$name" ]; then cp -R "fuzz/corpus/$name/." "$work/"; fi
    "$bin" -max_total_time="$seconds" -print_final_stats=1 -timeout=10 \
        -artifact_prefix="$build/artifacts/$name-" "$work" >"$log" 2>&1
    rc=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
    # The last status line: "#N DONE cov: C ft: F corp: U/SIZE ...".
    cov=$(grep -E '^#[0-9]+.* cov: ' "$log" | tail -n 1 |
          sed -n 's/.* cov: \([0-9]*\) ft: \([0-9]*\) corp: \([0-9]*\).*/cov \1 ft \2 corpus \3/p')
    rm -rf "$work"
    if [ "$rc" -eq 0 ]; then
        echo "ok fuzz $name: ${execs:-?} execs (${rate:-?}/s), ${cov:-cov ?}, ${seconds}s"
    else
        status=1
        echo "not ok fuzz $name: exit $rc after ${execs:-?} execs"
        repro=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -n 1)
        echo "    reproducer: ${repro:-none written} (run: $bin ${repro:-})"
        grep -E 'ERROR|SUMMARY|runtime error' "$log" | head -n 5 | sed 's/^/    /'
        echo "    full log: $log"
    fi
done
exit $status
