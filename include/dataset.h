/* dataset.h - loading a CSV table (libcsv) and selecting from it the two
 * features and two classes one neuron is trained on.
 *
 * Errors are values: every function that can fail returns false and writes
 * one line "FILE:LINE[:COLUMN]: what is wrong" (no "descent: " prefix, no
 * newline) into err. Only main prints it.
 *
 * Implemented in src/csv_table.c (table_load_*: libcsv), src/table.c
 * (table_free and the table_* queries), src/text_intern.c (the distinct
 * texts of a column), src/number.c (parse_number) and src/dataset.c
 * (dataset_select, dataset_free). */
#ifndef DESCENT_DATASET_H
#define DESCENT_DATASET_H

#include <stdbool.h>
#include <stddef.h>

#include "number.h"

/* The loader hands libcsv the text in blocks of this many bytes; a file is
 * read block by block and its text is never kept whole. */
#define TABLE_BLOCK_BYTES ((size_t)64 << 10)

/* A column whose values are all numbers keeps their texts (table_text,
 * table_distinct, a label column) only while it has at most this many
 * distinct ones; its numbers are always kept. */
#define TABLE_MAX_NUMERIC_TEXTS 1024

struct table_column;    /* how a column is kept: src/table_internal.h */
struct table_line_run;

/* A CSV file, header first: the column names, and each column's values as
 * numbers (parsed once, while loading) and as texts (each distinct text
 * kept once). Read the values with the table_* functions. */
struct table {
    char *source;   /* name used in messages, e.g. "data/x.csv" */
    size_t ncols;   /* number of header fields */
    size_t nrows;   /* data rows (header excluded) */
    char **names;   /* ncols column names, BOM and quotes removed */
    size_t header_line; /* source line of the header (1 unless blank
                           lines come first) */
    struct table_column *columns;     /* ncols columns */
    struct table_line_run *line_runs; /* where the rows start */
    size_t line_run_count;
};

/* Reads and parses a CSV file, block by block (any size that fits in
 * memory as numbers and distinct texts; a FIFO is read to its end).
 * Rejects: missing/unreadable file, a directory, empty file, header only,
 * ragged rows, an unterminated quote, a NUL byte, an empty or duplicate
 * header name. Accepts CRLF, a lone CR, a UTF-8 BOM, quoted fields, a
 * missing final newline. Returns false with err filled on error; on
 * success the caller owns *t and frees it with table_free. A path of
 * "-" reads standard input (once; named <stdin> in messages). */
bool table_load_file(const char *path, struct table *t, char *err, size_t errlen);

/* Same as table_load_file for a CSV already in memory; name is used in
 * messages (e.g. "iris.csv (built in)"). The buffer is not kept. */
bool table_load_buffer(const char *name, const char *buf, size_t len,
                       struct table *t, char *err, size_t errlen);

/* Frees what table_load_* allocated; safe on a zeroed table. */
void table_free(struct table *t);

/* Index of the column with that exact name, or -1. */
int table_column(const struct table *t, const char *name);

/* Parses a cell strictly as a finite decimal number (C locale): no empty,
 * nan, inf, hex, out-of-range (1e999), underflowing (1e-400: not zero but
 * rounds to 0; subnormals are accepted) or trailing junk; leading/trailing
 * blanks are allowed. Returns false if it is not one. */
bool parse_number(const char *text, double *out);

/* True when every value of the column is a number (parse_number). */
bool table_column_numeric(const struct table *t, size_t col);

/* The columns whose values are all numbers, in file order: writes up to
 * max indices to cols and returns how many there are. */
size_t table_numeric_columns(const struct table *t, size_t *cols, size_t max);

/* The nrows values of a numeric column, as parse_number reads them; NULL
 * when the column is not numeric (or col is out of range). Valid until
 * table_free. */
const double *table_numbers(const struct table *t, size_t col);

/* The first value of a column that is not a number, as the loader met it. */
struct table_non_number {
    size_t row;                 /* data row, 0-based */
    size_t line;                /* source line where that row starts */
    enum number_status status;  /* why it is not a number */
    const char *text;           /* the value as read (quotes removed) */
};

/* For a column that is not numeric: fills *out and returns true; false
 * for a numeric column (or col out of range). out->text is valid until
 * table_free. */
bool table_first_non_number(const struct table *t, size_t col,
                            struct table_non_number *out);

/* True when the table keeps the texts of column col: always for a column
 * that is not all numbers, unless it was all numbers for more than
 * TABLE_MAX_NUMERIC_TEXTS distinct values; for a numeric column, while it
 * has at most TABLE_MAX_NUMERIC_TEXTS distinct values. */
bool table_has_texts(const struct table *t, size_t col);

/* The text of a cell (quotes removed, blanks around unquoted values
 * trimmed), or NULL when the table does not keep that column's texts or
 * row/col is out of range. Valid until table_free. */
const char *table_text(const struct table *t, size_t row, size_t col);

/* The number of distinct values of a column (0 when its texts are not
 * kept), and the index of a cell's value among them (in order of first
 * appearance, as table_distinct lists them), or SIZE_MAX when its texts
 * are not kept or row/col is out of range. */
size_t table_distinct_count(const struct table *t, size_t col);
size_t table_text_index(const struct table *t, size_t row, size_t col);

/* The index among the distinct values of column col of the value equal
 * to text (byte for byte), or SIZE_MAX if no cell holds it. */
size_t table_find_text(const struct table *t, size_t col, const char *text);

/* The distinct values of a column in order of first appearance: writes
 * the first max of them (pointers into the table) to values and returns
 * how many it wrote (at most max; 0 when values is NULL or the column's
 * texts are not kept). table_distinct_count says how many there are. */
size_t table_distinct(const struct table *t, size_t col, const char **values,
                      size_t max);

/* The source line (1-based) where data row row starts; 0 when row is out
 * of range. */
size_t table_line(const struct table *t, size_t row);

/* What to train on: two feature columns, a label column and two classes. */
struct selection {
    const char *x_column;     /* feature x1, e.g. "sepal_length" */
    const char *y_column;     /* feature x2, e.g. "petal_length" */
    const char *label_column; /* e.g. "species" */
    const char *class_a;      /* target 0, e.g. "setosa" */
    const char *class_b;      /* target 1, e.g. "versicolor" */
    bool standardize;         /* scale each feature to mean 0, sd 1 */
};

/* The samples one neuron is trained on, in file order. */
struct dataset {
    size_t n;            /* number of samples (rows of class_a or class_b) */
    double *x1, *x2;     /* features (standardised if asked) */
    double *y;           /* targets: 0 for class_a, 1 for class_b */
    char *x_name, *y_name, *label_name;
    char *class_name[2]; /* class_a, class_b */
    bool standardized;
    double mean[2], sd[2]; /* of the raw features, for reference */
};

/* Picks the rows of the two classes and their two features. Checks every
 * value it uses (line and column in the message) and rejects an unknown
 * column, a non-numeric feature value, a class absent from the label
 * column, a label column of one class or a label column whose texts the
 * table did not keep (more than TABLE_MAX_NUMERIC_TEXTS distinct numbers)
 * (these four name the header line), the same class twice, or a constant
 * feature when standardising.
 * On success the caller owns *d and frees it with dataset_free. */
bool dataset_select(const struct table *t, const struct selection *sel,
                    struct dataset *d, char *err, size_t errlen);

/* Frees what dataset_select allocated; safe on a zeroed dataset. */
void dataset_free(struct dataset *d);

/* The Iris CSV built into the binary (data/iris.csv) and its length. */
extern const char iris_csv[];
extern const size_t iris_csv_len;

#endif
