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
