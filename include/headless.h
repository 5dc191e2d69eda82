/* headless.h - training and the bowl descent printed as CSV, no terminal. */
#ifndef DESCENT_HEADLESS_H
#define DESCENT_HEADLESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "options.h"

/* Trains o->epochs epochs and writes the header of train_csv.h
 * ("epoch,cost,w1,...,wN,b,accuracy", r2 for --target, then
 * test_cost,test_accuracy with --test) then a row for every o->every-th
 * epoch and the last (%.17g). false with err on
 * bad input (nothing written then) or at the first write to out that
 * fails: err is "cannot write the output: REASON" and ferror(out) is set
 * (the caller tells the two apart by ferror). */
bool headless_train(const struct options *o, FILE *out, char *err, size_t errlen);

/* Writes "step,x,y,f" for steps 0..o->epochs of the descent on x^2+y^2
 * from (o->start_x, o->start_y) at o->train.lr (every o->every-th and the
 * last). false with err "cannot write the output: REASON" at the first
 * failed write, or "out of memory". */
bool headless_bowl(const struct options *o, FILE *out, char *err, size_t errlen);

/* The range test (lr_find.h) on the run's data and settings from
 * o->lr_find_config: "step,lr,cost,smoothed_cost" and one row per update
 * (%.17g), then the lines "# suggested lr: X (steepest)", "# suggested
 * lr: Y (minimum/10)" (X or Y "none" when there is no such row) and
 * "# verdict: ..." (lr_find_verdict_text). false with err on bad input,
 * out of memory or a failed write (as headless_train). */
bool headless_lr_find(const struct options *o, FILE *out, char *err, size_t errlen);

#endif
