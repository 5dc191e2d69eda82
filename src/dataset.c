/* dataset.c - picks from a loaded table (csv_table.c) what one neuron is
 * trained on: two feature columns and the rows of two classes of a label
 * column, optionally standardised. Also the column queries the selection
 * and the user interface share: which columns are numeric (by
 * parse_number, number.c), and the distinct values of a column.
 *
 * Errors are values: a failing function writes one line
 * "FILE[:LINE[:COLUMN]]: reason" into the caller's buffer.
 *
 * Decisions worth knowing:
 * - dataset_select trims blanks around the names it is given and compares
 *   class names with the label cells exactly; it checks every value of
 *   both feature columns, not only those of the selected rows, so a column
 *   is usable exactly when table_column_numeric says so. */

#include "dataset.h"
#include "number.h"
#include "text_util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_LISTED 8         /* names listed in "(columns: ...)" */
#define FEW_ROWS 16          /* up to this, table_distinct simply scans */

/* ---------------------------------------------------------------------
 * Messages
 * ------------------------------------------------------------------- */

/* "a, b, c" for messages: the first MAX_LISTED names, then "and N more". */
struct name_list {
    char text[(MAX_SHOWN_BYTES + 6) * MAX_LISTED + 32];
    size_t used;
    size_t count;
};

static void name_list_add(struct name_list *list, const char *name)
{
    if (list->count < MAX_LISTED) {
        int n = snprintf(list->text + list->used,
                         sizeof list->text - list->used, "%s%s",
                         list->count > 0 ? ", " : "", text_show(name).text);
        if (n > 0)
            list->used += (size_t)n;
    }
    list->count++;
}

static const char *name_list_text(struct name_list *list)
{
    if (list->count > MAX_LISTED)
        snprintf(list->text + list->used, sizeof list->text - list->used,
                 " and %zu more", list->count - MAX_LISTED);
    return list->text;
}

/* A copy of text without the blanks around it; NULL text counts as "". */
static char *copy_trimmed(const char *text)
{
    if (text == NULL)
        text = "";
    while (text_is_blank(*text))
        text++;
    size_t length = strlen(text);
    while (length > 0 && text_is_blank(text[length - 1]))
        length--;
    return text_copy(text, length);
}

/* ---------------------------------------------------------------------
 * Numeric columns
 * ------------------------------------------------------------------- */

bool table_column_numeric(const struct table *t, size_t col)
{
    if (t == NULL || col >= t->ncols)
        return false;
    for (size_t row = 0; row < t->nrows; row++)
        if (!parse_number(t->cells[row * t->ncols + col], NULL))
            return false;
    return true;
}

size_t table_numeric_columns(const struct table *t, size_t *cols, size_t max)
{
    size_t count = 0;
    for (size_t col = 0; t != NULL && col < t->ncols; col++) {
        if (!table_column_numeric(t, col))
            continue;
        if (count < max && cols != NULL)
            cols[count] = col;
        count++;
    }
    return count;
}

/* ---------------------------------------------------------------------
 * Distinct values of a column
 * ------------------------------------------------------------------- */

/* Orders indexed texts by position only: back to file order. */
static int compare_index(const void *a, const void *b)
{
    const struct indexed_text *left = a, *right = b;
    return (left->index > right->index) - (left->index < right->index);
}

/* table_distinct for a few rows: compare each value with those before. */
static size_t distinct_by_scanning(const struct table *t, size_t col,
                                   const char **values, size_t max)
{
    size_t count = 0;
    for (size_t row = 0; row < t->nrows; row++) {
        const char *value = t->cells[row * t->ncols + col];
        size_t earlier = 0;
        while (earlier < row
               && strcmp(t->cells[earlier * t->ncols + col], value) != 0)
            earlier++;
        if (earlier < row)
            continue;
        if (count == max || values == NULL)
            break;
        values[count++] = value;
    }
    return count;
}

size_t table_distinct(const struct table *t, size_t col, const char **values,
                      size_t max)
{
    if (t == NULL || col >= t->ncols || t->nrows == 0 || values == NULL
        || max == 0)
        return 0;
    /* Many rows: sort (value, row), keep the first row of each value and
     * put those back in file order; out of memory, scan instead. */
    struct indexed_text *sorted = NULL;
    if (t->nrows > FEW_ROWS)
        sorted = text_sort(t->cells + col, t->nrows, t->ncols);
    if (sorted == NULL)
        return distinct_by_scanning(t, col, values, max);
    size_t count = 0;
    const char *previous = NULL;
    for (size_t i = 0; i < t->nrows; i++) {
        const char *value = sorted[i].text;
        if (previous == NULL || strcmp(value, previous) != 0)
            sorted[count++] = sorted[i];
        previous = value;
    }
    qsort(sorted, count, sizeof *sorted, compare_index);
    if (count > max)
        count = max;
    for (size_t i = 0; i < count; i++)
        values[i] = sorted[i].text;
    free(sorted);
    return count;
}

/* ---------------------------------------------------------------------
 * Selecting the samples
 * ------------------------------------------------------------------- */

static const char *source_of(const struct table *t)
{
    return t != NULL && t->source != NULL ? t->source : "(no table)";
}

