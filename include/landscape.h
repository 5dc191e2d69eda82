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
/* The path drawn is the history thinned to at most this many points. */
#define LANDSCAPE_PATH_MAX 4096
/* Level lines of the view: at most this many. */
#define LANDSCAPE_LEVELS_MAX 32

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
    double b;

    /* Statistics: grids computed and the time of the last one (ms). */
    unsigned long recomputes;
    double last_recompute_ms;

    /* Scratch for the path drawn (no allocation per frame). */
    double path_w1[LANDSCAPE_PATH_MAX + 2], path_w2[LANDSCAPE_PATH_MAX + 2];
};

/* A new, empty cache, or NULL when out of memory. Free with
 * landscape_free. */
struct landscape *landscape_new(void);

/* Frees the cache and its grid; NULL is fine. */
void landscape_free(struct landscape *l);

/* The mean cost over all samples of d at weights (w1, w2, b) under act
 * and loss, and (g not NULL) the mean gradient. NaN when d has no
 * samples. */
double landscape_evaluate(const struct dataset *d, enum activation act,
                          enum loss loss, double w1, double w2, double b,
                          struct gradient *g);

/* Chooses the view range (data units of w1 and w2) for the training path
 * of t (its history and current weights), stable from frame to frame: the
 * range in l is kept while it contains the path with a margin and is not
 * more than 4 times too large; otherwise the smallest 1-2-5 half-span
 * (at least 1) that does. Writes the square range [*x0, *x1] x [*y0, *y1]. */
void landscape_choose_view(struct landscape *l, const struct trainer *t,
                           double *x0, double *x1, double *y0, double *y1);

/* Makes the grid of l hold t's cost at t's b over [x0, x1] x [y0, y1]
 * with cols x rows points (clamped to 2..LANDSCAPE_GRID_MAX, and both
 * scaled down alike, to no fewer than 8, when cols * rows * n would
 * exceed LANDSCAPE_WORK_MAX), following the cache rule above (exact:
 * paused, b must match exactly). Returns
 * true when it recomputed, false when the cache was kept or memory ran
 * out (then l->valid is false). */
bool landscape_update(struct landscape *l, const struct trainer *t, double x0,
                      double x1, double y0, double y1, int cols, int rows,
                      bool exact);

/* log10 of the cost at (w1, w2), interpolated from the grid; NaN outside
 * the grid, before any, or next to a non-finite point. */
double landscape_log_cost_at(const struct landscape *l, double w1, double w2);

/* The log-spaced levels for the grid's range (in log10 units, ascending,
 * on a fixed lattice of k/d for whole k, so that they do not drift as the
 * grid changes a little): writes at most cap, returns how many. */
size_t landscape_levels(const struct landscape *l, double *levels, size_t cap);

/* The training path of t in (w1, w2): the history thinned to at most
 * LANDSCAPE_PATH_MAX points (the last always kept), preceded by (0, 0)
 * for a zeros init whose history starts at epoch 1, and ended by the
 * current weights. Stored in l->path_w1 / l->path_w2; returns the count. */
size_t landscape_path(struct landscape *l, const struct trainer *t);

#endif
