/* dataset.h - loading a CSV table (libcsv) and selecting from it the two
 * features and two classes one neuron is trained on.
 *
 * Errors are values: every function that can fail returns false and writes
 * one line "FILE:LINE[:COLUMN]: what is wrong" (no "descent: " prefix, no
 * newline) into err. Only main prints it.
 *
 * Implemented in src/csv_table.c (table_load_*, table_free, table_column),
 * src/number.c (parse_number) and src/dataset.c (the column queries,
 * dataset_select, dataset_free). */
#ifndef DESCENT_DATASET_H
#define DESCENT_DATASET_H

#include <stdbool.h>
#include <stddef.h>

/* A whole CSV file as text cells, header first. */
struct table {
    char *source;   /* name used in messages, e.g. "data/x.csv" */
    size_t ncols;   /* number of header fields */
    size_t nrows;   /* data rows (header excluded) */
    char **names;   /* ncols column names, BOM and quotes removed */
    char **cells;   /* nrows * ncols cells, row-major, never NULL */
    size_t *lines;  /* source line (1-based) of each data row */
    size_t header_line; /* source line of the header (1 unless blank
                           lines come first) */
};

/* Reads and parses a CSV file. Rejects: missing/unreadable file, a
 * directory, empty file, header only, ragged rows, an unterminated quote,
 * an empty or duplicate header name. Accepts CRLF, a UTF-8 BOM, quoted
 * fields, a missing final newline. Returns false with err filled on error;
 * on success the caller owns *t and frees it with table_free. A path of
 * "-" reads standard input (once; named <stdin> in messages). */
bool table_load_file(const char *path, struct table *t, char *err, size_t errlen);

/* Same as table_load_file for a CSV already in memory; name is used in
 * messages (e.g. "iris.csv (built in)"). */
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

/* The distinct values of a column in order of first appearance: writes
 * the first max of them (pointers into the table's cells) to values and
 * returns how many it wrote (at most max; 0 when values is NULL). To have
 * them all, pass max = t->nrows. */
size_t table_distinct(const struct table *t, size_t col, const char **values,
                      size_t max);

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
 * column or a label column of one class (these three name the header
 * line), the same class twice, or a constant feature when standardising.
 * On success the caller owns *d and frees it with dataset_free. */
bool dataset_select(const struct table *t, const struct selection *sel,
                    struct dataset *d, char *err, size_t errlen);

/* Frees what dataset_select allocated; safe on a zeroed dataset. */
void dataset_free(struct dataset *d);

/* The Iris CSV built into the binary (data/iris.csv) and its length. */
extern const char iris_csv[];
extern const size_t iris_csv_len;

#endif