/* Finds a column by name, or reports it unknown with the list of columns. */
static bool find_column(const struct table *t, const char *name, size_t *col,
                        char *err, size_t errlen)
{
    int found = table_column(t, name);
    if (found >= 0) {
        *col = (size_t)found;
        return true;
    }
    struct name_list columns = {0};
    for (size_t i = 0; i < t->ncols; i++)
        name_list_add(&columns, t->names[i]);
    text_report(err, errlen, source_of(t), t->header_line, 0,
                "unknown column \"%s\" (columns: %s)", text_show(name).text,
                name_list_text(&columns));
    return false;
}

/* Checks that the label column has two classes or more and holds both
 * requested classes, listing the classes present otherwise. Both are
 * faults of the header's label column: the message names the header line. */
static bool check_classes(const struct table *t, size_t label,
                          char *const class_name[2], char *err, size_t errlen)
{
    const char **classes = malloc(t->nrows * sizeof *classes);
    if (classes == NULL) {
        text_report(err, errlen, source_of(t), 0, 0, "out of memory");
        return false;
    }
    size_t count = table_distinct(t, label, classes, t->nrows);
    bool ok = count >= 2;
    if (!ok)
        text_report(err, errlen, source_of(t), t->header_line, 0,
                    "column \"%s\" has only one class (\"%s\"); two are"
                    " needed",
                    text_show(t->names[label]).text,
                    count == 1 ? text_show(classes[0]).text : "");
    for (int k = 0; ok && k < 2; k++) {
        size_t row = 0;
        while (row < t->nrows
               && strcmp(t->cells[row * t->ncols + label], class_name[k]) != 0)
            row++;
        if (row < t->nrows)
            continue;
        struct name_list present = {0};
        for (size_t i = 0; i < count; i++)
            name_list_add(&present, classes[i]);
        text_report(err, errlen, source_of(t), t->header_line, 0,
                    "class \"%s\" not found in column %s (classes: %s)",
                    text_show(class_name[k]).text,
                    text_show(t->names[label]).text, name_list_text(&present));
        ok = false;
    }
    free(classes);
    return ok;
}

/* Checks every value of both feature columns in file order (selected rows
 * or not); cols holds the
 * two columns, so a row's x comes before its y. */
static bool check_feature_values(const struct table *t, const size_t cols[2],
                                 char *err, size_t errlen)
{
    for (size_t row = 0; row < t->nrows; row++) {
        for (int k = 0; k < 2; k++) {
            const char *cell = t->cells[row * t->ncols + cols[k]];
            const char *why = NULL;
            switch (number_check(cell, NULL)) {
            case NUMBER_OK: continue;
            case NUMBER_EMPTY: why = "empty value"; break;
            case NUMBER_NOT_A_NUMBER: why = "is not a number"; break;
            case NUMBER_NOT_FINITE: why = "is not a finite number"; break;
            case NUMBER_OUT_OF_RANGE: why = "is out of range"; break;
            case NUMBER_UNDERFLOW:
                why = "is too small (underflows to 0)";
                break;
            }
            size_t line = t->lines[row], column = cols[k] + 1;
            if (cell[0] == '\0')
                text_report(err, errlen, source_of(t), line, column,
                            "%s: %s", text_show(t->names[cols[k]]).text, why);
            else
                text_report(err, errlen, source_of(t), line, column,
                            "%s: \"%s\" %s", text_show(t->names[cols[k]]).text,
                            text_show(cell).text, why);
            return false;
        }
    }
    return true;
}

struct feature_stats {
    double mean, sd;   /* population sd: divided by n */
    int exponent;      /* values were scaled by 2^-exponent */
};

/* Mean and standard deviation of n values. They are computed on the values
 * scaled by a power of two (exactly) to near 1, so that sums of huge values
 * cannot overflow. */
static struct feature_stats feature_stats_of(const double *values, size_t n)
{
    struct feature_stats stats = {0};
    double largest = 0;
    for (size_t i = 0; i < n; i++)
        largest = fmax(largest, fabs(values[i]));
    if (largest > 0)
        frexp(largest, &stats.exponent);
    double sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += ldexp(values[i], -stats.exponent);
    double scaled_mean = sum / (double)n;
    double squares = 0;
    for (size_t i = 0; i < n; i++) {
        double deviation = ldexp(values[i], -stats.exponent) - scaled_mean;
        squares += deviation * deviation;
    }
    stats.mean = ldexp(scaled_mean, stats.exponent);
    stats.sd = ldexp(sqrt(squares / (double)n), stats.exponent);
    return stats;
}

static void standardize(double *values, size_t n, struct feature_stats stats)
{
    double scaled_mean = ldexp(stats.mean, -stats.exponent);
    double scaled_sd = ldexp(stats.sd, -stats.exponent);
    for (size_t i = 0; i < n; i++)
        values[i] = (ldexp(values[i], -stats.exponent) - scaled_mean)
                    / scaled_sd;
}

static bool all_equal(const double *values, size_t n)
{
    for (size_t i = 1; i < n; i++)
        if (values[i] != values[0])
            return false;
    return true;
}

