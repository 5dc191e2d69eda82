/* bowl.c - the descent on f(x,y) = x^2 + y^2 shown beside the data. */
#include "bowl.h"

#include <math.h>
#include <string.h>

double bowl_f(double x, double y)
{
    return x * x + y * y;
}

static void bowl_record(struct bowl *b)
{
    if (b->path_len == BOWL_PATH_CAP) {
        size_t keep = BOWL_PATH_CAP / 2;
        memmove(b->path_x, b->path_x + (BOWL_PATH_CAP - keep), keep * sizeof b->path_x[0]);
        memmove(b->path_y, b->path_y + (BOWL_PATH_CAP - keep), keep * sizeof b->path_y[0]);
        b->path_len = keep;
    }
    b->path_x[b->path_len] = b->x;
    b->path_y[b->path_len] = b->y;
    b->path_len++;
}

void bowl_start(struct bowl *b, double x, double y, double lr)
{
    b->lr = lr;
    b->x = x;
    b->y = y;
    b->steps = 0;
    b->path_len = 0;
    bowl_record(b);
}

void bowl_step(struct bowl *b)
{
    /* grad f = (2x, 2y); written as the article's update, not (1-2lr)p,
     * so the numbers are those of p - lr*grad f. */
    if (isfinite(b->x))
        b->x = b->x - b->lr * (2.0 * b->x);
    if (isfinite(b->y))
        b->y = b->y - b->lr * (2.0 * b->y); /* an infinite point stays put: no inf - inf */
    b->steps++;
    bowl_record(b);
}
