/* test_control_overlay.c - what opens over the screen, through the same
 * control the live program and the replay drive: the = prompt (the typed
 * rate applied to the bit, each kind of bad input refused with its
 * reason and the prompt kept open, Esc cancelling, keys typed rather
 * than acted on), Esc never quitting, z stepping through the panels and
 * Esc going back; the zoomed frames at 80x24 and the prompt's status
 * line as golden text (tests/golden/zoom_*.txt, prompt_*.txt;
 * DESCENT_GOLDEN=regenerate rewrites them), and clicks on a zoomed
 * panel. Run from the repository root. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "canvas.h"
#include "control.h"
#include "keymap.h"
#include "util.h"
#include "views.h"

#include "test_support.h"

/* A live run as it starts with no options (Iris, lr 0.5), paused. */
static int setup(void **state)
{
    struct options *o = malloc(sizeof *o);
    struct control *c = malloc(sizeof *c);
    assert_non_null(o);
    assert_non_null(c);
    options_defaults(o);
    char err[256];
    assert_true(control_open(c, o, err, sizeof err));
    control_pause(c);
    state[0] = c;
    return 0;
}

static int teardown(void **state)
{
    struct control *c = state[0];
    const struct options *o = c->start;
    control_close(c);
    free(c);
    free((void *)(uintptr_t)o);
    return 0;
}

static void type(struct control *c, const char *text)
{
    for (const char *p = text; *p; p++)
        control_key(c, (unsigned char)*p);
}

static void test_prompt_sets_lr(void **state)
{
    struct control *c = state[0];
    assert_int_equal(control_key(c, '='), CONTROL_REDRAW);
    assert_true(c->prompt.open);
    type(c, "0.03");
    assert_string_equal(c->prompt.text, "0.03");
    assert_int_equal(control_key(c, KEY_CODE_ENTER), CONTROL_REDRAW);
    assert_false(c->prompt.open);
    assert_true(util_same_bits(c->session.trainer.config.lr, 0.03));
    assert_true(util_same_bits(c->session.bowl.lr, 0.03)); /* the bowl restarts at it */
    assert_string_equal(c->notice, "lr 0.03 (typed)");
    /* the same rate again: nothing changes, and it says so */
    type(c, "= 3e-2 ");
    control_key(c, '\n');
    assert_false(c->prompt.open);
    assert_string_equal(c->notice, "lr stays 0.03");
}

/* Each bad input keeps the prompt open, says why and leaves lr alone. */
static void test_prompt_refuses(void **state)
{
    struct control *c = state[0];
    static const struct { const char *typed, *why; } bad[] = {
        {"", "type a number, e.g. 0.03"},
        {"abc", "not a number: type e.g. 0.03 or 2e-3"},
        {"0.1.2", "not a number: type e.g. 0.03 or 2e-3"},
        {"-1", "must be above 0"},
        {"0", "must be above 0"},
        {"1e-400", "must be above 0"},
        {"nan", "not finite: type a number such as 0.03"},
        {"inf", "not finite: type a number such as 0.03"},
        {"1e999", "too big: at most 1e+06"},
        {"2e6", "too big: at most 1e+06"},
        {"1e-7", "too small: at least 1e-06"},
    };
    control_key(c, '=');
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        do /* Backspace on an empty line still clears the reason */
            control_key(c, KEY_CODE_BACKSPACE);
        while (c->prompt.text[0] != '\0');
        assert_string_equal(c->prompt.error, "");
        type(c, bad[i].typed);
        control_key(c, KEY_CODE_ENTER);
        assert_true(c->prompt.open);
        assert_string_equal(c->prompt.error, bad[i].why);
        assert_true(util_same_bits(c->session.trainer.config.lr, 0.5));
    }
    /* typing clears the reason; the text is capped */
    control_key(c, KEY_CODE_BACKSPACE);
    assert_string_equal(c->prompt.error, "");
    type(c, "1111111111111111111111111111111");
    assert_int_equal(strlen(c->prompt.text), LR_PROMPT_MAX);
    assert_string_equal(c->prompt.error, "at most 24 characters");
}

/* While the prompt is open keys are typed, not acted on; Esc cancels. */
static void test_prompt_takes_keys_and_esc_cancels(void **state)
{
    struct control *c = state[0];
    control_key(c, '=');
    assert_int_equal(control_key(c, 'q'), CONTROL_REDRAW); /* typed: no quit */
    control_key(c, 'n');
    assert_int_equal(c->session.trainer.epoch, 0);          /* n did not train */
    assert_string_equal(c->prompt.text, "qn");
    assert_int_equal(control_key(c, KEY_CODE_LEFT), CONTROL_NONE);
    assert_int_equal(control_key(c, KEY_CODE_ESCAPE), CONTROL_REDRAW);
    assert_false(c->prompt.open);
    assert_string_equal(c->notice, "lr unchanged: 0.5");
    assert_true(util_same_bits(c->session.trainer.config.lr, 0.5));
}

