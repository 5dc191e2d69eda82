/* view_cost.c - the cost panel: the cost of every epoch so far (log or
 * linear), with a test split the test cost beside it (labelled test at
 * its end; t hides it), the epoch a click picked marked on it; a click
 * maps a column back to an epoch. Also the history read as a series, for the status
 * line's sparkline and the neuron panel's picked epoch. */
#include <math.h>
#include <stdio.h>

#include "views_internal.h"

/* The costs of the history against their epochs, read in place. */
struct plot_series view_cost_series(const struct history *h)
{
    struct plot_series s = {NULL, NULL, 0, sizeof(struct epoch_record)};
    if (h->records && h->len > 0) {
        s.values = &h->records[0].cost;
        s.positions = &h->records[0].epoch;
        s.n = h->len;
    }
    return s;
}

/* The test costs of the history against their epochs, read in place. */
static struct plot_series test_series(const struct history *h)
{
    struct plot_series s = view_cost_series(h);
    if (s.n > 0)
        s.values = &h->records[0].test_cost;
    return s;
}

/* Whether the panel shows the test cost. */
static bool shows_test(const struct view_state *s)
{
    return s->data->n_test > 0 && !s->test_hidden;
}

/* The plot's data window (test cost included when shown). */
static bool cost_layout(const struct view_state *s, struct rect in, struct plot *p)
{
    const struct history *h = &s->trainer->history;
    struct plot_series costs = view_cost_series(h);
    if (shows_test(s)) {
        struct plot_series test = test_series(h);
        return plot_cost_with_layout(in, &costs, &test, s->log_cost, p);
    }
    return plot_cost_layout(in, &costs, s->log_cost, p);
}

/* The word test beside the last point of the test curve, inside the plot. */
static void label_test(struct canvas *c, const struct view_state *s, struct rect in)
{
    const struct history *h = &s->trainer->history;
    struct plot p;
    if (h->len == 0 || !cost_layout(s, in, &p))
        return;
    const struct epoch_record *last = &h->records[h->len - 1];
    double v = last->test_cost;
    if (!isfinite(v))
        return;
    if (s->log_cost && v > 0)
        v = log10(v);
    double dx, dy;
    if (!plot_to_dot(&p, (double)last->epoch, v, &dx, &dy))
        return;
    int row = canvas_clamp_int(dy / 4.0, p.area.y, p.area.y + p.area.h - 1);
    int col = p.area.x + p.area.w - 6;
    canvas_text(c, col, row, 5, " test", style_of(COLOUR_CYAN, ATTR_BOLD));
}

/* The history's record of that epoch, or the nearest one; NULL when the
 * history is empty. */
const struct epoch_record *view_record_of(const struct history *h, size_t epoch)
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

void view_cost_draw(struct canvas *c, const struct rect box,
                      const struct view_state *s)
{
    if (s->lr_find) { /* F: the range test's curve in its place */
        view_lr_find_draw(c, box, s);
        return;
    }
    const struct history *h = &s->trainer->history;
    const char *title = s->log_cost ? "cost per epoch (log)" : "cost per epoch (linear)";
    if (shows_test(s))
        title = s->log_cost ? "cost per epoch (log): training and test cost"
                            : "cost per epoch (linear): training and test cost";
    canvas_box(c, box, title, STYLE_FRAME);
    struct rect in = view_inner(box);
    if (in.w < 10 || in.h < 3)
        return;
    struct cost_style st = {STYLE_DIM, STYLE_COST, STYLE_BAD};
    struct plot_series costs = view_cost_series(h);
    if (shows_test(s)) {
        struct plot_series test = test_series(h);
        plot_cost_with(c, in, &costs, &test, s->log_cost, &st,
                       style_of(COLOUR_CYAN, 0));
        label_test(c, s, in);
    } else {
        plot_cost(c, in, &costs, s->log_cost, &st);
    }
    const struct epoch_record *r = s->picked ? view_record_of(h, s->picked_epoch) : NULL;
    struct plot p;
    if (!r || !cost_layout(s, in, &p))
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


/* A click on the cost plot: the recorded epoch nearest to the cell's
 * place along it (the first column on the first epoch, the last on the
 * last one). */
bool view_cost_hit(const struct view_state *s, struct rect box, int x, int y,
                   struct view_hit *hit)
{
    const struct history *h = &s->trainer->history;
    struct rect in = view_inner(box);
    struct plot p;
    if (s->lr_find || in.w < 10 || in.h < 3 || !cost_layout(s, in, &p))
        return false;
    const struct rect *a = &p.area;
    if (x < a->x || x >= a->x + a->w || y < a->y || y >= a->y + a->h)
        return false;
    double value = a->w > 1 ? p.x0 + (p.x1 - p.x0) * (x - a->x) / (a->w - 1) : p.x0;
    if (!(value >= 0))
        value = 0;
    const struct epoch_record *r = view_record_of(h, (size_t)(value + 0.5));
    if (!r)
        return false;
    hit->epoch = r->epoch;
    return true;
}
