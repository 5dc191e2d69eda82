/* plot.c - data into a rectangle of a canvas: axes, points, lines, paths,
 * arrows, bands, contours, the cost plot and the sparkline. Pure: reads
 * its arguments, writes the canvas, allocates nothing (fixed buffers on
 * the stack bound the widest plot to PLOT_MAX_DOTS dot columns). */
#include "plot.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define PLOT_MAX_DOTS 2048   /* dot columns handled by contours and cost */
#define MAX_TICKS 64
#define MAX_SPARK 1024

/* ---------- mapping ---------- */

static void fix_range(double *lo, double *hi)
{
    if (!isfinite(*lo) && !isfinite(*hi)) {
        *lo = -1.0;
        *hi = 1.0;
    } else if (!isfinite(*lo)) {
        *lo = *hi - 1.0;
    } else if (!isfinite(*hi)) {
        *hi = *lo + 1.0;
    }
    if (!(*hi > *lo)) {
        double pad = fabs(*lo) * 0.1;
        if (!(pad >= 0.5))
            pad = 0.5;
        double mid = *lo;
        *lo = mid - pad;
        *hi = mid + pad;
    }
    if (!isfinite(*hi - *lo)) {
        *lo *= 0.25;
        *hi *= 0.25;
    }
}

void plot_init(struct plot *p, struct rect area, double x0, double x1,
               double y0, double y1)
{
    fix_range(&x0, &x1);
    fix_range(&y0, &y1);
    p->area = area;
    p->x0 = x0;
    p->x1 = x1;
    p->y0 = y0;
    p->y1 = y1;
}

static int dots_across(const struct plot *p)
{
    return p->area.w > 0 ? 2 * p->area.w : 0;
}

static int dots_down(const struct plot *p)
{
    return p->area.h > 0 ? 4 * p->area.h : 0;
}

double plot_dot_width(const struct plot *p)
{
    int n = dots_across(p);
    return n > 1 ? (p->x1 - p->x0) / (n - 1) : p->x1 - p->x0;
}

double plot_dot_height(const struct plot *p)
{
    int n = dots_down(p);
    return n > 1 ? (p->y1 - p->y0) / (n - 1) : p->y1 - p->y0;
}

bool plot_to_dot(const struct plot *p, double x, double y, double *dx,
                 double *dy)
{
    *dx = 2.0 * p->area.x + 0.5 + (x - p->x0) / plot_dot_width(p);
    *dy = 4.0 * p->area.y + 0.5 + (p->y1 - y) / plot_dot_height(p);
    return isfinite(*dx) && isfinite(*dy);
}

/* The data point at the centre of the relative dot position (rx, ry). */
static void dot_to_data(const struct plot *p, double rx, double ry, double *x,
                        double *y)
{
    *x = p->x0 + (rx - 0.5) * plot_dot_width(p);
    *y = p->y1 - (ry - 0.5) * plot_dot_height(p);
}

bool plot_to_cell(const struct plot *p, double x, double y, int *cx, int *cy)
{
    double dx, dy;
    if (!plot_to_dot(p, x, y, &dx, &dy))
        return false;
    double left = 2.0 * p->area.x, top = 4.0 * p->area.y;
    if (!(dx >= left && dx < left + dots_across(p) && dy >= top &&
          dy < top + dots_down(p)))
        return false;
    *cx = (int)(dx / 2.0);
    *cy = (int)(dy / 4.0);
    return true;
}

/* ---------- numbers and ticks ---------- */

void plot_format_number(char *buf, size_t len, double v, int decimals)
{
    if (isnan(v))
        snprintf(buf, len, "nan");
    else if (isinf(v))
        snprintf(buf, len, v > 0 ? "inf" : "-inf");
    else if (decimals >= 0 && fabs(v) < 1e6)
        snprintf(buf, len, "%.*f", decimals > 9 ? 9 : decimals, v == 0 ? 0.0 : v);
    else
        snprintf(buf, len, "%.4g", v == 0 ? 0.0 : v);
}

