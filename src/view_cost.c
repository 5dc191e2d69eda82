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
    struct plot_series s = {NULL, NULL, 0, sizeof(struct epoch_record), 0};
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

/* The updates of the trainer's cost log, read in place, as epochs. */
static struct plot_series update_series(const struct trainer *t)
{
    const struct cost_log *log = &t->log;
    struct plot_series s = {NULL, NULL, 0, sizeof(struct update_cost), t->data->n};
    if (log->updates && log->len > 0) {
        s.values = &log->updates[0].cost;
        s.positions = &log->updates[0].position;
        s.n = log->len;
    }
    return s;
}

/* Whether the panel shows every update (u; there are updates to show). */
static bool shows_updates(const struct view_state *s)
{
    return s->per_update && s->trainer->log.len > 0 && s->data->n > 0;
}

/* Points from..n of s (from <= n). */
static struct plot_series series_from(struct plot_series s, size_t from)
{
    if (from >= s.n) {
        s.n = 0;
        return s;
    }
    s.values = (const double *)(const void *)((const char *)s.values + from * s.stride);
    if (s.positions)
        s.positions = (const size_t *)(const void *)((const char *)s.positions
                                                     + from * s.stride);
    s.n -= from;
    return s;
}

/* The first update of s (positions in samples) after the sample
 * position at; s->n when none. */
