#!/bin/sh
# faults_test.sh - end-to-end checks of how descent fails: a closed pipe or
# a full disk under --headless, and the loader's messages for bad files.
# Each check prints "ok NAME", "not ok NAME" (with why) or "skip NAME: why".
. tests/lib.sh

# headless_pipe NAME FIRST ARGS...: runs descent with SIGPIPE ignored,
# stdout into `head -1`, and checks it ends within 20 s with status 1, the
# one stderr line $pipe_err, and FIRST as the line head read.
headless_pipe() {
    name=$1 first=$2 want=$pipe_err
    shift 2
    (trap '' PIPE; timeout 20 "$DESCENT" "$@" 2>"$TMP/err" </dev/null;
     echo $? >"$TMP/rc") | head -1 >"$TMP/out"
    RC=$(cat "$TMP/rc")
    expect_rc "$name: status" 1
    expect_err "$name: message" "$want"
    if [ "$(cat "$TMP/out")" = "$first" ]; then ok "$name: first line"; else
        fail "$name: first line" "got: $(cat "$TMP/out")"; fi
}

# The run is 10^8 epochs: only stopping at the first failed write ends it
# before the 20 s timeout (status 124 then).
pipe_err="descent: cannot write the output: Broken pipe"
headless_pipe "headless into a closed pipe" "epoch,cost,w1,w2,b,accuracy" \
    --headless --epochs 100000000
headless_pipe "bowl into a closed pipe" "step,x,y,f" \
    --headless --bowl --epochs 100000000
headless_pipe "rare rows into a closed pipe" "epoch,cost,w1,w2,b,accuracy" \
    --headless --epochs 100000000 --every 1000

if [ -w /dev/full ]; then
    (timeout 20 "$DESCENT" --headless --epochs 100000000 >/dev/full \
        2>"$TMP/err" </dev/null; echo $? >"$TMP/rc")
    RC=$(cat "$TMP/rc")
    expect_rc "headless to a full disk: status" 1
    expect_err "headless to a full disk: message" \
        "descent: cannot write the output: No space left on device"
    (timeout 20 "$DESCENT" --headless --bowl --epochs 100000000 >/dev/full \
        2>"$TMP/err" </dev/null; echo $? >"$TMP/rc")
    RC=$(cat "$TMP/rc")
    expect_rc "bowl to a full disk: status" 1
else
    echo "skip headless to a full disk: no writable /dev/full"
fi

# The loader's messages: the header line named, a file's bytes escaped.
d=tests/data
loader_err() {
    name=$1 want=$2
    shift 2
    run --headless "$@"
    expect_rc "$name: status" 2
    expect_err "$name: message" "descent: $want"
    expect_empty_out "$name: no output"
}
loader_err "one class" \
    "$d/one_class.csv:1: column \"species\" has only one class (\"setosa\"); two are needed" \
    --data $d/one_class.csv
loader_err "unknown column" \
    "iris.csv (built in):1: unknown column \"petal_size\" (columns: sepal_length, sepal_width, petal_length, petal_width, species)" \
    --x petal_size
loader_err "missing class" \
    "iris.csv (built in):1: class \"daisy\" not found in column species (classes: setosa, versicolor, virginica)" \
    --classes setosa,daisy
loader_err "header after blank lines" \
    "$d/blank_then_one_class.csv:3: column \"species\" has only one class (\"setosa\"); two are needed" \
    --data $d/blank_then_one_class.csv
loader_err "escape sequence" \
    "$d/escape_sequence.csv:3:1: sepal_length: \"\\x1B[2J5.1\" is not a number" \
    --data $d/escape_sequence.csv
if LC_ALL=C grep -q "$(printf '\033')" "$TMP/err"; then
    fail "escape sequence: no raw ESC on stderr"
else
    ok "escape sequence: no raw ESC on stderr"
fi
loader_err "C1 control and no-break space" \
    "$d/c1_class.csv:1: class \"versicolor\" not found in column species (classes: setosa, versi\\xC2\\x85color, <U+00A0>versicolor)" \
    --data $d/c1_class.csv
loader_err "invalid UTF-8" \
    "$d/invalid_utf8.csv:2:3: petal_length: \"1.4\\xFF\" is not a number" \
    --data $d/invalid_utf8.csv
loader_err "double BOM" \
    "$d/double_bom.csv:1: unknown column \"sepal_length\" (columns: <U+FEFF>sepal_length, sepal_width, petal_length, petal_width, species)" \
    --data $d/double_bom.csv
loader_err "underflow" \
    "$d/underflow.csv:3:1: sepal_length: \"1e-400\" is too small (underflows to 0)" \
    --data $d/underflow.csv

# A FIFO: read to the end once a writer comes (the README says descent
# waits for one).
if mkfifo "$TMP/fifo" 2>/dev/null; then
    (sleep 1; cat data/iris.csv >"$TMP/fifo") &
    writer=$!
    timeout 20 "$DESCENT" --headless --epochs 100 --data "$TMP/fifo" \
        >"$TMP/fifo_out" 2>"$TMP/err" </dev/null
    RC=$?
    wait $writer
    expect_rc "FIFO with a late writer: status" 0
    "$DESCENT" --headless --epochs 100 >"$TMP/out" </dev/null
    if [ -s "$TMP/out" ] && cmp -s "$TMP/fifo_out" "$TMP/out"; then
        ok "FIFO with a late writer: the rows of the built-in table"
    else
        fail "FIFO with a late writer: the rows of the built-in table"
    fi
else
    echo "skip FIFO: mkfifo failed"
fi
