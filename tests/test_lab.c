/* test_lab.c - the learning-rate lab's pure parts against values worked
 * out by hand: the optimizers' first steps, the stretched bowl's closed
 * form (bit for bit where the factors are powers of two), every surface's
 * gradient against finite differences, the wells' minima, the schedules,
 * the race's winner and a rewound descent with optimizer state. The
 * paths themselves are checked against numpy in cli_test.sh
 * (tests/reference/surface_*.csv). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "bowl.h"
#include "lab.h"
#include "optimizer.h"
#include "schedule.h"
#include "surface.h"

static void assert_close(double got, double want, double rel)
{
    if (!(fabs(got - want) <= rel * fabs(want) + 1e-300))
        fail_msg("%.17g, wanted %.17g", got, want);
}

static struct optimizer make(enum optimizer_kind k, size_t n)
{
    struct optimizer_params p = optimizer_params_default();
    p.kind = k;
    struct optimizer o;
    assert_true(optimizer_alloc(&o, &p, n));
    return o;
}

/* sgd is theta - lr*g to the bit, and its step length is |lr*g|. */
static void test_sgd_bits(void **state)
{
    (void)state;
    struct optimizer o = make(OPTIMIZER_SGD, 3);
    double theta[3] = {0.3, -1.7, 5.0}, g[3] = {0.1, 0.7, -2.5}, step[3];
    optimizer_step(&o, theta, g, 0.1, step);
    assert_true(theta[0] == 0.3 - 0.1 * 0.1);
    assert_true(theta[1] == -1.7 - 0.1 * 0.7);
    assert_true(theta[2] == 5.0 - 0.1 * -2.5);
    assert_true(step[2] == theta[2] - 5.0);
    assert_int_equal(o.t, 1);
    optimizer_free(&o);
}

/* Two steps of momentum and nesterov with g = 1 then 2: v1 = 1,
 * v2 = 0.9 + 2 = 2.9; nesterov steps by g + 0.9 v: 1.9 then 4.61. */
static void test_momentum_and_nesterov(void **state)
{
    (void)state;
    struct optimizer m = make(OPTIMIZER_MOMENTUM, 1), n = make(OPTIMIZER_NESTEROV, 1);
    double a = 0, b = 0, g1 = 1, g2 = 2;
    optimizer_step(&m, &a, &g1, 0.5, NULL);
    optimizer_step(&n, &b, &g1, 0.5, NULL);
    assert_close(a, -0.5, 1e-15);
    assert_close(b, -0.95, 1e-15);
    optimizer_step(&m, &a, &g2, 0.5, NULL);
    optimizer_step(&n, &b, &g2, 0.5, NULL);
    assert_close(a, -0.5 - 1.45, 1e-15);
    assert_close(b, -0.95 - 0.5 * 4.61, 1e-15);
    assert_close(m.step_size, 1.45, 1e-15);
    /* a reset forgets the velocity: the next step is sgd's */
    optimizer_reset(&m);
    a = 0;
    optimizer_step(&m, &a, &g2, 0.5, NULL);
    assert_close(a, -1.0, 1e-15);
    optimizer_free(&m);
    optimizer_free(&n);
}

/* adagrad's, rmsprop's and adam's first step are about lr times the sign
 * of g, whatever its size (the squared average is g^2 itself after the
 * bias correction; rmsprop's is (1-rho) g^2). */
static void test_adaptive_first_steps(void **state)
{
    (void)state;
    const double gs[3] = {1e-3, -4.0, 250.0};
    struct optimizer ada = make(OPTIMIZER_ADAGRAD, 3), adam = make(OPTIMIZER_ADAM, 3),
                     rms = make(OPTIMIZER_RMSPROP, 3);
    double t1[3] = {0}, t2[3] = {0}, t3[3] = {0};
    optimizer_step(&ada, t1, gs, 0.1, NULL);
    optimizer_step(&adam, t2, gs, 0.1, NULL);
    optimizer_step(&rms, t3, gs, 0.1, NULL);
    for (int i = 0; i < 3; i++) {
        double sign = gs[i] > 0 ? 1.0 : -1.0;
        assert_close(t1[i], -0.1 * sign, 1e-4);
        assert_close(t2[i], -0.1 * sign, 1e-4);
        assert_close(t3[i], -0.1 * sign / sqrt(0.01), 1e-4);
    }
    optimizer_free(&ada);
    optimizer_free(&adam);
    optimizer_free(&rms);
}