static size_t first_after(const struct plot_series *s, size_t at)
{
    size_t lo = 0, hi = s->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const size_t *pos = (const size_t *)(const void *)((const char *)s->positions
                                                           + mid * s->stride);
        if (*pos <= at)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The curves of the panel, in drawing order, and the series whose
 * positions span the x axis. Epoch costs from before the last loss change
 * are of another loss: drawn dim, never mixed silently with the current
 * ones. With per_update the frame is the kept updates (the last few
 * thousand) and the epochs costs are drawn from the first of them. */
struct cost_curves {
    struct plot_series frame;
    struct plot_series part[6];
    struct cost_layer layer[6];
    size_t n;
};

static void add_layer(struct cost_curves *cc, struct plot_series s, struct style st,
                      bool mark_bad)
{
    cc->part[cc->n] = s;
    cc->layer[cc->n].s = &cc->part[cc->n];
    cc->layer[cc->n].line = st;
    cc->layer[cc->n].mark_bad = mark_bad;
    cc->n++;
}

/* The first history record from..len whose epoch ends after the sample
 * position at (epoch e ends at e*n; a binary search: records are in
 * epoch order). */
static size_t first_epoch_after(const struct history *h, size_t from, size_t n, size_t at)
{
    size_t hi = h->len;
    while (from < hi) {
        size_t mid = from + (hi - from) / 2;
        if (h->records[mid].epoch * n <= at)
            from = mid + 1;
        else
            hi = mid;
    }
    return from;
}

/* The epochs from..len of the history (series epochs): those up to the
 * last loss change (change, in samples; 0: none) dim, the rest in st. */
static void add_epochs(struct cost_curves *cc, const struct history *h,
                       struct plot_series epochs, size_t from, size_t n, size_t change,
                       bool mark_bad)
{
    size_t cut = change ? first_epoch_after(h, from, n, change) : from;
    if (cut > from) {
        struct plot_series before = series_from(epochs, from);
        before.n = cut - from;
        add_layer(cc, before, STYLE_DIM, false);
    }
    add_layer(cc, series_from(epochs, cut), STYLE_COST, mark_bad);
}

static void cost_curves(const struct view_state *s, struct cost_curves *cc)
{
    const struct trainer *t = s->trainer;
    const struct history *h = &t->history;
    size_t n = s->data->n ? s->data->n : 1;
    size_t change = cost_log_last_loss_change(&t->log);
    struct plot_series epochs = view_cost_series(h);
    struct plot_series test = shows_test(s) ? test_series(h) : (struct plot_series){0};
    cc->n = 0;
    if (!shows_updates(s)) {
        cc->frame = epochs;
        if (test.n > 0)
            add_layer(cc, test, style_of(COLOUR_CYAN, 0), false);
        add_epochs(cc, h, epochs, 0, n, change, true);
        return;
    }
    /* every kept update, thin, the epoch costs over them in bold */
    struct plot_series updates = update_series(t);
    cc->frame = updates;
    size_t first = t->log.updates[0].position; /* epochs ending at or after it */
    size_t from = first > 0 ? first_epoch_after(h, 0, n, first - 1) : 0;
    if (test.n > 0)
        add_layer(cc, series_from(test, from), style_of(COLOUR_CYAN, 0), false);
    size_t cut = change ? first_after(&updates, change) : 0;
    if (cut > 0) {
        struct plot_series before = updates;
        before.n = cut;
        add_layer(cc, before, STYLE_DIM, false);
    }
    add_layer(cc, series_from(updates, cut), style_of(COLOUR_BLUE, 0), true);
    add_epochs(cc, h, epochs, from, n, change, false);
}

/* The plot's data window. */
static bool cost_layout(const struct view_state *s, struct rect in, struct plot *p)
{
    struct cost_curves cc;
    cost_curves(s, &cc);
    struct cost_style st = {STYLE_DIM, STYLE_COST, STYLE_BAD};
    return plot_cost_layers(NULL, in, &cc.frame, cc.layer, cc.n, s->log_cost, &st, p);
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

/* The setting marks (cost_log.h) inside the plot: a tick on the top row
 * in the mark's column and its label after it, when there is room before
 * the next mark. */
static void draw_marks(struct canvas *c, const struct view_state *s, const struct plot *p)
{
    const struct cost_log *log = &s->trainer->log;
    size_t n = s->data->n ? s->data->n : 1;
    int right = p->area.x + p->area.w;
    int col[COST_LOG_MARKS];
    size_t count = 0;
    for (size_t i = 0; i < log->nmarks; i++) {
        double x = (double)log->marks[i].position / (double)n, dx, dy;
        if (x < p->x0 || x > p->x1 || !plot_to_dot(p, x, p->y1, &dx, &dy)) {
            col[i] = -1;
            continue;
        }
        col[i] = canvas_clamp_int(dx / 2.0, p->area.x, right - 1);
        count++;
    }
    struct style st = STYLE_TITLE;
    for (size_t i = 0; i < log->nmarks && count > 0; i++) {
        if (col[i] < 0)
            continue;
        int next = right;
        for (size_t j = i + 1; j < log->nmarks; j++)
            if (col[j] >= 0) {
                next = col[j];
                break;
            }
        canvas_put(c, col[i], p->area.y, c->utf8 ? "┆" : "|", st);
        char label[128];
        cost_log_label(&log->marks[i], label, sizeof label);
        int room = next - col[i] - 2;
        if (room >= 3)
            canvas_text(c, col[i] + 1, p->area.y, room, label, st);
    }
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
    /* the longest title that fits: which cost this is, then the scale */
    const char *scale = s->log_cost ? "log" : "linear";
    const char *test = shows_test(s) ? ": training and test cost" : "";
    char title[3][160];
    if (shows_updates(s)) {
        snprintf(title[0], sizeof title[0], "cost per update, epoch cost bold (%s)%s", scale,
                 test);
        snprintf(title[1], sizeof title[1], "update and epoch cost (%s)%s", scale, test);
        snprintf(title[2], sizeof title[2], "update cost (%s)", scale);
    } else {
        snprintf(title[0], sizeof title[0], "epoch cost: mean during each epoch (%s)%s",
                 scale, test);
        snprintf(title[1], sizeof title[1], "epoch cost (%s)%s", scale, test);
        snprintf(title[2], sizeof title[2], "epoch cost (%s)", scale);
    }
    int k = 0;
    while (k < 2 && canvas_text_width(title[k]) > box.w - 6)
        k++;
    canvas_box(c, box, title[k], STYLE_FRAME);
    struct rect in = view_inner(box);
    if (in.w < 10 || in.h < 3)
        return;
    struct cost_style st = {STYLE_DIM, STYLE_COST, STYLE_BAD};
    struct cost_curves cc;
    cost_curves(s, &cc);
    struct plot window;
    if (plot_cost_layers(c, in, &cc.frame, cc.layer, cc.n, s->log_cost, &st, &window))
        draw_marks(c, s, &window);
    if (shows_test(s))
        label_test(c, s, in);
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
