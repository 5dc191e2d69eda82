/* test_replay.c - record files: what the recorder writes reads back to
 * the same settings and events bit for bit, and events applied through
 * control.c at their positions give the same weights as the same steps
 * taken directly on a session. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cmocka.h>

#include "control.h"
#include "keymap.h"
#include "recording.h"
#include "replay.h"
#include "test_support.h"

static void test_round_trip(void **state)
{
    (void)state;
    const char *args[] = {"--lr", "0.30000000000000004", "--batch", "4", "--init",
                          "uniform", "--seed", "18446744073709551615", "--start",
                          "0.1,-2.5e-7", "--classes", "versicolor,virginica"};
    struct options o;
    support_parse(&o, 12, args);
    char path[] = "/tmp/descent-test-replay-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    char err[512];
    struct recorder rec;
    assert_true(recorder_open(&rec, path, &o, err, sizeof err));
    struct record_event keys = {.kind = RECORD_KEY, .epoch = 3, .next = 8, .key = KEY_CODE_LEFT};
    struct record_event odd = {.kind = RECORD_KEY, .epoch = 4, .key = 'z'};
    struct record_event bowl = {.kind = RECORD_CLICK_BOWL, .epoch = 5, .x = 0.1, .y = -1.0 / 3.0};
    struct record_event cost = {.kind = RECORD_CLICK_COST, .epoch = 5, .picked = 2};
    const double end_params[4] = {1e-300, -0.0, 2.5, 1.0 / 7.0};
    struct record_event end = {.kind = RECORD_END, .epoch = 9, .nparams = 4,
                               .params = end_params};
    recorder_event(&rec, &keys);
    recorder_event(&rec, &odd);
    recorder_event(&rec, &bowl);
    recorder_event(&rec, &cost);
    recorder_event(&rec, &end);
    assert_true(recorder_close(&rec, err, sizeof err));

    /* Settings by name, values as the command line takes them. */
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    char text[4096];
    size_t len = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[len] = '\0';
    assert_true(strncmp(text, "descent-record 2\n", 17) == 0);
    assert_non_null(strstr(text, "\nset lr 0.30000000000000004\n"));
    assert_non_null(strstr(text, "\nset classes versicolor,virginica\n"));
    assert_non_null(strstr(text, "\nset batch 4\n"));
    assert_non_null(strstr(text, "\nexplicit classes,lr,batch,init,seed,start\n"));
    assert_null(strstr(text, "\nset data ")); /* the built-in Iris table */
    assert_null(strstr(text, "\nset every ")); /* not a setting of record files */

    struct recording r;
    if (!recording_load(path, &r, err, sizeof err))
        fail_msg("%s", err);
    unlink(path);
    struct options back;
    support_parse(&back, 0, NULL);
    recording_apply(&r, &back);
    assert_int_equal(back.train.activation, o.train.activation);
    assert_int_equal(back.train.loss, o.train.loss);
    assert_memory_equal(&back.train.lr, &o.train.lr, sizeof o.train.lr);
    assert_int_equal(back.train.batch, 4);
    assert_int_equal(back.train.shuffle, o.train.shuffle);
    assert_int_equal(back.train.init, INIT_UNIFORM);
    assert_true(back.train.seed == UINT64_MAX);
    assert_memory_equal(&back.start_x, &o.start_x, sizeof o.start_x);
    assert_memory_equal(&back.start_y, &o.start_y, sizeof o.start_y);
    assert_string_equal(back.selection.class_a, "versicolor");
    assert_null(back.data_path);
    assert_int_equal(r.count, 4);
    assert_int_equal(r.events[0].key, KEY_CODE_LEFT);
    assert_int_equal(r.events[0].next, 8);
    assert_int_equal(r.events[1].key, 'z');
    assert_memory_equal(&r.events[2].y, &bowl.y, sizeof bowl.y);
    assert_int_equal(r.events[3].picked, 2);
    assert_true(r.has_end);
    assert_int_equal(r.end.nparams, 4); /* all P parameters of N = 3 */
    assert_memory_equal(r.end.params, end.params, 4 * sizeof end.params[0]); /* -0 stays -0 */
    /* What the command line gave is kept by name. */
    assert_true(options_explicit(&back, "seed"));
    assert_true(options_explicit(&back, "classes"));
    assert_false(options_explicit(&back, "loss"));
    recording_free(&r);
}

/* The buffer entry point: settings by name through the options' own
 * checks, events bounded as --epochs is, messages with their line. */
static void expect_parse_error(const char *text, const char *expected)
{
    struct recording r;
    char err[512] = "";
    assert_false(recording_parse(text, strlen(text), "t.rec", &r, err, sizeof err));
    assert_string_equal(err, expected);
    recording_free(&r);
}

