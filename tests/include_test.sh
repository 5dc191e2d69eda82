#!/bin/sh
# include_test.sh - the project's headers include each other without a
# cycle (tsort finds none in the graph of #include "..." between headers),
# and only term.c includes curses.
. tests/lib.sh

edges="$TMP/edges"
: >"$edges"
for h in include/*.h src/*.h; do
    [ -f "$h" ] || continue
    name=$(basename "$h")
    echo "$name $name" >>"$edges"
    sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' "$h" |
        while read -r inc; do echo "$name $inc" >>"$edges"; done
done
if tsort "$edges" >/dev/null 2>"$TMP/tsort"; then
    ok "no include cycle among the headers"
else
    fail "no include cycle among the headers" "$(cat "$TMP/tsort")"
fi

# A cycle is found when there is one (the check can fail).
printf 'a.h b.h\nb.h a.h\n' >"$TMP/loop"
if tsort "$TMP/loop" >/dev/null 2>&1; then
    fail "tsort reports a planted cycle"
else
    ok "tsort reports a planted cycle"
fi

curses=$(grep -l '#[[:space:]]*include[[:space:]]*<n\{0,1\}curses' src/*.c src/*.h include/*.h 2>/dev/null | tr '\n' ' ')
if [ "$curses" = "src/term.c " ]; then
    ok "only term.c includes curses"
else
    fail "only term.c includes curses" "included by: $curses"
fi
