#!/bin/sh
# deb_test.sh - `make deb` builds BUILD/descent_VERSION_ARCH.deb; its
# control file has the right name, version and dependencies; it holds the
# program, manual page, completions and copyright; lintian finds no error;
# extracted into a scratch root, the program runs. Needs dpkg-deb and
# lintian (sh scripts/deps.sh deb installs them); skipped without them.
. tests/lib.sh
BUILD=$(dirname "$DESCENT")
need() {
    for t in dpkg-deb dpkg lintian; do command -v "$t" >/dev/null 2>&1 || return 1; done
}
need || sh scripts/deps.sh deb >"$TMP/deps" 2>&1
if ! need; then
    echo "skip deb_test: dpkg-deb or lintian missing and not installable ($(tail -n 1 "$TMP/deps"))"
    exit 0
fi
version=$(cat VERSION)
arch=$(dpkg --print-architecture)
deb=$BUILD/descent_${version}_${arch}.deb

rm -f "$deb"
make --no-print-directory -s BUILD="$BUILD" deb >"$TMP/make" 2>&1
rc=$?
if [ "$rc" -eq 0 ] && [ -f "$deb" ]; then ok "make deb builds $(basename "$deb")"; else
    fail "make deb builds $(basename "$deb")" "$(tail -n 5 "$TMP/make")"; exit 0; fi

field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = descent ] && [ "$(field Version)" = "$version" ] && [ "$(field Architecture)" = "$arch" ] &&
    ok "control: package, version, architecture" ||
    fail "control: package, version, architecture" "$(field Package) $(field Version) $(field Architecture)"
depends=$(field Depends)
missing=""
for lib in libc6 libncursesw6 libcsv3; do
    echo "$depends" | grep -q -E "(^|, )$lib( |,|\$)" || missing="$missing $lib"
done
[ -z "$missing" ] && ok "Depends names libc6, libncursesw6, libcsv3" || fail "Depends names libc6, libncursesw6, libcsv3" "Depends: $depends"
for f in Section Priority Maintainer Installed-Size Description; do
    [ -n "$(field "$f")" ] || missing="$missing $f"
done
[ -z "$missing" ] && ok "control: Section, Priority, Maintainer, Installed-Size, Description" ||
    fail "control fields" "missing:$missing"

dpkg-deb -c "$deb" | awk '{ print $1, $2, $6 }' >"$TMP/contents"
missing=""
for f in ./usr/bin/descent ./usr/share/man/man1/descent.1.gz ./usr/share/doc/descent/copyright \
         ./usr/share/doc/descent/changelog.Debian.gz ./usr/share/doc/descent/changelog.gz \
         ./usr/share/bash-completion/completions/descent ./usr/share/zsh/vendor-completions/_descent \
         ./usr/share/descent/iris.csv ./usr/share/descent/lessons/xor-impossible.lesson; do
    grep -q " $f\$" "$TMP/contents" || missing="$missing $f"
done
[ -z "$missing" ] && ok "the package holds program, manual, completions, copyright, data" ||
    fail "the package holds program, manual, completions, copyright, data" "missing:$missing"
grep -q '^-rwxr-xr-x root/root ./usr/bin/descent$' "$TMP/contents" &&
    ! grep -v '^d' "$TMP/contents" | grep -v ' ./usr/bin/descent$' | grep -q -v '^-rw-r--r-- root/root ' &&
    ok "owned by root, modes 755 and 644" || fail "owned by root, modes 755 and 644" "$(head -n 3 "$TMP/contents")"

lintian --fail-on error "$deb" >"$TMP/lintian" 2>"$TMP/lintian_err"
rc=$?
if [ "$rc" -eq 0 ] && ! grep -q '^E:' "$TMP/lintian"; then ok "lintian reports no error"; else
    fail "lintian reports no error" "$(grep -E '^(E|W):' "$TMP/lintian" | head -n 5)" "$(grep -v 'root privileges' "$TMP/lintian_err" | head -n 3)"; fi
grep '^W:' "$TMP/lintian" | sed 's/^/    lintian /'

# Into a scratch root, and run from there.
root=$TMP/root
dpkg-deb -x "$deb" "$root"
if command -v readelf >/dev/null 2>&1; then
    readelf -S "$root/usr/bin/descent" >"$TMP/sections" 2>&1 && ! grep -q -E '\.(symtab|debug_info)' "$TMP/sections" &&
        ok "the program is stripped" || fail "the program is stripped" "$(grep -E 'symtab|debug' "$TMP/sections" | head -n 2)"
fi
got=$("$root/usr/bin/descent" --version 2>&1)
case "$got" in
"descent $version" | "descent $version (commit "???????")") ok "the packaged program says its version: $got" ;;
*) fail "the packaged program says its version" "got: $got" ;;
esac
(cd "$TMP" && "$root/usr/bin/descent" --headless --epochs 3 --data "$root/usr/share/descent/xor.csv" \
    --x x1 --y x2 --label y --classes 0,1 >"$TMP/run" 2>"$TMP/run_err")
"$DESCENT" --headless --epochs 3 --data data/xor.csv --x x1 --y x2 --label y --classes 0,1 >"$TMP/ref" 2>/dev/null
[ -s "$TMP/run" ] && cmp -s "$TMP/run" "$TMP/ref" && ok "the packaged program trains on its xor.csv" ||
    fail "the packaged program trains on its xor.csv" "$(cat "$TMP/run_err")"
if command -v mandoc >/dev/null 2>&1; then
    gzip -dc "$root/usr/share/man/man1/descent.1.gz" | mandoc -Tlint -W warning >"$TMP/man" 2>&1 &&
        ok "the packaged manual page is clean" || fail "the packaged manual page is clean" "$(head -n 3 "$TMP/man")"
fi
