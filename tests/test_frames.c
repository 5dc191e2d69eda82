/* test_frames.c - training split between frames: a run whose epochs are
 * cut at random minibatch points (the trainer stepped batch by batch, or
 * the live loop's control_train_frame stopping inside an epoch on its
 * time budget) ends bit for bit where the whole epochs end; keys applied
 * at those mid-epoch points, recorded by position and replayed as the
 * replay does, give the same run; a rewind from inside an epoch lands on
 * the end of the last whole one; the slow pace of [ and ] (below one
 * epoch per frame). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "control.h"
#include "keymap.h"
#include "options.h"
#include "recording.h"
#include "replay.h"
#include "rng.h"
#include "session.h"
#include "trainer.h"
#include "test_support.h"

/* Trains s epochs more epochs, then batches minibatches, and asserts that
 * its trainer is then t, bit for bit. */
static void assert_reaches(struct session *s, size_t epochs, size_t batches,
                           const struct trainer *t)
{
    for (size_t e = 0; e < epochs; e++)
        session_epoch(s);
    for (size_t b = 0; b < batches; b++)
        session_step_batch(s);
    support_same_trainer(t, &s->trainer);
}

/* The trainer alone: whole epochs (trainer_epoch) against the same
 * epochs reached by minibatch steps whose runs end at random points,
 * each run sometimes finished by trainer_epoch (n after .), for batch
 * sizes that divide N, do not, are 1 and full. */
static void test_trainer_split_at_random_points(void **state)
{
    (void)state;
    static const char *batches[] = {"1", "7", "32", "full"};
    struct rng pick;
    rng_seed(&pick, 2026);
    for (size_t b = 0; b < sizeof batches / sizeof batches[0]; b++) {
        const char *args[] = {"--data", "gen:gauss", "--points", "500", "--batch",
                              batches[b], "--init", "uniform", "--seed", "5",
                              "--lr", "0.3"};
        struct options o;
        support_parse(&o, (int)(sizeof args / sizeof args[0]), args);
        struct session whole, split;
        char err[256];
        assert_true(session_open(&whole, &o, err, sizeof err));
        assert_true(session_open(&split, &o, err, sizeof err));
        const size_t epochs = 6;
        for (size_t e = 0; e < epochs; e++)
            trainer_epoch(&whole.trainer);
        size_t mid_epoch_stops = 0;
        while (split.trainer.epoch < epochs) {
            size_t steps = 1 + (size_t)rng_below(&pick, 40);
            for (size_t i = 0; i < steps && split.trainer.epoch < epochs; i++)
                trainer_step_batch(&split.trainer);
            if (split.trainer.next > 0)
                mid_epoch_stops++;
            if (split.trainer.epoch < epochs && rng_below(&pick, 4) == 0)
                trainer_epoch(&split.trainer);
        }
        support_same_trainer(&split.trainer, &whole.trainer);
        if (strcmp(batches[b], "full") != 0)
            assert_true(mid_epoch_stops > 0);
        session_close(&whole);
        session_close(&split);
    }
}

/* The live loop: control_train_frame with no time to spare stops inside
 * epochs (the clock is read every few thousand samples), and the run it
 * makes frame after frame is the headless run, epoch records included;
 * a replay's stop position is reached exactly, mid-epoch too. */
static void test_frames_equal_the_headless_run(void **state)
{
    (void)state;
    static const char *batches[] = {"1", "32", "full"};
    for (size_t b = 0; b < sizeof batches / sizeof batches[0]; b++) {
        const char *args[] = {"--data", "gen:gauss", "--points", "20000", "--batch",
                              batches[b], "--seed", "3", "--lr", "0.2"};
        struct options o;
        support_parse(&o, (int)(sizeof args / sizeof args[0]), args);
        struct control c;
        struct session whole;
        char err[256];
        assert_true(control_open(&c, &o, err, sizeof err));
        assert_true(session_open(&whole, &o, err, sizeof err));
        c.epochs_per_frame = 2;
        const size_t epochs = 5;
        size_t frames = 0, mid_epoch = 0;
        while (c.session.trainer.epoch < epochs) {
            control_train_frame(&c, 0.0, NULL);
            frames++;
            if (c.session.trainer.next > 0)
                mid_epoch++;
        }
        for (size_t e = 0; e < c.session.trainer.epoch; e++)
            session_epoch(&whole);
        while (whole.trainer.next < c.session.trainer.next)
            session_step_batch(&whole);
        support_same_trainer(&c.session.trainer, &whole.trainer);
        if (strcmp(batches[b], "full") == 0) {
            assert_int_equal(mid_epoch, 0); /* one batch: the whole epoch */
        } else {
            assert_true(mid_epoch > 0);
            assert_true(frames > epochs);
        }
        /* A stop inside the next epoch, as a replayed event has one. */
        size_t batch = trainer_batch_size(&c.session.trainer);
        struct position stop = {c.session.trainer.epoch + 1, 3 * batch};
        if (stop.next < c.session.data->n) {
            while (position_before(control_position(&c), stop))
                control_train_frame(&c, 1000.0, &stop);
            assert_int_equal(c.session.trainer.epoch, stop.epoch);
            assert_int_equal(c.session.trainer.next, stop.next);
            assert_reaches(&whole, 1, 3, &c.session.trainer);
        }
        session_close(&whole);
        control_close(&c);
    }
}