/* Esc with nothing open says what it is for and never quits. */
static void test_esc_never_quits(void **state)
{
    struct control *c = state[0];
    unsigned r = control_key(c, KEY_CODE_ESCAPE);
    assert_false(r & CONTROL_QUIT);
    assert_string_equal(c->notice, "Esc closes the help, the lr prompt or a zoom; q quits");
    control_key(c, '?');
    assert_true(c->help);
    r = control_key(c, KEY_CODE_ESCAPE);
    assert_false(r & CONTROL_QUIT);
    assert_false(c->help);
    assert_true(control_key(c, 'q') & CONTROL_QUIT);
}

static void test_zoom_steps_and_esc_returns(void **state)
{
    struct control *c = state[0];
    static const enum zoom_panel order[] = {ZOOM_DATA, ZOOM_COST, ZOOM_NEURON,
                                            ZOOM_RIGHT, ZOOM_NONE};
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
        control_key(c, 'z');
        assert_int_equal(c->view.zoom, order[i]);
    }
    assert_string_equal(c->notice, "zoom off: every panel");
    control_key(c, 'z');
    control_key(c, 'z');
    assert_string_equal(c->notice, "zoom: cost plot (z: next, Esc: back)");
    control_key(c, KEY_CODE_ESCAPE);
    assert_int_equal(c->view.zoom, ZOOM_NONE);
}

/* The frame of c at w x h as text (caller frees). */
static char *render(const struct control *c, struct canvas *canvas, int w, int h)
{
    assert_true(canvas_init(canvas, w, h, true));
    struct view_state v;
    control_view_state(c, &v);
    views_render(canvas, &v);
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    assert_non_null(out);
    assert_true(canvas_dump(canvas, out));
    fclose(out);
    canvas_free(canvas);
    return buf;
}

static void train(struct control *c, size_t epochs)
{
    struct position stop = {epochs, 0};
    while (control_step_toward(c, stop))
        ;
}

/* Each panel zoomed at 80x24 after 100 epochs: one box over the whole
 * screen, with several ticks on each axis where it has axes. */
static void test_zoom_frames(void **state)
{
    struct control *c = state[0];
    train(c, 100);
    static const char *const names[] = {"zoom_data_80x24", "zoom_cost_80x24",
                                        "zoom_neuron_80x24", "zoom_right_80x24"};
    struct canvas canvas;
    for (size_t i = 0; i < 4; i++) {
        control_key(c, 'z');
        c->notice[0] = '\0';
        char *s = render(c, &canvas, 80, 24);
        /* one box: its corners at the screen's corners, above the status */
        assert_true(strncmp(s, "┌─ ", strlen("┌─ ")) == 0);
        assert_non_null(strstr(s, "┘\nepoch 100 "));
        support_golden(names[i], s);
        free(s);
    }
}

/* The prompt on the status line, with a refusal. */
static void test_prompt_frame(void **state)
{
    struct control *c = state[0];
    train(c, 20);
    type(c, "=0.o3");
    control_key(c, KEY_CODE_ENTER);
    c->notice[0] = '\0';
    struct canvas canvas;
    char *s = render(c, &canvas, 80, 24);
    assert_non_null(strstr(s, "\nlr = 0.o3_  not a number: type e.g. 0.03 or 2e-3 "
                              "(Enter applies, Esc cancels)\n"));
    support_golden("prompt_refused_80x24", s);
    free(s);
}

/* A click on the zoomed bowl is a point of the plane; on a panel that is
 * not shown, nothing. */
static void test_zoom_hits(void **state)
{
    struct control *c = state[0];
    struct view_state v;
    double x, y;
    size_t epoch;
    train(c, 10);
    c->view.zoom = ZOOM_RIGHT;
    control_view_state(c, &v);
    assert_true(views_bowl_point(&v, 80, 24, 40, 12, &x, &y));
    assert_false(views_cost_epoch(&v, 80, 24, 40, 12, &epoch));
    c->view.zoom = ZOOM_COST;
    control_view_state(c, &v);
    assert_false(views_bowl_point(&v, 80, 24, 40, 12, &x, &y));
    assert_true(views_cost_epoch(&v, 80, 24, 40, 12, &epoch));
    assert_true(epoch >= 1 && epoch <= 10);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_prompt_sets_lr, setup, teardown),
        cmocka_unit_test_setup_teardown(test_prompt_refuses, setup, teardown),
        cmocka_unit_test_setup_teardown(test_prompt_takes_keys_and_esc_cancels, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_esc_never_quits, setup, teardown),
        cmocka_unit_test_setup_teardown(test_zoom_steps_and_esc_returns, setup, teardown),
        cmocka_unit_test_setup_teardown(test_zoom_frames, setup, teardown),
        cmocka_unit_test_setup_teardown(test_prompt_frame, setup, teardown),
        cmocka_unit_test_setup_teardown(test_zoom_hits, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
