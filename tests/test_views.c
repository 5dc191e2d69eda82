/* test_views.c - the whole screen as text: the too-small notice down to
 * 0x0, the status line's labels, the help overlay built from the key
 * table, the divergence banner, NaN weights, every size from 80x24 up,
 * the time a big frame takes; the cost landscape (its cache, view range
 * and golden frames), decision regions, captions, rewound and picked
 * epochs, the 3D mesh of the bowl and of the landscape, and the mouse's
 * hit-testing.
 *
 * Golden frames of states --dump-frame cannot reach are rendered here
 * and compared with tests/golden/NAME.txt; so are the 3D mesh's frames
 * (also reached by --view mesh: tests/mesh_test.sh checks they agree) (run from the repository
 * root); DESCENT_GOLDEN=regenerate rewrites them (make golden). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "bowl.h"
#include "canvas.h"
#include "dataset.h"
#include "keymap.h"
#include "landscape.h"
#include "mesh.h"
#include "trainer.h"
#include "util.h"
#include "views.h"

#include "test_support.h"

/* Iris setosa vs versicolor on sepal_length, petal_length, as the
 * program starts. */
struct fixture {
    struct table table;
    struct dataset data;
    struct trainer trainer;
    struct bowl bowl;
    struct view_state view;
    struct canvas canvas;
    struct landscape *landscape;
};

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);
    char err[256];
    assert_non_null(f);
    assert_true(table_load_buffer("iris.csv", iris_csv, iris_csv_len, &f->table,
                                  err, sizeof err));
    struct selection sel = {"sepal_length", "petal_length", "species", "setosa",
                            "versicolor", false, NULL, NULL, 0, 0};
    assert_true(dataset_select(&f->table, &sel, &f->data, err, sizeof err));
    struct train_config cfg = train_config_default();
    assert_true(trainer_init(&f->trainer, &f->data, &cfg));
    bowl_start(&f->bowl, 5, 5, cfg.lr);
    f->view = (struct view_state){
        .trainer = &f->trainer, .data = &f->data, .bowl = &f->bowl,
        .log_cost = true, .epochs_per_frame = 1,
    };
    assert_true(canvas_init(&f->canvas, 80, 24, true));
    f->landscape = landscape_new();
    assert_non_null(f->landscape);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    canvas_free(&f->canvas);
    landscape_free(f->landscape);
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
    static const char *const labels[] = {"epoch 0", "C(now) 0.125", "lr 0.5", "loss MSE",
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
    assert_non_null(strstr(status, "epoch 10  epoch cost "));
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
    f->trainer.theta[0] = NAN;
    f->trainer.theta[1] = INFINITY;
    f->trainer.theta[2] = -1e300;
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
    double start = util_now_ms();
    int frames = 100;
    for (int i = 0; i < frames; i++)
        views_render(&f->canvas, &f->view);
    double ms = (util_now_ms() - start) / frames;
    printf("200x60 frame: %.3f ms\n", ms);
    assert_true(ms < 50.0);   /* generous: sanitizer builds are slow */
}

static void test_landscape_frames(void **state)
{
    struct fixture *f = *state;
    f->view.right = RIGHT_LANDSCAPE;
    f->view.landscape = f->landscape;
    char *s = render(f, 80, 24, true);
    support_golden("landscape_start_80x24", s);
    free(s);
    train(f, 100);
    s = render(f, 80, 24, true);
    support_golden("landscape_epoch100_80x24", s);
    assert_non_null(strstr(s, "cost landscape"));
    assert_non_null(strstr(s, "w1"));
    assert_non_null(strstr(s, "w2"));
    free(s);
    s = render(f, 80, 24, false);
    support_golden("landscape_epoch100_80x24_ascii", s);
    free(s);
    s = render(f, 120, 40, true);
    support_golden("landscape_epoch100_120x40", s);
    free(s);
    /* The frame dump's way: no cache, a temporary one; the same picture
     * as a fresh cache. */
    f->view.landscape = NULL;
    char *a = render(f, 120, 40, true);
    landscape_free(f->landscape);
    f->landscape = landscape_new();
    f->view.landscape = f->landscape;
    char *b = render(f, 120, 40, true);
    assert_string_equal(a, b);
    free(a);
    free(b);
    train(f, 900);
    s = render(f, 120, 40, true);
    support_golden("landscape_epoch1000_120x40", s);
    free(s);
}

