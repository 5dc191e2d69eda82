/* view_scatter.c - the data panel. Classification: the two plotted
 * columns of the selected pair of classes by glyph and colour, the
 * boundary a = 0.5 (a straight line when the neuron is affine in the
 * plotted plane, else its level curve, e.g. a circle for x1^2, x2^2), the
 * decision regions and misclassified points when shown, the held-out test
 * points with their own glyphs, a legend. Regression with one input: the
 * target against the input with the fitted curve; with two: the inputs by
 * the target's fifth (digit and colour) with the fitted surface's level
 * lines at the same steps. Columns the terms use but the plane does not
 * show are held at their mean, said on a second legend line. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "network.h"
#include "terms.h"
#include "util.h"
#include "view_cache.h"
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

/* Regression: the target's range cut in this many equal steps. */
#define TARGET_STEPS 5

struct scatter_ctx {
    const struct trainer *t;
    const struct dataset *d;
    size_t offset;          /* sample index of the points' first (test: n) */
};

static double output_at(double x, double y, const void *ctx)
{
    const struct scatter_ctx *s = ctx;
    return trainer_output_at(s->t, x, y);
}

static bool misclassified(size_t i, const void *ctx)
{
    const struct scatter_ctx *s = ctx;
    double features[TERMS_MAX];
    dataset_features_of(s->d, s->offset + i, features);
    const struct train_config *cf = &s->t->config;
    double a = network_output(s->t->theta, s->d->nfeatures, cf->hidden,
                              cf->hidden_activation, cf->activation, features, NULL);
    if (isnan(a))
        return false;
    return (a >= 0.5) != (s->d->y[s->offset + i] >= 0.5);
}

/* True when z is affine in the plotted (x, y): every term that uses a
 * plotted column is that column alone. */
static bool plane_affine(const struct dataset *d)
{
    if (d->terms == NULL)
        return true;
    for (size_t j = 0; j < d->terms->count; j++) {
        const struct term *t = &d->terms->term[j];
        bool plotted = false;
        for (size_t k = 0; k < t->count; k++)
            plotted |= t->factor[k].column == d->plot_column[0]
                       || t->factor[k].column == d->plot_column[1];
        if (plotted && !(t->count == 1 && t->factor[0].kind == FACTOR_COLUMN))
            return false;
    }
    return true;
}

/* z at the plane point (x, y). */
static double sum_at(const struct trainer *t, double x, double y)
{
    double features[TERMS_MAX];
    dataset_features_at(t->data, x, y, features);
    return neuron_sum(t->theta, t->data->nfeatures, features);
}

/* The boundary a = 0.5: with the default features the line w1 x + w2 y +
 * b = t itself; an affine z its line through z's values at three points;
 * otherwise the level curve of a at 0.5, dot by dot. */
static void draw_boundary(struct canvas *c, const struct plot *p,
                          const struct scatter_ctx *ctx)
{
    const struct trainer *t = ctx->t;
    const struct dataset *d = ctx->d;
    double threshold = decision_threshold(t->config.activation);
    if (t->config.hidden > 0) {
        static const double half = 0.5;
        const struct style line = STYLE_LINE;
        plot_contours(c, p, output_at, ctx, &half, 1, &line, 1, false);
    } else if (d->terms == NULL) {
        const double *w = t->theta;
        plot_line(c, p, w[0], w[1], w[2] - threshold, STYLE_LINE);
    } else if (plane_affine(d)) {
        double z0 = sum_at(t, 0, 0);
        plot_line(c, p, sum_at(t, 1, 0) - z0, sum_at(t, 0, 1) - z0, z0 - threshold,
                  STYLE_LINE);
    } else {
        static const double half = 0.5;
        const struct style line = STYLE_LINE;
        plot_contours(c, p, output_at, ctx, &half, 1, &line, 1, false);
    }
}

/* The columns the terms use that are not plotted, "name mean" each, into
 * buf ("" when none). */
static void held_columns(const struct dataset *d, char *buf, size_t size)
{
    buf[0] = '\0';
    if (d->terms == NULL)
        return;
    size_t used = 0;
    size_t seen[TERMS_MAX * TERM_FACTORS_MAX];
    for (size_t j = 0; j < d->terms->count; j++) {
        const struct term *t = &d->terms->term[j];
        for (size_t k = 0; k < t->count; k++) {
            size_t col = t->factor[k].column;
            bool dup = col == d->plot_column[0] || col == d->plot_column[1];
            for (size_t i = 0; i < used && !dup; i++)
                dup = seen[i] == col;
            if (dup)
                continue;
            seen[used++] = col;
            char name[64], mean[24];
            term_factor_name(t, k, name, sizeof name);
            plot_format_number(mean, sizeof mean, d->column_mean[col], -1);
            size_t at = strlen(buf);
            snprintf(buf + at, size - at, "%s%s %s", at ? ", " : "held at mean: ",
                     name, mean);
        }
    }
}

/* The finite range of v[0..n) padded by 6% each side (half a unit when
 * it is a single value; [-1, 1] before padding when none is finite);
 * kept in rc from frame to frame when rc is not NULL. */
