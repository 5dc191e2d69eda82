/* test_saturation.c - the vanishing-gradient check: the default Iris
 * neuron at lr 20 is stuck with its counts equal to a count made here from
 * the weights with the C library's exp; a neuron that learned, one at
 * epoch 0, XOR held at 0 by symmetry (a = 0.5: nothing saturated) and
 * the step activation are not; a dead relu is. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "options.h"
#include "saturation.h"
#include "session.h"
#include "test_support.h"

/* A session from the command-line arguments (NULL-terminated), trained
 * for epochs epochs. */
static void open_trained(struct session *s, struct options *o, const char **args,
                         size_t epochs)
{
    char err[256];
    support_parse_list(o, args);
    assert_true(session_open(s, o, err, sizeof err));
    for (size_t e = 0; e < epochs; e++)
        session_epoch(s);
}

static void test_iris_at_lr_20_is_stuck(void **state)
{
    (void)state;
    struct options o;
    struct session s;
    const char *args[] = {"--lr", "20", NULL};
    open_trained(&s, &o, args, 30);
    struct saturation sat;
    assert_true(saturation_stuck(&s.trainer, &sat));
    /* counted again from the weights, with libm's exp */
    const struct trainer *t = &s.trainer;
    const struct dataset *d = t->data;
    size_t saturated = 0, wrong = 0;
    for (size_t i = 0; i < d->n; i++) {
        double z = t->theta[0] * d->x1[i] + t->theta[1] * d->x2[i] + t->theta[2];
        double a = 1.0 / (1.0 + exp(-z));
        saturated += a < 1e-4 || a > 1.0 - 1e-4;
        wrong += (a >= 0.5) != (d->y[i] >= 0.5);
    }
    assert_int_equal(sat.checked, 100);
    assert_int_equal(sat.saturated, saturated);
    assert_int_equal(sat.wrong, wrong);
    assert_true(saturated >= 90);
    assert_int_equal(wrong, 50);
    session_close(&s);
}

static void test_not_stuck(void **state)
{
    (void)state;
    static const char *runs[][12] = {
        {NULL},                                  /* learns: 100% */
        {"--lr", "20", NULL},                    /* epoch 0: no update yet */
        {"--data", "builtin:xor", "--x", "x1", "--y", "x2", "--label", "y",
         "--classes", "0,1", NULL},              /* gradient 0 by symmetry */
        {"--activation", "step", NULL},          /* flat, its own message */
        {"--activation", "linear", "--lr", "0.01", NULL},
    };
    static const size_t epochs[] = {300, 0, 50, 20, 50};
    for (size_t r = 0; r < sizeof runs / sizeof runs[0]; r++) {
        struct options o;
        struct session s;
        open_trained(&s, &o, runs[r], epochs[r]);
        struct saturation sat;
        if (saturation_stuck(&s.trainer, &sat))
            fail_msg("run %zu is called stuck (%zu of %zu saturated)", r, sat.saturated,
                     sat.checked);
        session_close(&s);
    }
}

static void test_dead_relu_is_stuck(void **state)
{
    (void)state;
    struct options o;
    struct session s;
    /* the settings of the lesson dead-relu */
    const char *args[] = {"--activation", "relu", "--init", "uniform", "--seed", "1",
                          "--standardize", "--lr", "2", NULL};
    open_trained(&s, &o, args, 100);
    struct saturation sat;
    assert_true(saturation_stuck(&s.trainer, &sat));
    assert_int_equal(sat.saturated, 100);
    assert_int_equal(sat.checked, 100);
    session_close(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_iris_at_lr_20_is_stuck),
        cmocka_unit_test(test_not_stuck),
        cmocka_unit_test(test_dead_relu_is_stuck),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
