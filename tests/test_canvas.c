/* test_canvas.c - the memory canvas and the plots drawn into it: braille
 * bits, line ends, clipping of NaN/Inf/huge coordinates, text clipping,
 * joined boxes, wide (CJK) characters in two cells, the dump's trimming
 * and the ASCII fallbacks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "canvas.h"
#include "plot.h"

#define PLAIN style_of(COLOUR_DEFAULT, 0)

/* The dump of a canvas as a string (caller frees). */
static char *dump(const struct canvas *c)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    assert_true(canvas_dump(c, f));
    fclose(f);
    return buf;
}

static const char *glyph(const struct canvas *c, int x, int y)
{
    const struct cell *cell = canvas_cell_const(c, x, y);
    assert_non_null(cell);
    return cell->glyph;
}

static size_t count_lines(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += *s == '\n';
    return n;
}

static void test_init_sizes(void **state)
{
    (void)state;
    struct canvas c;
    assert_true(canvas_init(&c, 0, 0, true));
    char *s = dump(&c);
    assert_string_equal(s, "");
    free(s);
    assert_true(canvas_resize(&c, -5, 3));
    assert_int_equal(c.width, 0);
    assert_int_equal(c.height, 3);
    s = dump(&c);
    assert_string_equal(s, "\n\n\n");
    free(s);
    assert_true(canvas_resize(&c, 3, 2));
    assert_string_equal(glyph(&c, 2, 1), " ");
    assert_null(canvas_cell(&c, 3, 0));
    assert_null(canvas_cell(&c, -1, 0));
    canvas_free(&c);
    canvas_free(&c);
}

static void test_braille_bits(void **state)
{
    (void)state;
    struct canvas c;
    assert_true(canvas_init(&c, 2, 1, true));
    canvas_dot(&c, NULL, 0, 0, PLAIN);
    assert_string_equal(glyph(&c, 0, 0), "⠁");     /* U+2801 */
    canvas_dot(&c, NULL, 1, 3, PLAIN);
    assert_string_equal(glyph(&c, 0, 0), "⢁");     /* U+2881 */
    for (int dy = 0; dy < 4; dy++)
        for (int dx = 2; dx < 4; dx++)
            canvas_dot(&c, NULL, dx, dy, PLAIN);
    assert_string_equal(glyph(&c, 1, 0), "⣿");     /* U+28FF */
    assert_int_equal(canvas_cell(&c, 1, 0)->dots, 0xFF);
    /* Outside: ignored. */
    canvas_dot(&c, NULL, 4, 0, PLAIN);
    canvas_dot(&c, NULL, -1, 0, PLAIN);
    canvas_dot(&c, NULL, 0, 4, PLAIN);
    canvas_free(&c);
}

static void test_ascii_dots(void **state)
{
    (void)state;
    struct canvas c;
    assert_true(canvas_init(&c, 3, 1, false));
    canvas_dot(&c, NULL, 0, 0, PLAIN);
    canvas_dot(&c, NULL, 2, 3, PLAIN);
    canvas_dot(&c, NULL, 4, 1, PLAIN);
    canvas_dot(&c, NULL, 5, 2, PLAIN);
    assert_string_equal(glyph(&c, 0, 0), "'");
    assert_string_equal(glyph(&c, 1, 0), ".");
    assert_string_equal(glyph(&c, 2, 0), ":");
    canvas_free(&c);
}

static void test_line_ends(void **state)
{
    (void)state;
    struct canvas c;
    assert_true(canvas_init(&c, 10, 5, true));
    canvas_line(&c, NULL, 1.2, 2.7, 14.9, 17.1, PLAIN);
    /* Both end dots are set. */
    assert_true(canvas_cell(&c, 0, 0)->dots & 0x20);   /* dot (1, 2) */
    assert_true(canvas_cell(&c, 7, 4)->dots & 0x02);   /* dot (14, 17) */
    /* A horizontal line covers every dot column of its row. */
    canvas_clear(&c);
    canvas_line(&c, NULL, 0, 0, 19, 0, PLAIN);
    for (int x = 0; x < 10; x++)
        assert_string_equal(glyph(&c, x, 0), "⠉");
    canvas_free(&c);
}

