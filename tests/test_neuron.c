/* test_neuron.c - the math: every activation x loss gradient against
 * central finite differences, the RNG, the bowl's closed form, and the
 * trainer's batching, averaging, determinism and divergence. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "bowl.h"
#include "neuron.h"
#include "rng.h"
#include "trainer.h"
#include "vexp.h"

/* Cost of one sample as a function of the weights, for finite differences. */
static double sample_cost(struct neuron n, enum activation act, enum loss loss,
                          double x1, double x2, double y)
{
    double a = activation_value(act, neuron_weighted_sum(&n, x1, x2));
    return loss_value(loss, a, y);
}

static void assert_close(double got, double want, double rel, double abs_tol)
{
    double err = fabs(got - want);
    if (!(err <= abs_tol || err <= rel * fabs(want)))
        fail_msg("got %.17g, want %.17g (error %.3g)", got, want, err);
}

/* Points away from kinks (relu at 0, MAE at a = y) and BCE's clamp. */
static void test_gradient_matches_finite_differences(void **state)
{
    (void)state;
    const double h = 1e-6;
    struct rng r;
    rng_seed(&r, 42);
    for (int act = 0; act < ACT_COUNT; act++) {
        for (int loss = 0; loss < LOSS_COUNT; loss++) {
            int checked = 0;
            while (checked < 50) {
                struct neuron n = {4 * rng_unit(&r) - 2, 4 * rng_unit(&r) - 2,
                                   4 * rng_unit(&r) - 2};
                double x1 = 4 * rng_unit(&r) - 2, x2 = 4 * rng_unit(&r) - 2;
                double y = rng_unit(&r) < 0.5 ? 0.0 : 1.0;
                double z = neuron_weighted_sum(&n, x1, x2);
                double a = activation_value((enum activation)act, z);
                if (fabs(z) < 1e-3 || fabs(a - y) < 1e-3)
                    continue;
                if (loss == LOSS_BCE && (act == ACT_LINEAR || act == ACT_RELU) &&
                    (a < 0.01 || a > 0.99))
                    continue; /* BCE outside (0,1) is clamped: flat */
                struct gradient g;
                double c = neuron_sample_gradient(&n, (enum activation)act,
                                                  (enum loss)loss, x1, x2, y, &g);
                assert_close(c, sample_cost(n, act, loss, x1, x2, y), 1e-15, 1e-15);
                double *weights[3] = {&n.w1, &n.w2, &n.b};
                double analytic[3] = {g.dw1, g.dw2, g.db};
                for (int k = 0; k < 3; k++) {
                    double keep = *weights[k];
                    *weights[k] = keep + h;
                    double up = sample_cost(n, act, loss, x1, x2, y);
                    *weights[k] = keep - h;
                    double down = sample_cost(n, act, loss, x1, x2, y);
                    *weights[k] = keep;
                    assert_close(analytic[k], (up - down) / (2 * h), 1e-5, 1e-7);
                }
                checked++;
            }
        }
    }
}

