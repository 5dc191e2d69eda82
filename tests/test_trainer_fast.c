/* test_trainer_fast.c - the batch-1 loop (trainer_fast.c) is the general
 * path bit for bit: a trainer run by trainer_step_samples in calls of
 * random sizes and one run by trainer_step_batch one update at a time end
 * every call with the same weights, gradient, optimizer state, RNG,
 * sample order, costs, history and cost log, over every activation x
 * loss x optimizer, 1 to 4 inputs, with and without shuffling, schedules,
 * a test split and diverging runs, with rewinds and other settings
 * between calls; and its exponential has vexp's bits for every kind of
 * input. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "rng.h"
#include "session.h"
#include "test_support.h"
#include "trainer_fast.h"
#include "util.h"
#include "vexp.h"

#include "../src/vexp_short.h"

static void assert_same_doubles(const double *a, const double *b, size_t n)
{
    assert_memory_equal(a, b, n * sizeof *a);
}

/* Everything an update changes is the same in a and b. */
static void assert_same_trainer(const struct trainer *a, const struct trainer *b)
{
    size_t p = a->nparams;
    assert_int_equal(a->epoch, b->epoch);
    assert_int_equal(a->next, b->next);
    assert_same_doubles(a->theta, b->theta, p);
    assert_same_doubles(a->gradient, b->gradient, p);
    assert_same_doubles(&a->epoch_cost_sum, &b->epoch_cost_sum, 1);
    assert_same_doubles(&a->batch_cost, &b->batch_cost, 1);
    assert_same_doubles(&a->last_cost, &b->last_cost, 1);
    assert_same_doubles(&a->last_test_cost, &b->last_test_cost, 1);
    assert_int_equal(a->diverged, b->diverged);
    assert_int_equal(a->diverged_epoch, b->diverged_epoch);
    assert_int_equal(a->rng.state, b->rng.state);
    assert_memory_equal(a->order, b->order, a->data->n * sizeof *a->order);
    assert_int_equal(a->optimizer.t, b->optimizer.t);
    assert_same_doubles(a->optimizer.first, b->optimizer.first, p);
    assert_same_doubles(a->optimizer.second, b->optimizer.second, p);
    assert_same_doubles(&a->optimizer.step_size, &b->optimizer.step_size, 1);
    assert_int_equal(a->history.len, b->history.len);
    assert_memory_equal(a->history.records, b->history.records,
                        a->history.len * sizeof *a->history.records);
    assert_same_doubles(a->history.params, b->history.params, a->history.len * p);
    assert_int_equal(a->log.len, b->log.len);
    assert_memory_equal(a->log.updates, b->log.updates, a->log.len * sizeof *a->log.updates);
}

/* Opens two sessions on the command line words (NULL-terminated), trains
 * one by trainer_step_samples in calls of random sizes (some past the
 * epoch's end) and the other by trainer_step_batch, comparing them after
 * every call, for `epochs` epochs. fast says whether the batch-1 loop
 * must be the one that runs. */
static void check_run(const char **words, size_t epochs, bool fast)
{
    struct options o;
    char err[256];
    support_parse_list(&o, words);
    struct session *s = malloc(2 * sizeof *s);
    assert_non_null(s);
    assert_true(session_open(&s[0], &o, err, sizeof err));
    assert_true(session_open(&s[1], &o, err, sizeof err));
    struct trainer *a = &s[0].trainer, *b = &s[1].trainer;
    assert_int_equal(trainer_fast_applies(a), fast);
    struct rng r;
    rng_seed(&r, 99);
    size_t n = a->data->n;
    while (a->epoch < epochs) {
        size_t want = 1 + (size_t)rng_below(&r, n + n / 2), trained;
        size_t before = a->next;
        bool finished = trainer_step_samples(a, want, &trained);
        size_t done = 0;
        bool general_finished = false;
        while (done < want && !general_finished) {
            size_t at = b->next;
            general_finished = trainer_step_batch(b);
            done += (general_finished ? n : b->next) - at;
        }
        assert_int_equal(finished, general_finished);
        assert_int_equal(trained, done);
        assert_true(trained >= (want < n - before ? want : n - before));
        assert_same_trainer(a, b);
    }
    session_close(&s[0]);
    session_close(&s[1]);
    free(s);
}

static const char *const activations[] = {"sigmoid", "linear", "relu", "step"};
static const char *const losses[] = {"MSE", "MAE", "BCE"};
static const char *const optimizers[] = {"sgd", "momentum", "nesterov",
                                         "adagrad", "rmsprop", "adam"};
static const char *const features[] = {
    "sepal_length", "sepal_length,petal_length",
    "sepal_length,sepal_width,petal_width",
    "sepal_length,sepal_width,petal_length,petal_width",
};

/* Every activation x loss x optimizer, the inputs, shuffling, the init,
 * the schedule and the test split varied across them. */
