/* test_vexp.c - "the same bits in scalar and vector code": the batch
 * sigmoids of vexp.c (vectorised loops; on x86-64 the AVX2 clone where the
 * processor has one) give bit for bit what the scalar vexp gives one value
 * at a time, for batch lengths that leave every possible vector tail and
 * for values across the whole range: ±0, tiny, the overflow and underflow
 * edges, ±inf and NaN. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>
#include <stdlib.h>

#include <cmocka.h>

#include "rng.h"
#include "util.h"
#include "vexp.h"

#define MAX_N 1031

/* The same bits, except that any NaN matches any NaN: which NaN an
 * operation returns is the processor's choice, not the code's. */
static bool same_result(double got, double want)
{
    return isnan(want) ? isnan(got) : util_same_bits(got, want);
}

/* The sigmoid of one value the scalar way (as neuron.c computes it). */
static double scalar_sigmoid(double z)
{
    return 1.0 / (1.0 + vexp(-z));
}

/* MAX_N values: edges and specials first, then a seeded spread over
 * [-800, 800] and over [-40, 40], where the sigmoid is neither 0 nor 1. */
static void fill_values(double *z)
{
    static const double edges[] = {
        0.0, -0.0, 1e-300, -1e-300, 5e-324, 0.5, -0.5, 1.0, -1.0,
        36.7, -36.7, 709.78, -709.78, 709.79, -709.79, 745.1, -745.1,
        745.2, -745.2, 746.0, -746.0, 1e300, -1e300, INFINITY, -INFINITY, NAN,
    };
    size_t k = 0;
    for (; k < sizeof edges / sizeof edges[0]; k++)
        z[k] = edges[k];
    struct rng r;
    rng_seed(&r, 2024);
    for (; k < MAX_N; k++)
        z[k] = (k % 2 ? 1600.0 : 80.0) * (rng_unit(&r) - 0.5);
}

static void test_sigmoid_batch_equals_scalar(void **state)
{
    (void)state;
    double *z = malloc(MAX_N * sizeof *z);
    double *out = malloc(MAX_N * sizeof *out);
    assert_non_null(z);
    assert_non_null(out);
    fill_values(z);
    static const size_t lengths[] = { 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 100, MAX_N };
    for (size_t l = 0; l < sizeof lengths / sizeof lengths[0]; l++) {
        size_t n = lengths[l];
        /* Start at each offset of a vector, so aligned and unaligned. */
        for (size_t start = 0; start < 4 && start + n <= MAX_N; start++) {
            vexp_sigmoid(z + start, out, n);
            for (size_t i = 0; i < n; i++) {
                double want = scalar_sigmoid(z[start + i]);
                if (!same_result(out[i], want))
                    fail_msg("n %zu, z %a: batch %a, scalar %a", n,
                             z[start + i], out[i], want);
            }
        }
    }
    free(z);
    free(out);
}

static void test_sigmoid_affine_batch_equals_scalar(void **state)
{
    (void)state;
    double *x1 = malloc(MAX_N * sizeof *x1);
    double *x2 = malloc(MAX_N * sizeof *x2);
    double *out = malloc(MAX_N * sizeof *out);
    assert_non_null(x1);
    assert_non_null(x2);
    assert_non_null(out);
    fill_values(x1);
    struct rng r;
    rng_seed(&r, 7);
    for (size_t i = 0; i < MAX_N; i++)
        x2[i] = 10.0 * (rng_unit(&r) - 0.5);
    static const double weights[][3] = {
        { -0.81404637810777103, 1.7220396411537677, -0.31261289101719808 },
        { 0.0, 0.0, 0.0 },
        { 1e-3, -7.25, 3.5 },
        { 1e3, 1e3, -1e3 },
    };
    static const size_t lengths[] = { 1, 3, 4, 5, 8, 13, 100, MAX_N };
    for (size_t w = 0; w < sizeof weights / sizeof weights[0]; w++) {
        double w1 = weights[w][0], w2 = weights[w][1], b = weights[w][2];
        for (size_t l = 0; l < sizeof lengths / sizeof lengths[0]; l++) {
            size_t n = lengths[l];
            vexp_sigmoid_affine(x1, x2, w1, w2, b, out, n);
            for (size_t i = 0; i < n; i++) {
                double want = scalar_sigmoid(w1 * x1[i] + w2 * x2[i] + b);
                if (!same_result(out[i], want))
                    fail_msg("weights %zu, n %zu, x %a,%a: batch %a, scalar %a",
                             w, n, x1[i], x2[i], out[i], want);
            }
        }
    }
    free(x1);
    free(x2);
    free(out);
}

/* The values above reach both ends and the middle exactly, so the
 * comparisons are not all between NaNs or all between 0.5s. */
static void test_sigmoid_known_values(void **state)
{
    (void)state;
    double z[5] = { 0.0, -800.0, 800.0, 1.0, NAN };
    double out[5];
    vexp_sigmoid(z, out, 5);
    assert_true(out[0] == 0.5);
    assert_true(out[1] == 0.0);
    assert_true(out[2] == 1.0);
    assert_true(fabs(out[3] - 0.7310585786300049) < 1e-15);
    assert_true(isnan(out[4]));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sigmoid_batch_equals_scalar),
        cmocka_unit_test(test_sigmoid_affine_batch_equals_scalar),
        cmocka_unit_test(test_sigmoid_known_values),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