static void test_activation_and_loss_values(void **state)
{
    (void)state;
    assert_true(activation_value(ACT_SIGMOID, 0) == 0.5);
    assert_true(activation_derivative(ACT_SIGMOID, 0) == 0.25);
    assert_true(activation_value(ACT_STEP, 0) == 1.0);
    assert_true(activation_value(ACT_STEP, -1e-300) == 0.0);
    assert_true(activation_derivative(ACT_STEP, 3) == 0.0);
    assert_true(activation_value(ACT_RELU, -2) == 0.0);
    assert_true(activation_derivative(ACT_RELU, 0) == 0.0);
    assert_true(activation_derivative(ACT_RELU, 1e-9) == 1.0);
    assert_true(loss_value(LOSS_MSE, 0.25, 1) == 0.5 * 0.75 * 0.75);
    assert_true(loss_derivative(LOSS_MAE, 0.5, 0.5) == 0.0);
    assert_true(loss_derivative(LOSS_MAE, 0.2, 1) == -1.0);
    /* BCE clamps a to [1e-12, 1 - 1e-12]: finite at a = 0 and a = 1. */
    assert_true(fabs(loss_value(LOSS_BCE, 0.0, 1.0) - -log(1e-12)) < 1e-12);
    assert_true(isfinite(loss_value(LOSS_BCE, 1.0, 0.0)));
    assert_true(isfinite(loss_derivative(LOSS_BCE, 0.0, 1.0)));
    enum activation act;
    enum loss loss;
    assert_true(activation_parse("ReLU", &act) && act == ACT_RELU);
    assert_false(activation_parse("tanh", &act));
    assert_true(loss_parse("bce", &loss) && loss == LOSS_BCE);
    assert_false(loss_parse("hinge", &loss));
    assert_string_equal(loss_name(LOSS_MAE), "MAE");
    assert_string_equal(activation_name(ACT_STEP), "step");
}

static void test_rng_is_deterministic_and_uniform(void **state)
{
    (void)state;
    struct rng a, b;
    rng_seed(&a, 7);
    rng_seed(&b, 7);
    for (int i = 0; i < 1000; i++)
        assert_true(rng_next(&a) == rng_next(&b));
    /* splitmix64's first output for seed 0 (published test value). */
    rng_seed(&a, 0);
    assert_true(rng_next(&a) == 0xe220a8397b1dcdafu);
    /* A permutation is a permutation, and the counts are near uniform. */
    size_t counts[5] = {0};
    for (int trial = 0; trial < 50000; trial++) {
        sample_index idx[5] = {0, 1, 2, 3, 4};
        rng_permute(&a, idx, 5);
        int seen = 0;
        for (int i = 0; i < 5; i++)
            seen |= 1 << idx[i];
        assert_int_equal(seen, 31);
        counts[idx[0]]++;
    }
    for (int i = 0; i < 5; i++)
        assert_true(counts[i] > 9500 && counts[i] < 10500);
    for (int i = 0; i < 1000; i++) {
        double u = rng_unit(&a);
        assert_true(u >= 0.0 && u < 1.0);
    }
}

static void test_bowl_closed_form(void **state)
{
    (void)state;
    struct bowl b;
    bowl_start(&b, 5, 5, 0.1);
    for (int k = 1; k <= 60; k++) {
        bowl_step(&b);
        double exact = 5 * pow(0.8, k);
        assert_close(b.x, exact, 1e-13, 0);
        assert_true(b.x == b.y);
    }
    assert_int_equal(b.path_len, 61);
    bowl_start(&b, 5, -3, 1.0); /* lr = 1 oscillates */
    bowl_step(&b);
    assert_true(b.x == -5 && b.y == 3);
    bowl_step(&b);
    assert_true(b.x == 5 && b.y == -3);
    bowl_start(&b, 1, 1, 1.1); /* lr > 1 diverges: |p| grows by 1.2 */
    for (int k = 0; k < 10; k++)
        bowl_step(&b);
    assert_close(fabs(b.x), pow(1.2, 10), 1e-12, 0);
    for (int k = 0; k < 5000; k++)
        bowl_step(&b); /* past the path capacity: keeps the newest */
    assert_true(b.path_len <= BOWL_PATH_CAP);
    assert_true(b.path_x[b.path_len - 1] == b.x);
    assert_true(isinf(b.x) && isinf(b.y)); /* diverged: infinite, never NaN */
}

/* Five samples, linear activation and MSE: each update is easy to follow. */
static double tx[10] = {1, 2, -1, 0.5, 3, /* x1 */ 0, 1, 2, -1, 1 /* x2 */};
static double *const tx1 = tx, *const tx2 = tx + 5;
static double ty[5] = {0, 1, 1, 0, 1};
static struct dataset tiny = {.n = 5, .stride = 5, .nfeatures = 2,
                              .x = {tx, tx + 5}, .x1 = tx, .x2 = tx + 5, .y = ty};

