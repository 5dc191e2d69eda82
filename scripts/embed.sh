#!/bin/sh
# embed.sh NAME FILE: print a C file defining `const char NAME[]` with the
# bytes of FILE (text, one string literal per line) and `NAME_len`.
set -eu
name=$1
file=$2
echo "/* Generated from $file by scripts/embed.sh: do not edit. */"
echo "#include <stddef.h>"
echo "const char $name[] ="
awk '{
    gsub(/\\/, "\\\\"); gsub(/"/, "\\\""); gsub(/\r/, "\\r"); gsub(/\t/, "\\t")
    printf "    \"%s\\n\"\n", $0
}' "$file"
echo "    \"\";"
echo "const size_t ${name}_len = sizeof $name - 1;"
