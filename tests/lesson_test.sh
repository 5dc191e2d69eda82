#!/bin/sh
# lesson_test.sh - the lessons end to end: every built-in lesson shows what
# its caption says (checked on the headless output), --lesson list, the
# command line overriding a lesson, lessons run from any directory, bad
# lesson files (exit 2, one line on stderr, nothing on stdout) and the
# caption on a dumped frame. Run from the repository root.
. tests/lib.sh

# check NAME CONDITION-OUTPUT: ok when the awk program printed nothing.
check() {
    if [ -z "$2" ] && [ "$RC" -eq 0 ]; then ok "$1"; else fail "$1" "rc $RC" "$2" "stderr: $(head -c 300 "$TMP/err")"; fi
}

# Lessons whose data is a built-in table need session.c to load it.
builtin_data=yes
run --headless --data builtin:xor --x x1 --y x2 --label y --classes 0,1 --epochs 1
if [ "$RC" -ne 0 ] && ! grep -q builtin_table src/session.c; then
    builtin_data=no
fi
skip() { echo "ok $1 # SKIP $2"; }

# --- the bowl ladder ------------------------------------------------------

run --headless --bowl --lesson bowl-smooth
check "bowl-smooth: x = y = 5*0.8^k, f falls at every one of 100 steps" "$(awk -F, '
    NR == 1 { next }
    { k = $1; want = 5 * 0.8 ^ k; d = $2 - want; if (d < 0) d = -d
      if ($2 != $3 || d > 1e-12 * want) print "step " k ": " $0
      if (NR > 2 && !($4 < f)) print "f did not fall at step " k
      f = $4 }
    END { if (NR != 102) print NR - 1 " rows" }' "$TMP/out")"

run --headless --bowl --lesson bowl-one-step
check "bowl-one-step: (5,5) then (0,0) for good" "$(awk -F, '
    NR == 2 && ($2 != 5 || $3 != 5) { print "start " $0 }
    NR > 2 && ($2 != 0 || $3 != 0 || $4 != 0) { print "step " $0 }' "$TMP/out")"

run --headless --bowl --lesson bowl-oscillates
check "bowl-oscillates: x = y = 5, -5, 5, ... on every step" "$(awk -F, '
    NR > 1 { want = ($1 % 2 == 0) ? 5 : -5
             if ($2 != want || $3 != want || $4 != 50) print "step " $0 }' "$TMP/out")"

run --headless --bowl --lesson bowl-diverges
check "bowl-diverges: x = -1.2 times the last x, |x| grows every step" "$(awk -F, '
    NR > 2 { r = $2 / x; d = r + 1.2; if (d < 0) d = -d
             if (d > 1e-12 || !($4 > f)) print "step " $0 }
    NR > 1 { x = $2; f = $4 }
    END { if (!(f > 1e7)) print "f only reached " f }' "$TMP/out")"

# --- zeros versus random initial weights ---------------------------------

run --headless --lesson init-zeros
cp "$TMP/out" "$TMP/zeros"
run --headless --lesson init-random
cp "$TMP/out" "$TMP/random"
check "init-zeros: starts at 0 (epoch 1: b = 0), 100% first at epoch 6" "$(awk -F, '
    NR == 2 && $5 != 0 { print "epoch 1 b " $5 }
    NR > 1 && $6 == 1 && !first { first = $1 }
    END { if (first != 6) print "first 100% at " first }' "$TMP/zeros")"
check "init-random: another start, 100% first at epoch 4" "$(awk -F, '
    NR == 2 && $5 == 0 { print "epoch 1 b is 0" }
    NR > 1 && $6 == 1 && !first { first = $1 }
    END { if (first != 4) print "first 100% at " first }' "$TMP/random")"
check "init: other paths (b < 0 vs b > 0 at the end), costs within 2% at epoch 300" "$(paste -d, "$TMP/zeros" "$TMP/random" | awk -F, '
    END { if (!($5 < 0 && $11 > 0)) print "b " $5 " and " $11
          r = $2 / $8; if (r < 0.98 || r > 1.02) print "costs " $2 " and " $8 }')"

# --- minibatch noise -----------------------------------------------------

