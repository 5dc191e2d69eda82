#!/bin/sh
# hidden_test.sh - the keys of the hidden layer in the live program (the
# real binary in a private tmux server, tests/tmux_lib.sh): h steps the
# hidden units 0 1 2 3 4 8 and round, restarting the run with the new
# number of parameters, the neuron panel becoming the network diagram and
# the data panel numbering the units' lines; H steps the hidden
# activation and keeps the weights (the output unit's formula reads the
# same); j picks the unit whose formula the panel shows, 1..H then the
# output; a run recorded with h replays to the same weights, in the
# terminal and headless (the CSV's columns those of the network). Every check
# polls the screen with a generous deadline. Run from the repository root
# with DESCENT set (tests/run.sh does both).
set -u
. tests/lib.sh

NAME=hidden
. tests/tmux_lib.sh
tm set-option -g remain-on-exit on >/dev/null

XOR="--data data/xor.csv --x x1 --y x2 --label y --classes 0,1"

# start NAME WIDTH HEIGHT ARGS: runs descent ARGS in a new session and
# makes it current.
start() {
    S=$1
    rm -f "$TMP/$S.exit"
    tm new-session -d -s "$S" -x "$2" -y "$3" \
        "'$BIN' $4; echo exit=\$? > '$TMP/$S.exit'; sleep 120"
}

check() {
    name=$1
    shift
    if "$@"; then ok "$name"; else fail "$name" "screen:" "$(screen | grep -v '^ *$' | head -n 50)"; fi
}

finish() { tm kill-session -t "$S" 2>/dev/null; }

# The output unit's formula as the panel shows it, without what follows.
output_formula() { screen | grep -o 'a = [a-z]*([^)]*)' | head -n 1; }

# --- h: the number of hidden units --------------------------------------
start units 120 40 "$XOR --init uniform --epochs 10"
check "h: the run starts with one neuron" wait_for 'epoch 10 .*done'
check "h: the neuron panel before" wait_for '─ neuron ─'
key h
check "h: one hidden unit, five parameters" \
    wait_for '1 hidden unit \(tanh\), 5 parameters \(reset\)'
check "h: the panel is the network 2-1-1" wait_for 'network: 2-1-1, tanh units'
check "h: the run restarts and trains to the limit again" wait_status 'epoch 10 '
key h
check "h: two hidden units, nine parameters" \
    wait_for '2 hidden units \(tanh\), 9 parameters \(reset\)'
check "h: both units in the diagram" wait_for '▶ 2 tanh'
check "h: the data panel numbers the unit lines" wait_for 'dots 1-2: u = 0'

# --- H: the hidden activation, the weights stay --------------------------
check "H: stopped at the limit" wait_status 'epoch 10 .*done'
before=$(output_formula)
key H
check "H: the next activation is sigmoid" \
    wait_for 'hidden activation sigmoid \(the weights stay\)'
check "H: the panel names it" wait_for 'network: 2-2-1, sigmoid units'
after=$(output_formula)
if [ -n "$before" ] && [ "$before" = "$after" ]; then ok "H: the output unit's weights stay"
else fail "H: the output unit's weights stay" "before: $before" "after:  $after"; fi
key H H H
check "H: round to tanh again" wait_for 'network: 2-2-1, tanh units'

# --- j: the unit whose formula is shown ----------------------------------
key j
check "j: hidden unit 1" wait_for 'formula: hidden unit 1 of 2'
check "j: its formula over the inputs" wait_for 'h1 = tanh\(-?[0-9.]+·x1 [+−] [0-9.]+·x2 [+−] [0-9.]+\)'
key j
check "j: hidden unit 2" wait_for 'h2 = tanh\('
key j
check "j: then the output" wait_for 'formula: the output unit'
check "j: the output's formula over the units" wait_for 'a = sigmoid\(-?[0-9.]+·h1 [+−] [0-9.]+·h2 [+−] [0-9.]+\)'

