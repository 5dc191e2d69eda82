/* test_rewind.c - the arrows' exactness: going back k epochs gives the
 * state of a fresh run of E-k epochs bit for bit (weights, RNG, sample
 * order, gradient, history, bowl), going forward again gives epoch E, and
 * the ring keeps REWIND_CAPACITY (>= 10,000) epochs and refuses older; a
 * session moved in memory goes on exactly. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "bowl.h"
#include "options.h"
#include "rewind.h"
#include "session.h"
#include "test_support.h"

static void open_session(struct session *s, const struct options *o)
{
    char err[256];
    assert_true(session_open(s, o, err, sizeof err));
}

/* Two sessions on the heap (*run, *fresh), both opened on o. */
static void open_pair(struct session **run, struct session **fresh, const struct options *o)
{
    *run = malloc(sizeof **run);
    *fresh = malloc(sizeof **fresh);
    open_session(*run, o);
    open_session(*fresh, o);
}

/* Closes and frees what open_pair opened. */
static void close_pair(struct session *run, struct session *fresh)
{
    session_close(run);
    session_close(fresh);
    free(run);
    free(fresh);
}

/* Minibatches with shuffling and a random init: every part of the state
 * (RNG, order) matters. */
static const char *shuffled[] = {"--batch", "8", "--init", "uniform", "--seed", "7",
                                 "--lr", "0.2", "--classes", "versicolor,virginica"};
#define NSHUFFLED (int)(sizeof shuffled / sizeof shuffled[0])

static void assert_same_bits(const void *a, const void *b, size_t n)
{
    assert_memory_equal(a, b, n);
}

/* Everything training and the screen read is the same in a and b. */
static void assert_same_state(const struct session *a, const struct session *b)
{
    const struct trainer *x = &a->trainer, *y = &b->trainer;
    assert_int_equal(x->epoch, y->epoch);
    assert_int_equal(x->next, y->next);
    assert_int_equal(x->nparams, y->nparams);
    assert_same_bits(x->theta, y->theta, x->nparams * sizeof *x->theta);
    assert_same_bits(x->gradient, y->gradient, x->nparams * sizeof *x->gradient);
    assert_same_bits(&x->last_cost, &y->last_cost, sizeof x->last_cost);
    assert_int_equal(x->rng.state, y->rng.state);
    assert_int_equal(x->diverged, y->diverged);
    assert_same_bits(x->order, y->order, x->data->n * sizeof *x->order);
    const struct optimizer *u = &x->optimizer, *v = &y->optimizer;
    assert_int_equal(u->t, v->t);
    assert_same_bits(u->first, v->first, x->nparams * sizeof *u->first);
    assert_same_bits(u->second, v->second, x->nparams * sizeof *u->second);
    assert_same_bits(&u->step_size, &v->step_size, sizeof u->step_size);
    assert_int_equal(x->history.len, y->history.len);
    assert_same_bits(x->history.records, y->history.records,
                     x->history.len * sizeof *x->history.records);
    assert_same_bits(x->history.params, y->history.params,
                     x->history.len * x->nparams * sizeof *x->history.params);
    const struct bowl *p = &a->bowl, *q = &b->bowl;
    assert_int_equal(p->steps, q->steps);
    assert_int_equal(p->path_len, q->path_len);
    assert_same_bits(&p->x, &q->x, sizeof p->x);
    assert_same_bits(&p->y, &q->y, sizeof p->y);
    assert_same_bits(p->path_x, q->path_x, p->path_len * sizeof p->path_x[0]);
    assert_same_bits(p->path_y, q->path_y, p->path_len * sizeof p->path_y[0]);
}

static void train(struct session *s, size_t epochs)
{
    for (size_t i = 0; i < epochs; i++)
        session_epoch(s);
}