static void test_every_setting_matches_the_general_path(void **state)
{
    (void)state;
    size_t k = 0;
    for (size_t i = 0; i < 4; i++)
        for (size_t j = 0; j < 3; j++)
            for (size_t m = 0; m < 6; m++, k++) {
                const char *words[] = {
                    "--batch", "1", "--activation", activations[i], "--loss", losses[j],
                    "--optimizer", optimizers[m], "--features", features[k % 4],
                    "--shuffle", k % 3 == 2 ? "off" : "on",
                    "--init", k % 2 ? "uniform" : "zeros", "--seed", k % 5 ? "3" : "8",
                    "--lr", k % 7 == 3 ? "4" : "0.3",
                    "--schedule", k % 4 == 1 ? "step" : k % 4 == 2 ? "cosine" : "constant",
                    "--decay-every", "2", "--test", k % 3 == 1 ? "0.25" : "0",
                    "--classes", k % 2 ? "versicolor,virginica" : "setosa,versicolor", NULL};
                check_run(words, 4, true);
            }
}

/* Two inputs with sgd (the loop that keeps the weights in registers)
 * for every activation x loss, at a moderate and a diverging lr (the
 * exponential far out, infinities, NaN) and from zeros (exact zeros and
 * -0.0 in the steps). */
static void test_two_inputs_sgd_every_lr(void **state)
{
    (void)state;
    const char *lrs[] = {"0.5", "30", "1e300"};
    for (size_t i = 0; i < 4; i++)
        for (size_t j = 0; j < 3; j++)
            for (size_t l = 0; l < 3; l++) {
                const char *words[] = {"--batch", "1", "--activation", activations[i],
                                       "--loss", losses[j], "--lr", lrs[l], NULL};
                check_run(words, 5, true);
                const char *off[] = {"--batch", "1", "--activation", activations[i],
                                     "--loss", losses[j], "--lr", lrs[l], "--shuffle", "off",
                                     "--init", "uniform", NULL};
                check_run(off, 3, true);
            }
}

/* Weights at -0.0 with relu: every step is -lr * -0.0 = +0.0 in the
 * general path, which leaves a -0.0 weight at -0.0; a step of -0.0 would
 * make it +0.0. For every optimizer, and with MAE and BCE. */
static void test_negative_zero_weights(void **state)
{
    (void)state;
    for (size_t m = 0; m < 6; m++)
        for (size_t j = 0; j < 3; j++) {
            const char *words[] = {"--batch", "1", "--activation", "relu", "--loss", losses[j],
                                   "--optimizer", optimizers[m], "--weights", "-0,-0,-0",
                                   NULL};
            check_run(words, 2, true);
            const char *three[] = {"--batch", "1", "--activation", "relu", "--features",
                                   "sepal_length", "--optimizer", optimizers[m],
                                   "--weights", "-0,-0", "--loss", losses[j], NULL};
            check_run(three, 2, true);
        }
}

/* Generated data (other columns, more rows, terms) and regression. */
static void test_generated_data(void **state)
{
    (void)state;
    const char *spiral[] = {"--data", "gen:spiral", "--points", "300", "--noise", "0.2",
                            "--batch", "1", "--features", "x1,x2,x1*x2", "--optimizer",
                            "adam", NULL};
    check_run(spiral, 3, true);
    const char *line[] = {"--data", "gen:line", "--batch", "1", "--lr", "0.01", NULL};
    check_run(line, 4, true);
    const char *plane[] = {"--data", "gen:plane", "--batch", "1", "--test", "0.3", NULL};
    check_run(plane, 4, true);
}

/* Where the loop does not apply (batches of 2 and 3, a hidden layer, full
 * batch), trainer_step_samples makes the general path's updates too. */
static void test_other_batches_use_the_general_path(void **state)
{
    (void)state;
    const char *two[] = {"--batch", "2", "--optimizer", "momentum", NULL};
    check_run(two, 3, false);
    const char *three[] = {"--batch", "3", "--shuffle", "off", NULL};
    check_run(three, 3, false);
    const char *hidden[] = {"--batch", "1", "--hidden", "2", "--init", "uniform", NULL};
    check_run(hidden, 3, false);
    const char *full[] = {"--batch", "full", NULL};
    check_run(full, 3, false);
}

/* The cost log past its capacity: the older half dropped at the same
 * updates as cost_log_add drops it. */
static void test_cost_log_wraps_the_same(void **state)
{
    (void)state;
    const char *words[] = {"--batch", "1", NULL};
    check_run(words, 2 * COST_LOG_UPDATES / 100 + 3, true);
}

/* Trains session a by session_step_samples and b by session_step_batch
 * until both are at epoch `epoch`, sample `next` (whole batches: the
 * first position at or past it), in calls of random sizes. */
static void train_both_to(struct session *a, struct session *b, struct rng *r,
                          size_t epoch, size_t next)
{
    size_t n = a->trainer.data->n;
    while (a->trainer.epoch < epoch || (a->trainer.epoch == epoch && a->trainer.next < next)) {
        size_t want = 1 + (size_t)rng_below(r, 40), trained;
        if (a->trainer.epoch == epoch && next - a->trainer.next < want)
            want = next - a->trainer.next;
        session_step_samples(a, want, &trained);
        size_t done = 0;
        while (done < want) {
            size_t at = b->trainer.next;
            bool finished = b->trainer.next + trainer_batch_size(&b->trainer) >= n;
            session_step_batch(b);
            done += (finished ? n : b->trainer.next) - at;
            if (finished)
                break;
        }
        assert_same_trainer(&a->trainer, &b->trainer);
    }
}

