/* builtin.h - files compiled into the binary, so that the program and its
 * lessons run from any directory with no files beside it: the lessons of
 * assets/lessons/ and the small tables data/and.csv, or.csv and xor.csv
 * (the Iris table is iris_csv, see dataset.h). The tables are generated
 * at build time by scripts/embed_set.sh (see the Makefile). */
#ifndef DESCENT_BUILTIN_H
#define DESCENT_BUILTIN_H

#include <stdbool.h>
#include <stddef.h>

/* One embedded file: its name (the file's base name without the
 * extension, e.g. "xor"), its bytes and their number. */
struct builtin_file {
    const char *name;
    const char *text;
    size_t len;
};

/* Generated: the built-in lessons in the Makefile's LESSONS order, and the
 * built-in tables. */
extern const struct builtin_file builtin_lessons[];
extern const size_t builtin_lessons_count;
extern const struct builtin_file builtin_tables[];
extern const size_t builtin_tables_count;

/* How --data names a built-in table: "builtin:xor". */
#define BUILTIN_PREFIX "builtin:"

/* When name is "builtin:NAME" for a table compiled in (and, or, xor, and
 * iris, the default table), points *text and *len at its CSV text and
 * returns true; false, leaving them alone, for any other name (NULL too). */
bool builtin_table(const char *name, const char **text, size_t *len);

/* The built-in table names as --data takes them, for messages:
 * "builtin:and, builtin:or, builtin:xor, builtin:iris". */
const char *builtin_table_names(void);

#endif