/* The run --lr LR --epochs EPOCHS would show, with the right panel as a
 * mesh at the starting angles. */
static void mesh_run(struct fixture *f, double lr, size_t epochs)
{
    trainer_free(&f->trainer);
    struct train_config cfg = train_config_default();
    cfg.lr = lr;
    assert_true(trainer_init(&f->trainer, &f->data, &cfg));
    bowl_start(&f->bowl, 5, 5, lr);
    train(f, epochs);
    f->view.mesh = true;
    f->view.mesh_turn = MESH_TURN_DEFAULT;
    f->view.mesh_tilt = MESH_TILT_DEFAULT;
}

/* Counts the occurrences of needle in s. */
static int count_of(const char *s, const char *needle)
{
    int n = 0;
    for (const char *q = strstr(s, needle); q; q = strstr(q + 1, needle))
        n++;
    return n;
}

/* The bowl as a mesh: a descent at lr 0.1 (inside), 1 (bouncing), 1.1
 * (climbing out), at two sizes; turned and tilted; in ASCII. */
static void test_mesh_bowl_frames(void **state)
{
    struct fixture *f = *state;
    static const struct {
        double lr;
        size_t epochs;
        const char *name;
    } runs[] = {{0.1, 20, "lr0.1"}, {1, 7, "lr1"}, {1.1, 12, "lr1.1"}};
    for (size_t i = 0; i < 3; i++) {
        mesh_run(f, runs[i].lr, runs[i].epochs);
        char name[64];
        for (int big = 0; big < 2; big++) {
            char *s = render(f, big ? 160 : 80, big ? 50 : 24, true);
            snprintf(name, sizeof name, "mesh_bowl_%s_%s", runs[i].name,
                     big ? "160x50" : "80x24");
            support_golden(name, s);
            assert_non_null(strstr(s, "bowl: f(x,y)=x²+y², 3D"));
            assert_non_null(strstr(s, "turn 30° tilt 50°"));
            /* the path's current point: on the surface, or above the cut
             * with its height (lr 1.1: f = 50 * 1.2^24 = 3975) */
            if (runs[i].lr > 1) {
                assert_non_null(strstr(s, "f=3975"));
                assert_true(count_of(s, "↑") >= 2);
            } else {
                assert_non_null(strstr(s, "●"));
                assert_null(strstr(s, "↑"));
            }
            free(s);
        }
    }
    mesh_run(f, 0.1, 20);
    f->view.mesh_turn = 120;
    f->view.mesh_tilt = 20;
    char *s = render(f, 160, 50, true);
    support_golden("mesh_bowl_turn120_tilt20_160x50", s);
    assert_non_null(strstr(s, "turn 120° tilt 20°"));
    /* another picture than the starting angles' */
    f->view.mesh_turn = MESH_TURN_DEFAULT;
    f->view.mesh_tilt = MESH_TILT_DEFAULT;
    char *start = render(f, 160, 50, true);
    assert_string_not_equal(s, start);
    free(start);
    free(s);
    s = render(f, 80, 24, false);
    support_golden("mesh_bowl_lr0.1_80x24_ascii", s);
    assert_non_null(strstr(s, "turn 30deg tilt 50deg"));
    assert_non_null(strstr(s, "@"));
    for (const unsigned char *q = (const unsigned char *)s; *q; q++)
        assert_true(*q < 0x80);
    free(s);
    /* a click on the mesh picks no point of the plane */
    double x, y;
    assert_false(views_bowl_point(&f->view, 80, 24, 60, 8, &x, &y));
}

/* The neuron's cost landscape as a mesh, with its training path. */
static void test_mesh_landscape_frames(void **state)
{
    struct fixture *f = *state;
    f->view.right = RIGHT_LANDSCAPE;
    f->view.landscape = f->landscape;
    mesh_run(f, 0.5, 100);
    char *s = render(f, 80, 24, true);
    support_golden("mesh_landscape_epoch100_80x24", s);
    assert_non_null(strstr(s, "cost landscape C(w1, w2), 3D"));
    assert_non_null(strstr(s, "w1"));
    assert_non_null(strstr(s, "w2"));
    free(s);
    s = render(f, 160, 50, true);
    support_golden("mesh_landscape_epoch100_160x50", s);
    free(s);
    s = render(f, 80, 24, false);
    support_golden("mesh_landscape_epoch100_80x24_ascii", s);
    free(s);
    /* without a cache (the frame dump's way): the same picture */
    f->view.landscape = NULL;
    char *a = render(f, 160, 50, true);
    f->view.landscape = f->landscape;
    landscape_free(f->landscape);
    f->landscape = landscape_new();
    f->view.landscape = f->landscape;
    char *b = render(f, 160, 50, true);
    assert_string_equal(a, b);
    free(a);
    free(b);
}

