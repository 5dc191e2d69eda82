/* test_batch_parts.c - one batch summed in pieces across frames: the
 * neuron's lane state and the hidden layer's running sums cut at random
 * points give the bits of one call; a trainer stepped by random pieces
 * inside full batches and large minibatches (N = 2, N = 4, a hidden layer)
 * ends bit for bit where whole epochs end; the live loop with no time to
 * spare leaves batches half done between frames and still makes the
 * headless run; a change in the middle of a batch drops it (its shuffle
 * undone) and gives the run where the change came at the batch's start,
 * which is what a recording replays; a rewind from the middle of a batch
 * lands on the last whole epoch. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "control.h"
#include "network.h"
#include "options.h"
#include "recording.h"
#include "replay.h"
#include "rng.h"
#include "session.h"
#include "trainer.h"
#include "util.h"
#include "test_support.h"

enum { ROWS = 3000, IN = 4 };
static double xs[IN * ROWS], ys[ROWS];
static sample_index order[ROWS];
static double *cols[IN]; /* column j of xs: xs + j * ROWS */

static void fill_data(void)
{
    struct rng r;
    rng_seed(&r, 17);
    for (size_t j = 0; j < IN; j++)
        cols[j] = xs + j * ROWS;
    for (size_t i = 0; i < IN * ROWS; i++)
        xs[i] = 6.0 * rng_unit(&r) - 3.0;
    for (size_t i = 0; i < ROWS; i++) {
        ys[i] = (double)rng_below(&r, 2);
        order[i] = (sample_index)i;
    }
    rng_permute(&r, order, ROWS);
}

/* The neuron's lane state: a batch from..to added in pieces whose starts
 * are multiples of NEURON_LANES after from gives the bits of one call,
 * for N = 1..4, every activation and loss, with and without an order. */
static void test_neuron_pieces_have_the_bits_of_one_call(void **state)
{
    (void)state;
    fill_data();
    const double theta[IN + 1] = {0.4, -0.7, 0.3, 1.1, -0.2};
    struct rng pick;
    rng_seed(&pick, 4);
    for (size_t nf = 1; nf <= IN; nf++)
        for (int act = 0; act < ACT_COUNT; act++)
            for (int loss = 0; loss < LOSS_COUNT; loss++)
                for (int ordered = 0; ordered < 2; ordered++) {
                    size_t from = 5, to = ROWS - 3;
                    struct batch_n whole = {cols, nf, ys, ordered ? order : NULL,
                                            from, to};
                    double want[IN + 1], got[IN + 1];
                    double lanes[NEURON_LANE_STATE(IN + 1)] = {0};
                    double c = neuron_batch_gradient_n(theta, (enum activation)act,
                                                       (enum loss)loss, &whole, want);
                    struct batch_n piece = whole;
                    while (piece.from < to) {
                        size_t len = NEURON_LANES * (1 + (size_t)rng_below(&pick, 40));
                        piece.to = to - piece.from > len ? piece.from + len : to;
                        neuron_batch_accumulate_n(theta, (enum activation)act,
                                                  (enum loss)loss, &piece, lanes);
                        piece.from = piece.to;
                    }
                    double g = neuron_lanes_total(lanes, nf + 1, got);
                    assert_true(util_same_bits(g, c));
                    for (size_t p = 0; p <= nf; p++)
                        assert_true(util_same_bits(got[p], want[p]));
                }
}

/* The hidden layer's running sums: any cut gives the bits of one call. */
static void test_network_pieces_have_the_bits_of_one_call(void **state)
{
    (void)state;
    fill_data();
    enum { H = 3, P = H * (2 + 1) + H + 1 };
    double theta[P];
    struct rng pick;
    rng_seed(&pick, 8);
    for (size_t k = 0; k < P; k++)
        theta[k] = 2.0 * rng_unit(&pick) - 1.0;
    for (int g = 0; g < HIDDEN_COUNT; g++) {
        struct batch_n whole = {cols, 2, ys, order, 1, ROWS};
        double want[P], got[P] = {0}, cost = 0.0;
        double c = network_batch_gradient(theta, H, (enum hidden_activation)g,
                                          ACT_SIGMOID, LOSS_BCE, &whole, want);
        struct batch_n piece = whole;
        while (piece.from < whole.to) {
            size_t len = 1 + (size_t)rng_below(&pick, 300);
            piece.to = whole.to - piece.from > len ? piece.from + len : whole.to;
            network_batch_accumulate(theta, H, (enum hidden_activation)g, ACT_SIGMOID,
                                     LOSS_BCE, &piece, &cost, got);
            piece.from = piece.to;
        }
        assert_true(util_same_bits(cost, c));
        assert_memory_equal(got, want, sizeof want);
    }
}

