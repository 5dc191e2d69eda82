#!/bin/sh
# install_test.sh - `make install DESTDIR=... PREFIX=...` puts every file in
# its FHS place, the installed program runs from another directory on the
# installed data, and `make uninstall` removes exactly what was installed.
. tests/lib.sh
BUILD=$(dirname "$DESCENT")
root=$TMP/root
prefix=/opt/descent-test
mkdir -p "$root"

# The tree before (empty) and after; uninstall must come back to it,
# leaving at most the empty generic directories install made.
make --no-print-directory -s BUILD="$BUILD" DESTDIR="$root" PREFIX="$prefix" install >"$TMP/install" 2>&1
rc=$?
[ "$rc" -eq 0 ] && ok "make install exits 0" || fail "make install exits 0" "$(tail -n 5 "$TMP/install")"

(cd "$root" && find . -type f | sed 's|^\./||' | sort) >"$TMP/files"
p=${prefix#/}
{
    echo "$p/bin/descent"
    echo "$p/share/bash-completion/completions/descent"
    echo "$p/share/descent/and.csv"
    echo "$p/share/descent/iris.csv"
    for f in assets/lessons/*.lesson; do echo "$p/share/descent/lessons/${f##*/}"; done
    echo "$p/share/descent/or.csv"
    echo "$p/share/descent/xor.csv"
    echo "$p/share/doc/descent/CHANGELOG.md"
    echo "$p/share/doc/descent/README.lessons"
    echo "$p/share/doc/descent/README.md"
    echo "$p/share/man/man1/descent.1"
    echo "$p/share/zsh/site-functions/_descent"
} | sort >"$TMP/expected"
if cmp -s "$TMP/files" "$TMP/expected"; then ok "installs exactly the expected files"; else
    fail "installs exactly the expected files" "$(diff "$TMP/expected" "$TMP/files" | head -n 8)"; fi

mode() { stat -c %a "$root/$p/$1" 2>/dev/null; }
[ "$(mode bin/descent)" = 755 ] && [ "$(mode share/man/man1/descent.1)" = 644 ] &&
    [ "$(mode share/descent/xor.csv)" = 644 ] && ok "modes 755 and 644" ||
    fail "modes 755 and 644" "bin $(mode bin/descent), man $(mode share/man/man1/descent.1)"
cmp -s doc/descent.1 "$root/$p/share/man/man1/descent.1" && cmp -s data/iris.csv "$root/$p/share/descent/iris.csv" &&
    cmp -s completions/descent.bash "$root/$p/share/bash-completion/completions/descent" &&
    ok "installed files are the sources" || fail "installed files are the sources"

# The installed program, run from elsewhere, on the installed data.
mkdir -p "$TMP/elsewhere"
(cd "$TMP/elsewhere" && "$root/$p/bin/descent" --headless --epochs 3 >"$TMP/run1" 2>"$TMP/run1_err")
"$DESCENT" --headless --epochs 3 >"$TMP/run1_ref" 2>/dev/null
[ -s "$TMP/run1" ] && cmp -s "$TMP/run1" "$TMP/run1_ref" && ok "the installed program runs from another directory" ||
    fail "the installed program runs from another directory" "$(cat "$TMP/run1_err")"
(cd "$TMP/elsewhere" && "$root/$p/bin/descent" --headless --epochs 5 --data "$root/$p/share/descent/xor.csv" \
    --x x1 --y x2 --label y --classes 0,1 >"$TMP/run2" 2>"$TMP/run2_err")
"$DESCENT" --headless --epochs 5 --data builtin:xor --x x1 --y x2 --label y --classes 0,1 >"$TMP/run2_ref" 2>/dev/null
[ "$(wc -l <"$TMP/run2")" -eq 6 ] && cmp -s "$TMP/run2" "$TMP/run2_ref" && ok "it trains on the installed xor.csv" ||
    fail "it trains on the installed xor.csv" "$(cat "$TMP/run2_err")"
(cd "$TMP/elsewhere" && "$root/$p/bin/descent" --headless --lesson "$root/$p/share/descent/lessons/bowl-one-step.lesson" \
    --bowl --epochs 1 >"$TMP/run3" 2>"$TMP/run3_err")
[ "$(sed -n 3p "$TMP/run3")" = "1,0,0,0" ] && ok "an installed lesson file runs" ||
    fail "an installed lesson file runs" "$(cat "$TMP/run3" "$TMP/run3_err")"

make --no-print-directory -s BUILD="$BUILD" DESTDIR="$root" PREFIX="$prefix" uninstall >"$TMP/uninstall" 2>&1
rc=$?
[ "$rc" -eq 0 ] && ok "make uninstall exits 0" || fail "make uninstall exits 0" "$(tail -n 5 "$TMP/uninstall")"
left=$(cd "$root" && find . ! -type d | head -n 5)
[ -z "$left" ] && ok "uninstall leaves no file" || fail "uninstall leaves no file" "$left"
ours=$(cd "$root" && find . -type d \( -name descent -o -name lessons \) | head -n 5)
[ -z "$ours" ] && ok "uninstall removes descent's own directories" || fail "uninstall removes descent's own directories" "$ours"
