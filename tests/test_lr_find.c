/* test_lr_find.c - the LR range test (lr_find.h): its learning rates are
 * log-spaced from start to end; its minibatches are the run's own, in the
 * order training takes them (the first one's cost computed here from the
 * samples the trainer shuffled first); an epoch of its batches covers
 * every sample once; it stops right after the first smoothed cost past 4x
 * the best; the slope and the verdicts. (Its rows on Iris are checked
 * against numpy by lrlab_cli_test.sh.) */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "lr_find.h"
#include "options.h"
#include "session.h"
#include "test_support.h"

static void open_with(struct session *s, int argc, const char **args)
{
    char err[256];
    struct options o;
    support_parse(&o, argc, args);
    assert_true(session_open(s, &o, err, sizeof err));
}

/* MSE of the sigmoid neuron theta on sample i of d (two features). */
static double sample_cost(const struct dataset *d, const double *theta, size_t i)
{
    double z = theta[0] * d->x[0][i] + theta[1] * d->x[1][i] + theta[2];
    double a = 1.0 / (1.0 + exp(-z));
    return 0.5 * (a - d->y[i]) * (a - d->y[i]);
}

static void test_minibatches_in_training_order(void **state)
{
    (void)state;
    const char *args[] = {"--batch", "8", "--seed", "7", "--init", "uniform"};
    struct session *s = malloc(sizeof *s);
    open_with(s, 6, args);
    /* tiny rates: the weights stay (to 1e-290) where the run starts */
    struct lr_find_config fc = {1e-300, 1e-299, 26};
    struct lr_find f;
    char err[128];
    assert_true(lr_find_run(s->data, &s->trainer.config, &fc, &f, err, sizeof err));
    assert_int_equal(f.len, 26);
    for (size_t i = 0; i < f.len; i++)
        assert_true(f.rows[i].lr == 1e-300 * pow(10.0, (double)i / 25.0));
    /* the first batch: the first 8 samples of the run's first shuffle */
    double theta[3];
    memcpy(theta, s->trainer.theta, sizeof theta);
    trainer_step_batch(&s->trainer);
    double sum = 0.0;
    for (size_t k = 0; k < 8; k++)
        sum += sample_cost(s->data, theta, s->trainer.order[k]);
    assert_true(fabs(f.rows[0].cost - sum / 8) <= 1e-15);
    /* 13 batches (12 of 8, one of 4) are one epoch: every sample once */
    double all = 0.0, rows = 0.0;
    for (size_t i = 0; i < s->data->n; i++)
        all += sample_cost(s->data, theta, i);
    for (size_t i = 0; i < 13; i++)
        rows += f.rows[i].cost * (i < 12 ? 8.0 : 4.0);
    assert_true(fabs(rows - all) <= 1e-12 * all);
    /* and not the unshuffled order */
    double unshuffled = 0.0;
    for (size_t k = 0; k < 8; k++)
        unshuffled += sample_cost(s->data, theta, k);
    assert_true(fabs(f.rows[0].cost - unshuffled / 8) > 1e-3);
    lr_find_free(&f);
    session_close(s);
    free(s);
}

static void test_stops_after_four_times_the_best(void **state)
{
    (void)state;
    const char *args[] = {"--activation", "linear"};
    struct session *s = malloc(sizeof *s);
    open_with(s, 2, args);
    struct lr_find_config fc = lr_find_config_default();
    struct lr_find f;
    char err[128];
    assert_true(lr_find_run(s->data, &s->trainer.config, &fc, &f, err, sizeof err));
    assert_true(f.len > 10 && f.len < 100);
    assert_int_equal(f.verdict, LR_FIND_EXPLODED);
    double best = f.rows[0].smoothed;
    for (size_t i = 1; i + 1 < f.len; i++) {
        assert_true(f.rows[i].smoothed <= 4.0 * best);
        best = fmin(best, f.rows[i].smoothed);
    }
    assert_true(f.rows[f.len - 1].smoothed > 4.0 * best);
    /* the debiased average, written out for the first two rows */
    assert_true(fabs(f.rows[0].smoothed - f.rows[0].cost) <= 1e-14 * f.rows[0].cost);
    double avg = 0.98 * (0.02 * f.rows[0].cost) + 0.02 * f.rows[1].cost;
    assert_true(fabs(f.rows[1].smoothed - avg / (1.0 - 0.98 * 0.98)) <=
                1e-15 * f.rows[1].smoothed);
    /* the slope: a central difference against ln lr, NaN at the ends */
    size_t i = f.len / 2;
    double d = (f.rows[i + 1].smoothed - f.rows[i - 1].smoothed) /
               (log(f.rows[i + 1].lr) - log(f.rows[i - 1].lr));
    assert_true(lr_find_slope(&f, i) == d);
    assert_true(isnan(lr_find_slope(&f, 0)) && isnan(lr_find_slope(&f, f.len - 1)));
    assert_true(f.steepest >= 10 && f.steepest < f.len);
    for (size_t k = 10; k + 1 < f.len; k++)
        assert_true(lr_find_slope(&f, k) >= lr_find_slope(&f, f.steepest));
    assert_true(lr_find_minimum_lr(&f) == f.rows[f.minimum].lr / 10.0);
    char text[256];
    lr_find_verdict_text(&f, text, sizeof text);
    assert_string_equal(text, "exploded: the cost passed 4x its best at lr 0.423, so the "
                              "test stopped early");
    lr_find_free(&f);
    session_close(s);
    free(s);
}

static void test_sigmoid_saturates_and_a_short_range_is_open(void **state)
{
    (void)state;
    struct session *s = malloc(sizeof *s);
    open_with(s, 0, NULL);
    struct lr_find_config fc = lr_find_config_default();
    struct lr_find f;
    char err[128], text[256];
    assert_true(lr_find_run(s->data, &s->trainer.config, &fc, &f, err, sizeof err));
    assert_int_equal(f.len, 100);
    assert_int_equal(f.verdict, LR_FIND_SATURATED);
    assert_true(f.rows[99].lr == 10.0);
    assert_true(fabs(f.rows[99].cost - 0.25) < 1e-5);
    lr_find_verdict_text(&f, text, sizeof text);
    assert_string_equal(text, "saturated: the cost is flat at 0.25 by lr 10, it neither "
                              "falls nor explodes");
    lr_find_free(&f);
    struct lr_find_config small = {1e-3, 1e-1, 20};
    assert_true(lr_find_run(s->data, &s->trainer.config, &small, &f, err, sizeof err));
    assert_int_equal(f.verdict, LR_FIND_OPEN);
    lr_find_free(&f);
    session_close(s);
    free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_minibatches_in_training_order),
        cmocka_unit_test(test_stops_after_four_times_the_best),
        cmocka_unit_test(test_sigmoid_saturates_and_a_short_range_is_open),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