static void test_regions_frames(void **state)
{
    struct fixture *f = *state;
    f->view.regions = true;
    train(f, 4);     /* 97% right: three points on the wrong side */
    char *s = render(f, 80, 24, true);
    support_golden("regions_epoch4_80x24", s);
    assert_non_null(strstr(s, "O X wrong"));
    assert_non_null(strchr(s, 'X'));
    free(s);
    s = render(f, 120, 40, false);
    support_golden("regions_epoch4_120x40_ascii", s);
    assert_non_null(strchr(s, 'X'));
    free(s);
    /* In colour the regions are half-blocks in the two class colours. */
    f->view.colour = true;
    f->canvas.utf8 = true;
    assert_true(canvas_resize(&f->canvas, 80, 24));
    views_render(&f->canvas, &f->view);
    int blue = 0, yellow = 0;
    for (int y = 0; y < 24; y++)
        for (int x = 0; x < 46; x++) {
            const struct cell *cell = canvas_cell_const(&f->canvas, x, y);
            if (cell->kind != CELL_HALF)
                continue;
            blue += cell->fg == COLOUR_BLUE || cell->bg == COLOUR_BLUE;
            yellow += cell->fg == COLOUR_YELLOW || cell->bg == COLOUR_YELLOW;
        }
    assert_true(blue > 20);
    assert_true(yellow > 20);
}

static void test_caption_frames(void **state)
{
    struct fixture *f = *state;
    train(f, 20);
    f->view.lesson = "lr-ladder";
    f->view.caption[0] = "Watch the bowl: at lr 1 the point jumps between (5,5) and (-5,-5)";
    f->view.caption[1] = "and above 1 it flies off. Press + and - to walk the ladder.";
    char *s = render(f, 80, 24, true);
    support_golden("caption_80x24", s);
    assert_true(strncmp(s, " lesson lr-ladder: Watch the bowl", 33) == 0);
    assert_non_null(strstr(s, "epoch 20"));
    free(s);
    s = render(f, 200, 60, false);
    assert_non_null(strstr(s, "lesson lr-ladder: Watch the bowl: at lr 1"));
    assert_non_null(strstr(s, "\n and above 1 it flies off."));
    free(s);
    /* One short line: one row. */
    f->view.caption[1] = NULL;
    f->view.caption[0] = "A step cannot learn.";
    s = render(f, 80, 24, true);
    assert_true(strncmp(s, " lesson lr-ladder: A step cannot learn.\n┌", 42) == 0);
    free(s);
    /* Too long for two rows: clipped with an ellipsis. */
    static char longer[400];
    memset(longer, 0, sizeof longer);
    for (int i = 0; i < 40; i++)
        strcat(longer, "wordy ");
    f->view.caption[0] = longer;
    f->view.caption[1] = longer;
    s = render(f, 80, 24, false);
    const char *second = strchr(s, '\n') + 1;
    assert_true(strncmp(second + strcspn(second, "\n") - 3, "...", 3) == 0);
    free(s);
    s = render(f, 80, 24, true);
    assert_non_null(strstr(s, "wordy…\n"));
    free(s);
}

static void test_rewound_and_picked(void **state)
{
    struct fixture *f = *state;
    train(f, 40);
    f->view.rewound = true;
    f->view.newest_epoch = 100;
    f->view.picked = true;
    f->view.picked_epoch = 25;
    char *s = render(f, 80, 24, true);
    support_golden("rewound_picked_80x24", s);
    assert_non_null(strstr(last_line(s), "◀ epoch 40 of 100"));
    const struct epoch_record *r = &f->trainer.history.records[24];
    assert_int_equal(r->epoch, 25);
    char want[64];
    snprintf(want, sizeof want, "epoch 25: epoch cost %.4g", r->cost);
    assert_non_null(strstr(s, want));
    assert_non_null(strstr(s, "▼"));
    free(s);
    s = render(f, 120, 40, false);
    assert_non_null(strstr(last_line(s), "< epoch 40 of 100"));
    snprintf(want, sizeof want, "epoch 25: epoch cost %.4g", r->cost);
    assert_non_null(strstr(s, want));
    assert_non_null(strstr(s, "v epoch 25"));
    free(s);
    f->view.newest_epoch = 0;
    s = render(f, 80, 24, true);
    assert_non_null(strstr(last_line(s), "◀ epoch 40 (rewound)"));
    free(s);
}

