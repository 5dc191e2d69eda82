/* test_scatter_raster.c - frames whose cost does not grow with the rows:
 * the scatter drawn from its raster is the scatter drawn point by point,
 * cell for cell (glyph, colours, attributes), on generated data with
 * overlapping classes and marked points; whole frames with the view cache
 * equal frames without it; the raster is built once while training runs;
 * on data above VIEW_EXACT_MAX rows the screen's numbers come from the
 * spread sample and say so; a raster and a landscape grid built over
 * several updates (a frame's share each) end as the ones built at once,
 * bit for bit. */
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
#include "util.h"

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
    /* the cost over the sample read in place, the rows in sample order:
     * the same bits as the cache's (which reads a copy of them) */
    static sample_index order[VIEW_EXACT_MAX];
    for (size_t i = 0; i < VIEW_EXACT_MAX; i++)
        order[i] = (sample_index)(i * n / VIEW_EXACT_MAX);
    const struct dataset *d = w.s.data;
    struct batch_n b = {d->x, d->nfeatures, d->y, order, 0, VIEW_EXACT_MAX};
    double sum[3];
    double cost = neuron_batch_gradient_n(w.s.trainer.theta, w.s.trainer.config.activation,
                                          w.s.trainer.config.loss, &b, sum);
    assert_true(util_same_bits(sampled->cost, cost / VIEW_EXACT_MAX));
    assert_true(util_same_bits(sampled->gradient[2], sum[2] / VIEW_EXACT_MAX));
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

/* A raster built step_points at a time: pending until every point is in,
 * each step a subset of the next, and then the raster built at once, cell
 * for cell (mask and last point). */
static void test_raster_over_frames_is_the_raster_at_once(void **state)
{
    (void)state;
    enum { N = 70000 };
    static double xs[N], ys[N], cls[N];
    struct rng r;
    rng_seed(&r, 5);
    for (size_t i = 0; i < N; i++) {
        xs[i] = 2.4 * rng_unit(&r) - 1.2;
        ys[i] = 2.4 * rng_unit(&r) - 1.2;
        cls[i] = xs[i] + ys[i] + 0.5 * rng_unit(&r) > 0.2 ? 1.0 : 0.0;
    }
    struct plot p;
    plot_init(&p, (struct rect){0, 0, 60, 20}, -1, 1, -1, 1);
    struct scatter_raster once = {0}, steps = {0};
    assert_true(scatter_raster_update(&once, &p, xs, ys, cls, N));
    assert_false(scatter_raster_pending(&once));
    steps.step_points = 3 * SCATTER_RASTER_BLOCK;
    size_t cells = 60 * 20, calls = 0, filled = 0;
    do {
        assert_true(scatter_raster_update(&steps, &p, xs, ys, cls, N));
        calls++;
        size_t now = 0;
        for (size_t k = 0; k < cells; k++) {
            assert_true((steps.mask[k] & ~once.mask[k]) == 0); /* a subset */
            now += steps.mask[k] != 0;
        }
        assert_true(now >= filled);
        filled = now;
    } while (scatter_raster_pending(&steps) && calls < 100);
    /* 18 blocks of 4096 points, three an update */
    assert_int_equal(calls, (N + SCATTER_RASTER_BLOCK - 1) / SCATTER_RASTER_BLOCK / 3);
    assert_int_equal(steps.builds, 1);
    for (size_t k = 0; k < cells; k++) {
        assert_int_equal(steps.mask[k], once.mask[k]);
        if (once.mask[k])
            assert_int_equal(steps.last[k], once.last[k]);
    }
    scatter_raster_free(&once);
    scatter_raster_free(&steps);
}

/* A landscape grid computed a row per update (step_ms tiny) on a sample
 * of large data: no new grid until the last row, then the grid computed
 * at once, bit for bit; paused, a grid under way at other weights starts
 * again at the weights as they are. */
static void test_landscape_over_frames_is_the_grid_at_once(void **state)
{
    (void)state;
    const char *args[] = {"--data", "gen:gauss", "--points", "2000", "--noise", "0.5"};
    struct screen w;
    open_screen(&w, 6, args);
    session_epoch(&w.s);
    const struct trainer *t = &w.s.trainer;
    assert_true(t->data->n > LANDSCAPE_ROWS_MAX);
    struct landscape *once = landscape_new(), *steps = landscape_new();
    assert_non_null(once);
    assert_non_null(steps);
    assert_true(landscape_update(once, t, -3, 3, -2, 4, 20, 12, true));
    steps->step_ms = 1e-9; /* one row an update */
    int calls = 0;
    while (!landscape_update(steps, t, -3, 3, -2, 4, 20, 12, true)) {
        assert_true(landscape_pending(steps));
        assert_false(steps->valid);
        calls++;
        assert_true(calls < 100);
    }
    assert_false(landscape_pending(steps));
    assert_int_equal(calls, once->rows - 1);
    assert_int_equal(steps->cols, once->cols);
    assert_int_equal(steps->rows, once->rows);
    for (int k = 0; k < once->cols * once->rows; k++)
        assert_true(util_same_bits(steps->log_cost[k], once->log_cost[k]));
    assert_true(util_same_bits(steps->mean_gradient, once->mean_gradient));
    assert_true(util_same_bits(steps->lo, once->lo) && util_same_bits(steps->hi, once->hi));
    assert_int_equal(steps->recomputes, 1);
    /* the grid shown stays while the next is under way */
    double shown = steps->log_cost[0];
    session_epoch(&w.s);
    assert_false(landscape_update(steps, t, -3, 3, -2, 4, 20, 12, true));
    assert_true(landscape_pending(steps));
    assert_true(steps->valid && util_same_bits(steps->log_cost[0], shown));
    /* paused at other weights: the job restarts at the current ones */
    int job_row = steps->job.next_row;
    session_epoch(&w.s);
    assert_false(landscape_update(steps, t, -3, 3, -2, 4, 20, 12, true));
    assert_true(steps->job.next_row == 1 && job_row == 1);
    while (!landscape_update(steps, t, -3, 3, -2, 4, 20, 12, true))
        ;
    assert_true(landscape_update(once, t, -3, 3, -2, 4, 20, 12, true));
    for (int k = 0; k < once->cols * once->rows; k++)
        assert_true(util_same_bits(steps->log_cost[k], once->log_cost[k]));
    landscape_free(once);
    landscape_free(steps);
    close_screen(&w);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_raster_draws_what_plot_scatter_draws),
        cmocka_unit_test(test_raster_kept_until_something_changes),
        cmocka_unit_test(test_frames_with_the_cache_are_the_same),
        cmocka_unit_test(test_running_numbers_on_large_data),
        cmocka_unit_test(test_raster_over_frames_is_the_raster_at_once),
        cmocka_unit_test(test_landscape_over_frames_is_the_grid_at_once),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
