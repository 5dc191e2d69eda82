#!/bin/sh
# lrlab_cli_test.sh - the learning-rate lab without a terminal: the
# lessons' surface descents end where their captions say, the bad values
# of the lab's options exit 2 with one clear line, and --race prints one
# row per optimizer per step. (The paths themselves are checked against
# numpy by cli_test.sh, tests/reference/surface_*.csv.)
. tests/lib.sh

# last_point LESSON EPOCHS: "x y f" of the lesson's surface descent at EPOCHS.
last_point() {
    "$DESCENT" --headless --bowl --lesson "$1" --epochs "$2" | tail -n 1 | awk -F, '{ print $2, $3, $4 }'
}

p=$(last_point wells-trapped 300)
echo "$p" | awk '{ exit !($1 > 0.905 && $1 < 0.906 && $3 > -1.0928 && $3 < -1.0926) }' &&
    ok "wells-trapped: sgd at lr 0.02 stays in the shallow well" || fail "wells-trapped" "$p"
p=$(last_point wells-escape 300)
echo "$p" | awk '{ exit !($1 < -0.96 && $1 > -0.98 && $3 < -5.03) }' &&
    ok "wells-escape: momentum at lr 0.05 reaches the deep well" || fail "wells-escape" "$p"
p=$(last_point rosenbrock-adam 800)
echo "$p" | awk '{ exit !($1 > 0.95 && $2 > 0.9 && $3 < 0.01) }' &&
    ok "rosenbrock-adam: near (1, 1) by step 800" || fail "rosenbrock-adam" "$p"
p=$(last_point stretched-zigzag 6)
"$DESCENT" --headless --bowl --lesson stretched-zigzag --epochs 6 | awk -F, 'NR > 2 { if ($3 * prev >= 0) bad = 1 } NR > 1 { prev = $3 } END { exit bad }' &&
    ok "stretched-zigzag: y changes sign every step" || fail "stretched-zigzag" "$p"
"$DESCENT" --headless --bowl --lesson step-schedule --epochs 11 | awk -F, 'NR == 1 { ok = $5 == "lr" } $1 == 5 { ok = ok && $5 == 0.9 } $1 == 6 { ok = ok && $5 == 0.45 } $1 == 11 { ok = ok && $5 == 0.225 } END { exit !ok }' &&
    ok "step-schedule: lr 0.9, halved after epochs 5 and 10" || fail "step-schedule" "lr column wrong"

# usage NAME MESSAGE ARGS: exit 2, nothing on stdout, MESSAGE on stderr.
usage() {
    name=$1 want=$2
    shift 2
    "$DESCENT" "$@" >"$TMP/out" 2>"$TMP/err"
    rc=$?
    if [ "$rc" -eq 2 ] && [ ! -s "$TMP/out" ] && [ "$(cat "$TMP/err")" = "descent: $want (see --help)" ]; then ok "$name"
    else fail "$name" "rc $rc" "$(cat "$TMP/err")"; fi
}
usage "unknown optimizer" '--optimizer: "adamw" is not one of sgd, momentum, nesterov, adagrad, rmsprop, adam' --headless --bowl --optimizer adamw
usage "unknown surface" '--surface: "banana" is not one of bowl, stretched, rosenbrock, saddle, wells' --surface banana
usage "unknown schedule" '--schedule: "linear" is not one of constant, step, exp, cosine' --schedule linear
usage "beta outside [0, 1)" '--beta1: "1" is not in [0, 1)' --beta1 1
usage "negative momentum" '--momentum: "-0.1" is not in [0, 1)' --momentum -0.1
usage "eps 0" '--eps: "0" is not a positive number' --eps 0
usage "kappa 0" '--kappa: "0" is not a positive number' --kappa 0
usage "decay-every 0" '--decay-every: "0" is not a whole number >= 1' --decay-every 0

