/* view_lr_find.c - the LR range test's curve in the cost panel (F): the
 * smoothed cost against lr on a log axis, the current lr and the two
 * suggestions marked, and the verdict in words (exploded or saturated).
 * Reads the finished test (lr_find.h); draws nothing else. */
#include <math.h>
#include <stdio.h>

#include "keymap.h"
#include "lr_find.h"
#include "views_internal.h"

#define STYLE_STEEPEST style_of(COLOUR_MAGENTA, ATTR_BOLD)
#define STYLE_MINIMUM style_of(COLOUR_CYAN, ATTR_BOLD)
#define STYLE_CURRENT style_of(COLOUR_YELLOW, ATTR_BOLD)

/* The y range: the least smoothed cost up to the first row's or up to
 * LR_FIND_EXPLODES times the least, whichever is higher but not above
 * the highest; an explosion runs off the top. */
static void cost_range(const struct lr_find *f, double *lo, double *hi)
{
    double least = INFINITY, most = -INFINITY;
    for (size_t i = 0; i < f->len; i++) {
        double v = f->rows[i].smoothed;
        if (!isfinite(v))
            continue;
        least = v < least ? v : least;
        most = v > most ? v : most;
    }
    if (!isfinite(least)) {
        *lo = 0.0, *hi = 1.0;
        return;
    }
    double cap = least > 0.0 ? LR_FIND_EXPLODES * least : most;
    double first = isfinite(f->rows[0].smoothed) ? f->rows[0].smoothed : least;
    *lo = least;
    *hi = most < cap ? most : cap > first ? cap : first;
    if (!(*hi > *lo))
        *hi = *lo + (*lo != 0.0 ? fabs(*lo) * 0.01 : 1.0);
}

/* A vertical mark at lr over the plot's whole height, glyph on its top row. */
static void mark_lr(struct canvas *c, const struct plot *p, double lr, const char *glyph,
                    struct style st)
{
    if (!(lr > 0.0))
        return;
    double x = log10(lr);
    if (x < p->x0 || x > p->x1)
        return;
    plot_segment(c, p, x, p->y0, x, p->y1, st);
    double dx, dy;
    if (plot_to_dot(p, x, p->y1, &dx, &dy))
        canvas_put(c, canvas_clamp_int(dx / 2.0, p->area.x, p->area.x + p->area.w - 1),
                   p->area.y, glyph, st);
}

void view_lr_find_draw(struct canvas *c, struct rect box, const struct view_state *s)
{
    const struct lr_find *f = s->lr_find;
    canvas_box(c, box, "LR range test: smoothed cost against lr (log)", STYLE_FRAME);
    struct rect in = view_inner(box);
    if (in.w < 10 || in.h < 3 || f->len == 0)
        return;
    char steep[24], least[24], now[24], line[256], verdict[256];
    double lr_steep = lr_find_steepest_lr(f), lr_min = lr_find_minimum_lr(f);
    double lr_now = s->trainer ? trainer_current_lr(s->trainer) : NAN;
    plot_format_number(steep, sizeof steep, lr_steep, -1);
    plot_format_number(least, sizeof least, lr_min, -1);
    plot_format_number(now, sizeof now, lr_now, -1);
    /* the suggestions and the current lr, each in its mark's colour */
    int x = in.x, end = in.x + in.w;
    snprintf(line, sizeof line, "%s steepest %s", c->utf8 ? "▼" : "v",
             isnan(lr_steep) ? "none" : steep);
    x += canvas_text(c, x, in.y, end - x, line, STYLE_STEEPEST);
    snprintf(line, sizeof line, "  %s min/10 %s", c->utf8 ? "◆" : "*",
             isnan(lr_min) ? "none" : least);
    x += canvas_text(c, x, in.y, end - x, line, STYLE_MINIMUM);
    snprintf(line, sizeof line, "  | lr now %s", now);
    x += canvas_text(c, x, in.y, end - x, line, STYLE_CURRENT);
    snprintf(line, sizeof line, "  (%s uses steepest, %s closes)",
             keymap_label_for(ACTION_LR_FIND_APPLY), keymap_label(KEY_CODE_ESCAPE));
    if (x + canvas_text_width(line) <= end)
        canvas_text(c, x, in.y, end - x, line, STYLE_DIM);
    /* the verdict, shorter than lr_find_verdict_text's when narrow */
    const struct lr_find_row *last = &f->rows[f->len - 1];
    lr_find_verdict_text(f, verdict, sizeof verdict);
    if (canvas_text_width(verdict) > in.w) {
        if (f->verdict == LR_FIND_EXPLODED)
            snprintf(verdict, sizeof verdict, "exploded at lr %.3g: stopped early", last->lr);
        else if (f->verdict == LR_FIND_SATURATED)
            snprintf(verdict, sizeof verdict, "saturated: cost flat at %.3g by lr %.3g",
                     last->cost, last->lr);
        else
            snprintf(verdict, sizeof verdict, "still moving at lr %.3g: widen the range",
                     last->lr);
    }
    canvas_text(c, in.x, in.y + 1, in.w, verdict,
                f->verdict == LR_FIND_EXPLODED ? STYLE_WARN : STYLE_TEXT);

    struct rect area = {in.x, in.y + 2, in.w, in.h - 2};
    struct axes ax = {0};
    ax.x0 = log10(f->config.start);
    ax.x1 = log10(f->config.end);
    cost_range(f, &ax.y0, &ax.y1);
    double marks[2] = {ax.y0, ax.y1};
    ax.y_marks = marks;
    ax.y_mark_count = 2;
    ax.x_name = "log10 lr";
    struct plot p;
    if (area.h < 3 || !plot_axes(c, area, &ax, STYLE_DIM, &p))
        return;
    mark_lr(c, &p, lr_now, "|", STYLE_CURRENT);
    mark_lr(c, &p, lr_min, c->utf8 ? "◆" : "*", STYLE_MINIMUM);
    mark_lr(c, &p, lr_steep, c->utf8 ? "▼" : "v", STYLE_STEEPEST);
    for (size_t i = 1; i < f->len; i++) {
        const struct lr_find_row *a = &f->rows[i - 1], *b = &f->rows[i];
        if (isfinite(a->smoothed) && isfinite(b->smoothed))
            plot_segment(c, &p, log10(a->lr), a->smoothed, log10(b->lr), b->smoothed,
                         STYLE_COST);
    }
}
