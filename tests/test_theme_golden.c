/* test_theme_golden.c - golden frames with their colours: a few frames of
 * tests/golden.sh (NAME.txt, written there by --dump-frame) rendered here
 * again through the same control and views, their text checked against
 * NAME.txt and their style maps under the dark and the light theme
 * (canvas_styles.h) against NAME.dark.styles and NAME.light.styles;
 * DESCENT_GOLDEN=regenerate rewrites the .styles files (make golden).
 * Then, read back from those files: in light no cell of the separating
 * line, the right panel's drawing (the descent path, its marks and
 * arrow, the level curves) or either class is white, yellow or dim,
 * and in dark the line and the path are bold white and the second class
 * yellow (so the check can fail). Run from the repository root. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "canvas.h"
#include "canvas_styles.h"
#include "control.h"
#include "lesson.h"
#include "options.h"
#include "theme.h"
#include "util.h"
#include "views.h"

#include "test_support.h"

/* Frames of tests/golden.sh, with the same arguments. */
static const struct {
    const char *name, *args;
    int width, height;
} frames[] = {
    {"epoch100_80x24", "--dump-frame 80x24 --epochs 100", 80, 24},
    {"epoch100_120x40", "--dump-frame 120x40 --epochs 100", 120, 40},
    {"bowl_lr1.1_120x40", "--dump-frame 120x40 --lr 1.1 --epochs 12", 120, 40},
    {"landscape_cli_80x24", "--dump-frame 80x24 --epochs 100 --view landscape", 80, 24},
};
#define FRAME_COUNT (sizeof frames / sizeof frames[0])

static const enum theme themes[] = {THEME_DARK, THEME_LIGHT};

/* The frame --dump-frame draws for args, as frame_dump draws it. */
static void render(const char *args, struct canvas *canvas)
{
    char copy[256];
    char *argv[16];
    int argc = 0;
    snprintf(copy, sizeof copy, "descent %s", args);
    for (char *word = strtok(copy, " "); word && argc < 16; word = strtok(NULL, " "))
        argv[argc++] = word;
    struct options *o = malloc(sizeof *o);
    struct control *run = malloc(sizeof *run);
    assert_non_null(o);
    assert_non_null(run);
    char err[256];
    assert_true(options_parse(argc, argv, o, err, sizeof err));
    assert_true(lesson_use(o, err, sizeof err));
    assert_true(control_open(run, o, err, sizeof err));
    struct position limit = {o->epochs, 0};
    while (control_step_toward(run, limit))
        ;
    control_pause(run);
    assert_true(canvas_init(canvas, o->dump_width, o->dump_height, true));
    struct view_state v;
    control_view_state(run, &v);
    views_render(canvas, &v);
    control_close(run);
    free(run);
    free(o);
}

/* What canvas_dump or canvas_styles_dump writes (caller frees). */
static char *dump(const struct canvas *c, bool styles, enum theme theme)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    assert_non_null(out);
    assert_true(styles ? canvas_styles_dump(c, theme, out) : canvas_dump(c, out));
    assert_int_equal(fclose(out), 0);
    return buf;
}

/* The legend of canvas_styles.c, cell by cell, and how each theme
 * shows a cell (term.c's rules: half-blocks keep their colours but in
 * mono). */
