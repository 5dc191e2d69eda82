/* train_csv.h - the rows of a training run as CSV, shared by --headless
 * and the headless replay: "epoch,cost,w1,...,wN,b,accuracy" (r2 instead
 * of accuracy with --target), then "test_cost,test_accuracy" (test_r2
 * with --target) when rows are held out, then "lr" (the lr the epoch
 * trained at) when a schedule other than constant is set. Every number
 * is %.17g. */
#ifndef DESCENT_TRAIN_CSV_H
#define DESCENT_TRAIN_CSV_H

#include <stddef.h>
#include <stdio.h>

#include "trainer.h"

/* The most values after the epoch in one row: cost, the parameters, the
 * score, two test values and the lr. */
#define TRAIN_CSV_VALUES_MAX (NETWORK_PARAMS_MAX + 5)

/* How many values follow the epoch in t's rows: 1 + P + 1, plus 2 with a
 * test split, plus 1 with a schedule. */
size_t train_csv_width(const struct trainer *t);

/* Writes the header line; returns fputs's result (negative on error). */
int train_csv_header(FILE *out, const struct trainer *t);

/* t's row now, after an epoch: the cost of the last epoch, the P
 * parameters, accuracy (or r2) on the training rows, the test cost
 * and test accuracy (or test r2) at the current parameters, and with a
 * schedule the lr of the epoch. Writes
 * train_csv_width(t) values. */
void train_csv_values(const struct trainer *t, double *values);

/* Writes "EPOCH,V1,...,Vcount\n"; returns fprintf's result. */
int train_csv_row(FILE *out, size_t epoch, const double *values, size_t count);

#endif