static void data_range(const double *v, size_t n, double *lo, double *hi,
                       struct range_cache *rc)
{
    if (!(rc ? range_cache_get(rc, v, n, lo, hi) : util_finite_range(v, n, lo, hi))) {
        *lo = -1;
        *hi = 1;
    }
    double pad = (*hi - *lo) * 0.06;
    if (pad == 0)
        pad = 0.5;
    *lo -= pad;
    *hi += pad;
}

/* The axes for xs against ys over count samples (training, then test
 * when shown), drawn when there is room; *p the data window either way. */
static void lay_axes(struct canvas *c, struct rect area, const double *xs,
                     const double *ys, size_t count, const char *const names[2],
                     struct plot *p, struct view_cache *cache)
{
    double x0, x1, y0, y1;
    data_range(xs, count, &x0, &x1, cache ? &cache->raster.range[0] : NULL);
    data_range(ys, count, &y0, &y1, cache ? &cache->raster.range[1] : NULL);
    struct axes ax = {.x0 = x0, .x1 = x1, .y0 = y0, .y1 = y1, .y_nice = true,
                      .x_name = names[0], .y_name = names[1], .y_name_above = true};
    if (!plot_axes(c, area, &ax, STYLE_DIM, p))
        plot_init(p, area, x0, x1, y0, y1);
}

static const enum colour target_ramp[TARGET_STEPS] = {
    COLOUR_BLUE, COLOUR_CYAN, COLOUR_GREEN, COLOUR_YELLOW, COLOUR_RED,
};

/* Regression with two inputs: each point as the digit of its target's
 * step (0 lowest .. 4 highest) in that step's colour, test points as
 * "+"; the fitted surface's level lines at the steps' edges; the regions
 * between them shaded when shown. Writes the legend's step text. */
static void draw_target_plane(struct canvas *c, const struct plot *p,
                              const struct view_state *s, const struct scatter_ctx *ctx,
                              size_t count, char *legend, size_t size)
{
    const struct dataset *d = s->data;
    double lo, hi;
    if (!util_finite_range(d->y, count, &lo, &hi))
        lo = hi = 0;
    double step = (hi - lo) / TARGET_STEPS;
    double levels[TARGET_STEPS - 1];
    for (int k = 1; k < TARGET_STEPS; k++)
        levels[k - 1] = lo + step * k;
    bool flat = !(step > 0);
    if (!flat && s->regions)
        plot_bands(c, p, output_at, ctx, levels, TARGET_STEPS - 1, s->colour,
                   target_ramp, TARGET_STEPS, view_glyphs_for(c->utf8)->region);
    if (!flat) {
        struct style styles[TARGET_STEPS];
        for (int k = 0; k < TARGET_STEPS; k++)
            styles[k] = style_of(target_ramp[k], 0);
        plot_contours(c, p, output_at, ctx, levels, TARGET_STEPS - 1, styles,
                      TARGET_STEPS, false);
    }
    for (size_t i = 0; i < count; i++) {
        int k = flat ? 0 : (int)((d->y[i] - lo) / step);
        k = k < 0 ? 0 : k >= TARGET_STEPS ? TARGET_STEPS - 1 : k;
        char glyph[2] = {(char)('0' + k), '\0'};
        plot_point(c, p, d->x1[i], d->x2[i], i < d->n ? glyph : "+",
                   style_of(target_ramp[k], ATTR_BOLD));
    }
    char a[24], b[24];
    plot_format_number(a, sizeof a, lo, -1);
    plot_format_number(b, sizeof b, hi, -1);
    snprintf(legend, size, "0..4 %s: %s to %s, lines a at the steps",
             d->label_name ? d->label_name : "y", a, b);
}

/* Regression with one input: the target against the input, test points
 * as "+", the fitted curve a(x) sampled at every dot column. */
static void draw_target_curve(struct canvas *c, const struct plot *p,
                              const struct view_state *s, size_t count)
{
    const struct dataset *d = s->data;
    for (size_t i = 0; i < count; i++)
        plot_point(c, p, d->x1[i], d->y[i], i < d->n ? "o" : "+",
                   i < d->n ? STYLE_CLASS0 : STYLE_CLASS1);
    int dots = 2 * p->area.w;
    double step = dots > 1 ? (p->x1 - p->x0) / (dots - 1) : 0;
    double xa = p->x0, ya = trainer_output_at(s->trainer, xa, xa);
    for (int i = 1; i < dots; i++) {
        double xb = p->x0 + step * i, yb = trainer_output_at(s->trainer, xb, xb);
        if (isfinite(ya) && isfinite(yb))
            plot_segment(c, p, xa, ya, xb, yb, STYLE_LINE);
        xa = xb;
        ya = yb;
    }
}