double plot_nice_step(double range, int max_ticks)
{
    if (max_ticks < 1)
        max_ticks = 1;
    return util_ladder_at_least(range / max_ticks);
}

static int step_decimals(double step)
{
    double l = floor(log10(step) + 1e-9);
    return l >= 0 ? 0 : (int)-l;
}

/* Nice ticks within [lo, hi]; returns how many (at most cap). */
static size_t nice_ticks(double lo, double hi, double step, double *ticks,
                         size_t cap)
{
    size_t n = 0;
    double first = ceil(lo / step - 1e-9);
    if (!isfinite(first) || fabs(first) > 1e15)
        return 0;
    for (size_t i = 0; n < cap && i < 1000; i++) {
        double v = (first + (double)i) * step;
        if (v > hi + step * 1e-9)
            break;
        if (fabs(v) < step * 1e-9)
            v = 0.0;
        ticks[n++] = v;
    }
    return n;
}

/* The label of a y value: 10^v for log axes. */
static void y_label(char *buf, size_t len, double v, bool log_y, bool exact,
                    int decimals)
{
    if (!log_y) {
        plot_format_number(buf, len, v, exact ? -1 : decimals);
        return;
    }
    double value = pow(10.0, v);
    if (exact || fabs(v - round(v)) > 1e-9)
        plot_format_number(buf, len, value, -1);
    else if (v >= -3 && v <= 3)
        snprintf(buf, len, "%g", value);
    else
        snprintf(buf, len, "1e%d", (int)round(v));
}

/* ---------- axes ---------- */

struct y_tick {
    int row;
    char label[24];
};

static int tick_row(const struct plot *p, double v)
{
    double dx, dy;
    plot_to_dot(p, p->x0, v, &dx, &dy);
    return canvas_clamp_int(dy / 4.0, p->area.y, p->area.y + p->area.h - 1);
}

static int tick_col(const struct plot *p, double v)
{
    double dx, dy;
    plot_to_dot(p, v, p->y0, &dx, &dy);
    return canvas_clamp_int(dx / 2.0, p->area.x, p->area.x + p->area.w - 1);
}

static bool row_taken(const struct y_tick *t, size_t n, int row)
{
    for (size_t i = 0; i < n; i++)
        if (abs(t[i].row - row) < 2)
            return true;
    return false;
}

/* The y labels for plot q: marks first, then nice ticks with room. */
static size_t y_ticks(const struct plot *q, const struct axes *ax,
                      struct y_tick *out, size_t cap)
{
    size_t n = 0;
    for (size_t i = 0; i < ax->y_mark_count && n < cap; i++) {
        double v = ax->y_marks[i];
        if (!isfinite(v) || v < q->y0 - 1e-9 * (q->y1 - q->y0) ||
            v > q->y1 + 1e-9 * (q->y1 - q->y0))
            continue;
        int row = tick_row(q, v);
        if (row_taken(out, n, row))
            continue;
        out[n].row = row;
        y_label(out[n].label, sizeof out[n].label, v, ax->log_y, true, 0);
        n++;
    }
    if (!ax->y_nice && ax->y_mark_count > 0)
        return n;
    double step = plot_nice_step(q->y1 - q->y0, q->area.h / 3 > 1 ? q->area.h / 3 : 2);
    double values[MAX_TICKS];
    size_t count;
    if (ax->log_y && step < 1.0) {
        /* Under a few decades: 1, 2 and 5 times the powers of ten. */
        count = 0;
        static const double mult[3] = {1, 2, 5};
        for (double e = floor(q->y0); e <= q->y1 && count < MAX_TICKS - 3; e++)
            for (int m = 0; m < 3; m++) {
                double v = e + log10(mult[m]);
                if (v >= q->y0 && v <= q->y1)
                    values[count++] = v;
            }
        step = 1.0;
    } else {
        count = nice_ticks(q->y0, q->y1, step, values, MAX_TICKS);
    }
    for (size_t i = 0; i < count && n < cap; i++) {
        int row = tick_row(q, values[i]);
        if (row_taken(out, n, row))
            continue;
        out[n].row = row;
        y_label(out[n].label, sizeof out[n].label, values[i], ax->log_y, false,
                step_decimals(step));
        n++;
    }
    return n;
}

