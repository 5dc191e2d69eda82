/* bowl.h - gradient descent on f(x,y) = x^2 + y^2, the first article's
 * picture: p <- p - lr * grad f = (1 - 2 lr) p, one step per epoch. */
#ifndef DESCENT_BOWL_H
#define DESCENT_BOWL_H

#include <stddef.h>

#define BOWL_PATH_CAP 4096

struct bowl {
    double lr;
    double x, y;                 /* current point */
    size_t steps;                /* steps since the start */
    double path_x[BOWL_PATH_CAP];/* the path, start first; once full, the */
    double path_y[BOWL_PATH_CAP];/* oldest points are dropped */
    size_t path_len;
};

/* f(x, y) = x^2 + y^2. */
double bowl_f(double x, double y);
/* Starts a descent at (x, y) with learning rate lr. */
void bowl_start(struct bowl *b, double x, double y, double lr);
/* One gradient step: x <- x - lr*2x, y <- y - lr*2y. */
void bowl_step(struct bowl *b);

#endif
