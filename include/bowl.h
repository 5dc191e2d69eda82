/* bowl.h - gradient descent on a surface of two variables, one step per
 * epoch: by default the first article's picture, f(x,y) = x^2 + y^2 with
 * p <- p - lr * grad f = (1 - 2 lr) p; any surface of surface.h with any
 * optimizer of optimizer.h and a learning-rate schedule otherwise. */
#ifndef DESCENT_BOWL_H
#define DESCENT_BOWL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "optimizer.h"
#include "schedule.h"
#include "surface.h"

#define BOWL_PATH_CAP 4096

/* What is descended and how: the surface, the optimizer, the schedule. */
struct bowl_config {
    struct surface surface;
    struct optimizer_params optimizer;
    struct schedule schedule;
};

struct bowl {
    double lr;                   /* the base lr (the schedule's epoch 1) */
    struct bowl_config config;
    double start_x, start_y;     /* where this descent started */
    double x, y;                 /* current point */
    size_t steps;                /* steps since the start */
    double state[2][2];          /* the optimizer's state (optimizer.h:
                                    first, second) for x and y */
    uint64_t updates;            /* the optimizer's t */
    double grad_x, grad_y;       /* the gradient of the last step */
    double step_x, step_y;       /* the last step taken */
    double path_x[BOWL_PATH_CAP];/* the path, start first; once full, the */
    double path_y[BOWL_PATH_CAP];/* oldest points are dropped */
    size_t path_len;
};

/* Where a descent stands, small enough to keep one per epoch (rewind):
 * its start, lr and config name the whole path, steps how far along. */
struct bowl_mark {
    double lr, start_x, start_y;
    size_t steps;
    struct bowl_config config; /* all zero: the default bowl with sgd */
};

/* The defaults: the bowl x^2+y^2 (kappa 10 for the stretched one), sgd,
 * a constant lr. */
struct bowl_config bowl_config_default(void);

/* f(x, y) = x^2 + y^2. */
double bowl_f(double x, double y);
/* The value of b's surface at (x, y). */
double bowl_value(const struct bowl *b, double x, double y);
/* Starts a descent of the default config (bowl_config_default: x^2+y^2
 * with sgd) at (x, y) with learning rate lr. */
void bowl_start(struct bowl *b, double x, double y, double lr);
/* Starts a descent at (x, y) with base learning rate lr, keeping b's
 * config, the optimizer's state at zero. */
void bowl_restart(struct bowl *b, double x, double y, double lr);
/* Sets what b descends (surface, optimizer, schedule) and restarts the
 * descent from its start at its lr. */
void bowl_configure(struct bowl *b, const struct bowl_config *config);
/* One step: the gradient of the surface, the optimizer's update at the
 * schedule's lr for epoch steps+1. sgd on the bowl is x <- x - lr*(2x),
 * y <- y - lr*(2y). A coordinate that is not finite stays put. */
void bowl_step(struct bowl *b);
/* The lr the next step uses (the schedule's). */
double bowl_current_lr(const struct bowl *b);

/* The mark of the descent as it stands. */
struct bowl_mark bowl_mark(const struct bowl *b);
/* Puts the descent where mark says, bit for bit as if it had been run
 * from its start: it cuts the path back when b is the same stateless
 * (sgd) descent further along, steps on when it is the same descent
 * behind, and otherwise runs the descent again from its start
 * (O(steps)). */
void bowl_restore(struct bowl *b, const struct bowl_mark *m);

#endif
