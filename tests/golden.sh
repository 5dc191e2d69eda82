#!/bin/sh
# golden.sh BUILD [regenerate]: renders a fixed set of frames with
# BUILD/descent --dump-frame and compares each with tests/golden/NAME.txt,
# printing "ok NAME" or "not ok NAME" and a diff; with "regenerate" it
# rewrites the files instead (make golden). Run from the repository root.
# The frames --dump-frame cannot reach (the cost landscape, decision
# regions, captions, a rewound screen) are compared by BUILD/tests/test_views,
# those of the N-input screen by BUILD/tests/test_views_terms, the zoom and
# the = prompt by BUILD/tests/test_control_overlay; the colours of a few
# frames under the dark and light themes (NAME.dark.styles,
# NAME.light.styles beside NAME.txt) by BUILD/tests/test_theme_golden;
# "regenerate" rewrites those too when that binary is built.
set -u
build=${1:-build}
mode=${2:-compare}
bin="$build/descent"
dir=tests/golden
export LC_ALL=C.UTF-8
unset NO_COLOR
status=0
out=$(mktemp)
trap 'rm -f "$out" "$out.err"' EXIT

# NAME  ARGUMENTS (no quoting needed)
frames() {
    cat <<'LIST'
start_80x24           --dump-frame 80x24
epoch1_80x24          --dump-frame 80x24 --epochs 1
epoch100_80x24        --dump-frame 80x24 --epochs 100
epoch100_80x24_ascii  --dump-frame 80x24 --epochs 100 --ascii
epoch100_120x40       --dump-frame 120x40 --epochs 100
epoch100_120x40_ascii --dump-frame 120x40 --epochs 100 --ascii
epoch100_200x60       --dump-frame 200x60 --epochs 100
epoch100_200x60_ascii --dump-frame 200x60 --epochs 100 --ascii
epoch1000_120x40      --dump-frame 120x40 --epochs 1000
diverging_80x24       --dump-frame 80x24 --lr 1e6 --activation linear --epochs 5
diverged_120x40       --dump-frame 120x40 --lr 1e6 --activation linear --epochs 40
diverged_80x24_ascii  --dump-frame 80x24 --lr 1e6 --activation linear --epochs 40 --ascii
bowl_lr1.1_120x40     --dump-frame 120x40 --lr 1.1 --epochs 12
bowl_lr1_80x24        --dump-frame 80x24 --lr 1 --epochs 7
bowl_lr0.05_200x60    --dump-frame 200x60 --lr 0.05 --epochs 30
xor_80x24             --dump-frame 80x24 --data data/xor.csv --x x1 --y x2 --label y --classes 0,1 --epochs 100
xor_120x40_ascii      --dump-frame 120x40 --data data/xor.csv --x x1 --y x2 --label y --classes 0,1 --epochs 100 --ascii
step_120x40           --dump-frame 120x40 --activation step --epochs 20
surface_stretched_120x40  --dump-frame 120x40 --surface stretched --lr 0.09 --epochs 20
surface_rosenbrock_120x40 --dump-frame 120x40 --surface rosenbrock --optimizer adam --lr 0.1 --epochs 60
surface_saddle_120x40     --dump-frame 120x40 --surface saddle --lr 0.1 --epochs 12
surface_wells_120x40      --dump-frame 120x40 --surface wells --lr 0.02 --epochs 30
surface_wells_80x24_ascii --dump-frame 80x24 --surface wells --optimizer momentum --lr 0.02 --epochs 30 --ascii
surface_mesh_wells_120x40 --dump-frame 120x40 --surface wells --lr 0.02 --epochs 30 --view mesh
race_stretched_200x60     --dump-frame 200x60 --surface stretched --race --lr 0.05 --epochs 40
race_wells_120x40_ascii   --dump-frame 120x40 --surface wells --race --lr 0.05 --epochs 40 --ascii
neuron_adam_120x40        --dump-frame 120x40 --optimizer adam --lr 0.05 --epochs 20
lr_find_linear_80x24      --dump-frame 80x24 --lr-find --activation linear
lr_find_sigmoid_120x40_ascii --dump-frame 120x40 --lr-find --ascii
bce_batch8_120x40     --dump-frame 120x40 --loss BCE --batch 8 --epochs 50
standardized_80x24    --dump-frame 80x24 --standardize --epochs 100
virginica_120x40      --dump-frame 120x40 --classes versicolor,virginica --x petal_width --y petal_length --epochs 200
too_small_79x23       --dump-frame 79x23
landscape_cli_80x24   --dump-frame 80x24 --epochs 100 --view landscape
landscape_cli_200x60  --dump-frame 200x60 --epochs 300 --view landscape --lesson standardized-fast
regions_cli_120x40_ascii --dump-frame 120x40 --epochs 3 --regions --ascii
lesson_xor_80x24      --dump-frame 80x24 --lesson xor-impossible --epochs 200
lesson_cjk_80x24      --dump-frame 80x24 --lesson tests/data/lessons/cjk_caption.lesson --epochs 20
lesson_cjk_80x24_ascii --dump-frame 80x24 --lesson tests/data/lessons/cjk_caption.lesson --epochs 20 --ascii
terms_xor_hyperbola_100x30 --dump-frame 100x30 --data gen:xor --features x1,x2,x1*x2 --standardize --epochs 300
terms_plane_100x30    --dump-frame 100x30 --data gen:plane --target y --features x1,x2 --lr 0.01 --epochs 100
network_xor_80x24     --dump-frame 80x24 --data builtin:xor --x x1 --y x2 --label y --classes 0,1 --hidden 2 --weights 3.44,3.44,-1.61,-2.52,-2.52,3.68,4.92,5,-4.34
network_xor_160x50    --dump-frame 160x50 --data builtin:xor --x x1 --y x2 --label y --classes 0,1 --hidden 2 --weights 3.44,3.44,-1.61,-2.52,-2.52,3.68,4.92,5,-4.34
LIST
}

frames | {
    while read -r name args; do
        [ -n "$name" ] || continue
        # shellcheck disable=SC2086
        if ! "$bin" $args >"$out" 2>"$out.err"; then
            echo "not ok golden $name"
            echo "    descent $args failed: $(head -c 300 "$out.err")"
            status=1
            continue
        fi
        if [ "$mode" = regenerate ]; then
            cp "$out" "$dir/$name.txt"
            echo "wrote $dir/$name.txt"
        elif [ ! -f "$dir/$name.txt" ]; then
            echo "not ok golden $name"
            echo "    missing $dir/$name.txt (make golden)"
            status=1
        elif cmp -s "$out" "$dir/$name.txt"; then
            echo "ok golden $name"
        else
            echo "not ok golden $name"
            diff -u "$dir/$name.txt" "$out" | head -40 | sed 's/^/    /'
            status=1
        fi
    done
    if [ "$mode" = regenerate ]; then
        for views in test_views test_views_terms test_control_overlay test_theme_golden; do
            if [ -x "$build/tests/$views" ]; then
                DESCENT_GOLDEN=regenerate "$build/tests/$views" | grep '^wrote '
            else
                echo "note: $build/tests/$views not built: its golden frames were not rewritten (make tests)"
            fi
        done
    fi
    exit $status
}