static void test_line_clipping(void **state)
{
    (void)state;
    struct canvas c;
    assert_true(canvas_init(&c, 10, 5, true));
    canvas_line(&c, NULL, NAN, 0, 5, 5, PLAIN);
    canvas_line(&c, NULL, 0, INFINITY, 5, 5, PLAIN);
    canvas_line(&c, NULL, -INFINITY, 1, INFINITY, 1, PLAIN);
    canvas_line(&c, NULL, 1e300, 1e300, -1e300, -1e300, PLAIN);
    canvas_line(&c, NULL, 1e308, -1e308, -1e308, 1e308, PLAIN);
    canvas_clear(&c);
    /* A long diagonal, clipped before rounding. */
    canvas_line(&c, NULL, 1e15, 1e15, -1e15, -1e15, PLAIN);
    assert_string_equal(glyph(&c, 0, 0), "⠑");
    assert_string_equal(glyph(&c, 4, 2), "⠑");
    canvas_clear(&c);
    /* Huge horizontal line: the whole row. */
    canvas_line(&c, NULL, -1e300, 4, 1e300, 4, PLAIN);
    for (int x = 0; x < 10; x++)
        assert_string_equal(glyph(&c, x, 1), "⠉");
    /* Clip rectangle. */
    canvas_clear(&c);
    struct rect clip = {2, 1, 3, 2};
    canvas_line(&c, &clip, -100, 6, 100, 6, PLAIN);
    assert_string_equal(glyph(&c, 1, 1), " ");
    assert_string_equal(glyph(&c, 2, 1), "⠤");
    assert_string_equal(glyph(&c, 4, 1), "⠤");
    assert_string_equal(glyph(&c, 5, 1), " ");
    canvas_dot_at(&c, NULL, NAN, 1, PLAIN);
    canvas_dot_at(&c, NULL, 1e300, 1, PLAIN);
    canvas_dot_at(&c, NULL, -0.5, 1, PLAIN);
    assert_int_equal(canvas_clamp_int(NAN, -3, 3), -3);
    assert_int_equal(canvas_clamp_int(1e300, -3, 3), 3);
    assert_int_equal(canvas_clamp_int(-INFINITY, -3, 3), -3);
    assert_int_equal(canvas_clamp_int(1.7, -3, 3), 1);
    canvas_free(&c);
}

static void test_ascii_line_slopes(void **state)
{
    (void)state;
    struct canvas c;
    assert_true(canvas_init(&c, 8, 4, false));
    canvas_line(&c, NULL, 0, 1, 15, 1, PLAIN);
    assert_string_equal(glyph(&c, 3, 0), "-");
    canvas_line(&c, NULL, 1, 0, 1, 15, PLAIN);
    assert_string_equal(glyph(&c, 0, 2), "|");
    canvas_clear(&c);
    canvas_line(&c, NULL, 0, 15, 15, 0, PLAIN);
    assert_string_equal(glyph(&c, 0, 3), "/");
    canvas_free(&c);
}

static void test_text_clipping(void **state)
{
    (void)state;
    struct canvas c;
    assert_true(canvas_init(&c, 6, 2, true));
    int w = canvas_text(&c, -2, 0, -1, "hello!!", PLAIN);
    assert_int_equal(w, 7);
    char *s = dump(&c);
    assert_string_equal(s, "llo!!\n\n");
    free(s);
    canvas_clear(&c);
    canvas_text(&c, 3, 1, 2, "∂C/∂w", PLAIN);
    canvas_text(&c, 0, 5, -1, "off the canvas", PLAIN);
    s = dump(&c);
    assert_string_equal(s, "\n   ∂C\n");
    free(s);
    assert_int_equal(canvas_text_width("z = w·x²"), 8);
    /* Invalid UTF-8 and controls become '?'. */
    canvas_clear(&c);
    canvas_text(&c, 0, 0, -1, "a\xff\tb", PLAIN);
    s = dump(&c);
    assert_string_equal(s, "a??b\n\n");
    free(s);
    canvas_free(&c);
}

