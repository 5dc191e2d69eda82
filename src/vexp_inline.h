/* vexp_inline.h - the exponential of vexp.c as an always-inline function,
 * for the loops that call it per sample (vexp.c and the neuron's batch
 * sums), and VEXP_CLONES, the attribute that builds a loop for AVX2 and the
 * baseline where the compiler and the C library support it. Internal to
 * src/: the public interface is vexp.h. */
#ifndef DESCENT_VEXP_INLINE_H
#define DESCENT_VEXP_INLINE_H

#include <stdint.h>
#include <string.h>

#if defined(__x86_64__) && defined(__ELF__) && defined(__GLIBC__) \
    && defined(__has_attribute)
#if __has_attribute(target_clones) \
    && (!defined(__clang__) || __clang_major__ >= 14)
#define VEXP_CLONES __attribute__((target_clones("avx2", "default")))
#endif
#endif
#ifndef VEXP_CLONES
#define VEXP_CLONES
#endif

#define LOG2E 1.4426950408889634
/* ln 2 split so that k * LN2_HI is exact for |k| < 2^11. */
#define LN2_HI 0x1.62e42fefa3800p-1
#define LN2_LO 0x1.ef35793c76730p-45
/* Adding 1.5 * 2^52 rounds to an integer kept in the low mantissa bits. */
#define SHIFTER 0x1.8p52

static inline __attribute__((always_inline)) double bits_to_double(uint64_t u)
{
    double d;
    memcpy(&d, &u, sizeof d);
    return d;
}

static inline __attribute__((always_inline)) uint64_t double_to_bits(double d)
{
    uint64_t u;
    memcpy(&u, &d, sizeof u);
    return u;
}

/* e^x: the bits of vexp(x), for every x. */
static inline __attribute__((always_inline)) double exp_inline(double x)
{
    /* Clamp far outside the finite range; NaN fails both tests and stays. */
    x = -746.0 > x ? -746.0 : x;
    x = 710.0 < x ? 710.0 : x;
    double kd = x * LOG2E + SHIFTER - SHIFTER; /* k = round(x / ln 2) */
    double r = (x - kd * LN2_HI) - kd * LN2_LO;
    /* e^r - 1 - r = r^2 (1/2! + r/3! + ... + r^11/13!), by Estrin's scheme:
     * pairs, then pairs of pairs, so the steps do not wait on each other. */
    double r2 = r * r, r4 = r2 * r2, r8 = r4 * r4;
    double p01 = 1.0 / 2.0 + r * (1.0 / 6.0);
    double p23 = 1.0 / 24.0 + r * (1.0 / 120.0);
    double p45 = 1.0 / 720.0 + r * (1.0 / 5040.0);
    double p67 = 1.0 / 40320.0 + r * (1.0 / 362880.0);
    double p89 = 1.0 / 3628800.0 + r * (1.0 / 39916800.0);
    double p1011 = 1.0 / 479001600.0 + r * (1.0 / 6227020800.0);
    double p = (p01 + r2 * p23) + r4 * (p45 + r2 * p67) + r8 * (p89 + r2 * p1011);
    double er = 1.0 + (r + r * r * p);
    /* 2^k = 2^k1 * 2^k2, each a normal double for k in [-1078, 1026]. The
     * biased exponent k1 + 1023 lands in the low bits of k1 + 1023 + SHIFTER;
     * shifting those bits left by 52 makes the double 2^k1. */
    double k1 = kd * 0.5 + SHIFTER - SHIFTER;
    double k2 = kd - k1;
    double s1 = bits_to_double(double_to_bits(k1 + (SHIFTER + 1023.0)) << 52);
    double s2 = bits_to_double(double_to_bits(k2 + (SHIFTER + 1023.0)) << 52);
    return er * s1 * s2;
}

#endif
