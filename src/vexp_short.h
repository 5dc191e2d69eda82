/* vexp_short.h - exp_inline's value with a shorter chain of dependent
 * operations, for the batch-1 loop (trainer_fast.c), where every update
 * waits for the exp of the one before: the same operations as
 * vexp_inline.h but the scaling, which there multiplies by 2^k1 and then
 * by 2^k2, here multiplies once by 2^k = 2^k1 * 2^k2 (computed while the
 * polynomial is) when k lies in [-1000, 1000]. The bits are exp_inline's:
 * er * 2^k1 is exact (er in [0.7, 1.5], k1 = k/2 within [-500, 500]), so
 * (er * 2^k1) * 2^k2 is er * 2^k rounded once, and 2^k itself is exact
 * for such k, so er * (2^k1 * 2^k2) is the same rounding of the same
 * product. Outside that range it scales as exp_inline does.
 * tests/test_trainer_fast.c checks the two bit for bit. Internal to src/. */
#ifndef DESCENT_VEXP_SHORT_H
#define DESCENT_VEXP_SHORT_H

#include "vexp_inline.h"

/* e^x with the bits of exp_inline(x), for every x. */
static inline __attribute__((always_inline)) double exp_inline_short(double x)
{
    x = -746.0 > x ? -746.0 : x;
    x = 710.0 < x ? 710.0 : x;
    double kd = x * LOG2E + SHIFTER - SHIFTER;
    double r = (x - kd * LN2_HI) - kd * LN2_LO;
    double r2 = r * r, r4 = r2 * r2, r8 = r4 * r4;
    double p01 = 1.0 / 2.0 + r * (1.0 / 6.0);
    double p23 = 1.0 / 24.0 + r * (1.0 / 120.0);
    double p45 = 1.0 / 720.0 + r * (1.0 / 5040.0);
    double p67 = 1.0 / 40320.0 + r * (1.0 / 362880.0);
    double p89 = 1.0 / 3628800.0 + r * (1.0 / 39916800.0);
    double p1011 = 1.0 / 479001600.0 + r * (1.0 / 6227020800.0);
    double p = (p01 + r2 * p23) + r4 * (p45 + r2 * p67) + r8 * (p89 + r2 * p1011);
    double er = 1.0 + (r + r * r * p);
    double k1 = kd * 0.5 + SHIFTER - SHIFTER;
    double k2 = kd - k1;
    double s1 = bits_to_double(double_to_bits(k1 + (SHIFTER + 1023.0)) << 52);
    double s2 = bits_to_double(double_to_bits(k2 + (SHIFTER + 1023.0)) << 52);
    if (kd >= -1000.0 && kd <= 1000.0)
        return er * (s1 * s2);
    return er * s1 * s2;
}

#endif
