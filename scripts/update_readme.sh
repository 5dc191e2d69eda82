#!/bin/sh
# update_readme.sh [BINARY]: regenerate the README parts that come from the
# program itself: the key table (from the key table) and the captured frame.
set -eu
bin=${1:-build/descent}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

sh scripts/readme_keys.sh "$bin" >"$tmp/keys"
{
    echo '```'
    LC_ALL=C.UTF-8 "$bin" --dump-frame 80x24 --epochs 100
    echo '```'
} >"$tmp/frame"

# replace NAME FILE: put FILE between <!-- NAME --> and <!-- /NAME -->.
replace() {
    awk -v name="$1" -v file="$2" '
        $0 == "<!-- " name " -->" { print; while ((getline line < file) > 0) print line; skip = 1; next }
        $0 == "<!-- /" name " -->" { skip = 0 }
        !skip { print }' README.md >"$tmp/readme"
    cp "$tmp/readme" README.md
}
replace keys "$tmp/keys"
replace frame "$tmp/frame"
