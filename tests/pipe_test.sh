#!/bin/sh
# pipe_test.sh - `--data -` reads the CSV from standard input: headless and
# frame output equal those of the same file byte for byte, messages name
# <stdin>, and the live program (in tmux, data piped in) takes its keys
# from the terminal.
set -u
. tests/lib.sh
case "$DESCENT" in /*) ;; *) DESCENT=$(pwd)/$DESCENT ;; esac
XOR="--x x1 --y x2 --label y --classes 0,1"

# pipe NAME COMMAND...: run the shell pipeline COMMAND into $TMP/out, $TMP/err, $RC.
pipe() { sh -c "$1" >"$TMP/out" 2>"$TMP/err"; RC=$?; }

# shellcheck disable=SC2086
"$DESCENT" --headless --epochs 20 --data data/xor.csv $XOR >"$TMP/xor_file" 2>&1
pipe "cat data/xor.csv | '$DESCENT' --headless --epochs 20 --data - $XOR"
[ "$RC" -eq 0 ] && [ "$(wc -l <"$TMP/out")" -eq 21 ] && cmp -s "$TMP/out" "$TMP/xor_file" &&
    ok "cat | --headless --data - equals the file" || fail "cat | --headless --data - equals the file" "exit $RC" "$(head -c 200 "$TMP/err")"

"$DESCENT" --headless --epochs 50 --data data/iris.csv >"$TMP/iris_file" 2>&1
pipe "cut -d, -f1,3,5 data/iris.csv | '$DESCENT' --headless --epochs 50 --data -"
[ "$RC" -eq 0 ] && [ "$(wc -l <"$TMP/out")" -eq 51 ] && cmp -s "$TMP/out" "$TMP/iris_file" &&
    ok "cut | --headless --data - equals the whole file" || fail "cut | --headless --data - equals the whole file" "exit $RC" "$(head -c 200 "$TMP/err")"

"$DESCENT" --dump-frame 80x24 --epochs 5 --data data/iris.csv >"$TMP/frame_file" 2>&1
pipe "cat data/iris.csv | '$DESCENT' --dump-frame 80x24 --epochs 5 --data -"
[ "$RC" -eq 0 ] && [ "$(wc -l <"$TMP/out")" -eq 24 ] && cmp -s "$TMP/out" "$TMP/frame_file" &&
    ok "--dump-frame --data - equals the file's frame" || fail "--dump-frame --data - equals the file's frame" "exit $RC"

# Messages name <stdin> with the line (and column).
pipe "printf 'x1,x2,y\n0,0,0\n0,zz,1\n' | '$DESCENT' --headless --data - $XOR"
expect_rc "a bad row piped in: exit 2" 2
expect_err "a bad row piped in: <stdin>:3" 'descent: <stdin>:3:2: x2: "zz" is not a number'
expect_empty_out "a bad row piped in: nothing on stdout"
# The same bytes from a file and from a pipe: the same message, <stdin>
# for the file's name.
same_message() { # NAME BYTES ARGS
    printf "$2" >"$TMP/bad.csv"
    # shellcheck disable=SC2086
    "$DESCENT" --headless --data "$TMP/bad.csv" $3 >/dev/null 2>"$TMP/file_err"
    want=$(sed "s|$TMP/bad.csv|<stdin>|" "$TMP/file_err")
    pipe "printf '$2' | '$DESCENT' --headless --data - $3"
    case "$want" in "descent: <stdin>:"*) expect_err "$1" "$want" ;; *) fail "$1" "file: $want" ;; esac
}
same_message "a ragged row piped in" 'x1,x2,y\r\n0,0,0\r\n1,1\r\n' "$XOR"
same_message "header only piped in" 'a,b\n' ""
same_message "an unterminated quote piped in" 'x1,x2,y\n0,0,"0\n' "$XOR"
pipe "'$DESCENT' --headless --data - </dev/null"
expect_err "empty standard input" "descent: <stdin>:1: empty file"
pipe "cat data/xor.csv | '$DESCENT' --headless --data - --x nope --y x2 --label y --classes 0,1"
[ "$RC" -eq 2 ] && grep -q '^descent: <stdin>' "$TMP/err" && grep -q 'nope' "$TMP/err" &&
    ok "an unknown column names <stdin>" || fail "an unknown column names <stdin>" "$(cat "$TMP/err")"
pipe "cat data/xor.csv | '$DESCENT' --data - $XOR --record '$TMP/rec'"
expect_err "--record refuses standard input" "descent: --record: data from standard input cannot be replayed (save it to a file and use --data FILE)"
[ ! -e "$TMP/rec" ] && ok "--record with --data -: no file written" || fail "--record with --data -: no file written"

# A file really called "-" is ./-.
mkdir -p "$TMP/dash" && cp data/xor.csv "$TMP/dash/-"
pipe "cd '$TMP/dash' && echo 'not,csv' | '$DESCENT' --headless --epochs 20 --data ./- $XOR"
cmp -s "$TMP/out" "$TMP/xor_file" && ok "./- is the file named -" || fail "./- is the file named -" "$(cat "$TMP/err")"

# ---------------------------------------------------------------------
# Live: the data comes down a pipe, the keys from the terminal.
NAME=pipe
. tests/tmux_lib.sh
tm set-option -g remain-on-exit on >/dev/null

# start NAME PIPELINE: run PIPELINE (with $BIN for the program) in an
# 80x24 session; its exit status goes to $TMP/NAME.exit.
start() {
    S=$1
    rm -f "$TMP/$S.exit"
    tm new-session -d -s "$S" -x 80 -y 24 "$2; echo exit=\$? > '$TMP/$S.exit'; sleep 120"
}
exit_status() { sed -n 's/^exit=//p' "$TMP/$S.exit" 2>/dev/null; }
epoch() { screen | grep -E 'epoch [0-9]+' | tail -n 1 | sed -n 's/.*epoch \([0-9][0-9]*\).*/\1/p'; }

