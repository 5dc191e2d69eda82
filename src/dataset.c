/* dataset.c - picks from a loaded table (csv_table.c, table.c) what one
 * neuron is trained on: its N input terms (two columns unless --features
 * lists terms), and the rows of two classes of a label column or every
 * row with a numeric target, optionally standardised and split into
 * training rows and held-out test rows (dataset_terms.c draws them).
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

#include "dataset_internal.h"
#include "number.h"
#include "sample_index.h"
#include "terms.h"
#include "text_util.h"

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

/* Checks every value of the count feature columns (selected rows or
 * not): the first value that is not a number in file order, within a row
 * the column first used first (a row's x before its y), is reported with
 * its line and column. */
static bool check_feature_values(const struct table *t, const size_t *cols,
                                 size_t count, char *err, size_t errlen)
{
    struct table_non_number bad, first = {0};
    size_t which = SIZE_MAX;
    for (size_t k = 0; k < count; k++) {
        if (!table_first_non_number(t, cols[k], &bad))
            continue;
        if (which == SIZE_MAX || bad.row < first.row) {
            first = bad;
            which = k;
        }
    }
    if (which == SIZE_MAX)
        return true;
    const char *name = text_show(t->names[cols[which]]).text;
    const char *why = number_status_reason(first.status);
    if (first.text[0] == '\0')
        text_report(err, errlen, source_of(t), first.line, cols[which] + 1,
                    "%s: %s", name, why);
    else
        text_report(err, errlen, source_of(t), first.line, cols[which] + 1,
                    "%s: \"%s\" %s", name, text_show(first.text).text, why);
    return false;
}

/* Whether column col is among the used ones. */
static bool plan_uses(const struct dataset_plan *plan, size_t col)
{
    for (size_t k = 0; k < plan->nused; k++)
        if (plan->used[k] == col)
            return true;
    return false;
}

/* Resolves the features: the default two columns or the --features terms;
 * sets d's terms, names and plotted columns and plan's used columns. */
static bool plan_features(const struct table *t, const struct selection *sel,
                          struct dataset_plan *plan, struct dataset *d, char *err,
                          size_t errlen)
{
    if (sel->features == NULL || sel->features[0] == '\0') {
        size_t cols[2] = {0, 0};
        if (!find_column(t, d->x_name, &cols[0], err, errlen)
            || !find_column(t, d->y_name, &cols[1], err, errlen))
            return false;
        d->nfeatures = 2;
        plan->used[0] = cols[0];
        plan->used[1] = cols[1];
        plan->nused = 2;
        d->plot_column[0] = cols[0];
        d->plot_column[1] = cols[1];
        d->term_name = calloc(2, sizeof *d->term_name);
        if (d->term_name == NULL)
            return false;
        d->term_name[0] = text_copy(d->x_name, strlen(d->x_name));
        d->term_name[1] = text_copy(d->y_name, strlen(d->y_name));
        return d->term_name[0] != NULL && d->term_name[1] != NULL;
    }
    char why[256];
    d->terms = malloc(sizeof *d->terms);
    if (d->terms == NULL)
        return false;
    if (!terms_parse(sel->features, (const char *const *)t->names, t->ncols,
                     d->terms, why, sizeof why)) {
        text_report(err, errlen, source_of(t), 0, 0, "%s", why);
        return false;
    }
    d->nfeatures = d->terms->count;
    plan->nused = terms_columns(d->terms, plan->used, DATASET_COLUMNS_MAX);
    if (plan->nused > DATASET_COLUMNS_MAX) {
        text_report(err, errlen, source_of(t), 0, 0,
                    "--features: more than %d columns", DATASET_COLUMNS_MAX);
        return false;
    }
    d->term_name = calloc(d->nfeatures, sizeof *d->term_name);
    if (d->term_name == NULL)
        return false;
    for (size_t j = 0; j < d->nfeatures; j++) {
        const char *text = d->terms->term[j].text;
        d->term_name[j] = text_copy(text, strlen(text));
        if (d->term_name[j] == NULL)
            return false;
    }
    /* The plotted columns: --x and --y when the terms use them, else the
     * first columns the terms use (one column: plotted against itself). */
    int x = table_column(t, d->x_name), y = table_column(t, d->y_name);
    size_t px = x >= 0 && plan_uses(plan, (size_t)x) ? (size_t)x : plan->used[0];
    size_t py = px;
    if (y >= 0 && (size_t)y != px && plan_uses(plan, (size_t)y))
        py = (size_t)y;
    for (size_t k = 0; py == px && k < plan->nused; k++)
        py = plan->used[k];
    d->plot_column[0] = px;
    d->plot_column[1] = py;
    char *names[2] = {text_copy(t->names[px], strlen(t->names[px])),
                      text_copy(t->names[py], strlen(t->names[py]))};
    free(d->x_name);
    free(d->y_name);
    d->x_name = names[0];
    d->y_name = names[1];
    return names[0] != NULL && names[1] != NULL;
}