/* Settings changed mid-run: batch 4 for 30 epochs, lr 0.2 for 20, then
 * BCE for 20. The cost plot marks both changes with a tick and a label,
 * draws the costs before the loss change dim (they are MSE costs) and
 * the rest in the cost style; with per_update it shows every update. */
static void marks_run(struct fixture *f)
{
    struct train_config cfg = f->trainer.config;
    cfg.batch = 4;
    trainer_configure(&f->trainer, &cfg);
    train(f, 30);
    cfg.lr = 0.2;
    trainer_configure(&f->trainer, &cfg);
    train(f, 20);
    cfg.loss = LOSS_BCE;
    trainer_configure(&f->trainer, &cfg);
    train(f, 20);
}

/* The style of the first braille cell of row y between x0 and x1, or
 * NULL. */
static const struct cell *braille_in(const struct canvas *c, int y, int x0, int x1)
{
    for (int x = x0; x < x1; x++) {
        const struct cell *cell = &c->cells[y * c->width + x];
        if (cell->kind == CELL_BRAILLE)
            return cell;
    }
    return NULL;
}

static void test_cost_marks_frames(void **state)
{
    struct fixture *f = *state;
    marks_run(f);
    const struct cost_log *log = &f->trainer.log;
    assert_int_equal(log->nmarks, 2); /* lr at epoch 30, BCE at 50 (batch 4 at 0: none) */
    assert_int_equal(log->marks[0].position, 30 * 100);
    assert_int_equal(log->marks[1].position, 50 * 100);
    assert_int_equal(cost_log_last_loss_change(log), 5000);
    char *s = render(f, 120, 40, true);
    support_golden("cost_marks_120x40", s);
    assert_non_null(strstr(s, "┆lr 0.2"));
    assert_non_null(strstr(s, "┆BCE"));
    /* the cost plot's rows: MSE costs dim left of the BCE tick, BCE costs
     * in the cost style right of it */
    int tick_x = -1, tick_y = -1;
    for (int y = 0; y < 40 && tick_x < 0; y++)
        for (int x = 0; x < 60; x++)
            if (strcmp(f->canvas.cells[y * 120 + x].glyph, "┆") == 0 &&
                strncmp(f->canvas.cells[y * 120 + x + 1].glyph, "B", 1) == 0) {
                tick_x = x;
                tick_y = y;
                break;
            }
    assert_true(tick_x > 0);
    bool dim = false, bold = false;
    for (int y = tick_y; y < tick_y + 12 && y < 40; y++) {
        const struct cell *a = braille_in(&f->canvas, y, tick_x - 20, tick_x - 1);
        const struct cell *b = braille_in(&f->canvas, y, tick_x + 1, tick_x + 12);
        dim = dim || (a && (a->attr & ATTR_DIM));
        bold = bold || (b && b->fg == COLOUR_GREEN && (b->attr & ATTR_BOLD));
    }
    assert_true(dim);
    assert_true(bold);
    free(s);
    f->view.per_update = true;
    s = render(f, 80, 24, true);
    support_golden("cost_marks_updates_80x24", s);
    assert_non_null(strstr(s, "cost per update, epoch cost bold (log)"));
    free(s);
    s = render(f, 120, 40, false);
    support_golden("cost_marks_updates_120x40_ascii", s);
    assert_non_null(strstr(s, "|BCE"));
    free(s);
}

/* The cell where the bowl's current point is drawn. */
static bool find_glyph(const struct canvas *c, struct rect r, const char *glyph,
                       int *cx, int *cy)
{
    for (int y = r.y; y < r.y + r.h; y++)
        for (int x = r.x; x < r.x + r.w; x++)
            if (strcmp(canvas_cell_const(c, x, y)->glyph, glyph) == 0) {
                *cx = x;
                *cy = y;
                return true;
            }
    return false;
}

