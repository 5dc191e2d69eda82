# tmux_lib.sh - helpers for the tests that drive the real program in tmux
# (tui_test.sh, replay_test.sh, ...). Source it after tests/lib.sh with NAME
# set to the suite's name; it starts a private tmux server (killed at
# exit) and defines, acting on the session named in $S:
#   tm ARGS       tmux on the private server      screen   the pane's text
#   wait_for RE [S]  poll the screen for RE (10 s)  wait_exit [S]  the program ended
#   key KEYS      send keys      literal TEXT  send text as is
#   click X Y     a left click at cell (X, Y), as an xterm sends it
#   skip NAME WHY a check that cannot run here: "skip NAME: WHY"
# $BIN is the program's absolute path. Without tmux the whole suite is
# one skip line.

# A skip is neither ok nor not ok: tests/run.sh counts the lines that
# start with "skip ".
skip() { echo "skip $1: $2"; }

if ! command -v tmux >/dev/null 2>&1; then
    skip "$NAME" "tmux is not installed (make deps-test)"
    exit 0
fi
case "$DESCENT" in
/*) BIN=$DESCENT ;;
*) BIN=$(pwd)/$DESCENT ;;
esac

SOCKET=descent-$NAME-$$
tm() { tmux -L "$SOCKET" -f /dev/null "$@"; }
cleanup() {
    tm kill-server >/dev/null 2>&1
    rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

# A session that keeps the server up while the tests come and go.
tm new-session -d -s keeper -x 80 -y 24 "sleep 600" || {
    echo "not ok $NAME: cannot start tmux"
    exit 1
}
tm set-option -g default-shell /bin/sh >/dev/null
tm set-option -g status off >/dev/null

S=""   # the session the helpers act on

screen() { tm capture-pane -p -t "$S" 2>/dev/null; }

wait_for() {
    n=$(( ${2:-10} * 20 ))
    while [ "$n" -gt 0 ]; do
        screen | grep -Eq -- "$1" && return 0
        sleep 0.05
        n=$((n - 1))
    done
    return 1
}

wait_exit() {
    n=$(( ${1:-10} * 20 ))
    while [ "$n" -gt 0 ]; do
        [ -s "$TMP/$S.exit" ] && return 0
        sleep 0.05
        n=$((n - 1))
    done
    return 1
}

key() { tm send-keys -t "$S" "$@"; }
literal() { tm send-keys -t "$S" -l -- "$1"; }

# X10 mouse bytes: ESC [ M, then button+32 (0 press, 3 release), x+33, y+33.
click() {
    tm send-keys -t "$S" -H 1b 5b 4d 20 "$(printf %x $(($1 + 33)))" "$(printf %x $(($2 + 33)))"
    tm send-keys -t "$S" -H 1b 5b 4d 23 "$(printf %x $(($1 + 33)))" "$(printf %x $(($2 + 33)))"
}

# status: the status line, the last line that carries "epoch N".
status() { screen | grep -E 'epoch [0-9]+' | tail -n 1; }

# wait_status PATTERN [SECONDS]: wait_for on the status line only.
wait_status() {
    n=$(( ${2:-10} * 20 ))
    while [ "$n" -gt 0 ]; do
        status | grep -Eq -- "$1" && return 0
        sleep 0.05
        n=$((n - 1))
    done
    return 1
}

# start S WIDTH HEIGHT ARGS: runs descent ARGS in a new session S of that
# size and makes it current; its exit status goes to $TMP/S.exit and the
# pane stays 120 s after it. $START_PREFIX, when set, is shell run first
# in the pane (mesh_test's "trap : INT;"). A suite may define its own
# start after sourcing this.
start() {
    S=$1
    rm -f "$TMP/$S.exit"
    tm new-session -d -s "$S" -x "$2" -y "$3" \
        "${START_PREFIX:-} '$BIN' $4; echo exit=\$? > '$TMP/$S.exit'; sleep 120"
}

# check NAME COMMAND...: "ok NAME" when COMMAND succeeds, else "not ok NAME"
# with the screen's first $CHECK_LINES (40) non-blank lines.
check() {
    name=$1
    shift
    if "$@"; then ok "$name"
    else fail "$name" "screen:" "$(screen | grep -v '^ *$' | head -n "${CHECK_LINES:-40}")"; fi
}

# finish: ends the current session.
finish() { tm kill-session -t "$S" 2>/dev/null; }
