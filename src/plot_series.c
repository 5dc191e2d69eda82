/* plot_series.c - a series of values against their positions: the cost
 * per epoch with its axes (downsampled to the width, min and max kept)
 * and the one-row sparkline. It reads plain arrays in place (struct
 * plot_series) and knows nothing of the trainer that owns them. */
#include "plot.h"

#include <math.h>
#include <stdio.h>

#include "plot_internal.h"

#define MAX_SPARK 1024

/* Value and position of point i of a series (see plot.h). */
static double value_at(const struct plot_series *s, size_t i)
{
    const double *v = (const double *)(const void *)
                      ((const char *)s->values + i * s->stride);
    return *v;
}

static double position_at(const struct plot_series *s, size_t i)
{
    if (!s->positions)
        return (double)i;
    const size_t *at = (const size_t *)(const void *)
                       ((const char *)s->positions + i * s->stride);
    if (s->position_div > 1)
        return (double)*at / (double)s->position_div;
    return (double)*at;
}

/* ---------- cost ---------- */

/* Finite range of the costs, and the smallest positive one. */
struct cost_range {
    double lo, hi, min_positive;
    size_t finite;
};

static struct cost_range cost_range(const struct plot_series *s)
{
    struct cost_range cr = {INFINITY, -INFINITY, INFINITY, 0};
    for (size_t i = 0; i < s->n; i++) {
        double v = value_at(s, i);
        if (!isfinite(v))
            continue;
        cr.finite++;
        if (v < cr.lo)
            cr.lo = v;
        if (v > cr.hi)
            cr.hi = v;
        if (v > 0 && v < cr.min_positive)
            cr.min_positive = v;
    }
    return cr;
}

static double scale_cost(double v, bool log_scale, double floor_value)
{
    if (!log_scale)
        return v;
    return log10(v > floor_value ? v : floor_value);
}

struct column {
    double lo, hi, first, last;
    bool has, bad;
};

/* Lays out (c NULL) or draws the axes of the cost plot; *p, *cr and
 * *use_log receive what the plot of the curve needs. */
static void cost_frame(struct canvas *c, struct rect r,
                       const struct plot_series *s, const struct plot_series *const *extra,
                       size_t nextra, bool log_scale, struct style axis_style,
                       struct cost_range *range, bool *log_used, struct plot *p)
{
    struct cost_range cr = cost_range(s);
    for (size_t e = 0; e < nextra; e++) { /* the range holds every series */
        struct cost_range more = cost_range(extra[e]);
        cr.lo = fmin(cr.lo, more.lo);
        cr.hi = fmax(cr.hi, more.hi);
        cr.min_positive = fmin(cr.min_positive, more.min_positive);
        cr.finite += more.finite;
    }
    if (cr.finite == 0) {
        cr.lo = cr.min_positive = 0.0;
        cr.hi = 1.0;
    }
    bool use_log = log_scale && isfinite(cr.min_positive);
    double ylo = scale_cost(cr.lo, use_log, cr.min_positive);
    double yhi = scale_cost(cr.hi, use_log, cr.min_positive);
    double marks[2] = {yhi, ylo};
    struct axes ax = {
        .x0 = position_at(s, 0), .x1 = position_at(s, s->n - 1),
        .y0 = ylo, .y1 = yhi, .x_integer = true, .log_y = use_log,
        .x_name = "epoch", .y_name = "cost", .y_name_above = true,
        .y_marks = marks, .y_mark_count = cr.finite ? (ylo < yhi ? 2 : 1) : 0,
        .y_nice = r.h >= 10,
    };
    if (ax.x0 >= ax.x1)
        ax.x0 = ax.x1 > 0 ? ax.x1 - 1 : 0;
    if (ax.x1 <= ax.x0)
        ax.x1 = ax.x0 + 1;
    if (ylo >= yhi) {
        double pad = use_log ? 0.5 : fmax(fabs(ylo) * 0.5, 1e-3);
        ax.y0 = ylo - pad;
        ax.y1 = yhi + pad;
    }
    if (!plot_axes(c, r, &ax, axis_style, p))
        plot_init(p, r, ax.x0, ax.x1, ax.y0, ax.y1);
    *range = cr;
    *log_used = use_log;
}