static void test_back_k_is_a_fresh_run_of_e_minus_k(void **state)
{
    (void)state;
    struct options o;
    support_parse(&o, NSHUFFLED, shuffled);
    const size_t E = 300;
    const size_t ks[] = {1, 2, 17, 150, 300};
    for (size_t t = 0; t < sizeof ks / sizeof ks[0]; t++) {
        size_t k = ks[t];
        struct session *run = malloc(sizeof *run), *fresh = malloc(sizeof *fresh),
                       *at_e = malloc(sizeof *at_e);
        assert_non_null(run);
        assert_non_null(fresh);
        assert_non_null(at_e);
        open_session(run, &o);
        open_session(fresh, &o);
        open_session(at_e, &o);
        train(run, E);
        train(at_e, E);
        train(fresh, E - k);
        for (size_t i = 0; i < k; i++)
            assert_true(session_back(run));
        assert_same_state(run, fresh);
        assert_int_equal(session_rewound(run), k > 0);
        assert_int_equal(session_newest_epoch(run), E);
        for (size_t i = 0; i < k; i++)
            assert_true(session_forward(run));
        assert_false(session_forward(run));
        assert_false(session_rewound(run));
        assert_same_state(run, at_e);
        /* and training on from there is the same run */
        train(run, 5);
        train(at_e, 5);
        assert_same_state(run, at_e);
        session_close(run);
        session_close(fresh);
        session_close(at_e);
        free(run);
        free(fresh);
        free(at_e);
    }
}

/* The same with a stateful optimizer: adam's moments and step count come
 * back with the weights, so k epochs back is a fresh adam run of E-k
 * epochs, and training on from there is the same run. */
static const char *with_adam[] = {"--batch", "8", "--init", "uniform", "--seed", "7",
                                  "--lr", "0.05", "--classes", "versicolor,virginica",
                                  "--optimizer", "adam"};
#define NWITH_ADAM (int)(sizeof with_adam / sizeof with_adam[0])

static void test_back_k_with_adam(void **state)
{
    (void)state;
    struct options o;
    support_parse(&o, NWITH_ADAM, with_adam);
    const size_t E = 60, ks[] = {1, 7, 60};
    for (size_t i = 0; i < sizeof ks / sizeof ks[0]; i++) {
        struct session *run, *fresh;
        open_pair(&run, &fresh, &o);
        train(run, E);
        /* the state is there to restore: nonzero, one update per minibatch */
        assert_int_equal(run->trainer.optimizer.t, E * 13);
        assert_true(run->trainer.optimizer.second[0] > 0.0);
        for (size_t k = 0; k < ks[i]; k++)
            assert_true(session_back(run));
        train(fresh, E - ks[i]);
        assert_same_state(run, fresh);
        train(run, 9);
        train(fresh, 9);
        assert_same_state(run, fresh);
        close_pair(run, fresh);
    }
}

/* A switch of optimizer zeroes its state and keeps the weights; a new lr
 * keeps the state; rewinding past the switch restores the epoch's state
 * when it was trained with the current kind and zero otherwise. */
static void test_optimizer_switch_and_rewind(void **state)
{
    (void)state;
    struct options o;
    support_parse(&o, NWITH_ADAM, with_adam);
    struct session *run, *fresh;
    open_pair(&run, &fresh, &o);
    train(run, 5);
    train(fresh, 5);
    struct train_config c = run->trainer.config;
    c.lr = 0.02;
    session_configure(run, &c);
    assert_int_equal(run->trainer.optimizer.t, 5 * 13); /* kept */
    double w = run->trainer.theta[0];
    struct optimizer_params momentum = c.optimizer;
    momentum.kind = OPTIMIZER_MOMENTUM;
    session_configure_optimizer(run, &momentum);
    assert_int_equal(run->trainer.optimizer.t, 0);       /* zeroed */
    assert_true(run->trainer.optimizer.first[0] == 0.0);
    assert_true(run->trainer.theta[0] == w);             /* weights kept */
    train(run, 3);
    assert_int_equal(run->trainer.optimizer.t, 3 * 13);
    /* back to epoch 6, trained with momentum: its state comes back */
    assert_true(session_back(run) && session_back(run));
    assert_int_equal(run->trainer.optimizer.t, 13);
    /* back to epoch 5, trained with adam: momentum starts from zero */
    assert_true(session_back(run));
    assert_int_equal(run->trainer.optimizer.t, 0);
    assert_true(run->trainer.optimizer.first[0] == 0.0);
    assert_true(run->trainer.theta[0] == w);
    /* training on from there is a fresh momentum run from epoch 5 at 0.02 */
    session_configure(fresh, &c);
    session_configure_optimizer(fresh, &momentum);
    train(run, 4);
    train(fresh, 4);
    assert_same_state(run, fresh);
    close_pair(run, fresh);
}

