#!/bin/sh
# network_test.sh - the hidden layer end to end, headless: the acceptance
# numbers (XOR learned by 4 tanh units from random starts at the default
# lr; the first article's XOR network by inspection right from epoch 1),
# --hidden 0 and --weights leaving today's runs as they were, the symmetry
# of a zeros start, and a lesson file setting the network.
. tests/lib.sh

XOR="--data builtin:xor --x x1 --y x2 --label y --classes 0,1"

# last_field NAME: the last column of the last row of the last run.
last_field() { tail -n 1 "$TMP/out" | awk -F, '{ print $NF }'; }

# XOR, 4 tanh units, uniform start, sigmoid output, MSE, lr 0.5 (the
# defaults): 100% training accuracy after 5000 epochs for at least 4 of
# the seeds 1..5 (all 5 reach it, by epoch 402 at the latest).
solved=0
seeds=""
for seed in 1 2 3 4 5; do
    # shellcheck disable=SC2086
    run --headless $XOR --hidden 4 --init uniform --seed $seed --epochs 5000 --every 5000
    if [ "$RC" -eq 0 ] && [ "$(last_field)" = 1 ]; then solved=$((solved + 1)); seeds="$seeds $seed"; fi
done
[ "$solved" -ge 4 ] && ok "XOR with 4 tanh units: 100% for $solved of the seeds 1..5" ||
    fail "XOR with 4 tanh units: 100% for at least 4 of the seeds 1..5" "solved by seeds:$seeds"

# The first article's network by inspection: h1 = OR, h2 = NAND (sigmoid
# units, the perceptrons' weights times 20), output AND (step).
# shellcheck disable=SC2086
run --headless $XOR --hidden 2 --hidden-activation sigmoid --activation step \
    --weights 20,20,-10,-20,-20,30,1,1,-1.5 --epochs 1
[ "$RC" -eq 0 ] && [ "$(sed -n 2p "$TMP/out")" = "1,0,20,20,-10,-20,-20,30,1,1,-1.5,1" ] &&
    ok "XOR by inspection: accuracy 100% at epoch 1" ||
    fail "XOR by inspection: accuracy 100% at epoch 1" "$(cat "$TMP/out" "$TMP/err")"

# --hidden 0 and --weights of today's zeros change nothing, bit for bit.
run --headless --epochs 30 --batch 8 --shuffle on
cp "$TMP/out" "$TMP/plain"
run --headless --epochs 30 --batch 8 --shuffle on --hidden 0 --hidden-activation relu
cmp -s "$TMP/out" "$TMP/plain" && ok "--hidden 0: the single neuron, bit for bit" ||
    fail "--hidden 0: the single neuron, bit for bit" "$(diff "$TMP/plain" "$TMP/out" | head -n 4)"
run --headless --epochs 30 --batch 8 --shuffle on --weights 0,0,0
cmp -s "$TMP/out" "$TMP/plain" && ok "--weights 0,0,0 is the zeros start" ||
    fail "--weights 0,0,0 is the zeros start" "$(diff "$TMP/plain" "$TMP/out" | head -n 4)"

# --weights replaces the init: the same run with zeros or uniform asked.
W=0.5,-0.25,1,0.75,0.1,-0.3,1.5,-2,0.2
# shellcheck disable=SC2086
run --headless $XOR --hidden 2 --weights $W --init uniform --seed 7 --epochs 20
cp "$TMP/out" "$TMP/uniform"
# shellcheck disable=SC2086
run --headless $XOR --hidden 2 --weights $W --epochs 20
cmp -s "$TMP/out" "$TMP/uniform" && ok "--weights replaces --init" ||
    fail "--weights replaces --init" "$(diff "$TMP/uniform" "$TMP/out" | head -n 4)"

# From zeros every hidden unit gets the same gradient: the units stay
# identical (h1's columns equal h2's) however long it trains.
# shellcheck disable=SC2086
run --headless $XOR --hidden 2 --init zeros --epochs 200 --every 200
same=$(tail -n 1 "$TMP/out" | awk -F, '{ print ($3 == $6 && $4 == $7 && $5 == $8 && $9 == $10) }')
[ "$same" = 1 ] && ok "zeros start: the two hidden units stay identical" ||
    fail "zeros start: the two hidden units stay identical" "$(tail -n 1 "$TMP/out")"

# A lesson file sets the network by its keys, as the command line does.
cat >"$TMP/net.lesson" <<'LESSON'
caption = XOR by inspection
data = builtin:xor
x = x1
y = x2
label = y
classes = 0,1
hidden = 2
hidden-activation = sigmoid
activation = step
weights = 20,20,-10,-20,-20,30,1,1,-1.5
epochs = 1
LESSON
run --headless --lesson "$TMP/net.lesson"
[ "$RC" -eq 0 ] && [ "$(cat "$TMP/out")" = "epoch,cost,h1_w1,h1_w2,h1_b,h2_w1,h2_w2,h2_b,w1,w2,b,accuracy
1,0,20,20,-10,-20,-20,30,1,1,-1.5,1" ] && ok "a lesson sets hidden, hidden-activation and weights" ||
    fail "a lesson sets hidden, hidden-activation and weights" "$(cat "$TMP/out" "$TMP/err")"
