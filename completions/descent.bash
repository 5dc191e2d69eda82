# descent.bash - bash completion for descent(1).
# Installed as .../bash-completion/completions/descent; or source it.
# The options come from the program's own `--help` and the lessons from
# `--lesson list`, so they follow the program; the value lists below are
# checked against the program by tests/completion_test.sh. Column names
# come from the header of the --data file, classes from its label column.
# Needs bash 4; works with or without the bash-completion package.

# Value lists (tests/completion_test.sh: each is accepted and in --help).
_descent_losses="MSE MAE BCE"
_descent_activations="sigmoid linear relu step"
_descent_inits="zeros uniform"
_descent_hidden="0 1 2 3 4 8"
_descent_hidden_activations="tanh sigmoid relu linear"
_descent_on_off="on off"
_descent_views="bowl landscape mesh landscape-mesh"
_descent_themes="dark light mono"
_descent_batches="full 1 4 8 16 32"
_descent_optimizers="sgd momentum nesterov adagrad rmsprop adam"
_descent_surfaces="bowl stretched rosenbrock saddle wells"
_descent_schedules="constant step exp cosine"
_descent_tables="builtin:iris builtin:and builtin:or builtin:xor gen:circle gen:xor gen:gauss gen:spiral gen:line gen:plane"

# _descent_header DATA: the column names of DATA, one a line.
_descent_header()
{
    case $1 in
    builtin:iris | "") printf '%s\n' sepal_length sepal_width petal_length petal_width species ;;
    builtin:and | builtin:or | builtin:xor) printf '%s\n' x1 x2 y ;;
    gen:circle | gen:xor | gen:gauss | gen:spiral) printf '%s\n' x1 x2 label ;;
    gen:line) printf '%s\n' x1 y ;;
    gen:plane) printf '%s\n' x1 x2 y ;;
    -) ;;
    *)
        [[ -f $1 && -r $1 ]] || return
        head -n 1 -- "$1" | sed $'s/^\xef\xbb\xbf//; s/\r$//' | tr ',' '\n' | sed 's/^"//; s/"$//'
        ;;
    esac
}

# _descent_classes DATA LABEL: the distinct values of column LABEL of DATA.
# (A simple split on commas: a quoted field holding a comma is not split right.)
_descent_classes()
{
    case $1 in
    builtin:iris | "") [[ $2 == species ]] && printf '%s\n' setosa versicolor virginica ;;
    builtin:and | builtin:or | builtin:xor) [[ $2 == y ]] && printf '%s\n' 0 1 ;;
    -) ;;
    *)
        [[ -f $1 && -r $1 ]] || return
        sed $'1s/^\xef\xbb\xbf//; s/\r$//' -- "$1" | awk -F, -v want="$2" '
            NR == 1 { for (i = 1; i <= NF; i++) { f = $i; gsub(/^"|"$/, "", f); if (f == want) col = i }; next }
            col && NF >= col { v = $col; gsub(/^"|"$/, "", v); if (v != "" && !(v in seen)) { seen[v] = 1; print v } }'
        ;;
    esac
}

