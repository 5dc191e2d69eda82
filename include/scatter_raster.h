/* scatter_raster.h - the data panel's points as a raster of cells: which
 * classes fall in each cell of the plot and the last point (in sample
 * order) of each, built once per plot window and data, so that drawing a
 * scatter of any number of points costs one look per cell. Drawing from
 * the raster gives exactly the cells plot_scatter gives (a cell with both
 * classes shows "*", a cell of one class its last point's glyph, marked
 * or not). The data ranges of the axes are kept alongside. */
#ifndef DESCENT_SCATTER_RASTER_H
#define DESCENT_SCATTER_RASTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "plot.h"

/* The finite range of one series, cached by its array and length. */
struct range_cache {
    const double *v;
    size_t n;
    uint64_t print;     /* a fingerprint of the values */
    bool valid, finite;
    double lo, hi;
};

struct scatter_raster {
    /* What the raster was built for. */
    bool valid;
    struct plot p;
    const double *xs, *ys, *cls;
    size_t n;
    uint64_t print;
    /* cells of p.area, row by row: bit 0 a point of class 0, bit 1 of
     * class 1; the last point's index in each */
    unsigned char *mask;
    size_t *last;
    size_t capacity;    /* cells allocated */
    /* Building over frames: at most step_points points an update (0: all
     * at once), in blocks of SCATTER_RASTER_BLOCK taken in SCATTER_RASTER_PASSES
     * interleaved passes (pass k: blocks k, k + passes, ...), so that a
     * raster under way shows points spread over the whole data. */
    size_t step_points;
    size_t pass, block; /* the next block: in pass `pass`, block `block` */
    bool complete;      /* every point is in */
    unsigned long builds; /* statistics: how often it was built */
    struct range_cache range[3]; /* the axes' series (x, y, the test's) */
};

/* The blocks and passes of a raster built over frames. */
#define SCATTER_RASTER_BLOCK 4096
#define SCATTER_RASTER_PASSES 8

/* A fingerprint of v[0..n): its length and up to 256 values spread over
 * it, bit for bit. Two arrays at one address with other contents (data
 * freed and loaded again) differ in it all but surely. */
uint64_t scatter_fingerprint(const double *v, size_t n);

/* The finite range of v[0..n) as util_finite_range gives it (false when
 * no value is finite), from rc when v, n and the fingerprint match, else
 * computed and kept in rc. */
bool range_cache_get(struct range_cache *rc, const double *v, size_t n,
                     double *lo, double *hi);

/* Brings r up to date for the points (xs[i], ys[i]) of class cls[i]
 * (class 0 below 0.5), i < n, in plot p: rebuilt only when p, the arrays,
 * n or their fingerprints changed. With r->step_points set, a build adds
 * at most that many points (whole blocks) per call and goes on at the
 * next (scatter_raster_pending); once complete it is the raster built at
 * once, cell for cell. false when out of memory (r is then invalid and
 * the caller draws the points one by one). */
bool scatter_raster_update(struct scatter_raster *r, const struct plot *p,
                           const double *xs, const double *ys,
                           const double *cls, size_t n);

/* True while a build is under way: the next update adds points. */
bool scatter_raster_pending(const struct scatter_raster *r);

/* Draws r's cells as plot_scatter draws its points, marked(i) asked once
 * per single-class cell for its last point. Returns true when two
 * classes shared a cell. */
bool scatter_raster_draw(struct canvas *c, const struct scatter_raster *r,
                         const struct scatter_class classes[2],
                         bool (*marked)(size_t i, const void *ctx),
                         const void *ctx);

/* Frees r's cells; r becomes empty (and may be updated again). */
void scatter_raster_free(struct scatter_raster *r);

#endif