# --- h round: 3 4 8 and back to one neuron -------------------------------
key h
check "h: three units" wait_for '3 hidden units \(tanh\), 13 parameters'
key h
check "h: four units" wait_for '4 hidden units \(tanh\), 17 parameters'
key h
check "h: eight units" wait_for '8 hidden units \(tanh\), 33 parameters'
key h
check "h: back to one neuron" wait_for 'no hidden layer: one neuron, 3 parameters'
check "h: the neuron panel again" wait_for '─ neuron ─'
key j
check "j without hidden units says how to add them" wait_for 'no hidden units: h adds them'
finish

# --- zeros: the units stay the same ---------------------------------------
start zeros 160 50 "$XOR --init zeros --epochs 30"
check "zeros: the run starts" wait_for 'epoch 30 .*done'
key h h
check "zeros: two units" wait_for '2 hidden units'
check "zeros: symmetry said after training" \
    wait_for 'all units are the same: each gets the same gradient \(symmetry\),'
finish

# --- record and replay a run with h ---------------------------------------
start rec 100 30 "$XOR --init uniform --lr 2 --record '$TMP/h.rec'"
check "record: the run starts" wait_for 'epoch [0-9]+'
key Space
check "record: paused" wait_status 'paused'
key h h
literal n; literal n; literal n
key H
literal n; literal n
key q
if wait_exit 10 && grep -q 'exit=0' "$TMP/rec.exit"; then ok "record: exits 0"
else fail "record: exits 0" "$(cat "$TMP/rec.exit" 2>/dev/null)"; fi
recorded=$(sed -n 's/^end \([0-9]*\) [0-9]* [0-9]* \(.*\)$/\1 \2/p' "$TMP/h.rec")
nparams=$(echo "$recorded" | awk '{print NF - 1}')
if [ "$nparams" = 9 ]; then ok "record: the end line holds the network's 9 parameters"
else fail "record: the end line holds the network's 9 parameters" "$(tail -n 3 "$TMP/h.rec")"; fi
finish
run --replay "$TMP/h.rec" --headless
last=$(tail -n 1 "$TMP/out" | awk -F, '{ s = $1; for (i = 3; i <= 11; i++) s = s " " $i; print s }')
if [ "$RC" -eq 0 ] && [ "$(grep -c '^epoch,' "$TMP/out")" = 1 ] && head -n 1 "$TMP/out" | grep -q '^epoch,cost,h1_w1,h1_w2,h1_b,h2_w1,h2_w2,h2_b,w1,w2,b,accuracy$' &&
    [ -n "$recorded" ] && [ "$last" = "$recorded" ] && [ "$(tail -n 1 "$TMP/out" | awk -F, '{print NF}')" = 12 ]; then
    ok "replay --headless: one header with the network's columns, rows of its width, the recorded weights"
else
    fail "replay --headless: one header with the network's columns, rows of its width, the recorded weights" \
        "rc $RC" "$(head -n 3 "$TMP/out")" "last: $last" "recorded: $recorded"
fi
start play 100 30 "--replay '$TMP/h.rec' --record '$TMP/again.rec'"
check "replay: plays to the end" wait_for 'replay of .* done: your turn' 30
key q
wait_exit 10 || true
replayed=$(sed -n 's/^end \([0-9]*\) [0-9]* [0-9]* \(.*\)$/\1 \2/p' "$TMP/again.rec")
if [ -n "$recorded" ] && [ "$recorded" = "$replayed" ]; then ok "replay: the same weights, bit for bit"
else fail "replay: the same weights, bit for bit" "recorded: $recorded" "replayed: $replayed"; fi
finish

# --- --weights that no longer fit after h ---------------------------------
if "$BIN" --help | grep -q -- '--weights'; then
    start weights 120 40 "$XOR --weights 1,1,-0.5 --init uniform --epochs 1"
    check "weights: the run starts" wait_for 'epoch 1 .*done'
    key h
    check "weights: h says the given weights no longer fit" \
        wait_for '1 hidden unit \(tanh\), reset; --weights has 3 values, 5 needed: init uniform instead'
    finish
else
    skip "hidden: --weights after h" "this build has no --weights"
fi