static void test_ascii_text(void **state)
{
    (void)state;
    struct canvas c;
    assert_true(canvas_init(&c, 12, 1, false));
    canvas_text(&c, 0, 0, -1, "w·x ∂ é", PLAIN);
    char *s = dump(&c);
    assert_string_equal(s, "w*x d ?\n");
    free(s);
    canvas_free(&c);
}

/* The dump's line y (0-based), without its newline (caller frees). */
static char *dump_line(const struct canvas *c, int y)
{
    char *all = dump(c);
    char *p = all;
    for (int i = 0; i < y; i++)
        p = strchr(p, '\n') + 1;
    size_t n = strcspn(p, "\n");
    char *line = strndup(p, n);
    free(all);
    return line;
}

/* A caption with CJK characters: each takes two cells, the second a
 * continuation cell with an empty glyph; the dump writes the glyph once,
 * so what follows stays in its column. */
static void test_wide_characters(void **state)
{
    (void)state;
    struct canvas c;
    assert_true(canvas_init(&c, 12, 3, true));
    assert_int_equal(canvas_text_width("梯度下降"), 8);
    assert_int_equal(canvas_text_width("e\xcc\x81"), 1);  /* e + combining acute */
    assert_int_equal(canvas_text(&c, 0, 0, -1, "a梯度b", PLAIN), 6);
    assert_string_equal(glyph(&c, 0, 0), "a");
    assert_string_equal(glyph(&c, 1, 0), "梯");
    assert_string_equal(glyph(&c, 2, 0), "");
    assert_string_equal(glyph(&c, 3, 0), "度");
    assert_string_equal(glyph(&c, 4, 0), "");
    assert_string_equal(glyph(&c, 5, 0), "b");
    canvas_text(&c, 0, 1, -1, "abcdefghij|", PLAIN);
    char *s = dump(&c);
    assert_string_equal(s, "a梯度b\nabcdefghij|\n\n");
    free(s);
    /* a marker after the caption lines up with column 6 of a plain row */
    canvas_put(&c, 6, 0, "|", PLAIN);
    canvas_put(&c, 6, 1, "|", PLAIN);
    char *top = dump_line(&c, 0), *mid = dump_line(&c, 1);
    assert_string_equal(top, "a梯度b|");
    assert_string_equal(mid, "abcdef|hij|");
    free(top);
    free(mid);

    /* Overwriting either half blanks the other half. */
    canvas_put(&c, 1, 0, "x", PLAIN);   /* the first half of 梯 */
    assert_string_equal(glyph(&c, 2, 0), " ");
    canvas_put(&c, 4, 0, "y", PLAIN);   /* the continuation of 度 */
    assert_string_equal(glyph(&c, 3, 0), " ");
    top = dump_line(&c, 0);
    assert_string_equal(top, "ax  yb|");
    free(top);
    canvas_dot(&c, NULL, 0, 8, PLAIN);  /* a dot over a wide character too */
    canvas_text(&c, 0, 2, -1, "漢", PLAIN);
    canvas_dot(&c, NULL, 2, 8, PLAIN);  /* its continuation cell */
    assert_string_equal(glyph(&c, 0, 2), " ");

    /* At the right edge or the width limit: a blank instead of half. */
    canvas_clear(&c);
    assert_int_equal(canvas_text(&c, 9, 0, -1, "ab漢", PLAIN), 4);
    assert_string_equal(glyph(&c, 11, 0), " ");
    assert_int_equal(canvas_text(&c, 0, 1, 3, "ab漢c", PLAIN), 5);
    assert_string_equal(glyph(&c, 2, 1), " ");
    assert_string_equal(glyph(&c, 3, 1), " ");
    /* Zero-width characters are dropped. */
    canvas_text(&c, 0, 2, -1, "e\xcc\x81!", PLAIN);
    assert_string_equal(glyph(&c, 0, 2), "e");
    assert_string_equal(glyph(&c, 1, 2), "!");
    s = dump(&c);
    assert_string_equal(s, "         ab\nab\ne!\n");
    free(s);
    canvas_free(&c);

    /* ASCII: a wide character is "??", two cells. */
    assert_true(canvas_init(&c, 8, 1, false));
    canvas_text(&c, 0, 0, -1, "a漢b", PLAIN);
    s = dump(&c);
    assert_string_equal(s, "a??b\n");
    free(s);
    canvas_free(&c);
}