void plot_equal_aspect(struct plot *q)
{
    double ux = plot_dot_width(q), uy = plot_dot_height(q);
    int nx = dots_across(q) - 1, ny = dots_down(q) - 1;
    if (nx < 1 || ny < 1)
        return;
    if (ux < uy) {
        double mid = (q->x0 + q->x1) / 2, half = uy * nx / 2;
        q->x0 = mid - half;
        q->x1 = mid + half;
    } else {
        double mid = (q->y0 + q->y1) / 2, half = ux * ny / 2;
        q->y0 = mid - half;
        q->y1 = mid + half;
    }
}

bool plot_axes(struct canvas *c, struct rect outer, const struct axes *ax,
               struct style st, struct plot *p)
{
    struct y_tick ticks[MAX_TICKS];
    size_t nt = 0;
    int lw = 1;
    int y_name_w = ax->y_name ? canvas_text_width(ax->y_name) : 0;
    struct plot q;
    for (int iter = 0; iter < 4; iter++) {
        struct rect area = {outer.x + lw + 1, outer.y, outer.w - lw - 1,
                            outer.h - 2};
        if (area.w < 2 || area.h < 1)
            return false;
        plot_init(&q, area, ax->x0, ax->x1, ax->y0, ax->y1);
        if (ax->equal_aspect)
            plot_equal_aspect(&q);
        nt = y_ticks(&q, ax, ticks, MAX_TICKS);
        int need = y_name_w > 1 ? y_name_w : 1;
        for (size_t i = 0; i < nt; i++) {
            int w = canvas_text_width(ticks[i].label);
            if (w > need)
                need = w;
        }
        if (need > outer.w / 3)
            need = outer.w / 3;
        if (need == lw)
            break;
        lw = need;
    }
    const struct rect *a = &q.area;
    if (a->w < 2 || a->h < 1)
        return false;
    *p = q;
    if (!c)
        return true;
    /* Axis lines and y ticks; the y name takes the top row's label. */
    canvas_vline(c, a->x - 1, a->y, a->h + 1, st);
    canvas_hline(c, a->x - 1, a->y + a->h, a->w + 1, st);
    for (size_t i = 0; i < nt; i++) {
        canvas_join(c, a->x - 1, ticks[i].row, BOX_LEFT, st);
        if (ax->y_name && ticks[i].row == a->y)
            continue;
        int w = canvas_text_width(ticks[i].label);
        int x = a->x - 1 - w;
        canvas_text(c, x < outer.x ? outer.x : x, ticks[i].row, lw,
                    ticks[i].label, st);
    }
    if (ax->y_name)
        canvas_text(c, a->x - 1 - (y_name_w < lw ? y_name_w : lw), a->y, lw,
                    ax->y_name, style_of((enum colour)st.fg, ATTR_BOLD));
    /* x ticks: nice values, labels centred, none overlapping (nor the x
     * name at the right end). */
    int name_x = outer.x + outer.w + 1;
    if (ax->x_name) {
        int w = canvas_text_width(ax->x_name);
        name_x = outer.x + outer.w - w;
        canvas_text(c, name_x, a->y + a->h + 1, w, ax->x_name,
                    style_of((enum colour)st.fg, ATTR_BOLD));
    }
    double step = plot_nice_step(q.x1 - q.x0, a->w / 8 > 1 ? a->w / 8 : 2);
    if (ax->x_integer && step < 1.0)
        step = 1.0;
    double values[MAX_TICKS];
    size_t count = nice_ticks(q.x0, q.x1, step, values, MAX_TICKS);
    int last_end = outer.x - 2;
    for (size_t i = 0; i < count; i++) {
        char label[24];
        plot_format_number(label, sizeof label, values[i], step_decimals(step));
        int col = tick_col(&q, values[i]);
        int w = canvas_text_width(label);
        int x = col - (w - 1) / 2;
        if (x + w > outer.x + outer.w)
            x = outer.x + outer.w - w;
        if (x < outer.x)
            x = outer.x;
        if (x <= last_end + 1 || x + w >= name_x)
            continue;
        canvas_join(c, col, a->y + a->h, BOX_DOWN, st);
        canvas_text(c, x, a->y + a->h + 1, outer.w, label, st);
        last_end = x + w - 1;
    }
    return true;
}