/* A trainer stepped by pieces of random length (now and then a whole
 * batch or a whole epoch) against whole epochs, inside full batches and
 * large shuffled minibatches, N = 2, N = 4 and a hidden layer, with a
 * test split. */
static void test_trainer_pieces_equal_whole_epochs(void **state)
{
    (void)state;
    static const char *runs[][4] = {
        {"full", "x1,x2", "0", "0"},
        {"full", "x1,x2,x1*x2,x1^2", "0", "0.2"},
        {"1500", "x1,x2", "0", "0"},
        {"1500", "x1,x2,x1*x2,x2^2", "0", "0"},
        {"full", "x1,x2", "3", "0.2"},
        {"2000", "x1,x2", "2", "0"},
    };
    struct rng pick;
    rng_seed(&pick, 2027);
    for (size_t r = 0; r < sizeof runs / sizeof runs[0]; r++) {
        const char *args[] = {"--data", "gen:gauss", "--points", "5000", "--batch",
                              runs[r][0], "--features", runs[r][1], "--hidden",
                              runs[r][2], "--test", runs[r][3], "--init", "uniform",
                              "--seed", "5", "--lr", "0.3"};
        struct options o;
        support_parse(&o, (int)(sizeof args / sizeof args[0]), args);
        struct session whole, split;
        char err[256];
        assert_true(session_open(&whole, &o, err, sizeof err));
        assert_true(session_open(&split, &o, err, sizeof err));
        const size_t epochs = 4;
        for (size_t e = 0; e < epochs; e++)
            trainer_epoch(&whole.trainer);
        size_t half_done = 0;
        while (split.trainer.epoch < epochs) {
            size_t roll = (size_t)rng_below(&pick, 20);
            if (roll == 0)
                trainer_step_batch(&split.trainer);
            else if (roll == 1)
                trainer_epoch(&split.trainer);
            else
                trainer_step_part(&split.trainer, 1 + (size_t)rng_below(&pick, 1200));
            if (trainer_batch_in_progress(&split.trainer))
                half_done++;
        }
        support_same_trainer(&split.trainer, &whole.trainer);
        assert_true(half_done > 0);
        session_close(&whole);
        session_close(&split);
    }
}

/* The live loop with no time to spare: a full batch of 20000 samples (N
 * = 4; a hidden layer) is summed over several frames, and the run is the
 * headless one. */
static void test_frames_split_full_batches(void **state)
{
    (void)state;
    static const char *hidden[] = {"0", "2"};
    for (size_t h = 0; h < 2; h++) {
        const char *args[] = {"--data", "gen:gauss", "--points", "20000",
                              "--features", "x1,x2,x1*x2,x1^2", "--hidden", hidden[h],
                              "--seed", "3", "--lr", "0.2"};
        struct options o;
        support_parse(&o, (int)(sizeof args / sizeof args[0]), args);
        struct control c;
        struct session whole;
        char err[256];
        assert_true(control_open(&c, &o, err, sizeof err));
        assert_true(session_open(&whole, &o, err, sizeof err));
        size_t frames = 0, half_done = 0;
        while (c.session.trainer.epoch < 3) {
            control_train_frame(&c, 0.0, NULL);
            frames++;
            if (trainer_batch_in_progress(&c.session.trainer))
                half_done++;
        }
        for (size_t e = 0; e < 3; e++)
            session_epoch(&whole);
        support_same_trainer(&c.session.trainer, &whole.trainer);
        assert_true(half_done > 0);
        assert_true(frames > 3 * 4); /* 20000 samples: 5 pieces an epoch */
        session_close(&whole);
        control_close(&c);
    }
}

