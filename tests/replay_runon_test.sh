#!/bin/sh
# replay_runon_test.sh - record files with a click on the cost landscape,
# played headless: the click sets (w1, w2) and the next epoch is one
# gradient step from there (computed here from the data file), and the
# replay runs on after its last event to the run's last epoch (the
# recorded epochs, or --epochs when given); a bad click line is refused.
# Run from the repository root with DESCENT set.
. tests/lib.sh

rec="$TMP/click.rec"
printf 'descent-record 2\nset epochs 10\nclick-landscape 5 0 0 -1 2\n' >"$rec"
run --replay "$rec" --headless
[ "$RC" -eq 0 ] && [ "$(wc -l <"$TMP/out")" -eq 11 ] && [ "$(tail -n 1 "$TMP/out" | cut -d, -f1)" = 10 ] &&
    ok "replay runs on after its last event (epoch 5) to the recorded epochs 10" ||
    fail "replay runs on to the recorded epochs" "rc $RC" "$(tail -n 2 "$TMP/out")" "$(cat "$TMP/err")"
b5=$(awk -F, 'NR == 6 { print $5 }' "$TMP/out")
got=$(awk -F, 'NR == 7 { print $3, $4, $5 }' "$TMP/out")
bad=$(awk -F, -v b="$b5" -v got="$got" '
    NR > 1 && ($5 == "setosa" || $5 == "versicolor") {
        y = $5 == "versicolor"; z = -1 * $1 + 2 * $3 + b; a = 1 / (1 + exp(-z))
        d = (a - y) * a * (1 - a); g1 += d * $1; g2 += d * $3; gb += d; n++ }
    END { split(got, w, " ")
          want[1] = -1 - 0.5 * g1 / n; want[2] = 2 - 0.5 * g2 / n; want[3] = b - 0.5 * gb / n
          for (k = 1; k <= 3; k++) { d = w[k] - want[k]; if (d < 0) d = -d
              if (d > 1e-12) print "param " k ": " w[k] " want " want[k] } }' data/iris.csv)
[ -n "$got" ] && [ -z "$bad" ] && ok "click-landscape at epoch 5: epoch 6 is one step from (-1, 2) and epoch 5's b" ||
    fail "click-landscape: epoch 6" "$bad" "got $got"

run --replay "$rec" --headless --epochs 20
[ "$RC" -eq 0 ] && [ "$(wc -l <"$TMP/out")" -eq 21 ] &&
    ok "replay runs on to --epochs 20 when given" || fail "replay to --epochs 20" "rc $RC" "$(cat "$TMP/err")"

printf 'descent-record 2\nset epochs 10\nclick-landscape 5 0 0 nan 2\n' >"$rec"
run --replay "$rec" --headless
expect_rc "click-landscape with nan: exit 2" 2
expect_err "click-landscape with nan: message" "descent: $rec:3: click-landscape: the point is not two finite numbers"
expect_empty_out "click-landscape with nan: stdout empty"