static void test_marks(void **state)
{
    (void)state;
    struct canvas c;
    assert_true(canvas_init(&c, 12, 2, true));
    canvas_put(&c, 0, 0, "a", style_of(COLOUR_DEFAULT, 0));
    canvas_put(&c, 1, 0, "a", style_of(COLOUR_DEFAULT, ATTR_BOLD));
    canvas_put(&c, 2, 0, "a", style_of(COLOUR_WHITE, ATTR_BOLD));
    canvas_put(&c, 3, 0, "a", style_of(COLOUR_YELLOW, 0));
    canvas_put(&c, 4, 0, "a", style_of(COLOUR_BLUE, ATTR_DIM));
    canvas_put(&c, 5, 0, " ", style_of(COLOUR_YELLOW, ATTR_REVERSE));
    canvas_put(&c, 6, 0, " ", style_of(COLOUR_DEFAULT, ATTR_BOLD | ATTR_REVERSE));
    canvas_put(&c, 7, 0, " ", style_of(COLOUR_RED, ATTR_BOLD));  /* a blank */
    canvas_text(&c, 8, 0, -1, "漢", style_of(COLOUR_GREEN, ATTR_UNDERLINE));
    canvas_half_pixel(&c, 10, 0, COLOUR_WHITE);
    canvas_put(&c, 0, 1, "a", style_of(COLOUR_MAGENTA, ATTR_BOLD));
    canvas_put(&c, 1, 1, "a", style_of(COLOUR_CYAN, 0));
    canvas_put(&c, 2, 1, "a", style_of(COLOUR_BLACK, ATTR_BOLD));
    canvas_put(&c, 3, 1, "a", style_of(COLOUR_RED, 0));
    static const struct {
        enum theme theme;
        const char *rows;
    } want[] = {
        {THEME_DARK, ".*Wy-39 ggw\nMcKr\n"},
        {THEME_DETECT, ".*Wy-39 ggw\nMcKr\n"},
        {THEME_LIGHT, ".*Krb19 ggw\nMcKr\n"},
        {THEME_MONO, ".**.-99 ...\n*.*.\n"},
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        char *map = dump(&c, true, want[i].theme);
        assert_string_equal(map, want[i].rows);
        free(map);
    }
    assert_int_equal(canvas_styles_mark(&c, 9, 0, THEME_DARK), 'g'); /* 漢's second half */
    assert_int_equal(canvas_styles_mark(&c, 11, 0, THEME_DARK), ' ');
    assert_int_equal(canvas_styles_mark(&c, 12, 0, THEME_DARK), ' '); /* outside */
    assert_int_equal(canvas_styles_mark(&c, 0, -1, THEME_DARK), ' ');
    canvas_free(&c);
}

/* Each frame: its text is golden.sh's, its style maps the golden ones. */
static void test_style_maps(void **state)
{
    (void)state;
    for (size_t f = 0; f < FRAME_COUNT; f++) {
        struct canvas canvas;
        render(frames[f].args, &canvas);
        char path[256];
        snprintf(path, sizeof path, "tests/golden/%s.txt", frames[f].name);
        char *want = support_read_file(path);
        char *text = dump(&canvas, false, THEME_DARK);
        if (want == NULL || strcmp(want, text) != 0)
            fail_msg("%s is not the frame drawn here (make golden)", path);
        free(want);
        free(text);
        for (size_t t = 0; t < sizeof themes / sizeof themes[0]; t++) {
            snprintf(path, sizeof path, "tests/golden/%s.%s.styles", frames[f].name,
                     theme_name(themes[t]));
            char *map = dump(&canvas, true, themes[t]);
            support_golden_file(path, map);
            free(map);
        }
        canvas_free(&canvas);
    }
}

/* A golden frame read back: per cell its character (0 for the second
 * cell of a wide one) and its mark under one theme (' ' past a line). */
struct grid {
    int width, height;
    uint32_t *glyph;
    char *mark;
};

static uint32_t glyph_at(const struct grid *g, int x, int y)
{
    return x >= 0 && x < g->width && y >= 0 && y < g->height ? g->glyph[y * g->width + x] : 0;
}