/* The trainer's parameters as a two-input neuron. */
static struct neuron neuron_of(const struct trainer *t)
{
    return neuron_two_of(t->theta, t->nparams);
}

static void test_batches_average_over_their_real_size(void **state)
{
    (void)state;
    struct train_config c = train_config_default();
    c.activation = ACT_LINEAR;
    c.loss = LOSS_MSE;
    c.lr = 0.1;
    c.batch = 2;
    c.shuffle = false;
    struct trainer t;
    assert_true(trainer_init(&t, &tiny, &c));
    trainer_epoch(&t);

    /* By hand: batches {0,1}, {2,3}, {4}; the last divides by 1, not 2. */
    double w1 = 0, w2 = 0, b = 0, cost = 0;
    size_t starts[3] = {0, 2, 4}, sizes[3] = {2, 2, 1};
    for (int k = 0; k < 3; k++) {
        double g1 = 0, g2 = 0, gb = 0;
        for (size_t i = starts[k]; i < starts[k] + sizes[k]; i++) {
            double a = w1 * tx1[i] + w2 * tx2[i] + b;
            cost += 0.5 * (a - ty[i]) * (a - ty[i]);
            g1 += (a - ty[i]) * tx1[i];
            g2 += (a - ty[i]) * tx2[i];
            gb += (a - ty[i]);
        }
        w1 -= 0.1 * g1 / (double)sizes[k];
        w2 -= 0.1 * g2 / (double)sizes[k];
        b -= 0.1 * gb / (double)sizes[k];
    }
    assert_close(t.theta[0], w1, 1e-15, 1e-17);
    assert_close(t.theta[1], w2, 1e-15, 1e-17);
    assert_close(t.theta[2], b, 1e-15, 1e-17);
    assert_close(t.last_cost, cost / 5, 1e-15, 0);
    assert_int_equal(t.epoch, 1);
    assert_int_equal(t.history.len, 1);
    assert_true(t.history.records[0].cost == t.last_cost);
    trainer_free(&t);
}

static void test_step_batch_walks_one_epoch(void **state)
{
    (void)state;
    struct train_config c = train_config_default();
    c.batch = 2;
    struct trainer t;
    assert_true(trainer_init(&t, &tiny, &c));
    assert_false(trainer_step_batch(&t));
    assert_false(trainer_step_batch(&t));
    assert_int_equal(t.epoch, 0);
    assert_true(trainer_step_batch(&t));
    assert_int_equal(t.epoch, 1);
    /* An epoch split by hand equals one run in a piece. */
    struct trainer u;
    assert_true(trainer_init(&u, &tiny, &c));
    trainer_epoch(&u);
    assert_memory_equal(t.theta, u.theta, 3 * sizeof *t.theta);
    trainer_free(&t);
    trainer_free(&u);
}

static void run_epochs(const struct train_config *c, int epochs, struct neuron *out)
{
    struct trainer t;
    assert_true(trainer_init(&t, &tiny, c));
    for (int e = 0; e < epochs; e++)
        trainer_epoch(&t);
    *out = neuron_of(&t);
    trainer_free(&t);
}

static void test_same_seed_same_run_other_seed_other_run(void **state)
{
    (void)state;
    struct train_config c = train_config_default();
    c.batch = 1;
    c.init = INIT_UNIFORM;
    c.seed = 99;
    struct neuron a, b, other;
    run_epochs(&c, 20, &a);
    run_epochs(&c, 20, &b);
    assert_memory_equal(&a, &b, sizeof a);
    c.seed = 100;
    run_epochs(&c, 20, &other);
    assert_memory_not_equal(&a, &other, sizeof a);

    /* Same initial weights, different shuffles: only the order differs. */
    struct train_config z = train_config_default();
    z.batch = 1;
    z.seed = 1;
    run_epochs(&z, 3, &a);
    z.seed = 2;
    run_epochs(&z, 3, &b);
    assert_memory_not_equal(&a, &b, sizeof a);
    /* Full batch does not depend on the seed at all. */
    z.batch = 0;
    z.seed = 1;
    run_epochs(&z, 5, &a);
    z.seed = 2;
    run_epochs(&z, 5, &b);
    assert_memory_equal(&a, &b, sizeof a);
}

