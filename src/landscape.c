/* landscape.c - the neuron's cost over (w1, w2) at the current b: a
 * cached grid of mean costs (log10), a view range that only grows or
 * shrinks in 1-2-5 steps, log-spaced levels on a fixed lattice, and the
 * training path thinned for drawing. The cache rule is in landscape.h. */
#include "landscape.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

struct landscape *landscape_new(void)
{
    struct landscape *l = calloc(1, sizeof *l);
    if (l) {
        l->lo = NAN;
        l->hi = NAN;
    }
    return l;
}

void landscape_free(struct landscape *l)
{
    if (!l)
        return;
    free(l->log_cost);
    free(l);
}

double landscape_evaluate(const struct dataset *d, enum activation act,
                          enum loss loss, double w1, double w2, double b,
                          struct gradient *g)
{
    if (d->n == 0) {
        if (g)
            *g = (struct gradient){NAN, NAN, NAN};
        return NAN;
    }
    struct neuron n = {w1, w2, b};
    struct batch all = {d->x1, d->x2, d->y, NULL, 0, d->n};
    struct gradient sum;
    double cost = neuron_batch_gradient(&n, act, loss, &all, &sum);
    double count = (double)d->n;
    if (g)
        *g = (struct gradient){sum.dw1 / count, sum.dw2 / count, sum.db / count};
    return cost / count;
}

/* ---------- the view ---------- */

/* Bounding box of the finite points of the path. */
struct box {
    double xlo, xhi, ylo, yhi;
    bool any;
};

static struct box path_box(const double *xs, const double *ys, size_t n)
{
    struct box b = {INFINITY, -INFINITY, INFINITY, -INFINITY, false};
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(xs[i]) || !isfinite(ys[i]) || fabs(xs[i]) > 1e12 ||
            fabs(ys[i]) > 1e12)
            continue;
        b.xlo = fmin(b.xlo, xs[i]);
        b.xhi = fmax(b.xhi, xs[i]);
        b.ylo = fmin(b.ylo, ys[i]);
        b.yhi = fmax(b.yhi, ys[i]);
        b.any = true;
    }
    if (!b.any)
        b = (struct box){0, 0, 0, 0, true};
    return b;
}

/* True when the view (cx, cy, h) holds the box with a margin of 12% of h. */
static bool view_holds(double cx, double cy, double h, const struct box *b)
{
    double m = 0.12 * h;
    return b->xlo >= cx - h + m && b->xhi <= cx + h - m &&
           b->ylo >= cy - h + m && b->yhi <= cy + h - m;
}

void landscape_choose_view(struct landscape *l, const struct trainer *t,
                           double *x0, double *x1, double *y0, double *y1)
{
    size_t n = landscape_path(l, t);
    struct box b = path_box(l->path_w1, l->path_w2, n);
    double need = fmax(b.xhi - b.xlo, b.yhi - b.ylo) / 2 / 0.88;
    bool keep = l->view_h > 0 && view_holds(l->view_cx, l->view_cy, l->view_h, &b) &&
                l->view_h <= 4 * util_ladder_at_least(fmax(need, 1.0));
    if (!keep) {
        double h = util_ladder_at_least(fmax(need, 1.0));
        double mx = (b.xlo + b.xhi) / 2, my = (b.ylo + b.yhi) / 2;
        for (int tries = 0; tries < 8; tries++) {
            double snap = h / 2;
            double cx = round(mx / snap) * snap, cy = round(my / snap) * snap;
            if (view_holds(cx, cy, h, &b) || tries == 7) {
                l->view_cx = cx == 0 ? 0.0 : cx;
                l->view_cy = cy == 0 ? 0.0 : cy;
                l->view_h = h;
                break;
            }
            h = util_ladder_at_least(h * 1.01);
        }
    }
    *x0 = l->view_cx - l->view_h;
    *x1 = l->view_cx + l->view_h;
    *y0 = l->view_cy - l->view_h;
    *y1 = l->view_cy + l->view_h;
}

size_t landscape_path(struct landscape *l, const struct trainer *t)
{
    const struct history *h = &t->history;
    size_t n = 0;
    if (t->config.init == INIT_ZEROS && h->len > 0 && h->records[0].epoch == 1) {
        l->path_w1[n] = 0.0;
        l->path_w2[n++] = 0.0;
    }
    size_t step = (h->len + LANDSCAPE_PATH_MAX - 1) / LANDSCAPE_PATH_MAX;
    if (step < 1)
        step = 1;
    for (size_t i = 0; i < h->len; i += step) {
        l->path_w1[n] = h->records[i].w1;
        l->path_w2[n++] = h->records[i].w2;
    }
    if (h->len > 0 && (h->len - 1) % step != 0) {
        l->path_w1[n] = h->records[h->len - 1].w1;
        l->path_w2[n++] = h->records[h->len - 1].w2;
    }
    double w1 = t->neuron.w1, w2 = t->neuron.w2;
    if (n == 0 || l->path_w1[n - 1] != w1 || l->path_w2[n - 1] != w2) {
        l->path_w1[n] = w1;
        l->path_w2[n++] = w2;
    }
    return n;
}

/* ---------- the grid ---------- */

static double rms(const double *v, size_t n)
{
    double s = 0;
    for (size_t i = 0; i < n; i++)
        s += v[i] * v[i];
    return n ? sqrt(s / (double)n) : 0.0;
}

/* The largest change of b that moves the picture by under half a cell. */
static double b_tolerance(const struct landscape *l, const struct dataset *d)
{
    double cw = (l->x1 - l->x0) / (l->cols - 1), ch = (l->y1 - l->y0) / (l->rows - 1);
    return 0.5 * fmin(cw * rms(d->x1, d->n), ch * rms(d->x2, d->n));
}

