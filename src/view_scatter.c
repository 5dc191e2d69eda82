/* view_scatter.c - the data panel: two features of the selected pair of
 * classes by glyph and colour, the separating line w1*x + w2*y + b = t,
 * the decision regions and misclassified points when shown, a legend. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>

#include "util.h"
#include "views_internal.h"

/* printf into a fixed buffer, as text on the canvas; returns its width. */
__attribute__((format(printf, 6, 7)))
static int textf(struct canvas *c, int x, int y, int max, struct style st,
                 const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return canvas_text(c, x, y, max, buf, st);
}


/* The a = 0.5 threshold in z: the decision boundary is w.x + b = t. */
static double decision_threshold(enum activation act)
{
    return act == ACT_LINEAR || act == ACT_RELU ? 0.5 : 0.0;
}


struct scatter_ctx {
    const struct trainer *t;
    const struct dataset *d;
};

static double activation_at(double x, double y, const void *ctx)
{
    const struct scatter_ctx *s = ctx;
    return trainer_output_at(s->t, x, y);
}

static bool misclassified(size_t i, const void *ctx)
{
    const struct scatter_ctx *s = ctx;
    double features[DATASET_COLUMNS_MAX + 1];
    dataset_features_of(s->d, i, features);
    double a = neuron_output(s->t->theta, s->d->nfeatures,
                             s->t->config.activation, features);
    if (isnan(a))
        return false;
    return (a >= 0.5) != (s->d->y[i] >= 0.5);
}

/* The finite range of v[0..n) padded by 6% each side (half a unit when
 * it is a single value; [-1, 1] before padding when none is finite). */
static void data_range(const double *v, size_t n, double *lo, double *hi)
{
    if (!util_finite_range(v, n, lo, hi)) {
        *lo = -1;
        *hi = 1;
    }
    double pad = (*hi - *lo) * 0.06;
    if (pad == 0)
        pad = 0.5;
    *lo -= pad;
    *hi += pad;
}

void view_scatter_draw(struct canvas *c, const struct rect box,
                         const struct view_state *s)
{
    const struct dataset *d = s->data;
    const struct trainer *t = s->trainer;
    const struct view_glyphs *g = view_glyphs_for(c->utf8);
    char title[256];
    snprintf(title, sizeof title, "data: %s vs %s", d->x_name ? d->x_name : "x1",
             d->y_name ? d->y_name : "x2");
    canvas_box(c, box, title, STYLE_FRAME);
    struct rect in = view_inner(box);
    if (in.w < 10 || in.h < 5)
        return;
    double x0, x1, y0, y1;
    data_range(d->x1, d->n, &x0, &x1);
    data_range(d->x2, d->n, &y0, &y1);
    struct axes ax = {.x0 = x0, .x1 = x1, .y0 = y0, .y1 = y1, .y_nice = true};
    struct rect area = {in.x, in.y + 1, in.w, in.h - 1};
    struct plot p;
    if (!plot_axes(c, area, &ax, STYLE_DIM, &p))
        plot_init(&p, area, x0, x1, y0, y1);

    struct scatter_ctx ctx = {t, d};
    const struct neuron two = neuron_two_of(t->theta, t->nparams), *n = &two;
    if (s->regions) {
        static const enum colour ramp[2] = {COLOUR_BLUE, COLOUR_YELLOW};
        static const double half = 0.5;
        plot_bands(c, &p, activation_at, &ctx, &half, 1, s->colour, ramp, 2,
                   g->region);
    }
    if (d->terms == NULL) /* the features are the plotted columns */
        plot_line(c, &p, n->w1, n->w2, n->b - decision_threshold(t->config.activation),
                  STYLE_LINE);
    struct scatter_class classes[2] = {
        {"o", "O", STYLE_CLASS0, style_of(COLOUR_BLUE, ATTR_BOLD | ATTR_REVERSE)},
        {"x", "X", STYLE_CLASS1, style_of(COLOUR_YELLOW, ATTR_BOLD | ATTR_REVERSE)},
    };
    bool overlap = plot_scatter(c, &p, d->x1, d->x2, d->y, d->n, classes,
                                s->regions ? misclassified : NULL, &ctx);
    /* Legend, last: it mentions "*" only when two classes shared a cell. */
    int x = in.x;
    x += canvas_text(c, x, in.y, in.x + in.w - x, "o", STYLE_CLASS0) + 1;
    x += textf(c, x, in.y, in.x + in.w - x, STYLE_TEXT, "%s",
               d->class_name[0] ? d->class_name[0] : "0") + 2;
    x += canvas_text(c, x, in.y, in.x + in.w - x, "x", STYLE_CLASS1) + 1;
    x += textf(c, x, in.y, in.x + in.w - x, STYLE_TEXT, "%s",
               d->class_name[1] ? d->class_name[1] : "1") + 2;
    if (s->regions && in.x + in.w - x > 12) {
        x += canvas_text(c, x, in.y, in.x + in.w - x, "O X", STYLE_DIM) + 1;
        x += canvas_text(c, x, in.y, in.x + in.w - x, "wrong", STYLE_TEXT) + 2;
    }
    if (overlap && in.x + in.w - x > 8) {
        x += canvas_text(c, x, in.y, in.x + in.w - x, "*", style_of(COLOUR_DEFAULT, ATTR_BOLD)) + 1;
        x += canvas_text(c, x, in.y, in.x + in.w - x, "both", STYLE_TEXT) + 2;
    }
    if (in.w >= 60 && in.x + in.w - x > 16)
        textf(c, x, in.y, in.x + in.w - x, STYLE_DIM, "line: a = 0.5");

}

