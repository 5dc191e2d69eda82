/* test_views_network.c - the screen of a network with a hidden layer, as
 * text: each hidden unit's line u_j = 0 in the data panel lies where u_j
 * changes sign and carries its number; the boundary a = 0.5 follows the
 * network; the neuron panel becomes the diagram (edges by sign and size,
 * the picked unit's formula with the weights' own numbers, heatmaps where
 * there is room and a line saying so where there is not); identical
 * units are said to be symmetric. Run from the repository root. */
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
#include "landscape.h"
#include "network.h"
#include "trainer.h"
#include "views.h"

struct fixture {
    struct table table;
    struct dataset data;
    struct trainer trainer;
    struct bowl bowl;
    struct view_state view;
    struct canvas canvas;
    struct landscape *landscape;
};

/* XOR (data/xor.csv) with hidden units of activation g and the given
 * parameters (in the documented order). */
static struct fixture *start_xor(size_t hidden, enum hidden_activation g,
                                 const double *theta, size_t count)
{
    struct fixture *f = calloc(1, sizeof *f);
    char err[256] = "";
    assert_non_null(f);
    if (!table_load_file("data/xor.csv", &f->table, err, sizeof err))
        fail_msg("%s", err);
    struct selection sel = {
        .x_column = "x1", .y_column = "x2", .label_column = "y",
        .class_a = "0", .class_b = "1",
    };
    if (!dataset_select(&f->table, &sel, &f->data, err, sizeof err))
        fail_msg("%s", err);
    struct train_config cfg = train_config_default();
    cfg.hidden = hidden;
    cfg.hidden_activation = g;
    assert_true(trainer_init(&f->trainer, &f->data, &cfg));
    assert_int_equal(f->trainer.nparams, count);
    memcpy(f->trainer.theta, theta, count * sizeof *theta);
    bowl_start(&f->bowl, 5, 5, cfg.lr);
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
    free(f);
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
    if (getenv("DESCENT_SHOW"))
        printf("%s", buf);
    return buf;
}

/* needle is (present) or is not (!present) in the frame s. */
static void expect_text(const char *s, const char *needle, bool present)
{
    if ((strstr(s, needle) != NULL) != present) {
        printf("%s", s);
        fail_msg("\"%s\" %s the frame above", needle, present ? "not in" : "in");
    }
}

/* The text of columns [x0, x1) of rows [y0, y1) of an ASCII frame, rows
 * joined by newlines, into buf. */
static void cut(const char *frame, int x0, int x1, int y0, int y1, char *buf, size_t size)
{
    size_t at = 0;
    int row = 0;
    const char *line = frame;
    while (*line && row < y1) {
        const char *end = strchr(line, '\n');
        int len = end ? (int)(end - line) : (int)strlen(line);
        if (row >= y0) {
            for (int x = x0; x < x1 && x < len && at + 2 < size; x++)
                buf[at++] = line[x];
            buf[at++] = '\n';
        }
        row++;
        line = end ? end + 1 : line + len;
    }
    buf[at] = '\0';
}

/* XOR by two tanh units: h1 is about OR, h2 about AND, and the output
 * fires for OR and not AND. */
static const double xor_weights[9] = {
    4, 4, -2,       /* h1 */
    4, 4, -6,       /* h2 */
    4, -4, -2,      /* output */
};

/* The diagram at 160x50 and 80x24 (their golden frames are
 * tests/golden.sh's network_xor_*), the formula of the output
 * and of a picked unit with the weights' own numbers. */
static void test_diagram_xor(void **state)
{
    (void)state;
    struct fixture *f = start_xor(2, HIDDEN_TANH, xor_weights, 9);
    char *s = render(f, 160, 50, true);
    expect_text(s, "network: 2-2-1, tanh units", true);
    expect_text(s, "a = sigmoid(4.0000·h1 − 4.0000·h2 − 2.0000)", true);
    expect_text(s, "accuracy 100.0% (4 of 4)", true);
    expect_text(s, "█+ █+ █− ▶ 1 tanh", true);
    expect_text(s, "heatmaps: widen", false);
    expect_text(s, "line: a = 0.5, dots 1-2: u = 0", true);
    free(s);
    f->view.unit = 2;
    s = render(f, 160, 50, true);
    expect_text(s, "h2 = tanh(4.0000·x1 + 4.0000·x2 − 6.0000)", true);
    free(s);
    f->view.unit = 0;
    s = render(f, 80, 24, true);
    expect_text(s, "heatmaps: widen the terminal", true);
    expect_text(s, "a = sigmoid(4.00·h1 − 4.00·h2 −", true);
    free(s);
    s = render(f, 80, 24, false);
    expect_text(s, "#+ #+ #- > 1 tanh", true);
    expect_text(s, "a = sigmoid(4.00*h1 - 4.00*h2 -", true);
    free(s);
    finish(f);
}

