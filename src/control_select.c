/* control_select.c - the x, y and c keys: the next numeric column on an
 * axis, the next pair of classes, each tried on the session (a choice the
 * data rejects is skipped, with its reason kept for the notice). The
 * table's numeric columns and classes are found once and cached. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "control_internal.h"
#include "terms.h"

#define MAX_SELECT_TRIES 64     /* candidates tried by x, y, c */

void control_forget_table(struct control *c)
{
    free(c->numeric_cols);
    free(c->classes);
    c->numeric_cols = NULL;
    c->classes = NULL;
    c->numeric_known = c->classes_known = false;
    c->numeric_count = c->class_count = 0;
}

/* The table's numeric columns (found once); *count receives how many. */
static const size_t *numeric_columns(struct control *c, size_t *count)
{
    const struct table *t = &c->session.table;
    if (!c->numeric_known && t->ncols > 0) {
        c->numeric_cols = malloc(t->ncols * sizeof *c->numeric_cols);
        if (c->numeric_cols != NULL)
            c->numeric_count = table_numeric_columns(t, c->numeric_cols, t->ncols);
        c->numeric_known = c->numeric_cols != NULL;
    }
    *count = c->numeric_known ? c->numeric_count : 0;
    return c->numeric_cols;
}

/* x / y: the next numeric column after the current one on that axis,
 * skipping the label column and the other axis' column; with --features,
 * the next of the columns the terms use (the features stay the same, only
 * the plotted plane changes). */
unsigned control_cycle_feature(struct control *c, bool x_axis)
{
    struct session *s = &c->session;
    size_t count;
    const size_t *cols = numeric_columns(c, &count);
    size_t used[DATASET_COLUMNS_MAX];
    if (s->selection.features != NULL && s->data->terms != NULL) {
        count = terms_columns(s->data->terms, used, DATASET_COLUMNS_MAX);
        cols = used;
        if (count < 3) {
            control_notice(c, "the terms use no other column for the %c axis",
                           x_axis ? 'x' : 'y');
            return CONTROL_REDRAW;
        }
    }
    int label = table_column(&s->table, s->selection.label_column);
    int here = table_column(&s->table, x_axis ? s->selection.x_column
                                              : s->selection.y_column);
    int other = table_column(&s->table, x_axis ? s->selection.y_column
                                               : s->selection.x_column);
    size_t pos = count; /* where the current column sits in cols */
    for (size_t i = 0; i < count; i++)
        if ((int)cols[i] == here)
            pos = i;

    char err[256] = "";
    size_t tries = 0;
    for (size_t k = 1; k <= count && tries < MAX_SELECT_TRIES; k++) {
        size_t col = cols[(pos == count ? k - 1 : pos + k) % count];
        if ((int)col == label || (int)col == other || (int)col == here)
            continue;
        struct selection sel = s->selection;
        if (x_axis)
            sel.x_column = s->table.names[col];
        else
            sel.y_column = s->table.names[col];
        tries++;
        if (session_select(s, &sel, err, sizeof err)) {
            control_after_reset(c);
            control_notice(c, "%c axis: %s (reset)", x_axis ? 'x' : 'y',
                       s->table.names[col]);
            return CONTROL_REDRAW;
        }
    }
    if (err[0] != '\0')
        control_notice(c, "%s", err);
    else
        control_notice(c, "no other numeric column for the %c axis", x_axis ? 'x' : 'y');
    return CONTROL_REDRAW;
}

/* The distinct values of the label column (found once). */
static const char **label_values(struct control *c, size_t *count)
{
    const struct table *t = &c->session.table;
    if (!c->classes_known) {
        int col = table_column(t, c->session.selection.label_column);
        size_t max = t->nrows > 0 ? t->nrows : 1;
        c->classes = malloc(max * sizeof *c->classes);
        if (c->classes != NULL && col >= 0)
            c->class_count = table_distinct(t, (size_t)col, c->classes, max);
        c->classes_known = c->classes != NULL;
    }
    *count = c->classes_known ? c->class_count : 0;
    return c->classes;
}

/* c: the next pair (i < j, in order of first appearance) of distinct
 * values of the label column after the current one. */
unsigned control_cycle_classes(struct control *c)
{
    struct session *s = &c->session;
    size_t k;
    const char **v = label_values(c, &k);
    if (k < 2) {
        control_notice(c, "the label column has fewer than two classes");
        return CONTROL_REDRAW;
    }
    size_t i = 0, j = 0;
    for (size_t n = 0; n < k; n++) {
        if (strcmp(v[n], s->selection.class_a) == 0)
            i = n;
        if (strcmp(v[n], s->selection.class_b) == 0)
            j = n;
    }
    if (i > j) {
        size_t swap = i;
        i = j;
        j = swap;
    }
    char err[256] = "";
    size_t pairs = k * (k - 1) / 2;
    for (size_t t = 0; t < pairs && t < MAX_SELECT_TRIES; t++) {
        if (j + 1 < k) {
            j++;
        } else if (i + 2 < k) {
            i++;
            j = i + 1;
        } else {
            i = 0;
            j = 1;
        }
        struct selection sel = s->selection;
        sel.class_a = v[i];
        sel.class_b = v[j];
        if (session_select(s, &sel, err, sizeof err)) {
            control_after_reset(c);
            control_notice(c, "classes: %s vs %s (reset)", v[i], v[j]);
            return CONTROL_REDRAW;
        }
    }
    control_notice(c, "%s", err[0] != '\0' ? err : "no other pair of classes");
    return CONTROL_REDRAW;
}

