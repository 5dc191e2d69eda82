#!/bin/sh
# compilers_test.sh - the same bits from every compiler: the program built
# by the other compiler (clang when $DESCENT was built by gcc, gcc when by
# clang) prints byte for byte the same headless output as $DESCENT on runs
# that cover full batch, shuffled minibatches, every activation and loss,
# standardised and built-in data, --every and the bowl. The other build
# goes to build/cc-NAME (only the binary, -j2); without the other compiler
# the test is skipped. Run from the repository root.
set -u
. tests/lib.sh

if readelf -p .comment "$DESCENT" 2>/dev/null | grep -q 'clang version'; then
    other=gcc
else
    other=clang
fi
if ! command -v "$other" >/dev/null 2>&1; then
    skip compilers "$other not installed"
    exit 0
fi

# A make run from inside make test must not inherit its jobserver or its
# command-line variables (CC=..., BUILD=...).
obuild=build/cc-$other
if env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s -j2 CC="$other" \
        CFLAGS="-O2 -g" BUILD="$obuild" "$obuild/descent" >"$TMP/build" 2>&1; then
    ok "the $other build"
else
    fail "the $other build" "$(tail -n 5 "$TMP/build")"
    exit 0
fi

# same NAME ARGS...: both programs, the same arguments, the same bytes.
same() {
    name=$1; shift
    "$DESCENT" "$@" >"$TMP/a" 2>&1 </dev/null; rca=$?
    "$obuild/descent" "$@" >"$TMP/b" 2>&1 </dev/null; rcb=$?
    if [ "$rca" -ne 0 ] || [ ! -s "$TMP/a" ]; then
        fail "$other: $name" "exit $rca: $(head -c 200 "$TMP/a")"
    elif [ "$rcb" -ne "$rca" ] || ! cmp -s "$TMP/a" "$TMP/b"; then
        fail "$other: $name" "exit $rcb; first difference:" \
            "$(diff "$TMP/a" "$TMP/b" | head -n 3)"
    else
        ok "$other: $name"
    fi
}

same "the article's run, full batch" --headless --epochs 300
same "minibatch 8, shuffled, uniform init" --headless --batch 8 --shuffle on \
    --init uniform --seed 3 --epochs 200
same "minibatch 1 (SGD), shuffled" --headless --batch 1 --shuffle on --seed 11 --epochs 50
for act in sigmoid linear relu step; do
    for loss in mse mae bce; do
        same "$act, $loss, batch 16" --headless --activation "$act" --loss "$loss" \
            --batch 16 --init uniform --seed 5 --lr 0.05 --epochs 100
    done
done
same "standardised, versicolor vs virginica" --headless --standardize \
    --classes versicolor,virginica --x petal_width --y sepal_width --epochs 200
same "built-in xor, batch 4" --headless --data builtin:xor --x x1 --y x2 --label y \
    --classes 0,1 --batch 4 --init uniform --seed 2 --lr 0.5 --epochs 200
same "--every 7" --headless --every 7 --epochs 100 --lr 2
same "diverging run" --headless --lr 500 --loss bce --epochs 60
same "the bowl, lr 0.3" --headless --bowl --lr 0.3 --epochs 40
same "the bowl, lr 1.1 from (2,-3)" --headless --bowl --lr 1.1 --start 2,-3 --epochs 30
