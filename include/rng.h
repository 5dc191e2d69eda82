/* rng.h - the program's own seeded random numbers (splitmix64): the same
 * seed gives the same sequence on every machine. */
#ifndef DESCENT_RNG_H
#define DESCENT_RNG_H

#include <stddef.h>
#include <stdint.h>

#include "sample_index.h"

struct rng {
    uint64_t state;
};

/* Starts a generator from a seed. */
void rng_seed(struct rng *r, uint64_t seed);
/* Next 64 random bits. */
uint64_t rng_next(struct rng *r);
/* Uniform double in [0, 1) with 53 random bits. */
double rng_unit(struct rng *r);
/* Uniform integer in [0, bound), unbiased; bound must be > 0. */
uint64_t rng_below(struct rng *r, uint64_t bound);
/* Fisher-Yates shuffle of idx[0..n) in place. */
void rng_permute(struct rng *r, sample_index *idx, size_t n);

#endif