/* The shuffle drawn ahead stays right through what can come between two
 * calls: rewinding (from the end of an epoch and from within one), other
 * batch sizes (the general path's own shuffles), shuffling turned off
 * and on, and a reset. */
static void test_changes_between_calls(void **state)
{
    (void)state;
    struct options o;
    char err[256];
    const char *words[] = {"--batch", "1", "--init", "uniform", "--seed", "4", NULL};
    support_parse_list(&o, words);
    struct session *s = malloc(2 * sizeof *s);
    assert_non_null(s);
    assert_true(session_open(&s[0], &o, err, sizeof err));
    assert_true(session_open(&s[1], &o, err, sizeof err));
    struct rng r;
    rng_seed(&r, 17);
    train_both_to(&s[0], &s[1], &r, 3, 0);
    train_both_to(&s[0], &s[1], &r, 5, 37);
    assert_true(session_back(&s[0]));
    assert_true(session_back(&s[1]));
    assert_same_trainer(&s[0].trainer, &s[1].trainer);
    assert_true(session_back(&s[0]));
    assert_true(session_back(&s[1]));
    assert_same_trainer(&s[0].trainer, &s[1].trainer);
    train_both_to(&s[0], &s[1], &r, 6, 50);
    train_both_to(&s[0], &s[1], &r, 7, 0); /* epoch 7's draws made */
    struct train_config c = s[0].trainer.config;
    c.batch = 3; /* epoch 7 shuffles from the RNG, not from them */
    session_configure(&s[0], &c);
    session_configure(&s[1], &c);
    train_both_to(&s[0], &s[1], &r, 8, 0);
    c.batch = 1;
    session_configure(&s[0], &c);
    session_configure(&s[1], &c);
    train_both_to(&s[0], &s[1], &r, 8, 60);
    c.batch = 2;
    session_configure(&s[0], &c);
    session_configure(&s[1], &c);
    train_both_to(&s[0], &s[1], &r, 9, 30);
    c.batch = 1;
    c.shuffle = false;
    session_configure(&s[0], &c);
    session_configure(&s[1], &c);
    train_both_to(&s[0], &s[1], &r, 10, 10);
    c.shuffle = true;
    session_configure(&s[0], &c);
    session_configure(&s[1], &c);
    train_both_to(&s[0], &s[1], &r, 13, 0);
    session_reset(&s[0]);
    session_reset(&s[1]);
    train_both_to(&s[0], &s[1], &r, 3, 20);
    session_close(&s[0]);
    session_close(&s[1]);
    free(s);
}

/* One value: exp_inline_short and vexp agree bit for bit. */
static void assert_exp_same(double x)
{
    double a = exp_inline_short(x), b = vexp(x);
    if (!util_same_bits(a, b))
        fail_msg("exp(%.17g): %.17g, vexp %.17g", x, a, b);
}

/* The short exponential is vexp's: a fine sweep over the whole range
 * (every scaling, the subnormal and overflow ends, both sides of the
 * switch at k = +-1000), the points k*ln2 and halfway between, special
 * values and random bit patterns. */
static void test_exp_short_is_vexp(void **state)
{
    (void)state;
    for (double x = -760.0; x <= 720.0; x += 1.0 / 128.0)
        assert_exp_same(x);
    for (int k = -1100; k <= 1100; k++)
        for (int h = -2; h <= 2; h++) {
            double x = ((double)k + 0.25 * h) * 0.6931471805599453;
            assert_exp_same(x);
            assert_exp_same(nextafter(x, -INFINITY));
            assert_exp_same(nextafter(x, INFINITY));
        }
    const double special[] = {0.0, -0.0, INFINITY, -INFINITY, NAN, -NAN, 5e-324,
                              -5e-324, 2.2250738585072014e-308, 1e-300, -1e-300,
                              709.782712893384, 709.7827128933841, -745.1332191019411,
                              -745.1332191019412, -708.3964185322641, -708.4,
                              693.1, 693.2, -693.1, -693.2, 1e308, -1e308};
    for (size_t i = 0; i < sizeof special / sizeof special[0]; i++)
        assert_exp_same(special[i]);
    struct rng r;
    rng_seed(&r, 5);
    for (int i = 0; i < 200000; i++) {
        uint64_t u = rng_next(&r);
        double x;
        memcpy(&x, &u, sizeof x);
        assert_exp_same(x);
        assert_exp_same(ldexp((double)(u >> 11), -53) * 1500.0 - 760.0);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_exp_short_is_vexp),
        cmocka_unit_test(test_every_setting_matches_the_general_path),
        cmocka_unit_test(test_two_inputs_sgd_every_lr),
        cmocka_unit_test(test_negative_zero_weights),
        cmocka_unit_test(test_generated_data),
        cmocka_unit_test(test_other_batches_use_the_general_path),
        cmocka_unit_test(test_cost_log_wraps_the_same),
        cmocka_unit_test(test_changes_between_calls),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
