/* plot_axes.c - a left and a bottom axis around a plot: nice ticks,
 * labels that never overlap (log labels as powers of ten), axis names,
 * and the layout alone for hit-testing. */
#include "plot.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "plot_internal.h"

#define MAX_TICKS 64

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

bool plot_axes(struct canvas *c, struct rect outer, const struct axes *ax,
               struct style st, struct plot *p)
{
    struct y_tick ticks[MAX_TICKS];
    size_t nt = 0;
    int lw = 1;
    bool above = ax->y_name && ax->y_name_above;
    int y_name_w = ax->y_name && !above ? canvas_text_width(ax->y_name) : 0;
    struct plot q;
    for (int iter = 0; iter < 4; iter++) {
        struct rect area = {outer.x + lw + 1, outer.y + above, outer.w - lw - 1,
                            outer.h - 2 - above};
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
        if (ax->y_name && !above && ticks[i].row == a->y)
            continue;
        int w = canvas_text_width(ticks[i].label);
        int x = a->x - 1 - w;
        canvas_text(c, x < outer.x ? outer.x : x, ticks[i].row, lw,
                    ticks[i].label, st);
    }
    if (above)
        canvas_text(c, outer.x, a->y - 1, outer.w, ax->y_name,
                    style_of((enum colour)st.fg, ATTR_BOLD));
    else if (ax->y_name)
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

