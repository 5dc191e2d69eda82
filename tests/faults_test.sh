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
