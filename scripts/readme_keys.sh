#!/bin/sh
# readme_keys.sh [BINARY]: print the README's key table (Markdown) from the
# key table itself, as `descent --help` lists it.
set -eu
bin=${1:-build/descent}
echo "| key | action |"
echo "|---|---|"
"$bin" --help | sed -n '/^Keys in the TUI:$/,$p' | tail -n +2 |
    sed 's/|/\\|/g' | awk '{ key = $1; $1 = ""; sub(/^ +/, ""); printf "| `%s` | %s |\n", key, $0 }'
