/* test_scatter_raster.c - frames whose cost does not grow with the rows:
 * the scatter drawn from its raster is the scatter drawn point by point,
 * cell for cell (glyph, colours, attributes), on generated data with
 * overlapping classes and marked points; whole frames with the view cache
 * equal frames without it; the raster is built once while training runs;
 * on data above VIEW_EXACT_MAX rows the screen's numbers come from the
 * spread sample and say so. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>

#include <cmocka.h>

#include "canvas.h"
#include "landscape.h"
#include "options.h"
#include "plot.h"
#include "rng.h"
#include "scatter_raster.h"
#include "session.h"
#include "view_cache.h"
#include "views.h"
#include "test_support.h"

static void assert_same_canvas(const struct canvas *a, const struct canvas *b)
{
    assert_int_equal(a->width, b->width);
    assert_int_equal(a->height, b->height);
    for (int i = 0; i < a->width * a->height; i++) {
        const struct cell *p = &a->cells[i], *q = &b->cells[i];
        if (strcmp(p->glyph, q->glyph) != 0 || p->fg != q->fg || p->bg != q->bg
            || p->attr != q->attr || p->kind != q->kind || p->dots != q->dots)
            fail_msg("cell (%d, %d): \"%s\" %u/%u/%u against \"%s\" %u/%u/%u",
                     i % a->width, i / a->width, p->glyph, p->fg, p->bg, p->attr,
                     q->glyph, q->fg, q->bg, q->attr);
    }
}

/* Marks every third point: which ones the raster asks about matters. */
static bool every_third(size_t i, const void *ctx)
{
    (void)ctx;
    return i % 3 == 0;
}

/* Random points of two overlapping classes, some off the window, on a
 * canvas with a line under them: raster and point by point agree. */
static void test_raster_draws_what_plot_scatter_draws(void **state)
{
    (void)state;
    enum { N = 50000 };
    static double xs[N], ys[N], cls[N];
    struct rng r;
    rng_seed(&r, 11);
    for (size_t i = 0; i < N; i++) {
        xs[i] = 2.4 * rng_unit(&r) - 1.2;
        ys[i] = 2.4 * rng_unit(&r) - 1.2;
        cls[i] = xs[i] + 0.3 * rng_unit(&r) > 0.1 ? 1.0 : 0.0;
    }
    struct scatter_class classes[2] = {
        {"o", "O", style_of(COLOUR_BLUE, ATTR_BOLD), style_of(COLOUR_BLUE, ATTR_BOLD | ATTR_REVERSE)},
        {"x", "X", style_of(COLOUR_YELLOW, 0), style_of(COLOUR_YELLOW, ATTR_BOLD | ATTR_REVERSE)},
    };
    for (int marked = 0; marked < 2; marked++) {
        struct canvas a, b;
        assert_true(canvas_init(&a, 90, 30, true));
        assert_true(canvas_init(&b, 90, 30, true));
        struct plot p;
        plot_init(&p, (struct rect){3, 2, 80, 25}, -1, 1, -1, 1);
        plot_line(&a, &p, 1, -2, 0.1, style_of(COLOUR_WHITE, ATTR_BOLD));
        plot_line(&b, &p, 1, -2, 0.1, style_of(COLOUR_WHITE, ATTR_BOLD));
        /* few points: mostly single-class cells; all: many overlaps */
        size_t counts[2] = {300, N};
        for (int k = 0; k < 2; k++) {
            struct scatter_raster raster = {0};
            assert_true(scatter_raster_update(&raster, &p, xs, ys, cls, counts[k]));
            bool o1 = plot_scatter(&a, &p, xs, ys, cls, counts[k], classes,
                                   marked ? every_third : NULL, NULL);
            bool o2 = scatter_raster_draw(&b, &raster, classes,
                                          marked ? every_third : NULL, NULL);
            assert_int_equal(o1, o2);
            if (k == 1)
                assert_true(o1);
            assert_same_canvas(&a, &b);
            scatter_raster_free(&raster);
        }
        canvas_free(&a);
        canvas_free(&b);
    }
}

/* The raster is rebuilt only when the window or the data changes. */
static void test_raster_kept_until_something_changes(void **state)
{
    (void)state;
    static double xs[4] = {0, 0.5, -0.5, 1}, ys[4] = {0, 0.5, 0.25, -1}, cls[4] = {0, 1, 0, 1};
    struct scatter_raster r = {0};
    struct plot p;
    plot_init(&p, (struct rect){0, 0, 20, 10}, -1, 1, -1, 1);
    assert_true(scatter_raster_update(&r, &p, xs, ys, cls, 4));
    assert_true(scatter_raster_update(&r, &p, xs, ys, cls, 4));
    assert_int_equal(r.builds, 1);
    cls[2] = 1; /* the same arrays with other contents */
    assert_true(scatter_raster_update(&r, &p, xs, ys, cls, 4));
    assert_int_equal(r.builds, 2);
    plot_init(&p, (struct rect){0, 0, 20, 10}, -1, 2, -1, 1);
    assert_true(scatter_raster_update(&r, &p, xs, ys, cls, 4));
    assert_true(scatter_raster_update(&r, &p, xs, ys, cls, 3));
    assert_int_equal(r.builds, 4);
    double lo, hi;
    struct range_cache rc = {0};
    assert_true(range_cache_get(&rc, xs, 4, &lo, &hi));
    assert_true(lo == -0.5 && hi == 1);
    xs[3] = 7;
    assert_true(range_cache_get(&rc, xs, 4, &lo, &hi));
    assert_true(hi == 7);
    scatter_raster_free(&r);
}