static void test_back_from_the_middle_of_an_epoch(void **state)
{
    (void)state;
    struct options o;
    support_parse(&o, NSHUFFLED, shuffled);
    struct session *run, *fresh;
    open_pair(&run, &fresh, &o);
    train(run, 10);
    train(fresh, 10);
    for (int i = 0; i < 3; i++)
        session_step_batch(run);
    assert_true(run->trainer.next > 0);
    assert_false(session_forward(run)); /* forward from a partial epoch: train */
    assert_true(session_back(run));     /* back to the epoch's start */
    assert_same_state(run, fresh);
    assert_true(session_back(run));
    session_close(fresh);
    open_session(fresh, &o);
    train(fresh, 9);
    assert_same_state(run, fresh);
    close_pair(run, fresh);
}

static void test_training_from_the_past_forgets_the_future(void **state)
{
    (void)state;
    struct options o;
    support_parse(&o, NSHUFFLED, shuffled);
    struct session *run, *fresh;
    open_pair(&run, &fresh, &o);
    train(run, 20);
    for (int i = 0; i < 5; i++)
        assert_true(session_back(run));
    session_step_batch(run); /* a minibatch from epoch 15 */
    assert_false(session_rewound(run));
    assert_int_equal(session_newest_epoch(run), 15);
    train(run, 1);           /* finishes epoch 16 */
    assert_false(session_forward(run));
    train(fresh, 16);
    assert_same_state(run, fresh);
    close_pair(run, fresh);
}

static void test_ring_keeps_capacity_and_refuses_older(void **state)
{
    (void)state;
    assert_true(REWIND_CAPACITY >= 10000);
    const char *args[] = {"--lr", "0.001"};
    struct options o;
    support_parse(&o, 2, args);
    struct session *run = malloc(sizeof *run), *fresh = malloc(sizeof *fresh);
    open_session(run, &o);
    const size_t E = REWIND_CAPACITY + 25;
    train(run, E);
    size_t back = 0;
    while (session_back(run))
        back++;
    /* the ring holds the newest REWIND_CAPACITY states: E and before */
    assert_int_equal(back, REWIND_CAPACITY - 1);
    assert_int_equal(run->trainer.epoch, E - (REWIND_CAPACITY - 1));
    assert_int_equal(rewind_oldest(&run->rewind)->trainer.epoch, run->trainer.epoch);
    open_session(fresh, &o);
    train(fresh, E - (REWIND_CAPACITY - 1));
    assert_same_state(run, fresh); /* across bowl path thinning too */
    close_pair(run, fresh);
}

static void test_reset_and_epoch_zero(void **state)
{
    (void)state;
    struct options o;
    support_parse(&o, 0, NULL);
    struct session *run, *fresh;
    open_pair(&run, &fresh, &o);
    assert_false(session_back(run)); /* nothing before epoch 0 */
    train(run, 3);
    session_reset(run);
    assert_false(session_back(run)); /* reset forgets */
    assert_same_state(run, fresh);
    close_pair(run, fresh);
}

static void test_bowl_restore_is_a_fresh_descent(void **state)
{
    (void)state;
    struct bowl *b = malloc(sizeof *b), *f = malloc(sizeof *f);
    const size_t targets[] = {0, 1, 4095, 4096, 4097, 6143, 6144, 9000, 8999};
    bowl_start(b, 5, 5, 0.0001);
    for (int i = 0; i < 10000; i++)
        bowl_step(b);
    for (size_t t = 0; t < sizeof targets / sizeof targets[0]; t++) {
        struct bowl_mark m = {0.0001, 5, 5, targets[t], bowl_config_default()};
        bowl_restore(b, &m);
        bowl_start(f, 5, 5, 0.0001);
        for (size_t i = 0; i < targets[t]; i++)
            bowl_step(f);
        assert_int_equal(b->steps, f->steps);
        assert_int_equal(b->path_len, f->path_len);
        assert_memory_equal(b->path_x, f->path_x, f->path_len * sizeof f->path_x[0]);
        assert_memory_equal(&b->x, &f->x, sizeof b->x);
    }
    /* another descent (a click, a new lr) is rebuilt from its own start */
    struct bowl_mark other = {0.1, -3, 2, 7, bowl_config_default()};
    bowl_restore(b, &other);
    bowl_start(f, -3, 2, 0.1);
    for (int i = 0; i < 7; i++)
        bowl_step(f);
    assert_memory_equal(&b->x, &f->x, sizeof b->x);
    assert_int_equal(b->path_len, 8);
    free(b);
    free(f);
}

