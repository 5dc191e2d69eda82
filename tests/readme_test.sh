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

# The headless examples with N inputs print what the README shows: each
# indented "$ build/descent --headless ... --features ..." line (no pipe)
# and the indented lines after it, up to the next command or blank line.
n=0
bad=""
sed -n 's/^    \$ build\/descent \(--headless .*--features [^|]*\)$/\1/p' README.md >"$TMP/commands"
while IFS= read -r cmd; do
    n=$((n + 1))
    awk -v c="    \$ build/descent $cmd" '
        $0 == c { on = 1; next }
        on && (/^    \$ / || !/^    /) { exit }
        on { sub(/^    /, ""); print }' README.md >"$TMP/want"
    # shellcheck disable=SC2086
    run $cmd
    cmp -s "$TMP/out" "$TMP/want" || bad="$bad [$cmd]"
done <"$TMP/commands"
[ "$n" -ge 2 ] && [ -z "$bad" ] && ok "README's $n headless examples with --features print what it shows" ||
    fail "README's headless examples with --features" "$n found; differ:$bad"
