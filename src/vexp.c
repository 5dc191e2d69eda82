/* vexp.c - a branch-free exp: x = k*ln2 + r with |r| <= ln2/2 (Cody-Waite,
 * so k*ln2 is exact to ~2^-100), e^r by its Taylor series to r^13/13! (error
 * below 2^-57), and 2^k applied as two exact power-of-two factors so that
 * subnormal results and overflow to inf come out right. No table, no
 * branch, no FMA (-ffp-contract=off): identical bits in scalar and vector
 * code on every machine.
 *
 * The batch loops are built twice on x86-64 (AVX2 and the baseline, chosen
 * once at load time through an ifunc) where the compiler and the C library
 * support it: GCC, or Clang 14 and later, with glibc on ELF. The clones are
 * static and called from plain exported functions: Clang 14 gives an
 * exported multiversioned function's ifunc a ".ifunc" name, so calls from
 * other files would not link. Everywhere else (aarch64, musl, other
 * compilers) the same loops are compiled once; they give the same bits. */
#include "vexp.h"

#include "vexp_inline.h"

double vexp(double x)
{
    return exp_inline(x);
}

VEXP_CLONES
static void sigmoid_loop(const double *z, double *out, size_t n)
{
    for (size_t i = 0; i < n; i++)
        out[i] = 1.0 / (1.0 + exp_inline(-z[i]));
}

VEXP_CLONES
static void sigmoid_affine_loop(const double *x1, const double *x2, double w1,
                                double w2, double b, double *out, size_t n)
{
    for (size_t i = 0; i < n; i++)
        out[i] = 1.0 / (1.0 + exp_inline(-(w1 * x1[i] + w2 * x2[i] + b)));
}

void vexp_sigmoid(const double *z, double *out, size_t n)
{
    sigmoid_loop(z, out, n);
}

void vexp_sigmoid_affine(const double *x1, const double *x2, double w1,
                         double w2, double b, double *out, size_t n)
{
    sigmoid_affine_loop(x1, x2, w1, w2, b, out, n);
}