rises='NR > 2 && $2 > prev { n++ } NR > 1 { prev = $2 } END { print n + 0 }'
run --headless --lesson minibatch-noise
up=$(awk -F, "$rises" "$TMP/out")
[ "$RC" -eq 0 ] && [ "$up" -ge 5 ] && ok "minibatch-noise: the cost goes up $up times in 100 epochs" || fail "minibatch-noise: the cost goes up" "$up rises, rc $RC"
run --headless --lesson minibatch-noise --batch full
up=$(awk -F, "$rises" "$TMP/out")
[ "$RC" -eq 0 ] && [ "$up" -eq 0 ] && ok "minibatch-noise --batch full: the cost never goes up" || fail "minibatch-noise --batch full" "$up rises, rc $RC"

# --- standardisation -----------------------------------------------------

run --headless --lesson unscaled-slow
cp "$TMP/out" "$TMP/raw"
run --headless --lesson standardized-fast
cp "$TMP/out" "$TMP/std"
check "unscaled-slow: never 100% in 300 epochs (99% from epoch 40 on)" "$(awk -F, '
    NR > 1 && $6 >= 1 { print "100% at " $1; exit }
    NR > 1 && $1 >= 40 && $6 != 0.98999999999999999 { print "epoch " $0 }
    END { if (NR != 301) print NR - 1 " rows" }' "$TMP/raw")"
check "standardized-fast: 100% first at epoch 248, a lower cost than raw from epoch 2 on" "$(paste -d, "$TMP/raw" "$TMP/std" | awk -F, '
    NR > 2 && !($8 < $2) { print "epoch " $1 ": " $8 " vs raw " $2 }
    NR > 1 && $12 == 1 && !first { first = $1 }
    END { if (first != 248) print "first 100% at " first }')"
run --headless --lesson standardized-fast --standardize=off
cmp -s "$TMP/out" "$TMP/raw" && ok "standardized-fast --standardize=off is unscaled-slow, bit for bit" || fail "--standardize=off overrides the lesson"

# --- MSE versus MAE ------------------------------------------------------

run --headless --lesson mse-settles
up=$(awk -F, "$rises" "$TMP/out")
[ "$RC" -eq 0 ] && [ "$up" -eq 0 ] && ok "mse-settles: the cost falls at every one of 300 epochs" || fail "mse-settles" "$up rises, rc $RC"
run --headless --lesson mae-jitters
check "mae-jitters: the cost first goes up at epoch 20, then over 100 times" "$(awk -F, '
    NR > 2 && $2 > prev { n++; if (!first) first = $1 }
    NR > 1 { prev = $2 }
    END { if (first != 20 || n < 100) print "first rise " first ", " n " rises" }' "$TMP/out")"

# --- activations that cannot learn ---------------------------------------

run --headless --lesson step-cannot-learn
check "step-cannot-learn: w1, w2, b the same on every row, accuracy 97% throughout" "$(awk -F, '
    NR == 2 { w = $3 "," $4 "," $5 }
    NR > 1 && ($3 "," $4 "," $5 != w || $6 != 0.96999999999999997) { print "epoch " $0 }
    END { if (NR != 101) print NR - 1 " rows" }' "$TMP/out")"

run --headless --lesson dead-relu
check "dead-relu: 100% at epoch 2, moving until epoch 4, then frozen (cost 0.25, output 0)" "$(awk -F, '
    NR == 3 && $6 != 1 { print "epoch 2: " $0 }
    NR == 4 { w3 = $3 "," $4 "," $5 }
    NR == 5 { w = $3 "," $4 "," $5; if (w == w3) print "no move in epoch 4" }
    NR > 5 && ($3 "," $4 "," $5 != w || $2 != 0.25 || $6 != 0.5) { print "epoch " $0 }
    END { if (NR != 101) print NR - 1 " rows" }' "$TMP/out")"

# --- vanishing and exploding ---------------------------------------------

run --headless --lesson sigmoid-saturates
check "sigmoid-saturates: cost 0.125 at epoch 1, then within 1e-4 of 0.25 and 50% to epoch 100, weights moving < 0.01 an epoch" "$(awk -F, '
    NR == 2 && $2 != 0.125 { print "epoch 1: " $0 }
    NR > 2 { d = $3 - w1; if (d < 0) d = -d
             if ($2 < 0.2499 || $2 > 0.25 || $6 != 0.5 || d > 0.01) print "epoch " $0 }
    NR > 1 { w1 = $3 }
    END { if (NR != 101) print NR - 1 " rows" }' "$TMP/out")"
