/* test_network.c - the hidden layer: parameter names and layout, the
 * forward pass against numbers worked by hand, the batch gradient against
 * a hand-worked sample, against a plain per-sample loop (bit for bit, in
 * sample order, across chunks and with an order) and against central
 * finite differences for every hidden activation x loss. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "network.h"
#include "rng.h"
#include "trainer.h"
#include "util.h"

static void assert_close(double got, double want, double rel, double abs_tol)
{
    double err = fabs(got - want);
    if (!(err <= abs_tol || err <= rel * fabs(want)))
        fail_msg("got %.17g, want %.17g (error %.3g)", got, want, err);
}

static void test_names_and_counts(void **state)
{
    (void)state;
    assert_int_equal(network_param_count(2, 0), 3);
    assert_int_equal(network_param_count(5, 0), 6);
    assert_int_equal(network_param_count(2, 1), 5);
    assert_int_equal(network_param_count(2, 2), 9);
    assert_int_equal(network_param_count(4, 8), 49);
    const char *want[] = {"h1_w1", "h1_w2", "h1_b", "h2_w1", "h2_w2", "h2_b",
                          "h3_w1", "h3_w2", "h3_b", "w1", "w2", "w3", "b"};
    char buf[16];
    for (size_t k = 0; k < 13; k++) {
        network_param_name(2, 3, k, buf, sizeof buf);
        assert_string_equal(buf, want[k]);
    }
    network_param_name(2, 3, 13, buf, sizeof buf);
    assert_string_equal(buf, "?");
    const char *single[] = {"w1", "w2", "w3", "b"};
    for (size_t k = 0; k < 4; k++) {
        network_param_name(3, 0, k, buf, sizeof buf);
        assert_string_equal(buf, single[k]);
    }
    network_param_name(12, 8, 7 * 13 + 11, buf, sizeof buf);
    assert_string_equal(buf, "h8_w12");
    network_param_name(2, 3, 0, buf, 4); /* truncated, terminated */
    assert_string_equal(buf, "h1_");
    assert_int_equal(network_unit_offset(2, 0), 0);
    assert_int_equal(network_unit_offset(2, 2), 6);
    assert_int_equal(network_unit_offset(4, 7), 35);
    assert_int_equal(network_output_offset(2, 3), 9);
    assert_int_equal(network_output_offset(4, 8), 40);
    assert_int_equal(network_output_offset(4, 0), 0);
}

static void test_activation_names(void **state)
{
    (void)state;
    const char *want[HIDDEN_COUNT] = {"tanh", "sigmoid", "relu", "linear"};
    for (int g = 0; g < HIDDEN_COUNT; g++) {
        enum hidden_activation parsed = HIDDEN_COUNT;
        assert_string_equal(hidden_activation_name((enum hidden_activation)g), want[g]);
        assert_true(hidden_activation_parse(want[g], &parsed));
        assert_int_equal(parsed, g);
    }
    enum hidden_activation keep = HIDDEN_RELU;
    assert_false(hidden_activation_parse("step", &keep));
    assert_false(hidden_activation_parse("nope", &keep));
    assert_int_equal(keep, HIDDEN_RELU);
    assert_string_equal(hidden_activation_name(HIDDEN_COUNT), "?");
}

