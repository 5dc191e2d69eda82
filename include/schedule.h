/* schedule.h - learning-rate schedules: the lr of epoch e (1-based) from
 * the base lr: constant, step (times F every K epochs), exp (F^((e-1)/K))
 * and cosine with warm restarts every K epochs. Pure. */
#ifndef DESCENT_SCHEDULE_H
#define DESCENT_SCHEDULE_H

#include <stdbool.h>
#include <stddef.h>

enum schedule_kind { SCHEDULE_CONSTANT, SCHEDULE_STEP, SCHEDULE_EXP,
                     SCHEDULE_COSINE, SCHEDULE_COUNT };

struct schedule {
    enum schedule_kind kind;
    double decay;        /* F, > 0 (default 0.5) */
    size_t every;        /* K, >= 1 (default 100) */
};

/* constant, decay 0.5, every 100. */
struct schedule schedule_default(void);
/* The lr of epoch e (e >= 1; 0 is taken as 1): constant lr; step
 * lr*F^floor((e-1)/K); exp lr*F^((e-1)/K); cosine
 * lr*(1+cos(pi*((e-1) mod K)/K))/2. */
double schedule_lr(const struct schedule *s, double lr, size_t epoch);
/* "constant", "step", "exp", "cosine". */
const char *schedule_name(enum schedule_kind k);
/* The kind called name; false when none is. */
bool schedule_parse(const char *name, enum schedule_kind *k);

#endif
