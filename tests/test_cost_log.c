/* test_cost_log.c - the cost plot's own record (cost_log.h): every
 * update's cost is its minibatch's mean cost at the forward pass (checked
 * against a sum written out here) and they add up to the epoch's cost;
 * the memory stays bounded; a rewind cuts the updates back and moves later
 * marks to the rewound place; marks name what changed and join at one
 * place; a reset clears both. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "cost_log.h"
#include "options.h"
#include "session.h"
#include "test_support.h"

/* A session from the arguments (NULL-terminated). */
static void open_with(struct session *s, struct options *o, const char **args)
{
    char err[256];
    support_parse_list(o, args);
    assert_true(session_open(s, o, err, sizeof err));
}

static void test_update_costs(void **state)
{
    (void)state;
    struct options o;
    struct session s;
    const char *args[] = {"--batch", "4", "--shuffle", "off", NULL};
    open_with(&s, &o, args);
    struct trainer *t = &s.trainer;
    const struct dataset *d = t->data;
    session_step_batch(&s);
    double theta[3] = {t->theta[0], t->theta[1], t->theta[2]};
    session_step_batch(&s);
    const struct cost_log *log = &t->log;
    assert_int_equal(log->len, 2);
    assert_int_equal(log->updates[0].position, 4);
    assert_int_equal(log->updates[1].position, 8);
    assert_true(log->updates[0].cost == 0.125); /* a = 0.5 for all at zeros */
    double sum = 0.0; /* samples 4..7 at the weights after the first update */
    for (size_t i = 4; i < 8; i++) {
        double a = 1.0 / (1.0 + exp(-(theta[0] * d->x1[i] + theta[1] * d->x2[i] + theta[2])));
        sum += 0.5 * (a - d->y[i]) * (a - d->y[i]);
    }
    assert_true(fabs(log->updates[1].cost - sum / 4) <= 1e-15);
    while (t->epoch < 3)
        session_step_batch(&s);
    assert_int_equal(log->len, 75);
    for (size_t e = 0; e < 3; e++) {
        double total = 0.0;
        for (size_t k = 0; k < 25; k++)
            total += 4 * log->updates[e * 25 + k].cost;
        double want = t->history.records[e].cost;
        assert_true(fabs(total / 100 - want) <= 1e-15 * want);
        assert_int_equal(log->updates[e * 25 + 24].position, (e + 1) * 100);
    }
    session_close(&s);
}

static void test_bounded(void **state)
{
    (void)state;
    struct options o;
    struct session s;
    const char *args[] = {"--batch", "1", NULL};
    open_with(&s, &o, args);
    for (int e = 0; e < 100; e++)
        session_epoch(&s);
    const struct cost_log *log = &s.trainer.log;
    assert_true(log->len >= COST_LOG_UPDATES / 2 && log->len <= COST_LOG_UPDATES);
    assert_int_equal(log->updates[log->len - 1].position, 100 * 100);
    for (size_t i = 1; i < log->len; i++)
        assert_int_equal(log->updates[i].position, log->updates[i - 1].position + 1);
    session_close(&s);
}

static void test_marks_and_rewind(void **state)
{
    (void)state;
    struct options o;
    struct session s;
    const char *args[] = {"--batch", "4", NULL};
    open_with(&s, &o, args);
    struct train_config cfg = s.trainer.config;
    cfg.lr = 0.2;
    session_configure(&s, &cfg);          /* epoch 0: nothing to mark */
    assert_int_equal(s.trainer.log.nmarks, 0);
    for (int e = 0; e < 5; e++)
        session_epoch(&s);
    cfg.lr = 0.1;
    session_configure(&s, &cfg);
    cfg.loss = LOSS_BCE;
    session_configure(&s, &cfg);           /* the same place: one mark */
    cfg.activation = ACT_RELU;
    cfg.batch = 0;
    session_configure(&s, &cfg);
    const struct cost_log *log = &s.trainer.log;
    char label[128];
    assert_int_equal(log->nmarks, 1);
    assert_int_equal(log->marks[0].position, 500);
    cost_log_label(&log->marks[0], label, sizeof label);
    assert_string_equal(label, "lr 0.1, BCE, relu, batch full");
    assert_int_equal(cost_log_last_loss_change(log), 500);
    session_step_batch(&s);                /* full batch: one update */
    session_epoch(&s);
    assert_int_equal(log->len, 5 * 25 + 2);
    assert_true(session_back(&s));
    assert_true(session_back(&s));
    assert_true(session_back(&s));        /* epoch 4 */
    assert_int_equal(s.trainer.epoch, 4);
    assert_int_equal(log->len, 4 * 25);
    assert_int_equal(log->updates[log->len - 1].position, 400);
    assert_int_equal(log->marks[0].position, 400); /* the settings now act from here */
    session_reset(&s);
    assert_int_equal(log->len, 0);
    assert_int_equal(log->nmarks, 0);
    session_close(&s);
}

/* The README's claim: at batch 4 (the lesson minibatch-noise) the
 * updates' costs within one epoch differ by more than a factor of ten. */
static void test_noise_within_an_epoch(void **state)
{
    (void)state;
    struct options o;
    struct session s;
    const char *args[] = {"--batch", "4", "--shuffle", "on", "--lr", "0.5", NULL};
    open_with(&s, &o, args);
    for (int e = 0; e < 30; e++)
        session_epoch(&s);
    const struct cost_log *log = &s.trainer.log;
    double lo = INFINITY, hi = 0.0;
    for (size_t k = log->len - 25; k < log->len; k++) {
        lo = fmin(lo, log->updates[k].cost);
        hi = fmax(hi, log->updates[k].cost);
    }
    assert_true(hi > 10.0 * lo);
    session_close(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_update_costs),
        cmocka_unit_test(test_bounded),
        cmocka_unit_test(test_marks_and_rewind),
        cmocka_unit_test(test_noise_within_an_epoch),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