static void grid_load(struct grid *g, size_t f, enum theme theme)
{
    g->width = frames[f].width;
    g->height = frames[f].height;
    size_t cells = (size_t)g->width * (size_t)g->height;
    g->glyph = calloc(cells, sizeof *g->glyph);
    g->mark = malloc(cells);
    assert_non_null(g->glyph);
    assert_non_null(g->mark);
    memset(g->mark, ' ', cells);

    char path[256];
    snprintf(path, sizeof path, "tests/golden/%s.txt", frames[f].name);
    char *text = support_read_file(path);
    assert_non_null(text);
    const char *p = text;
    for (int y = 0; y < g->height; y++) {
        int x = 0;
        while (*p != '\n') {
            uint32_t cp;
            int n = util_utf8_decode(p, strlen(p), &cp);
            assert_true(n > 0);
            assert_true(x < g->width);
            g->glyph[y * g->width + x] = cp;
            x += util_char_width(cp) == 2 ? 2 : 1;
            p += n;
        }
        p++;
    }
    assert_int_equal(*p, '\0');
    free(text);

    snprintf(path, sizeof path, "tests/golden/%s.%s.styles", frames[f].name,
             theme_name(theme));
    char *map = support_read_file(path);
    if (map == NULL)
        fail_msg("missing %s (make golden)", path);
    p = map;
    for (int y = 0; y < g->height; y++) {
        for (int x = 0; *p != '\n'; x++, p++) {
            assert_true(x < g->width);
            g->mark[y * g->width + x] = *p;
        }
        p++;
    }
    assert_int_equal(*p, '\0');
    free(map);
}

static void grid_free(struct grid *g)
{
    free(g->glyph);
    free(g->mark);
}

/* What a cell of the frame is drawn for, found by its glyph and panel. */
enum role { ROLE_OTHER, ROLE_LINE, ROLE_CLASS0, ROLE_CLASS1, ROLE_SURFACE, ROLE_COUNT };
static const char *const role_names[ROLE_COUNT] = {
    "rest", "separating line", "first class", "second class", "right panel's drawing",
};

static bool is_braille(uint32_t cp)
{
    return cp >= 0x2800 && cp <= 0x28FF;
}

/* The descent's marks: the start ○, the steps •, the point ●, arrows. */
static bool is_path_mark(uint32_t cp)
{
    return cp == 0x25CB || cp == 0x2022 || cp == 0x25CF || (cp >= 0x2190 && cp <= 0x21FF);
}

/* True when the cell at x starts or continues a run of printable ASCII
 * made only of o, x, O and X (a point, not a letter of a word such as
 * "setosa"). */
static bool is_class_mark(const struct grid *g, int x, int y)
{
    int from = x, to = x;
    while (from > 0 && glyph_at(g, from - 1, y) > ' ' && glyph_at(g, from - 1, y) < 0x7F)
        from--;
    while (glyph_at(g, to + 1, y) > ' ' && glyph_at(g, to + 1, y) < 0x7F)
        to++;
    for (int i = from; i <= to; i++)
        if (!strchr("oxOX", (int)glyph_at(g, i, y)))
            return false;
    return true;
}

/* The role of every cell: the data panel (top left, up to the first ┬ of
 * the top row, down to the ├ of the left edge) holds the line (braille)
 * and the classes (o O, x X); the right panel (from that ┬ to the last
 * ┐) the level curves and the path (braille, the path's marks). */
static void grid_roles(const struct grid *g, enum role *roles)
{
    int split = -1, right = -1, middle = -1;
    for (int x = 0; x < g->width; x++) {
        if (split < 0 && glyph_at(g, x, 0) == 0x252C)
            split = x;
        if (glyph_at(g, x, 0) == 0x2510)
            right = x;
    }
    for (int y = 0; y < g->height && middle < 0; y++)
        if (glyph_at(g, 0, y) == 0x251C)
            middle = y;
    assert_true(split > 0 && right > split && middle > 0);
    for (int y = 0; y < g->height; y++)
        for (int x = 0; x < g->width; x++) {
            uint32_t cp = glyph_at(g, x, y);
            enum role r = ROLE_OTHER;
            if (y > 0 && y < middle && x > 0 && x < split) {
                if (is_braille(cp))
                    r = ROLE_LINE;
                else if ((cp == 'o' || cp == 'O') && is_class_mark(g, x, y))
                    r = ROLE_CLASS0;
                else if ((cp == 'x' || cp == 'X') && is_class_mark(g, x, y))
                    r = ROLE_CLASS1;
            } else if (y > 0 && y < middle && x > split && x < right) {
                if (is_braille(cp) || is_path_mark(cp))
                    r = ROLE_SURFACE;
            }
            roles[y * g->width + x] = r;
        }
}

