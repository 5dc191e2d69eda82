#!/bin/sh
# man_test.sh - the manual page doc/descent.1 names every option and every
# key that `descent --help` lists (read from --help now, so that a new
# option or key without its page fails here), and mandoc finds nothing
# to warn about. Needs mandoc (sh scripts/deps.sh man installs it).
. tests/lib.sh
PAGE=doc/descent.1

if ! command -v mandoc >/dev/null 2>&1; then
    sh scripts/deps.sh man >"$TMP/deps" 2>&1
fi
if ! command -v mandoc >/dev/null 2>&1; then
    echo "skip man_test: mandoc is not installed and could not be ($(tail -n 1 "$TMP/deps"))"
    exit 0
fi

if mandoc -Tlint -W warning "$PAGE" >"$TMP/lint" 2>&1; then
    ok "mandoc -Tlint -W warning finds nothing"
else
    fail "mandoc -Tlint -W warning finds nothing" "$(head -n 5 "$TMP/lint")"
fi
if command -v groff >/dev/null 2>&1; then
    if groff -ww -z -mandoc "$PAGE" >"$TMP/groff" 2>&1 && [ ! -s "$TMP/groff" ]; then
        ok "groff -ww renders it without a warning"
    else
        fail "groff -ww renders it without a warning" "$(head -n 5 "$TMP/groff")"
    fi
fi

# The page as a reader sees it, one section at a time.
mandoc -Tascii "$PAGE" | col -bx >"$TMP/page"
section() { sed -n "/^$1\$/,/^[A-Z][A-Z ]*\$/p" "$TMP/page"; }
section OPTIONS >"$TMP/options_section"
section KEYS >"$TMP/keys_section"

"$DESCENT" --help >"$TMP/help"
grep -o -E '^  --[a-z0-9-]+' "$TMP/help" | sed 's/^  //' | sort -u >"$TMP/options"
sed -n '/^Keys in the TUI:$/,$p' "$TMP/help" | sed '1d' | awk 'NF { print $1 }' >"$TMP/keys"

# Sanity: the lists are what --help has today, not empty by a parsing slip.
n_opt=$(wc -l <"$TMP/options")
n_key=$(wc -l <"$TMP/keys")
if [ "$n_opt" -ge 25 ] && [ "$n_key" -ge 20 ] && grep -qx -- '--data' "$TMP/options" && grep -qx 'space' "$TMP/keys"
then ok "--help lists $n_opt options and $n_key keys"
else fail "--help lists the options and keys" "options: $n_opt, keys: $n_key"; fi

# Each option heads an item of OPTIONS ("     --data file", "     --ascii").
missing=""
while read -r opt; do
    grep -q -E -- "^ {5}$opt( |=|\[|\$)" "$TMP/options_section" || missing="$missing $opt"
done <"$TMP/options"
[ -z "$missing" ] && ok "every option of --help has its item in OPTIONS" ||
    fail "every option of --help has its item in OPTIONS" "missing:$missing"

# Each key heads an item of KEYS ("     space  Pause or resume.").
missing=""
while read -r k; do
    pattern=$(printf '%s' "$k" | sed 's/[].[\\*^$+?(){}|]/\\&/g')
    grep -q -E -- "^ {5}$pattern( |\$)" "$TMP/keys_section" || missing="$missing $k"
done <"$TMP/keys"
[ -z "$missing" ] && ok "every key of --help has its item in KEYS" ||
    fail "every key of --help has its item in KEYS" "missing:$missing"

# The check itself can fail: a page without the --lr item is caught.
grep -v -E '^ {5}--lr ' "$TMP/options_section" >"$TMP/cut"
grep -q -E -- '^ {5}--lr( |=|\[|$)' "$TMP/cut" && fail "a missing item is noticed" ||
    ok "a missing item is noticed"

for s in NAME SYNOPSIS DESCRIPTION OPTIONS KEYS ENVIRONMENT FILES "EXIT STATUS" EXAMPLES; do
    grep -q -x "$s" "$TMP/page" || missing_sections="${missing_sections:-} $s"
done
[ -z "${missing_sections:-}" ] && ok "the page has its sections" ||
    fail "the page has its sections" "missing:$missing_sections"

for v in NO_COLOR COLORFGBG TERM LC_ALL '<stdin>' 'descent-record 1' 'caption = '; do
    grep -q -F -- "$v" "$TMP/page" || missing_words="${missing_words:-} $v"
done
[ -z "${missing_words:-}" ] && ok "environment and file formats are described" ||
    fail "environment and file formats are described" "missing:$missing_words"