static void test_hit_bowl(void **state)
{
    struct fixture *f = *state;
    struct train_config cfg = f->trainer.config;
    cfg.lr = 0.05;
    trainer_configure(&f->trainer, &cfg);
    bowl_start(&f->bowl, 5, 5, cfg.lr);
    int sizes[4][2] = {{80, 24}, {120, 40}, {200, 60}, {97, 31}};
    for (int k = 0; k < 4; k++) {
        for (int caption = 0; caption < 2; caption++) {
            f->view.caption[0] = caption ? "one line of caption" : NULL;
            f->view.caption[1] = caption ? "and another" : NULL;
            int w = sizes[k][0], h = sizes[k][1];
            char *s = render(f, w, h, true);
            free(s);
            int cx = 0, cy = 0;
            assert_true(find_glyph(&f->canvas, (struct rect){w / 2, 0, w / 2, h / 2},
                                   "●", &cx, &cy));
            double px, py;
            assert_true(views_bowl_point(&f->view, w, h, cx, cy, &px, &py));
            /* Within one cell's size: the neighbouring cells' points. */
            double ax, ay, bx, by;
            assert_true(views_bowl_point(&f->view, w, h, cx + 1, cy + 1, &ax, &ay));
            assert_true(views_bowl_point(&f->view, w, h, cx - 1, cy - 1, &bx, &by));
            double cell_w = fabs(ax - bx) / 2, cell_h = fabs(ay - by) / 2;
            assert_true(fabs(px - f->bowl.x) <= cell_w);
            assert_true(fabs(py - f->bowl.y) <= cell_h);
            /* Off the plot: the status line, the scatter. */
            assert_false(views_bowl_point(&f->view, w, h, 0, h - 1, &px, &py));
            assert_false(views_bowl_point(&f->view, w, h, 2, 2, &px, &py));
        }
        train(f, 3);
    }
    f->view.right = RIGHT_LANDSCAPE;
    double px, py;
    assert_false(views_bowl_point(&f->view, 80, 24, 60, 8, &px, &py));
    assert_false(views_bowl_point(&f->view, 79, 24, 60, 8, &px, &py));
}

static void test_hit_cost(void **state)
{
    struct fixture *f = *state;
    size_t epoch = 99;
    assert_false(views_cost_epoch(&f->view, 80, 24, 20, 18, &epoch));
    train(f, 137);
    int sizes[3][2] = {{80, 24}, {120, 40}, {200, 60}};
    for (int k = 0; k < 3; k++) {
        int w = sizes[k][0], h = sizes[k][1];
        /* Find the plot's columns: scan the middle of the cost panel. */
        int first = -1, last = -1, row = h - 5;
        for (int x = 0; x < w; x++) {
            size_t e;
            if (views_cost_epoch(&f->view, w, h, x, row, &e)) {
                if (first < 0)
                    first = x;
                last = x;
            }
        }
        assert_true(first > 0 && last > first);
        size_t e;
        assert_true(views_cost_epoch(&f->view, w, h, first, row, &e));
        assert_int_equal(e, 1);
        assert_true(views_cost_epoch(&f->view, w, h, last, row, &e));
        assert_int_equal(e, 137);
        /* Monotone in between. */
        size_t prev = 0;
        for (int x = first; x <= last; x++) {
            assert_true(views_cost_epoch(&f->view, w, h, x, row, &e));
            assert_true(e >= prev);
            prev = e;
        }
        assert_false(views_cost_epoch(&f->view, w, h, first, h - 1, &e));
    }
}

/* The cache: kept while nothing changed, recomputed when an input did;
 * while training, small moves of b keep it; paused, it is exact. */
