#!/bin/sh
# dist_test.sh - `make dist` writes BUILD/descent-VERSION.tar.gz: the same
# bytes twice, every tracked file and nothing built, all under
# descent-VERSION/, owner 0, one fixed mtime, and a COMMIT file from which
# an unpacked tree (outside git) gets the commit for --version.
# (`make distcheck`, the full build and test of the tarball, runs in CI.)
. tests/lib.sh
BUILD=$(dirname "$DESCENT")
if ! tar --version 2>/dev/null | grep -q 'GNU tar'; then
    echo "skip dist_test: needs GNU tar"
    exit 0
fi
version=$(cat VERSION)
tarball=$BUILD/descent-$version.tar.gz

make --no-print-directory -s BUILD="$BUILD" dist >"$TMP/make1" 2>&1 && cp "$tarball" "$TMP/first.tar.gz"
rc1=$?
sleep 1 # a second later: the time of day must not leak in
make --no-print-directory -s BUILD="$BUILD" dist >"$TMP/make2" 2>&1
rc2=$?
[ "$rc1" -eq 0 ] && [ "$rc2" -eq 0 ] && ok "make dist writes $(basename "$tarball")" ||
    fail "make dist writes $(basename "$tarball")" "$(tail -n 3 "$TMP/make1" "$TMP/make2")"
cmp -s "$TMP/first.tar.gz" "$tarball" && ok "two make dist give the same bytes" ||
    fail "two make dist give the same bytes"

tar -tzf "$tarball" | sort >"$TMP/names"
tar -tvzf "$tarball" >"$TMP/long"
prefix=descent-$version/
grep -v -e "^$prefix" "$TMP/names" >"$TMP/outside"
[ ! -s "$TMP/outside" ] && ok "everything under $prefix" || fail "everything under $prefix" "$(head -n 3 "$TMP/outside")"
sed -n "s|^$prefix||p" "$TMP/names" | grep -v '/$' | grep -v '^$' >"$TMP/files"

# The files: those git tracks (or, in a release tree, its MANIFEST), plus
# COMMIT and MANIFEST.
top=$(git rev-parse --show-toplevel 2>/dev/null || true)
if [ -n "$top" ] && [ "$(cd "$top" && pwd -P)" = "$(pwd -P)" ]; then
    { git ls-files; printf '%s\n' COMMIT MANIFEST; } | LC_ALL=C sort -u >"$TMP/want"
    want_commit=$(git rev-parse --short=7 HEAD)
else
    LC_ALL=C sort -u MANIFEST >"$TMP/want"
    want_commit=$(cat COMMIT)
fi
LC_ALL=C sort "$TMP/files" >"$TMP/have"
cmp -s "$TMP/want" "$TMP/have" && ok "it holds exactly the tracked files, COMMIT and MANIFEST" ||
    fail "it holds exactly the tracked files, COMMIT and MANIFEST" "$(diff "$TMP/want" "$TMP/have" | head -n 5)"
missing=""
for f in Makefile VERSION CHANGELOG.md README.md src/main.c include/util.h doc/descent.1 doc/copyright \
         completions/descent.bash completions/_descent scripts/deps.sh scripts/version.sh tests/run.sh data/iris.csv; do
    grep -q -x -- "$f" "$TMP/files" || missing="$missing $f"
done
[ -z "$missing" ] && ok "it holds the sources, tests, docs and data" || fail "it holds the sources, tests, docs and data" "missing:$missing"
stray=$(grep -E '(^|/)(build|\.git)(/|$)|\.(o|d|a|deb|tar\.gz)$|(^|/)descent$' "$TMP/files" | head -n 5)
[ -z "$stray" ] && ok "no build products" || fail "no build products" "$stray"

owners=$(awk '{ print $2 }' "$TMP/long" | sort -u)
times=$(awk '{ print $4, $5 }' "$TMP/long" | sort -u | wc -l)
[ "$owners" = "0/0" ] && [ "$times" -eq 1 ] && ok "owner 0/0 and one mtime" || fail "owner 0/0 and one mtime" "owners: $owners, mtimes: $times"
gzip -l -v "$tarball" >/dev/null 2>&1 && [ "$(od -A n -t x1 -j 4 -N 4 "$tarball" | tr -d ' ')" = 00000000 ] &&
    ok "gzip -n: no time in the gzip header" || fail "gzip -n: no time in the gzip header"

# Outside git, the unpacked tree knows its commit.
mkdir -p "$TMP/unpacked"
tar -xzf "$tarball" -C "$TMP/unpacked"
tree=$TMP/unpacked/$prefix
[ "$(cat "$tree/COMMIT")" = "$want_commit" ] && ok "COMMIT records $want_commit" || fail "COMMIT records $want_commit" "$(cat "$tree/COMMIT")"
(cd "$tree" && GIT_CEILING_DIRECTORIES=$TMP sh scripts/version.sh) >"$TMP/version.h" 2>&1
grep -q -x "#define DESCENT_COMMIT \"$want_commit\"" "$TMP/version.h" &&
    grep -q -x "#define DESCENT_VERSION \"$version\"" "$TMP/version.h" &&
    ok "an unpacked tree builds --version from VERSION and COMMIT" ||
    fail "an unpacked tree builds --version from VERSION and COMMIT" "$(cat "$TMP/version.h")"
# ... and makes the same tarball again from its MANIFEST.
(cd "$tree" && mkdir -p build && GIT_CEILING_DIRECTORIES=$TMP sh scripts/mkdist.sh build "$version") >"$TMP/again" 2>&1
cmp -s "$tree/build/descent-$version.tar.gz" "$tarball" && ok "make dist in the unpacked tree gives the same bytes" ||
    fail "make dist in the unpacked tree gives the same bytes" "$(tail -n 3 "$TMP/again")"

# The program built here says the same version and commit.
got=$("$DESCENT" --version)
[ "$got" = "descent $version (commit $want_commit)" ] && ok "--version: $got" ||
    fail "--version names VERSION and the commit" "got: $got" "want: descent $version (commit $want_commit)"
