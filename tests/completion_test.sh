#!/bin/sh
# completion_test.sh - the bash completion (completions/descent.bash)
# driven the way bash drives it: COMP_LINE, COMP_POINT, COMP_WORDS and
# COMP_CWORD set, _descent called, COMPREPLY read. Also: every hard-coded
# value list is accepted by the program and named by --help, and the zsh
# completion (completions/_descent) parses and knows every option.
. tests/lib.sh
if ! command -v bash >/dev/null 2>&1; then
    echo "skip completion_test: bash is not installed"
    exit 0
fi
case "$DESCENT" in /*) prog=$DESCENT ;; *) prog=$(pwd)/$DESCENT ;; esac

# complete LINE: what bash would offer at the end of LINE, one a line,
# in $TMP/reply (in the order offered); in directory $CWD if set.
script=$(pwd)/completions/descent.bash
complete() {
    (cd "${CWD:-.}" && bash -c '
        source "$0" || exit 3
        COMP_LINE=$1 COMP_POINT=${#1}
        read -r -a COMP_WORDS <<<"$1"
        [[ $1 == *" " ]] && COMP_WORDS+=("")
        COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
        _descent
        printf "%s\n" "${COMPREPLY[@]}"' "$script" "$1") >"$TMP/reply" 2>"$TMP/reply_err"
}

# expect_reply NAME LINE WORDS: LINE completes to exactly WORDS (sorted).
expect_reply() {
    complete "$2"
    got=$(sort "$TMP/reply" | tr '\n' ' ' | sed 's/ $//')
    want=$(printf '%s\n' $3 | sort | tr '\n' ' ' | sed 's/ $//')
    if [ "$got" = "$want" ] && [ ! -s "$TMP/reply_err" ]; then ok "$1"; else
        fail "$1" "line: $2" "got:  $got" "want: $want" "$(head -c 200 "$TMP/reply_err")"; fi
}

# Options: all of --help's, once each.
"$prog" --help | grep -o -E '^  --[a-z0-9-]+' | sed 's/^ *//' | sort -u >"$TMP/options"
complete "$prog --"
sort "$TMP/reply" >"$TMP/offered"
if cmp -s "$TMP/options" "$TMP/offered" && [ "$(wc -l <"$TMP/options")" -ge 25 ]
then ok "-- offers every option of --help, once"
else fail "-- offers every option of --help, once" "$(diff "$TMP/options" "$TMP/offered" | head -5)"; fi
expect_reply "--lo completes to --loss" "$prog --lo" "--loss"
expect_reply "--epochs completes to itself and --epochs-per-frame" "$prog --epochs" "--epochs --epochs-per-frame"
expect_reply "options again after a value" "$prog --lr 0.5 --hea" "--headless"

# Values.
expect_reply "--loss values" "$prog --loss " "MSE MAE BCE"
expect_reply "--loss=B" "$prog --loss=B" "BCE"
expect_reply "--activation values" "$prog --activation " "sigmoid linear relu step"
expect_reply "--init values" "$prog --init u" "uniform"
expect_reply "--shuffle values" "$prog --shuffle " "on off"
expect_reply "--view values" "$prog --view " "bowl landscape mesh landscape-mesh"
expect_reply "--batch values" "$prog --batch " "full 1 4 8 16 32"
expect_reply "--optimizer values" "$prog --optimizer " "sgd momentum nesterov adagrad rmsprop adam"
expect_reply "--surface values" "$prog --surface " "bowl stretched rosenbrock saddle wells"
expect_reply "--schedule values" "$prog --schedule " "constant step exp cosine"
expect_reply "--standardize= values" "$prog --standardize=" "on off"
expect_reply "--regions takes no separate value" "$prog --regions o" ""
expect_reply "--lr has no list" "$prog --lr " ""

# Lessons: every name --lesson list gives, and list.
lessons=$("$prog" --lesson list | awk '{ print $1 }')
mkdir -p "$TMP/empty"
CWD=$TMP/empty expect_reply "--lesson offers the built-in lessons and list" "$prog --lesson " "list $lessons"
CWD=
expect_reply "--lesson bowl-o" "$prog --lesson bowl-o" "bowl-one-step bowl-oscillates"
mkdir -p "$TMP/lessons" && : >"$TMP/lessons/mine.lesson" && : >"$TMP/lessons/other.txt"
expect_reply "--lesson offers .lesson files" "$prog --lesson $TMP/lessons/" "$TMP/lessons/mine.lesson"

# Data: built-in tables, standard input, files; builtin: survives the
# colon that bash breaks words at.
expect_reply "--data builtin:x (after the colon)" "$prog --data builtin:x" "xor"
CWD=$TMP/empty expect_reply "--data offers - and the tables" "$prog --data b" "builtin:iris builtin:and builtin:or builtin:xor"
CWD=
expect_reply "--data files" "$prog --data data/x" "data/xor.csv"
complete "$prog --data "
grep -qx -- '-' "$TMP/reply" && ok "--data offers - (standard input)" || fail "--data offers - (standard input)" "$(cat "$TMP/reply")"