/* A session on generated data, its view state, a canvas. */
struct screen {
    struct options o;
    struct session s;
    struct view_state v;
    struct canvas c;
};

static void open_screen(struct screen *w, int argc, const char **args)
{
    char err[256];
    support_parse(&w->o, argc, args);
    assert_true(session_open(&w->s, &w->o, err, sizeof err));
    w->v = (struct view_state){
        .trainer = &w->s.trainer, .data = w->s.data, .bowl = &w->s.bowl,
        .running = false, .log_cost = true, .epochs_per_frame = 1,
        .regions = true, .right = RIGHT_LANDSCAPE,
    };
    assert_true(canvas_init(&w->c, 160, 48, true));
}

static void close_screen(struct screen *w)
{
    canvas_free(&w->c);
    session_close(&w->s);
}

/* Frames with the cache (and a landscape cache) equal frames without,
 * epoch after epoch, regions on, on VIEW_EXACT_MAX rows (the numbers
 * exact) and more than LANDSCAPE_ROWS_MAX (the landscape's sample); the
 * raster is built once. */
static void test_frames_with_the_cache_are_the_same(void **state)
{
    (void)state;
    const char *args[] = {"--data", "gen:gauss", "--points", "16384", "--batch", "64",
                          "--noise", "0.5"};
    struct screen with, without;
    open_screen(&with, 8, args);
    open_screen(&without, 8, args);
    struct view_cache *cache = view_cache_new();
    struct landscape *l1 = landscape_new(), *l2 = landscape_new();
    assert_non_null(cache);
    with.v.cache = cache;
    with.v.landscape = l1;
    without.v.landscape = l2;
    for (int e = 0; e < 4; e++) {
        views_render(&with.c, &with.v);
        views_render(&without.c, &without.v);
        assert_same_canvas(&with.c, &without.c);
        session_epoch(&with.s);
        session_epoch(&without.s);
    }
    assert_int_equal(cache->raster.builds, 1);
    views_render(&with.c, &with.v);
    unsigned long passes = cache->passes;
    views_render(&with.c, &with.v); /* the same weights: no pass */
    assert_int_equal(cache->passes, passes);
    landscape_free(l1);
    landscape_free(l2);
    view_cache_free(cache);
    close_screen(&with);
    close_screen(&without);
}

/* On more than VIEW_EXACT_MAX rows the neuron panel's numbers are the
 * sample's, said on screen; the accuracy is the share of the spread rows
 * counted here; the cost is near the exact one. */
static void test_running_numbers_on_large_data(void **state)
{
    (void)state;
    const char *args[] = {"--data", "gen:gauss", "--points", "40000", "--noise", "0.5"};
    struct screen w;
    open_screen(&w, 6, args);
    struct view_cache *cache = view_cache_new();
    assert_non_null(cache);
    w.v.cache = cache;
    w.v.running = true;
    session_epoch(&w.s);
    size_t n = w.s.data->n;
    assert_true(n > VIEW_EXACT_MAX);
    struct view_numbers own;
    const struct view_numbers *sampled = view_cache_numbers(cache, &w.s.trainer, &own);
    assert_int_equal(sampled->rows, VIEW_EXACT_MAX);
    size_t right = 0;
    for (size_t i = 0; i < VIEW_EXACT_MAX; i++) {
        size_t r = i * n / VIEW_EXACT_MAX;
        const double *th = w.s.trainer.theta;
        double z = th[0] * w.s.data->x1[r] + th[1] * w.s.data->x2[r] + th[2];
        right += (z >= 0) == (w.s.data->y[r] >= 0.5);
    }
    assert_true(sampled->score == (double)right / VIEW_EXACT_MAX);
    views_render(&w.c, &w.v);
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    assert_true(canvas_dump(&w.c, out));
    fclose(out);
    char want[64];
    snprintf(want, sizeof want, "(%d-row sample)", VIEW_EXACT_MAX);
    assert_non_null(strstr(buf, want));
    assert_non_null(strstr(buf, "C ≈ "));
    free(buf);
    const struct view_numbers *exact = view_cache_numbers(NULL, &w.s.trainer, &own);
    assert_int_equal(exact->rows, n);
    assert_true(exact->score == trainer_accuracy(&w.s.trainer));
    assert_true(exact->cost == trainer_evaluate(&w.s.trainer, NULL));
    assert_true(fabs(sampled->cost - exact->cost) < 0.05 * exact->cost);
    view_cache_free(cache);
    close_screen(&w);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_raster_draws_what_plot_scatter_draws),
        cmocka_unit_test(test_raster_kept_until_something_changes),
        cmocka_unit_test(test_frames_with_the_cache_are_the_same),
        cmocka_unit_test(test_running_numbers_on_large_data),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