run --dump-frame 80x24 --lesson sigmoid-saturates --epochs 100
grep -Eq 'VANISHING GRADIENT: (9[0-9]|100)/100 saturated' "$TMP/out" && ok "sigmoid-saturates: the frame at epoch 100 says VANISHING GRADIENT, 90 to 100 of 100 saturated" || fail "sigmoid-saturates: the banner" "$(tail -n 3 "$TMP/out")"
run --headless --lesson sigmoid-saturates --lr 5 --epochs 300
check "sigmoid-saturates at lr 5 (-, -, r): 100% and cost below 0.001 at epoch 300" "$(awk -F, '
    END { if ($6 != 1 || !($2 < 0.001)) print $0 }' "$TMP/out")"
run --dump-frame 80x24 --lesson sigmoid-saturates --lr 10 --epochs 300
grep -q 'VANISHING GRADIENT' "$TMP/out" && ok "sigmoid-saturates at lr 10 (the README's 'from lr 10'): the banner" || fail "sigmoid-saturates at lr 10: no banner" "$(tail -n 3 "$TMP/out")"
run --dump-frame 80x24 --lesson sigmoid-saturates --lr 5 --epochs 300
! grep -q 'VANISHING' "$TMP/out" && ok "sigmoid-saturates at lr 5: no banner" || fail "sigmoid-saturates at lr 5: a banner" "$(tail -n 3 "$TMP/out")"

