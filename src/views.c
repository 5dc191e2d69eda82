/* views.c - the whole screen from the state: four panels (scatter, bowl
 * or cost landscape, cost, neuron), a lesson's caption, the status line,
 * the divergence banner, the notice and the help overlay, laid out for
 * any size from 80x24 up; smaller terminals get a one-line notice. Also
 * the mouse's hit-testing, from the same layout. Reads the model through
 * const pointers, draws through plot.c and canvas.c; allocates nothing
 * except a temporary landscape when the caller passes none. */
#include "views.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "keymap.h"
#include "landscape.h"
#include "plot.h"
#include "util.h"

/* Glyphs and words that differ between UTF-8 and ASCII screens. */
struct glyphs {
    const char *times;      /* "·" in w1·x1 */
    const char *dash;       /* "—" */
    const char *partial;    /* "∂" */
    const char *geq;        /* "≥" */
    const char *running, *paused, *done;
    const char *current;    /* the bowl's current point */
    const char *start;      /* the bowl's start point */
    const char *region;     /* shading of the second class's region */
    const char *back;       /* "◀": the status line of a rewound screen */
    const char *ellipsis;   /* a clipped caption */
    const char *nabla;      /* "∇" */
};

static const struct glyphs utf8_glyphs = {
    "·", "—", "∂", "≥", "▶ running", "❚❚ paused", "■ done", "●", "○", " ·",
    "◀", "…", "∇",
};
static const struct glyphs ascii_glyphs = {
    "*", "--", "d", ">=", "> running", "|| paused", "# done", "@", "o", " .",
    "<", "...", "grad ",
};

static const struct glyphs *glyphs_for(const struct canvas *c)
{
    return c->utf8 ? &utf8_glyphs : &ascii_glyphs;
}

/* Styles of the screen. Classes differ by glyph AND colour (blue and
 * yellow stay apart for colour-blind viewers and in monochrome). */
#define STYLE_FRAME style_of(COLOUR_DEFAULT, 0)
#define STYLE_TITLE style_of(COLOUR_DEFAULT, ATTR_BOLD)
#define STYLE_TEXT style_of(COLOUR_DEFAULT, 0)
#define STYLE_DIM style_of(COLOUR_DEFAULT, ATTR_DIM)
#define STYLE_CLASS0 style_of(COLOUR_BLUE, ATTR_BOLD)
#define STYLE_CLASS1 style_of(COLOUR_YELLOW, ATTR_BOLD)
#define STYLE_LINE style_of(COLOUR_WHITE, ATTR_BOLD)
#define STYLE_PATH style_of(COLOUR_WHITE, ATTR_BOLD)
#define STYLE_POINT style_of(COLOUR_RED, ATTR_BOLD)
#define STYLE_COST style_of(COLOUR_GREEN, ATTR_BOLD)
#define STYLE_BAD style_of(COLOUR_RED, ATTR_BOLD)
#define STYLE_WARN style_of(COLOUR_RED, ATTR_BOLD)
#define STYLE_ARROW style_of(COLOUR_YELLOW, ATTR_BOLD)
#define STYLE_CAPTION style_of(COLOUR_DEFAULT, ATTR_BOLD | ATTR_REVERSE)

/* A lesson's caption, wrapped to the screen: at most two rows. */
#define CAPTION_ROWS 2
struct caption {
    char row[CAPTION_ROWS][640];
    int rows;
};

/* Drops whole UTF-8 characters from the end of text until it takes at
 * most max columns. */
static void cut_to_width(char *text, int max)
{
    while (text[0] && canvas_text_width(text) > max) {
        size_t len = strlen(text);
        do
            len--;
        while (len > 0 && ((unsigned char)text[len] & 0xC0) == 0x80);
        text[len] = '\0';
    }
}

/* Appends word (a UTF-8 string of `width` columns) to the caption rows
 * of at most max columns; returns false when it no longer fits. */
static bool caption_word(struct caption *cap, const char *word, int width,
                         int max)
{
    if (cap->rows == 0)
        cap->rows = 1;
    char *row = cap->row[cap->rows - 1];
    int used = canvas_text_width(row);
    if (used > 0 && used + 1 + width > max) {
        if (cap->rows == CAPTION_ROWS)
            return false;
        row = cap->row[cap->rows++];
        used = 0;
    }
    size_t len = strlen(row);
    snprintf(row + len, sizeof cap->row[0] - len, "%s%s", used > 0 ? " " : "", word);
    return true;
}

/* Word-wraps the texts (NULL ends) into at most two rows of width max;
 * what does not fit ends the second row with an ellipsis. */
static void caption_wrap(struct caption *cap, const char *const texts[], int max,
                         const char *ellipsis)
{
    memset(cap, 0, sizeof *cap);
    char word[256];
    bool clipped = false;
    for (size_t t = 0; texts[t] && !clipped; t++) {
        const char *q = texts[t];
        while (*q && !clipped) {
            while (*q == ' ')
                q++;
            size_t len = strcspn(q, " ");
            if (len == 0)
                break;
            snprintf(word, sizeof word, "%.*s", (int)(len < 255 ? len : 255), q);
            q += len;
            cut_to_width(word, max);  /* a word longer than a row */
            int w = canvas_text_width(word);
            if (!caption_word(cap, word, w, max))
                clipped = true;
        }
    }
    if (clipped) {
        char *row = cap->row[CAPTION_ROWS - 1];
        cut_to_width(row, max - canvas_text_width(ellipsis));
        size_t len = strlen(row);
        snprintf(row + len, sizeof cap->row[0] - len, "%s", ellipsis);
    }
}

