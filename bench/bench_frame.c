/* bench_frame.c - in-process frame timings for `make bench`: the default
 * Iris session trained one epoch per frame (running, as in the live
 * program) and rendered at 200x60 with the bowl and with the cost
 * landscape (its cache recomputing as b moves), both also as 3D meshes
 * (target: a median under 3 ms), the race of every optimizer on the
 * wells (target: under 2 ms), then the landscape grid recomputed from
 * scratch, and the LR range test (F) on Iris with its curve drawn
 * (target: within one frame). Prints one line per measurement.
 *
 * Usage: bench_frame [FRAMES]   (default 1000) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "canvas.h"
#include "lab.h"
#include "landscape.h"
#include "lr_find.h"
#include "mesh.h"
#include "options.h"
#include "session.h"
#include "util.h"
#include "views.h"

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Sorts v and prints its median, 95th percentile and maximum. */
static void report(const char *what, double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, by_value);
    printf("%-34s median %.3f ms  p95 %.3f ms  max %.3f ms  (%d frames)\n", what,
           v[n / 2], v[n * 95 / 100], v[n - 1], n);
}

int main(int argc, char **argv)
{
    int frames = argc > 1 ? atoi(argv[1]) : 1000;
    if (frames < 10)
        frames = 10;
    char name[] = "bench_frame";
    char *args[] = {name, NULL};
    struct options o;
    char err[256];
    if (!options_parse(1, args, &o, err, sizeof err)) {
        fprintf(stderr, "bench_frame: %s\n", err);
        return 2;
    }
    struct session s;
    if (!session_open(&s, &o, err, sizeof err)) {
        fprintf(stderr, "bench_frame: %s\n", err);
        return 2;
    }
    struct canvas c;
    struct landscape *l = landscape_new();
    double *bowl = malloc((size_t)frames * sizeof *bowl);
    double *land = malloc((size_t)frames * sizeof *land);
    double *bowl_mesh = malloc((size_t)frames * sizeof *bowl_mesh);
    double *land_mesh = malloc((size_t)frames * sizeof *land_mesh);
    if (!canvas_init(&c, 200, 60, true) || !l || !bowl || !land || !bowl_mesh ||
        !land_mesh) {
        fprintf(stderr, "bench_frame: out of memory\n");
        return 2;
    }
    struct view_state v = {
        .trainer = &s.trainer, .data = s.data, .bowl = &s.bowl,
        .running = true, .log_cost = true, .epochs_per_frame = 1,
        .colour = true, .landscape = l,
    };
    for (int i = 0; i < frames; i++) {
        session_epoch(&s);
        v.right = RIGHT_BOWL;
        double t0 = util_now_ms();
        views_render(&c, &v);
        double t1 = util_now_ms();
        v.right = RIGHT_LANDSCAPE;
        views_render(&c, &v);
        land[i] = util_now_ms() - t1;
        bowl[i] = t1 - t0;
    }
    report("frame 200x60, bowl:", bowl, frames);
    report("frame 200x60, landscape:", land, frames);
    printf("landscape grid recomputed %lu times in %d frames (%dx%d points, %zu samples)\n",
           l->recomputes, frames, l->cols, l->rows, s.data->n);
    /* The right panel as a 3D mesh, with a cache of its own (its grid
     * differs from the contours'). */
    struct landscape *lm = landscape_new();
    if (!lm) {
        fprintf(stderr, "bench_frame: out of memory\n");
        return 2;
    }
    v.landscape = lm;
    v.mesh = true;
    v.mesh_turn = MESH_TURN_DEFAULT;
    v.mesh_tilt = MESH_TILT_DEFAULT;
    for (int i = 0; i < frames; i++) {
        session_epoch(&s);
        v.right = RIGHT_BOWL;
        double t0 = util_now_ms();
        views_render(&c, &v);
        double t1 = util_now_ms();
        v.right = RIGHT_LANDSCAPE;
        views_render(&c, &v);
        land_mesh[i] = util_now_ms() - t1;
        bowl_mesh[i] = t1 - t0;
    }
    report("frame 200x60, bowl mesh:", bowl_mesh, frames);
    report("frame 200x60, landscape mesh:", land_mesh, frames);
    landscape_free(lm);
    v.landscape = l;
    v.mesh = false;
    /* The race of every optimizer on the wells (the dearest surface: two
     * exponentials a point), following the bowl as the screen does. */
    struct race *race = malloc(sizeof *race);
    struct bowl_config wells = bowl_config_default();
    wells.surface.kind = SURFACE_WELLS;
    if (!race) {
        fprintf(stderr, "bench_frame: out of memory\n");
        return 2;
    }
    bowl_configure(&s.bowl, &wells);
    race_start(race, &wells, s.bowl.start_x, s.bowl.start_y, s.bowl.lr);
    v.race = race;
    for (int i = 0; i < frames; i++) {
        session_epoch(&s);
        double t0 = util_now_ms();
        race_follow(race, &s.bowl);
        views_render(&c, &v);
        bowl_mesh[i] = util_now_ms() - t0;
    }
    report("frame 200x60, race on the wells:", bowl_mesh, frames);
    v.race = NULL;
    free(race);
    /* The grid alone: paused frames at alternating b force a recompute. */
    v.running = false;
    int grids = frames / 4 > 50 ? frames / 4 : 50;
    for (int i = 0; i < grids && i < frames; i++) {
        session_epoch(&s);
        views_render(&c, &v);
        land[i] = l->last_recompute_ms;
    }
    report("landscape grid recompute:", land, grids < frames ? grids : frames);
    /* F: the range test on the default Iris settings (100 full-batch
     * updates and its verdict), then a frame with its curve. */
    struct lr_find_config fc = lr_find_config_default();
    for (int i = 0; i < frames; i++) {
        struct lr_find f;
        double t0 = util_now_ms();
        if (!lr_find_run(s.data, &s.trainer.config, &fc, &f, err, sizeof err)) {
            fprintf(stderr, "bench_frame: %s\n", err);
            return 2;
        }
        v.lr_find = &f;
        views_render(&c, &v);
        bowl[i] = util_now_ms() - t0;
        v.lr_find = NULL;
        lr_find_free(&f);
    }
    report("F: range test + frame 200x60:", bowl, frames);
    free(bowl);
    free(land);
    free(bowl_mesh);
    free(land_mesh);
    landscape_free(l);
    canvas_free(&c);
    session_close(&s);
    return 0;
}
