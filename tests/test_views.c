/* test_views.c - the whole screen as text: the too-small notice down to
 * 0x0, the status line's labels, the help overlay built from the key
 * table, the divergence banner, NaN weights, every size from 80x24 up,
 * and the time a big frame takes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "bowl.h"
#include "canvas.h"
#include "dataset.h"
#include "keymap.h"
#include "trainer.h"
#include "views.h"

/* Iris setosa vs versicolor on sepal_length, petal_length, as the
 * program starts. */
struct fixture {
    struct table table;
    struct dataset data;
    struct trainer trainer;
    struct bowl bowl;
    struct view_state view;
    struct canvas canvas;
};

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);
    char err[256];
    assert_non_null(f);
    assert_true(table_load_buffer("iris.csv", iris_csv, iris_csv_len, &f->table,
                                  err, sizeof err));
    struct selection sel = {"sepal_length", "petal_length", "species", "setosa",
                            "versicolor", false};
    assert_true(dataset_select(&f->table, &sel, &f->data, err, sizeof err));
    struct train_config cfg = train_config_default();
    assert_true(trainer_init(&f->trainer, &f->data, &cfg));
    bowl_start(&f->bowl, 5, 5, cfg.lr);
    f->view = (struct view_state){
        .trainer = &f->trainer, .data = &f->data, .bowl = &f->bowl,
        .log_cost = true, .epochs_per_frame = 1,
    };
    assert_true(canvas_init(&f->canvas, 80, 24, true));
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    canvas_free(&f->canvas);
    trainer_free(&f->trainer);
    dataset_free(&f->data);
    table_free(&f->table);
    free(f);
    return 0;
}

static void train(struct fixture *f, size_t epochs)
{
    for (size_t i = 0; i < epochs && !f->trainer.diverged; i++) {
        trainer_epoch(&f->trainer);
        bowl_step(&f->bowl);
    }
}

/* Renders at w x h and returns the dump (caller frees). */
static char *render(struct fixture *f, int w, int h, bool utf8)
{
    f->canvas.utf8 = utf8;
    assert_true(canvas_resize(&f->canvas, w, h));
    views_render(&f->canvas, &f->view);
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    assert_non_null(out);
    assert_true(canvas_dump(&f->canvas, out));
    fclose(out);
    size_t lines = 0;
    for (char *q = buf; *q; q++)
        lines += *q == '\n';
    assert_int_equal(lines, (size_t)h);
    return buf;
}

/* The last line of a dump (the status line). */
static const char *last_line(const char *s)
{
    size_t n = strlen(s);
    if (n > 0)
        n--;
    while (n > 0 && s[n - 1] != '\n')
        n--;
    return s + n;
}

static void test_too_small(void **state)
{
    struct fixture *f = *state;
    char *s = render(f, 79, 23, true);
    assert_string_equal(s, "descent needs at least 80x24 — this terminal is 79x23\n"
                           "\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n");
    free(s);
    s = render(f, 200, 23, false);
    assert_true(strncmp(s, "descent needs at least 80x24 -- this terminal is 200x23\n",
                        56) == 0);
    free(s);
    s = render(f, 79, 60, true);
    assert_non_null(strstr(s, "79x60"));
    free(s);
    s = render(f, 22, 3, true);
    assert_string_equal(s, "need 80x24, have 22x3\n\n\n");
    free(s);
    s = render(f, 20, 3, true);
    assert_string_equal(s, "need 80x24\n\n\n");
    free(s);
    s = render(f, 12, 2, true);
    assert_string_equal(s, "need 80x24\n\n");
    free(s);
    s = render(f, 1, 1, true);
    assert_string_equal(s, "8\n");
    free(s);
    s = render(f, 0, 0, true);
    assert_string_equal(s, "");
    free(s);
    s = render(f, 5, 0, true);
    free(s);
    s = render(f, 0, 5, true);
    free(s);
}

