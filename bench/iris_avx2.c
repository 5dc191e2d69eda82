/* iris_avx2.c - the full-batch yardstick for `make bench`: descent's
 * default Iris session (sigmoid, MSE, lr 0.5, zeros init, every sample in
 * one batch) written by hand with AVX2 intrinsics: four samples a vector,
 * two vectors a step (eight partial sums, like descent's lanes), an exp by
 * Cody-Waite reduction and a degree-11 polynomial, padded samples masked
 * out. `make bench` builds it twice: without fast-math (-ffp-contract=off,
 * no FMA) and with -ffast-math -mfma.
 *
 * Usage: iris_avx2 EPOCHS [data/iris.csv]   prints the last epoch's mean
 *        iris_avx2 --check                  exits 0 when the CPU has AVX2
 * cost and the weights. */
#include <immintrin.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "iris_rows.h"

#define PAD 8

/* e^x for |x| < 708: x = k ln2 + r, e^r by Horner to r^11/11!, times 2^k
 * built in the exponent bits. */
static inline __m256d exp_avx2(__m256d x)
{
    const __m256d lo = _mm256_set1_pd(-708.0), hi = _mm256_set1_pd(708.0);
    x = _mm256_min_pd(_mm256_max_pd(x, lo), hi);
    __m256d k = _mm256_round_pd(_mm256_mul_pd(x, _mm256_set1_pd(1.4426950408889634)),
                                _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    __m256d r = _mm256_sub_pd(x, _mm256_mul_pd(k, _mm256_set1_pd(0x1.62e42fefa3800p-1)));
    r = _mm256_sub_pd(r, _mm256_mul_pd(k, _mm256_set1_pd(0x1.ef35793c76730p-45)));
    static const double c[12] = {
        1.0 / 39916800, 1.0 / 3628800, 1.0 / 362880, 1.0 / 40320, 1.0 / 5040, 1.0 / 720,
        1.0 / 120, 1.0 / 24, 1.0 / 6, 1.0 / 2, 1.0, 1.0,
    };
    __m256d p = _mm256_set1_pd(c[0]);
    for (int i = 1; i < 12; i++)
        p = _mm256_add_pd(_mm256_mul_pd(p, r), _mm256_set1_pd(c[i]));
    /* k + 1.5*2^52 holds k in its low bits; add the bias, shift it up. */
    __m256i bits = _mm256_castpd_si256(_mm256_add_pd(k, _mm256_set1_pd(0x1.8p52)));
    bits = _mm256_slli_epi64(_mm256_add_epi64(bits, _mm256_set1_epi64x(1023)), 52);
    return _mm256_mul_pd(p, _mm256_castsi256_pd(bits));
}

static double hsum(__m256d a, __m256d b)
{
    double l[4];
    _mm256_storeu_pd(l, _mm256_add_pd(a, b));
    return (l[0] + l[1]) + (l[2] + l[3]);
}

int main(int argc, char **argv)
{
    if (argc >= 2 && strcmp(argv[1], "--check") == 0) {
        __builtin_cpu_init();
        return __builtin_cpu_supports("avx2") ? 0 : 1;
    }
    if (argc < 2) {
        fprintf(stderr, "usage: iris_avx2 EPOCHS [data/iris.csv] | --check\n");
        return 2;
    }
    long epochs = atol(argv[1]);
    static double x1[IRIS_ROWS_MAX + PAD] __attribute__((aligned(32)));
    static double x2[IRIS_ROWS_MAX + PAD] __attribute__((aligned(32)));
    static double y[IRIS_ROWS_MAX + PAD] __attribute__((aligned(32)));
    static double mask[IRIS_ROWS_MAX + PAD] __attribute__((aligned(32)));
    size_t n = iris_rows_read(argc > 2 ? argv[2] : "data/iris.csv", x1, x2, y);
    if (n == 0)
        return 1;
    size_t padded = (n + PAD - 1) / PAD * PAD;
    for (size_t i = 0; i < padded; i++)
        mask[i] = i < n ? 1.0 : 0.0;
    double w1 = 0.0, w2 = 0.0, b = 0.0, lr = 0.5, cost = 0.0;
    const __m256d one = _mm256_set1_pd(1.0), half = _mm256_set1_pd(0.5);
    for (long e = 0; e < epochs; e++) {
        __m256d vw1 = _mm256_set1_pd(w1), vw2 = _mm256_set1_pd(w2), vb = _mm256_set1_pd(b);
        __m256d c0 = _mm256_setzero_pd(), c1 = c0, g10 = c0, g11 = c0;
        __m256d g20 = c0, g21 = c0, gb0 = c0, gb1 = c0;
        for (size_t i = 0; i < padded; i += PAD) {
#define HALF(OFF, C, G1, G2, GB)                                                   \
    do {                                                                           \
        __m256d u1 = _mm256_load_pd(x1 + i + OFF), u2 = _mm256_load_pd(x2 + i + OFF); \
        __m256d z = _mm256_add_pd(_mm256_add_pd(_mm256_mul_pd(vw1, u1),             \
                                                _mm256_mul_pd(vw2, u2)), vb);       \
        __m256d ez = exp_avx2(_mm256_sub_pd(_mm256_setzero_pd(), z));               \
        __m256d a = _mm256_div_pd(one, _mm256_add_pd(one, ez));                     \
        __m256d m = _mm256_load_pd(mask + i + OFF);                                 \
        __m256d d = _mm256_mul_pd(_mm256_sub_pd(a, _mm256_load_pd(y + i + OFF)), m); \
        C = _mm256_add_pd(C, _mm256_mul_pd(half, _mm256_mul_pd(d, d)));            \
        __m256d delta = _mm256_mul_pd(d, _mm256_mul_pd(a, _mm256_sub_pd(one, a)));  \
        G1 = _mm256_add_pd(G1, _mm256_mul_pd(delta, u1));                          \
        G2 = _mm256_add_pd(G2, _mm256_mul_pd(delta, u2));                          \
        GB = _mm256_add_pd(GB, delta);                                             \
    } while (0)
            HALF(0, c0, g10, g20, gb0);
            HALF(4, c1, g11, g21, gb1);
#undef HALF
        }
        double size = (double)n;
        cost = hsum(c0, c1) / size;
        w1 -= lr * (hsum(g10, g11) / size);
        w2 -= lr * (hsum(g20, g21) / size);
        b -= lr * (hsum(gb0, gb1) / size);
    }
    printf("%ld,%.17g,%.17g,%.17g,%.17g\n", epochs, cost, w1, w2, b);
    return 0;
}
