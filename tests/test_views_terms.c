/* test_views_terms.c - the screen for N inputs, as text: the neuron panel
 * listing every weight with its term (and eliding with a count), the
 * boundary of x1^2, x2^2 drawn as a closed curve whose dots lie on the
 * neuron's own level a = 0.5, the straight line kept for affine terms,
 * held columns named with their mean, test points and test accuracy,
 * regression with one input (the fitted line through the data) and two.
 * Golden frames in tests/golden (DESCENT_GOLDEN=regenerate rewrites
 * them, as make golden does). Run from the repository root. */
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
#include "generate.h"
#include "landscape.h"
#include "trainer.h"
#include "views.h"

#include "test_support.h"

struct fixture {
    char *csv;
    struct table table;
    struct dataset data;
    struct trainer trainer;
    struct bowl bowl;
    struct view_state view;
    struct canvas canvas;
    struct landscape *landscape;
};

/* Loads csv (owned from now: freed by finish) or the built-in Iris when
 * csv is NULL, selects sel and starts a trainer with cfg. */
static struct fixture *start(char *csv, const struct selection *sel,
                             const struct train_config *cfg)
{
    struct fixture *f = calloc(1, sizeof *f);
    char err[256] = "";
    assert_non_null(f);
    f->csv = csv;
    bool ok = csv ? table_load_buffer("gen.csv", csv, strlen(csv), &f->table, err, sizeof err)
                  : table_load_buffer("iris.csv", iris_csv, iris_csv_len, &f->table, err,
                                      sizeof err);
    if (!ok)
        fail_msg("%s", err);
    if (!dataset_select(&f->table, sel, &f->data, err, sizeof err))
        fail_msg("%s", err);
    assert_true(trainer_init(&f->trainer, &f->data, cfg));
    bowl_start(&f->bowl, 5, 5, cfg->lr);
    f->landscape = landscape_new();
    assert_non_null(f->landscape);
    f->view = (struct view_state){
        .trainer = &f->trainer, .data = &f->data, .bowl = &f->bowl,
        .log_cost = true, .epochs_per_frame = 1, .landscape = f->landscape,
        .pair = {0, 1},
    };
    assert_true(canvas_init(&f->canvas, 80, 24, true));
    return f;
}

static void finish(struct fixture *f)
{
    canvas_free(&f->canvas);
    landscape_free(f->landscape);
    trainer_free(&f->trainer);
    dataset_free(&f->data);
    table_free(&f->table);
    free(f->csv);
    free(f);
}

static char *generated(const char *name, size_t points, double noise)
{
    char *text = NULL, err[200];
    size_t len;
    assert_true(generate_csv(name, points, noise, 1, &text, &len, err, sizeof err));
    return text;
}

static void train(struct fixture *f, size_t epochs)
{
    for (size_t i = 0; i < epochs && !f->trainer.diverged; i++)
        trainer_epoch(&f->trainer);
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
    return buf;
}

/* needle is (present) or is not (!present) in the frame s. */
static void expect_text(const char *s, const char *needle, bool present)
{
    if ((strstr(s, needle) != NULL) != present)
    {
        printf("%s", s);
        fail_msg("\"%s\" %s the frame above", needle, present ? "not in" : "in");
    }
}

static struct train_config config(double lr, enum activation act, enum loss loss)
{
    struct train_config cfg = train_config_default();
    cfg.lr = lr;
    cfg.activation = act;
    cfg.loss = loss;
    return cfg;
}

/* Three raw Iris features: the panel lists w1 .. w3 and b with their
 * terms; the plotted plane holds the third column at its mean. */
static void test_three_inputs(void **state)
{
    (void)state;
    struct selection sel = {
        .x_column = "sepal_length", .y_column = "petal_length",
        .features = "sepal_length,petal_length,petal_width", .label_column = "species",
        .class_a = "versicolor", .class_b = "virginica",
    };
    struct train_config cfg = config(0.1, ACT_SIGMOID, LOSS_BCE);
    struct fixture *f = start(NULL, &sel, &cfg);
    train(f, 300);
    char *s = render(f, 120, 40, true);
    expect_text(s, "z = w·(3 inputs) + b", true);
    expect_text(s, "w1  = ", true);
    expect_text(s, "petal_width", true);
    expect_text(s, "∂C/∂b", true);
    expect_text(s, "held at mean: petal_width 1.676", true);
    support_golden("terms3_neuron_120x40", s);
    free(s);
    finish(f);
}

/* More parameters than rows: the last row says how many are left out. */
static void test_elided(void **state)
{
    (void)state;
    struct selection sel = {
        .x_column = "x1", .y_column = "x2", .label_column = "label",
        .features = "x1,x2,x1*x2,x1^2,x2^2,x1^3,x2^3,x1^2*x2,x1*x2^2,sin(x1),sin(x2),"
                    "x1^4,x2^4,x1^5,x2^5,x1^6",
        .class_a = "0", .class_b = "1",
    };
    struct train_config cfg = config(0.01, ACT_SIGMOID, LOSS_BCE);
    struct fixture *f = start(generated("spiral", 100, 0.1), &sel, &cfg);
    train(f, 5);
    char *s = render(f, 80, 24, true);
    expect_text(s, "... ", true);
    expect_text(s, " more (w", true);
    expect_text(s, "x1^6", false);
    free(s);
    finish(f);
}

struct circle_ctx {
    const struct trainer *t;
};

