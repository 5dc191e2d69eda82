/* landscape.c - the neuron's (or the network's) cost over a pair of its
 * parameters (w1, w2, or h1_w1, h1_w2, unless chosen otherwise), the others at their current values: a
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
        l->pair[0] = 0;
        l->pair[1] = 1;
    }
    return l;
}

void landscape_free(struct landscape *l)
{
    if (!l)
        return;
    free(l->log_cost);
    free(l->job.cost);
    free(l);
}

double landscape_evaluate(const struct dataset *d, const struct train_config *c,
                          const double *theta, double *g)
{
    size_t p = network_param_count(d->nfeatures, c->hidden);
    if (d->n == 0 || p > LANDSCAPE_PARAMS_MAX) {
        for (size_t k = 0; g && k < p; k++)
            g[k] = NAN;
        return NAN;
    }
    struct batch_n all = {d->x, d->nfeatures, d->y, NULL, 0, d->n};
    double sum[LANDSCAPE_PARAMS_MAX];
    double cost = network_batch_gradient(theta, c->hidden, c->hidden_activation,
                                         c->activation, c->loss, &all, sum);
    double count = (double)d->n;
    for (size_t k = 0; g && k < p; k++)
        g[k] = sum[k] / count;
    return cost / count;
}

double landscape_evaluate_pair(const struct dataset *d, const struct train_config *c,
                               const double *theta, size_t i,
                               double wi, size_t j, double wj, double *g)
{
    size_t p = network_param_count(d->nfeatures, c->hidden);
    double at[LANDSCAPE_PARAMS_MAX];
    if (p > LANDSCAPE_PARAMS_MAX || i >= p || j >= p)
        return NAN;
    memcpy(at, theta, p * sizeof *at);
    at[i] = wi;
    at[j] = wj;
    return landscape_evaluate(d, c, at, g);
}

void landscape_set_pair(struct landscape *l, size_t i, size_t j)
{
    if (l->pair[0] == i && l->pair[1] == j)
        return;
    l->pair[0] = i;
    l->pair[1] = j;
    l->valid = false;
    l->view_h = 0; /* choose a new view for the new axes */
}

