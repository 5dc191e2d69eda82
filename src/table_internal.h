/* table_internal.h - how a loaded table keeps its values, shared by the
 * code that builds it (csv_table.c) and the code that reads it (table.c,
 * text_intern.c). Not part of the dataset.h interface: the rest of the
 * program reads a table through the table_* functions.
 *
 * Each column keeps, row by row:
 * - its numbers, parsed once while loading, as long as every value so far
 *   is a number (parse_number's rules); the first value that is not one is
 *   remembered (row, line, text, why) and the numbers are dropped;
 * - its texts, each distinct text once (a struct text_intern) and a small
 *   id per row (1, 2 or 4 bytes, as many as the count of distinct texts
 *   needs). A column of numbers drops its texts when it has more than
 *   TABLE_MAX_NUMERIC_TEXTS distinct ones: a million-row feature column
 *   then costs 8 bytes a row.
 * The line of each row is kept as runs (a row's line is its run's line
 * plus its distance from the run's first row): a new run starts only where
 * blank lines or line breaks inside quotes come between rows. */
#ifndef DESCENT_TABLE_INTERNAL_H
#define DESCENT_TABLE_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dataset.h"
#include "number.h"

/* A set of distinct texts in order of first appearance; text i has id i. */
struct text_intern {
    char *bytes;         /* every text, each followed by a NUL */
    size_t used, capacity;
    size_t *starts;      /* count + 1 offsets: text i is bytes + starts[i] */
    uint32_t *hashes;    /* count hashes, to grow the slots without rehashing */
    size_t count, starts_capacity, hashes_capacity;
    uint32_t *slots;     /* slot_count slots: 0 empty, else id + 1 */
    size_t slot_count;   /* a power of two, at least twice count */
};

/* Adds length bytes of text (no NUL among them) unless present, and
 * stores its id in *id. false when out of memory or past 2^32 - 2 texts
 * (the set is then unchanged). */
bool text_intern_add(struct text_intern *set, const char *text, size_t length,
                     size_t *id);

/* The id of the NUL-terminated text, or SIZE_MAX if absent. */
size_t text_intern_find(const struct text_intern *set, const char *text);

/* Text id (id < set->count), NUL-terminated, valid until the set is freed. */
const char *text_intern_text(const struct text_intern *set, size_t id);

/* Frees the set and zeroes it; safe on a zeroed set. */
void text_intern_free(struct text_intern *set);

struct table_column {
    bool numeric;         /* every value so far is a number */
    double *numbers;      /* one per row while numeric, else NULL */
    bool has_texts;       /* texts and ids are kept */
    struct text_intern texts;
    void *ids;            /* one per row, id_bytes each, while has_texts */
    unsigned id_bytes;    /* 1, 2 or 4 */
    size_t capacity;      /* rows the arrays have room for */
    bool has_non_number;  /* non_number is set (then !numeric) */
    struct table_non_number non_number; /* its text is non_number_text */
    char *non_number_text;  /* owned copy of that value */
    bool decimal_comma;   /* numbers may have a decimal comma (a file whose
                             fields are not separated by commas) */
};

/* A run of rows on consecutive lines: row first_row + k is on line
 * line + k until the next run's first row. */
struct table_line_run {
    size_t first_row;
    size_t line;
};

/* Grows array so that it holds at least needed items of item_size bytes,
 * doubling its capacity (from 16). Returns the (maybe moved) array, or
 * NULL on overflow or out of memory, the old array then being left as it
 * was. */
void *table_grow(void *array, size_t *capacity, size_t needed,
                 size_t item_size);

/* Starts an empty column: numeric, keeping texts, 1-byte ids. */
void table_column_start(struct table_column *c);

/* Stores the value of row row of c (rows come in order, each once): text
 * is length bytes followed by a NUL, the row starts on source line line.
 * Parses it as a number while the column is numeric, and keeps its text
 * while the column keeps texts. false when out of memory. */
bool table_column_store(struct table_column *c, size_t row, const char *text,
                        size_t length, size_t line);

/* Gives back the room reserved beyond nrows rows. */
void table_column_trim(struct table_column *c, size_t nrows);

/* Frees what the column holds and zeroes it. */
void table_column_free(struct table_column *c);

/* table_numbers without const, for a dataset that shares a column with
 * the table (dataset_fill.c): the caller must never write through it. */
double *table_numbers_shared(const struct table *t, size_t col);

#endif