start live "cat '$(pwd)/data/xor.csv' | '$BIN' --data - $XOR"
if wait_for 'epoch [0-9]+' && wait_for 'data: x2 vs x1'; then ok "live: the screen shows the piped data"; else
    fail "live: the screen shows the piped data" "$(screen | head -n 5)" "$(cat "$TMP/live.exit" 2>/dev/null)"; fi
key Space
if wait_for 'paused'; then ok "live: space pauses (keys from the terminal)"; else fail "live: space pauses" "$(screen | tail -n 2)"; fi
e1=$(epoch)
key n
n=0
while [ "$(epoch)" = "$e1" ] && [ "$n" -lt 100 ]; do sleep 0.05; n=$((n + 1)); done
e2=$(epoch)
[ -n "$e1" ] && [ "$e2" = "$((e1 + 1))" ] && ok "live: n takes one epoch" || fail "live: n takes one epoch" "epoch $e1 -> $e2"
key L
if wait_for 'lesson 1 of'; then ok "live: L opens a lesson"; else fail "live: L opens a lesson" "$(screen | head -n 3)"; fi
key q
if wait_exit 10 && [ "$(exit_status)" = 0 ]; then ok "live: q quits with status 0"; else
    fail "live: q quits with status 0" "exit: $(exit_status)" "$(screen | tail -n 3)"; fi
tm kill-session -t live 2>/dev/null

# Bad data from a pipe: reported before the screen, exit 2.
start bad "printf 'x1,x2,y\n0,0,0\n0,zz,1\n' | '$BIN' --data - $XOR"
if wait_exit 10 && [ "$(exit_status)" = 2 ] && wait_for '^descent: <stdin>:3:2: x2: "zz" is not a number' 5; then
    ok "live: bad piped data exits 2 with <stdin>:3"; else fail "live: bad piped data exits 2 with <stdin>:3" "exit: $(exit_status)" "$(screen | head -n 3)"; fi
tm kill-session -t bad 2>/dev/null