# _descent_value WORDS...: the value of the last --OPT (given as "--OPT V" or
# "--OPT=V") among the words before the cursor; $1 is the option.
_descent_value()
{
    local opt=$1 value="" i
    shift
    for ((i = 0; i < $#; i++)); do
        local w=${*:i+1:1}
        if [[ $w == "$opt" ]]; then
            value=${*:i+2:1}
        elif [[ $w == "$opt="* ]]; then
            value=${w#"$opt="}
        fi
    done
    printf '%s' "$value"
}

_descent()
{
    # The words before the cursor, split on blanks only (so that
    # builtin:xor and --loss=MSE stay whole whatever COMP_WORDBREAKS says).
    local line=${COMP_LINE:0:COMP_POINT}
    local -a words
    read -r -a words <<<"$line"
    [[ $line == *[[:blank:]] ]] && words+=("")
    local n=${#words[@]}
    local cur=${words[n - 1]} prev=""
    ((n >= 2)) && prev=${words[n - 2]}
    local prog=${words[0]/#\~/$HOME} prefix=""
    command -v -- "$prog" >/dev/null 2>&1 || prog=descent
    local -a before=("${words[@]:1:n-2}")

    if [[ $cur == --*=* ]]; then
        prev=${cur%%=*}
        prefix=$prev=
        cur=${cur#*=}
    fi

    local -a found=()
    local data
    data=$(_descent_value --data "${before[@]}")
    data=${data/#\~/$HOME}
    case $prev in
    --loss) found=($(compgen -W "$_descent_losses" -- "$cur")) ;;
    --activation) found=($(compgen -W "$_descent_activations" -- "$cur")) ;;
    --init) found=($(compgen -W "$_descent_inits" -- "$cur")) ;;
    --hidden) found=($(compgen -W "$_descent_hidden" -- "$cur")) ;;
    --hidden-activation) found=($(compgen -W "$_descent_hidden_activations" -- "$cur")) ;;
    --shuffle) found=($(compgen -W "$_descent_on_off" -- "$cur")) ;;
    --standardize | --regions | --per-update | --race)
        # an optional value: only as --standardize=on|off
        [[ -n $prefix ]] && found=($(compgen -W "$_descent_on_off" -- "$cur"))
        ;;
    --view) found=($(compgen -W "$_descent_views" -- "$cur")) ;;
    --delimiter) found=($(compgen -W "tab" -- "$cur")) ;;  # or any one character
    --theme) found=($(compgen -W "$_descent_themes" -- "$cur")) ;;
    --optimizer) found=($(compgen -W "$_descent_optimizers" -- "$cur")) ;;
    --surface) found=($(compgen -W "$_descent_surfaces" -- "$cur")) ;;
    --schedule) found=($(compgen -W "$_descent_schedules" -- "$cur")) ;;
    --batch) found=($(compgen -W "$_descent_batches" -- "$cur")) ;;
    --lesson)
        local lessons
        lessons=$("$prog" --lesson list 2>/dev/null | awk '{ print $1 }')
        found=($(compgen -W "list $lessons" -- "$cur"))
        local f
        while IFS= read -r f; do found+=("$f"); done < <(compgen -f -X '!*.lesson' -- "$cur"; compgen -d -- "$cur")
        compopt -o filenames 2>/dev/null
        ;;
    --data)
        found=($(compgen -W "- $_descent_tables" -- "$cur"))
        local f
        while IFS= read -r f; do found+=("$f"); done < <(compgen -f -- "$cur")
        compopt -o filenames 2>/dev/null
        ;;
    --record | --replay)
        local f
        while IFS= read -r f; do found+=("$f"); done < <(compgen -f -- "$cur")
        compopt -o filenames 2>/dev/null
        ;;
    --x | --y | --label | --target)
        local f
        while IFS= read -r f; do found+=("$f"); done < <(compgen -W "$(_descent_header "$data")" -- "$cur")
        ;;
    --features)
        # a comma-separated list: complete the last name
        local head=""
        [[ $cur == *,* ]] && head=${cur%,*},
        local f
        while IFS= read -r f; do found+=("$head$f"); done < <(compgen -W "$(_descent_header "$data")" -- "${cur##*,}")
        ;;
    --classes)
        local label values a b
        label=$(_descent_value --label "${before[@]}")
        values=$(_descent_classes "$data" "${label:-species}")
        local -a pairs=()
        for a in $values; do
            for b in $values; do
                [[ $a != "$b" ]] && pairs+=("$a,$b")
            done
        done
        found=($(compgen -W "${pairs[*]}" -- "$cur"))
        ;;
    --lr | --seed | --epochs | --epochs-per-frame | --start | --every | --dump-frame) ;;
    *)
        if [[ $cur == -* || -z $cur ]]; then
            local options
            options=$("$prog" --help 2>/dev/null | grep -o -E '^  --[a-z0-9-]+' | sed 's/^ *//' | awk '!seen[$0]++')
            found=($(compgen -W "$options" -- "$cur"))
        fi
        ;;
    esac

    # Put back the option of --opt=value, then leave out what readline
    # keeps of the word before its last break character (= or :).
    COMPREPLY=()
    local whole=$prefix$cur keep="" c
    for ((c = ${#whole} - 1; c >= 0; c--)); do
        if [[ $COMP_WORDBREAKS == *"${whole:c:1}"* ]]; then
            keep=${whole:0:c+1}
            break
        fi
    done
    local f
    for f in "${found[@]}"; do
        f=$prefix$f
        COMPREPLY+=("${f#"$keep"}")
    done
}
complete -F _descent descent
