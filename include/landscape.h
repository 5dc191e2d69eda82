/* landscape.h - the neuron's own cost over the plane of its weights
 * (w1, w2) at a fixed bias b: the right-hand view that `v` shows instead
 * of the bowl. A struct landscape caches a grid of costs and the inputs
 * it was computed for, so that a frame recomputes only when one of them
 * changed; it also keeps the view range stable from frame to frame.
 *
 * The cache rule (landscape_update):
 *   - the data (pointer and n), activation, loss, view range or grid size
 *     changed: recompute;
 *   - only b changed: when exact (paused), recompute; while training,
 *     recompute only when |b - cached b| exceeds half of what one grid
 *     cell of w moves z = w1*x1 + w2*x2 + b by (cell width times the rms
 *     of the feature, the smaller of the two axes): a smaller change of
 *     b shifts the picture by less than half a grid cell, below what the
 *     grid resolves.
 *
 * Costs are stored as log10 of the mean cost over all samples (levels are
 * log-spaced: costs span decades); non-finite costs are stored as NaN. */
#ifndef DESCENT_LANDSCAPE_H
#define DESCENT_LANDSCAPE_H

#include <stdbool.h>
#include <stddef.h>

#include "dataset.h"
#include "neuron.h"
#include "trainer.h"

/* At most this many grid points along each axis; the view interpolates
 * between them (bilinear). */
#define LANDSCAPE_GRID_MAX 128
/* A grid costs cols * rows * n sample evaluations: at most this many
 * (about 2 ms), so large data sets get a coarser grid, never a slow
 * frame. */
#define LANDSCAPE_WORK_MAX 600000.0
/* On more training rows than this the grid is the mean cost over an
 * evenly spread sample of this many rows (the picture of the whole),
 * within the smaller budget LANDSCAPE_WORK_SAMPLED (a recompute while a
 * key waits stays near a millisecond); up to it, over every row. */
#define LANDSCAPE_ROWS_MAX 512
#define LANDSCAPE_WORK_SAMPLED 150000.0
/* The path drawn is the history thinned to at most this many points. */
#define LANDSCAPE_PATH_MAX 4096
/* Level lines of the view: at most this many. */
#define LANDSCAPE_LEVELS_MAX 32

/* The largest parameter vector a landscape holds (a network's). */
#define LANDSCAPE_PARAMS_MAX NETWORK_PARAMS_MAX

/* A grid under way: computed row by row over several updates (see
 * landscape.step_ms), shown when complete; until then the last complete
 * grid stays. */
struct landscape_job {
    bool active;
    double *cost;             /* cols x rows, log10 as in the grid */
    size_t capacity;          /* doubles allocated */
    int cols, rows, next_row; /* the rows done so far: 0..next_row-1 */
    double x0, x1, y0, y1;
    double lo, hi, sum_norm;  /* running range and sum of |grad| */
    size_t norms;
    double ms;                /* time spent on it so far */
    /* what it is computed for */
    const struct dataset *data;
    size_t n, nparams, pair[2];
    struct train_config config;
    double theta[LANDSCAPE_PARAMS_MAX];
};

struct landscape {
    /* The view: the stable range chosen from the path (1-2-5 half-span
     * h, centre on a multiple of h / 2), or zero h before the first. */
    double view_cx, view_cy, view_h;

    /* The grid: cols x rows samples, column i at w1 = x0 + i*(x1-x0)/(cols-1),
     * row j at w2 = y0 + j*(y1-y0)/(rows-1); log10 of the mean cost. */
    double *log_cost;
    size_t capacity;          /* doubles allocated for log_cost */
    int cols, rows;
    double x0, x1, y0, y1;
    double mean_gradient;     /* mean |grad (w1, w2)| over the grid */
    double lo, hi;            /* finite range of log_cost (NaN if none) */

    /* The inputs the grid was computed for. */
    bool valid;
    const struct dataset *data;
    size_t n;
    enum activation activation;
    enum loss loss;
    size_t hidden;            /* the network's H and g */
    enum hidden_activation hidden_activation;
    size_t pair[2];           /* the parameters on the axes (indices into
                                 theta, default 0 and 1: w1 and w2) */
    size_t nparams;           /* P of held */
    double held[LANDSCAPE_PARAMS_MAX]; /* the parameters the grid was
                                 computed at (the pair's own ignored) */

