/* rng.c - splitmix64: small, fast, and the same numbers on every machine,
 * so a seed names a run. */
#include "rng.h"

void rng_seed(struct rng *r, uint64_t seed)
{
    r->state = seed;
}

uint64_t rng_next(struct rng *r)
{
    return rng_next_inline(r);
}

double rng_unit(struct rng *r)
{
    return (double)(rng_next(r) >> 11) * 0x1.0p-53;
}

uint64_t rng_below(struct rng *r, uint64_t bound)
{
    return rng_below_inline(r, bound);
}

void rng_permute(struct rng *r, sample_index *idx, size_t n)
{
    for (size_t i = n; i > 1; i--) {
        size_t j = (size_t)rng_below(r, i);
        sample_index tmp = idx[i - 1];
        idx[i - 1] = idx[j];
        idx[j] = tmp;
    }
}