/* ---------- points, lines, paths ---------- */

void plot_point(struct canvas *c, const struct plot *p, double x, double y,
                const char *glyph, struct style st)
{
    int cx, cy;
    if (plot_to_cell(p, x, y, &cx, &cy))
        canvas_put(c, cx, cy, glyph, st);
}

bool plot_scatter(struct canvas *c, const struct plot *p, const double *xs,
                  const double *ys, const double *cls, size_t n,
                  const struct scatter_class classes[2],
                  bool (*marked)(size_t i, const void *ctx), const void *ctx)
{
    bool overlap = false;
    for (size_t i = 0; i < n; i++) {
        int cx, cy;
        if (!plot_to_cell(p, xs[i], ys[i], &cx, &cy))
            continue;
        int k = cls[i] < 0.5 ? 0 : 1;
        const struct scatter_class *other = &classes[1 - k];
        const struct cell *cell = canvas_cell(c, cx, cy);
        if (cell && cell->kind == CELL_TEXT &&
            (strcmp(cell->glyph, other->glyph) == 0 ||
             strcmp(cell->glyph, other->marked_glyph) == 0 ||
             strcmp(cell->glyph, "*") == 0)) {
            canvas_put(c, cx, cy, "*", style_of(COLOUR_DEFAULT, ATTR_BOLD));
            overlap = true;
            continue;
        }
        if (marked && marked(i, ctx))
            canvas_put(c, cx, cy, classes[k].marked_glyph, classes[k].marked_style);
        else
            canvas_put(c, cx, cy, classes[k].glyph, classes[k].style);
    }
    return overlap;
}

/* A data segment clipped to the area (with half a dot of margin) and
 * drawn in dots, or (erase) the cells under it blanked. Returns true when
 * something was drawn. */
static bool segment_op(struct canvas *c, const struct plot *p, double xa,
                       double ya, double xb, double yb, struct style st,
                       bool erase)
{
    double hx = plot_dot_width(p) / 2, hy = plot_dot_height(p) / 2;
    /* Ends so far away that rounding moves the clipped line by more than
     * half a dot: where it crosses the view is unknown, draw nothing. */
    if (xa != xb && ya != yb &&
        4.5e-16 * fmax(fmax(fabs(xa), fabs(xb)), fmax(fabs(ya), fabs(yb))) > fmin(hx, hy))
        return false;
    if (!canvas_clip_segment(&xa, &ya, &xb, &yb, p->x0 - hx, p->y0 - hy,
                             p->x1 + hx, p->y1 + hy))
        return false;
    double dxa, dya, dxb, dyb;
    if (!plot_to_dot(p, xa, ya, &dxa, &dya) || !plot_to_dot(p, xb, yb, &dxb, &dyb))
        return false;
    if (erase)
        canvas_erase_line(c, &p->area, dxa, dya, dxb, dyb);
    else
        canvas_line(c, &p->area, dxa, dya, dxb, dyb, st);
    return true;
}

static bool segment(struct canvas *c, const struct plot *p, double xa,
                    double ya, double xb, double yb, struct style st)
{
    return segment_op(c, p, xa, ya, xb, yb, st, false);
}