"$DESCENT" --headless --bowl --race --epochs 3 >"$TMP/out"
[ "$(head -n 1 "$TMP/out")" = "step,optimizer,x,y,f" ] && [ "$(wc -l <"$TMP/out")" -eq 25 ] &&
    [ "$(sed -n '2p;8p' "$TMP/out" | cut -d, -f2 | tr '\n' ' ')" = "sgd sgd " ] &&
    ok "--race: a row per optimizer per step" || fail "--race rows" "$(head -n 3 "$TMP/out")"

# The LR range test (--lr-find): the suggestions and the verdict as the
# numpy reference has them (its rows are compared by cli_test.sh), and the
# curve's shape on Iris: linear is flat, falls, explodes and stops early;
# sigmoid runs to the end and saturates at 0.25.
for act in linear sigmoid; do
    ref=tests/reference/iris_lr_find_$act.csv
    # shellcheck disable=SC2046
    "$DESCENT" $(sed -n '1s/^# descent //p' "$ref") >"$TMP/out" 2>&1
    bad=$(awk -F'[ ()]+' '
        /^# suggested lr:/ { key = $5; if (FILENAME == ARGV[1]) got[key] = $4; else want[key] = $4 }
        /^# verdict:/ { if (FILENAME == ARGV[1]) gv = $3; else wv = $3 }
        END {
            for (k in want) { d = got[k] - want[k]; if (d < 0) d = -d; m = want[k] < 0 ? -want[k] : want[k]
                if (!(k in got) || d > 1e-9 * m) print k ": " got[k] " vs " want[k] }
            if (gv != wv ":" && gv != wv) print "verdict " gv " vs " wv
        }' "$TMP/out" "$ref")
    [ -z "$bad" ] && ok "--lr-find $act: suggestions and verdict as numpy's" || fail "--lr-find $act suggestions" "$bad"
done
"$DESCENT" --lr-find --activation linear | awk -F, '
    /^#/ || NR == 1 { next }
    { n++; s[n] = $4; if (n == 1 || $4 < least) least = $4 }
    END {
        flat = 1; for (i = 2; i <= 20; i++) if (s[i] < 0.999 * s[1]) flat = 0
        exit !(flat && least < 0.7 * s[1] && s[n] > 4 * least && n < 100)
    }' && ok "--lr-find linear: flat, falls, explodes, stops early" ||
    fail "--lr-find linear: flat, falls, explodes, stops early"
"$DESCENT" --lr-find >"$TMP/out"
awk -F, '!/^#/ && NR > 1 { n++; last = $3 } END { d = last - 0.25; exit !(n == 100 && d < 1e-5 && d > -1e-5) }' "$TMP/out" &&
    grep -q '^# verdict: saturated: the cost is flat at 0.25 by lr 10' "$TMP/out" &&
    ok "--lr-find sigmoid: runs to lr 10, the cost saturates at 0.25" ||
    fail "--lr-find sigmoid saturates" "$(tail -n 3 "$TMP/out")"
"$DESCENT" --headless --lr-find --lr-find-range 0.001,1 --lr-find-steps 5 >"$TMP/out"
awk -F, '!/^#/ && NR > 1 { n++; if (n == 1) a = $2; b = $2; if (n == 3) c = $2 }
    END { exit !(n == 5 && a == 0.001 && b == 1 && c > 0.0316227 && c < 0.0316228) }' "$TMP/out" &&
    ok "--lr-find-range and --lr-find-steps: 5 log-spaced lr from 0.001 to 1" ||
    fail "--lr-find-range" "$(cat "$TMP/out")"
usage "lr-find range reversed" '--lr-find-range: "1,0.1" is not two numbers A,B with 0 < A < B' --lr-find --lr-find-range 1,0.1
usage "lr-find one step" '--lr-find-steps: "1" is not a whole number from 2 to 100000' --lr-find --lr-find-steps 1
usage "lr-find with bowl" '--lr-find and --bowl cannot be combined' --headless --bowl --lr-find