/* Keys pressed between frames that stopped inside epochs (l, +, b, -,
 * a: each changes what the next minibatch does), kept as record events
 * at their positions, replayed as replay_headless does (train to the
 * position, apply): the same run, bit for bit. */
static void test_keys_mid_epoch_replay_exactly(void **state)
{
    (void)state;
    const char *args[] = {"--data", "gen:gauss", "--points", "20000", "--batch", "1",
                          "--seed", "9"};
    struct options o;
    support_parse(&o, (int)(sizeof args / sizeof args[0]), args);
    struct control *live = malloc(sizeof *live), *again = malloc(sizeof *again);
    char err[256];
    assert_non_null(live);
    assert_non_null(again);
    assert_true(control_open(live, &o, err, sizeof err));
    assert_true(control_open(again, &o, err, sizeof err));
    static const int keys[] = {'l', '+', 'b', '-', 'a', 'l'};
    struct record_event events[sizeof keys / sizeof keys[0]];
    size_t count = 0;
    for (int frame = 0; count < sizeof keys / sizeof keys[0]; frame++) {
        control_train_frame(live, 0.0, NULL);
        struct position p = control_position(live);
        if (frame % 3 != 2 || p.next == 0) /* keys inside epochs only */
            continue;
        events[count] = (struct record_event){.kind = RECORD_KEY, .key = keys[count],
                                              .epoch = p.epoch, .next = p.next};
        assert_int_not_equal(control_key(live, keys[count]), CONTROL_NONE);
        count++;
    }
    for (int frame = 0; frame < 5; frame++)
        control_train_frame(live, 0.0, NULL);
    for (size_t i = 0; i < count; i++) {
        struct position at = replay_position(&events[i]);
        while (control_step_toward(again, at))
            ;
        assert_int_equal(control_position(again).next, at.next);
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

/* A rewind while an epoch is partial (a frame stopped inside it) goes
 * back to the end of the last whole epoch: the state of a run of that
 * many epochs. */
static void test_rewind_from_a_partial_epoch(void **state)
{
    (void)state;
    const char *args[] = {"--data", "gen:gauss", "--points", "20000", "--batch", "1"};
    struct options o;
    support_parse(&o, (int)(sizeof args / sizeof args[0]), args);
    struct control c;
    struct session whole;
    char err[256];
    assert_true(control_open(&c, &o, err, sizeof err));
    assert_true(session_open(&whole, &o, err, sizeof err));
    while (c.session.trainer.epoch < 2 || c.session.trainer.next == 0)
        control_train_frame(&c, 0.0, NULL);
    size_t whole_epochs = c.session.trainer.epoch;
    assert_true(c.session.trainer.next > 0);
    assert_true(session_back(&c.session));
    assert_reaches(&whole, whole_epochs, 0, &c.session.trainer);
    session_close(&whole);
    control_close(&c);
}

/* [ below one epoch per frame: 15 8 4 2 1 epochs per second, then it
 * stays; ] back up to 1, 2 per frame. The notices say so. */
static void test_slow_pace_keys(void **state)
{
    (void)state;
    struct options o;
    support_parse(&o, 0, NULL);
    struct control c;
    char err[256];
    assert_true(control_open(&c, &o, err, sizeof err));
    assert_int_equal(c.epochs_per_frame, 1);
    static const unsigned down[] = {15, 8, 4, 2, 1, 1};
    for (size_t i = 0; i < sizeof down / sizeof down[0]; i++) {
        control_key(&c, '[');
        assert_int_equal(c.epochs_per_second, down[i]);
        assert_int_equal(c.epochs_per_frame, 1);
    }
    assert_string_equal(c.notice, "speed is already the slowest: 1 epoch per second");
    control_key(&c, ']');
    assert_string_equal(c.notice, "speed: 2 epochs per second");
    for (int i = 0; i < 3; i++)
        control_key(&c, ']');
    assert_int_equal(c.epochs_per_second, 15);
    control_key(&c, ']');
    assert_int_equal(c.epochs_per_second, 0);
    assert_string_equal(c.notice, "speed: 1 epoch per frame");
    control_key(&c, ']');
    assert_int_equal(c.epochs_per_frame, 2);
    assert_string_equal(c.notice, "speed: 2 epochs per frame");
    control_close(&c);
}

/* At 1 epoch per second, frames in quick succession train one epoch
 * (the first, at once) and then wait for its second to pass. */
static void test_slow_pace_trains_one_epoch_per_period(void **state)
{
    (void)state;
    struct options o;
    support_parse(&o, 0, NULL);
    struct control c;
    char err[256];
    assert_true(control_open(&c, &o, err, sizeof err));
    for (int i = 0; i < 5; i++)
        control_key(&c, '[');
    assert_int_equal(c.epochs_per_second, 1);
    for (int i = 0; i < 20; i++)
        control_train_frame(&c, 15.0, NULL);
    assert_int_equal(c.session.trainer.epoch, 1);
    control_close(&c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_trainer_split_at_random_points),
        cmocka_unit_test(test_frames_equal_the_headless_run),
        cmocka_unit_test(test_keys_mid_epoch_replay_exactly),
        cmocka_unit_test(test_rewind_from_a_partial_epoch),
        cmocka_unit_test(test_slow_pace_keys),
        cmocka_unit_test(test_slow_pace_trains_one_epoch_per_period),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
