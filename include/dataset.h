/* dataset.h - loading a CSV table (libcsv) and selecting from it the two
 * features and two classes one neuron is trained on.
 *
 * Errors are values: every function that can fail returns false and writes
 * one line "FILE:LINE[:COLUMN]: what is wrong" (no "descent: " prefix, no
 * newline) into err. Only main prints it.
 *
 * Implemented in src/csv_table.c (table_load_*: libcsv), src/table.c
 * (table_free and the table_* queries), src/text_intern.c (the distinct
 * texts of a column), src/number.c (parse_number), src/dataset.c
 * (dataset_select, dataset_free), src/dataset_fill.c (the samples'
 * columns, shared with the table or copied) and src/dataset_terms.c (the
 * test split, dataset_features_at). */
#ifndef DESCENT_DATASET_H
#define DESCENT_DATASET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "number.h"
#include "terms.h"

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

/* table_load_file and table_load_buffer with delimiter between the
 * fields instead of the comma (one byte: not a quote, CR, LF or space).
 * With any delimiter but the comma a number may have a decimal comma
 * ("5,1" is 5.1; number_scan_comma). With the comma, a header of one
 * field that holds ";" or a tab is refused, the message naming
 * --delimiter. */
bool table_load_file_delimited(const char *path, char delimiter,
                               struct table *t, char *err, size_t errlen);
bool table_load_buffer_delimited(const char *name, const char *buf,
                                 size_t len, char delimiter, struct table *t,
                                 char *err, size_t errlen);

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

/* The indices (as table_text_index gives them) of the count cells of
 * column col from row first on, written to ids[0..count): the fast way
 * to walk a label column. Returns how many it wrote: fewer than count
 * past the last row, 0 when the column's texts are not kept. */
size_t table_text_indices(const struct table *t, size_t col, size_t first,
                          size_t count, uint32_t *ids);

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

/* What to train on: the terms of the neuron's inputs, the two columns
 * plotted, and either a label column with two classes (classification) or
 * a numeric target column (regression). */
struct selection {
    const char *x_column;     /* plotted on x, e.g. "sepal_length"; also
                                 the first feature when features is NULL */
    const char *y_column;     /* plotted on y, e.g. "petal_length"; also
                                 the second feature when features is NULL */
    const char *label_column; /* e.g. "species" */
    const char *class_a;      /* target 0, e.g. "setosa" */
    const char *class_b;      /* target 1, e.g. "versicolor" */
    bool standardize;         /* scale each term (after it is formed) to
                                 mean 0, sd 1 */
    const char *features;     /* --features: a comma list of terms (see
                                 terms.h), or NULL/"": "x_column,y_column".
                                 x_column and y_column are then plotted
                                 when the terms use them; otherwise the
                                 first two columns the terms use are. */
    const char *target_column; /* --target: regression on this numeric
                                  column instead of label/classes; NULL or
                                  "": classification */
    double test_fraction;     /* --test: share of the rows held out, 0..0.9 */
    uint64_t seed;            /* --seed: which rows are held out */
};

/* At most this many distinct columns used by the terms. */
#define DATASET_COLUMNS_MAX 64

/* The samples one neuron is trained on. Rows are in file order, the
 * training rows first (0 .. n-1) and the held-out test rows after them
 * (n .. n + n_test - 1), each part in file order; with no test split the
 * order is the file's. Every per-sample column has stride = n + n_test
 * entries.
 *
 * Shared or copied: when the samples are the table's rows, all of them in
 * file order (a regression, or two classes that cover every row, with no
 * test split) and nothing is standardised, the feature columns (default
 * features) and the plotted columns are the table's own arrays
 * (table_numbers), not copies, and file_row is not stored. Otherwise they
 * are copies the dataset owns. Nothing may write through a column of the
 * table: treat x, x1 and x2 as read-only (a dataset lives no longer than
 * its table). */
