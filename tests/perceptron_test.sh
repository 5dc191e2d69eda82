#!/bin/sh
# perceptron_test.sh - the keys of the N-input screen in the live program
# (the real binary in a private tmux server, tests/tmux_lib.sh): w steps
# the landscape's pair of parameters (w1, w2), (w1, b), (w2, b) and round
# again, names it on the panel's title and in the notice, and says "v
# shows it" while the bowl is up; t shows and hides the test points and
# the test cost of a --test split, and says there are none without one;
# with --features, x steps through the columns the terms use (the one not
# plotted is held at its mean, said on the panel) and says when there is
# no other.
# Every check polls the screen with a generous deadline. Run from the
# repository root with DESCENT set (tests/run.sh does both).
set -u
. tests/lib.sh

NAME=perceptron
. tests/tmux_lib.sh
tm set-option -g remain-on-exit on >/dev/null

# start NAME WIDTH HEIGHT ARGS: runs descent ARGS in a new session and
# makes it current.
start() {
    S=$1
    tm new-session -d -s "$S" -x "$2" -y "$3" "'$BIN' $4; sleep 120"
}

check() {
    name=$1
    shift
    if "$@"; then ok "$name"; else fail "$name" "screen:" "$(screen | grep -v '^ *$' | head -n 40)"; fi
}

finish() { tm kill-session -t "$S" 2>/dev/null; }

# wait_gone PATTERN [SECONDS]: polls until the regex is off the screen.
wait_gone() {
    n=$(( ${2:-10} * 20 ))
    while [ "$n" -gt 0 ]; do
        screen | grep -Eq -- "$1" || return 0
        sleep 0.05
        n=$((n - 1))
    done
    return 1
}

# --- w: the landscape's pair -------------------------------------------
start pair 100 30 "--epochs 20"
check "w: the run starts" wait_for 'epoch 20'
key w
check "w with the bowl showing says v shows it" \
    wait_for 'landscape: the cost over \(w1, b\) \(v shows it\)'
key v
check "v: the landscape over the chosen pair (w1, b)" wait_for 'cost landscape C\(w1, b\)'
check "v: its notice names the pair" wait_for "the neuron's cost over \(w1, b\)"
check "the pair's axes are named" wait_for ' b┐| b\+'
check "the held parameter is named with its value" wait_for 'w2 = -?[0-9.]+   C = '
key w
check "w: the next pair (w2, b)" wait_for 'cost landscape C\(w2, b\)'
check "w: the notice names it" wait_for 'landscape: the cost over \(w2, b\)$|landscape: the cost over \(w2, b\) '
key w
check "w: round again to (w1, w2)" wait_for 'cost landscape C\(w1, w2\)'
check "(w1, w2) holds b, as always" wait_for 'b = '
finish

# --- t: test points and curve ------------------------------------------
start notest 100 30 "--epochs 5"
check "t: the run starts" wait_for 'epoch 5'
key t
check "t without a split says so" wait_for 'no test points: --test F holds a share of the rows out'
finish

if "$BIN" --help | grep -q -- '--features'; then
    start plane 100 30 "--features sepal_length,petal_length,petal_width --classes versicolor,virginica --epochs 5"
    check "x: a three-input run starts" wait_for 'epoch 5'
    check "the column not plotted is held at its mean" wait_for 'held at mean: petal_width 1.676'
    key x
    check "x steps to the next column the terms use" wait_for 'x axis: petal_width \(reset\)'
    check "x: the plane is petal_width against petal_length" wait_for 'data: petal_length vs petal_width'
    check "x: now sepal_length is held" wait_for 'held at mean: sepal_length 6.262'
    finish
    start circle 100 30 "--data gen:circle --features x1^2,x2^2 --epochs 5"
    check "x: a two-column run starts" wait_for 'epoch 5'
    key x
    check "x with no other column says so" wait_for 'the terms use no other column for the x axis'
    finish
else
    skip "x and y with --features" "this build has no --features option"
fi

if "$BIN" --help | grep -q -- '--test'; then
    start split 120 40 "--data gen:circle --features x1^2,x2^2 --standardize --test 0.3 --epochs 30"
    check "t: a split run starts" wait_for 'epoch 30'
    check "test points have their own glyph in the legend" wait_for '◦ \+ test'
    check "the cost plot shows the test cost" wait_for 'training and test cost'
    check "the neuron panel shows the test accuracy" wait_for '   test [0-9.]+%'
    key t
    check "t hides the test points" wait_gone '◦ \+ test'
    check "t hides the test cost" wait_gone 'training and test cost'
    check "t: the notice" wait_for 'test points and test cost hidden'
    key t
    check "t again shows them" wait_for '◦ \+ test'
    finish
else
    skip "t with a --test split" "this build has no --test option"
fi