# The limit of linear MSE descent: 2/L, L the largest eigenvalue of the
# mean of x*x' over setosa and versicolor (x = sepal_length, petal_length,
# 1), by power iteration on the data file.
limit=$(awk -F, 'BEGIN { n = 0 }
    NR > 1 && ($5 == "setosa" || $5 == "versicolor") {
        x[n, 1] = $1; x[n, 2] = $3; x[n, 3] = 1; n++ }
    END { for (i = 1; i <= 3; i++) for (j = 1; j <= 3; j++) {
              s = 0; for (k = 0; k < n; k++) s += x[k, i] * x[k, j]; h[i, j] = s / n }
          v[1] = v[2] = v[3] = 1
          for (it = 0; it < 200; it++) {
              m = 0
              for (i = 1; i <= 3; i++) { w[i] = 0; for (j = 1; j <= 3; j++) w[i] += h[i, j] * v[j]
                                         if (w[i] > m) m = w[i] }
              for (i = 1; i <= 3; i++) v[i] = w[i] / m }
          printf "%.4f\n", 2 / m }' data/iris.csv)
[ "$limit" = 0.0494 ] && ok "linear-diverges: the limit 2/L is 0.0494 (the caption's 0.049)" || fail "linear-diverges: the limit" "2/L = $limit"
run --headless --lesson linear-diverges
check "linear-diverges: the cost grows 8.5x to 10x an epoch from epoch 10, first infinite at epoch 319" "$(awk -F, '
    NR > 1 && $2 == "inf" && !first { first = $1 }
    NR > 11 && !first { r = $2 / prev; if (r < 8.5 || r > 10) print "epoch " $1 ": x" r }
    NR > 1 { prev = $2 }
    END { if (first != 319) print "first inf at " first }' "$TMP/out")"
run --dump-frame 80x24 --lesson linear-diverges
grep -q 'DIVERGED at epoch 319' "$TMP/out" && ok "linear-diverges: the frame says DIVERGED at epoch 319" || fail "linear-diverges: the banner" "$(tail -n 3 "$TMP/out")"
run --headless --lesson linear-diverges --lr 0.04
check "linear-diverges at lr 0.04, under the limit: 100% and the cost below 0.0062 at epoch 400" "$(awk -F, '
    END { if ($6 != 1 || !($2 < 0.0062)) print $0 }' "$TMP/out")"

# --- XOR -----------------------------------------------------------------

if [ "$builtin_data" = yes ]; then
    run --headless --lesson xor-impossible
    check "xor-impossible: accuracy at most 75% on every row, 75% reached, then w = 0 and cost ln 2" "$(awk -F, '
        NR > 1 && $6 > 0.75 { print "epoch " $0 }
        NR > 1 && $6 == 0.75 { seen = 1 }
        END { if (!seen) print "75% never reached"
              d = $2 - log(2); if (d < 0) d = -d; if (d > 1e-12) print "last cost " $2
              for (i = 3; i <= 5; i++) if ($i > 1e-12 || $i < -1e-12) print "last weight " $i
              if (NR != 1001) print NR - 1 " rows" }' "$TMP/out")"
    check "xor-impossible ends at 50% (a = 0.5 on every sample: the tie a >= 0.5 reads as 1)" "$(awk -F, '
        END { if ($6 != 0.5) print $0 }' "$TMP/out")"
    run --dump-frame 80x24 --lesson xor-impossible
    ! grep -q -- '-0\.00' "$TMP/out" && grep -q 'z = -2e-16' "$TMP/out" && ok "xor-impossible's last frame: no -0.00, the tiny weights with their digits" || fail "xor-impossible's last frame" "$(grep 'z = ' "$TMP/out")"
    xor="--data data/xor.csv --x x1 --y x2 --label y --classes 0,1"
    run --headless $xor --init uniform --epochs 100
    check "README's XOR command (--init uniform): the weights move every epoch, accuracy never above 75%" "$(awk -F, '
        NR > 2 && $3 "," $4 "," $5 == w { print "no move at " $1 }
        NR > 1 { w = $3 "," $4 "," $5; if ($6 > 0.75) print "epoch " $0 }' "$TMP/out")"
    run --headless $xor --epochs 100
    check "XOR from zeros: every weight exactly 0 on every row (the gradient is 0 by symmetry)" "$(awk -F, '
        NR > 1 && ($3 != 0 || $4 != 0 || $5 != 0) { print "epoch " $0 }' "$TMP/out")"
    case $DESCENT in /*) bin=$DESCENT ;; *) bin=$PWD/$DESCENT ;; esac
    (cd / && "$bin" --headless --lesson xor-impossible --epochs 3 >"$TMP/out" 2>"$TMP/err")
    RC=$?
    [ "$RC" -eq 0 ] && [ "$(wc -l <"$TMP/out")" -eq 4 ] && ok "a lesson with built-in data runs from any directory" || fail "a lesson runs from any directory" "rc $RC" "$(cat "$TMP/err")"
else
    skip "xor-impossible: accuracy at most 75%" "session.c does not load --data builtin:NAME yet (builtin_table)"
    skip "a lesson with built-in data runs from any directory" "session.c does not load --data builtin:NAME yet"
fi

# --- N inputs: feature terms, regression, a test split -------------------

run --headless --lesson xor-term
check "xor-term: 100% on every one of 300 epochs, from epoch 1" "$(awk -F, '
    NR == 1 && $0 != "epoch,cost,w1,w2,w3,b,accuracy" { print "header " $0 }
    NR > 1 && $7 != 1 { print "epoch " $0 }
    END { if (NR != 301) print NR - 1 " rows" }' "$TMP/out")"

run --headless --lesson circle-squares
check "circle-squares: 100% first at epoch 54 and kept; the circle grows every epoch to between 2.5 and 3.5" "$(awk -F, '
    NR > 1 && $6 == 1 && !first { first = $1 }
    NR > 1 && first && $6 != 1 { print "lost 100% at " $0 }
    NR > 2 { r = sqrt(-$5 / (($3 + $4) / 2)); if (!(r > prev)) print "radius " r " at epoch " $1; prev = r }
    END { if (first != 54) print "first 100% at " first
          if (!(prev > 2.5 && prev < 3.5)) print "last radius " prev
          if (NR != 501) print NR - 1 " rows" }' "$TMP/out")"
run --headless --lesson circle-squares --features x1,x2
check "circle-squares on x1, x2 alone: never above 57% (57% reached)" "$(awk -F, '
    NR > 1 && $6 > best { best = $6 }
    END { if (best != 0.56999999999999995) print "best " best }' "$TMP/out")"

run --headless --lesson iris-four
check "iris-four: 98% first at epoch 288, never higher, kept to the end" "$(awk -F, '
    NR > 1 && $8 > 0.98 { print "above 98%: " $0 }
    NR > 1 && $8 == 0.97999999999999998 && !first { first = $1 }
    NR > 1 && first && $8 != 0.97999999999999998 { print "lost 98% at " $0 }
    END { if (first != 288) print "first 98% at " first }' "$TMP/out")"
pairs=""
for pair in sepal_length,sepal_width sepal_length,petal_length sepal_length,petal_width \
            sepal_width,petal_length sepal_width,petal_width petal_length,petal_width; do
    run --headless --lesson iris-four --features "$pair"
    pairs="$pairs$(awk -F, -v p="$pair" 'NR > 1 && $6 > best { best = $6 }
        END { if (best > 0.95) print p ": " best " " }' "$TMP/out")"
done
check "iris-four on each of the six pairs: 95% at most" "$pairs"

run --headless --lesson line-fit --epochs 300
check "line-fit at lr 0.05: the fit reads 3.00x - 2.00 from epoch 117 on, not before" "$(awk -F, '
    NR > 1 { fit = sprintf("%.2f %.2f", $3, $4) == "3.00 -2.00"
             if (fit && !first) first = $1
             if (first && !fit) print "lost at " $0 }
    END { if (first != 117) print "first at " first }' "$TMP/out")"
run --headless --lesson line-fit --lr 0.2
check "line-fit at lr 0.2: the slope swings past 3 every epoch, wider each time, and diverges" "$(awk -F, '
    NR > 1 { e = $3 - 3; a = e < 0 ? -e : e
             if (NR > 2 && e * prev >= 0) print "no swing at " $0
             if (NR > 3 && !(a > prevabs)) print "no wider at " $0
             prev = e; prevabs = a }
    END { if (!(prevabs > 1e6)) print "last slope error " prevabs }' "$TMP/out")"
run --headless --lesson line-fit --lr 0.18 --epochs 300
tail -n 1 "$TMP/out" >"$TMP/below"
run --headless --lesson line-fit --lr 0.19 --epochs 300
check "line-fit: the limit is near 0.185 (lr 0.18 settles, lr 0.19 diverges)" "$(awk -F, '
    NR == 1 { d = $3 - 3; if (d < 0) d = -d; if (d > 1e-6) print "lr 0.18 slope " $3 }
    NR == 2 && !($2 > 1e10) { print "lr 0.19 cost " $2 }' "$TMP/below" "$TMP/out")"

run --headless --lesson spiral-overfit
check "spiral-overfit: the test cost is lowest at epoch 100 and rises every epoch after it; the training cost falls" "$(awk -F, '
    NR == 1 { for (k = 1; k <= NF; k++) if ($k == "test_cost") tc = k; if (!tc) print "no test_cost"; next }
    $1 == 100 { low = $tc }
    $1 > 100 && !($tc > prevtest) { print "test cost fell at " $1 }
    $1 > 100 && !($2 < prevcost) { print "training cost rose at " $1 }
    { prevtest = $tc; prevcost = $2; if (NR == 2 || $tc < min) { min = $tc; at = $1 } }
    END { if (at != 100) print "lowest test cost at " at
          if (NR != 2001) print NR - 1 " rows" }' "$TMP/out")"

d=$TMP/dir
mkdir -p "$d"
cp assets/lessons/circle-squares.lesson "$d/mine.lesson"
run --headless --lesson "$d/mine.lesson" --epochs 2
[ "$RC" -eq 0 ] && ok "data = gen:NAME in a lesson file is not a file beside it" || fail "data = gen:NAME in a lesson file" "$(cat "$TMP/err")"
# --- a hidden layer -------------------------------------------------------

# first_full FILE: the first epoch at 100% training accuracy (last column).
first_full() { awk -F, 'NR > 1 && $NF == 1 { print $1; exit }' "$1"; }

run --headless --lesson xor-by-inspection
check "xor-by-inspection: 100% from epoch 1 on, the given weights never move (epoch 0's)" "$(awk -F, '
    NR > 1 && $NF != 1 { print "epoch " $0 }
    NR > 1 && ($3 != 20 || $4 != 20 || $5 != -10 || $6 != -20 || $7 != -20 || $8 != 30 ||
               $9 != 1 || $10 != 1 || $11 != -1.5) { print "weights " $0 }
    END { if (NR != 21) print NR - 1 " rows" }' "$TMP/out")"

run --headless --lesson xor-two-units
check "xor-two-units: 100% first at epoch 88" "$([ "$(first_full "$TMP/out")" = 88 ] || echo "first 100% at $(first_full "$TMP/out")")"
for seed in 2 5; do
    run --headless --lesson xor-two-units --seed $seed
    check "xor-two-units: seed $seed sticks at 50%" "$(awk -F, '
        NR > 1 && $NF == 1 { print "100% at " $1; exit }
        END { if ($NF != 0.5) print "last " $0 }' "$TMP/out")"
done

run --headless --lesson xor-four-units
check "xor-four-units: 100% first at epoch 51" "$([ "$(first_full "$TMP/out")" = 51 ] || echo "first 100% at $(first_full "$TMP/out")")"
late=""
for seed in 1 2 3 4 5; do
    run --headless --lesson xor-four-units --seed $seed --epochs 53
    e=$(first_full "$TMP/out")
    [ -n "$e" ] || late="$late seed $seed"
done
check "xor-four-units: every seed 1..5 at 100% within 53 epochs" "$late"

run --headless --lesson xor-one-unit
check "xor-one-unit: never above 75%, 75% reached, cost 0.479 at epoch 1000" "$(awk -F, '
    NR > 1 && $NF > 0.75 { print "epoch " $0 }
    NR > 1 && $NF == 0.75 { seen = 1 }
    END { if (!seen) print "75% never reached"
          if ($1 != 1000 || sprintf("%.3f", $2) != "0.479") print "last " $0 }' "$TMP/out")"

run --headless --lesson hidden-zeros
check "hidden-zeros: the three units equal on every row, never above 77%, 77% reached" "$(awk -F, '
    NR > 1 && ($3 != $6 || $6 != $9 || $4 != $7 || $7 != $10 || $5 != $8 || $8 != $11 ||
               $12 != $13 || $13 != $14) { print "units differ: " $0 }
    NR > 1 && $NF > 0.77 { print "epoch " $0 }
    NR > 1 && $NF == 0.77 { seen = 1 }
    NR > 1 && $3 == 0 { still++ }
    END { if (!seen) print "77% never reached"; if (still == NR - 1) print "the units never moved" }' "$TMP/out")"
run --headless --lesson hidden-zeros --init uniform
check "hidden-zeros: a random init reaches 97.5% at epoch 1000" "$(awk -F, 'END { if ($1 != 1000 || $NF != 0.975) print "last " $0 }' "$TMP/out")"

run --headless --lesson circle-three-units
check "circle-three-units: 100% first at epoch 66" "$([ "$(first_full "$TMP/out")" = 66 ] || echo "first 100% at $(first_full "$TMP/out")")"
run --headless --lesson circle-three-units --hidden 2
check "circle-three-units: 2 units at 82.5% at epoch 1000" "$(awk -F, 'END { if ($1 != 1000 || $NF != 0.825) print "last " $0 }' "$TMP/out")"
run --headless --lesson circle-three-units --hidden 0 --features 'x1^2,x2^2'
check "circle-three-units: one neuron on x1^2, x2^2 at 100% first at epoch 10" "$([ "$(first_full "$TMP/out")" = 10 ] || echo "first 100% at $(first_full "$TMP/out")")"

run --headless --lesson spiral-eight-units
check "spiral-eight-units: 96% at epoch 4000" "$(awk -F, 'END { if ($1 != 4000 || $NF != 0.96) print "last " $0 }' "$TMP/out")"
for pair in 2:0.525 4:0.695; do
    run --headless --lesson spiral-eight-units --hidden "${pair%%:*}" --epochs 3000
    check "spiral-eight-units: ${pair%%:*} units at ${pair#*:} at epoch 3000" "$(awk -F, -v want="${pair#*:}" 'END { if ($1 != 3000 || $NF != want) print "last " $0 }' "$TMP/out")"
done

run --headless --lesson spiral-overfits
check "spiral-overfits: the test cost lowest at epoch 444 (0.64), 1.79 at epoch 6000" "$(awk -F, '
    NR == 1 && $(NF - 1) != "test_cost" { print "header " $0; exit }
    NR > 1 && (min == "" || $(NF - 1) < min) { min = $(NF - 1); at = $1 }
    END { if (at != 444 || sprintf("%.2f", min) != "0.64") print "lowest " min " at " at
          if ($1 != 6000 || sprintf("%.2f", $(NF - 1)) != "1.79") print "last " $0 }' "$TMP/out")"

# --- the LR range test ---------------------------------------------------

run --headless --lesson lr-range-test --epochs 30
check "lr-range-test: linear at lr 0.5 blows up (cost past 1e60 by epoch 30)" "$(awk -F, '
    END { if (!($2 > 1e60)) print "epoch 30 cost " $2 }' "$TMP/out")"
run --lr-find --lesson lr-range-test
steepest=$(sed -n 's/^# suggested lr: \([^ ]*\) (steepest)$/\1/p' "$TMP/out")
check "lr-range-test: F is flat, falls, explodes and stops early; steepest at lr 0.0071" "$(awk -F, '
    /^#/ || NR == 1 { next }
    { n++; s[n] = $4; if (n == 1 || $4 < least) least = $4 }
    END { for (i = 2; i <= 20; i++) if (s[i] < 0.999 * s[1]) print "not flat at row " i
          if (!(least < 0.7 * s[1])) print "never falls: " least
          if (!(s[n] > 4 * least) || n >= 100) print n " rows, last " s[n] }' "$TMP/out")"
case $steepest in 0.0070548*) true ;; *) false ;; esac && ok "lr-range-test: the caption's lr 0.0071 is the steepest" || fail "lr-range-test steepest" "$steepest"
run --headless --lesson lr-range-test --lr "$steepest" --epochs 200
check "lr-range-test: at the steepest lr the cost falls every epoch to below 0.01, 100%" "$(awk -F, '
    NR > 2 && !($2 < prev) { print "rises at " $1 }
    NR > 1 { prev = $2 }
    END { if (!(prev < 0.01 && $6 == 1)) print "epoch 200: " $0 }' "$TMP/out")"

# --- the command line ----------------------------------------------------

run --lesson list
files=$(for f in assets/lessons/*.lesson; do basename "$f" .lesson; done | sort | tr '\n' ' ')
listed=$(cut -d' ' -f1 "$TMP/out" | sort | tr '\n' ' ')
[ "$RC" -eq 0 ] && [ ! -s "$TMP/err" ] && [ "$files" = "$listed" ] && ok "--lesson list names every assets/lessons/*.lesson" || fail "--lesson list" "listed: $listed" "files: $files"
bad=""
while read -r name caption; do
    first=$(sed -n 's/^caption *= *//p' "assets/lessons/$name.lesson" | head -n 1)
    [ "$caption" = "$first" ] || bad="$bad $name"
done <"$TMP/out"
[ -z "$bad" ] && ok "--lesson list shows each first caption line" || fail "--lesson list captions" "wrong:$bad"
[ "$(head -n 1 "$TMP/out" | cut -d' ' -f1)" = bowl-smooth ] && ok "--lesson list starts with bowl-smooth" || fail "--lesson list order" "$(head -n 1 "$TMP/out")"

run --help
grep -q -- '--lesson NAME|FILE' "$TMP/out" && grep -q -- '--lesson list' "$TMP/out" && ok "--help mentions --lesson" || fail "--help mentions --lesson"

run --headless --bowl --lesson bowl-oscillates --lr 0.1 --epochs 2
[ "$(tail -n +2 "$TMP/out" | cut -d, -f2 | tr '\n' ' ')" = "5 4 3.2000000000000002 " ] && ok "--lr and --epochs override the lesson's" || fail "options override the lesson" "$(cat "$TMP/out")"

cp assets/lessons/dead-relu.lesson "$TMP/my.lesson"
run --headless --lesson "$TMP/my.lesson" --epochs 7
cp "$TMP/out" "$TMP/file"
run --headless --lesson dead-relu --epochs 7
cmp -s "$TMP/out" "$TMP/file" && ok "a lesson file runs like the built-in lesson" || fail "a lesson file runs like the built-in lesson"

printf 'caption = a file beside the lesson\ndata = t.csv\nx = a\ny = b\nlabel = c\nclasses = p,q\n' >"$TMP/rel.lesson"
printf 'a,b,c\n0,0,p\n1,1,q\n0,1,p\n' >"$TMP/t.csv"
run --headless --lesson "$TMP/rel.lesson" --epochs 1
[ "$RC" -eq 0 ] && [ "$(wc -l <"$TMP/out")" -eq 2 ] && ok "data = FILE is relative to the lesson file" || fail "data relative to the lesson" "$(cat "$TMP/err")"

usage() {
    name=$1; msg=$2; shift 2
    run "$@"
    expect_rc "$name: exit 2" 2
    expect_err "$name: message" "descent: $msg"
    expect_empty_out "$name: stdout empty"
}
names=$("$DESCENT" --lesson list | cut -d' ' -f1 | paste -sd, - | sed 's/,/, /g')
usage "unknown lesson" "unknown lesson \"nope\" (lessons: $names)" --lesson nope
usage "missing lesson file" "no/such.lesson: cannot open: No such file or directory" --lesson no/such.lesson
usage "bad value from the command line still wins" '--lr: "0" is not a positive number (see --help)' --lesson bowl-smooth --lr 0
usage "bad built-in table" '--data: "builtin:nand" is not a built-in table (builtin:and, builtin:or, builtin:xor, builtin:iris) (see --help)' --headless --data builtin:nand

# Every bad file of the corpus: exit 2, one line "descent: FILE:LINE: ...",
# nothing on stdout (the exact messages are checked by test_lesson).
for f in tests/data/lessons/bad_*.lesson; do
    run --headless --lesson "$f"
    if [ "$RC" -eq 2 ] && [ ! -s "$TMP/out" ] && [ "$(wc -l <"$TMP/err")" -eq 1 ] &&
        grep -q "^descent: $f:[0-9][0-9]*: " "$TMP/err"; then
        ok "bad lesson $(basename "$f"): exit 2, one line FILE:LINE: reason"
    else
        fail "bad lesson $(basename "$f")" "rc $RC" "stderr: $(cat "$TMP/err")" "stdout: $(head -c 100 "$TMP/out")"
    fi
done
usage "bad lesson in the TUI too" "tests/data/lessons/bad_value.lesson:4: lr: \"fast\" is not a positive number" --lesson tests/data/lessons/bad_value.lesson
usage "bad lesson in --dump-frame" "tests/data/lessons/bad_unknown_key.lesson:3: unknown setting \"speed\" (settings: caption, data, delimiter, x, y, label, classes, standardize, features, target, test, points, noise, activation, loss, lr, batch, shuffle, init, hidden, hidden-activation, weights, seed, epochs, epochs-per-frame, view, regions, per-update, surface, kappa, optimizer, momentum, rho, beta1, beta2, eps, schedule, decay, decay-every, race, lr-find-range, lr-find-steps, start)" --dump-frame 80x24 --lesson tests/data/lessons/bad_unknown_key.lesson

# --- the caption on the screen -------------------------------------------

run --dump-frame 80x24 --lesson step-cannot-learn
[ "$RC" -eq 0 ] && grep -q 'lesson step-cannot-learn: step: its slope is 0, so is every gradient' "$TMP/out" &&
    grep -q 'The line never moves: 97% forever. Press a to sigmoid: it learns.' "$TMP/out" &&
    ok "a dumped frame shows the lesson's name and both caption lines" ||
    fail "a dumped frame shows the caption" "$(head -n 3 "$TMP/out")"

# Every built-in lesson starts and shows its whole caption at 80x24: each
# caption line of the file appears word for word in the top two rows.
for f in assets/lessons/*.lesson; do
    name=$(basename "$f" .lesson)
    run --dump-frame 80x24 --lesson "$name" --epochs 5
    missing=""
    sed -n 's/^caption *= *//p' "$f" >"$TMP/captions"
    while IFS= read -r line; do
        head -n 2 "$TMP/out" | grep -qF -- "$line" || missing="$missing [$line]"
    done <"$TMP/captions"
    if [ "$RC" -eq 0 ] && [ -z "$missing" ] && [ "$(wc -l <"$TMP/out")" -eq 24 ]; then
        ok "lesson $name starts and shows its caption at 80x24"
    else
        fail "lesson $name starts and shows its caption at 80x24" "rc $RC, missing:$missing" "$(head -n 2 "$TMP/out")"
    fi
done
