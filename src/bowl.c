/* bowl.c - the descent on a surface shown beside the data (x^2+y^2 by
 * default), and its marks: a descent put back to any step exactly
 * (rewind). */
#include "bowl.h"

#include <math.h>
#include <string.h>

#include "util.h"

struct bowl_config bowl_config_default(void)
{
    struct bowl_config c;
    c.surface = (struct surface){SURFACE_BOWL, 10.0};
    c.optimizer = optimizer_params_default();
    c.schedule = schedule_default();
    return c;
}

double bowl_f(double x, double y)
{
    return x * x + y * y;
}

double bowl_value(const struct bowl *b, double x, double y)
{
    return surface_f(&b->config.surface, x, y);
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
    b->config = bowl_config_default();
    bowl_restart(b, x, y, lr);
}

void bowl_configure(struct bowl *b, const struct bowl_config *config)
{
    b->config = *config;
    bowl_restart(b, b->start_x, b->start_y, b->lr);
}

void bowl_restart(struct bowl *b, double x, double y, double lr)
{
    b->lr = lr;
    b->start_x = x;
    b->start_y = y;
    b->x = x;
    b->y = y;
    b->steps = 0;
    memset(b->state, 0, sizeof b->state);
    b->updates = 0;
    b->grad_x = b->grad_y = 0.0;
    b->step_x = b->step_y = 0.0;
    b->path_len = 0;
    bowl_record(b);
}

double bowl_current_lr(const struct bowl *b)
{
    return schedule_lr(&b->config.schedule, b->lr, b->steps + 1);
}

void bowl_step(struct bowl *b)
{
    /* theta - lr*g as the optimizer writes it: for sgd on the bowl, the
     * numbers of p - lr*grad f, not (1-2lr)p */
    double g[2], theta[2] = {b->x, b->y}, step[2];
    surface_gradient(&b->config.surface, b->x, b->y, &g[0], &g[1]);
    struct optimizer o;
    optimizer_bind(&o, &b->config.optimizer, 2, b->state[0], b->state[1], b->updates);
    optimizer_step(&o, theta, g, bowl_current_lr(b), step);
    b->updates = o.t;
    b->grad_x = g[0], b->grad_y = g[1];
    b->step_x = step[0], b->step_y = step[1];
    if (isfinite(b->x))
        b->x = theta[0];
    if (isfinite(b->y))
        b->y = theta[1]; /* an infinite point stays put: no inf - inf */
    b->steps++;
    bowl_record(b);
}

struct bowl_mark bowl_mark(const struct bowl *b)
{
    struct bowl_mark m = {b->lr, b->start_x, b->start_y, b->steps, b->config};
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

static bool same_config(const struct bowl_config *a, const struct bowl_config *b)
{
    const struct optimizer_params *p = &a->optimizer, *q = &b->optimizer;
    return a->surface.kind == b->surface.kind &&
           util_same_bits(a->surface.kappa, b->surface.kappa) &&
           p->kind == q->kind && util_same_bits(p->momentum, q->momentum) &&
           util_same_bits(p->rho, q->rho) && util_same_bits(p->beta1, q->beta1) &&
           util_same_bits(p->beta2, q->beta2) && util_same_bits(p->eps, q->eps) &&
           a->schedule.kind == b->schedule.kind &&
           util_same_bits(a->schedule.decay, b->schedule.decay) &&
           a->schedule.every == b->schedule.every;
}

void bowl_restore(struct bowl *b, const struct bowl_mark *m)
{
    bool same = util_same_bits(b->lr, m->lr) && util_same_bits(b->start_x, m->start_x) &&
                util_same_bits(b->start_y, m->start_y) && same_config(&b->config, &m->config);
    bool stateless = b->config.optimizer.kind == OPTIMIZER_SGD;
    /* Cutting back is exact when it leaves the points a fresh run keeps
     * and the optimizer has no state to put back. */
    if (same && stateless && b->steps >= m->steps && b->path_len > b->steps - m->steps &&
        b->path_len - (b->steps - m->steps) == fresh_path_len(m->steps)) {
        size_t back = b->steps - m->steps;
        b->path_len -= back;
        b->steps = m->steps;
        b->updates = m->steps;
        b->x = b->path_x[b->path_len - 1];
        b->y = b->path_y[b->path_len - 1];
        if (back && b->path_len > 1) {
            b->step_x = b->x - b->path_x[b->path_len - 2];
            b->step_y = b->y - b->path_y[b->path_len - 2];
            surface_gradient(&b->config.surface, b->path_x[b->path_len - 2],
                             b->path_y[b->path_len - 2], &b->grad_x, &b->grad_y);
        }
        return;
    }
    if (!same || b->steps > m->steps) {
        b->config = m->config;
        bowl_restart(b, m->start_x, m->start_y, m->lr);
    }
    while (b->steps < m->steps)
        bowl_step(b);
}