static void test_ring_basics(void **state)
{
    (void)state;
    struct rewind r;
    assert_true(rewind_init(&r, 3, 3));
    assert_null(rewind_current(&r));
    struct rewind_entry e;
    memset(&e, 0, sizeof e);
    for (size_t i = 1; i <= 5; i++) {
        e.trainer.epoch = i;
        rewind_push(&r, &e);
    }
    assert_int_equal(r.len, 3);
    assert_int_equal(rewind_oldest(&r)->trainer.epoch, 3);
    assert_true(rewind_move(&r, -1));
    assert_true(rewind_move(&r, -1));
    assert_false(rewind_move(&r, -1));
    assert_true(rewind_is_back(&r));
    assert_int_equal(rewind_current(&r)->trainer.epoch, 3);
    e.trainer.epoch = 42;
    rewind_push(&r, &e); /* forgets 4 and 5 */
    assert_int_equal(r.len, 2);
    assert_int_equal(rewind_newest(&r)->trainer.epoch, 42);
    assert_false(rewind_is_back(&r));
    rewind_free(&r);
}

/* The ring's memory grows a block (REWIND_BLOCK = 256 slots) at a time
 * as epochs fill it: a hidden layer trained with adam (theta, gradient
 * and both moments in every entry) for 300 epochs, rewound to epoch 50
 * (from the second block into the first), is a fresh run of 50 epochs
 * bit for bit, and forward again the run of 300. */
static void test_rewind_across_growth(void **state)
{
    (void)state;
    static const char *args[] = {"--data", "builtin:xor", "--x", "x1", "--y", "x2",
                                 "--label", "y", "--classes", "0,1", "--hidden", "3",
                                 "--optimizer", "adam", "--lr", "0.05", "--init",
                                 "uniform", "--seed", "11", "--batch", "2", NULL};
    struct options o;
    support_parse_list(&o, args);
    struct session *run, *fresh, *at_e = malloc(sizeof *at_e);
    assert_non_null(at_e);
    open_pair(&run, &fresh, &o);
    open_session(at_e, &o);
    assert_int_equal(run->trainer.nparams, 13);
    assert_int_equal(run->rewind.block, REWIND_BLOCK);
    train(run, REWIND_BLOCK - 1); /* epochs 0 .. 255: the first block */
    assert_null(run->rewind.blocks[1]);
    train(run, 300 - (REWIND_BLOCK - 1));
    assert_non_null(run->rewind.blocks[1]);
    assert_null(run->rewind.blocks[2]);
    train(at_e, 300);
    train(fresh, 50);
    for (int i = 0; i < 250; i++)
        assert_true(session_back(run));
    assert_same_state(run, fresh);
    while (session_forward(run))
        ;
    assert_same_state(run, at_e);
    train(run, 3);
    train(at_e, 3);
    assert_same_state(run, at_e);
    close_pair(run, fresh);
    session_close(at_e);
    free(at_e);
}

/* A ring of capacity 600 has blocks of 256, 256 and 88 slots, each
 * allocated when the pushes reach it; entries stay where they were put
 * (the first is still at its address 300 pushes later), keep their
 * arrays, and the ring wraps once full. */
