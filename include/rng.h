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

/* The bodies of rng_next and rng_below, inline for a loop that draws as
 * it goes (the batch-1 loop draws the next epoch's shuffle between its
 * updates): the same numbers. */
static inline uint64_t rng_next_inline(struct rng *r)
{
    uint64_t z = (r->state += 0x9e3779b97f4a7c15u);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return z ^ (z >> 31);
}

static inline uint64_t rng_below_inline(struct rng *r, uint64_t bound)
{
    /* Multiply-and-shift maps 64 random bits onto [0, bound); the rare
     * draws that would make some values likelier are rejected (Lemire's
     * method: a division only when a rejection is possible at all). */
    __extension__ typedef unsigned __int128 u128;
    u128 m = (u128)rng_next_inline(r) * bound;
    uint64_t low = (uint64_t)m;
    if (low < bound) {
        uint64_t threshold = (0 - bound) % bound;
        while (low < threshold) {
            m = (u128)rng_next_inline(r) * bound;
            low = (uint64_t)m;
        }
    }
    return (uint64_t)(m >> 64);
}

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