/* White, yellow (plain, bold or reversed) or dim: what a light
 * background swallows. */
static bool fades_on_light(char mark)
{
    return strchr("wWyY73-", mark) != NULL;
}

/* In light, none of the line, the classes and the right panel's drawing
 * fades; the line and the path's white become bold black, the second
 * class red, the first stays blue. */
static void test_light_keeps_what_matters(void **state)
{
    (void)state;
    for (size_t f = 0; f < FRAME_COUNT; f++) {
        struct grid g;
        grid_load(&g, f, THEME_LIGHT);
        enum role *roles = malloc((size_t)g.width * (size_t)g.height * sizeof *roles);
        assert_non_null(roles);
        grid_roles(&g, roles);
        size_t count[ROLE_COUNT] = {0};
        for (int i = 0; i < g.width * g.height; i++) {
            count[roles[i]]++;
            if (roles[i] == ROLE_OTHER)
                continue;
            char m = g.mark[i];
            if (fades_on_light(m))
                fail_msg("%s light: cell (%d, %d) of the %s is '%c'", frames[f].name,
                         i % g.width, i / g.width, role_names[roles[i]], m);
            if (roles[i] == ROLE_LINE)
                assert_int_equal(m, 'K');
            else if (roles[i] == ROLE_CLASS0)
                assert_true(m == 'B' || m == '4');
            else if (roles[i] == ROLE_CLASS1)
                assert_true(m == 'R' || m == '1');
        }
        /* each role was found: the check is about something */
        assert_true(count[ROLE_LINE] >= 10);
        assert_true(count[ROLE_CLASS0] >= 20);
        assert_true(count[ROLE_CLASS1] >= 20);
        assert_true(count[ROLE_SURFACE] >= 20);
        free(roles);
        grid_free(&g);
    }
}

/* The control: in dark the same cells are white, yellow or dim where
 * the palette draws them so (the line and the path bold white, the
 * second class yellow, the level curves of the bowl dim), and exactly
 * those cells change in light. */
static void test_dark_fades_them(void **state)
{
    (void)state;
    for (size_t f = 0; f < FRAME_COUNT; f++) {
        struct grid dark, light;
        grid_load(&dark, f, THEME_DARK);
        grid_load(&light, f, THEME_LIGHT);
        enum role *roles = malloc((size_t)dark.width * (size_t)dark.height * sizeof *roles);
        assert_non_null(roles);
        grid_roles(&dark, roles);
        size_t white_path = 0;
        for (int i = 0; i < dark.width * dark.height; i++) {
            char m = dark.mark[i];
            if (roles[i] == ROLE_LINE)
                assert_int_equal(m, 'W');
            else if (roles[i] == ROLE_CLASS0)
                assert_true(m == 'B' || m == '4');
            else if (roles[i] == ROLE_CLASS1)
                assert_true(m == 'Y' || m == '3');
            else if (roles[i] == ROLE_SURFACE && m == 'W')
                white_path++;
            /* light differs from dark only where dark fades */
            if (light.mark[i] != m)
                assert_true(fades_on_light(m));
        }
        assert_true(white_path >= 3);
        free(roles);
        grid_free(&dark);
        grid_free(&light);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_marks),
        cmocka_unit_test(test_style_maps),
        cmocka_unit_test(test_light_keeps_what_matters),
        cmocka_unit_test(test_dark_fades_them),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
