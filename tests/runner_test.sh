#!/bin/sh
# runner_test.sh - tests/run.sh counts what it is told: on a made-up tree
# (a fake cmocka binary, two fake shell tests, a results file) the closing
# line counts passes, failures and skips of every kind, each program's own
# line says the same, and the exit status follows the failures.
set -u
. tests/lib.sh

tree=$TMP/tree
mkdir -p "$tree/tests" "$tree/build/tests"
cp tests/run.sh "$tree/tests/run.sh"

# A cmocka binary: 3 passed, 1 skipped (named twice, as cmocka does).
cat >"$tree/build/tests/test_fake" <<'END'
#!/bin/sh
echo '[ RUN      ] test_a'
echo '[  SKIPPED ] test_locale'
echo '[==========] 4 test(s) run.'
echo '[  PASSED  ] 3 test(s).'
echo '[  SKIPPED ] 1 test(s), listed below:'
echo '[  SKIPPED ] test_locale'
END
chmod +x "$tree/build/tests/test_fake"
printf '%s\n' 'echo "ok one"' 'echo "skip two: no tmux here"' \
    'echo "ok three # SKIP no /proc"' 'echo "ok four # skip: no /proc"' \
    'echo "# a comment"' >"$tree/tests/a_test.sh"
printf '%s\n' 'ok fuzz csv: 10 execs' 'skip fuzz: clang with libFuzzer not installed' \
    >"$tree/results"

(cd "$tree" && sh tests/run.sh build results) >"$TMP/out" 2>&1
rc=$?
last=$(tail -n 1 "$TMP/out")
[ "$last" = "5 passed, 0 failed, 5 skipped" ] && [ "$rc" -eq 0 ] &&
    ok "run.sh: passes and skips counted apart" ||
    fail "run.sh: passes and skips counted apart" "exit $rc, last line: $last"
grep -qx 'test_fake: 3 passed, 0 failed, 1 skipped' "$TMP/out" &&
    grep -qx 'a_test.sh: 1 passed, 0 failed, 3 skipped' "$TMP/out" &&
    grep -qx 'results: 1 passed, 0 failed, 1 skipped' "$TMP/out" &&
    grep -qx 'skip two: no tmux here' "$TMP/out" &&
    [ "$(grep -cx '\[  SKIPPED \] test_locale' "$TMP/out")" -eq 1 ] &&
    ok "run.sh: one line per program, skips shown once" ||
    fail "run.sh: one line per program, skips shown once" "$(cat "$TMP/out")"

# A failed check, and a shell test that dies without saying why.
printf '%s\n' 'echo "ok five"' 'echo "not ok six"' 'echo "    why"' >"$tree/tests/b_test.sh"
printf '%s\n' 'echo "ok seven"' 'exit 3' >"$tree/tests/c_test.sh"
(cd "$tree" && sh tests/run.sh build results) >"$TMP/out" 2>&1
rc=$?
last=$(tail -n 1 "$TMP/out")
[ "$last" = "7 passed, 2 failed, 5 skipped" ] && [ "$rc" -ne 0 ] &&
    grep -q 'not ok tests/c_test.sh exited 3' "$TMP/out" &&
    ok "run.sh: failures counted, exit status non-zero" ||
    fail "run.sh: failures counted, exit status non-zero" "exit $rc, last line: $last"

# Nothing passed at all is a failure too.
rm "$tree"/tests/*_test.sh "$tree/build/tests/test_fake"
printf 'skip all: nothing here\n' >"$tree/results"
(cd "$tree" && sh tests/run.sh build results) >"$TMP/out" 2>&1
rc=$?
last=$(tail -n 1 "$TMP/out")
[ "$last" = "0 passed, 0 failed, 1 skipped" ] && [ "$rc" -ne 0 ] &&
    ok "run.sh: no test passed, exit status non-zero" ||
    fail "run.sh: no test passed, exit status non-zero" "exit $rc, last line: $last"