/* The stretched bowl with plain gradient descent: x_k = (1-2lr)^k x0,
 * y_k = (1-2 kappa lr)^k y0; with lr 0.25 and kappa 3 the factors are
 * 1/2 and -1/2, so every point is exact. */
static void test_stretched_closed_form(void **state)
{
    (void)state;
    struct bowl *b = malloc(sizeof *b);
    struct bowl_config c = bowl_config_default();
    c.surface = (struct surface){SURFACE_STRETCHED, 3.0};
    bowl_start(b, 5, 2, 0.25);
    bowl_configure(b, &c);
    for (int k = 1; k <= 60; k++) {
        bowl_step(b);
        assert_true(b->x == ldexp(5.0, -k));
        assert_true(b->y == (k % 2 ? -1.0 : 1.0) * ldexp(2.0, -k));
    }
    c.surface.kappa = 10.0;
    b->lr = 0.03;
    bowl_configure(b, &c);
    for (int k = 1; k <= 80; k++) {
        bowl_step(b);
        assert_close(b->x, pow(1 - 2 * 0.03, k) * 5.0, 1e-12);
        assert_close(b->y, pow(1 - 2 * 10 * 0.03, k) * 2.0, 1e-12);
    }
    free(b);
}

/* Each surface's gradient against central differences. */
static void test_gradients(void **state)
{
    (void)state;
    const double pts[][2] = {{0.3, -0.7}, {-1.2, 1.0}, {1.9, 0.4}, {-0.5, -1.4}};
    for (int k = 0; k < SURFACE_COUNT; k++) {
        struct surface s = {(enum surface_kind)k, 7.0};
        for (size_t i = 0; i < sizeof pts / sizeof pts[0]; i++) {
            double x = pts[i][0], y = pts[i][1], gx, gy, h = 1e-6;
            surface_gradient(&s, x, y, &gx, &gy);
            double dx = (surface_f(&s, x + h, y) - surface_f(&s, x - h, y)) / (2 * h);
            double dy = (surface_f(&s, x, y + h) - surface_f(&s, x, y - h)) / (2 * h);
            assert_true(fabs(gx - dx) <= 1e-5 * fmax(1, fabs(dx)));
            assert_true(fabs(gy - dy) <= 1e-5 * fmax(1, fabs(dy)));
        }
    }
}

/* The wells: the gradient vanishes at both documented minima, the global
 * one is lower, and it is the minimum surface_minimum gives. */
static void test_wells_minima(void **state)
{
    (void)state;
    struct surface s = {SURFACE_WELLS, 10};
    double gx, gy, f, x, y;
    surface_gradient(&s, SURFACE_WELLS_GLOBAL_X, 0, &gx, &gy);
    assert_true(fabs(gx) < 1e-12);
    surface_gradient(&s, SURFACE_WELLS_LOCAL_X, 0, &gx, &gy);
    assert_true(fabs(gx) < 1e-12);
    assert_true(surface_f(&s, SURFACE_WELLS_LOCAL_X, 0) > -1.1);
    assert_close(surface_f(&s, SURFACE_WELLS_GLOBAL_X, 0), SURFACE_WELLS_GLOBAL_F, 1e-15);
    assert_true(surface_minimum(&s, &f, &x, &y));
    assert_true(x == SURFACE_WELLS_GLOBAL_X && f == SURFACE_WELLS_GLOBAL_F);
    struct surface saddle = {SURFACE_SADDLE, 10};
    assert_false(surface_minimum(&saddle, &f, &x, &y));
}