/* The circle with x1^2, x2^2: a closed curve, not a line, whose every
 * dot has a = 0.5 between it and a neighbouring dot. */
static void test_circle_boundary(void **state)
{
    (void)state;
    struct selection sel = {
        .x_column = "x1", .y_column = "x2", .label_column = "label",
        .features = "x1^2,x2^2", .class_a = "0", .class_b = "1", .standardize = true,
    };
    struct train_config cfg = config(0.5, ACT_SIGMOID, LOSS_BCE);
    struct fixture *f = start(generated("circle", 200, 0), &sel, &cfg);
    train(f, 400);
    assert_true(trainer_accuracy(&f->trainer) > 0.95);
    char *s = render(f, 120, 40, true);
    support_golden("terms_circle_120x40", s);
    free(s);
    s = render(f, 120, 40, false);
    support_golden("terms_circle_120x40_ascii", s);
    free(s);
    /* The curve's dots: inside the scatter, braille cells on both sides of
     * the centre in every direction. */
    int left = 0, right = 0, top = 0, bottom = 0;
    f->canvas.utf8 = true;
    assert_true(canvas_resize(&f->canvas, 120, 40));
    views_render(&f->canvas, &f->view);
    for (int y = 3; y < 22; y++)
        for (int x = 8; x < 68; x++) {
            const struct cell *cell = canvas_cell_const(&f->canvas, x, y);
            if (cell->kind != CELL_BRAILLE)
                continue;
            left += x < 30;
            right += x > 45;
            top += y < 8;
            bottom += y > 15;
        }
    assert_true(left > 3 && right > 3 && top > 3 && bottom > 3);
    finish(f);
}

/* --features x1,x2 is the plain neuron: the same straight line as
 * without --features. */
static void test_affine_line(void **state)
{
    (void)state;
    struct selection plain = {"sepal_length", "petal_length", .label_column = "species",
                              .class_a = "setosa", .class_b = "versicolor"};
    struct selection terms = plain;
    terms.features = "sepal_length,petal_length";
    struct train_config cfg = train_config_default();
    struct fixture *a = start(NULL, &plain, &cfg);
    struct fixture *b = start(NULL, &terms, &cfg);
    train(a, 100);
    train(b, 100);
    char *sa = render(a, 80, 24, true);
    char *sb = render(b, 80, 24, true);
    /* the scatter's rows (the left 46 columns of rows 1..13) agree */
    const char *pa = sa, *pb = sb;
    for (int row = 0; row < 14; row++) {
        assert_memory_equal(pa, pb, 40);
        pa = strchr(pa, '\n') + 1;
        pb = strchr(pb, '\n') + 1;
    }
    free(sa);
    free(sb);
    finish(a);
    finish(b);
}

/* Regression on gen:line with one input: the target against x1 and the
 * fitted line; r2 in the neuron panel. */
static void test_regression_one_input(void **state)
{
    (void)state;
    struct selection sel = {.x_column = "x1", .y_column = "x1", .features = "x1",
                            .target_column = "y"};
    struct train_config cfg = config(0.01, ACT_LINEAR, LOSS_MSE);
    struct fixture *f = start(generated("line", 60, 0.05), &sel, &cfg);
    train(f, 200);
    char *s = render(f, 120, 40, true);
    expect_text(s, "data: y against x1", true);
    expect_text(s, "r2 0.9", true);
    support_golden("regression_line_120x40", s);
    free(s);
    finish(f);
}

/* Regression with two inputs: the points by the target's step. */
static void test_regression_two_inputs(void **state)
{
    (void)state;
    struct selection sel = {.x_column = "x1", .y_column = "x2", .features = "x1,x2",
                            .target_column = "y"};
    struct train_config cfg = config(0.01, ACT_LINEAR, LOSS_MSE);
    struct fixture *f = start(generated("plane", 100, 0), &sel, &cfg);
    train(f, 100);
    char *s = render(f, 120, 40, true);
    expect_text(s, "0..4 y: ", true);
    expect_text(s, "4", true);
    free(s);
    finish(f);
}

/* A test split: test points with their own glyphs, test accuracy, the
 * test cost beside the training cost; t hides them. */
static void test_test_split(void **state)
{
    (void)state;
    struct selection sel = {
        .x_column = "x1", .y_column = "x2", .label_column = "label",
        .features = "x1,x2,x1*x2,x1^2,x2^2,x1^3,x2^3", .class_a = "0", .class_b = "1",
        .test_fraction = 0.3, .seed = 1, .standardize = true,
    };
    struct train_config cfg = config(0.2, ACT_SIGMOID, LOSS_BCE);
    cfg.batch = 8;
    struct fixture *f = start(generated("spiral", 200, 0.3), &sel, &cfg);
    assert_int_equal(f->data.n_test, 60);
    train(f, 150);
    char *s = render(f, 120, 40, true);
    expect_text(s, "◦ + test", true);
    expect_text(s, "   test ", true);
    expect_text(s, "test cost", true);
    support_golden("terms_test_curve_120x40", s);
    free(s);
    f->view.test_hidden = true;
    s = render(f, 120, 40, true);
    expect_text(s, "◦ + test", false);
    expect_text(s, "test cost", false);
    free(s);
    finish(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_three_inputs),
        cmocka_unit_test(test_elided),
        cmocka_unit_test(test_circle_boundary),
        cmocka_unit_test(test_affine_line),
        cmocka_unit_test(test_regression_one_input),
        cmocka_unit_test(test_regression_two_inputs),
        cmocka_unit_test(test_test_split),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