/* The caption of s for a screen width columns wide (rows = 0: none). */
static void caption_of(const struct view_state *s, int width, bool utf8,
                       struct caption *cap)
{
    memset(cap, 0, sizeof *cap);
    if (!s->caption[0] || !s->caption[0][0])
        return;
    char name[96] = "";
    if (s->lesson && s->lesson[0])
        snprintf(name, sizeof name, "lesson %s:", s->lesson);
    const char *ellipsis = utf8 ? utf8_glyphs.ellipsis : ascii_glyphs.ellipsis;
    int max = width - 2;
    /* The author's two lines as they are when they fit, else re-wrapped. */
    char first[640];
    snprintf(first, sizeof first, "%s%s%s", name, name[0] ? " " : "", s->caption[0]);
    bool second = s->caption[1] && s->caption[1][0];
    if (canvas_text_width(first) <= max &&
        (!second || canvas_text_width(s->caption[1]) <= max)) {
        snprintf(cap->row[0], sizeof cap->row[0], "%s", first);
        cap->rows = 1;
        if (second) {
            snprintf(cap->row[1], sizeof cap->row[1], "%s", s->caption[1]);
            cap->rows = 2;
        }
        return;
    }
    const char *texts[4] = {name[0] ? name : NULL, s->caption[0],
                            second ? s->caption[1] : NULL, NULL};
    if (!texts[0]) {
        texts[0] = texts[1];
        texts[1] = texts[2];
        texts[2] = NULL;
    }
    caption_wrap(cap, texts, max, ellipsis);
}

/* The layout of a frame. */
struct layout {
    struct rect scatter, bowl, cost, neuron;
    int caption_rows;       /* rows at the top for a lesson's caption */
    int status_row;
};

static struct layout lay_out(int width, int height, int caption_rows)
{
    struct layout l;
    int panels = height - 1 - caption_rows;
    int left = width * 58 / 100;
    int top = (panels * 3 + 2) / 5;
    int y = caption_rows;
    l.scatter = (struct rect){0, y, left, top};
    l.bowl = (struct rect){left - 1, y, width - left + 1, top};
    l.cost = (struct rect){0, y + top - 1, left, panels - top + 1};
    l.neuron = (struct rect){left - 1, y + top - 1, width - left + 1, panels - top + 1};
    l.caption_rows = caption_rows;
    l.status_row = height - 1;
    return l;
}

/* The layout of s on a width x height screen (its caption included). */
static struct layout lay_out_state(const struct view_state *s, int width,
                                   int height, bool utf8)
{
    struct caption cap;
    caption_of(s, width, utf8, &cap);
    return lay_out(width, height, cap.rows);
}

static struct rect inner(struct rect r)
{
    return (struct rect){r.x + 1, r.y + 1, r.w - 2, r.h - 2};
}

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

/* A number with fixed decimals while reasonable, %.3g when huge. */
static void fmt_fixed(char *buf, size_t len, double v, int decimals)
{
    if (isfinite(v) && fabs(v) < 1e5)
        snprintf(buf, len, "%.*f", decimals, v == 0 ? 0.0 : v);
    else
        plot_format_number(buf, len, v, -1);
}

/* The a = 0.5 threshold in z: the decision boundary is w.x + b = t. */
static double decision_threshold(enum activation act)
{
    return act == ACT_LINEAR || act == ACT_RELU ? 0.5 : 0.0;
}

/* ---------- scatter ---------- */

struct scatter_ctx {
    const struct trainer *t;
    const struct dataset *d;
};

static double activation_at(double x, double y, const void *ctx)
{
    const struct scatter_ctx *s = ctx;
    const struct trainer *t = s->t;
    double z = neuron_weighted_sum(&t->neuron, x, y);
    return activation_value(t->config.activation, z);
}

