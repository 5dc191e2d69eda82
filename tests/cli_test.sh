#!/bin/sh
# cli_test.sh - the command line end to end: headless runs against the
# numpy reference (tests/reference/*.csv), the bowl's closed form,
# divergence, --help/--version, and every usage error.
. tests/lib.sh

# compare_csv NAME GOT WANT: same header, same number of rows, every number
# within 1e-9 relative (1e-15 absolute around 0).
compare_csv() {
    awk -F, -v name="$1" '
        FNR == 1 && FILENAME == ARGV[1] { f = 1 }
        FNR == 1 && FILENAME == ARGV[2] { f = 2 }
        /^#/ { next }
        f == 1 { got[++n1] = $0; next }
        f == 2 { want[++n2] = $0 }
        END {
            if (n1 != n2) { printf "not ok %s\n    %d rows, wanted %d\n", name, n1, n2; exit }
            for (i = 1; i <= n1; i++) {
                a = split(got[i], g, ","); b = split(want[i], w, ",")
                if (a != b) { printf "not ok %s\n    row %d: %s\n    wanted: %s\n", name, i, got[i], want[i]; exit }
                for (k = 1; k <= a; k++) {
                    if (i == 1) { if (g[k] != w[k]) { printf "not ok %s\n    header %s\n", name, got[i]; exit } continue }
                    d = g[k] - w[k]; if (d < 0) d = -d
                    m = w[k]; if (m < 0) m = -m
                    if (d > 1e-9 * m && d > 1e-15) {
                        printf "not ok %s\n    row %d col %d: %s, wanted %s\n", name, i, k, g[k], w[k]; exit
                    }
                }
            }
            printf "ok %s\n", name
        }' "$2" "$3"
}

