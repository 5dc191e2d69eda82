/* lab.h - the learning-rate lab's glue between the options and the
 * descents of the right panel: where a descent starts, and the race of
 * every optimizer on one surface from one start. */
#ifndef DESCENT_LAB_H
#define DESCENT_LAB_H

#include <stdbool.h>
#include <stddef.h>

#include "bowl.h"
#include "options.h"

/* Where o's descent starts: --start when it was given (on the command
 * line, or by a lesson: any value but the default 5,5), else the
 * documented start of o's surface (surface_start). */
void lab_start_point(const struct options *o, double *x, double *y);

/* Every optimizer on one surface from one start at one lr, lane i being
 * optimizer i (enum optimizer_kind), the constants of config. */
struct race {
    struct bowl lanes[OPTIMIZER_COUNT];
    int winner;          /* the first lane within RACE_TOLERANCE of the
                            known minimum, -1 while none is (or none is
                            known) */
    size_t winner_step;  /* the step it got there */
};

/* f within this of the surface's known minimum wins. */
#define RACE_TOLERANCE 1e-6

/* Starts every lane at (x, y) with lr and config (its optimizer kind
 * replaced by each lane's own). */
void race_start(struct race *r, const struct bowl_config *config, double x,
                double y, double lr);
/* One step of every lane; the first to reach the minimum is noted (ties:
 * the lower lane). */
void race_step(struct race *r);

/* Makes r the race of b's descent at b's step: started again when b's
 * start, lr or config (other than the optimizer) differ from the lanes'
 * or b is behind them (a reset, a rewind), then stepped up to b. */
void race_follow(struct race *r, const struct bowl *b);

#endif
