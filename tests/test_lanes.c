/* test_lanes.c - the batch sums' fixed lane order: the library's loops
 * (vectorised, and built for AVX2 where the machine has it) give the bits
 * of a plain scalar loop written here from neuron.h's description of the
 * order, for every activation x loss, N inputs, with and without an order,
 * at every batch length around the lane count; and on batches crafted so
 * that the order of the additions shows in the result. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "neuron.h"
#include "rng.h"
#include "util.h"

enum { ROWS = 1000, MAX_IN = 7 };

/* Column-major features (MAX_IN columns of ROWS), targets and an order. */
static double xs[MAX_IN * ROWS], ys[ROWS];
static sample_index order[ROWS];

static void fill_data(void)
{
    struct rng r;
    rng_seed(&r, 11);
    for (size_t i = 0; i < MAX_IN * ROWS; i++)
        xs[i] = 8.0 * rng_unit(&r) - 4.0;
    for (size_t i = 0; i < ROWS; i++) {
        /* Mostly classes, some values in between (regression-like). */
        ys[i] = i % 5 == 4 ? rng_unit(&r) : (double)(rng_below(&r, 2));
        order[i] = (sample_index)i;
    }
    rng_permute(&r, order, ROWS);
}

/* The order of neuron.h written out one sample at a time: position k of
 * from..to into lane (k - from) % 8, each lane in position order, then
 * ((l0 + l1) + (l2 + l3)) + ((l4 + l5) + (l6 + l7)). */
static double tree(const double *l)
{
    return ((l[0] + l[1]) + (l[2] + l[3])) + ((l[4] + l[5]) + (l[6] + l[7]));
}

static double reference_sums(const double *theta, size_t nf,
                             enum activation act, enum loss loss,
                             const double *x, size_t stride, const double *y,
                             const sample_index *ord, size_t from, size_t to,
                             double *sum)
{
    double lane[MAX_IN + 1][8], cost[8];
    memset(lane, 0, sizeof lane);
    memset(cost, 0, sizeof cost);
    for (size_t k = from; k < to; k++) {
        size_t i = ord ? ord[k] : k, l = (k - from) % 8;
        double z = 0.0;
        for (size_t j = 0; j < nf; j++)
            z = j == 0 ? theta[0] * x[i] : z + theta[j] * x[j * stride + i];
        z = z + theta[nf];
        double a = activation_value(act, z);
        double da = act == ACT_SIGMOID ? a * (1.0 - a) : activation_derivative(act, z);
        double delta = loss_derivative(loss, a, y[i]) * da;
        cost[l] += loss_value(loss, a, y[i]);
        for (size_t j = 0; j < nf; j++)
            lane[j][l] += delta * x[j * stride + i];
        lane[nf][l] += delta;
    }
    for (size_t p = 0; p <= nf; p++)
        sum[p] = tree(lane[p]);
    return tree(cost);
}

static void assert_bits(double got, double want, const char *what, size_t nf,
                        int act, int loss, size_t from, size_t to, int ordered)
{
    if (!util_same_bits(got, want))
        fail_msg("%s: N=%zu act=%d loss=%d %zu..%zu order=%d: got %a, want %a",
                 what, nf, act, loss, from, to, ordered, got, want);
}

static void test_batch_sums_have_the_lane_order_bits(void **state)
{
    (void)state;
    fill_data();
    static const size_t ranges[][2] = {
        {0, 0}, {0, 1}, {0, 7}, {0, 8}, {0, 9}, {3, 20}, {5, 133},
        {0, 128}, {0, 129}, {1, 257}, {0, 300}, {17, ROWS},
    };
    static const size_t inputs[] = {1, 2, 3, 4, 5, 7};
    const double theta[MAX_IN + 1] = {0.7, -1.3, 0.25, 2.0, -0.5, 0.125, -0.9, 0.3};
    for (size_t in = 0; in < sizeof inputs / sizeof *inputs; in++) {
        size_t nf = inputs[in];
        for (int act = 0; act < ACT_COUNT; act++)
            for (int loss = 0; loss < LOSS_COUNT; loss++)
                for (size_t r = 0; r < sizeof ranges / sizeof *ranges; r++)
                    for (int ordered = 0; ordered < 2; ordered++) {
                        size_t from = ranges[r][0], to = ranges[r][1];
                        const sample_index *ord = ordered ? order : NULL;
                        double *cols[MAX_IN];
                        for (size_t f = 0; f < nf; f++)
                            cols[f] = xs + f * ROWS;
                        struct batch_n b = {cols, nf, ys, ord, from, to};
                        double got[MAX_IN + 1], want[MAX_IN + 1];
                        double c = neuron_batch_gradient_n(theta, (enum activation)act,
                                                           (enum loss)loss, &b, got);
                        double w = reference_sums(theta, nf, (enum activation)act,
                                                  (enum loss)loss, xs, ROWS, ys,
                                                  ord, from, to, want);
                        assert_bits(c, w, "cost", nf, act, loss, from, to, ordered);
                        for (size_t p = 0; p <= nf; p++)
                            assert_bits(got[p], want[p], "gradient", nf, act, loss,
                                        from, to, ordered);
                    }
    }
}