static void test_dump_trims(void **state)
{
    (void)state;
    struct canvas c;
    assert_true(canvas_init(&c, 5, 3, true));
    canvas_text(&c, 0, 0, -1, "ab", PLAIN);
    canvas_text(&c, 1, 2, -1, "c", PLAIN);
    canvas_put(&c, 4, 1, " ", PLAIN);
    char *s = dump(&c);
    assert_string_equal(s, "ab\n\n c\n");
    assert_int_equal(count_lines(s), 3);
    free(s);
    canvas_free(&c);
}

static void test_boxes_join(void **state)
{
    (void)state;
    struct canvas c;
    assert_true(canvas_init(&c, 9, 3, true));
    canvas_box(&c, (struct rect){0, 0, 5, 3}, NULL, PLAIN);
    canvas_box(&c, (struct rect){4, 0, 5, 3}, NULL, PLAIN);
    char *s = dump(&c);
    assert_string_equal(s, "┌───┬───┐\n│   │   │\n└───┴───┘\n");
    free(s);
    canvas_free(&c);
    assert_true(canvas_init(&c, 12, 2, false));
    canvas_box(&c, (struct rect){0, 0, 12, 2}, "title", PLAIN);
    s = dump(&c);
    assert_string_equal(s, "+- title --+\n+----------+\n");
    free(s);
    canvas_free(&c);
}

static void test_half_blocks(void **state)
{
    (void)state;
    struct canvas c;
    assert_true(canvas_init(&c, 2, 1, true));
    canvas_half_pixel(&c, 0, 0, COLOUR_BLUE);
    canvas_half_pixel(&c, 0, 1, COLOUR_YELLOW);
    canvas_half_pixel(&c, 1, 0, COLOUR_RED);
    canvas_half_pixel(&c, 1, 1, COLOUR_RED);
    const struct cell *a = canvas_cell_const(&c, 0, 0);
    assert_string_equal(a->glyph, "▀");
    assert_int_equal(a->fg, COLOUR_BLUE);
    assert_int_equal(a->bg, COLOUR_YELLOW);
    assert_string_equal(glyph(&c, 1, 0), "█");
    canvas_half_pixel(&c, 5, 0, COLOUR_RED);
    canvas_half_pixel(&c, 0, -1, COLOUR_RED);
    canvas_half_pixel(&c, 0, 2, COLOUR_RED);
    canvas_free(&c);
}

/* ---------- plots ---------- */

static void test_plot_line_cases(void **state)
{
    (void)state;
    struct canvas c;
    struct plot p;
    assert_true(canvas_init(&c, 20, 10, true));
    plot_init(&p, (struct rect){0, 0, 20, 10}, -1, 1, -1, 1);
    assert_false(plot_line(&c, &p, 0, 0, 1, PLAIN));
    assert_false(plot_line(&c, &p, NAN, 1, 0, PLAIN));
    assert_false(plot_line(&c, &p, 1, INFINITY, 0, PLAIN));
    assert_false(plot_line(&c, &p, 1e300, 1e-300, 1e308, PLAIN));
    assert_false(plot_line(&c, &p, 0, 1, -5, PLAIN));   /* y = 5: outside */
    char *s = dump(&c);
    for (char *q = s; *q; q++)
        assert_true(*q == '\n');
    free(s);
    /* Vertical line x = 0 (w2 = 0) fills one dot column top to bottom. */
    assert_true(plot_line(&c, &p, 2, 0, 0, PLAIN));
    int cells = 0;
    for (int y = 0; y < 10; y++)
        for (int x = 0; x < 20; x++)
            cells += canvas_cell(&c, x, y)->kind == CELL_BRAILLE;
    assert_int_equal(cells, 10);
    /* Huge but proportional weights: the diagonal. */
    canvas_clear(&c);
    assert_true(plot_line(&c, &p, 1e300, -1e300, 0, PLAIN));
    assert_int_equal(canvas_cell(&c, 0, 9)->kind, CELL_BRAILLE);
    assert_int_equal(canvas_cell(&c, 19, 0)->kind, CELL_BRAILLE);
    canvas_free(&c);
}