void plot_segment(struct canvas *c, const struct plot *p, double xa,
                  double ya, double xb, double yb, struct style st)
{
    segment(c, p, xa, ya, xb, yb, st);
}

bool plot_line(struct canvas *c, const struct plot *p, double w1, double w2,
               double b, struct style st)
{
    if (!(isfinite(w1) && isfinite(w2) && isfinite(b)))
        return false;
    if (w1 == 0.0 && w2 == 0.0)
        return false;
    double hx = plot_dot_width(p), hy = plot_dot_height(p);
    double xl = p->x0 - hx, xr = p->x1 + hx, yb = p->y0 - hy, yt = p->y1 + hy;
    if (fabs(w2) >= fabs(w1)) {
        /* y as a function of x: |w1 / w2| <= 1 keeps the slope tame. */
        double ya = -(w1 / w2) * xl - b / w2, yr = -(w1 / w2) * xr - b / w2;
        return segment(c, p, xl, ya, xr, yr, st);
    }
    double xa = -(w2 / w1) * yb - b / w1, xt = -(w2 / w1) * yt - b / w1;
    return segment(c, p, xa, yb, xt, yt, st);
}

static bool inside(const struct plot *p, double x, double y)
{
    int cx, cy;
    return plot_to_cell(p, x, y, &cx, &cy);
}

void plot_path(struct canvas *c, const struct plot *p, const double *xs,
               const double *ys, size_t n, struct style line,
               const char *mark, struct style mark_style)
{
    if (n == 0)
        return;
    for (size_t i = 1; i < n; i++)
        segment_op(c, p, xs[i - 1], ys[i - 1], xs[i], ys[i], line, true);
    for (size_t i = 1; i < n; i++)
        segment(c, p, xs[i - 1], ys[i - 1], xs[i], ys[i], line);
    double x = xs[n - 1], y = ys[n - 1];
    if (inside(p, x, y))
        plot_point(c, p, x, y, mark, mark_style);
    else
        plot_arrow(c, p, x, y, mark_style);
}

/* The arrow glyph pointing along (ux, uy) on screen, y up. */
static const char *arrow_glyph(bool utf8, double ux, double uy)
{
    double angle = atan2(uy, ux) * 180.0 / 3.14159265358979323846;
    int octant = (int)floor((angle + 22.5 + 360.0) / 45.0) % 8;
    static const char *const unicode[8] = {"→", "↗", "↑", "↖", "←", "↙", "↓", "↘"};
    if (utf8)
        return unicode[octant];
    if (fabs(ux) >= fabs(uy))
        return ux >= 0 ? ">" : "<";
    return uy >= 0 ? "^" : "v";
}