bool plot_cost_layout(struct rect r, const struct plot_series *s,
                      bool log_scale, struct plot *p)
{
    if (r.w < 1 || r.h < 1 || s->n == 0)
        return false;
    struct cost_range cr;
    bool use_log;
    cost_frame(NULL, r, s, NULL, 0, log_scale, style_of(COLOUR_DEFAULT, 0), &cr, &use_log, p);
    return true;
}

bool plot_cost_with_layout(struct rect r, const struct plot_series *s,
                           const struct plot_series *test, bool log_scale,
                           struct plot *p)
{
    if (r.w < 1 || r.h < 1 || s->n == 0)
        return false;
    struct cost_range cr;
    bool use_log;
    cost_frame(NULL, r, s, &test, 1, log_scale, style_of(COLOUR_DEFAULT, 0), &cr, &use_log, p);
    return true;
}

/* The curve of s over the laid-out plot p: per dot column its min to max
 * and a line from the previous column's last value; "!" on the top row of
 * a column holding a non-finite value (bad NULL: not marked). */
static void cost_curve(struct canvas *c, const struct plot *pp,
                       const struct plot_series *s, bool use_log, double floor_value,
                       struct style line, const struct style *bad)
{
    struct plot p = *pp;
    struct column cols[PLOT_MAX_DOTS];
    int nx = plot_dots_across(&p);
    if (nx > PLOT_MAX_DOTS)
        nx = PLOT_MAX_DOTS;
    for (int i = 0; i < nx; i++)
        cols[i].has = cols[i].bad = false;
    double left = 2.0 * p.area.x;
    for (size_t i = 0; i < s->n; i++) {
        double dx, dy;
        double at = position_at(s, i);
        if (at < p.x0 || at > p.x1)
            continue; /* another layer's point outside the frame */
        plot_to_dot(&p, at, p.y0, &dx, &dy);
        int k = canvas_clamp_int(dx - left, 0, nx - 1);
        double cost = value_at(s, i);
        if (!isfinite(cost)) {
            cols[k].bad = true;
            continue;
        }
        double v = scale_cost(cost, use_log, floor_value);
        struct column *col = &cols[k];
        if (!col->has) {
            col->has = true;
            col->lo = col->hi = col->first = v;
        }
        if (v < col->lo)
            col->lo = v;
        if (v > col->hi)
            col->hi = v;
        col->last = v;
    }
    bool have_prev = false;
    double prev_x = 0, prev_y = 0;
    for (int i = 0; i < nx; i++) {
        if (cols[i].bad && bad) {
            int cx = p.area.x + i / 2;
            canvas_put(c, cx, p.area.y, "!", *bad);
        }
        if (!cols[i].has)
            continue;
        double x = left + i + 0.5, dx, ylo_dot, yhi_dot, yfirst, ylast;
        plot_to_dot(&p, p.x0, cols[i].lo, &dx, &ylo_dot);
        plot_to_dot(&p, p.x0, cols[i].hi, &dx, &yhi_dot);
        plot_to_dot(&p, p.x0, cols[i].first, &dx, &yfirst);
        plot_to_dot(&p, p.x0, cols[i].last, &dx, &ylast);
        if (have_prev)
            canvas_line(c, &p.area, prev_x, prev_y, x, yfirst, line);
        canvas_line(c, &p.area, x, ylo_dot, x, yhi_dot, line);
        have_prev = true;
        prev_x = x;
        prev_y = ylast;
    }
}

/* The "no epochs yet" notice of an empty series. */
static void no_epochs(struct canvas *c, struct rect r, struct style st)
{
    const char *msg = "no epochs yet";
    int w = canvas_text_width(msg);
    canvas_text(c, r.x + (r.w - w > 0 ? (r.w - w) / 2 : 0), r.y + r.h / 2, r.w, msg, st);
}

