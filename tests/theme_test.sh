#!/bin/sh
# theme_test.sh - the themes in the live program (tmux): the attributes
# the terminal receives, read with capture-pane -e. In light, no yellow
# (33) or white (37) foreground and no dim (2) reach the screen; dark
# (the test's control) has all three; mono sends no colour at all;
# COLORFGBG with a light background picks light, and --theme wins over
# it. Run from the repository root with DESCENT set (tests/run.sh).
set -u
. tests/lib.sh

NAME=theme
. tests/tmux_lib.sh

# sgr ENV ARGS: the SGR codes on the screen of "ENV descent ARGS" at
# 100x30 after 3 epochs (the classes, the line, the path, the bowl's
# arrow and the axes are all drawn), one code a line.
sgr() {
    S=s$$_$(date +%s%N)
    tm new-session -d -s "$S" -x 100 -y 30 "$1 '$BIN' --epochs 3 $2; sleep 60"
    wait_status 'epoch 3' >/dev/null
    tm capture-pane -e -p -t "$S" | grep -o "$(printf '\033')\[[0-9;]*m" |
        sed 's/^.\[//; s/m$//' | tr ';' '\n' | sort -u
    tm kill-session -t "$S"
}
has() { echo "$1" | grep -qx "$2"; }

dark=$(sgr "" "--theme dark")
has "$dark" 33 && has "$dark" 37 && has "$dark" 2 && ok "dark: yellow, white and dim on screen (the check below can fail)" ||
    fail "dark shows yellow, white and dim" "codes: $(echo $dark)"
light=$(sgr "" "--theme light")
if [ -n "$light" ] && has "$light" 34 && ! has "$light" 33 && ! has "$light" 37 && ! has "$light" 2; then
    ok "light: no yellow or white foreground, no dim"
else
    fail "light: no yellow or white foreground, no dim" "codes: $(echo $light)"
fi
mono=$(sgr "" "--theme mono")
if [ -n "$mono" ] && ! echo "$mono" | grep -qx '3[0-7]' && has "$mono" 1; then
    ok "mono: attributes, no colour"
else
    fail "mono: attributes, no colour" "codes: $(echo $mono)"
fi
detected=$(sgr "COLORFGBG='0;15'" "")
[ "$detected" = "$light" ] && ok "COLORFGBG=0;15 picks light" || fail "COLORFGBG=0;15 picks light" "codes: $(echo $detected)"
detected=$(sgr "COLORFGBG='15;0'" "")
[ "$detected" = "$dark" ] && ok "COLORFGBG=15;0 stays dark" || fail "COLORFGBG=15;0 stays dark" "codes: $(echo $detected)"
chosen=$(sgr "COLORFGBG='0;15'" "--theme dark")
[ "$chosen" = "$dark" ] && ok "--theme dark wins over COLORFGBG" || fail "--theme dark wins over COLORFGBG" "codes: $(echo $chosen)"