static void test_plot_arrow(void **state)
{
    (void)state;
    struct canvas c;
    struct plot p;
    assert_true(canvas_init(&c, 30, 10, true));
    plot_init(&p, (struct rect){0, 0, 30, 10}, -1, 1, -1, 1);
    plot_arrow(&c, &p, 100, 0, PLAIN);
    char *s = dump(&c);
    assert_non_null(strstr(s, "→"));
    assert_non_null(strstr(s, "(100, 0)"));
    free(s);
    canvas_clear(&c);
    plot_arrow(&c, &p, -INFINITY, -INFINITY, PLAIN);
    s = dump(&c);
    assert_non_null(strstr(s, "↙"));
    assert_non_null(strstr(s, "(-inf, -inf)"));
    free(s);
    canvas_clear(&c);
    plot_arrow(&c, &p, NAN, 1, PLAIN);
    plot_arrow(&c, &p, 0, 0, PLAIN);    /* inside: nothing */
    plot_arrow(&c, &p, 1e308, -1e308, PLAIN);
    s = dump(&c);
    assert_non_null(strstr(s, "(nan, 1)"));
    free(s);
    canvas_free(&c);
}

static void test_plot_cost_marks_bad(void **state)
{
    (void)state;
    struct canvas c;
    double r[40];   /* a plain array: point i at position i */
    for (size_t i = 0; i < 40; i++)
        r[i] = 1.0 / (double)(i + 1);
    r[39] = NAN;
    r[38] = INFINITY;
    struct plot_series series = {r, NULL, 40, sizeof r[0], 0};
    struct plot_series empty = {r, NULL, 0, sizeof r[0], 0};
    struct cost_style st = {PLAIN, PLAIN, PLAIN};
    assert_true(canvas_init(&c, 40, 10, true));
    plot_cost(&c, (struct rect){0, 0, 40, 10}, &series, true, &st);
    char *s = dump(&c);
    assert_non_null(strstr(s, "!"));
    assert_non_null(strstr(s, "0.02632"));   /* min label: 1/38 */
    assert_non_null(strstr(s, "1┐"));       /* max label on the axis */
    free(s);
    canvas_clear(&c);
    plot_cost(&c, (struct rect){0, 0, 40, 10}, &empty, true, &st);
    s = dump(&c);
    assert_non_null(strstr(s, "no epochs yet"));
    free(s);
    /* All bad, zero, tiny areas: no crash. */
    for (size_t i = 0; i < 40; i++)
        r[i] = i % 2 ? NAN : 0.0;
    plot_cost(&c, (struct rect){0, 0, 40, 10}, &series, true, &st);
    plot_cost(&c, (struct rect){0, 0, 3, 2}, &series, false, &st);
    plot_cost(&c, (struct rect){0, 0, 0, 0}, &series, false, &st);
    canvas_free(&c);
}