void plot_arrow(struct canvas *c, const struct plot *p, double x, double y,
                struct style st)
{
    const struct rect *a = &p->area;
    if (a->w < 1 || a->h < 1 || inside(p, x, y))
        return;
    char label[64], xs[24], ys[24];
    plot_format_number(xs, sizeof xs, x, -1);
    plot_format_number(ys, sizeof ys, y, -1);
    snprintf(label, sizeof label, "(%s, %s)", xs, ys);
    int w = canvas_text_width(label);
    if (isnan(x) || isnan(y)) {
        canvas_text(c, a->x, a->y, a->w, label, st);
        return;
    }
    /* Direction from the centre, in half-extents of the view. */
    double hx = (p->x1 - p->x0) / 2, hy = (p->y1 - p->y0) / 2;
    double ux = (x - (p->x0 + hx)) / hx, uy = (y - (p->y0 + hy)) / hy;
    if (isinf(ux) || isinf(uy)) {
        ux = isinf(ux) ? (ux > 0 ? 1 : -1) : 0;
        uy = isinf(uy) ? (uy > 0 ? 1 : -1) : 0;
    }
    double m = fmax(fabs(ux), fabs(uy));
    if (!(m > 0) || !isfinite(m))
        return;
    ux /= m;
    uy /= m;
    int col = a->x + canvas_clamp_int((ux + 1) / 2 * (a->w - 1) + 0.5, 0, a->w - 1);
    int row = a->y + canvas_clamp_int((1 - uy) / 2 * (a->h - 1) + 0.5, 0, a->h - 1);
    /* On screen a cell is about twice as tall as wide. */
    canvas_put(c, col, row, arrow_glyph(c->utf8, ux * a->w, uy * a->h * 2), st);
    int lx, ly = row;
    if (fabs(ux) >= 1.0 - 1e-12) {           /* left or right edge */
        lx = ux > 0 ? col - 1 - w : col + 2;
    } else {                                  /* top or bottom edge */
        lx = col - w / 2;
        ly = uy > 0 ? row + 1 : row - 1;
    }
    if (lx + w > a->x + a->w)
        lx = a->x + a->w - w;
    if (lx < a->x)
        lx = a->x;
    if (ly < a->y)
        ly = a->y;
    if (ly >= a->y + a->h)
        ly = a->y + a->h - 1;
    if (ly == row && lx <= col && lx + w > col)
        ly = row + (row + 1 < a->y + a->h ? 1 : -1);
    canvas_text(c, lx, ly, a->w, label, st);
}

bool plot_vector(struct canvas *c, const struct plot *p, double x, double y,
                 double vx, double vy, struct style st)
{
    int sx, sy, tx, ty;
    if (!isfinite(vx) || !isfinite(vy) || !plot_to_cell(p, x, y, &sx, &sy))
        return false;
    double ex = x + vx, ey = y + vy;
    if (!isfinite(ex) || !isfinite(ey))
        return false;
    segment(c, p, x, y, ex, ey, st);
    double dxa, dya, dxb, dyb;
    plot_to_dot(p, x, y, &dxa, &dya);
    plot_to_dot(p, ex, ey, &dxb, &dyb);
    double cx0 = x, cy0 = y, cx1 = ex, cy1 = ey;
    if (canvas_clip_segment(&cx0, &cy0, &cx1, &cy1, p->x0, p->y0, p->x1, p->y1) &&
        plot_to_cell(p, cx1, cy1, &tx, &ty) && (tx != sx || ty != sy))
        canvas_put(c, tx, ty, arrow_glyph(c->utf8, dxb - dxa, dya - dyb), st);
    return true;
}

/* ---------- bands and contours ---------- */

static int band_of(double v, const double *levels, size_t n)
{
    if (isnan(v))
        return -1;
    int band = 0;
    for (size_t i = 0; i < n; i++)
        if (v >= levels[i])
            band = (int)i + 1;
    return band;
}

/* Copies the k-th character (cycling) of a UTF-8 string into out. */
static void nth_glyph(const char *s, int k, char out[5])
{
    size_t count = 0;
    for (const char *q = s; *q; q++)
        if (((unsigned char)*q & 0xC0) != 0x80)
            count++;
    out[0] = ' ';
    out[1] = '\0';
    if (count == 0 || k < 0)
        return;
    size_t want = (size_t)k % count, seen = 0;
    for (const char *q = s; *q; q++) {
        if (((unsigned char)*q & 0xC0) == 0x80)
            continue;
        if (seen++ == want) {
            size_t len = 1;
            while (len < 4 && ((unsigned char)q[len] & 0xC0) == 0x80)
                len++;
            memcpy(out, q, len);
            out[len] = '\0';
            return;
        }
    }
}