static void test_activation_values(void **state)
{
    (void)state;
    for (double u = -30.0; u <= 30.0; u += 0.0625) {
        assert_close(hidden_activation_value(HIDDEN_TANH, u), tanh(u), 1e-15, 5e-16);
        assert_close(hidden_activation_derivative(HIDDEN_TANH, u),
                     1.0 - tanh(u) * tanh(u), 1e-14, 1e-15);
        assert_close(hidden_activation_value(HIDDEN_SIGMOID, u), 1.0 / (1.0 + exp(-u)),
                     1e-15, 0);
    }
    assert_close(hidden_activation_value(HIDDEN_TANH, 0.5), 0.46211715726000974, 1e-15, 0);
    assert_true(hidden_activation_value(HIDDEN_TANH, 800.0) == 1.0);
    assert_true(hidden_activation_value(HIDDEN_TANH, -800.0) == -1.0);
    assert_true(hidden_activation_value(HIDDEN_RELU, -2.0) == 0.0);
    assert_true(hidden_activation_value(HIDDEN_RELU, 2.5) == 2.5);
    assert_true(hidden_activation_derivative(HIDDEN_RELU, 0.0) == 0.0);
    assert_true(hidden_activation_derivative(HIDDEN_RELU, 1e-300) == 1.0);
    assert_true(hidden_activation_value(HIDDEN_LINEAR, -3.5) == -3.5);
    assert_true(hidden_activation_derivative(HIDDEN_LINEAR, 7.0) == 1.0);
    assert_true(hidden_activation_derivative(HIDDEN_SIGMOID, 0.0) == 0.25);
}

/* theta of a 2-2-1 network: unit 1 (1, -2; 0.5), unit 2 (0.5, 1; -1),
 * output (2, -1; 0.25). At x = (1, 0.5): u1 = 0.5, u2 = 0. */
static const double net2[9] = {1, -2, 0.5, 0.5, 1, -1, 2, -1, 0.25};
static const double x_half[2] = {1, 0.5};

static void test_forward_by_hand(void **state)
{
    (void)state;
    double h[2];
    assert_true(network_unit_sum(net2, 2, 0, x_half) == 0.5);
    assert_true(network_unit_sum(net2, 2, 1, x_half) == 0.0);
    /* linear: h = (0.5, 0), z = 2*0.5 - 0 + 0.25 */
    assert_true(network_output(net2, 2, 2, HIDDEN_LINEAR, ACT_LINEAR, x_half, h) == 1.25);
    assert_true(h[0] == 0.5 && h[1] == 0.0);
    assert_true(network_output(net2, 2, 2, HIDDEN_RELU, ACT_LINEAR, x_half, NULL) == 1.25);
    /* tanh: h = (tanh 0.5, 0), z = 2 tanh 0.5 + 0.25 */
    assert_close(network_output(net2, 2, 2, HIDDEN_TANH, ACT_LINEAR, x_half, h),
                 1.1742343145200195, 1e-15, 0);
    assert_close(h[0], 0.46211715726000974, 1e-15, 0);
    assert_true(h[1] == 0.0);
    /* sigmoid units (s(0.5), 0.5), sigmoid output */
    double s = 1.0 / (1.0 + exp(-0.5));
    assert_close(network_output(net2, 2, 2, HIDDEN_SIGMOID, ACT_SIGMOID, x_half, h),
                 1.0 / (1.0 + exp(-(2.0 * s - 0.5 + 0.25))), 1e-15, 0);
    assert_true(h[1] == 0.5);
    /* step output: z = 1.25 >= 0 */
    assert_true(network_output(net2, 2, 2, HIDDEN_LINEAR, ACT_STEP, x_half, NULL) == 1.0);
    /* one unit: only its weights and w1, b are read */
    const double net1[5] = {1, 1, -1, 3, 0.5};
    const double x11[2] = {1, 1};
    assert_true(network_output(net1, 2, 1, HIDDEN_RELU, ACT_LINEAR, x11, NULL) == 3.5);
}

static void test_no_hidden_unit_is_the_neuron(void **state)
{
    (void)state;
    struct rng r;
    rng_seed(&r, 7);
    for (size_t nf = 1; nf <= 5; nf++) {
        double theta[6], x[5];
        for (int rep = 0; rep < 50; rep++) {
            for (size_t k = 0; k <= nf; k++)
                theta[k] = 6 * rng_unit(&r) - 3;
            for (size_t k = 0; k < nf; k++)
                x[k] = 6 * rng_unit(&r) - 3;
            for (int act = 0; act < ACT_COUNT; act++)
                assert_true(util_same_bits(
                    network_output(theta, nf, 0, HIDDEN_TANH, (enum activation)act, x, NULL),
                    neuron_output(theta, nf, (enum activation)act, x)));
        }
    }
}

