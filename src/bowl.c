/* bowl.c - the descent on f(x,y) = x^2 + y^2 shown beside the data, and
 * its marks: a descent put back to any step exactly (rewind). */
#include "bowl.h"

#include <math.h>
#include <string.h>

#include "util.h"

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
    b->start_x = x;
    b->start_y = y;
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

struct bowl_mark bowl_mark(const struct bowl *b)
{
    struct bowl_mark m = {b->lr, b->start_x, b->start_y, b->steps};
    return m;
}

/* How many points a fresh descent of k steps keeps (see bowl_record). */
static size_t fresh_path_len(size_t k)
{
    size_t keep = BOWL_PATH_CAP / 2;
    if (k < BOWL_PATH_CAP)
        return k + 1;
    return keep + 1 + (k - BOWL_PATH_CAP) % (BOWL_PATH_CAP - keep);
}

void bowl_restore(struct bowl *b, const struct bowl_mark *m)
{
    bool same = util_same_bits(b->lr, m->lr) && util_same_bits(b->start_x, m->start_x) &&
                util_same_bits(b->start_y, m->start_y);
    /* Cutting back is exact when it leaves the points a fresh run keeps. */
    if (same && b->steps >= m->steps && b->path_len > b->steps - m->steps &&
        b->path_len - (b->steps - m->steps) == fresh_path_len(m->steps)) {
        size_t back = b->steps - m->steps;
        b->path_len -= back;
        b->steps = m->steps;
        b->x = b->path_x[b->path_len - 1];
        b->y = b->path_y[b->path_len - 1];
        return;
    }
    if (!same || b->steps > m->steps)
        bowl_start(b, m->start_x, m->start_y, m->lr);
    while (b->steps < m->steps)
        bowl_step(b);
}