static void test_status_labels(void **state)
{
    struct fixture *f = *state;
    static const char *const labels[] = {"epoch 0", "cost 0.125", "lr 0.5", "loss MSE",
                                         "batch full", "act sigmoid", "help"};
    int sizes[3][2] = {{80, 24}, {120, 40}, {200, 60}};
    for (int k = 0; k < 3; k++) {
        char *s = render(f, sizes[k][0], sizes[k][1], true);
        const char *status = last_line(s);
        for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
            assert_non_null(strstr(status, labels[i]));
        assert_non_null(strstr(status, "❚❚ paused"));
        free(s);
    }
    train(f, 10);
    f->view.running = true;
    f->view.epochs_per_frame = 8;
    char *s = render(f, 200, 60, false);
    const char *status = last_line(s);
    assert_non_null(strstr(status, "epoch 10  cost "));
    assert_non_null(strstr(status, "speed 8/frame"));
    assert_non_null(strstr(status, "> running"));
    free(s);
    f->view.finished = true;
    s = render(f, 80, 24, true);
    assert_non_null(strstr(last_line(s), "■ done"));
    free(s);
    s = render(f, 80, 24, false);
    assert_non_null(strstr(last_line(s), "# done"));
    free(s);
}

static void test_help_from_key_table(void **state)
{
    struct fixture *f = *state;
    f->view.help = true;
    size_t count;
    const struct key_binding *keys = keymap_table(&count);
    char *s = render(f, 200, 60, true);
    for (size_t i = 0; i < count; i++) {
        assert_non_null(strstr(s, keys[i].help));
        assert_non_null(strstr(s, keys[i].label));
    }
    free(s);
    /* Smaller screens: still a box, no crash. */
    s = render(f, 80, 24, false);
    assert_non_null(strstr(s, "keys"));
    free(s);
}

static void test_divergence_banner(void **state)
{
    struct fixture *f = *state;
    struct train_config cfg = f->trainer.config;
    cfg.lr = 1e6;
    cfg.activation = ACT_LINEAR;
    trainer_configure(&f->trainer, &cfg);
    train(f, 200);
    assert_true(f->trainer.diverged);
    char want[128];
    snprintf(want, sizeof want,
             "DIVERGED at epoch %zu — lower the learning rate (-) and reset (r)",
             f->trainer.diverged_epoch);
    char *s = render(f, 80, 24, true);
    assert_non_null(strstr(s, want));
    free(s);
    snprintf(want, sizeof want,
             "DIVERGED at epoch %zu -- lower the learning rate (-) and reset (r)",
             f->trainer.diverged_epoch);
    s = render(f, 120, 40, false);
    assert_non_null(strstr(s, want));
    free(s);
}

static void test_nan_weights(void **state)
{
    struct fixture *f = *state;
    train(f, 3);
    f->trainer.neuron.w1 = NAN;
    f->trainer.neuron.w2 = INFINITY;
    f->trainer.neuron.b = -1e300;
    f->bowl.x = NAN;
    f->bowl.y = INFINITY;
    f->view.regions = true;
    char *s = render(f, 80, 24, true);
    assert_non_null(strstr(s, "nan"));
    free(s);
    f->view.colour = true;
    s = render(f, 200, 60, false);
    free(s);
}

static void test_every_size(void **state)
{
    struct fixture *f = *state;
    train(f, 50);
    f->view.notice = "file saved";
    for (int h = 24; h <= 70; h += 3)
        for (int w = 80; w <= 260; w += 7) {
            char *s = render(f, w, h, (w + h) % 2 == 0);
            assert_non_null(strstr(s, "file saved"));
            assert_non_null(strstr(s, "epoch 50"));
            free(s);
        }
    f->view.regions = true;
    f->view.colour = true;
    char *s = render(f, 120, 40, true);
    assert_non_null(strstr(s, "O X"));
    free(s);
}

static void test_render_time(void **state)
{
    struct fixture *f = *state;
    train(f, 3000);
    f->view.regions = true;
    f->view.colour = true;
    assert_true(canvas_resize(&f->canvas, 200, 60));
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    int frames = 100;
    for (int i = 0; i < frames; i++)
        views_render(&f->canvas, &f->view);
    clock_gettime(CLOCK_MONOTONIC, &b);
    double ms = ((double)(b.tv_sec - a.tv_sec) * 1e3 +
                 (double)(b.tv_nsec - a.tv_nsec) / 1e6) / frames;
    printf("200x60 frame: %.3f ms\n", ms);
    assert_true(ms < 50.0);   /* generous: sanitizer builds are slow */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_too_small, setup, teardown),
        cmocka_unit_test_setup_teardown(test_status_labels, setup, teardown),
        cmocka_unit_test_setup_teardown(test_help_from_key_table, setup, teardown),
        cmocka_unit_test_setup_teardown(test_divergence_banner, setup, teardown),
        cmocka_unit_test_setup_teardown(test_nan_weights, setup, teardown),
        cmocka_unit_test_setup_teardown(test_every_size, setup, teardown),
        cmocka_unit_test_setup_teardown(test_render_time, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