static void test_schedules(void **state)
{
    (void)state;
    struct schedule s = {SCHEDULE_STEP, 0.5, 3};
    assert_true(schedule_lr(&s, 0.8, 1) == 0.8);
    assert_true(schedule_lr(&s, 0.8, 3) == 0.8);
    assert_true(schedule_lr(&s, 0.8, 4) == 0.4);
    assert_true(schedule_lr(&s, 0.8, 7) == 0.2);
    s.kind = SCHEDULE_EXP;
    assert_close(schedule_lr(&s, 0.8, 4), 0.4, 1e-15);
    assert_close(schedule_lr(&s, 0.8, 2), 0.8 * pow(0.5, 1.0 / 3), 1e-15);
    s.kind = SCHEDULE_COSINE;
    s.every = 4;
    assert_true(schedule_lr(&s, 0.8, 1) == 0.8);
    assert_close(schedule_lr(&s, 0.8, 3), 0.4, 1e-15);
    assert_true(schedule_lr(&s, 0.8, 5) == 0.8); /* the warm restart */
    s.kind = SCHEDULE_CONSTANT;
    assert_true(schedule_lr(&s, 0.8, 1000) == 0.8);
}

static void test_names(void **state)
{
    (void)state;
    enum optimizer_kind o;
    enum surface_kind s;
    enum schedule_kind k;
    for (int i = 0; i < OPTIMIZER_COUNT; i++)
        assert_true(optimizer_parse(optimizer_name((enum optimizer_kind)i), &o) && (int)o == i);
    for (int i = 0; i < SURFACE_COUNT; i++)
        assert_true(surface_parse(surface_name((enum surface_kind)i), &s) && (int)s == i);
    for (int i = 0; i < SCHEDULE_COUNT; i++)
        assert_true(schedule_parse(schedule_name((enum schedule_kind)i), &k) && (int)k == i);
    assert_false(optimizer_parse("Adam", &o));
    assert_false(surface_parse("", &s));
    assert_string_equal(optimizer_names(), "sgd, momentum, nesterov, adagrad, rmsprop, adam");
}

/* On the bowl at lr 0.5 sgd lands on the minimum in one step: it wins
 * at step 1; on the saddle nobody can. */
static void test_race_winner(void **state)
{
    (void)state;
    struct race *r = malloc(sizeof *r);
    struct bowl_config c = bowl_config_default();
    race_start(r, &c, 5, 5, 0.5);
    assert_int_equal(r->winner, -1);
    race_step(r);
    assert_int_equal(r->winner, OPTIMIZER_SGD);
    assert_int_equal(r->winner_step, 1);
    assert_int_equal(r->lanes[OPTIMIZER_ADAM].config.optimizer.kind, OPTIMIZER_ADAM);
    c.surface.kind = SURFACE_SADDLE;
    race_start(r, &c, 4, 0.01, 0.1);
    for (int i = 0; i < 50; i++)
        race_step(r);
    assert_int_equal(r->winner, -1);
    free(r);
}

/* A descent with optimizer state put back to a step equals a fresh one. */
static void test_restore_with_state(void **state)
{
    (void)state;
    struct bowl *b = malloc(sizeof *b), *f = malloc(sizeof *f);
    struct bowl_config c = bowl_config_default();
    c.surface.kind = SURFACE_ROSENBROCK;
    c.optimizer.kind = OPTIMIZER_ADAM;
    bowl_start(b, -1.5, 2, 0.05);
    bowl_configure(b, &c);
    for (int i = 0; i < 30; i++)
        bowl_step(b);
    struct bowl_mark m = bowl_mark(b);
    for (int i = 0; i < 20; i++)
        bowl_step(b);
    bowl_restore(b, &m);
    bowl_start(f, -1.5, 2, 0.05);
    bowl_configure(f, &c);
    for (int i = 0; i < 30; i++)
        bowl_step(f);
    assert_memory_equal(&b->x, &f->x, sizeof b->x);
    assert_memory_equal(b->state, f->state, sizeof b->state);
    assert_int_equal(b->updates, 30);
    free(b);
    free(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sgd_bits),
        cmocka_unit_test(test_momentum_and_nesterov),
        cmocka_unit_test(test_adaptive_first_steps),
        cmocka_unit_test(test_stretched_closed_form),
        cmocka_unit_test(test_gradients),
        cmocka_unit_test(test_wells_minima),
        cmocka_unit_test(test_schedules),
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_race_winner),
        cmocka_unit_test(test_restore_with_state),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
