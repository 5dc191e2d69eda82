#!/bin/sh
# distcheck.sh TARBALL: unpack the source tarball in a temporary directory
# (outside any git checkout) and run `make test` there; the exit status
# is make's. The directory is removed afterwards.
set -eu
tarball=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
dir=$(mktemp -d "${TMPDIR:-/tmp}/descent-distcheck.XXXXXX")
trap 'rm -rf "$dir"' EXIT
tar -xzf "$tarball" -C "$dir"
cd "$dir"/descent-*
if git rev-parse --git-dir >/dev/null 2>&1; then
    echo "distcheck: $dir is inside a git checkout; set TMPDIR elsewhere" >&2
    exit 1
fi
echo "distcheck: make test in $(pwd)"
make -j2 --no-print-directory all
./build/descent --version
make --no-print-directory test