/* Keys pressed while a batch is half done (large shuffled minibatches and
 * full batches): l and b drop the batch, + and - keep it (lr is not in the
 * sums). Recorded at their positions and replayed as replay_headless
 * does: the same run, bit for bit. */
static void test_keys_inside_a_batch_replay_exactly(void **state)
{
    (void)state;
    static const char *batches[] = {"6000", "full"};
    for (size_t b = 0; b < 2; b++) {
        const char *args[] = {"--data", "gen:gauss", "--points", "20000", "--batch",
                              batches[b], "--seed", "9", "--lr", "0.2"};
        struct options o;
        support_parse(&o, (int)(sizeof args / sizeof args[0]), args);
        struct control *live = malloc(sizeof *live), *again = malloc(sizeof *again);
        char err[256];
        assert_non_null(live);
        assert_non_null(again);
        assert_true(control_open(live, &o, err, sizeof err));
        assert_true(control_open(again, &o, err, sizeof err));
        static const int keys[] = {'+', 'l', '-', 'l', '+', 'b'};
        enum { KEYS = sizeof keys / sizeof keys[0] };
        struct record_event events[KEYS];
        size_t count = 0;
        for (int frame = 0; count < KEYS; frame++) {
            control_train_frame(live, 0.0, NULL);
            if (frame % 2 != 1 || !trainer_batch_in_progress(&live->session.trainer))
                continue;
            struct position p = control_position(live);
            events[count] = (struct record_event){.kind = RECORD_KEY, .key = keys[count],
                                                  .epoch = p.epoch, .next = p.next};
            assert_int_not_equal(control_key(live, keys[count]), CONTROL_NONE);
            count++;
        }
        for (int frame = 0; frame < 7; frame++)
            control_train_frame(live, 0.0, NULL);
        for (size_t i = 0; i < count; i++) {
            struct position at = replay_position(&events[i]);
            while (control_step_toward(again, at))
                ;
            replay_apply(again, &events[i]);
        }
        struct position end = control_position(live);
        while (control_step_toward(again, end))
            ;
        support_same_trainer(&again->session.trainer, &live->session.trainer);
        control_close(live);
        control_close(again);
        free(live);
        free(again);
    }
}

/* A rewind while a shuffled epoch's first batch is half done (the
 * position is the end of the last epoch, but its shuffle is made): back
 * one epoch is the state of a run of one epoch fewer; a state saved there
 * is the epoch's end. */
static void test_rewind_from_inside_a_batch(void **state)
{
    (void)state;
    const char *args[] = {"--data", "gen:gauss", "--points", "20000", "--batch", "9000"};
    struct options o;
    support_parse(&o, (int)(sizeof args / sizeof args[0]), args);
    struct session s, whole;
    char err[256];
    assert_true(session_open(&s, &o, err, sizeof err));
    assert_true(session_open(&whole, &o, err, sizeof err));
    session_epoch(&s);
    session_epoch(&s);
    session_epoch(&whole);
    session_epoch(&whole);
    struct trainer_state saved;
    trainer_state_save(&s.trainer, &saved);
    assert_int_equal(session_step_part(&s, 100), TRAINER_PARTIAL);
    assert_true(trainer_batch_in_progress(&s.trainer));
    struct trainer_state inside;
    trainer_state_save(&s.trainer, &inside);
    assert_int_equal(inside.rng.state, saved.rng.state);
    assert_true(session_back(&s));
    assert_false(trainer_batch_in_progress(&s.trainer));
    session_close(&whole);
    assert_true(session_open(&whole, &o, err, sizeof err));
    session_epoch(&whole);
    support_same_trainer(&s.trainer, &whole.trainer);
    session_close(&whole);
    session_close(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_neuron_pieces_have_the_bits_of_one_call),
        cmocka_unit_test(test_network_pieces_have_the_bits_of_one_call),
        cmocka_unit_test(test_trainer_pieces_equal_whole_epochs),
        cmocka_unit_test(test_frames_split_full_batches),
        cmocka_unit_test(test_keys_inside_a_batch_replay_exactly),
        cmocka_unit_test(test_rewind_from_inside_a_batch),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