static bool misclassified(size_t i, const void *ctx)
{
    const struct scatter_ctx *s = ctx;
    double a = activation_at(s->d->x1[i], s->d->x2[i], ctx);
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

static void draw_scatter(struct canvas *c, const struct rect box,
                         const struct view_state *s)
{
    const struct dataset *d = s->data;
    const struct trainer *t = s->trainer;
    const struct glyphs *g = glyphs_for(c);
    char title[256];
    snprintf(title, sizeof title, "data: %s vs %s", d->x_name ? d->x_name : "x1",
             d->y_name ? d->y_name : "x2");
    canvas_box(c, box, title, STYLE_FRAME);
    struct rect in = inner(box);
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
    const struct neuron *n = &t->neuron;
    if (s->regions) {
        static const enum colour ramp[2] = {COLOUR_BLUE, COLOUR_YELLOW};
        static const double half = 0.5;
        plot_bands(c, &p, activation_at, &ctx, &half, 1, s->colour, ramp, 2,
                   g->region);
    }
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

/* ---------- bowl ---------- */

static double bowl_at(double x, double y, const void *ctx)
{
    (void)ctx;
    return bowl_f(x, y);
}

/* The bowl's two lines of numbers. */
struct bowl_info {
    char line1[96], line2[96];
    int rows;               /* 1: side by side, 2: one under the other */
};

static void bowl_info_of(const struct bowl *b, int width, struct bowl_info *info)
{
    char xs[24], ys[24], fs[24];
    plot_format_number(xs, sizeof xs, b->x, -1);
    plot_format_number(ys, sizeof ys, b->y, -1);
    plot_format_number(fs, sizeof fs, bowl_f(b->x, b->y), -1);
    snprintf(info->line1, sizeof info->line1, "lr %g  step %zu", b->lr, b->steps);
    snprintf(info->line2, sizeof info->line2, "(x, y) = (%s, %s)  f = %s", xs, ys, fs);
    info->rows = canvas_text_width(info->line1) + 3 + canvas_text_width(info->line2)
                 <= width ? 1 : 2;
}

/* The bowl's plot inside the panel's inner rectangle: axes drawn when c
 * is not NULL; *p is the same either way (hit-testing uses NULL). */
static void bowl_plot(struct canvas *c, struct rect in, const struct bowl *b,
                      int info_rows, struct plot *p, double *radius)
{
    /* The view: centred on the minimum, the start point well inside. */
    double sx = b->path_len ? b->path_x[0] : b->x;
    double sy = b->path_len ? b->path_y[0] : b->y;
    double r = fmax(fabs(sx), fabs(sy));
    if (!isfinite(r) || r < 1)
        r = isfinite(r) ? 1 : 5;
    r *= 1.3;
    struct rect area = {in.x, in.y + info_rows, in.w, in.h - info_rows};
    struct axes ax = {.x0 = -r, .x1 = r, .y0 = -r, .y1 = r, .equal_aspect = true,
                      .y_nice = true};
    if (area.h < 14 || !plot_axes(c, area, &ax, STYLE_DIM, p)) {
        plot_init(p, area, -r, r, -r, r);
        plot_equal_aspect(p);
    }
    *radius = r;
}

/* The bowl's gradient arrow: -grad f = (-2x, -2y) drawn at a quarter of
 * its size, i.e. from p halfway to the minimum: it shrinks with the
 * distance to the minimum as the descent converges. */
#define BOWL_ARROW_SCALE 0.25

static void draw_bowl(struct canvas *c, const struct rect box,
                      const struct view_state *s)
{
    const struct bowl *b = s->bowl;
    const struct glyphs *g = glyphs_for(c);
    canvas_box(c, box, c->utf8 ? "bowl: f(x,y)=x²+y²" : "bowl: f(x,y)=x^2+y^2",
               STYLE_FRAME);
    struct rect in = inner(box);
    if (in.w < 10 || in.h < 5)
        return;
    struct bowl_info info;
    bowl_info_of(b, in.w, &info);
    if (info.rows == 1) {
        int w = canvas_text(c, in.x, in.y, in.w, info.line1, STYLE_TEXT);
        canvas_text(c, in.x + w + 3, in.y, in.w - w - 3, info.line2, STYLE_TEXT);
    } else {
        canvas_text(c, in.x, in.y, in.w, info.line1, STYLE_TEXT);
        canvas_text(c, in.x, in.y + 1, in.w, info.line2, STYLE_TEXT);
    }
    struct plot p;
    double r;
    bowl_plot(c, in, b, info.rows, &p, &r);
    /* Level circles every `step` of radius, at least 3 dots apart. */
    double unit = fmax(plot_dot_width(&p), plot_dot_height(&p));
    double step = util_ladder_at_least(fmax(r / 6, 3.5 * unit));
    double corner = hypot(fmax(fabs(p.x0), fabs(p.x1)), fmax(fabs(p.y0), fabs(p.y1)));
    double levels[64];
    size_t nl = 0;
    for (double rad = step; rad <= corner + step && nl < 64; rad += step)
        levels[nl++] = rad * rad;
    static const struct style rings[4] = {
        {COLOUR_GREEN, COLOUR_DEFAULT, 0}, {COLOUR_CYAN, COLOUR_DEFAULT, 0},
        {COLOUR_BLUE, COLOUR_DEFAULT, 0}, {COLOUR_MAGENTA, COLOUR_DEFAULT, 0},
    };
    plot_contours(c, &p, bowl_at, NULL, levels, nl, rings, 4, false);
    size_t n = b->path_len;
    if (n > 0 && (b->path_x[n - 1] != b->x || b->path_y[n - 1] != b->y))
        n = 0; /* the path lags the point: draw the point alone */
    if (n > 0)
        plot_path(c, &p, b->path_x, b->path_y, n, STYLE_PATH, g->current, STYLE_POINT);
    else
        plot_path(c, &p, &b->x, &b->y, 1, STYLE_PATH, g->current, STYLE_POINT);
    /* -grad f at the point, then the point again on top of it. */
    if (plot_vector(c, &p, b->x, b->y, -2 * b->x * BOWL_ARROW_SCALE,
                    -2 * b->y * BOWL_ARROW_SCALE, STYLE_ARROW))
        plot_point(c, &p, b->x, b->y, g->current, STYLE_POINT);
    /* The start, and the minimum unless the point sits on it. */
    int mx, my, cx, cy, px = -9, py = -9;
    plot_to_cell(&p, b->x, b->y, &px, &py);
    if (b->path_len > 1 && plot_to_cell(&p, b->path_x[0], b->path_y[0], &cx, &cy) &&
        (cx != px || cy != py) &&
        (canvas_cell(c, cx, cy)->kind != CELL_TEXT || !strcmp(canvas_cell(c, cx, cy)->glyph, " ")))
        canvas_put(c, cx, cy, g->start, STYLE_TEXT);
    if (plot_to_cell(&p, 0, 0, &mx, &my) && (abs(px - mx) > 1 || abs(py - my) > 1))
        canvas_put(c, mx, my, "+", STYLE_DIM);
}

/* ---------- cost landscape ---------- */

static double landscape_at(double w1, double w2, const void *ctx)
{
    return landscape_log_cost_at(ctx, w1, w2);
}

/* The landscape's -grad C arrow: scaled so that the grid's mean gradient
 * would be a quarter of the view across; it shrinks as the descent finds
 * flatter ground. */
#define LANDSCAPE_ARROW_SHARE 0.25

static void draw_landscape(struct canvas *c, const struct rect box,
                           const struct view_state *s)
{
    const struct trainer *t = s->trainer;
    const struct glyphs *g = glyphs_for(c);
    canvas_box(c, box, "cost landscape C(w1, w2)", STYLE_FRAME);
    struct rect in = inner(box);
    if (in.w < 10 || in.h < 5)
        return;
    struct landscape *l = s->landscape, *temporary = NULL;
    if (!l) {
        l = temporary = landscape_new();
        if (!l) {
            canvas_text(c, in.x, in.y, in.w, "out of memory", STYLE_WARN);
            return;
        }
    }
    const struct neuron *n = &t->neuron;
    struct gradient grad;
    double cost = landscape_evaluate(t->data, t->config.activation, t->config.loss,
                                     n->w1, n->w2, n->b, &grad);
    char bs[24], cs[24], line[160];
    plot_format_number(bs, sizeof bs, n->b, -1);
    plot_format_number(cs, sizeof cs, cost, -1);
    snprintf(line, sizeof line, "b = %s   C = %s   arrow %s%sC", bs, cs,
             c->utf8 ? "−" : "-", g->nabla);
    if (canvas_text_width(line) > in.w)
        snprintf(line, sizeof line, "b = %s   C = %s", bs, cs);
    canvas_text(c, in.x, in.y, in.w, line, STYLE_TEXT);

    double x0, x1, y0, y1;
    landscape_choose_view(l, t, &x0, &x1, &y0, &y1);
    struct rect area = {in.x, in.y + 1, in.w, in.h - 1};
    struct axes ax = {.x0 = x0, .x1 = x1, .y0 = y0, .y1 = y1, .equal_aspect = true,
                      .y_nice = true, .x_name = "w1", .y_name = "w2"};
    struct plot p;
    if (!plot_axes(c, area, &ax, STYLE_DIM, &p)) {
        plot_init(&p, area, x0, x1, y0, y1);
        plot_equal_aspect(&p);
    }
    /* A grid point per cell across and per half cell down: contours are
     * interpolated between them. */
    landscape_update(l, t, p.x0, p.x1, p.y0, p.y1, p.area.w + 1, 2 * p.area.h + 1,
                     !s->running);
    double levels[LANDSCAPE_LEVELS_MAX];
    size_t nl = landscape_levels(l, levels, LANDSCAPE_LEVELS_MAX);
    static const struct style rings[4] = {
        {COLOUR_GREEN, COLOUR_DEFAULT, 0}, {COLOUR_CYAN, COLOUR_DEFAULT, 0},
        {COLOUR_BLUE, COLOUR_DEFAULT, 0}, {COLOUR_MAGENTA, COLOUR_DEFAULT, 0},
    };
    plot_contours(c, &p, landscape_at, l, levels, nl, rings, 4, false);
    size_t np = landscape_path(l, t);
    plot_path(c, &p, l->path_w1, l->path_w2, np, STYLE_PATH, g->current, STYLE_POINT);
    double share = LANDSCAPE_ARROW_SHARE * fmin(p.x1 - p.x0, p.y1 - p.y0);
    double scale = l->mean_gradient > 0 ? share / l->mean_gradient : NAN;
    if (isfinite(scale) &&
        plot_vector(c, &p, n->w1, n->w2, -grad.dw1 * scale, -grad.dw2 * scale,
                    STYLE_ARROW))
        plot_point(c, &p, n->w1, n->w2, g->current, STYLE_POINT);
    landscape_free(temporary);
}

/* ---------- cost ---------- */

/* The costs of the history against their epochs, read in place. */
static struct plot_series cost_series(const struct history *h)
{
    struct plot_series s = {NULL, NULL, 0, sizeof(struct epoch_record)};
    if (h->records && h->len > 0) {
        s.values = &h->records[0].cost;
        s.positions = &h->records[0].epoch;
        s.n = h->len;
    }
    return s;
}

/* The history's record of that epoch, or the nearest one; NULL when the
 * history is empty. */
static const struct epoch_record *record_of(const struct history *h, size_t epoch)
{
    if (h->len == 0)
        return NULL;
    size_t lo = 0, hi = h->len - 1;
    while (lo < hi) {               /* the first record at or after epoch */
        size_t mid = lo + (hi - lo) / 2;
        if (h->records[mid].epoch < epoch)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo > 0 && epoch - h->records[lo - 1].epoch < h->records[lo].epoch - epoch)
        lo--;
    return &h->records[lo];
}

static void draw_cost(struct canvas *c, const struct rect box,
                      const struct view_state *s)
{
    const struct history *h = &s->trainer->history;
    canvas_box(c, box, s->log_cost ? "cost per epoch (log)" : "cost per epoch (linear)",
               STYLE_FRAME);
    struct rect in = inner(box);
    if (in.w < 10 || in.h < 3)
        return;
    struct cost_style st = {STYLE_DIM, STYLE_COST, STYLE_BAD};
    struct plot_series costs = cost_series(h);
    plot_cost(c, in, &costs, s->log_cost, &st);
    const struct epoch_record *r = s->picked ? record_of(h, s->picked_epoch) : NULL;
    struct plot p;
    if (!r || !plot_cost_layout(in, &costs, s->log_cost, &p))
        return;
    /* The picked epoch: a marker on the top and bottom rows of the plot
     * in its column, and its number. */
    double dx, dy;
    plot_to_dot(&p, (double)r->epoch, p.y0, &dx, &dy);
    int col = canvas_clamp_int(dx / 2.0, p.area.x, p.area.x + p.area.w - 1);
    struct style mark = style_of(COLOUR_MAGENTA, ATTR_BOLD);
    canvas_put(c, col, p.area.y, c->utf8 ? "▼" : "v", mark);
    canvas_put(c, col, p.area.y + p.area.h - 1, c->utf8 ? "▲" : "^", mark);
    char label[40];
    snprintf(label, sizeof label, "epoch %zu", r->epoch);
    int w = canvas_text_width(label);
    int x = col + 2 + w <= p.area.x + p.area.w ? col + 2 : col - 1 - w;
    if (x >= p.area.x)
        canvas_text(c, x, p.area.y, w, label, style_of(COLOUR_MAGENTA, ATTR_REVERSE));
}

/* ---------- neuron ---------- */

static const char *activation_formula(enum activation act)
{
    switch (act) {
    case ACT_SIGMOID: return "1/(1+e^-z)";
    case ACT_LINEAR: return "z";
    case ACT_RELU: return "max(0, z)";
    case ACT_STEP: return "1 if z >= 0, else 0";
    default: return "?";
    }
}

static const char *loss_formula(enum loss loss, bool utf8)
{
    switch (loss) {
    case LOSS_MSE: return utf8 ? "½(a−y)²" : "(a-y)^2/2";
    case LOSS_MAE: return "|a-y|";
    case LOSS_BCE: return utf8 ? "−y·ln a − (1−y)·ln(1−a)" : "-y*ln a - (1-y)*ln(1-a)";
    default: return "?";
    }
}

/* "+ 1.72" / "- 0.31": a signed term of the formula. */
static void signed_term(char *buf, size_t len, double v, int decimals,
                        bool first)
{
    char num[32];
    bool negative = signbit(v) && !isnan(v);
    fmt_fixed(num, sizeof num, fabs(v), decimals);
    if (first)
        snprintf(buf, len, "%s%s", negative ? "-" : "", num);
    else
        snprintf(buf, len, " %s %s", negative ? "-" : "+", num);
}

/* The neuron panel's text, one line per entry, in order of importance:
 * what does not fit the panel's height is left out. */
#define NEURON_LINES 24
struct text_lines {
    char text[NEURON_LINES][256];
    struct style style[NEURON_LINES];
    int count;
    int width;      /* columns available */
};

/* Adds the first of the candidates (NULL-terminated, longest first) that
 * fits the width, or the last one clipped. */
static void add_line(struct text_lines *l, struct style st, const char *longer,
                     const char *shorter)
{
    if (l->count >= NEURON_LINES)
        return;
    const char *pick = longer;
    if (shorter && canvas_text_width(longer) > l->width)
        pick = shorter;
    snprintf(l->text[l->count], sizeof l->text[0], "%s", pick);
    l->style[l->count++] = st;
}

/* One sample worked through: its features, z, a and the prediction. */
static void sample_line(struct text_lines *l, const struct view_state *s,
                        const struct glyphs *g, size_t i, bool utf8)
{
    const struct trainer *t = s->trainer;
    const struct dataset *d = s->data;
    double z = neuron_weighted_sum(&t->neuron, d->x1[i], d->x2[i]);
    double a = activation_value(t->config.activation, z);
    int k = d->y[i] >= 0.5;
    int predicted = a >= 0.5;
    char zs[24], as[24], line[256], shorter[256];
    plot_format_number(zs, sizeof zs, z, -1);
    plot_format_number(as, sizeof as, a, -1);
    const char *name = d->class_name[k] ? d->class_name[k] : "?";
    const char *verdict = isnan(a) ? "?" : predicted == k ? "right" : "WRONG";
    snprintf(line, sizeof line, "sample %zu (%s): x1 %g, x2 %g %s z = %s, a = %s: %s",
             i + 1, name, d->x1[i], d->x2[i], utf8 ? "→" : "->", zs, as, verdict);
    snprintf(shorter, sizeof shorter, "#%zu %s: z %s, a %s: %s", i + 1, name, zs,
             as, verdict);
    (void)g;
    add_line(l, predicted == k ? STYLE_DIM : STYLE_WARN, line, shorter);
}

static void draw_neuron(struct canvas *c, const struct rect box,
                        const struct view_state *s)
{
    const struct trainer *t = s->trainer;
    const struct dataset *d = s->data;
    const struct glyphs *g = glyphs_for(c);
    canvas_box(c, box, "neuron", STYLE_FRAME);
    struct rect in = inner(box);
    if (in.w < 10 || in.h < 3)
        return;
    bool wide = in.w >= 50;
    const struct neuron *n = &t->neuron;
    struct gradient grad = {0, 0, 0};
    double cost = trainer_evaluate(t, &grad);
    double accuracy = trainer_accuracy(t);
    enum activation act = t->config.activation;
    enum loss loss = t->config.loss;
    const char *dd = g->partial;
    struct text_lines l = {.count = 0, .width = in.w};
    char a[256], b[256];

    const struct epoch_record *picked =
        s->picked ? record_of(&t->history, s->picked_epoch) : NULL;
    if (picked) {
        char pc[24], p1[24], p2[24], pb[24];
        plot_format_number(pc, sizeof pc, picked->cost, -1);
        plot_format_number(p1, sizeof p1, picked->w1, -1);
        plot_format_number(p2, sizeof p2, picked->w2, -1);
        plot_format_number(pb, sizeof pb, picked->b, -1);
        struct style st = style_of(COLOUR_MAGENTA, ATTR_REVERSE);
        snprintf(a, sizeof a, "epoch %zu: C = %s  w1 = %s  w2 = %s  b = %s",
                 picked->epoch, pc, p1, p2, pb);
        if (canvas_text_width(a) <= in.w) {
            add_line(&l, st, a, NULL);
        } else {
            snprintf(a, sizeof a, "epoch %zu: C = %s", picked->epoch, pc);
            add_line(&l, st, a, NULL);
            snprintf(a, sizeof a, "w1 %s  w2 %s  b %s", p1, p2, pb);
            add_line(&l, st, a, NULL);
        }
    }

    char w1[40], w2[40], bb[40];
    int dec = wide ? 4 : 2;
    signed_term(w1, sizeof w1, n->w1, dec, true);
    signed_term(w2, sizeof w2, n->w2, dec, false);
    signed_term(bb, sizeof bb, n->b, dec, false);
    snprintf(a, sizeof a, "z = %s%sx1%s%sx2%s", w1, g->times, w2, g->times, bb);
    add_line(&l, STYLE_TITLE, a, NULL);

    snprintf(a, sizeof a, "a = %s(z) = %s   loss %s", activation_name(act),
             activation_formula(act), loss_name(loss));
    snprintf(b, sizeof b, "a = %s(z)   loss %s", activation_name(act), loss_name(loss));
    add_line(&l, STYLE_TEXT, a, b);

    char cs[32], g1[32], g2[32], g3[32];
    plot_format_number(cs, sizeof cs, cost, -1);
    plot_format_number(g1, sizeof g1, grad.dw1, -1);
    plot_format_number(g2, sizeof g2, grad.dw2, -1);
    plot_format_number(g3, sizeof g3, grad.db, -1);
    size_t right = (size_t)(accuracy * (double)d->n + 0.5);
    snprintf(a, sizeof a, "C = mean %s = %s   accuracy %.1f%% (%zu of %zu)",
             loss_formula(loss, c->utf8), cs, 100.0 * accuracy, right, d->n);
    snprintf(b, sizeof b, "C = %s   accuracy %.1f%%", cs, 100.0 * accuracy);
    add_line(&l, STYLE_TEXT, a, b);

    snprintf(a, sizeof a, "gradient  %sC/%sw1 %s   %sC/%sw2 %s   %sC/%sb %s", dd, dd,
             g1, dd, dd, g2, dd, dd, g3);
    if (canvas_text_width(a) <= in.w) {
        add_line(&l, STYLE_TEXT, a, NULL);
    } else {
        snprintf(a, sizeof a, "%sC/%sw1 = %s", dd, dd, g1);
        add_line(&l, STYLE_TEXT, a, NULL);
        snprintf(a, sizeof a, "%sC/%sw2 = %s", dd, dd, g2);
        add_line(&l, STYLE_TEXT, a, NULL);
        snprintf(a, sizeof a, "%sC/%sb  = %s", dd, dd, g3);
        add_line(&l, STYLE_TEXT, a, NULL);
    }
    if (act == ACT_STEP) {
        add_line(&l, STYLE_WARN,
                 "step: its gradient is 0, so it cannot learn by gradient descent",
                 "step: its gradient is 0, so it");
        if (canvas_text_width(l.text[l.count - 1]) < 40)
            add_line(&l, STYLE_WARN, "cannot learn by gradient descent", NULL);
    }
    snprintf(a, sizeof a, "x1 = %s   x2 = %s%s", d->x_name ? d->x_name : "?",
             d->y_name ? d->y_name : "?", d->standardized ? " (standardised)" : "");
    snprintf(b, sizeof b, "x1 %s   x2 %s", d->x_name ? d->x_name : "?",
             d->y_name ? d->y_name : "?");
    add_line(&l, STYLE_DIM, a, b);
    if (in.h >= 12) {
        const char *c0 = d->class_name[0] ? d->class_name[0] : "?";
        const char *c1 = d->class_name[1] ? d->class_name[1] : "?";
        snprintf(a, sizeof a, "y = 0 for %s, 1 for %s: predicts %s when a %s 0.5",
                 c0, c1, c1, g->geq);
        snprintf(b, sizeof b, "predicts %s when a %s 0.5", c1, g->geq);
        add_line(&l, STYLE_DIM, a, b);
        char batch[48];
        if (t->config.batch == 0)
            snprintf(batch, sizeof batch, "full (%zu samples)", d->n);
        else
            snprintf(batch, sizeof batch, "%zu of %zu samples", trainer_batch_size(t), d->n);
        snprintf(a, sizeof a, "update w %s w %s lr%s%sC/%sw   lr %g, batch %s",
                 c->utf8 ? "←" : "<-", c->utf8 ? "−" : "-", g->times, dd, dd,
                 t->config.lr, batch);
        snprintf(b, sizeof b, "update w %s w %s lr%s%sC/%sw", c->utf8 ? "←" : "<-",
                 c->utf8 ? "−" : "-", g->times, dd, dd);
        add_line(&l, STYLE_DIM, a, b);
        snprintf(a, sizeof a, "init %s, seed %llu, shuffle %s", init_name(t->config.init),
                 (unsigned long long)t->config.seed, t->config.shuffle ? "on" : "off");
        add_line(&l, STYLE_DIM, a, NULL);
    }
    if (in.h >= 16 && d->n > 0) {
        /* The first sample of each class, worked through. */
        add_line(&l, STYLE_TEXT, "", NULL);
        size_t first[2] = {d->n, d->n};
        for (size_t i = 0; i < d->n; i++) {
            int k = d->y[i] >= 0.5;
            if (first[k] == d->n)
                first[k] = i;
        }
        for (int k = 0; k < 2; k++)
            if (first[k] < d->n)
                sample_line(&l, s, g, first[k], c->utf8);
    }
    for (int i = 0; i < l.count && i < in.h; i++)
        canvas_text(c, in.x, in.y + i, in.w, l.text[i], l.style[i]);
}

/* ---------- status line, banner, notice, help ---------- */

static void draw_status(struct canvas *c, const struct layout *l,
                        const struct view_state *s, bool *help_dropped)
{
    const struct trainer *t = s->trainer;
    const struct glyphs *g = glyphs_for(c);
    char cost[32], batch[32], speed[32];
    double shown = t->epoch > 0 ? t->last_cost : trainer_evaluate(t, NULL);
    plot_format_number(cost, sizeof cost, shown, -1);
    if (t->config.batch == 0)
        snprintf(batch, sizeof batch, "full");
    else
        snprintf(batch, sizeof batch, "%zu", t->config.batch);
    snprintf(speed, sizeof speed, "%u/frame", s->epochs_per_frame);
    const char *state = s->finished ? g->done : s->running ? g->running : g->paused;
    char parts[9][64];
    if (s->rewound && s->newest_epoch > 0)
        snprintf(parts[0], 64, "%s epoch %zu of %zu", g->back, t->epoch, s->newest_epoch);
    else if (s->rewound)
        snprintf(parts[0], 64, "%s epoch %zu (rewound)", g->back, t->epoch);
    else
        snprintf(parts[0], 64, "epoch %zu", t->epoch);
    snprintf(parts[1], 64, "cost %s", cost);
    snprintf(parts[2], 64, "lr %g", t->config.lr);
    snprintf(parts[3], 64, "loss %s", loss_name(t->config.loss));
    snprintf(parts[4], 64, "batch %s", batch);
    snprintf(parts[5], 64, "act %s", activation_name(t->config.activation));
    snprintf(parts[6], 64, "speed %s", speed);
    snprintf(parts[7], 64, "%s", state);
    snprintf(parts[8], 64, "%s help", keymap_label_for(ACTION_HELP));
    /* Fit: two spaces apart; else drop speed; else one space; else move
     * "? help" to the frame. */
    static const struct { int gap; bool speed, help; } tries[] = {
        {2, true, true}, {2, false, true}, {1, false, true}, {1, false, false},
    };
    char line[640];
    int width = 0;
    size_t k;
    for (k = 0; k < sizeof tries / sizeof tries[0]; k++) {
        line[0] = '\0';
        for (int i = 0; i < 9; i++) {
            if ((i == 6 && !tries[k].speed) || (i == 8 && !tries[k].help))
                continue;
            if (line[0])
                strcat(line, tries[k].gap == 2 ? "  " : " ");
            strcat(line, parts[i]);
        }
        width = canvas_text_width(line);
        if (width <= c->width)
            break;
    }
    if (k == sizeof tries / sizeof tries[0])
        k--;
    *help_dropped = !tries[k].help;
    canvas_text(c, 0, l->status_row, c->width, line, STYLE_TEXT);
    if (s->rewound)   /* the past: its epoch stands out */
        canvas_text(c, 0, l->status_row, c->width, parts[0],
                    style_of(COLOUR_MAGENTA, ATTR_BOLD | ATTR_REVERSE));
    int room = c->width - width - 2;
    if (room >= 8) {
        const struct history *h = &t->history;
        int w = room > 60 ? 60 : room;
        struct plot_series costs = cost_series(h);
        plot_sparkline(c, width + 2, l->status_row, w, &costs, s->log_cost,
                       STYLE_COST, STYLE_BAD);
    }
}

/* Text centred on a row, between x0 and x0 + w. */
static void centred(struct canvas *c, int x0, int w, int y, const char *text,
                    struct style st)
{
    int tw = canvas_text_width(text);
    int x = x0 + (w - tw) / 2;
    if (x < x0)
        x = x0;
    canvas_text(c, x, y, x0 + w - x, text, st);
}

static void draw_help(struct canvas *c)
{
    size_t count;
    const struct key_binding *keys = keymap_table(&count);
    if (count == 0)
        return;
    int label_w = 0, help_w = 0;
    for (size_t i = 0; i < count; i++) {
        int lw = canvas_text_width(keys[i].label), hw = canvas_text_width(keys[i].help);
        if (lw > label_w)
            label_w = lw;
        if (hw > help_w)
            help_w = hw;
    }
    int max_rows = c->height - 4;
    if (max_rows < 1)
        return;
    int rows = (int)count < max_rows ? (int)count : max_rows;
    int cols = ((int)count + rows - 1) / rows;
    rows = ((int)count + cols - 1) / cols;
    int entry = label_w + 2 + help_w;
    int max_entry = (c->width - 4 - 3 * (cols - 1)) / cols;
    if (entry > max_entry)
        entry = max_entry;
    if (entry < label_w + 3)
        return;
    int bw = cols * entry + 3 * (cols - 1) + 4, bh = rows + 2;
    struct rect box = {(c->width - bw) / 2, (c->height - 1 - bh) / 2, bw, bh};
    canvas_fill(c, box, " ", STYLE_TEXT);
    /* A fresh box: clear the cells so it does not join the panels. */
    for (int y = box.y; y < box.y + box.h; y++)
        for (int x = box.x; x < box.x + box.w; x++) {
            struct cell *cell = canvas_cell(c, x, y);
            if (cell)
                cell->kind = CELL_TEXT;
        }
    canvas_box(c, box, "keys", STYLE_TITLE);
    for (size_t i = 0; i < count; i++) {
        int col = (int)i / rows, row = (int)i % rows;
        int x = box.x + 2 + col * (entry + 3), y = box.y + 1 + row;
        canvas_text(c, x, y, label_w, keys[i].label, STYLE_TITLE);
        canvas_text(c, x + label_w + 2, y, entry - label_w - 2, keys[i].help, STYLE_TEXT);
    }
}

/* The notice for a screen under the minimum: the longest wording that
 * fits the width, clipped if even the shortest does not. */
static void draw_too_small(struct canvas *c)
{
    char msg[4][160];
    int w = VIEWS_MIN_WIDTH, h = VIEWS_MIN_HEIGHT;
    snprintf(msg[0], sizeof msg[0], "descent needs at least %dx%d %s this terminal is %dx%d",
             w, h, c->utf8 ? "—" : "--", c->width, c->height);
    snprintf(msg[1], sizeof msg[1], "need %dx%d, have %dx%d", w, h, c->width, c->height);
    snprintf(msg[2], sizeof msg[2], "need %dx%d", w, h);
    snprintf(msg[3], sizeof msg[3], "%dx%d", w, h);
    int k = 0;
    while (k < 3 && canvas_text_width(msg[k]) > c->width)
        k++;
    canvas_text(c, 0, 0, c->width, msg[k], STYLE_WARN);
}

void views_render(struct canvas *c, const struct view_state *s)
{
    canvas_clear(c);
    if (c->width < VIEWS_MIN_WIDTH || c->height < VIEWS_MIN_HEIGHT) {
        draw_too_small(c);
        return;
    }
    struct caption cap;
    caption_of(s, c->width, c->utf8, &cap);
    struct layout l = lay_out(c->width, c->height, cap.rows);
    for (int i = 0; i < cap.rows; i++) {
        canvas_fill(c, (struct rect){0, i, c->width, 1}, " ", STYLE_CAPTION);
        canvas_text(c, 1, i, c->width - 2, cap.row[i], STYLE_CAPTION);
    }
    draw_scatter(c, l.scatter, s);
    if (s->right == RIGHT_LANDSCAPE)
        draw_landscape(c, l.bowl, s);
    else
        draw_bowl(c, l.bowl, s);
    draw_cost(c, l.cost, s);
    draw_neuron(c, l.neuron, s);
    bool help_dropped = false;
    draw_status(c, &l, s, &help_dropped);
    int bottom = l.status_row - 1;
    if (help_dropped) {
        char help[32];
        snprintf(help, sizeof help, "%s help", keymap_label_for(ACTION_HELP));
        canvas_text(c, c->width - 9, bottom, 6, help, STYLE_TITLE);
    }
    const struct trainer *t = s->trainer;
    int notice_row = bottom;
    if (t->diverged) {
        char banner[160];
        snprintf(banner, sizeof banner,
                 " DIVERGED at epoch %zu %s lower the learning rate (%s) and reset (%s) ",
                 t->diverged_epoch, glyphs_for(c)->dash, keymap_label_for(ACTION_LR_DOWN),
                 keymap_label_for(ACTION_RESET));
        centred(c, 0, c->width, bottom, banner,
                style_of(COLOUR_RED, ATTR_BOLD | ATTR_REVERSE));
        notice_row = l.cost.y;
    }
    if (s->notice && *s->notice) {
        char text[256];
        snprintf(text, sizeof text, " %s ", s->notice);
        /* the whole border row, short of "? help" when it sits there */
        int room = c->width - (help_dropped && notice_row == bottom ? 13 : 4);
        canvas_text(c, 2, notice_row, room, text,
                    style_of(COLOUR_DEFAULT, ATTR_REVERSE));
    }
    if (s->help)
        draw_help(c);
}

/* ---------- hit-testing ---------- */

bool views_bowl_point(const struct view_state *s, int width, int height,
                      int x, int y, double *px, double *py)
{
    if (width < VIEWS_MIN_WIDTH || height < VIEWS_MIN_HEIGHT ||
        s->right != RIGHT_BOWL || !s->bowl)
        return false;
    struct layout l = lay_out_state(s, width, height, true);
    struct rect in = inner(l.bowl);
    if (in.w < 10 || in.h < 5)
        return false;
    struct bowl_info info;
    bowl_info_of(s->bowl, in.w, &info);
    struct plot p;
    double r;
    bowl_plot(NULL, in, s->bowl, info.rows, &p, &r);
    const struct rect *a = &p.area;
    if (x < a->x || x >= a->x + a->w || y < a->y || y >= a->y + a->h)
        return false;
    /* The cell's centre: dot (2x + 1, 4y + 2). */
    double rx = 2.0 * (x - a->x) + 1.0, ry = 4.0 * (y - a->y) + 2.0;
    *px = p.x0 + (rx - 0.5) * plot_dot_width(&p);
    *py = p.y1 - (ry - 0.5) * plot_dot_height(&p);
    return true;
}

bool views_cost_epoch(const struct view_state *s, int width, int height,
                      int x, int y, size_t *epoch)
{
    if (width < VIEWS_MIN_WIDTH || height < VIEWS_MIN_HEIGHT)
        return false;
    const struct history *h = &s->trainer->history;
    struct layout l = lay_out_state(s, width, height, true);
    struct rect in = inner(l.cost);
    struct plot p;
    struct plot_series costs = cost_series(h);
    if (in.w < 10 || in.h < 3 || !plot_cost_layout(in, &costs, s->log_cost, &p))
        return false;
    const struct rect *a = &p.area;
    if (x < a->x || x >= a->x + a->w || y < a->y || y >= a->y + a->h)
        return false;
    /* The cell's place along the plot, its first column on the first
     * epoch and its last on the last one. */
    double value = a->w > 1 ? p.x0 + (p.x1 - p.x0) * (x - a->x) / (a->w - 1) : p.x0;
    if (!(value >= 0))
        value = 0;
    const struct epoch_record *r = record_of(h, (size_t)(value + 0.5));
    if (!r)
        return false;
    *epoch = r->epoch;
    return true;
}