static void compute(struct landscape *l, const struct trainer *t)
{
    const struct dataset *d = t->data;
    enum activation act = t->config.activation;
    enum loss loss = t->config.loss;
    double b = t->neuron.b, sum_norm = 0;
    size_t norms = 0;
    l->lo = INFINITY;
    l->hi = -INFINITY;
    for (int j = 0; j < l->rows; j++) {
        double w2 = l->y0 + (l->y1 - l->y0) * j / (l->rows - 1);
        for (int i = 0; i < l->cols; i++) {
            double w1 = l->x0 + (l->x1 - l->x0) * i / (l->cols - 1);
            struct gradient g;
            double cost = landscape_evaluate(d, act, loss, w1, w2, b, &g);
            double v = NAN;
            if (isfinite(cost) && cost >= 0) {
                v = log10(cost > 1e-300 ? cost : 1e-300);
                l->lo = fmin(l->lo, v);
                l->hi = fmax(l->hi, v);
            }
            double norm = hypot(g.dw1, g.dw2);
            if (isfinite(norm)) {
                sum_norm += norm;
                norms++;
            }
            l->log_cost[(size_t)j * (size_t)l->cols + (size_t)i] = v;
        }
    }
    if (!(l->hi >= l->lo))
        l->lo = l->hi = NAN;
    l->mean_gradient = norms ? sum_norm / (double)norms : NAN;
    l->data = d;
    l->n = d->n;
    l->activation = act;
    l->loss = loss;
    l->b = b;
    l->valid = true;
}

bool landscape_update(struct landscape *l, const struct trainer *t, double x0,
                      double x1, double y0, double y1, int cols, int rows,
                      bool exact)
{
    cols = cols < 2 ? 2 : cols > LANDSCAPE_GRID_MAX ? LANDSCAPE_GRID_MAX : cols;
    rows = rows < 2 ? 2 : rows > LANDSCAPE_GRID_MAX ? LANDSCAPE_GRID_MAX : rows;
    const struct dataset *d = t->data;
    double work = (double)cols * rows * (double)d->n;
    if (work > LANDSCAPE_WORK_MAX) {
        double shrink = sqrt(LANDSCAPE_WORK_MAX / work);
        cols = (int)(cols * shrink);
        rows = (int)(rows * shrink);
        cols = cols < 8 ? 8 : cols;
        rows = rows < 8 ? 8 : rows;
    }
    double b = t->neuron.b;
    bool same_frame = l->valid && l->data == d && l->n == d->n &&
                      l->activation == t->config.activation &&
                      l->loss == t->config.loss && l->cols == cols &&
                      l->rows == rows && l->x0 == x0 && l->x1 == x1 &&
                      l->y0 == y0 && l->y1 == y1;
    if (same_frame) {
        bool same_b = l->b == b || (isnan(l->b) && isnan(b));
        if (same_b || (!exact && fabs(b - l->b) <= b_tolerance(l, d)))
            return false;
    }
    size_t need = (size_t)cols * (size_t)rows;
    if (need > l->capacity) {
        double *grown = realloc(l->log_cost, need * sizeof *grown);
        if (!grown) {
            l->valid = false;
            return false;
        }
        l->log_cost = grown;
        l->capacity = need;
    }
    l->cols = cols;
    l->rows = rows;
    l->x0 = x0;
    l->x1 = x1;
    l->y0 = y0;
    l->y1 = y1;
    double start = util_now_ms();
    compute(l, t);
    l->last_recompute_ms = util_now_ms() - start;
    l->recomputes++;
    return true;
}

double landscape_log_cost_at(const struct landscape *l, double w1, double w2)
{
    if (!l->valid || l->cols < 2 || l->rows < 2)
        return NAN;
    double fx = (w1 - l->x0) / (l->x1 - l->x0) * (l->cols - 1);
    double fy = (w2 - l->y0) / (l->y1 - l->y0) * (l->rows - 1);
    double eps = 1e-6;
    if (!(fx >= -eps && fx <= l->cols - 1 + eps && fy >= -eps &&
          fy <= l->rows - 1 + eps))
        return NAN;
    int i = (int)fx, j = (int)fy;
    if (i > l->cols - 2)
        i = l->cols - 2;
    if (j > l->rows - 2)
        j = l->rows - 2;
    if (i < 0)
        i = 0;
    if (j < 0)
        j = 0;
    double tx = fx - i, ty = fy - j;
    const double *row0 = l->log_cost + (size_t)j * (size_t)l->cols + (size_t)i;
    const double *row1 = row0 + l->cols;
    double a = row0[0] + (row0[1] - row0[0]) * tx;
    double b = row1[0] + (row1[1] - row1[0]) * tx;
    return a + (b - a) * ty;
}

size_t landscape_levels(const struct landscape *l, double *levels, size_t cap)
{
    if (!l->valid || !(l->hi > l->lo) || cap == 0)
        return 0;
    double span = l->hi - l->lo;
    /* Steps of 1, 2, 2.5 or 5 times a power of ten (in decades), about
     * eight levels over the range (more crowd the steep walls). */
    double want = span / 8;
    double mag = pow(10.0, floor(log10(want)));
    static const double mult[] = {1, 2, 2.5, 5, 10};
    double step = 10 * mag;
    for (size_t i = 0; i < 5; i++)
        if (mult[i] * mag >= want * (1 - 1e-12)) {
            step = mult[i] * mag;
            break;
        }
    double k = ceil(l->lo / step + 1e-9);
    size_t n = 0;
    for (; n < cap; k += 1) {
        double v = k * step;
        if (v > l->hi)
            break;
        levels[n++] = v;
    }
    return n;
}
