/* lr_find.h - the learning-rate range test (fastai's lr_find): from the
 * run's initial weights, one plain SGD update per minibatch at learning
 * rates growing geometrically from start to end, recording each batch's
 * mean cost before its update and a debiased running average of it; it
 * stops once the average exceeds 4x its best. The curve says where the
 * cost starts to fall, where it falls fastest and where it blows up (or
 * saturates). Pure: no I/O; the run it is taken from is not changed. */
#ifndef DESCENT_LR_FIND_H
#define DESCENT_LR_FIND_H

#include <stdbool.h>
#include <stddef.h>

#include "dataset.h"
#include "trainer.h"

#define LR_FIND_STEPS_MAX 100000
#define LR_FIND_SMOOTHING 0.98  /* avg <- 0.98*avg + 0.02*cost */
#define LR_FIND_WEIGHT 0.02     /* (as written: not 1 - 0.98 in double) */
#define LR_FIND_EXPLODES 4.0    /* stop when smoothed > 4 x the best */

/* The sweep: lr_i = start * (end/start)^(i/(steps-1)), i = 0..steps-1. */
struct lr_find_config {
    double start, end;   /* 0 < start < end */
    size_t steps;        /* 2 .. LR_FIND_STEPS_MAX */
};

/* How the curve ended. */
enum lr_find_verdict {
    LR_FIND_EXPLODED,    /* stopped early: the cost blew up */
    LR_FIND_SATURATED,   /* ran to the end with the cost flat there: the
                            last max(2, steps/50) costs within 1% */
    LR_FIND_OPEN         /* ran to the end still moving: widen the range */
};

/* One update of the sweep. */
struct lr_find_row {
    double lr;
    double cost;         /* the batch's mean cost before the update */
    double smoothed;     /* avg / (1 - 0.98^(i+1)) */
};

struct lr_find {
    struct lr_find_row *rows;  /* len rows, row i is step i */
    size_t len;
    struct lr_find_config config;
    enum lr_find_verdict verdict;
    size_t steepest;     /* the row where the smoothed cost falls fastest
                            against ln lr (lr_find_slope most negative,
                            the first of equals), from row steps/10 on
                            (before it the average is still settling);
                            len when it never falls */
    size_t minimum;      /* the row of the least finite smoothed cost; len
                            when none is finite */
};

/* 1e-7, 10, 100 steps. */
struct lr_find_config lr_find_config_default(void);

/* Runs the test on data with config's activation, loss, batch size,
 * shuffle, init and seed (its lr, optimizer and schedule are not used:
 * the sweep's updates are plain SGD). Fills out (free with lr_find_free);
 * false with err when out of memory or data has no samples. */
bool lr_find_run(const struct dataset *data, const struct train_config *config,
                 const struct lr_find_config *fc, struct lr_find *out, char *err,
                 size_t errlen);
void lr_find_free(struct lr_find *f);

/* The central difference of the smoothed cost against ln lr at row i
 * (0 < i < len-1): (s[i+1] - s[i-1]) / (ln lr[i+1] - ln lr[i-1]); NaN at
 * the ends or where a value is not finite. */
double lr_find_slope(const struct lr_find *f, size_t i);

/* The suggestions: the lr of the steepest row, and the lr of the
 * minimum row divided by 10; NaN when there is no such row. */
double lr_find_steepest_lr(const struct lr_find *f);
double lr_find_minimum_lr(const struct lr_find *f);

/* The verdict in words, e.g. "exploded: the cost passed 4x its best at
 * lr 0.05, so the test stopped early" (written into buf). */
void lr_find_verdict_text(const struct lr_find *f, char *buf, size_t size);

#endif