static void test_sparkline(void **state)
{
    (void)state;
    struct canvas c;
    double r[100];
    for (size_t i = 0; i < 100; i++)
        r[i] = 100.0 - (double)i;
    struct plot_series all = {r, NULL, 100, sizeof r[0], 0};
    struct plot_series three = {r, NULL, 3, sizeof r[0], 0};
    assert_true(canvas_init(&c, 12, 1, true));
    assert_int_equal(plot_sparkline(&c, 0, 0, 10, &all, false, PLAIN, PLAIN), 10);
    assert_string_equal(glyph(&c, 0, 0), "█");
    assert_string_equal(glyph(&c, 9, 0), "▁");
    r[99] = NAN;
    plot_sparkline(&c, 0, 0, 10, &all, true, PLAIN, PLAIN);
    assert_string_equal(glyph(&c, 9, 0), "!");
    canvas_free(&c);
    assert_true(canvas_init(&c, 12, 1, false));
    assert_int_equal(plot_sparkline(&c, 0, 0, 10, &three, false, PLAIN, PLAIN), 3);
    assert_string_equal(glyph(&c, 0, 0), "#");
    assert_string_equal(glyph(&c, 2, 0), "_");
    canvas_free(&c);
}

static double circle(double x, double y, const void *ctx)
{
    (void)ctx;
    return x * x + y * y;
}

static void test_contours_round(void **state)
{
    (void)state;
    struct canvas c;
    struct plot p;
    assert_true(canvas_init(&c, 40, 20, true));
    plot_init(&p, (struct rect){0, 0, 40, 20}, -1, 1, -1, 1);
    plot_equal_aspect(&p);
    /* Square dots: one unit is as many dots across as down. */
    assert_true(fabs(plot_dot_width(&p) - plot_dot_height(&p)) < 1e-12);
    double level = 0.5;
    struct style st = PLAIN;
    plot_contours(&c, &p, circle, NULL, &level, 1, &st, 1, false);
    /* The circle's extent in dots is the same across and down. */
    int minx = 1000, maxx = -1, miny = 1000, maxy = -1;
    for (int y = 0; y < 20; y++)
        for (int x = 0; x < 40; x++) {
            const struct cell *cell = canvas_cell_const(&c, x, y);
            if (cell->kind != CELL_BRAILLE)
                continue;
            for (int b = 0; b < 8; b++) {
                if (!(cell->dots & (1 << b)))
                    continue;
                static const int col[8] = {0, 0, 0, 1, 1, 1, 0, 1};
                static const int row[8] = {0, 1, 2, 0, 1, 2, 3, 3};
                int dx = 2 * x + col[b], dy = 4 * y + row[b];
                minx = dx < minx ? dx : minx;
                maxx = dx > maxx ? dx : maxx;
                miny = dy < miny ? dy : miny;
                maxy = dy > maxy ? dy : maxy;
            }
        }
    assert_true(maxx > minx);
    assert_true(abs((maxx - minx) - (maxy - miny)) <= 1);
    /* Bands without colour: shading glyphs. */
    canvas_clear(&c);
    plot_bands(&c, &p, circle, NULL, &level, 1, false, NULL, 0, " #");
    assert_string_equal(glyph(&c, 0, 0), "#");
    assert_string_equal(glyph(&c, 20, 10), " ");
    canvas_free(&c);
}

static void test_plot_vector(void **state)
{
    (void)state;
    struct canvas c;
    assert_true(canvas_init(&c, 20, 10, true));
    struct plot p;
    plot_init(&p, (struct rect){0, 0, 20, 10}, -10, 10, -10, 10);
    /* Straight left from the centre: the head is a left arrow. */
    assert_true(plot_vector(&c, &p, 0, 0, -6, 0, PLAIN));
    int hx, hy;
    assert_true(plot_to_cell(&p, -6, 0, &hx, &hy));
    assert_string_equal(glyph(&c, hx, hy), "←");
    /* Up and to the right, clipped by the area: the head on the edge. */
    canvas_clear(&c);
    assert_true(plot_vector(&c, &p, 0, 0, 100, 100, PLAIN));
    assert_string_equal(glyph(&c, 19, 0), "↗");
    /* Start outside, or non-finite: nothing. */
    canvas_clear(&c);
    assert_false(plot_vector(&c, &p, 50, 0, -1, 0, PLAIN));
    assert_false(plot_vector(&c, &p, 0, 0, NAN, 0, PLAIN));
    assert_false(plot_vector(&c, &p, 0, 0, INFINITY, 1, PLAIN));
    char *s = dump(&c);
    for (char *q = s; *q; q++)
        assert_true(*q == '\n');
    free(s);
    /* Shorter than a cell: dots only, no head over the start. */
    assert_true(plot_vector(&c, &p, 0, 0, 0.1, 0.1, PLAIN));
    assert_true(plot_to_cell(&p, 0, 0, &hx, &hy));
    assert_int_equal(canvas_cell(&c, hx, hy)->kind, CELL_BRAILLE);
    /* ASCII heads. */
    canvas_free(&c);
    assert_true(canvas_init(&c, 20, 10, false));
    assert_true(plot_vector(&c, &p, 0, 0, 0, -8, PLAIN));
    assert_true(plot_to_cell(&p, 0, -8, &hx, &hy));
    assert_string_equal(glyph(&c, hx, hy), "v");
    canvas_free(&c);
}