/* Edges by size and sign: |w| < 0.5 thin, < 2 medium, else thick; zero
 * is dim "0"; in ASCII - = #. */
static void test_edge_glyphs(void **state)
{
    (void)state;
    const double theta[5] = {0.1, -1.0, 3.0, 0.0, 0.25};
    struct fixture *f = start_xor(1, HIDDEN_RELU, theta, 5);
    char *s = render(f, 160, 50, true);
    expect_text(s, "─+ ━− █+ ▶ 1 relu", true);
    expect_text(s, "─0┬▶ a sigmoid", false); /* one unit: no fork */
    expect_text(s, "─0─▶ a sigmoid b─+", true);
    free(s);
    s = render(f, 160, 50, false);
    expect_text(s, "-+ =- #+ > 1 relu", true);
    free(s);
    finish(f);
}

/* Identical units (zeros) are said to be symmetric; one differing
 * parameter ends it. */
static void test_symmetry(void **state)
{
    (void)state;
    double theta[13] = {0};
    struct fixture *f = start_xor(3, HIDDEN_TANH, theta, 13);
    char *s = render(f, 160, 50, true);
    expect_text(s, "all units are the same: each gets the same gradient (symmetry),", true);
    free(s);
    s = render(f, 80, 24, true);
    expect_text(s, "all units equal: same gradient,", true);
    expect_text(s, "never differ (symmetry). i: init", true);
    free(s);
    f->trainer.theta[4] = 0.5; /* unit 2's second weight */
    s = render(f, 160, 50, true);
    expect_text(s, "symmetry", false);
    free(s);
    finish(f);
}

/* Eight units at 80x24: the rows that fit, and a line naming the rest. */
static void test_eight_units_small(void **state)
{
    (void)state;
    double theta[33];
    for (size_t k = 0; k < 33; k++)
        theta[k] = (double)k / 10.0 - 1.5;
    struct fixture *f = start_xor(8, HIDDEN_TANH, theta, 33);
    char *s = render(f, 80, 24, true);
    expect_text(s, "network: 2-8-1, tanh units", true);
    expect_text(s, "▶ 2 tanh", true);
    expect_text(s, "▶ 3 tanh", false);
    expect_text(s, "units 3-8: enlarge", true);
    free(s);
    s = render(f, 160, 50, true);
    expect_text(s, "▶ 8 tanh", true);
    expect_text(s, "not shown", false);
    free(s);
    finish(f);
}

/* Unit lines: numbered where they cross the plot's edge; a unit whose
 * line misses the plot (u > 0 everywhere) has no number. */
static void test_unit_numbers(void **state)
{
    (void)state;
    double theta[9];
    memcpy(theta, xor_weights, sizeof theta);
    theta[5] = 100; /* h2's bias: u2 > 0 over the whole plane */
    struct fixture *f = start_xor(2, HIDDEN_TANH, theta, 9);
    char *s = render(f, 120, 40, false);
    char data[4096];
    cut(s, 5, 68, 2, 20, data, sizeof data); /* inside the data panel's axes */
    if (strchr(data, '1') == NULL || strchr(data, '2') != NULL) {
        printf("%s", data);
        fail_msg("want unit 1's number and not unit 2's in the data panel");
    }
    free(s);
    finish(f);
}

/* With no hidden layer the panel stays the neuron's. */
static void test_no_hidden(void **state)
{
    (void)state;
    const double theta[3] = {1, 1, -1.5};
    struct fixture *f = start_xor(0, HIDDEN_TANH, theta, 3);
    char *s = render(f, 80, 24, true);
    expect_text(s, "─ neuron ─", true);
    expect_text(s, "network:", false);
    expect_text(s, "dots 1-", false);
    free(s);
    finish(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_diagram_xor),
        cmocka_unit_test(test_edge_glyphs),
        cmocka_unit_test(test_symmetry),
        cmocka_unit_test(test_eight_units_small),
        cmocka_unit_test(test_unit_numbers),
        cmocka_unit_test(test_no_hidden),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
