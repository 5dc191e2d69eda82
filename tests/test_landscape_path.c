/* test_landscape_path.c - the landscape's path starts at the initial
 * weights (epoch 0), for a random init too, then follows the history;
 * after a click before training (trainer_set_pair at epoch 0) it starts
 * at the clicked point, and a click later leaves the start alone. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "landscape.h"
#include "options.h"
#include "session.h"

static void open_uniform(struct session *s, struct options *o)
{
    char text[5][16] = {"descent", "--init", "uniform", "--seed", "7"};
    char *argv[5] = {text[0], text[1], text[2], text[3], text[4]};
    char err[256];
    assert_true(options_parse(5, argv, o, err, sizeof err));
    assert_true(session_open(s, o, err, sizeof err));
}

static void test_path_from_epoch_0(void **state)
{
    (void)state;
    struct options o;
    struct session s;
    open_uniform(&s, &o);
    double w0[3];
    memcpy(w0, s.trainer.theta, sizeof w0);
    assert_true(w0[0] != 0 && w0[1] != 0);
    for (int e = 0; e < 5; e++)
        session_epoch(&s);
    struct landscape *l = landscape_new();
    assert_non_null(l);
    landscape_set_pair(l, 0, 1);
    size_t n = landscape_path(l, &s.trainer);
    assert_int_equal(n, 6); /* epoch 0, then epochs 1..5 (the last is the current) */
    assert_true(l->path_w1[0] == w0[0] && l->path_w2[0] == w0[1]);
    assert_true(l->path_w1[1] == history_params(&s.trainer.history, 0)[0]);
    assert_true(l->path_w1[5] == s.trainer.theta[0]);
    /* a click now moves the end of the path, not its start */
    session_set_pair(&s, 0, -1.5, 1, 2.5);
    n = landscape_path(l, &s.trainer);
    assert_int_equal(n, 7);
    assert_true(l->path_w1[0] == w0[0]);
    assert_true(l->path_w1[6] == -1.5 && l->path_w2[6] == 2.5);
    /* before training a click is the start */
    session_reset(&s);
    session_set_pair(&s, 0, 3, 1, -4);
    session_epoch(&s);
    n = landscape_path(l, &s.trainer);
    assert_true(l->path_w1[0] == 3 && l->path_w2[0] == -4);
    landscape_free(l);
    session_close(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_path_from_epoch_0),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
