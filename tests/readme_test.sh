#!/bin/sh
# readme_test.sh - the README tells the truth: its key table is the
# program's key table, and it names every option --help names.
. tests/lib.sh

sh scripts/readme_keys.sh "$DESCENT" >"$TMP/keys"
sed -n '/^<!-- keys -->$/,/^<!-- \/keys -->$/p' README.md | sed '1d;$d' >"$TMP/readme_keys"
if cmp -s "$TMP/keys" "$TMP/readme_keys"; then
    ok "README key table is the program's key table"
else
    fail "README key table is the program's key table" "run: sh scripts/update_readme.sh" "$(diff "$TMP/keys" "$TMP/readme_keys" | head -5)"
fi

"$DESCENT" --help | grep -o -E '^  --[a-z0-9-]+' | sed 's/^  //' | sort -u >"$TMP/options"
missing=""
while read -r opt; do
    grep -q -- "\`$opt" README.md || missing="$missing $opt"
done <"$TMP/options"
[ -z "$missing" ] && ok "README names every option" || fail "README names every option" "missing:$missing"