static void test_parse_buffer(void **state)
{
    (void)state;
    /* Not NUL-terminated: the length is the end. */
    const char text[] = "descent-record 2\nset lr 0.25\nset batch 4\n"
                        "explicit lr\nkey 2 0 0 q\nkey 9";
    struct recording r;
    char err[512] = "";
    if (!recording_parse(text, sizeof text - 1 - strlen("\nkey 9"), "t.rec", &r, err, sizeof err))
        fail_msg("%s", err);
    assert_true(r.settings.train.lr == 0.25);
    assert_int_equal(r.settings.train.batch, 4);
    assert_int_equal(r.count, 1);
    assert_int_equal(r.events[0].epoch, 2);
    assert_int_equal(r.events[0].key, 'q');
    assert_int_equal(r.events[0].line, 5);
    assert_false(r.has_end);
    recording_free(&r);

    expect_parse_error("", "t.rec:1: empty file, not a descent record");
    expect_parse_error("descent-record 1\nlr 0.5\n",
                       "t.rec:1: a version 1 record file; this descent reads "
                       "version 2 (settings by name): record the run again");
    expect_parse_error("descent-record 2\nset lr 0\n",
                       "t.rec:2: lr: \"0\" is not a positive number");
    expect_parse_error("descent-record 2\r\nset headless on\r\n",
                       "t.rec:2: set: \"headless\" is not a setting of record files");
    expect_parse_error("descent-record 2\nset epochs 100\nkey 1000000000000 0 0 q\n",
                       "t.rec:3: key: epoch 1000000000000 is past the run's last "
                       "epoch (set epochs 100)");
    expect_parse_error("descent-record 2\nkey 281474976710657 0 0 q\n",
                       "t.rec:2: key: \"281474976710657\" is past the largest epoch (2^48)");
    expect_parse_error("descent-record 2\nkey 1 281474976710657 0 q\n",
                       "t.rec:2: key: \"281474976710657\" is past the largest epoch (2^48)");
    expect_parse_error("descent-record 2\nkey 1 0 18446744073709551616 q\n",
                       "t.rec:2: key: \"18446744073709551616\" is not a whole number "
                       "(key EPOCH SAMPLES MS KEY)");
    expect_parse_error("descent-record 2\ncaption-1 a\ncaption-1 b\n",
                       "t.rec:3: caption-1 given twice");
}

static long max_rss_kb(void)
{
    struct rusage usage;
    assert_int_equal(getrusage(RUSAGE_SELF, &usage), 0);
    return usage.ru_maxrss;
}

/* A headless replay of 2,000,000 epochs streams its rows: keeping them
 * (40 bytes each) would take 80 MB; the replay grows the peak memory by
 * far less. The table is builtin:and (4 samples), so it takes a second. */
static void test_replay_memory_bounded(void **state)
{
    (void)state;
    char path[] = "/tmp/descent-test-long-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    const char text[] = "descent-record 2\nset data builtin:and\nset x x1\nset y x2\n"
                        "set label y\nset classes 0,1\nkey 2000000 0 0 q\n";
    assert_int_equal(write(fd, text, sizeof text - 1), (ssize_t)(sizeof text - 1));
    close(fd);
    struct options o;
    support_parse(&o, 2, (const char *[]){"--every", "1000000"});
    char *csv = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&csv, &size);
    assert_non_null(out);
    char err[512] = "";
    long before = max_rss_kb();
    bool ok = replay_headless(&o, path, out, err, sizeof err);
    long grown = max_rss_kb() - before;
    fclose(out);
    unlink(path);
    if (!ok)
        fail_msg("%s", err);
    /* The header, epoch 1,000,000 and the last, 2,000,000. */
    const char *start = "epoch,cost,w1,w2,b,accuracy\n1000000,";
    if (strncmp(csv, start, strlen(start)) != 0)
        fail_msg("%.200s", csv);
    assert_non_null(strstr(csv, "\n2000000,"));
    free(csv);
    if (grown > 24 * 1024)
        fail_msg("the replay grew the peak memory by %ld KB", grown);
}

/* n . . Left Right . as events at their positions, against the same
 * steps on a session. */
static void test_events_at_positions(void **state)
{
    (void)state;
    const char *args[] = {"--batch", "8", "--init", "uniform"};
    struct options o;
    support_parse(&o, 4, args);
    struct control *c = malloc(sizeof *c);
    struct session *s = malloc(sizeof *s);
    char err[256];
    assert_true(control_open(c, &o, err, sizeof err));
    assert_true(session_open(s, &o, err, sizeof err));
    struct train_config config;
    const int keys[] = {' ', 'n', '.', '.', KEY_CODE_LEFT, KEY_CODE_RIGHT, '.', '+', 'n'};
    struct position at = {7, 0};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        while (control_step_toward(c, at))
            ;
        struct record_event e = {.kind = RECORD_KEY, .key = keys[i]};
        replay_apply(c, &e);
        at = control_position(c);
    }
    /* The same through the session, step by step, without the asserts
     * above mixing in: rebuild it exactly. */
    for (int i = 0; i < 8; i++)
        session_epoch(s);
    session_step_batch(s);
    session_step_batch(s);
    session_back(s);                /* Left from mid-epoch 9: back to 8 */
    session_forward(s);             /* Right on the newest: nothing saved */
    session_epoch(s);               /* ... so it trained epoch 9 */
    session_step_batch(s);          /* . */
    config = s->trainer.config;
    config.lr = 1.0;                /* + */
    session_configure(s, &config);
    session_epoch(s);               /* n */
    assert_memory_equal(c->session.trainer.theta, s->trainer.theta,
                        s->trainer.nparams * sizeof *s->trainer.theta);
    assert_int_equal(c->session.trainer.epoch, s->trainer.epoch);
    control_close(c);
    session_close(s);
    free(c);
    free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_events_at_positions),
        cmocka_unit_test(test_parse_buffer),
        cmocka_unit_test(test_replay_memory_bounded),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
