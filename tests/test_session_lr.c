/* test_session_lr.c - what + and - do to the two descents: a new learning
 * rate keeps the neuron's weights and epoch (the same run reacts), and
 * starts the bowl's descent again from its start point at the new lr (its
 * whole path at that lr is seen, as the product design says); r restarts
 * both. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "options.h"
#include "session.h"

static void open_default(struct session *s, struct options *o, const char *lr)
{
    char text[4][16] = {"descent", "--lr", "", ""};
    char *argv[3] = {text[0], text[1], text[2]};
    char err[256];
    snprintf(text[2], sizeof text[2], "%s", lr);
    assert_true(options_parse(3, argv, o, err, sizeof err));
    assert_true(session_open(s, o, err, sizeof err));
}

static void test_new_lr_keeps_neuron_restarts_bowl(void **state)
{
    (void)state;
    struct options o;
    struct session s;
    open_default(&s, &o, "0.1");
    for (int e = 0; e < 3; e++)
        session_epoch(&s);
    double theta[3];
    memcpy(theta, s.trainer.theta, sizeof theta);
    double want = 5;
    for (int k = 0; k < 3; k++)
        want = want - 0.1 * (2 * want);   /* the first article's step */
    assert_true(s.bowl.x == want && s.bowl.y == want);
    struct train_config cfg = s.trainer.config;
    cfg.lr = 0.2;                                  /* + */
    session_configure(&s, &cfg);
    assert_memory_equal(s.trainer.theta, theta, sizeof theta);
    assert_int_equal(s.trainer.epoch, 3);
    assert_true(s.bowl.x == 5 && s.bowl.y == 5 && s.bowl.lr == 0.2);
    session_epoch(&s);
    assert_true(s.bowl.x == 5 - 0.2 * (2 * 5.0));  /* from the start, at 0.2 */
    assert_int_equal(s.trainer.epoch, 4);
    session_reset(&s);                             /* r: both from their starts */
    assert_true(s.bowl.x == 5 && s.bowl.y == 5);
    assert_int_equal(s.trainer.epoch, 0);
    session_close(&s);
}

static void test_bowl_off_to_infinity_starts_again(void **state)
{
    (void)state;
    struct options o;
    struct session s;
    open_default(&s, &o, "1e6");
    for (int e = 0; e < 80; e++)
        session_epoch(&s);
    assert_true(!isfinite(s.bowl.x));
    struct train_config cfg = s.trainer.config;
    cfg.lr = 0.5;
    session_configure(&s, &cfg);
    assert_true(s.bowl.x == 5 && s.bowl.y == 5);
    session_close(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_new_lr_keeps_neuron_restarts_bowl),
        cmocka_unit_test(test_bowl_off_to_infinity_starts_again),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