# Columns of the file given with --data (BOM, CRLF, quotes), the Iris
# header by default, the tables' headers.
printf '\357\273\277height,"weight",kind\r\n1,2,cat\r\n3,4,dog\r\n5,6,cat\r\n7,8,"emu"\r\n' >"$TMP/pets.csv"
expect_reply "--x: the columns of the --data file" "$prog --data $TMP/pets.csv --x " "height weight kind"
expect_reply "--y after --data=FILE" "$prog --data=$TMP/pets.csv --lr 1 --y w" "weight"
expect_reply "--label" "$prog --data $TMP/pets.csv --label k" "kind"
expect_reply "--x: the Iris header by default" "$prog --x " "sepal_length sepal_width petal_length petal_width species"
expect_reply "--x of builtin:xor" "$prog --data builtin:xor --x " "x1 x2 y"
expect_reply "--features: the last name of a list" "$prog --data $TMP/pets.csv --features height,w" "height,weight"
expect_reply "--x of a missing file: nothing" "$prog --data $TMP/none.csv --x " ""

# Classes: the values of the label column, as pairs.
expect_reply "--classes of the --label column" "$prog --data $TMP/pets.csv --label kind --classes " "cat,dog cat,emu dog,cat dog,emu emu,cat emu,dog"
expect_reply "--classes d" "$prog --data $TMP/pets.csv --label kind --classes d" "dog,cat dog,emu"
expect_reply "--classes of Iris species" "$prog --classes set" "setosa,versicolor setosa,virginica"
expect_reply "--classes of builtin:xor" "$prog --data builtin:xor --label y --classes " "0,1 1,0"

# The hard-coded lists against the program: each value is accepted, and
# --help names it (so a new loss or activation fails here until added).
"$prog" --help >"$TMP/help"
list() { bash -c 'source completions/descent.bash && eval "printf \"%s\\n\" \$_descent_$1"' list "$1"; }
check_list() { # NAME OPTION: every value of list NAME works with OPTION
    bad=""
    for v in $(list "$1"); do
        "$prog" --headless --epochs 1 "$2" "$v" >/dev/null 2>"$TMP/list_err" || bad="$bad $v(rejected)"
        grep -q -w -- "$v" "$TMP/help" || bad="$bad $v(not in --help)"
    done
    [ -n "$(list "$1")" ] && [ -z "$bad" ] && ok "$2 values are the program's" || fail "$2 values are the program's" "bad:$bad"
}
check_list losses --loss
check_list activations --activation
check_list inits --init
check_list hidden --hidden
check_list hidden_activations --hidden-activation
check_list on_off --shuffle
check_list views --view
check_list batches --batch
check_list optimizers --optimizer
check_list surfaces --surface
check_list schedules --schedule
bad=""
for v in $(list tables); do
    case $v in builtin:iris) args="" ;; *) args="--x x1 --y x2 --label y --classes 0,1" ;; esac
    # shellcheck disable=SC2086
    "$prog" --headless --epochs 1 --data "$v" $args >/dev/null 2>&1 || bad="$bad $v"
done
[ -z "$bad" ] && ok "the built-in tables exist" || fail "the built-in tables exist" "rejected:$bad"
# The built-in headers and classes are those of the data files.
cols() { complete "$prog --data $1 --x "; tr '\n' , <"$TMP/reply"; }
[ "$(cols builtin:iris)" = "$(head -n 1 data/iris.csv | tr -d '\r'),"  ] &&
[ "$(cols builtin:xor)" = "$(head -n 1 data/xor.csv | tr -d '\r')," ] &&
    ok "built-in headers are the data files' headers" ||
    fail "built-in headers are the data files' headers" "$(cols builtin:iris)"
complete "$prog --data builtin:iris --classes "
species=$(sed 1d data/iris.csv | cut -d, -f5 | tr -d '\r' | sort -u | tr '\n' ' ')
offered=$(tr ',' '\n' <"$TMP/reply" | sort -u | tr '\n' ' ')
[ "$species" = "$offered" ] && ok "built-in Iris classes are the file's" || fail "built-in Iris classes are the file's" "$offered vs $species"

# zsh: the script parses, names every option of --help, and has the same
# value lists as the bash script.
if command -v zsh >/dev/null 2>&1; then
    zsh -n completions/_descent 2>"$TMP/zsh_err" && ok "zsh -n completions/_descent" ||
        fail "zsh -n completions/_descent" "$(head -n 3 "$TMP/zsh_err")"
    missing=""
    while read -r opt; do
        grep -q -- "'\\((- \\*)\\)\\{0,1\\}$opt[=[]" completions/_descent || missing="$missing $opt"
    done <"$TMP/options"
    [ -z "$missing" ] && ok "zsh knows every option" || fail "zsh knows every option" "missing:$missing"
    bad=""
    for pair in loss:losses activation:activations init:inits hidden:hidden hidden-activation:hidden_activations view:views batch:batches shuffle:on_off optimizer:optimizers surface:surfaces schedule:schedules; do
        zl=$(sed -n "s/^  '--${pair%%:*}=\\[.*:(\\(.*\\))'\$/\\1/p" completions/_descent)
        [ "$zl" = "$(list "${pair#*:}" | tr '\n' ' ' | sed 's/ $//')" ] || bad="$bad ${pair%%:*}($zl)"
    done
    [ -z "$bad" ] && ok "zsh value lists are bash's" || fail "zsh value lists are bash's" "differ:$bad"
else
    echo "skip zsh completion: zsh is not installed"
fi