void plot_bands(struct canvas *c, const struct plot *p, plot_function f,
                const void *ctx, const double *levels, size_t level_count,
                bool colour, const enum colour *ramp, size_t ramp_count,
                const char *shades)
{
    const struct rect *a = &p->area;
    for (int row = 0; row < a->h; row++) {
        for (int col = 0; col < a->w; col++) {
            double x, y;
            if (colour && ramp_count > 0) {
                for (int half = 0; half < 2; half++) {
                    dot_to_data(p, 2.0 * col + 1.0, 4.0 * row + 1.0 + 2.0 * half, &x, &y);
                    int band = band_of(f(x, y, ctx), levels, level_count);
                    if (band >= 0)
                        canvas_half_pixel(c, a->x + col, 2 * (a->y + row) + half,
                                          ramp[(size_t)band % ramp_count]);
                }
            } else if (shades) {
                dot_to_data(p, 2.0 * col + 1.0, 4.0 * row + 2.0, &x, &y);
                int band = band_of(f(x, y, ctx), levels, level_count);
                if (band < 0)
                    continue;
                char glyph[5];
                nth_glyph(shades, band, glyph);
                canvas_put(c, a->x + col, a->y + row, glyph,
                           style_of(COLOUR_DEFAULT, ATTR_DIM));
            }
        }
    }
}

void plot_contours(struct canvas *c, const struct plot *p, plot_function f,
                   const void *ctx, const double *levels, size_t level_count,
                   const struct style *styles, size_t style_count, bool dotted)
{
    int prev[PLOT_MAX_DOTS], cur[PLOT_MAX_DOTS];
    int nx = dots_across(p), ny = dots_down(p);
    if (nx > PLOT_MAX_DOTS)
        nx = PLOT_MAX_DOTS;
    if (style_count == 0)
        return;
    int left = 2 * p->area.x, top = 4 * p->area.y;
    for (int j = 0; j < ny; j++) {
        for (int i = 0; i < nx; i++) {
            double x, y;
            dot_to_data(p, i + 0.5, j + 0.5, &x, &y);
            cur[i] = band_of(f(x, y, ctx), levels, level_count);
        }
        for (int i = 0; i < nx; i++) {
            if (cur[i] < 0)
                continue;
            if (i + 1 < nx && cur[i + 1] >= 0 && cur[i + 1] != cur[i] &&
                !(dotted && (j & 1))) {
                int lo = cur[i] < cur[i + 1] ? cur[i] : cur[i + 1];
                int at = cur[i] < cur[i + 1] ? i : i + 1;
                canvas_dot(c, &p->area, left + at, top + j,
                           styles[(size_t)lo % style_count]);
            }
            if (j > 0 && prev[i] >= 0 && prev[i] != cur[i] && !(dotted && (i & 1))) {
                int lo = cur[i] < prev[i] ? cur[i] : prev[i];
                int at = cur[i] < prev[i] ? j : j - 1;
                canvas_dot(c, &p->area, left + i, top + at,
                           styles[(size_t)lo % style_count]);
            }
        }
        memcpy(prev, cur, (size_t)nx * sizeof cur[0]);
    }
}

/* ---------- cost ---------- */

/* Finite range of the costs, and the smallest positive one. */
struct cost_range {
    double lo, hi, min_positive;
    size_t finite;
};