static void test_gradient_of_one_sample_by_hand(void **state)
{
    (void)state;
    /* linear units and output, MSE, y = 1: a = 1.25, delta = 0.25;
     * dw = delta h = (0.125, 0), db = 0.25; delta_1 = 0.25*2 = 0.5,
     * delta_2 = 0.25*-1 = -0.25; dV_j = delta_j x, dc_j = delta_j. */
    double y = 1.0;
    double xh[2] = {x_half[0], x_half[1]}, *cols[2] = {xh, xh + 1};
    struct batch_n b = {cols, 2, &y, NULL, 0, 1};
    double g[9];
    double c = network_batch_gradient(net2, 2, HIDDEN_LINEAR, ACT_LINEAR, LOSS_MSE, &b, g);
    assert_true(c == 0.03125);
    const double want[9] = {0.5, 0.25, 0.5, -0.25, -0.125, -0.25, 0.125, 0.0, 0.25};
    for (size_t k = 0; k < 9; k++)
        assert_true(g[k] == want[k]);
    /* relu: u2 = 0 is the kink, where g' = 0: unit 2 gets nothing */
    c = network_batch_gradient(net2, 2, HIDDEN_RELU, ACT_LINEAR, LOSS_MSE, &b, g);
    assert_true(c == 0.03125);
    const double want_relu[9] = {0.5, 0.25, 0.5, 0, 0, 0, 0.125, 0.0, 0.25};
    for (size_t k = 0; k < 9; k++)
        assert_true(g[k] == want_relu[k]);
}

/* The chain rule written plainly, one sample at a time, every sum in
 * sample order: the loop the batch code must reproduce bit for bit. */
static double plain_batch(const double *theta, size_t hidden, enum hidden_activation gact,
                          enum activation act, enum loss loss, const struct batch_n *b,
                          double *sum)
{
    size_t nf = b->nfeatures, p = network_param_count(nf, hidden);
    size_t out = network_output_offset(nf, hidden);
    double cost = 0.0;
    for (size_t k = 0; k < p; k++)
        sum[k] = 0.0;
    for (size_t pos = b->from; pos < b->to; pos++) {
        size_t i = b->order ? b->order[pos] : pos;
        double x[8], h[NETWORK_HIDDEN_MAX];
        for (size_t f = 0; f < nf; f++)
            x[f] = b->x[f][i];
        double z = 0.0;
        for (size_t j = 0; j < hidden; j++) {
            h[j] = hidden_activation_value(gact, network_unit_sum(theta, nf, j, x));
            z = j == 0 ? theta[out] * h[0] : z + theta[out + j] * h[j];
        }
        z += theta[p - 1];
        double a = activation_value(act, z);
        double da = act == ACT_SIGMOID ? a * (1.0 - a) : activation_derivative(act, z);
        double delta = loss_derivative(loss, a, b->y[i]) * da;
        cost += loss_value(loss, a, b->y[i]);
        for (size_t j = 0; j < hidden; j++) {
            sum[out + j] += delta * h[j];
            double u = network_unit_sum(theta, nf, j, x);
            double gd = gact == HIDDEN_TANH ? 1.0 - h[j] * h[j]
                      : gact == HIDDEN_SIGMOID ? h[j] * (1.0 - h[j])
                      : hidden_activation_derivative(gact, u);
            double dj = delta * theta[out + j] * gd;
            for (size_t f = 0; f < nf; f++)
                sum[network_unit_offset(nf, j) + f] += dj * x[f];
            sum[network_unit_offset(nf, j) + nf] += dj;
        }
        sum[p - 1] += delta;
    }
    return cost;
}

#define NSAMP 150

static void fill(struct rng *r, double *v, size_t n, double lo, double hi)
{
    for (size_t k = 0; k < n; k++)
        v[k] = lo + (hi - lo) * rng_unit(r);
}

