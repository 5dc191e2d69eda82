# lib.sh - helpers for the shell tests: source it, then call the checks.
# Each check prints "ok NAME" or "not ok NAME" and, on failure, why.
DESCENT=${DESCENT:-build/descent}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# run ARGS...: runs descent, keeping stdout, stderr and the exit status
# in $TMP/out, $TMP/err and $RC.
run() {
    "$DESCENT" "$@" >"$TMP/out" 2>"$TMP/err" </dev/null
    RC=$?
}

ok() { echo "ok $1"; }
fail() { echo "not ok $1"; shift; for l in "$@"; do echo "    $l"; done; }

# expect_rc NAME CODE: the last run exited with CODE.
expect_rc() {
    if [ "$RC" -eq "$2" ]; then ok "$1"; else fail "$1" "exit $RC, wanted $2" "stderr: $(head -c 300 "$TMP/err")"; fi
}

# expect_err NAME TEXT: the last run printed exactly one stderr line, equal to TEXT.
expect_err() {
    lines=$(wc -l <"$TMP/err")
    got=$(cat "$TMP/err")
    if [ "$lines" -eq 1 ] && [ "$got" = "$2" ]; then ok "$1"; else fail "$1" "stderr: $got" "wanted: $2"; fi
}

# expect_empty_out NAME: the last run printed nothing on stdout.
expect_empty_out() {
    if [ ! -s "$TMP/out" ]; then ok "$1"; else fail "$1" "stdout not empty: $(head -c 200 "$TMP/out")"; fi
}

# skip NAME REASON: a check that cannot run on this machine; tests/run.sh
# counts it as skipped, not passed.
skip() { echo "skip $1: $2"; }
