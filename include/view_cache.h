/* view_cache.h - what the live screen keeps from frame to frame so that a
 * frame's cost does not grow with the rows: the scatter's raster and
 * ranges (scatter_raster.h) and the numbers at the current weights (the
 * cost, its gradient, the accuracy or r2), computed once per weights and
 * settings. On large data (more than VIEW_EXACT_MAX training rows) the
 * numbers come from an evenly spaced sample of VIEW_EXACT_MAX rows, and
 * the screen says so: a pass over every row would hold up the keys, paused
 * as well as running. Owned by the caller (app.c); views given none
 * compute everything exactly each time, as the frame dump does. */
#ifndef DESCENT_VIEW_CACHE_H
#define DESCENT_VIEW_CACHE_H

#include <stdbool.h>
#include <stddef.h>

#include "landscape.h"
#include "scatter_raster.h"
#include "trainer.h"

/* Up to this many training rows the numbers are always exact. */
#define VIEW_EXACT_MAX 16384

/* The numbers at one set of weights. */
struct view_numbers {
    double cost;                            /* mean cost */
    double gradient[LANDSCAPE_PARAMS_MAX];  /* mean gradient, P values */
    double score;                           /* accuracy, or r2 (regression) */
    size_t rows;                            /* rows they are over (n: exact) */
};

struct view_cache {
    struct scatter_raster raster;
    /* the numbers and what they were computed for */
    bool valid;
    struct view_numbers numbers;
    const struct dataset *data;
    size_t n, nparams;
    enum activation activation;
    enum loss loss;
    size_t hidden;
    enum hidden_activation hidden_activation;
    double theta[LANDSCAPE_PARAMS_MAX];
    sample_index *sample;/* VIEW_EXACT_MAX spread row indices (or NULL) */
    /* The sample's rows copied together (nfeatures columns of
     * VIEW_EXACT_MAX, then the targets), so that a pass reads them in
     * order instead of one scattered row at a time; kept while the data
     * (pointer, n, width, fingerprint) stays. NULL: none (read in place). */
    double *gathered;
    const struct dataset *gathered_data;
    size_t gathered_n, gathered_nf;
    uint64_t gathered_print;
    unsigned long passes; /* statistics: passes over the rows */
};

/* A new, empty cache, or NULL when out of memory. Free with
 * view_cache_free (NULL is fine). */
struct view_cache *view_cache_new(void);
void view_cache_free(struct view_cache *vc);

/* The numbers at t's current weights and settings: from vc when they were
 * computed for the same (bit for bit), else computed (exactly when the
 * rows are VIEW_EXACT_MAX or fewer, else over the sample) and kept. vc
 * NULL: computed exactly into *scratch, which is returned. */
const struct view_numbers *view_cache_numbers(struct view_cache *vc,
                                              const struct trainer *t,
                                              struct view_numbers *scratch);

#endif