static void test_batch_is_the_plain_loop_bit_for_bit(void **state)
{
    (void)state;
    struct rng r;
    rng_seed(&r, 3);
    double x[3 * NSAMP], y[NSAMP], theta[64], got[64], want[64];
    sample_index order[NSAMP];
    fill(&r, x, 3 * NSAMP, -2, 2);
    for (size_t i = 0; i < NSAMP; i++) {
        y[i] = rng_unit(&r) < 0.5 ? 0.0 : 1.0;
        order[i] = (sample_index)((i * 37 + 11) % NSAMP);
    }
    size_t hs[] = {1, 3, 8};
    for (size_t hi = 0; hi < 3; hi++)
        for (int gact = 0; gact < HIDDEN_COUNT; gact++)
            for (int act = 0; act < ACT_COUNT; act++)
                for (int loss = 0; loss < LOSS_COUNT; loss++) {
                    size_t p = network_param_count(3, hs[hi]);
                    fill(&r, theta, p, -1.5, 1.5);
                    double *cols[3] = {x, x + NSAMP, x + 2 * NSAMP};
                    struct batch_n b = {cols, 3, y, NULL, 5, 140};
                    for (int ordered = 0; ordered < 2; ordered++) {
                        b.order = ordered ? order : NULL;
                        double c1 = network_batch_gradient(theta, hs[hi],
                            (enum hidden_activation)gact, (enum activation)act,
                            (enum loss)loss, &b, got);
                        double c2 = plain_batch(theta, hs[hi], (enum hidden_activation)gact,
                            (enum activation)act, (enum loss)loss, &b, want);
                        assert_true(util_same_bits(c1, c2));
                        for (size_t k = 0; k < p; k++)
                            if (!util_same_bits(got[k], want[k]))
                                fail_msg("H %zu g %d act %d loss %d param %zu: %.17g != %.17g",
                                         hs[hi], gact, act, loss, k, got[k], want[k]);
                    }
                }
}

/* The mean cost of a batch, from network_output and loss_value alone. */
static double batch_cost(const double *theta, size_t hidden, enum hidden_activation gact,
                         enum activation act, enum loss loss, const double *x,
                         const double *y, size_t n, size_t nf)
{
    double c = 0.0;
    for (size_t i = 0; i < n; i++) {
        double xi[8];
        for (size_t f = 0; f < nf; f++)
            xi[f] = x[f * n + i];
        c += loss_value(loss, network_output(theta, nf, hidden, gact, act, xi, NULL), y[i]);
    }
    return c / (double)n;
}

/* Away from the kinks: relu units' u and MAE's a - y not near 0; BCE on a
 * sigmoid output only (a linear one leaves (0, 1) and is clamped). */
static bool smooth_at(const double *theta, size_t hidden, enum hidden_activation gact,
                      enum activation act, enum loss loss, const double *x,
                      const double *y, size_t n, size_t nf)
{
    for (size_t i = 0; i < n; i++) {
        double xi[8];
        for (size_t f = 0; f < nf; f++)
            xi[f] = x[f * n + i];
        for (size_t j = 0; j < hidden; j++)
            if (gact == HIDDEN_RELU && fabs(network_unit_sum(theta, nf, j, xi)) < 1e-3)
                return false;
        double a = network_output(theta, nf, hidden, gact, act, xi, NULL);
        if (loss == LOSS_MAE && fabs(a - y[i]) < 1e-3)
            return false;
    }
    return true;
}