static void test_landscape_cache(void **state)
{
    struct fixture *f = *state;
    struct landscape *l = f->landscape;
    f->view.right = RIGHT_LANDSCAPE;
    f->view.landscape = l;
    train(f, 50);
    char *s = render(f, 120, 40, true);
    free(s);
    unsigned long n = l->recomputes;
    assert_true(n >= 1);
    s = render(f, 120, 40, true);
    free(s);
    assert_int_equal(l->recomputes, n);          /* nothing changed */
    f->view.running = true;
    train(f, 1);
    s = render(f, 120, 40, true);
    free(s);
    assert_int_equal(l->recomputes, n);          /* b moved a little */
    f->view.running = false;
    s = render(f, 120, 40, true);
    free(s);
    assert_int_equal(l->recomputes, n + 1);      /* paused: exact b */
    assert_true(l->held[2] == f->trainer.theta[2]);
    struct train_config cfg = f->trainer.config;
    cfg.loss = LOSS_BCE;
    trainer_configure(&f->trainer, &cfg);
    f->view.running = true;
    s = render(f, 120, 40, true);
    free(s);
    assert_int_equal(l->recomputes, n + 2);      /* another loss */
    s = render(f, 80, 24, true);
    free(s);
    assert_int_equal(l->recomputes, n + 3);      /* another grid */

    /* The grid holds the mean cost: check points against a direct sum. */
    for (int j = 0; j < l->rows; j += 7)
        for (int i = 0; i < l->cols; i += 5) {
            double w1 = l->x0 + (l->x1 - l->x0) * i / (l->cols - 1);
            double w2 = l->y0 + (l->y1 - l->y0) * j / (l->rows - 1);
            double sum = 0;
            for (size_t k = 0; k < f->data.n; k++) {
                struct neuron nr = {w1, w2, l->held[2]};
                double a = activation_value(ACT_SIGMOID, neuron_weighted_sum(
                    &nr, f->data.x1[k], f->data.x2[k]));
                sum += loss_value(LOSS_BCE, a, f->data.y[k]);
            }
            double want = log10(sum / (double)f->data.n);
            double got = landscape_log_cost_at(l, w1, w2);
            assert_true(fabs(got - want) < 1e-9 * fmax(1, fabs(want)));
        }
    /* Levels: ascending, on the lattice, inside the range. */
    double levels[LANDSCAPE_LEVELS_MAX];
    size_t nl = landscape_levels(l, levels, LANDSCAPE_LEVELS_MAX);
    assert_true(nl >= 3);
    for (size_t i = 0; i < nl; i++) {
        assert_true(levels[i] >= l->lo && levels[i] <= l->hi);
        if (i)
            assert_true(levels[i] > levels[i - 1]);
    }
}

/* The view holds the path with a margin and stays put from epoch to
 * epoch: it changes only in 1-2-5 steps. */
static void test_landscape_view_stable(void **state)
{
    struct fixture *f = *state;
    struct landscape *l = f->landscape;
    double x0, x1, y0, y1, h = 0;
    int changes = 0;
    for (int e = 0; e < 3000; e++) {
        landscape_choose_view(l, &f->trainer, &x0, &x1, &y0, &y1);
        if (l->view_h != h) {
            changes++;
            h = l->view_h;
            double m = h / pow(10, floor(log10(h) + 1e-12));
            assert_true(fabs(m - 1) < 1e-9 || fabs(m - 2) < 1e-9 || fabs(m - 5) < 1e-9);
        }
        size_t n = landscape_path(l, &f->trainer);
        for (size_t i = 0; i < n; i++) {
            assert_true(l->path_w1[i] > x0 && l->path_w1[i] < x1);
            assert_true(l->path_w2[i] > y0 && l->path_w2[i] < y1);
        }
        train(f, 1);
    }
    assert_true(changes >= 1 && changes <= 4);
    /* A diverged run: non-finite weights do not break the view. */
    f->trainer.theta[0] = NAN;
    landscape_choose_view(l, &f->trainer, &x0, &x1, &y0, &y1);
    assert_true(isfinite(x0) && isfinite(x1) && x1 > x0);
    f->view.right = RIGHT_LANDSCAPE;
    f->view.landscape = l;
    char *s = render(f, 80, 24, true);
    free(s);
}