void view_scatter_draw(struct canvas *c, const struct rect box,
                         const struct view_state *s)
{
    const struct dataset *d = s->data;
    const struct trainer *t = s->trainer;
    const struct view_glyphs *g = view_glyphs_for(c->utf8);
    bool one_input = d->regression && d->plot_column[0] == d->plot_column[1];
    /* Axis names, "z(name)" when standardised; the title reads "y vs x". */
    char names[2][128], title[300];
    const char *raw[2] = {d->x_name ? d->x_name : "x1", d->y_name ? d->y_name : "x2"};
    for (int k = 0; k < 2; k++)
        snprintf(names[k], sizeof names[k], d->standardized ? "z(%s)" : "%s", raw[k]);
    if (one_input) {
        snprintf(names[1], sizeof names[1], "%s", d->label_name ? d->label_name : "y");
        snprintf(title, sizeof title, "data: %s against %s", names[1], names[0]);
    } else {
        snprintf(title, sizeof title, "data: %s vs %s", names[1], names[0]);
    }
    const char *const axis_names[2] = {names[0], names[1]};
    canvas_box(c, box, title, STYLE_FRAME);
    struct rect in = view_inner(box);
    if (in.w < 10 || in.h < 5)
        return;
    char held[256];
    held_columns(d, held, sizeof held);
    int legend_rows = held[0] != '\0' && in.h >= 8 ? 2 : 1;
    bool show_test = d->n_test > 0 && !s->test_hidden;
    size_t count = show_test ? d->n + d->n_test : d->n;
    struct rect area = {in.x, in.y + legend_rows, in.w, in.h - legend_rows};
    struct plot p;
    lay_axes(c, area, d->x1, one_input ? d->y : d->x2, count, axis_names, &p, s->cache);
    struct scatter_ctx ctx = {t, d, 0};
    char legend[160] = "";
    int x = in.x;
    if (one_input) {
        draw_target_curve(c, &p, s, count);
        x += canvas_text(c, x, in.y, in.x + in.w - x, "o", STYLE_CLASS0) + 1;
        x += canvas_text(c, x, in.y, in.x + in.w - x, "training", STYLE_TEXT) + 2;
    } else if (d->regression) {
        draw_target_plane(c, &p, s, &ctx, count, legend, sizeof legend);
        x += canvas_text(c, x, in.y, in.x + in.w - x, legend, STYLE_TEXT) + 2;
    } else {
        if (s->regions) {
            static const enum colour ramp[2] = {COLOUR_BLUE, COLOUR_YELLOW};
            static const double half = 0.5;
            plot_bands(c, &p, output_at, &ctx, &half, 1, s->colour, ramp, 2,
                       g->region);
        }
        view_units_draw_lines(c, &p, t);
        draw_boundary(c, &p, &ctx);
        view_units_draw_numbers(c, &p, t);
        struct scatter_class classes[2] = {
            {"o", "O", STYLE_CLASS0, style_of(COLOUR_BLUE, ATTR_BOLD | ATTR_REVERSE)},
            {"x", "X", STYLE_CLASS1, style_of(COLOUR_YELLOW, ATTR_BOLD | ATTR_REVERSE)},
        };
        bool overlap;
        if (s->cache && scatter_raster_update(&s->cache->raster, &p, d->x1, d->x2, d->y, d->n))
            overlap = scatter_raster_draw(c, &s->cache->raster, classes,
                                          s->regions ? misclassified : NULL, &ctx);
        else
            overlap = plot_scatter(c, &p, d->x1, d->x2, d->y, d->n, classes,
                                   s->regions ? misclassified : NULL, &ctx);
        if (show_test) {
            struct scatter_ctx test = {t, d, d->n};
            struct scatter_class tests[2] = {
                {c->utf8 ? "◦" : "c", "@", STYLE_CLASS0,
                 style_of(COLOUR_BLUE, ATTR_BOLD | ATTR_REVERSE)},
                {"+", "#", STYLE_CLASS1, style_of(COLOUR_YELLOW, ATTR_BOLD | ATTR_REVERSE)},
            };
            plot_scatter(c, &p, d->x1 + d->n, d->x2 + d->n, d->y + d->n, d->n_test,
                         tests, s->regions ? misclassified : NULL, &test);
        }
        /* Legend, last: it mentions "*" only when two classes shared a cell. */
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
    }
    if (show_test && in.x + in.w - x > 8) {
        const char *glyphs = one_input || d->regression ? "+" : c->utf8 ? "◦ +" : "c +";
        x += canvas_text(c, x, in.y, in.x + in.w - x, glyphs, STYLE_CLASS1);
        x += canvas_text(c, x, in.y, in.x + in.w - x, " test", STYLE_TEXT) + 2;
    }
    if (!d->regression && t->config.hidden > 0 && in.x + in.w - x > 30)
        textf(c, x, in.y, in.x + in.w - x, STYLE_DIM, "line: a = 0.5, dots 1-%zu: u = 0",
              t->config.hidden);
    else if (!d->regression && in.w >= 60 && in.x + in.w - x > 16)
        textf(c, x, in.y, in.x + in.w - x, STYLE_DIM, "line: a = 0.5");
    else if (one_input && in.x + in.w - x > 16)
        textf(c, x, in.y, in.x + in.w - x, STYLE_DIM, "line: the fit a(x)");
    if (legend_rows == 2)
        canvas_text(c, in.x, in.y + 1, in.w, held, STYLE_DIM);
}