static void test_gradient_matches_finite_differences(void **state)
{
    (void)state;
    enum { N = 6, NF = 3, H = 3 };
    const double step = 1e-6;
    struct rng r;
    rng_seed(&r, 11);
    double x[NF * N], y[N], theta[32], g[32];
    const enum activation acts[2] = {ACT_SIGMOID, ACT_LINEAR};
    for (int gact = 0; gact < HIDDEN_COUNT; gact++)
        for (int ai = 0; ai < 2; ai++)
            for (int loss = 0; loss < LOSS_COUNT; loss++) {
                enum activation act = acts[ai];
                if (loss == LOSS_BCE && act != ACT_SIGMOID)
                    continue;
                size_t p = network_param_count(NF, H);
                int checked = 0;
                while (checked < 5) {
                    fill(&r, x, NF * N, -2, 2);
                    fill(&r, theta, p, -1.5, 1.5);
                    for (size_t i = 0; i < N; i++)
                        y[i] = rng_unit(&r) < 0.5 ? 0.0 : 1.0;
                    if (!smooth_at(theta, H, (enum hidden_activation)gact, act,
                                   (enum loss)loss, x, y, N, NF))
                        continue;
                    double *cols[NF];
                    for (size_t f = 0; f < NF; f++)
                        cols[f] = x + f * N;
                    struct batch_n b = {cols, NF, y, NULL, 0, N};
                    double c = network_batch_gradient(theta, H, (enum hidden_activation)gact,
                                                      act, (enum loss)loss, &b, g);
                    assert_close(c / N, batch_cost(theta, H, (enum hidden_activation)gact,
                                                   act, (enum loss)loss, x, y, N, NF),
                                 1e-13, 1e-15);
                    for (size_t k = 0; k < p; k++) {
                        double keep = theta[k];
                        theta[k] = keep + step;
                        double up = batch_cost(theta, H, (enum hidden_activation)gact, act,
                                               (enum loss)loss, x, y, N, NF);
                        theta[k] = keep - step;
                        double down = batch_cost(theta, H, (enum hidden_activation)gact, act,
                                                 (enum loss)loss, x, y, N, NF);
                        theta[k] = keep;
                        double fd = (up - down) / (2 * step);
                        double err = fabs(fd - g[k] / N);
                        if (err > 1e-6 * fabs(fd) + 1e-8)
                            fail_msg("g %d act %d loss %d param %zu: analytic %.12g, "
                                     "finite difference %.12g", gact, (int)act, loss, k,
                                     g[k] / N, fd);
                    }
                    checked++;
                }
            }
}

/* XOR's four corners, twice over (8 samples, so a batch of 3 leaves 2). */
static double xor_x[16] = {0, 0, 1, 1, 0, 0, 1, 1, 0, 1, 0, 1, 0, 1, 0, 1};
static double xor_y[8] = {0, 1, 1, 0, 0, 1, 1, 0};
static struct dataset xor_data = {.n = 8, .stride = 8, .nfeatures = 2,
                                  .x = {xor_x, xor_x + 8}, .x1 = xor_x, .x2 = xor_x + 8, .y = xor_y};

