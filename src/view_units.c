/* view_units.c - the hidden units on the screen, apart from the network
 * diagram: each unit's own line u_j = 0 in the data panel (dotted, so the
 * network's boundary a = 0.5 stays the one solid line, and numbered 1..H
 * where it meets the plot's edge), and a unit's activation h_j over the
 * plotted plane as a small shaded heatmap (the diagram's). Both sample the
 * plane through dataset_features_at, so they hold for any feature terms. */
#include <math.h>
#include <stdio.h>

#include "network.h"
#include "plot_internal.h"
#include "terms.h"
#include "views_internal.h"

struct unit_ctx {
    const struct trainer *t;
    size_t j;       /* the unit, 0-based */
};

/* u_j at the plane point (x, y). */
static double unit_sum_at(double x, double y, const void *ctx)
{
    const struct unit_ctx *u = ctx;
    double features[TERMS_MAX > 2 ? TERMS_MAX : 2];
    const struct dataset *d = u->t->data;
    if (d->nfeatures > sizeof features / sizeof features[0])
        return NAN;
    dataset_features_at(d, x, y, features);
    return network_unit_sum(u->t->theta, d->nfeatures, u->j, features);
}

/* h_j at the plane point (x, y). */
static double unit_value_at(double x, double y, const void *ctx)
{
    const struct unit_ctx *u = ctx;
    return trainer_unit_at(u->t, u->j, x, y);
}

/* Where u crosses 0 on the area's rim: the first cell of the walk round
 * it (top edge left to right, right edge down, bottom edge right to left,
 * left edge up) whose dot centre has another sign than the one before,
 * skipping cells taken[] already holds. false when the line misses. */
static bool rim_crossing(const struct plot *p, const struct unit_ctx *ctx,
                         const int *taken, size_t ntaken, int *cx, int *cy)
{
    const struct rect *a = &p->area;
    int n = 2 * (a->w + a->h) - 4;
    if (a->w < 2 || a->h < 2)
        return false;
    int prev = -1;
    for (int k = 0; k <= n; k++) {
        int i = k % n, col, row;
        if (i < a->w) {
            col = i;
            row = 0;
        } else if (i < a->w + a->h - 1) {
            col = a->w - 1;
            row = i - a->w + 1;
        } else if (i < 2 * a->w + a->h - 2) {
            col = a->w - 1 - (i - (a->w + a->h - 2));
            row = a->h - 1;
        } else {
            col = 0;
            row = a->h - 1 - (i - (2 * a->w + a->h - 3));
        }
        double x, y;
        plot_dot_to_data(p, 2.0 * col + 1.0, 4.0 * row + 2.0, &x, &y);
        double u = unit_sum_at(x, y, ctx);
        int side = isnan(u) ? -1 : u >= 0;
        bool free_cell = true;
        for (size_t q = 0; q < ntaken; q++)
            free_cell &= taken[2 * q] != a->x + col || taken[2 * q + 1] != a->y + row;
        if (k > 0 && side >= 0 && prev >= 0 && side != prev && free_cell) {
            *cx = a->x + col;
            *cy = a->y + row;
            return true;
        }
        prev = side;
    }
    return false;
}

void view_units_draw_lines(struct canvas *c, const struct plot *p,
                           const struct trainer *t)
{
    size_t hidden = t->config.hidden;
    static const double zero = 0.0;
    const struct style line = STYLE_DIM;
    for (size_t j = 0; j < hidden; j++) {
        struct unit_ctx ctx = {t, j};
        plot_contours(c, p, unit_sum_at, &ctx, &zero, 1, &line, 1, true);
    }
}

void view_units_draw_numbers(struct canvas *c, const struct plot *p,
                             const struct trainer *t)
{
    size_t hidden = t->config.hidden;
    int taken[2 * NETWORK_HIDDEN_MAX];
    size_t ntaken = 0;
    for (size_t j = 0; j < hidden && j < NETWORK_HIDDEN_MAX; j++) {
        struct unit_ctx ctx = {t, j};
        int cx, cy;
        if (!rim_crossing(p, &ctx, taken, ntaken, &cx, &cy))
            continue;
        char digit[2] = {(char)('1' + j), '\0'};
        canvas_put(c, cx, cy, digit, STYLE_TITLE);
        taken[2 * ntaken] = cx;
        taken[2 * ntaken + 1] = cy;
        ntaken++;
    }
}

/* The levels that cut g's outputs into four shades: the quarters of its
 * range (tanh, sigmoid), or 0 and the unit's scale (relu, linear). */
static void heat_levels(enum hidden_activation g, double levels[3])
{
    switch (g) {
    case HIDDEN_TANH:
        levels[0] = -0.5, levels[1] = 0.0, levels[2] = 0.5;
        break;
    case HIDDEN_SIGMOID:
        levels[0] = 0.25, levels[1] = 0.5, levels[2] = 0.75;
        break;
    case HIDDEN_RELU:
        levels[0] = 1e-12, levels[1] = 0.5, levels[2] = 1.0;
        break;
    default:
        levels[0] = -0.5, levels[1] = 0.0, levels[2] = 0.5;
        break;
    }
}

void view_units_draw_heat(struct canvas *c, struct rect r, const struct plot *plane,
                          const struct trainer *t, size_t j, bool colour)
{
    struct plot p;
    plot_init(&p, r, plane->x0, plane->x1, plane->y0, plane->y1);
    double levels[3];
    heat_levels(t->config.hidden_activation, levels);
    static const enum colour ramp[4] = {COLOUR_BLUE, COLOUR_CYAN, COLOUR_WHITE,
                                        COLOUR_YELLOW};
    struct unit_ctx ctx = {t, j};
    plot_bands(c, &p, unit_value_at, &ctx, levels, 3, colour, ramp, 4,
               c->utf8 ? "·░▒▓" : ".:+#");
}