static void test_uniform_init_in_range_and_reset_repeats(void **state)
{
    (void)state;
    struct train_config c = train_config_default();
    c.init = INIT_UNIFORM;
    struct trainer t;
    for (uint64_t seed = 0; seed < 200; seed++) {
        c.seed = seed;
        assert_true(trainer_init(&t, &tiny, &c));
        struct neuron start = neuron_of(&t);
        assert_true(fabs(start.w1) <= 1 && fabs(start.w2) <= 1 && fabs(start.b) <= 1);
        trainer_epoch(&t);
        trainer_reset(&t);
        struct neuron again = neuron_of(&t);
        assert_memory_equal(&start, &again, sizeof start);
        assert_int_equal(t.epoch, 0);
        assert_int_equal(t.history.len, 0);
        trainer_free(&t);
    }
}

static void test_divergence_is_flagged_at_its_epoch(void **state)
{
    (void)state;
    struct train_config c = train_config_default();
    c.activation = ACT_LINEAR;
    c.lr = 1e6;
    struct trainer t;
    assert_true(trainer_init(&t, &tiny, &c));
    for (int e = 0; e < 200 && !t.diverged; e++)
        trainer_epoch(&t);
    assert_true(t.diverged);
    size_t first = t.diverged_epoch;
    assert_true(first >= 1);
    /* The flagged epoch is the first with a non-finite cost or weight. */
    for (size_t i = 0; i < t.history.len; i++) {
        const struct epoch_record *r = &t.history.records[i];
        const double *w = history_params(&t.history, i);
        bool finite = isfinite(r->cost) && isfinite(w[0]) && isfinite(w[1]) && isfinite(w[2]);
        assert_true(finite == (r->epoch < first));
    }
    trainer_epoch(&t);
    assert_int_equal(t.diverged_epoch, first); /* stays the first */
    trainer_free(&t);
}

static void test_configure_keeps_weights_and_evaluate_follows(void **state)
{
    (void)state;
    struct train_config c = train_config_default();
    struct trainer t;
    assert_true(trainer_init(&t, &tiny, &c));
    for (int e = 0; e < 10; e++)
        trainer_epoch(&t);
    struct neuron before = neuron_of(&t);
    double mse = trainer_evaluate(&t, NULL);
    c.loss = LOSS_MAE;
    c.lr = 2;
    trainer_configure(&t, &c);
    struct neuron after = neuron_of(&t);
    assert_memory_equal(&before, &after, sizeof before);
    assert_int_equal(t.epoch, 10);
    double g[3];
    double mae = trainer_evaluate(&t, g);
    assert_true(mae != mse);
    double want = 0;
    for (int i = 0; i < 5; i++)
        want += fabs(1 / (1 + exp(-(before.w1 * tx1[i] + before.w2 * tx2[i] + before.b))) - ty[i]);
    assert_close(mae, want / 5, 1e-14, 0);
    trainer_free(&t);
}

static void test_history_thins_when_full(void **state)
{
    (void)state;
    double x[2] = {1, 1}, y[1] = {1};
    struct dataset one = {.n = 1, .stride = 1, .nfeatures = 2, .x = {x, x + 1}, .x1 = x,
                          .x2 = x + 1, .y = y};
    struct train_config c = train_config_default();
    struct trainer t;
    assert_true(trainer_init(&t, &one, &c));
    size_t epochs = HISTORY_CAP * 2 + 10;
    for (size_t e = 0; e < epochs; e++)
        trainer_epoch(&t);
    assert_true(t.history.len <= HISTORY_CAP);
    assert_true(t.history.stride >= 2);
    for (size_t i = 1; i < t.history.len; i++)
        assert_true(t.history.records[i].epoch == t.history.records[i - 1].epoch + t.history.stride);
    trainer_free(&t);
}

