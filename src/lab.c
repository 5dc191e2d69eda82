/* lab.c - the start of a descent and the race of every optimizer
 * (lab.h). */
#include "lab.h"

#include <math.h>
#include <stddef.h>
#include <string.h>

#include "settings.h"

/* Whether the option that stores the start was given on the command line
 * (found by its field, so that only the settings table names it). */
static bool start_given(const struct options *o)
{
    size_t n;
    const struct setting *rows = settings_table(&n);
    for (size_t i = 0; i < n; i++)
        if (rows[i].offset == offsetof(struct options, start_x))
            return o->explicit_setting[i];
    return false;
}

void lab_start_point(const struct options *o, double *x, double *y)
{
    bool given = start_given(o) || o->start_x != 5.0 || o->start_y != 5.0;
    if (given) {
        *x = o->start_x;
        *y = o->start_y;
    } else {
        surface_start(o->bowl_config.surface.kind, x, y);
    }
}

void race_start(struct race *r, const struct bowl_config *config, double x,
                double y, double lr)
{
    for (int i = 0; i < OPTIMIZER_COUNT; i++) {
        struct bowl_config c = *config;
        c.optimizer.kind = (enum optimizer_kind)i;
        bowl_start(&r->lanes[i], x, y, lr);
        bowl_configure(&r->lanes[i], &c);
    }
    r->winner = -1;
    r->winner_step = 0;
}

void race_step(struct race *r)
{
    double fmin, mx, my;
    bool known = surface_minimum(&r->lanes[0].config.surface, &fmin, &mx, &my);
    for (int i = 0; i < OPTIMIZER_COUNT; i++) {
        struct bowl *b = &r->lanes[i];
        bowl_step(b);
        double f = bowl_value(b, b->x, b->y);
        if (known && r->winner < 0 && isfinite(f) && fabs(f - fmin) <= RACE_TOLERANCE) {
            r->winner = i;
            r->winner_step = b->steps;
        }
    }
}

void race_follow(struct race *r, const struct bowl *b)
{
    const struct bowl *lane = &r->lanes[0];
    struct bowl_config want = b->config, have = lane->config;
    want.optimizer.kind = have.optimizer.kind = OPTIMIZER_SGD;
    struct bowl_mark m = bowl_mark(lane), n = bowl_mark(b);
    bool same = memcmp(&m.lr, &n.lr, sizeof m.lr) == 0 &&
                memcmp(&m.start_x, &n.start_x, sizeof m.start_x) == 0 &&
                memcmp(&m.start_y, &n.start_y, sizeof m.start_y) == 0 &&
                memcmp(&want, &have, sizeof want) == 0;
    if (!same || lane->steps > b->steps)
        race_start(r, &b->config, b->start_x, b->start_y, b->lr);
    while (r->lanes[0].steps < b->steps)
        race_step(r);
}
