#!/bin/sh
# run.sh BUILD: run every test of the suite against BUILD/descent and the
# cmocka binaries in BUILD/tests, then print "N passed, N failed".
# Shell tests (tests/*_test.sh) print one "ok NAME" or "not ok NAME" line
# per check; cmocka binaries print their own summary.
set -u
build=${1:-build}
export DESCENT="$build/descent"
export LC_ALL=C.UTF-8
passed=0
failed=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

for t in "$build"/tests/test_*; do
    [ -x "$t" ] || continue
    case "$t" in *.d) continue ;; esac
    "$t" >"$log" 2>&1
    rc=$?
    p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log" | awk '{s+=$1} END {print s+0}')
    f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$log" | awk '{s+=$1} END {print s+0}')
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
    passed=$((passed + p)); failed=$((failed + f))
    if [ "$f" -ne 0 ]; then cat "$log"; fi
    echo "$(basename "$t"): $p passed, $f failed"
done

for t in tests/*_test.sh; do
    [ -f "$t" ] || continue
    sh "$t" >"$log" 2>&1
    rc=$?
    p=$(grep -c '^ok ' "$log")
    f=$(grep -c '^not ok ' "$log")
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; echo "not ok $t exited $rc" >>"$log"; fi
    passed=$((passed + p)); failed=$((failed + f))
    if [ "$f" -ne 0 ]; then grep -v '^ok ' "$log"; fi
    echo "$(basename "$t"): $p passed, $f failed"
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