/* Copies the chosen rows' features and targets into d (arrays of d->n). */
static bool fill_samples(const struct table *t, const size_t cols[2],
                         size_t label, struct dataset *d)
{
    for (size_t row = 0; row < t->nrows; row++) {
        const char *cell = t->cells[row * t->ncols + label];
        if (strcmp(cell, d->class_name[0]) == 0
            || strcmp(cell, d->class_name[1]) == 0)
            d->n++;
    }
    d->x1 = calloc(d->n, sizeof *d->x1);
    d->x2 = calloc(d->n, sizeof *d->x2);
    d->y = calloc(d->n, sizeof *d->y);
    if (d->x1 == NULL || d->x2 == NULL || d->y == NULL)
        return false;
    size_t i = 0;
    for (size_t row = 0; row < t->nrows; row++) {
        char *const *cells = &t->cells[row * t->ncols];
        bool is_a = strcmp(cells[label], d->class_name[0]) == 0;
        if (!is_a && strcmp(cells[label], d->class_name[1]) != 0)
            continue;
        parse_number(cells[cols[0]], &d->x1[i]);
        parse_number(cells[cols[1]], &d->x2[i]);
        d->y[i] = is_a ? 0.0 : 1.0;
        i++;
    }
    return true;
}

/* Sets d's mean and sd, and standardises the features if asked. */
static bool scale_features(const struct table *t, const size_t cols[2],
                           bool asked, struct dataset *d, char *err,
                           size_t errlen)
{
    double *features[2] = {d->x1, d->x2};
    for (int k = 0; k < 2; k++) {
        struct feature_stats stats = feature_stats_of(features[k], d->n);
        d->mean[k] = stats.mean;
        d->sd[k] = stats.sd;
        if (!asked)
            continue;
        if (all_equal(features[k], d->n)) {
            text_report(err, errlen, source_of(t), 0, 0,
                        "cannot standardize %s: it has the same value in every"
                        " row of classes %s and %s",
                        text_show(t->names[cols[k]]).text,
                        text_show(d->class_name[0]).text,
                        text_show(d->class_name[1]).text);
            return false;
        }
        standardize(features[k], d->n, stats);
    }
    d->standardized = asked;
    return true;
}

/* The checks and the work of dataset_select; d's names are already set. */
static bool select_samples(const struct table *t, bool standardize_features,
                           struct dataset *d, char *err, size_t errlen)
{
    size_t cols[2] = {0, 0}, label = 0;
    if (!find_column(t, d->x_name, &cols[0], err, errlen)
        || !find_column(t, d->y_name, &cols[1], err, errlen)
        || !find_column(t, d->label_name, &label, err, errlen))
        return false;
    for (int k = 0; k < 2; k++) {
        if (cols[k] == label) {
            text_report(err, errlen, source_of(t), 0, 0,
                        "column \"%s\" is the label column; it cannot"
                        " also be a feature", text_show(d->label_name).text);
            return false;
        }
    }
    if (strcmp(d->class_name[0], d->class_name[1]) == 0) {
        text_report(err, errlen, source_of(t), 0, 0,
                    "the two classes are the same (\"%s\"); pick two different"
                    " classes", text_show(d->class_name[0]).text);
        return false;
    }
    if (!check_classes(t, label, d->class_name, err, errlen)
        || !check_feature_values(t, cols, err, errlen))
        return false;
    if (!fill_samples(t, cols, label, d)) {
        text_report(err, errlen, source_of(t), 0, 0, "out of memory");
        return false;
    }
    return scale_features(t, cols, standardize_features, d, err, errlen);
}

bool dataset_select(const struct table *t, const struct selection *sel,
                    struct dataset *d, char *err, size_t errlen)
{
    memset(d, 0, sizeof *d);
    if (err != NULL && errlen > 0)
        err[0] = '\0';
    static const struct selection nothing = {0};
    if (sel == NULL)
        sel = &nothing;
    d->x_name = copy_trimmed(sel->x_column);
    d->y_name = copy_trimmed(sel->y_column);
    d->label_name = copy_trimmed(sel->label_column);
    d->class_name[0] = copy_trimmed(sel->class_a);
    d->class_name[1] = copy_trimmed(sel->class_b);
    bool ok;
    if (d->x_name == NULL || d->y_name == NULL || d->label_name == NULL
        || d->class_name[0] == NULL || d->class_name[1] == NULL) {
        text_report(err, errlen, source_of(t), 0, 0, "out of memory");
        ok = false;
    } else if (t == NULL || t->names == NULL) {
        text_report(err, errlen, source_of(t), 0, 0, "no table loaded");
        ok = false;
    } else {
        ok = select_samples(t, sel->standardize, d, err, errlen);
    }
    if (!ok)
        dataset_free(d);
    return ok;
}

void dataset_free(struct dataset *d)
{
    if (d == NULL)
        return;
    free(d->x1);
    free(d->x2);
    free(d->y);
    free(d->x_name);
    free(d->y_name);
    free(d->label_name);
    free(d->class_name[0]);
    free(d->class_name[1]);
    memset(d, 0, sizeof *d);
}