static void test_trainer_steps_the_network(void **state)
{
    (void)state;
    /* h1 = x1 OR x2 ish, h2 = x1 AND x2 ish: the given weights start it. */
    const double start[9] = {2, 2, -1, 2, 2, -3, 3, -3, -1};
    struct train_config c = train_config_default();
    c.hidden = 2;
    c.hidden_activation = HIDDEN_TANH;
    c.lr = 0.3;
    c.batch = 3;
    c.shuffle = false;
    c.weights = start;
    c.nweights = 9;
    struct trainer t;
    assert_true(trainer_init(&t, &xor_data, &c));
    assert_int_equal(t.nparams, 9);
    assert_memory_equal(t.theta, start, sizeof start);
    /* By hand: batches [0,3), [3,6), [6,8), each averaged over its size. */
    double want[9], g[9];
    memcpy(want, start, sizeof want);
    size_t cut[4] = {0, 3, 6, 8};
    double cost = 0.0;
    for (int k = 0; k < 3; k++) {
        struct batch_n b = {xor_data.x, 2, xor_y, NULL, cut[k], cut[k + 1]};
        cost += plain_batch(want, 2, HIDDEN_TANH, ACT_SIGMOID, LOSS_MSE, &b, g);
        for (size_t p = 0; p < 9; p++)
            want[p] -= 0.3 * (g[p] / (double)(cut[k + 1] - cut[k]));
    }
    trainer_epoch(&t);
    for (size_t p = 0; p < 9; p++)
        assert_true(util_same_bits(t.theta[p], want[p]));
    assert_true(util_same_bits(t.last_cost, cost / 8));
    assert_memory_equal(history_params(&t.history, 0), want, sizeof want);
    /* Output and accuracy follow the network; a unit's activation too. */
    double x[2] = {1, 0}, h[2];
    double a = network_output(t.theta, 2, 2, HIDDEN_TANH, ACT_SIGMOID, x, h);
    assert_true(util_same_bits(trainer_output_at(&t, 1, 0), a));
    assert_true(util_same_bits(trainer_unit_at(&t, 1, 1, 0), h[1]));
    assert_true(isnan(trainer_unit_at(&t, 2, 1, 0)));
    size_t right = 0;
    for (size_t i = 0; i < 8; i++) {
        double xi[2] = {xor_x[i], xor_x[8 + i]};
        double ai = network_output(t.theta, 2, 2, HIDDEN_TANH, ACT_SIGMOID, xi, NULL);
        right += (ai >= 0.5 ? 1.0 : 0.0) == xor_y[i];
    }
    assert_true(trainer_accuracy(&t) == (double)right / 8);
    /* evaluate: the mean cost and gradient at the current weights */
    double eg[9];
    struct batch_n all = {xor_data.x, 2, xor_y, NULL, 0, 8};
    double ec = plain_batch(t.theta, 2, HIDDEN_TANH, ACT_SIGMOID, LOSS_MSE, &all, g);
    assert_true(util_same_bits(trainer_evaluate(&t, eg), ec / 8));
    for (size_t p = 0; p < 9; p++)
        assert_true(util_same_bits(eg[p], g[p] / 8));
    /* reset goes back to the given weights */
    trainer_epoch(&t);
    trainer_reset(&t);
    assert_memory_equal(t.theta, start, sizeof start);
    trainer_free(&t);
}

static void test_trainer_init_per_parameter(void **state)
{
    (void)state;
    struct train_config c = train_config_default();
    c.hidden = 3;
    c.init = INIT_UNIFORM;
    c.seed = 5;
    struct trainer t;
    assert_true(trainer_init(&t, &xor_data, &c));
    assert_int_equal(t.nparams, 13);
    struct rng r;
    rng_seed(&r, 5);
    for (size_t p = 0; p < 13; p++)
        assert_true(util_same_bits(t.theta[p], 2.0 * rng_unit(&r) - 1.0));
    trainer_free(&t);
    /* weights of the wrong count are not used: the init is */
    const double three[3] = {1, 2, 3};
    c.init = INIT_ZEROS;
    c.weights = three;
    c.nweights = 3;
    assert_true(trainer_init(&t, &xor_data, &c));
    for (size_t p = 0; p < 13; p++)
        assert_true(t.theta[p] == 0.0);
    trainer_free(&t);
    /* H = 0 takes them */
    c.hidden = 0;
    assert_true(trainer_init(&t, &xor_data, &c));
    assert_memory_equal(t.theta, three, sizeof three);
    trainer_free(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_names_and_counts),
        cmocka_unit_test(test_activation_names),
        cmocka_unit_test(test_activation_values),
        cmocka_unit_test(test_forward_by_hand),
        cmocka_unit_test(test_no_hidden_unit_is_the_neuron),
        cmocka_unit_test(test_gradient_of_one_sample_by_hand),
        cmocka_unit_test(test_batch_is_the_plain_loop_bit_for_bit),
        cmocka_unit_test(test_gradient_matches_finite_differences),
        cmocka_unit_test(test_trainer_steps_the_network),
        cmocka_unit_test(test_trainer_init_per_parameter),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
