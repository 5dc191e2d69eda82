/* bowl.h - gradient descent on f(x,y) = x^2 + y^2, the first article's
 * picture: p <- p - lr * grad f = (1 - 2 lr) p, one step per epoch. */
#ifndef DESCENT_BOWL_H
#define DESCENT_BOWL_H

#include <stdbool.h>
#include <stddef.h>

#define BOWL_PATH_CAP 4096

struct bowl {
    double lr;
    double start_x, start_y;     /* where this descent started */
    double x, y;                 /* current point */
    size_t steps;                /* steps since the start */
    double path_x[BOWL_PATH_CAP];/* the path, start first; once full, the */
    double path_y[BOWL_PATH_CAP];/* oldest points are dropped */
    size_t path_len;
};

/* Where a descent stands, small enough to keep one per epoch (rewind):
 * its start and lr name the whole path, steps how far along it is. */
struct bowl_mark {
    double lr, start_x, start_y;
    size_t steps;
};

/* f(x, y) = x^2 + y^2. */
double bowl_f(double x, double y);
/* Starts a descent at (x, y) with learning rate lr. */
void bowl_start(struct bowl *b, double x, double y, double lr);
/* One gradient step: x <- x - lr*2x, y <- y - lr*2y. */
void bowl_step(struct bowl *b);

/* The mark of the descent as it stands. */
struct bowl_mark bowl_mark(const struct bowl *b);
/* Puts the descent where mark says, bit for bit as if it had been run
 * from its start: it cuts the path back when b is the same descent further
 * along, steps on when it is the same descent behind, and otherwise runs
 * the descent again from its start (O(steps)). */
void bowl_restore(struct bowl *b, const struct bowl_mark *m);

#endif