/* Large data: the grid gets coarser so that a recompute stays cheap. */
static void test_landscape_work_cap(void **state)
{
    struct fixture *f = *state;
    enum { N = 20000 };
    static double x[2 * N], y[N];
    for (int i = 0; i < N; i++) {
        x[i] = (i % 97) / 10.0;
        x[N + i] = (i % 89) / 10.0;
        y[i] = i % 2;
    }
    struct dataset big = {.n = N, .stride = N, .nfeatures = 2, .x = {x, x + N}, .x1 = x,
                          .x2 = x + N, .y = y};
    struct trainer t;
    struct train_config cfg = train_config_default();
    assert_true(trainer_init(&t, &big, &cfg));
    struct landscape *l = f->landscape;
    assert_true(landscape_update(l, &t, -1, 1, -1, 1, 100, 100, true));
    /* 20000 samples: the grid is over an evenly spread sample of
     * LANDSCAPE_ROWS_MAX rows, as fine as its budget allows for them. */
    assert_int_equal(l->rows_used, LANDSCAPE_ROWS_MAX);
    assert_true((double)l->cols * l->rows * LANDSCAPE_ROWS_MAX <= LANDSCAPE_WORK_SAMPLED);
    assert_true(l->cols >= 16 && l->rows >= 16);
    /* Its corner (w1, w2) = (-1, -1), b = 0: the mean MSE over rows
     * i * N / LANDSCAPE_ROWS_MAX, summed here by hand. */
    double sum = 0;
    for (size_t i = 0; i < LANDSCAPE_ROWS_MAX; i++) {
        size_t r = i * N / LANDSCAPE_ROWS_MAX;
        assert_int_equal(l->sample[i], r);
        double a = 1 / (1 + exp(x[r] + x[N + r]));
        sum += 0.5 * (a - y[r]) * (a - y[r]);
    }
    assert_true(fabs(l->log_cost[0] - log10(sum / LANDSCAPE_ROWS_MAX)) < 1e-12);
    big.n = 400; /* every row */
    assert_true(landscape_update(l, &t, -1, 1, -1, 1, 100, 100, true));
    assert_int_equal(l->rows_used, 400);
    assert_true((double)l->cols * l->rows * 400 <= LANDSCAPE_WORK_MAX);
    assert_true(l->cols >= 20 && l->rows >= 20);
    big.n = N;
    /* The same request again: kept. */
    assert_true(landscape_update(l, &t, -1, 1, -1, 1, 100, 100, true));
    assert_false(landscape_update(l, &t, -1, 1, -1, 1, 100, 100, true));
    trainer_free(&t);
}

/* The frame at 200x60, bowl and landscape, median of many frames, the
 * landscape recomputed as in training (b moves every epoch). */
static double median(double *v, int n)
{
    for (int i = 1; i < n; i++)
        for (int j = i; j > 0 && v[j - 1] > v[j]; j--) {
            double t = v[j];
            v[j] = v[j - 1];
            v[j - 1] = t;
        }
    return v[n / 2];
}

static void test_landscape_time(void **state)
{
    struct fixture *f = *state;
    assert_true(canvas_resize(&f->canvas, 200, 60));
    f->view.running = true;
    f->view.colour = true;
    f->view.landscape = f->landscape;
    enum { FRAMES = 300 };
    static double bowl[FRAMES], land[FRAMES];
    for (int i = 0; i < FRAMES; i++) {
        train(f, 1);
        f->view.right = RIGHT_BOWL;
        double t0 = util_now_ms();
        views_render(&f->canvas, &f->view);
        double t1 = util_now_ms();
        f->view.right = RIGHT_LANDSCAPE;
        views_render(&f->canvas, &f->view);
        land[i] = util_now_ms() - t1;
        bowl[i] = t1 - t0;
    }
    double worst = 0;
    for (int i = 0; i < FRAMES; i++)
        worst = fmax(worst, land[i]);
    printf("200x60 frame median: bowl %.3f ms, landscape %.3f ms (worst %.3f ms); "
           "%lu recomputes in %d frames, the last %.3f ms (%dx%d grid)\n",
           median(bowl, FRAMES), median(land, FRAMES), worst,
           f->landscape->recomputes, FRAMES, f->landscape->last_recompute_ms,
           f->landscape->cols, f->landscape->rows);
    assert_true(median(land, FRAMES) < 50.0);   /* generous: sanitizers */
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
        cmocka_unit_test_setup_teardown(test_landscape_frames, setup, teardown),
        cmocka_unit_test_setup_teardown(test_mesh_bowl_frames, setup, teardown),
        cmocka_unit_test_setup_teardown(test_mesh_landscape_frames, setup, teardown),
        cmocka_unit_test_setup_teardown(test_regions_frames, setup, teardown),
        cmocka_unit_test_setup_teardown(test_caption_frames, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rewound_and_picked, setup, teardown),
        cmocka_unit_test_setup_teardown(test_cost_marks_frames, setup, teardown),
        cmocka_unit_test_setup_teardown(test_hit_bowl, setup, teardown),
        cmocka_unit_test_setup_teardown(test_hit_cost, setup, teardown),
        cmocka_unit_test_setup_teardown(test_landscape_cache, setup, teardown),
        cmocka_unit_test_setup_teardown(test_landscape_view_stable, setup, teardown),
        cmocka_unit_test_setup_teardown(test_landscape_work_cap, setup, teardown),
        cmocka_unit_test_setup_teardown(test_landscape_time, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