/* Distance in units in the last place between two finite doubles. */
static uint64_t ulps_apart(double a, double b)
{
    int64_t x, y;
    memcpy(&x, &a, sizeof x);
    memcpy(&y, &b, sizeof y);
    return x > y ? (uint64_t)(x - y) : (uint64_t)(y - x);
}

static void test_vexp_within_one_ulp_of_libm(void **state)
{
    (void)state;
    uint64_t worst = 0;
    for (double x = -708.0; x < 709.7; x += 0.0123)
        if (ulps_apart(vexp(x), exp(x)) > worst)
            worst = ulps_apart(vexp(x), exp(x));
    assert_true(worst <= 1);
    assert_true(vexp(0) == 1.0);
    assert_true(vexp(1) == exp(1) || ulps_apart(vexp(1), exp(1)) == 1);
    assert_true(isinf(vexp(710)) && vexp(1e300) == INFINITY);
    assert_true(vexp(-746) == 0.0 && vexp(-INFINITY) == 0.0);
    assert_true(isnan(vexp(NAN)));
    /* Subnormal results keep their few bits. */
    assert_true(ulps_apart(vexp(-740), exp(-740)) <= 1);
}

static void test_vectorised_sigmoid_has_the_scalar_bits(void **state)
{
    (void)state;
    enum { N = 1001 };
    static double z[N], a[N];
    for (int i = 0; i < N; i++)
        z[i] = -50.0 + 0.1 * i + 1e-7 * i * i;
    z[0] = NAN;
    z[1] = INFINITY;
    z[2] = -INFINITY;
    vexp_sigmoid(z, a, N);
    assert_true(isnan(a[0]) && a[1] == 1.0 && a[2] == 0.0);
    for (int i = 3; i < N; i++)
        assert_true(a[i] == activation_value(ACT_SIGMOID, z[i]));

    /* The fused form w1*x1 + w2*x2 + b gives the scalar neuron's bits. */
    static double x1[N], x2[N];
    for (int i = 0; i < N; i++) {
        x1[i] = 4.0 + 0.01 * i;
        x2[i] = 1.0 + 0.037 * (i % 97);
    }
    struct neuron n = {-0.81404637810777103, 1.7220396411537677, -0.31261289101719808};
    vexp_sigmoid_affine(x1, x2, n.w1, n.w2, n.b, a, N);
    for (int i = 0; i < N; i++)
        assert_true(a[i] == activation_value(ACT_SIGMOID, neuron_weighted_sum(&n, x1[i], x2[i])));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_gradient_matches_finite_differences),
        cmocka_unit_test(test_activation_and_loss_values),
        cmocka_unit_test(test_rng_is_deterministic_and_uniform),
        cmocka_unit_test(test_bowl_closed_form),
        cmocka_unit_test(test_batches_average_over_their_real_size),
        cmocka_unit_test(test_step_batch_walks_one_epoch),
        cmocka_unit_test(test_same_seed_same_run_other_seed_other_run),
        cmocka_unit_test(test_uniform_init_in_range_and_reset_repeats),
        cmocka_unit_test(test_divergence_is_flagged_at_its_epoch),
        cmocka_unit_test(test_configure_keeps_weights_and_evaluate_follows),
        cmocka_unit_test(test_history_thins_when_full),
        cmocka_unit_test(test_vexp_within_one_ulp_of_libm),
        cmocka_unit_test(test_vectorised_sigmoid_has_the_scalar_bits),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