# Every reference file names the command that should reproduce it.
for ref in tests/reference/*.csv; do
    name=$(basename "$ref" .csv)
    cmd=$(sed -n '1s/^# descent //p' "$ref")
    # shellcheck disable=SC2086
    run $cmd
    expect_rc "reference $name exits 0" 0
    compare_csv "reference $name matches numpy to 1e-9" "$TMP/out" "$ref"
done

# The acceptance numbers of the first article's run (epoch 100), to 1e-12.
run --headless --loss mse --lr 0.5 --epochs 100 --batch full --init zeros
tail -n 1 "$TMP/out" >"$TMP/last"
echo "100,0.0092629739452037233,-0.81404637810777103,1.7220396411537677,-0.31261289101719808,1" >"$TMP/want"
bad=$(awk -F, 'NR == FNR { for (i = 1; i <= NF; i++) w[i] = $i; next }
    { for (i = 1; i <= NF; i++) { d = $i - w[i]; if (d < 0) d = -d; m = w[i] < 0 ? -w[i] : w[i]
      if (d > 1e-12 * m) print "column " i ": " $i " vs " w[i] } }' "$TMP/want" "$TMP/last")
[ -z "$bad" ] && ok "epoch 100 of the article's run" || fail "epoch 100 of the article's run" "$bad"
lines=$(wc -l <"$TMP/out")
[ "$lines" -eq 101 ] && ok "header and 100 rows" || fail "header and 100 rows" "$lines lines"
[ "$(head -n 1 "$TMP/out")" = "epoch,cost,w1,w2,b,accuracy" ] && ok "headless header" || fail "headless header" "$(head -n 1 "$TMP/out")"

run --headless --epochs 10 --every 3
rows=$(tail -n +2 "$TMP/out" | cut -d, -f1 | tr '\n' ' ')
[ "$rows" = "3 6 9 10 " ] && ok "--every 3 prints every third and the last" || fail "--every 3" "rows: $rows"

run --headless --epochs 0
[ "$RC" -eq 0 ] && [ "$(cat "$TMP/out")" = "epoch,cost,w1,w2,b,accuracy" ] && ok "--epochs 0 prints the header only" || fail "--epochs 0" "$(cat "$TMP/out")"

run --headless
[ "$(wc -l <"$TMP/out")" -eq 101 ] && ok "headless defaults to 100 epochs" || fail "headless defaults to 100 epochs"

# Determinism: same seed, same bytes; another seed, another run.
run --headless --batch 1 --init uniform --seed 7 --epochs 30
cp "$TMP/out" "$TMP/seed7"
run --headless --batch 1 --init uniform --seed 7 --epochs 30
cmp -s "$TMP/out" "$TMP/seed7" && ok "same seed, same run, bit for bit" || fail "same seed, same run"
run --headless --batch 1 --init uniform --seed 8 --epochs 30
cmp -s "$TMP/out" "$TMP/seed7" && fail "another seed, another run" || ok "another seed, another run"

# Bowl: x = y = 5*0.8^k for lr 0.1, steps 0..10.
run --headless --bowl --lr 0.1 --epochs 10
bad=$(awk -F, 'NR == 1 { if ($0 != "step,x,y,f") print "header " $0; next }
    { k = $1; want = 5 * 0.8 ^ k; d = $2 - want; if (d < 0) d = -d
      if (k != NR - 2 || $2 != $3 || d > 1e-15 * want || $4 - 2 * $2 * $2 > 1e-12) print "row " $0 }
    END { if (NR != 12) print NR " lines" }' "$TMP/out")
[ -z "$bad" ] && [ "$RC" -eq 0 ] && ok "bowl lr 0.1: x = y = 5*0.8^k" || fail "bowl lr 0.1" "$bad"
[ "$(sed -n 3p "$TMP/out")" = "1,4,4,32" ] && ok "bowl first step is (4,4)" || fail "bowl first step" "$(sed -n 3p "$TMP/out")"

run --headless --bowl --lr 1.1 --epochs 50
growing=$(awk -F, 'NR > 2 { a = $2 < 0 ? -$2 : $2; if (!(a > prev)) bad = 1; prev = a } NR == 2 { prev = 5 } END { print bad ? "no" : "yes" }' "$TMP/out")
[ "$RC" -eq 0 ] && [ "$growing" = yes ] && ok "bowl lr 1.1 diverges, exit 0" || fail "bowl lr 1.1 diverges" "rc $RC growing $growing"
run --headless --bowl --lr 1 --epochs 3 --start 2,-1
[ "$(tail -n +2 "$TMP/out" | cut -d, -f2,3 | tr '\n' ' ')" = "2,-1 -2,1 2,-1 -2,1 " ] && ok "bowl lr 1 oscillates from --start" || fail "bowl lr 1 oscillates" "$(cat "$TMP/out")"

# A diverging training run prints its rows, inf/nan included, and exits 0.
run --headless --lr 1e6 --activation linear --epochs 60
nonfinite=$(grep -c -i -E 'nan|inf' "$TMP/out")
[ "$RC" -eq 0 ] && [ "$(wc -l <"$TMP/out")" -eq 61 ] && [ "$nonfinite" -gt 0 ] && ok "diverging run prints all rows and exits 0" || fail "diverging run" "rc $RC, $nonfinite non-finite rows"

# Other data through the options.
run --headless --data data/and.csv --x x1 --y x2 --label y --classes 0,1 --loss bce --lr 1 --epochs 2000 --every 2000
acc=$(tail -n 1 "$TMP/out" | cut -d, -f6)
[ "$acc" = "1" ] && ok "AND is learned (accuracy 1)" || fail "AND is learned" "accuracy $acc"
run --headless --data data/xor.csv --x x1 --y x2 --label y --classes 0,1 --loss bce --lr 1 --epochs 2000 --every 2000
acc=$(tail -n 1 "$TMP/out" | cut -d, -f6)
[ "$acc" != "1" ] && ok "XOR is not (accuracy $acc)" || fail "XOR is not learned" "accuracy $acc"
run --headless --standardize --epochs 5
expect_rc "--standardize runs" 0

# --help, --version.
run --help
if [ "$RC" -eq 0 ] && [ ! -s "$TMP/err" ]; then
    missing=""
    for opt in data x y label classes activation loss lr batch shuffle init seed epochs \
               epochs-per-frame standardize ascii no-color help version headless bowl every start dump-frame \
               lesson record replay; do
        grep -q -- "--$opt" "$TMP/out" || missing="$missing --$opt"
    done
    [ -z "$missing" ] && ok "--help lists every option" || fail "--help lists every option" "missing:$missing"
else
    fail "--help lists every option" "rc $RC"
fi
run --version
grep -q '^descent [0-9]' "$TMP/out" && [ "$RC" -eq 0 ] && ok "--version" || fail "--version" "$(cat "$TMP/out")"

# Usage errors: one line on stderr, nothing on stdout, exit 2.
usage() {
    name=$1; msg=$2; shift 2
    run "$@"
    expect_rc "$name: exit 2" 2
    expect_err "$name: message" "descent: $msg"
    expect_empty_out "$name: stdout empty"
}
usage "bad lr" '--lr: "abc" is not a positive number (see --help)' --headless --lr abc
usage "negative lr" '--lr: "-1" is not a positive number (see --help)' --headless --lr -1
usage "nan lr" '--lr: "nan" is not a positive number (see --help)' --headless --lr nan
usage "bad batch" '--batch: "0" is not a whole number >= 1 or "full" (see --help)' --headless --batch 0
usage "bad loss" '--loss: "hinge" is not one of MSE, MAE, BCE (see --help)' --headless --loss hinge
usage "bad activation" '--activation: "tanh" is not one of sigmoid, linear, relu, step (see --help)' --headless --activation tanh
usage "bad shuffle" '--shuffle: "maybe" is not on or off (see --help)' --headless --shuffle maybe
usage "bad init" '--init: "ones" is not zeros or uniform (see --help)' --headless --init ones
usage "bad seed" '--seed: "-3" is not a whole number >= 0 (see --help)' --headless --seed -3
usage "bad epochs" '--epochs: "1e3" is not a whole number from 0 to 2^48 (see --help)' --headless --epochs 1e3
usage "epochs past 2^48" '--epochs: "281474976710657" is not a whole number from 0 to 2^48 (see --help)' --headless --epochs 281474976710657
usage "bad every" '--every: "0" is not a whole number >= 1 (see --help)' --headless --every 0
usage "bad classes" '--classes: "setosa" is not two class names as A,B (see --help)' --headless --classes setosa
usage "bad start" '--start: "5" is not two numbers as X,Y (see --help)' --headless --bowl --start 5
usage "bad frame size" '--dump-frame: "80by24" is not a size WxH (each 1 to 1000) (see --help)' --dump-frame 80by24
usage "bad speed" '--epochs-per-frame: "0" is not a whole number from 1 to 65536 (see --help)' --epochs-per-frame 0
usage "bad view" '--view: "sideways" is not bowl, landscape, mesh or landscape-mesh (see --help)' --dump-frame 80x24 --view sideways
usage "bad regions" '--regions: "maybe" is not on or off (see --help)' --dump-frame 80x24 --regions=maybe
usage "unknown option" 'unknown option "--frobnicate" (see --help)' --frobnicate
usage "missing value" 'option "--lr" needs a value (see --help)' --headless --lr
usage "stray argument" 'unexpected argument "extra" (see --help)' --headless extra
usage "bowl without headless" '--bowl goes with --headless (see --help)' --bowl
usage "headless and dump" '--headless and --dump-frame cannot be combined (see --help)' --headless --dump-frame 80x24
usage "missing file" 'no/such.csv: cannot open: No such file or directory' --headless --data no/such.csv

# Bad input files end to end: the loader's message behind "descent: ",
# exit 2, nothing on stdout (every message is checked in test_dataset).
d=tests/data
usage "directory" "$d: is a directory" --headless --data $d
usage "empty file" "$d/empty.csv:1: empty file" --headless --data $d/empty.csv
usage "header only" "$d/header_only.csv:2: no data rows (header only)" --headless --data $d/header_only.csv
usage "ragged row" "$d/ragged_long.csv:3: row has 6 fields, the header has 5" --headless --data $d/ragged_long.csv
usage "unterminated quote" "$d/unterminated_quote.csv:3:2: unterminated quoted field (the closing quote is missing)" --headless --data $d/unterminated_quote.csv
usage "not a number" "$d/not_a_number.csv:7:3: petal_length: \"abc\" is not a number" --headless --data $d/not_a_number.csv
usage "trailing junk" "$d/crlf_bad.csv:4:3: petal_length: \"4.7 cm\" is not a number" --headless --data $d/crlf_bad.csv
usage "empty value" "$d/empty_value.csv:3:1: sepal_length: empty value" --headless --data $d/empty_value.csv
usage "NaN value" "$d/nan_value.csv:4:3: petal_length: \"NaN\" is not a finite number" --headless --data $d/nan_value.csv
usage "out of range" "$d/out_of_range.csv:4:1: sepal_length: \"1e999\" is out of range" --headless --data $d/out_of_range.csv
usage "one class" "$d/one_class.csv:1: column \"species\" has only one class (\"setosa\"); two are needed" --headless --data $d/one_class.csv
usage "unknown column" 'iris.csv (built in):1: unknown column "petal_size" (columns: sepal_length, sepal_width, petal_length, petal_width, species)' --headless --x petal_size
usage "unknown class" 'iris.csv (built in):1: class "daisy" not found in column species (classes: setosa, versicolor, virginica)' --headless --classes setosa,daisy
usage "bad file in the TUI too" "$d/empty.csv:1: empty file" --data $d/empty.csv
usage "bad file in --dump-frame" "$d/empty.csv:1: empty file" --dump-frame 80x24 --data $d/empty.csv

# N inputs, regression and the test split: bad input is one line, exit 2.
usage "unknown column in a term" 'gen:xor: --features: unknown column "x3" in term "x1*x3"' --headless --data gen:xor --features x1,x1*x3
usage "power out of range" 'gen:xor: --features: term "x1^10": the power must be 2 to 9' --headless --data gen:xor --features x1^10
usage "empty term" 'gen:xor: --features: empty term (number 2 in the list)' --headless --data gen:xor --features x1,,x2
usage "non-numeric target" 'iris.csv (built in):2:5: species: "setosa" is not a number' --headless --target species
usage "target with classes" '--target and --classes do not go together: --target fits a numeric column, --label and --classes pick two classes (see --help)' --headless --target petal_width --classes setosa,virginica
usage "test 1" '--test: "1" is not a fraction from 0 to 0.9 (see --help)' --headless --test 1
usage "hidden 9" '--hidden: "9" is not a whole number from 0 to 8 (see --help)' --headless --hidden 9
usage "hidden activation" '--hidden-activation: "nope" is not one of tanh, sigmoid, relu, linear (see --help)' --headless --hidden 2 --hidden-activation nope
usage "weights count" '--weights: expected 9 numbers (h1_w1,h1_w2,h1_b,h2_w1,h2_w2,h2_b,w1,w2,b), got 3' --headless --data gen:xor --hidden 2 --weights 1,2,3
usage "weights count, no hidden layer" '--weights: expected 3 numbers (w1,w2,b), got 4' --headless --weights 1,2,3,4
usage "weights count, wide" '--weights: expected 41 numbers (h1_w1,...,h1_b,...,h8_b, then w1,...,w8,b), got 1' --headless --data gen:xor --features x1,x2,x1*x2 --hidden 8 --weights 1
usage "weights not a number" '--weights: "1,x,3" is not a comma list of numbers (see --help)' --headless --weights 1,x,3
usage "weights empty item" '--weights: "1,,3" is not a comma list of numbers (see --help)' --headless --weights 1,,3
usage "unknown gen" '--data: "gen:moons" is not a generated data set (gen:circle, xor, gauss, spiral, line, plane) (see --help)' --headless --data gen:moons

# The headers of N inputs, regression and a test split.
run --headless --epochs 1 --data gen:xor --features x1,x2,x1*x2 --test 0.2
expect_rc "N = 3 with --test: exit 0" 0
[ "$(printf '%s\n' "$(cat "$TMP/out")" | head -n 1)" = "epoch,cost,w1,w2,w3,b,accuracy,test_cost,test_accuracy" ] \
    && ok "N = 3 with --test: header" || fail "N = 3 with --test: header" "got: $(printf '%s\n' "$(cat "$TMP/out")" | head -n 1)"
run --headless --epochs 1 --data gen:line
[ "$(printf '%s\n' "$(cat "$TMP/out")" | head -n 1)" = "epoch,cost,w1,b,r2" ] \
    && ok "gen:line: regression header" || fail "gen:line: regression header" "got: $(printf '%s\n' "$(cat "$TMP/out")" | head -n 1)"
run --headless --epochs 300 --data gen:xor --features x1,x2,x1*x2 --loss BCE --lr 2
[ "$(printf '%s\n' "$(cat "$TMP/out")" | tail -n 1 | awk -F, '{ print $NF }')" = 1 ] \
    && ok "gen:xor with x1*x2: 100% training accuracy" || fail "gen:xor with x1*x2: 100% training accuracy" "$(printf '%s\n' "$(cat "$TMP/out")" | tail -n 1)"

# Own data that forgives: --delimiter, decimal commas, classes found,
# the rows kept said on stderr with --verbose (stdout unchanged).
run --headless --epochs 5
cp "$TMP/out" "$TMP/plain"
run --headless --epochs 5 --verbose
cmp -s "$TMP/out" "$TMP/plain" && expect_err "--verbose: the rows kept on stderr, stdout the same" \
    "descent: kept 100 of 150 rows; dropped labels: virginica" || fail "--verbose leaves stdout as it was"
run --headless --epochs 3 --data tests/data/ok_semicolon_decimal_comma.csv --delimiter ';' --verbose
expect_rc "--delimiter ';' with decimal commas" 0
expect_err "--delimiter ';' --verbose" "descent: kept 4 of 5 rows; dropped labels: virginica"
run --headless --epochs 3 --data tests/data/ok_tab.csv --delimiter tab --x x1 --y x2 --label answer --verbose
[ "$RC" -eq 0 ] && [ ! -s "$TMP/err" ] && [ "$(wc -l <"$TMP/out")" -eq 4 ] &&
    ok "--delimiter tab, two labels and no --classes: trained, nothing dropped" ||
    fail "--delimiter tab and found classes" "rc $RC" "$(cat "$TMP/err")"
usage "a semicolon file read with commas" "tests/data/ok_semicolon_decimal_comma.csv:1: the header is one field that holds \";\": for columns separated by \";\", use --delimiter ';'" \
    --headless --data tests/data/ok_semicolon_decimal_comma.csv
usage "bad delimiter" '--delimiter: "ab" is not one character or tab (a quote, a space or a line break cannot be one) (see --help)' --headless --delimiter ab
usage "a quote as delimiter" '--delimiter: """ is not one character or tab (a quote, a space or a line break cannot be one) (see --help)' --headless --delimiter '"'

# The settings table (its rows in settings_table.c, the kinds of value in
# settings_kinds.c, settings_names.c and settings_network.c) is the only place an option is named: no other
# source file spells "--NAME" or (names of four letters and more) "NAME"
# as a string outside comments. Words on the screen that happen to be
# option names are not the options: export.c's (and export_mesh.c's) SVG
# text-anchor "start",
# the scatter's and cost plot's "test" labels, the scatter's "target",
# views.c's panel "surface", the optimizer "momentum" and the surface
# "bowl"; export_network.c's "start" too, and control.c's test points
# "hidden".
words_on_screen="src/export.c:start src/export_mesh.c:start src/export_network.c:start src/control.c:hidden src/view_cost.c:test src/view_scatter.c:test src/view_scatter.c:target src/views.c:surface src/optimizer.c:momentum src/surface.c:bowl"
named=""
for opt in $("$DESCENT" --help | grep -o -E '^  --[a-z0-9-]+' | sed 's/^  --//' | sort -u); do
    for f in src/*.c; do
        case "$f" in src/settings_table.c|src/settings_kinds.c|src/settings_names.c|src/settings_network.c) continue ;; esac
        code=$(grep -v -E '^ *(/?\*)' "$f")
        if printf '%s\n' "$code" | grep -q -e "\"--$opt[\" =]" ||
           { [ ${#opt} -ge 4 ] && ! case " $words_on_screen " in *" $f:$opt "*) true;; *) false;; esac &&
             printf '%s\n' "$code" | grep -q -e "\"$opt\""; }; then
            named="$named $f:$opt"
        fi
    done
done
[ -z "$named" ] && ok "only the settings table names the options" \
    || fail "only the settings table names the options" "named in:$named"