static struct cost_range cost_range(const struct epoch_record *r, size_t n)
{
    struct cost_range cr = {INFINITY, -INFINITY, INFINITY, 0};
    for (size_t i = 0; i < n; i++) {
        double v = r[i].cost;
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
                       const struct epoch_record *records, size_t n,
                       bool log_scale, struct style axis_style,
                       struct cost_range *range, bool *log_used, struct plot *p)
{
    struct cost_range cr = cost_range(records, n);
    if (cr.finite == 0) {
        cr.lo = cr.min_positive = 0.0;
        cr.hi = 1.0;
    }
    bool use_log = log_scale && isfinite(cr.min_positive);
    double ylo = scale_cost(cr.lo, use_log, cr.min_positive);
    double yhi = scale_cost(cr.hi, use_log, cr.min_positive);
    double marks[2] = {yhi, ylo};
    struct axes ax = {
        .x0 = (double)records[0].epoch, .x1 = (double)records[n - 1].epoch,
        .y0 = ylo, .y1 = yhi, .x_integer = true, .log_y = use_log,
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

bool plot_cost_layout(struct rect r, const struct epoch_record *records,
                      size_t n, bool log_scale, struct plot *p)
{
    if (r.w < 1 || r.h < 1 || n == 0)
        return false;
    struct cost_range cr;
    bool use_log;
    cost_frame(NULL, r, records, n, log_scale, style_of(COLOUR_DEFAULT, 0), &cr,
               &use_log, p);
    return true;
}

void plot_cost(struct canvas *c, struct rect r,
               const struct epoch_record *records, size_t n, bool log_scale,
               const struct cost_style *st)
{
    if (r.w < 1 || r.h < 1)
        return;
    if (n == 0) {
        const char *msg = "no epochs yet";
        int w = canvas_text_width(msg);
        canvas_text(c, r.x + (r.w - w > 0 ? (r.w - w) / 2 : 0), r.y + r.h / 2,
                    r.w, msg, st->axis);
        return;
    }
    struct cost_range cr;
    bool use_log;
    struct plot p;
    cost_frame(c, r, records, n, log_scale, st->axis, &cr, &use_log, &p);

    struct column cols[PLOT_MAX_DOTS];
    int nx = dots_across(&p);
    if (nx > PLOT_MAX_DOTS)
        nx = PLOT_MAX_DOTS;
    for (int i = 0; i < nx; i++)
        cols[i].has = cols[i].bad = false;
    double left = 2.0 * p.area.x;
    for (size_t i = 0; i < n; i++) {
        double dx, dy;
        plot_to_dot(&p, (double)records[i].epoch, p.y0, &dx, &dy);
        int k = canvas_clamp_int(dx - left, 0, nx - 1);
        double cost = records[i].cost;
        if (!isfinite(cost)) {
            cols[k].bad = true;
            continue;
        }
        double v = scale_cost(cost, use_log, cr.min_positive);
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
        if (cols[i].bad) {
            int cx = p.area.x + i / 2;
            canvas_put(c, cx, p.area.y, "!", st->bad);
        }
        if (!cols[i].has)
            continue;
        double x = left + i + 0.5, dx, ylo_dot, yhi_dot, yfirst, ylast;
        plot_to_dot(&p, p.x0, cols[i].lo, &dx, &ylo_dot);
        plot_to_dot(&p, p.x0, cols[i].hi, &dx, &yhi_dot);
        plot_to_dot(&p, p.x0, cols[i].first, &dx, &yfirst);
        plot_to_dot(&p, p.x0, cols[i].last, &dx, &ylast);
        if (have_prev)
            canvas_line(c, &p.area, prev_x, prev_y, x, yfirst, st->line);
        canvas_line(c, &p.area, x, ylo_dot, x, yhi_dot, st->line);
        have_prev = true;
        prev_x = x;
        prev_y = ylast;
    }
}

int plot_sparkline(struct canvas *c, int x, int y, int width,
                   const struct epoch_record *records, size_t n,
                   bool log_scale, struct style st, struct style bad)
{
    if (width <= 0 || n == 0)
        return 0;
    if (width > MAX_SPARK)
        width = MAX_SPARK;
    size_t cells = n < (size_t)width ? n : (size_t)width;
    double value[MAX_SPARK];
    bool is_bad[MAX_SPARK];
    struct cost_range cr = cost_range(records, n);
    bool use_log = log_scale && isfinite(cr.min_positive);
    double lo = INFINITY, hi = -INFINITY;
    for (size_t k = 0; k < cells; k++) {
        size_t from = k * n / cells, to = (k + 1) * n / cells;
        double best = -INFINITY;
        is_bad[k] = false;
        for (size_t i = from; i < to; i++) {
            if (!isfinite(records[i].cost))
                is_bad[k] = true;
            else if (records[i].cost > best)
                best = records[i].cost;
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