/* plot_axes without a canvas lays out exactly as it draws; axis names. */
static void test_axes_layout_and_names(void **state)
{
    (void)state;
    struct canvas c;
    assert_true(canvas_init(&c, 40, 16, true));
    struct axes ax = {.x0 = -2, .x1 = 2, .y0 = -1, .y1 = 3, .y_nice = true,
                      .x_name = "w1", .y_name = "w2"};
    struct plot drawn, laid;
    struct rect r = {1, 1, 38, 14};
    assert_true(plot_axes(&c, r, &ax, PLAIN, &drawn));
    assert_true(plot_axes(NULL, r, &ax, PLAIN, &laid));
    assert_memory_equal(&drawn, &laid, sizeof drawn);
    char *s = dump(&c);
    assert_non_null(strstr(s, "w1\n"));
    assert_true(strncmp(strchr(s, '\n') + 1, " w2", 3) == 0);
    free(s);
    /* The cost plot's layout matches its drawing: the first record's
     * column is the area's first. The series is read in place from an
     * array of structs (two fields, the struct's size as stride). */
    struct { double other; size_t epoch; double cost; } rec[50];
    for (size_t i = 0; i < 50; i++) {
        rec[i].other = -1e300;
        rec[i].epoch = i + 1;
        rec[i].cost = 1.0 / (double)(i + 1);
    }
    struct plot_series series = {&rec[0].cost, &rec[0].epoch, 50, sizeof rec[0], 0};
    struct plot cost;
    assert_true(plot_cost_layout(r, &series, true, &cost));
    assert_true(cost.x0 <= 1.0 && cost.x1 >= 50.0 && cost.x1 < 60.0);
    assert_true(cost.y1 >= 0.0 && cost.y0 <= log10(1.0 / 50) && cost.y0 > -3.0);
    int cx, cy;
    assert_true(plot_to_cell(&cost, 1, cost.y0, &cx, &cy));
    assert_int_equal(cx, cost.area.x);
    assert_true(plot_to_cell(&cost, 50, cost.y1, &cx, &cy));
    assert_int_equal(cx, cost.area.x + cost.area.w - 1);
    series.n = 0;
    assert_false(plot_cost_layout(r, &series, true, &cost));
    canvas_free(&c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_init_sizes),
        cmocka_unit_test(test_braille_bits),
        cmocka_unit_test(test_ascii_dots),
        cmocka_unit_test(test_line_ends),
        cmocka_unit_test(test_line_clipping),
        cmocka_unit_test(test_ascii_line_slopes),
        cmocka_unit_test(test_text_clipping),
        cmocka_unit_test(test_ascii_text),
        cmocka_unit_test(test_wide_characters),
        cmocka_unit_test(test_dump_trims),
        cmocka_unit_test(test_boxes_join),
        cmocka_unit_test(test_half_blocks),
        cmocka_unit_test(test_plot_line_cases),
        cmocka_unit_test(test_plot_arrow),
        cmocka_unit_test(test_plot_cost_marks_bad),
        cmocka_unit_test(test_sparkline),
        cmocka_unit_test(test_contours_round),
        cmocka_unit_test(test_plot_vector),
        cmocka_unit_test(test_axes_layout_and_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
