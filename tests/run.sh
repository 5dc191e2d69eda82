#!/bin/sh
# run.sh BUILD [RESULTS...]: run every test of the suite against
# BUILD/descent and the cmocka binaries in BUILD/tests, then print
#   N passed, N failed, N skipped
# as the last line (CI reads it; "N passed, N failed" always starts it).
# cmocka binaries print their own summary, skipped tests included. Shell
# tests (tests/*_test.sh) print one line per check: "ok NAME", "not ok
# NAME", or for a check that could not run here "skip NAME: reason" (also
# the TAP form "ok NAME # SKIP reason"). Each RESULTS file holds lines of
# the same form from a step run before (CI's fuzz smoke) and is counted
# likewise. Exits non-zero when a test failed or none passed.
set -u
build=${1:-build}
[ $# -gt 0 ] && shift
export DESCENT="$build/descent"
export LC_ALL=C.UTF-8
passed=0
failed=0
skipped=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# cmocka_count WORD: the sum of cmocka's "[  WORD  ] N test(s)" lines.
cmocka_count() {
    sed -n "s/^\[ *$1 *\] \([0-9][0-9]*\) test.*/\1/p" "$log" |
        awk '{s += $1} END {print s + 0}'
}

# count_lines NAME: counts the ok / not ok / skip lines in $log, shows the
# failures and skips, adds to the totals and prints NAME's own line.
count_lines() {
    p=$(grep '^ok ' "$log" | grep -ci -v ' # *skip')
    s=$(grep -ci -e '^skip ' -e '^ok .* # *skip' "$log")
    f=$(grep -c '^not ok ' "$log")
    passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
    if [ "$f" -ne 0 ]; then grep -v '^ok ' "$log"
    elif [ "$s" -ne 0 ]; then grep -i -e '^skip ' -e '^ok .* # *skip' "$log"; fi
    echo "$1: $p passed, $f failed, $s skipped"
}

for t in "$build"/tests/test_*; do
    [ -x "$t" ] || continue
    case "$t" in *.d) continue ;; esac
    "$t" >"$log" 2>&1
    rc=$?
    p=$(cmocka_count PASSED)
    f=$(cmocka_count FAILED)
    s=$(cmocka_count SKIPPED)
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
    passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
    if [ "$f" -ne 0 ]; then cat "$log"
    elif [ "$s" -ne 0 ]; then grep "^\[  SKIPPED \] [^0-9]" "$log" | sort -u; fi
    echo "$(basename "$t"): $p passed, $f failed, $s skipped"
done

for t in tests/*_test.sh; do
    [ -f "$t" ] || continue
    sh "$t" >"$log" 2>&1
    rc=$?
    if [ "$rc" -ne 0 ] && ! grep -q '^not ok ' "$log"; then
        echo "not ok $t exited $rc" >>"$log"
    fi
    count_lines "$(basename "$t")"
done

for r in "$@"; do
    if [ -f "$r" ]; then cp "$r" "$log"; else echo "not ok $r: no such results file" >"$log"; fi
    count_lines "$(basename "$r")"
done

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