struct dataset {
    size_t n;            /* training samples: the only ones any batch,
                            cost, gradient or accuracy of the trainer sees */
    size_t n_test;       /* held-out samples, stored after the training ones */
    size_t stride;       /* n + n_test: the length of one column */
    size_t nfeatures;    /* N >= 1: the neuron's inputs (terms) */
    double *x[TERMS_MAX]; /* the N feature columns: term j of sample i at
                            x[j][i] (standardised if asked); each is the
                            table's column or a column of x_store */
    double *x_store;     /* the copied feature columns, column-major
                            (N * stride), or NULL when they are shared */
    double *x1, *x2;     /* the two plotted columns, stride values each, in
                            the plot's coordinates (standardised by their
                            own mean and sd if asked). With the default
                            features (no --features) x1 = x[0] and x2 =
                            x[1]: the features themselves; otherwise the
                            table's columns or the halves of plot_store. */
    double *plot_store;  /* the copied plotted columns (2 * stride), or NULL */
    double *y;           /* targets: 0 for class_a, 1 for class_b, or the
                            target column's values (regression); always
                            the dataset's own */
    char *x_name, *y_name, *label_name; /* plotted columns; label or target */
    char *class_name[2]; /* class_a, class_b (NULL in regression) */
    bool standardized;
    double mean[2], sd[2]; /* of the raw plotted columns (training rows) */
    bool regression;     /* true: y is a target value (--target) */
    char **term_name;    /* nfeatures terms as written, e.g. "x1*x2" */
    double *term_mean, *term_sd; /* of each raw term over the training rows */
    struct term_list *terms; /* the parsed terms; factor columns index
                                column_mean */
    size_t ncolumns;     /* the table's column count */
    double *column_mean; /* ncolumns means of the raw columns the terms use
                            over the training rows (NaN for the others): what a
                            column not plotted is held at on the screen */
    size_t plot_column[2]; /* table columns of x1 and x2 */
    size_t *file_row;    /* stride: the table row of each sample, or NULL
                            when sample i is table row i (every row kept,
                            no test split); read it with dataset_file_row */
};

/* The table row of sample i (i < stride); a sample is held out exactly
 * when i >= d->n. */
size_t dataset_file_row(const struct dataset *d, size_t i);

/* Picks the rows of the two classes (or every row, with a target) and
 * forms their terms. Checks every value it uses (line and column in the
 * message) and rejects an unknown column, a non-numeric feature or target
 * value, a class absent from the label column or a label column of one
 * class (these three name the header line), the same class twice, a
 * constant term when standardising, a bad --features list (terms_parse's
 * message, prefixed "FILE: "), a test fraction outside 0..0.9 or one that
 * leaves no training row. The test rows are drawn as documented in
 * dataset_split_rows. On success the caller owns *d and frees it with
 * dataset_free. */
bool dataset_select(const struct table *t, const struct selection *sel,
                    struct dataset *d, char *err, size_t errlen);

/* Frees what dataset_select allocated; safe on a zeroed dataset. */
void dataset_free(struct dataset *d);

/* For a classification (no target) whose label column holds exactly two
 * values: points sel's class_a and class_b at those two, sorted (as
 * numbers when both are numbers, else byte by byte: "0" before "1", "no"
 * before "yes"), as pointers into t, and returns true.
 * Otherwise leaves sel alone and returns false (the selection then
 * reports a missing class as usual). src/dataset_rows.c. */
bool dataset_auto_classes(const struct table *t, struct selection *sel);

/* The rows of t the classification d left out, in words: "kept K of N
 * rows; dropped labels: a, b, c and 2 more" (at most three labels named,
 * in order of first appearance, escaped as in messages), written to buf
 * (truncated to size). Returns how many rows were dropped; 0 (buf "")
 * when none was or d is a regression. src/dataset_rows.c. */
size_t dataset_rows_summary(const struct table *t, const struct dataset *d,
                            char *buf, size_t size);

/* Which of n rows are held out for a test fraction f (0 <= f <= 0.9) and
 * seed: round(f * n) of them. A Fisher-Yates shuffle of 0..n-1 (rng.h's
 * rng_permute) on its own generator seeded with seed ^
 * DATASET_SPLIT_STREAM picks them: the first round(f * n) positions of the
 * permutation are the test rows. The training run's own generator is not
 * touched, so --test 0 changes nothing. Sets held[0..n) and returns how
 * many are held; false (nothing set) when out of memory. */
#define DATASET_SPLIT_STREAM 0x7465737473706c74ULL /* "testsplt" */
bool dataset_split_rows(size_t n, double f, uint64_t seed, bool *held,
                        size_t *count);

/* The neuron's N inputs at a point (x, y) of the plotted plane, in the
 * plot's coordinates: the terms formed from the plotted columns at x and
 * y (unstandardised first when the data is standardised), every other
 * column the terms use held at its column_mean, each term standardised as
 * the training features are. Writes d->nfeatures values to features. */
void dataset_features_at(const struct dataset *d, double x, double y,
                         double *features);

/* Sample i's N inputs gathered from the columns d->x[0..N) into
 * features[0..N). */
void dataset_features_of(const struct dataset *d, size_t i, double *features);

/* How --data names a generated data set: "gen:xor" (generate.h), and
 * its default number of rows (--points). */
#define GENERATE_PREFIX "gen:"
#define GENERATED_LABEL "label" /* the label column of the two-class sets */
#define GENERATE_POINTS_DEFAULT 200

/* The Iris CSV built into the binary (data/iris.csv) and its length. */
extern const char iris_csv[];
extern const size_t iris_csv_len;

#endif