/* The two-input interface is the same loop as N = 2. */
static void test_two_input_batch_has_the_same_bits(void **state)
{
    (void)state;
    fill_data();
    const double theta[3] = {-0.81404637810777103, 1.7220396411537677, -0.31261289101719808};
    struct neuron n = {theta[0], theta[1], theta[2]};
    for (int act = 0; act < ACT_COUNT; act++)
        for (int loss = 0; loss < LOSS_COUNT; loss++) {
            struct batch b = {xs, xs + ROWS, ys, order, 9, 611};
            struct gradient g;
            double want[3];
            double c = neuron_batch_gradient(&n, (enum activation)act, (enum loss)loss,
                                             &b, &g);
            double w = reference_sums(theta, 2, (enum activation)act, (enum loss)loss,
                                      xs, ROWS, ys, order, 9, 611, want);
            assert_bits(c, w, "cost", 2, act, loss, 9, 611, 1);
            assert_bits(g.dw1, want[0], "dw1", 2, act, loss, 9, 611, 1);
            assert_bits(g.dw2, want[1], "dw2", 2, act, loss, 9, 611, 1);
            assert_bits(g.db, want[2], "db", 2, act, loss, 9, 611, 1);
        }
}

/* Linear, MSE, all weights 0: each sample's delta is -y, and x = 1 makes
 * every gradient the sum of the -y. With one y of 2^53 among eight 1s, a
 * 1 added to -2^53 alone is lost (ties to even) but 1s added to each other
 * first are not, so each order has its own sum:
 *   in position order:                       -2^53
 *   2^53 at lane 0 (with one 1), lanes 1..7 = -1: -(2^53 + 6)
 *   2^53 at lane 1 (alone), lane 0 = -2:          -(2^53 + 8) */
static void test_lane_order_shows_on_a_crafted_batch(void **state)
{
    (void)state;
    const double big = 9007199254740992.0; /* 2^53 */
    double x[2 * 12], y[12];
    sample_index ord[12];
    for (size_t i = 0; i < 12; i++) {
        x[i] = 1.0;       /* x1 */
        x[12 + i] = 1.0;  /* x2 */
        y[i] = 1.0;
        ord[i] = (sample_index)i;
    }
    const double theta[3] = {0.0, 0.0, 0.0};
    double sum[3];

    /* The batch 3..12: its first sample (position 3) is in lane 0. */
    y[3] = big;
    double *cols[2] = {x, x + 12};
    struct batch_n b = {cols, 2, y, NULL, 3, 12};
    neuron_batch_gradient_n(theta, ACT_LINEAR, LOSS_MSE, &b, sum);
    assert_true(sum[0] == -(big + 6.0) && sum[1] == -(big + 6.0) && sum[2] == -(big + 6.0));

    /* The same samples with 2^53 second in the batch: lane 1. */
    y[3] = 1.0;
    y[4] = big;
    neuron_batch_gradient_n(theta, ACT_LINEAR, LOSS_MSE, &b, sum);
    assert_true(sum[2] == -(big + 8.0));

    /* Lanes follow positions in the order, not sample indices: the order
     * puts sample 4 (2^53) first. */
    ord[3] = 4;
    ord[4] = 3;
    b.order = ord;
    neuron_batch_gradient_n(theta, ACT_LINEAR, LOSS_MSE, &b, sum);
    assert_true(sum[2] == -(big + 6.0));

    /* The N-input loop (one input here) keeps the same order. */
    struct batch_n one = {cols, 1, y, ord, 3, 12};
    double sum1[2];
    neuron_batch_gradient_n(theta, ACT_LINEAR, LOSS_MSE, &one, sum1);
    assert_true(sum1[0] == -(big + 6.0) && sum1[1] == -(big + 6.0));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_batch_sums_have_the_lane_order_bits),
        cmocka_unit_test(test_two_input_batch_has_the_same_bits),
        cmocka_unit_test(test_lane_order_shows_on_a_crafted_batch),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