void landscape_next_pair(size_t nparams, size_t *i, size_t *j)
{
    if (nparams < 2) {
        *i = 0;
        *j = 0;
        return;
    }
    if (*j + 1 < nparams) {
        *j += 1;
    } else if (*i + 2 < nparams) {
        *i += 1;
        *j = *i + 1;
    } else {
        *i = 0;
        *j = 1;
    }
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
    size_t a = l->pair[0], b = l->pair[1];
    if (h->len > 0) { /* epoch 0: the run's start (the history begins at 1) */
        l->path_w1[n] = t->start[a];
        l->path_w2[n++] = t->start[b];
    }
    size_t step = (h->len + LANDSCAPE_PATH_MAX - 1) / LANDSCAPE_PATH_MAX;
    if (step < 1)
        step = 1;
    for (size_t i = 0; i < h->len; i += step) {
        l->path_w1[n] = history_params(h, i)[a];
        l->path_w2[n++] = history_params(h, i)[b];
    }
    if (h->len > 0 && (h->len - 1) % step != 0) {
        l->path_w1[n] = history_params(h, h->len - 1)[a];
        l->path_w2[n++] = history_params(h, h->len - 1)[b];
    }
    double w1 = t->theta[a], w2 = t->theta[b];
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

/* The rms of v over the rows of l's grid (all or the sample). */
static double rms_over(const struct landscape *l, const double *v, size_t n)
{
    if (l->rows_used == n)
        return rms(v, n);
    double s = 0;
    for (size_t i = 0; i < l->rows_used; i++)
        s += v[l->sample[i]] * v[l->sample[i]];
    return l->rows_used ? sqrt(s / (double)l->rows_used) : 0.0;
}

/* How far parameter k moves the picture per unit: the rms of its term
 * over the grid's rows, 1 for the bias (kept in l->scale by compute). A
 * hidden unit's input weight i scales with input i, as a neuron's weight
 * does; the output weights see h (at most 1 for tanh and the sigmoid) and
 * the biases 1. */
static double param_scale(const struct landscape *l, size_t nfeatures, size_t k)
{
    size_t hidden = l->hidden;
    size_t input = hidden == 0 ? k
                   : k < network_output_offset(nfeatures, hidden) ? k % (nfeatures + 1)
                                                                   : nfeatures;
    return input < nfeatures && input < LANDSCAPE_PARAMS_MAX ? l->scale[input] : 1.0;
}

/* Chooses the rows of the grid: every row, or on large data an evenly
 * spread sample of LANDSCAPE_ROWS_MAX; and the parameters' scales. */
static void choose_rows(struct landscape *l, const struct dataset *d)
{
    size_t n = d->n;
    l->rows_used = n;
    if (n > LANDSCAPE_ROWS_MAX) {
        size_t m = LANDSCAPE_ROWS_MAX, q = n / m, r = n % m;
        for (size_t i = 0; i < m; i++)
            l->sample[i] = (sample_index)(i * q + (i * r) / m);
        l->rows_used = m;
    }
    for (size_t k = 0; k < LANDSCAPE_PARAMS_MAX; k++)
        l->scale[k] = k < d->nfeatures ? rms_over(l, d->x[k], n) : 1.0;
}

/* landscape_evaluate_pair over the grid's rows: the sample when it is one. */
static double evaluate_pair(const struct landscape *l, const struct dataset *d,
                            const struct train_config *c, const double *theta,
                            size_t i, double wi, size_t j, double wj, double *g)
{
    if (l->rows_used == d->n)
        return landscape_evaluate_pair(d, c, theta, i, wi, j, wj, g);
    size_t p = network_param_count(d->nfeatures, c->hidden);
    double at[LANDSCAPE_PARAMS_MAX], sum[LANDSCAPE_PARAMS_MAX];
    if (p > LANDSCAPE_PARAMS_MAX || i >= p || j >= p)
        return NAN;
    memcpy(at, theta, p * sizeof *at);
    at[i] = wi;
    at[j] = wj;
    struct batch_n rows = {d->x, d->nfeatures, d->y, l->sample, 0,
                           l->rows_used};
    double cost = network_batch_gradient(at, c->hidden, c->hidden_activation,
                                         c->activation, c->loss, &rows, sum);
    double count = (double)l->rows_used;
    for (size_t k = 0; g && k < p; k++)
        g[k] = sum[k] / count;
    return cost / count;
}

/* The largest change of the held parameters that moves the picture by
 * under half a cell. */
static double held_tolerance(const struct landscape *l)
{
    double cw = (l->x1 - l->x0) / (l->cols - 1), ch = (l->y1 - l->y0) / (l->rows - 1);
    size_t n = l->data->nfeatures;
    return 0.5 * fmin(cw * param_scale(l, n, l->pair[0]), ch * param_scale(l, n, l->pair[1]));
}

/* How much the held parameters of theta differ from the grid's: the sum
 * of each change times its scale; 0 when all are the same bits (NaN
 * equal to NaN). */
static double held_change(const struct landscape *l,
                          const double *theta)
{
    double change = 0;
    for (size_t k = 0; k < l->nparams; k++) {
        if (k == l->pair[0] || k == l->pair[1])
            continue;
        if (l->held[k] == theta[k] || (isnan(l->held[k]) && isnan(theta[k])))
            continue;
        change += fabs(theta[k] - l->held[k]) * param_scale(l, l->data->nfeatures, k);
    }
    return isnan(change) ? INFINITY : change;
}

/* Starts a job for t's grid over [x0, x1] x [y0, y1] with cols x rows
 * points; false when out of memory. */
static bool job_start(struct landscape *l, const struct trainer *t, double x0,
                      double x1, double y0, double y1, int cols, int rows)
{
    struct landscape_job *j = &l->job;
    size_t need = (size_t)cols * (size_t)rows;
    j->active = false;
    if (need > j->capacity) {
        double *grown = realloc(j->cost, need * sizeof *grown);
        if (!grown)
            return false;
        j->cost = grown;
        j->capacity = need;
    }
    j->cols = cols;
    j->rows = rows;
    j->next_row = 0;
    j->x0 = x0;
    j->x1 = x1;
    j->y0 = y0;
    j->y1 = y1;
    j->lo = INFINITY;
    j->hi = -INFINITY;
    j->sum_norm = 0;
    j->norms = 0;
    j->ms = 0;
    j->data = t->data;
    j->n = t->data->n;
    j->nparams = t->nparams;
    j->pair[0] = l->pair[0];
    j->pair[1] = l->pair[1];
    j->config = t->config;
    memcpy(j->theta, t->theta, t->nparams * sizeof *j->theta);
    choose_rows(l, t->data);
    j->active = true;
    return true;
}

/* True when the job under way is for this grid of t (its weights aside). */
static bool job_matches(const struct landscape_job *j, const struct trainer *t,
                        const size_t pair[2], double x0, double x1, double y0,
                        double y1, int cols, int rows)
{
    const struct train_config *c = &t->config;
    return j->active && j->data == t->data && j->n == t->data->n &&
           j->nparams == t->nparams && j->pair[0] == pair[0] && j->pair[1] == pair[1] &&
           j->config.activation == c->activation && j->config.loss == c->loss &&
           j->config.hidden == c->hidden &&
           j->config.hidden_activation == c->hidden_activation && j->cols == cols &&
           j->rows == rows && util_same_bits(j->x0, x0) && util_same_bits(j->x1, x1) &&
           util_same_bits(j->y0, y0) && util_same_bits(j->y1, y1);
}

/* The job's next rows: all of them (budget_ms 0), or until budget_ms
 * have passed (at least one row). */
static void job_rows(struct landscape *l, double budget_ms)
{
    struct landscape_job *jb = &l->job;
    const struct dataset *d = jb->data;
    const struct train_config *c = &jb->config;
    size_t a = jb->pair[0], bi = jb->pair[1];
    double start = util_now_ms();
    do {
        int j = jb->next_row;
        double w2 = jb->y0 + (jb->y1 - jb->y0) * j / (jb->rows - 1);
        for (int i = 0; i < jb->cols; i++) {
            double w1 = jb->x0 + (jb->x1 - jb->x0) * i / (jb->cols - 1);
            double g[LANDSCAPE_PARAMS_MAX];
            double cost = evaluate_pair(l, d, c, jb->theta, a, w1, bi, w2, g);
            double v = NAN;
            if (isfinite(cost) && cost >= 0) {
                v = log10(cost > 1e-300 ? cost : 1e-300);
                jb->lo = fmin(jb->lo, v);
                jb->hi = fmax(jb->hi, v);
            }
            double norm = hypot(g[a], g[bi]);
            if (isfinite(norm)) {
                jb->sum_norm += norm;
                jb->norms++;
            }
            jb->cost[(size_t)j * (size_t)jb->cols + (size_t)i] = v;
        }
        jb->next_row++;
    } while (jb->next_row < jb->rows &&
             (budget_ms <= 0 || util_now_ms() - start < budget_ms));
    jb->ms += util_now_ms() - start;
}

/* The complete job becomes the grid shown. */
static void job_finish(struct landscape *l)
{
    struct landscape_job *j = &l->job;
    double *cost = l->log_cost;
    size_t capacity = l->capacity;
    l->log_cost = j->cost;
    l->capacity = j->capacity;
    j->cost = cost;
    j->capacity = capacity;
    l->cols = j->cols;
    l->rows = j->rows;
    l->x0 = j->x0;
    l->x1 = j->x1;
    l->y0 = j->y0;
    l->y1 = j->y1;
    l->lo = j->lo;
    l->hi = j->hi;
    if (!(l->hi >= l->lo))
        l->lo = l->hi = NAN;
    l->mean_gradient = j->norms ? j->sum_norm / (double)j->norms : NAN;
    l->data = j->data;
    l->n = j->n;
    l->activation = j->config.activation;
    l->loss = j->config.loss;
    l->hidden = j->config.hidden;
    l->hidden_activation = j->config.hidden_activation;
    l->nparams = j->nparams;
    memcpy(l->held, j->theta, j->nparams * sizeof *l->held);
    l->valid = true;
    l->last_recompute_ms = j->ms;
    l->recomputes++;
    j->active = false;
}

bool landscape_pending(const struct landscape *l)
{
    return l->job.active;
}

bool landscape_update(struct landscape *l, const struct trainer *t, double x0,
                      double x1, double y0, double y1, int cols, int rows,
                      bool exact)
{
    cols = cols < 2 ? 2 : cols > LANDSCAPE_GRID_MAX ? LANDSCAPE_GRID_MAX : cols;
    rows = rows < 2 ? 2 : rows > LANDSCAPE_GRID_MAX ? LANDSCAPE_GRID_MAX : rows;
    const struct dataset *d = t->data;
    bool sampled = d->n > LANDSCAPE_ROWS_MAX;
    double work = (double)cols * rows * (double)(sampled ? LANDSCAPE_ROWS_MAX : d->n);
    double budget = sampled ? LANDSCAPE_WORK_SAMPLED : LANDSCAPE_WORK_MAX;
    if (work > budget) {
        double shrink = sqrt(budget / work);
        cols = (int)(cols * shrink);
        rows = (int)(rows * shrink);
        cols = cols < 8 ? 8 : cols;
        rows = rows < 8 ? 8 : rows;
    }
    if (t->nparams > LANDSCAPE_PARAMS_MAX || l->pair[0] >= t->nparams
        || l->pair[1] >= t->nparams || l->pair[0] == l->pair[1]) {
        l->valid = false;
        l->job.active = false;
        return false;
    }
    bool same_frame = l->valid && l->data == d && l->n == d->n &&
                      l->nparams == t->nparams &&
                      l->activation == t->config.activation &&
                      l->loss == t->config.loss && l->hidden == t->config.hidden &&
                      l->hidden_activation == t->config.hidden_activation &&
                      l->cols == cols &&
                      l->rows == rows && l->x0 == x0 && l->x1 == x1 &&
                      l->y0 == y0 && l->y1 == y1;
    if (same_frame) {
        double change = held_change(l, t->theta);
        if (change == 0 || (!exact && change <= held_tolerance(l))) {
            l->job.active = false;
            return false;
        }
    }
    /* Paused, the grid under way must be at the weights as they are. */
    bool keep = job_matches(&l->job, t, l->pair, x0, x1, y0, y1, cols, rows) &&
                (!exact || memcmp(l->job.theta, t->theta,
                                  t->nparams * sizeof *t->theta) == 0);
    if (!keep && !job_start(l, t, x0, x1, y0, y1, cols, rows)) {
        l->valid = false;
        return false;
    }
    job_rows(l, l->step_ms);
    if (l->job.next_row < l->job.rows)
        return false;
    job_finish(l);
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
