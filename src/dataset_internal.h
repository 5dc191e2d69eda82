/* dataset_internal.h - what dataset.c (the checks of a selection) hands
 * dataset_fill.c (the samples' columns, shared with the table or copied,
 * and their statistics). Not part of the dataset.h interface. */
#ifndef DESCENT_DATASET_INTERNAL_H
#define DESCENT_DATASET_INTERNAL_H

#include "dataset.h"

#include <stdbool.h>
#include <stddef.h>

/* What dataset_select works out before filling. */
struct dataset_plan {
    size_t used[DATASET_COLUMNS_MAX]; /* table columns the terms use */
    size_t nused;
    size_t label;                     /* label or target column */
    size_t class_index[2];            /* the classes among the label's
                                         distinct values */
};

/* How many rows of t the plan selects: every row in a regression (d's
 * regression flag), else the rows of its two classes. */
size_t dataset_count_rows(const struct table *t, const struct dataset_plan *plan,
                          const struct dataset *d);

/* Fills d's columns: the stride = n + n_test selected rows (d's n, n_test
 * and stride are set), training rows first; held flags the selected rows
 * (in file order) that are held out, or is NULL when none is. Columns are
 * shared with the table where dataset.h says, copied otherwise (standardize:
 * the copies will be scaled). Sets column_mean. false when out of memory
 * (d then holds what it allocated; dataset_free frees it). */
bool dataset_fill(const struct table *t, const struct dataset_plan *plan,
                  const bool *held, bool standardize, struct dataset *d);

/* Sets the term and plotted-column statistics (over the training rows)
 * and standardises the copied terms and plotted columns if asked; false
 * with err filled ("cannot standardize ...") when a term is constant. */
bool dataset_scale(const struct table *t, bool asked, struct dataset *d,
                   char *err, size_t errlen);

#endif