/* The label (classes) or target (regression) column, checked. */
static bool plan_target(const struct table *t, struct dataset_plan *plan,
                        struct dataset *d, char *err, size_t errlen)
{
    if (!find_column(t, d->label_name, &plan->label, err, errlen))
        return false;
    if (plan_uses(plan, plan->label)) {
        if (d->regression)
            text_report(err, errlen, source_of(t), 0, 0,
                        "column \"%s\" is the target column; it cannot also"
                        " be a feature", text_show(d->label_name).text);
        else
            text_report(err, errlen, source_of(t), 0, 0,
                        "column \"%s\" is the label column; it cannot also be"
                        " a feature", text_show(d->label_name).text);
        return false;
    }
    if (d->regression)
        return check_feature_values(t, &plan->label, 1, err, errlen);
    if (strcmp(d->class_name[0], d->class_name[1]) == 0) {
        text_report(err, errlen, source_of(t), 0, 0,
                    "the two classes are the same (\"%s\"); pick two different"
                    " classes", text_show(d->class_name[0]).text);
        return false;
    }
    if (!check_classes(t, plan->label, d->class_name, err, errlen))
        return false;
    for (int k = 0; k < 2; k++)
        plan->class_index[k] = table_find_text(t, plan->label, d->class_name[k]);
    return true;
}

/* The checks and the work of dataset_select; d's names are already set. */
static bool select_samples(const struct table *t, const struct selection *sel,
                           struct dataset *d, char *err, size_t errlen)
{
    struct dataset_plan plan = {{0}, 0, 0, {0, 0}};
    if (!plan_features(t, sel, &plan, d, err, errlen)) {
        if (err != NULL && errlen > 0 && err[0] == '\0')
            text_report(err, errlen, source_of(t), 0, 0, "out of memory");
        return false;
    }
    if (!plan_target(t, &plan, d, err, errlen)
        || !check_feature_values(t, plan.used, plan.nused, err, errlen))
        return false;
    size_t rows = dataset_count_rows(t, &plan, d);
    if (rows > SAMPLE_INDEX_MAX) {
        text_report(err, errlen, source_of(t), 0, 0,
                    "%zu rows are selected; at most %lu can be trained on",
                    rows, (unsigned long)SAMPLE_INDEX_MAX);
        return false;
    }
    if (!(sel->test_fraction >= 0.0 && sel->test_fraction <= 0.9)) {
        text_report(err, errlen, source_of(t), 0, 0,
                    "the test fraction %g is not from 0 to 0.9",
                    sel->test_fraction);
        return false;
    }
    bool *held = NULL;
    size_t nheld = 0;
    if (sel->test_fraction > 0.0) {
        held = calloc(rows ? rows : 1, sizeof *held);
        if (held == NULL || !dataset_split_rows(rows, sel->test_fraction, sel->seed,
                                                held, &nheld)) {
            free(held);
            text_report(err, errlen, source_of(t), 0, 0, "out of memory");
            return false;
        }
        if (nheld >= rows) {
            free(held);
            text_report(err, errlen, source_of(t), 0, 0,
                        "a test fraction of %g holds out all %zu rows; none"
                        " is left to train on", sel->test_fraction, rows);
            return false;
        }
    }
    d->n = rows - nheld;
    d->n_test = nheld;
    d->stride = rows;
    bool filled = dataset_fill(t, &plan, nheld > 0 ? held : NULL,
                               sel->standardize, d);
    free(held);
    if (!filled) {
        text_report(err, errlen, source_of(t), 0, 0, "out of memory");
        return false;
    }
    return dataset_scale(t, sel->standardize, d, err, errlen);
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
    d->regression = sel->target_column != NULL && sel->target_column[0] != '\0';
    if (d->regression) {
        d->label_name = copy_trimmed(sel->target_column);
    } else {
        d->label_name = copy_trimmed(sel->label_column);
        d->class_name[0] = copy_trimmed(sel->class_a);
        d->class_name[1] = copy_trimmed(sel->class_b);
    }
    bool ok;
    if (d->x_name == NULL || d->y_name == NULL || d->label_name == NULL
        || (!d->regression
            && (d->class_name[0] == NULL || d->class_name[1] == NULL))) {
        text_report(err, errlen, source_of(t), 0, 0, "out of memory");
        ok = false;
    } else if (t == NULL || t->names == NULL) {
        text_report(err, errlen, source_of(t), 0, 0, "no table loaded");
        ok = false;
    } else {
        ok = select_samples(t, sel, d, err, errlen);
    }
    if (!ok)
        dataset_free(d);
    return ok;
}

void dataset_free(struct dataset *d)
{
    if (d == NULL)
        return;
    free(d->x_store); /* x, x1 and x2 point into these or into the table */
    free(d->plot_store);
    free(d->y);
    free(d->file_row);
    free(d->term_mean);
    free(d->term_sd);
    free(d->column_mean);
    free(d->terms);
    for (size_t j = 0; d->term_name != NULL && j < d->nfeatures; j++)
        free(d->term_name[j]);
    free(d->term_name);
    free(d->x_name);
    free(d->y_name);
    free(d->label_name);
    free(d->class_name[0]);
    free(d->class_name[1]);
    memset(d, 0, sizeof *d);
}
