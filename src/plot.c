/* plot.c - the data window of a plot (data to dots and cells, equal
 * aspect), the number format of labels, and the marks drawn over it:
 * points, scatter, lines, segments, paths, arrows and vectors. Axes are
 * in plot_axes.c, fields in plot_field.c, series in plot_series.c. Pure:
 * reads its arguments, writes the canvas, allocates nothing. */
#include "plot.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plot_internal.h"
#include "util.h"

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

int plot_dots_across(const struct plot *p)
{
    return p->area.w > 0 ? 2 * p->area.w : 0;
}

int plot_dots_down(const struct plot *p)
{
    return p->area.h > 0 ? 4 * p->area.h : 0;
}

double plot_dot_width(const struct plot *p)
{
    int n = plot_dots_across(p);
    return n > 1 ? (p->x1 - p->x0) / (n - 1) : p->x1 - p->x0;
}

double plot_dot_height(const struct plot *p)
{
    int n = plot_dots_down(p);
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
void plot_dot_to_data(const struct plot *p, double rx, double ry, double *x,
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
    if (!(dx >= left && dx < left + plot_dots_across(p) && dy >= top &&
          dy < top + plot_dots_down(p)))
        return false;
    *cx = (int)(dx / 2.0);
    *cy = (int)(dy / 4.0);
    return true;
}


void plot_equal_aspect(struct plot *q)
{
    double ux = plot_dot_width(q), uy = plot_dot_height(q);
    int nx = plot_dots_across(q) - 1, ny = plot_dots_down(q) - 1;
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

/* ---------- points, lines, paths ---------- */

void plot_point(struct canvas *c, const struct plot *p, double x, double y,
                const char *glyph, struct style st)
{
    int cx, cy;
    if (plot_to_cell(p, x, y, &cx, &cy))
        canvas_put(c, cx, cy, glyph, st);
}

void plot_marks(struct canvas *c, const struct plot *p, const double *xs,
                const double *ys, size_t n, const char *glyph, struct style st)
{
    for (size_t i = 0; i < n; i++)
        plot_point(c, p, xs[i], ys[i], glyph, st);
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

