/* test_split.c - N inputs, the test split and regression on generated
 * data: the held-out rows never reach a batch (their targets are poisoned
 * with NaN and training stays finite), the test cost and accuracy equal a
 * forward pass written out here, r2 equals 1 - SS_res/SS_tot computed
 * here, and one neuron with the term x1*x2 separates gen:xor. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "dataset.h"
#include "generate.h"
#include "trainer.h"

/* The table of the dataset loaded last: a dataset may share its columns,
 * so it is freed after the dataset (unload). */
static struct table loaded;

/* The rows of gen:NAME selected by sel; free them with unload. */
static void load_noisy(const char *name, double noise, const struct selection *sel,
                       struct dataset *d)
{
    char *csv = NULL, err[256];
    size_t len = 0;
    assert_true(generate_csv(name, 200, noise, 7, &csv, &len, err, sizeof err));
    table_free(&loaded);
    assert_true(table_load_buffer(name, csv, len, &loaded, err, sizeof err));
    free(csv);
    if (!dataset_select(&loaded, sel, d, err, sizeof err))
        fail_msg("%s", err);
}

static void unload(struct dataset *d)
{
    dataset_free(d);
    table_free(&loaded);
}

static void load(const char *name, const struct selection *sel, struct dataset *d)
{
    load_noisy(name, 0.1, sel, d);
}

static const struct selection xor_terms = {
    "x1", "x2", "label", "0", "1", false, "x1,x2,x1*x2", NULL, 0.3, 5,
};

static void test_held_out_rows_never_trained_on(void **state)
{
    (void)state;
    struct dataset d;
    load("xor", &xor_terms, &d);
    assert_int_equal(d.n + d.n_test, 200);
    assert_int_equal(d.n_test, 60); /* round(0.3 * 200) */
    assert_int_equal(d.nfeatures, 3);
    for (size_t i = 1; i < d.stride; i++) /* each part in file order */
        if (i != d.n)
            assert_true(dataset_file_row(&d, i) > dataset_file_row(&d, i - 1));
    /* Poison every held-out target: one in a batch would make NaN. */
    for (size_t i = d.n; i < d.stride; i++)
        d.y[i] = NAN;
    struct train_config c = train_config_default();
    c.batch = 7;
    c.shuffle = true;
    struct trainer t;
    assert_true(trainer_init(&t, &d, &c));
    for (int e = 0; e < 30; e++) {
        trainer_epoch(&t);
        assert_true(isfinite(t.last_cost));
        for (size_t k = 0; k < t.nparams; k++)
            assert_true(isfinite(t.theta[k]));
    }
    assert_true(isnan(trainer_test_cost(&t))); /* the poison is where it should be */
    trainer_free(&t);
    unload(&d);
}

/* Sigmoid, MSE and accuracy over the held-out rows, by hand. */
static void test_columns_are_a_forward_pass(void **state)
{
    (void)state;
    struct dataset d;
    load("xor", &xor_terms, &d);
    struct train_config c = train_config_default();
    c.batch = 16;
    struct trainer t;
    assert_true(trainer_init(&t, &d, &c));
    for (int e = 0; e < 25; e++)
        trainer_epoch(&t);
    double cost = 0;
    size_t right = 0;
    for (size_t i = d.n; i < d.stride; i++) {
        double z = t.theta[3];
        for (size_t j = 0; j < 3; j++)
            z += t.theta[j] * d.x[j][i];
        double a = 1 / (1 + exp(-z));
        cost += 0.5 * (a - d.y[i]) * (a - d.y[i]);
        right += (a >= 0.5) == (d.y[i] == 1.0);
    }
    double want = cost / (double)d.n_test;
    double got = trainer_test_cost(&t);
    assert_true(fabs(got - want) <= 1e-12 * fabs(want));
    assert_true(t.last_test_cost == got); /* the epoch's record is that pass */
    assert_true(trainer_test_accuracy(&t) == (double)right / (double)d.n_test);
    trainer_free(&t);
    unload(&d);
}

/* XOR: not separable on x1, x2; with the term x1*x2 one neuron gets it. */
static void test_xor_with_product_term(void **state)
{
    (void)state;
    struct selection sel = xor_terms;
    sel.test_fraction = 0;
    struct dataset d;
    load_noisy("xor", 0, &sel, &d);
    struct train_config c = train_config_default();
    c.lr = 2;
    c.loss = LOSS_BCE;
    struct trainer t;
    assert_true(trainer_init(&t, &d, &c));
    for (int e = 0; e < 300; e++)
        trainer_epoch(&t);
    assert_true(trainer_accuracy(&t) == 1.0);
    trainer_free(&t);
    unload(&d);
    sel.features = NULL; /* x1, x2 alone: far from it */
    load_noisy("xor", 0, &sel, &d);
    assert_true(trainer_init(&t, &d, &c));
    for (int e = 0; e < 300; e++)
        trainer_epoch(&t);
    assert_true(trainer_accuracy(&t) < 0.8);
    trainer_free(&t);
    unload(&d);
}

static void test_regression_r2(void **state)
{
    (void)state;
    struct selection sel = {"x1", "x1", NULL, NULL, NULL, false, "x1", "y", 0.25, 3};
    struct dataset d;
    load("line", &sel, &d);
    assert_true(d.regression);
    assert_int_equal(d.nfeatures, 1);
    struct train_config c = train_config_default();
    c.activation = ACT_LINEAR;
    c.lr = 0.01;
    struct trainer t;
    assert_true(trainer_init(&t, &d, &c));
    for (int e = 0; e < 50; e++)
        trainer_epoch(&t);
    double mean = 0, res = 0, tot = 0;
    for (size_t i = 0; i < d.n; i++)
        mean += d.y[i];
    mean /= (double)d.n;
    for (size_t i = 0; i < d.n; i++) {
        double a = t.theta[0] * d.x[0][i] + t.theta[1];
        res += (d.y[i] - a) * (d.y[i] - a);
        tot += (d.y[i] - mean) * (d.y[i] - mean);
    }
    double want = 1 - res / tot;
    assert_true(fabs(trainer_r2(&t) - want) <= 1e-12);
    assert_true(want > 0.9); /* y = 3x - 2 with a little noise */
    assert_true(isfinite(trainer_test_r2(&t)));
    trainer_free(&t);
    unload(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_held_out_rows_never_trained_on),
        cmocka_unit_test(test_columns_are_a_forward_pass),
        cmocka_unit_test(test_xor_with_product_term),
        cmocka_unit_test(test_regression_r2),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