void plot_cost(struct canvas *c, struct rect r, const struct plot_series *s,
               bool log_scale, const struct cost_style *st)
{
    if (r.w < 1 || r.h < 1)
        return;
    if (s->n == 0) {
        no_epochs(c, r, st->axis);
        return;
    }
    struct cost_range cr;
    bool use_log;
    struct plot p;
    cost_frame(c, r, s, NULL, 0, log_scale, st->axis, &cr, &use_log, &p);
    cost_curve(c, &p, s, use_log, cr.min_positive, st->line, &st->bad);
}

void plot_cost_with(struct canvas *c, struct rect r, const struct plot_series *s,
                    const struct plot_series *test, bool log_scale,
                    const struct cost_style *st, struct style test_style)
{
    if (r.w < 1 || r.h < 1)
        return;
    if (s->n == 0) {
        no_epochs(c, r, st->axis);
        return;
    }
    struct cost_range cr;
    bool use_log;
    struct plot p;
    cost_frame(c, r, s, &test, 1, log_scale, st->axis, &cr, &use_log, &p);
    cost_curve(c, &p, test, use_log, cr.min_positive, test_style, NULL);
    cost_curve(c, &p, s, use_log, cr.min_positive, st->line, &st->bad);
}

bool plot_cost_layers(struct canvas *c, struct rect r, const struct plot_series *frame,
                      const struct cost_layer *layers, size_t n, bool log_scale,
                      const struct cost_style *st, struct plot *p)
{
    if (r.w < 1 || r.h < 1)
        return false;
    if (frame->n == 0) {
        if (c)
            no_epochs(c, r, st->axis);
        return false;
    }
    const struct plot_series *all[8];
    size_t count = 0;
    for (size_t i = 0; i < n && count < 8; i++)
        if (layers[i].s->n > 0)
            all[count++] = layers[i].s;
    struct cost_range cr;
    bool use_log;
    struct plot window;
    cost_frame(c, r, frame, all, count, log_scale, st->axis, &cr, &use_log, &window);
    if (p)
        *p = window;
    if (!c)
        return true;
    for (size_t i = 0; i < n; i++)
        if (layers[i].s->n > 0)
            cost_curve(c, &window, layers[i].s, use_log, cr.min_positive, layers[i].line,
                       layers[i].mark_bad ? &st->bad : NULL);
    return true;
}

int plot_sparkline(struct canvas *c, int x, int y, int width,
                   const struct plot_series *s, bool log_scale, struct style st,
                   struct style bad)
{
    size_t n = s->n;
    if (width <= 0 || n == 0)
        return 0;
    if (width > MAX_SPARK)
        width = MAX_SPARK;
    size_t cells = n < (size_t)width ? n : (size_t)width;
    double value[MAX_SPARK];
    bool is_bad[MAX_SPARK];
    struct cost_range cr = cost_range(s);
    bool use_log = log_scale && isfinite(cr.min_positive);
    double lo = INFINITY, hi = -INFINITY;
    for (size_t k = 0; k < cells; k++) {
        size_t from = k * n / cells, to = (k + 1) * n / cells;
        double best = -INFINITY;
        is_bad[k] = false;
        for (size_t i = from; i < to; i++) {
            double v = value_at(s, i);
            if (!isfinite(v))
                is_bad[k] = true;
            else if (v > best)
                best = v;
        }
        value[k] = best;
        if (isfinite(best)) {
            value[k] = scale_cost(best, use_log, cr.min_positive);
            if (value[k] < lo)
                lo = value[k];
            if (value[k] > hi)
                hi = value[k];
        }
    }
    static const char *const utf8_bars[8] = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
    static const char *const ascii_bars[8] = {"_", ".", "-", "~", "=", "+", "*", "#"};
    for (size_t k = 0; k < cells; k++) {
        if (is_bad[k] || !isfinite(value[k])) {
            canvas_put(c, x + (int)k, y, "!", bad);
            continue;
        }
        int level = hi > lo ? canvas_clamp_int((value[k] - lo) / (hi - lo) * 7.0 + 0.5, 0, 7) : 3;
        canvas_put(c, x + (int)k, y, c->utf8 ? utf8_bars[level] : ascii_bars[level], st);
    }
    return (int)cells;
}