    /* The rows the grid is over: all (rows_used == n) or the sample;
     * how far each parameter moves z per unit over them (the rms of its
     * term, 1 for the bias), as the grid was computed. */
    size_t rows_used;
    sample_index sample[LANDSCAPE_ROWS_MAX];
    double scale[LANDSCAPE_PARAMS_MAX];

    /* Spreading a grid over frames: an update computes rows of a new
     * grid for at most about step_ms (at least one row) and shows it once
     * complete (landscape_pending until then); 0 (the default): the
     * whole grid in the update that needs it. */
    double step_ms;
    struct landscape_job job;

    /* Statistics: grids computed and the time of the last one (ms). */
    unsigned long recomputes;
    double last_recompute_ms;

    /* Scratch for the path drawn (no allocation per frame). */
    double path_w1[LANDSCAPE_PATH_MAX + 3], path_w2[LANDSCAPE_PATH_MAX + 3];
};

/* A new, empty cache, or NULL when out of memory. Free with
 * landscape_free. */
struct landscape *landscape_new(void);

/* Frees the cache and its grid; NULL is fine. */
void landscape_free(struct landscape *l);

/* The mean cost over the training samples of d at parameters theta (P =
 * network_param_count(d->nfeatures, c->hidden) values) under c's
 * activations and loss, and (g not NULL) the mean gradient (P values).
 * NaN when d has no samples. */
double landscape_evaluate(const struct dataset *d, const struct train_config *c,
                          const double *theta, double *g);

/* The cost with parameters i and j set to wi and wj and every other at
 * theta's value: the landscape over any pair. g as landscape_evaluate. */
double landscape_evaluate_pair(const struct dataset *d, const struct train_config *c,
                               const double *theta, size_t i,
                               double wi, size_t j, double wj, double *g);

/* Chooses the pair of parameters (indices into theta, i != j, both < P)
 * the landscape shows; the grid and view are recomputed at the next
 * update. The key w steps it with landscape_next_pair. */
void landscape_set_pair(struct landscape *l, size_t i, size_t j);

/* The pair after (i, j) in the order (0,1), (0,2) .. (0,P-1), (1,2) ..
 * (P-2,P-1), then (0,1) again. */
void landscape_next_pair(size_t nparams, size_t *i, size_t *j);

/* Chooses the view range (data units of w1 and w2) for the training path
 * of t (its history and current weights), stable from frame to frame: the
 * range in l is kept while it contains the path with a margin and is not
 * more than 4 times too large; otherwise the smallest 1-2-5 half-span
 * (at least 1) that does. Writes the square range [*x0, *x1] x [*y0, *y1]. */
void landscape_choose_view(struct landscape *l, const struct trainer *t,
                           double *x0, double *x1, double *y0, double *y1);

/* Makes the grid of l hold t's cost over l's pair of parameters (the
 * others at t's values) over [x0, x1] x [y0, y1]
 * with cols x rows points (clamped to 2..LANDSCAPE_GRID_MAX, and both
 * scaled down alike, to no fewer than 8, when cols * rows * n would
 * exceed LANDSCAPE_WORK_MAX; over the sample, its rows and
 * LANDSCAPE_WORK_SAMPLED), following the cache rule above (exact:
 * paused, b must match exactly). With l->step_ms set the new grid is
 * computed over as many updates as it takes (the one under way is kept
 * while what it is for stays the same, even if the weights moved) and
 * shown when complete: the same numbers as at once. Returns true when a
 * new grid is shown, false when the cache was kept, a grid is still under
 * way or memory ran out (then l->valid is false). */
bool landscape_update(struct landscape *l, const struct trainer *t, double x0,
                      double x1, double y0, double y1, int cols, int rows,
                      bool exact);

/* True while a grid is under way (step_ms set): the next update goes on
 * with it. */
bool landscape_pending(const struct landscape *l);

/* log10 of the cost at (w1, w2), interpolated from the grid; NaN outside
 * the grid, before any, or next to a non-finite point. */
double landscape_log_cost_at(const struct landscape *l, double w1, double w2);

/* The log-spaced levels for the grid's range (in log10 units, ascending,
 * on a fixed lattice of k/d for whole k, so that they do not drift as the
 * grid changes a little): writes at most cap, returns how many. */
size_t landscape_levels(const struct landscape *l, double *levels, size_t cap);

/* The training path of t in (w1, w2): the run's start (epoch 0,
 * t->start), the history thinned to at most LANDSCAPE_PATH_MAX points
 * (the last always kept), and the current weights. Stored in l->path_w1 / l->path_w2; returns the count. */
size_t landscape_path(struct landscape *l, const struct trainer *t);

#endif
