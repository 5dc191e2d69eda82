#!/bin/sh
# mkdist.sh BUILD VERSION: write BUILD/descent-VERSION.tar.gz, the source
# tarball: the files git tracks (outside git: the files the tarball's
# MANIFEST lists), plus MANIFEST and COMMIT (the commit, for --version).
# Reproducible: names sorted, every mtime the last commit's time (or
# SOURCE_DATE_EPOCH), owner 0, modes normalised, gzip -n. Needs GNU tar
# (1.28 or later). Run from the top of the source tree (make dist).
set -eu
build=$1
version=$2
name=descent-$version
stage=$build/dist
out=$build/$name.tar.gz

if ! tar --version 2>/dev/null | grep -q 'GNU tar'; then
    echo "mkdist: needs GNU tar (gtar on macOS: brew install gnu-tar)" >&2
    exit 1
fi

top=$(git rev-parse --show-toplevel 2>/dev/null || true)
if [ -n "$top" ] && [ "$(cd "$top" && pwd -P)" = "$(pwd -P)" ]; then
    git ls-files | grep -v -x -e COMMIT -e MANIFEST >"$build/manifest.tmp"
    commit=$(git rev-parse --short=7 HEAD)
    epoch=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct)}
elif [ -f MANIFEST ]; then
    grep -v -x -e COMMIT -e MANIFEST MANIFEST >"$build/manifest.tmp"
    commit=$(cat COMMIT 2>/dev/null || true)
    epoch=${SOURCE_DATE_EPOCH:-$(stat -c %Y VERSION)}
else
    echo "mkdist: neither a git checkout nor a release tree with a MANIFEST" >&2
    exit 1
fi
LC_ALL=C sort -u "$build/manifest.tmp" >"$build/manifest.sorted"
rm -f "$build/manifest.tmp"

rm -rf "$stage"
mkdir -p "$stage/$name"
tar -cf - -T "$build/manifest.sorted" | tar -xf - -C "$stage/$name"
{ cat "$build/manifest.sorted"; printf '%s\n' COMMIT MANIFEST; } | LC_ALL=C sort >"$stage/$name/MANIFEST"
printf '%s\n' "$commit" >"$stage/$name/COMMIT"
rm -f "$build/manifest.sorted"

tar --sort=name --mtime="@$epoch" --owner=0 --group=0 --numeric-owner \
    --mode='a+rX,u+w,go-w' --format=gnu -C "$stage" -cf - "$name" | gzip -9n >"$out.tmp"
mv "$out.tmp" "$out"
rm -rf "$stage"
echo "$out"
