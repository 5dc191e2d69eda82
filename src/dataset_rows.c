/* dataset_rows.c - which rows of a table a classification keeps: the two
 * classes of a label column that holds exactly two values, when none were
 * named (sorted, so that labels 0 and 1 are targets 0 and 1), and the rows
 * kept and the labels dropped, in words for the screen's first notice and
 * --headless --verbose. */
#include "dataset.h"

#include "text_util.h"

#include <stdio.h>
#include <string.h>

/* Labels a summary names before "and N more". */
#define DROPPED_NAMED 3

/* a before b: as numbers when both are (2 before 10), else byte order. */
static bool label_before(const char *a, const char *b)
{
    double x, y;
    if (parse_number(a, &x) && parse_number(b, &y))
        return x < y;
    return strcmp(a, b) < 0;
}

bool dataset_auto_classes(const struct table *t, struct selection *sel)
{
    if (sel->target_column != NULL && sel->target_column[0] != '\0')
        return false;
    int label = sel->label_column ? table_column(t, sel->label_column) : -1;
    if (label < 0 || table_distinct_count(t, (size_t)label) != 2)
        return false;
    const char *values[2];
    if (table_distinct(t, (size_t)label, values, 2) != 2)
        return false;
    bool swap = label_before(values[1], values[0]);
    sel->class_a = values[swap ? 1 : 0];
    sel->class_b = values[swap ? 0 : 1];
    return true;
}

size_t dataset_rows_summary(const struct table *t, const struct dataset *d,
                            char *buf, size_t size)
{
    if (size > 0)
        buf[0] = '\0';
    size_t kept = d->n + d->n_test;
    if (d->regression || kept >= t->nrows || size == 0)
        return 0;
    size_t dropped = t->nrows - kept;
    int used = snprintf(buf, size, "kept %zu of %zu rows; dropped labels:",
                        kept, t->nrows);
    int label = table_column(t, d->label_name);
    size_t distinct = label >= 0 ? table_distinct_count(t, (size_t)label) : 0;
    const char *values[DROPPED_NAMED + 2];
    size_t got = label >= 0 ? table_distinct(t, (size_t)label, values,
                                             DROPPED_NAMED + 2) : 0;
    size_t named = 0;
    for (size_t i = 0; i < got && named < DROPPED_NAMED; i++) {
        if (strcmp(values[i], d->class_name[0]) == 0
            || strcmp(values[i], d->class_name[1]) == 0)
            continue;
        if (used >= 0 && (size_t)used < size)
            used += snprintf(buf + used, size - (size_t)used, "%s %s",
                             named ? "," : "", text_show(values[i]).text);
        named++;
    }
    size_t others = distinct >= 2 + named ? distinct - 2 - named : 0;
    if (others > 0 && used >= 0 && (size_t)used < size)
        snprintf(buf + used, size - (size_t)used, " and %zu more", others);
    return dropped;
}