static void test_ring_grows_by_blocks(void **state)
{
    (void)state;
    struct rewind r;
    assert_true(rewind_init(&r, 600, 2));
    assert_int_equal(r.block, 256);
    assert_non_null(r.blocks[0]);
    assert_null(r.blocks[1]);
    double theta[2], zeros[2] = {0, 0};
    struct rewind_entry e;
    memset(&e, 0, sizeof e);
    e.trainer.nparams = 2;
    e.trainer.theta = theta;
    e.trainer.gradient = e.trainer.moment1 = e.trainer.moment2 = zeros;
    const struct rewind_entry *first = NULL;
    for (size_t i = 1; i <= 700; i++) {
        e.trainer.epoch = i;
        theta[0] = (double)i;
        theta[1] = -(double)i / 3;
        rewind_push(&r, &e);
        if (i == 1)
            first = rewind_newest(&r);
        if (i == 300)
            assert_ptr_equal(rewind_oldest(&r), first);
        assert_int_equal(r.blocks[1] != NULL, i > 256);
        assert_int_equal(r.blocks[2] != NULL, i > 512);
    }
    assert_int_equal(r.len, 600);
    assert_int_equal(rewind_oldest(&r)->trainer.epoch, 101);
    for (size_t i = 700; i >= 101; i--) {
        const struct rewind_entry *c = rewind_current(&r);
        assert_int_equal(c->trainer.epoch, i);
        assert_int_equal(c->trainer.nparams, 2);
        assert_true(c->trainer.theta[0] == (double)i);
        assert_true(c->trainer.theta[1] == -(double)i / 3);
        assert_int_equal(rewind_move(&r, -1), i > 101);
    }
    rewind_free(&r);
}

/* A session holds no pointer into itself: moved to another address (its
 * old bytes scribbled over), it trains and rewinds on exactly as one
 * that stayed put; so does one reopened (session_reopen moves one in)
 * and one whose selection changed. */
static void test_session_moves(void **state)
{
    (void)state;
    struct options o;
    support_parse(&o, NSHUFFLED, shuffled);
    struct session *stay = malloc(sizeof *stay), *old = malloc(sizeof *old),
                   *moved = malloc(sizeof *moved);
    assert_non_null(stay);
    assert_non_null(old);
    assert_non_null(moved);
    open_session(stay, &o);
    open_session(old, &o);
    train(stay, 20);
    train(old, 20);
    memcpy(moved, old, sizeof *moved);
    memset(old, 0xA5, sizeof *old);
    free(old);
    assert_ptr_equal(moved->trainer.data, moved->data);
    train(stay, 15);
    train(moved, 15);
    assert_same_state(stay, moved);
    assert_true(session_back(stay) && session_back(moved));
    assert_same_state(stay, moved);

    /* reopened and reselected sessions train like fresh ones */
    char err[256];
    struct session *fresh = malloc(sizeof *fresh);
    assert_non_null(fresh);
    open_session(fresh, &o);
    assert_true(session_reopen(moved, &o, err, sizeof err));
    train(fresh, 10);
    train(moved, 10);
    assert_same_state(fresh, moved);
    struct selection sel = moved->selection;
    sel.class_b = "setosa";
    assert_true(session_select(moved, &sel, err, sizeof err));
    assert_string_equal(moved->selection.class_b, "setosa");
    assert_ptr_equal(moved->trainer.data, moved->data);
    assert_int_equal(moved->data->n, 100);
    train(moved, 3);
    assert_int_equal(moved->trainer.epoch, 3);
    session_close(stay);
    session_close(moved);
    session_close(fresh);
    free(stay);
    free(moved);
    free(fresh);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_back_k_is_a_fresh_run_of_e_minus_k),
        cmocka_unit_test(test_back_k_with_adam),
        cmocka_unit_test(test_optimizer_switch_and_rewind),
        cmocka_unit_test(test_back_from_the_middle_of_an_epoch),
        cmocka_unit_test(test_training_from_the_past_forgets_the_future),
        cmocka_unit_test(test_ring_keeps_capacity_and_refuses_older),
        cmocka_unit_test(test_reset_and_epoch_zero),
        cmocka_unit_test(test_bowl_restore_is_a_fresh_descent),
        cmocka_unit_test(test_ring_basics),
        cmocka_unit_test(test_rewind_across_growth),
        cmocka_unit_test(test_ring_grows_by_blocks),
        cmocka_unit_test(test_session_moves),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
