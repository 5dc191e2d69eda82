/* dataset.c - picks from a loaded table (csv_table.c, table.c) what one
 * neuron is trained on: two feature columns and the rows of two classes of
 * a label column, optionally standardised.
 *
 * Errors are values: a failing function writes one line
 * "FILE[:LINE[:COLUMN]]: reason" into the caller's buffer.
 *
 * Decisions worth knowing:
 * - dataset_select trims blanks around the names it is given and compares
 *   class names with the label cells exactly; it checks every value of
 *   both feature columns, not only those of the selected rows, so a column
 *   is usable exactly when table_column_numeric says so. The loader parsed
 *   every value once and remembered each column's first non-number. */

#include "dataset.h"
#include "number.h"
#include "text_util.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_LISTED 8         /* names listed in "(columns: ...)" */

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
 * requested classes, listing the classes present otherwise. These are
 * faults of the header's label column: the message names the header line.
 * The table's distinct values come in order of first appearance. */
static bool check_classes(const struct table *t, size_t label,
                          char *const class_name[2], char *err, size_t errlen)
{
    if (!table_has_texts(t, label)) {
        text_report(err, errlen, source_of(t), t->header_line, 0,
                    "column \"%s\" cannot be the label column: it has more"
                    " than %d distinct numbers",
                    text_show(t->names[label]).text, TABLE_MAX_NUMERIC_TEXTS);
        return false;
    }
    size_t count = table_distinct_count(t, label);
    const char *classes[MAX_LISTED];
    size_t listed = table_distinct(t, label, classes, MAX_LISTED);
    if (count < 2) {
        text_report(err, errlen, source_of(t), t->header_line, 0,
                    "column \"%s\" has only one class (\"%s\"); two are"
                    " needed",
                    text_show(t->names[label]).text,
                    count == 1 ? text_show(classes[0]).text : "");
        return false;
    }
    for (int k = 0; k < 2; k++) {
        if (table_find_text(t, label, class_name[k]) != SIZE_MAX)
            continue;
        struct name_list present = {0};
        for (size_t i = 0; i < listed; i++)
            name_list_add(&present, classes[i]);
        present.count = count;
        text_report(err, errlen, source_of(t), t->header_line, 0,
                    "class \"%s\" not found in column %s (classes: %s)",
                    text_show(class_name[k]).text,
                    text_show(t->names[label]).text, name_list_text(&present));
        return false;
    }
    return true;
}

/* Checks every value of both feature columns (selected rows or not): the
 * first value that is not a number in file order, a row's x before its
 * y, is reported with its line and column. */
static bool check_feature_values(const struct table *t, const size_t cols[2],
                                 char *err, size_t errlen)
{
    struct table_non_number bad[2];
    bool found[2];
    for (int k = 0; k < 2; k++)
        found[k] = table_first_non_number(t, cols[k], &bad[k]);
    if (!found[0] && !found[1])
        return true;
    int k = !found[0] || (found[1] && bad[1].row < bad[0].row) ? 1 : 0;
    const char *name = text_show(t->names[cols[k]]).text;
    const char *why = number_status_reason(bad[k].status);
    if (bad[k].text[0] == '\0')
        text_report(err, errlen, source_of(t), bad[k].line, cols[k] + 1,
                    "%s: %s", name, why);
    else
        text_report(err, errlen, source_of(t), bad[k].line, cols[k] + 1,
                    "%s: \"%s\" %s", name, text_show(bad[k].text).text, why);
    return false;
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

/* Copies the chosen rows' features and targets into d (arrays of d->n):
 * the rows whose label is one of the two classes (both are present). */
static bool fill_samples(const struct table *t, const size_t cols[2],
                         size_t label, struct dataset *d)
{
    size_t class_index[2];
    for (int k = 0; k < 2; k++)
        class_index[k] = table_find_text(t, label, d->class_name[k]);
    for (size_t row = 0; row < t->nrows; row++) {
        size_t index = table_text_index(t, row, label);
        if (index == class_index[0] || index == class_index[1])
            d->n++;
    }
    d->x1 = calloc(d->n, sizeof *d->x1);
    d->x2 = calloc(d->n, sizeof *d->x2);
    d->y = calloc(d->n, sizeof *d->y);
    if (d->x1 == NULL || d->x2 == NULL || d->y == NULL)
        return false;
    const double *x1 = table_numbers(t, cols[0]);
    const double *x2 = table_numbers(t, cols[1]);
    size_t i = 0;
    for (size_t row = 0; row < t->nrows; row++) {
        size_t index = table_text_index(t, row, label);
        bool is_a = index == class_index[0];
        if (!is_a && index != class_index[1])
            continue;
        d->x1[i] = x1[row];
        d->x2[i] = x2[row];
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
