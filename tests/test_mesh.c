/* test_mesh.c - the 3D mesh's math (mesh.c): the projection against
 * values worked out by hand, the turn and tilt steps, hidden-line
 * removal on small synthetic surfaces (a plane, tilted planes, a roof,
 * a bowl, a saddle: which parts are visible from a given angle), the path lifted
 * onto the surface and cut, the box's axes, and the SVG of the `s` key
 * with the mesh shown (its lines are the visible pieces). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "bowl.h"
#include "dataset.h"
#include "export.h"
#include "mesh.h"
#include "mesh_surfaces.h"
#include "trainer.h"
#include "views.h"

#define DEG (3.14159265358979323846 / 180.0)

/* a within eps of b, in double precision (cmocka compares floats). */
static void near(double a, double b, double eps, int line)
{
    if (!(fabs(a - b) <= eps))
        fail_msg("line %d: %.17g is not within %g of %.17g", line, a, eps, b);
}
#define assert_near(a, b, eps) near((a), (b), (eps), __LINE__)

static double plane(double x, double y, const void *ctx)
{
    (void)x;
    (void)y;
    (void)ctx;
    return 0.0;
}

static double slope_up_y(double x, double y, const void *ctx)
{
    (void)x;
    (void)ctx;
    return y;
}

static double roof(double x, double y, const void *ctx)
{
    (void)x;
    (void)ctx;
    return -fabs(y);
}

static double bowl_at(double x, double y, const void *ctx)
{
    (void)ctx;
    return x * x + y * y;
}

static double saddle(double x, double y, const void *ctx)
{
    (void)ctx;
    return x * x - y * y;
}

static double hole_in_middle(double x, double y, const void *ctx)
{
    (void)ctx;
    return fabs(x) < 0.3 && fabs(y) < 0.3 ? NAN : 0.0;
}

/* A 400 x 300 screen: the box fills it, so a unit is a small part. */
static struct mesh_projection project(const struct mesh_surface *s, double turn,
                                      double tilt)
{
    struct mesh_projection p;
    mesh_project_init(&p, s, turn, tilt, 0, 0, 400, 300);
    return p;
}

/* The projection against hand-worked values: the box [-1, 1]^2 x [0, 2]
 * at turn 0, tilt 30 in 400 x 300. */
static void test_projection_by_hand(void **state)
{
    (void)state;
    struct mesh_surface s = {plane, NULL, -1, 1, -1, 1, 0, 2};
    struct mesh_projection p = project(&s, 0, 30);
    double r = sqrt(2.0);
    double span_up = MESH_HEIGHT * cos(30 * DEG) + 2 * r * sin(30 * DEG);
    double scale = fmin(400 / (2 * r), 300 / span_up);
    assert_near(p.scale, scale, 1e-12);
    double ox = 200, oy = 150 + scale * MESH_HEIGHT * cos(30 * DEG) / 2;
    double sx, sy, depth;
    /* the centre of the floor */
    assert_true(mesh_project(&p, 0, 0, 0, &sx, &sy, &depth));
    assert_near(sx, ox, 1e-9);
    assert_near(sy, oy, 1e-9);
    assert_near(depth, 0, 1e-12);
    /* x to the right, unmoved in height */
    assert_true(mesh_project(&p, 1, 0, 0, &sx, &sy, NULL));
    assert_near(sx, ox + scale, 1e-9);
    assert_near(sy, oy, 1e-9);
    /* y away from the viewer: up the screen by sin(tilt), deeper */
    assert_true(mesh_project(&p, 0, 1, 0, &sx, &sy, &depth));
    assert_near(sx, ox, 1e-9);
    assert_near(sy, oy - scale * 0.5, 1e-9);
    assert_near(depth, cos(30 * DEG), 1e-12);
    /* the cut's height straight up by cos(tilt), nearer the viewer */
    assert_true(mesh_project(&p, 0, 0, 2, &sx, &sy, &depth));
    assert_near(sy, oy - scale * MESH_HEIGHT * cos(30 * DEG), 1e-9);
    assert_near(depth, -MESH_HEIGHT * 0.5, 1e-12);
    /* heights beyond the box are cut to it */
    double sy2;
    assert_true(mesh_project(&p, 0, 0, 50, &sx, &sy2, NULL));
    assert_near(sy2, sy, 1e-9);
    assert_true(mesh_project(&p, 0, 0, -50, &sx, &sy2, NULL));
    assert_near(sy2, oy, 1e-9);
    /* NaN and infinite inputs project nowhere */
    assert_false(mesh_project(&p, NAN, 0, 0, &sx, &sy, NULL));
    assert_false(mesh_project(&p, 0, INFINITY, 0, &sx, &sy, NULL));
    assert_false(mesh_project(&p, 0, 0, NAN, &sx, &sy, NULL));
}

/* Turning 90 degrees takes x away from the viewer; the scale does not
 * change with the turn; the tilt is clamped. */
static void test_projection_turn_and_clamp(void **state)
{
    (void)state;
    struct mesh_surface s = {plane, NULL, 0, 10, 0, 10, 0, 1};
    struct mesh_projection a = project(&s, 0, 40), b = project(&s, 90, 40);
    struct mesh_projection c = project(&s, 45, 40);
    assert_near(a.scale, b.scale, 1e-12);
    assert_near(a.scale, c.scale, 1e-12);
    double sx, sy, cx, cy, depth;
    assert_true(mesh_project(&b, 5, 5, 0, &cx, &cy, NULL));
    assert_true(mesh_project(&b, 10, 5, 0, &sx, &sy, &depth));
    assert_near(sx, cx, 1e-9);
    assert_near(sy, cy - b.scale * sin(40 * DEG), 1e-9);
    assert_true(depth > 0);
    /* at 45 degrees the far corner (10, 10) is straight up from the centre */
    assert_true(mesh_project(&c, 5, 5, 0, &cx, &cy, NULL));
    assert_true(mesh_project(&c, 10, 10, 0, &sx, &sy, NULL));
    assert_near(sx, cx, 1e-9);
    assert_near(cy - sy, c.scale * sqrt(2.0) * sin(40 * DEG), 1e-9);
    /* tilt 0 and 90 are clamped to the range */
    struct mesh_projection low = project(&s, 0, 0), high = project(&s, 0, 90);
    assert_near(low.sin_tilt, sin(MESH_TILT_MIN * DEG), 1e-12);
    assert_near(high.sin_tilt, sin(MESH_TILT_MAX * DEG), 1e-12);
    /* the box stays inside the screen for every turn */
    for (int turn = 0; turn < 360; turn += 15) {
        struct mesh_projection p = project(&s, turn, 10);
        for (int k = 0; k < 8; k++) {
            assert_true(mesh_project(&p, k & 1 ? 10 : 0, k & 2 ? 10 : 0, k & 4 ? 1 : 0,
                                     &sx, &sy, NULL));
            assert_true(sx >= -1e-9 && sx <= 400 + 1e-9);
            assert_true(sy >= -1e-9 && sy <= 300 + 1e-9);
        }
    }
}

static void test_turn_and_tilt_steps(void **state)
{
    (void)state;
    assert_int_equal(mesh_turn_step(30, 1), 45);
    assert_int_equal(mesh_turn_step(30, -1), 15);
    assert_int_equal(mesh_turn_step(345, 1), 0);
    assert_int_equal(mesh_turn_step(0, -1), 345);
    int turn = MESH_TURN_DEFAULT;
    for (int i = 0; i < 24; i++)
        turn = mesh_turn_step(turn, 1);
    assert_int_equal(turn, MESH_TURN_DEFAULT);  /* a full turn comes back */
    assert_int_equal(mesh_tilt_step(40, 1), 50);
    assert_int_equal(mesh_tilt_step(40, -1), 30);
    assert_int_equal(mesh_tilt_step(MESH_TILT_MAX, 1), MESH_TILT_MAX);
    assert_int_equal(mesh_tilt_step(MESH_TILT_MIN, -1), MESH_TILT_MIN);
    assert_int_equal(mesh_tilt_step(75, 1), MESH_TILT_MAX);
}

/* Total screen length of the visible pieces. */
static double visible_length(const struct mesh_lines *l)
{
    double sum = 0;
    for (size_t i = 0; i < l->count; i++)
        sum += hypot(l->segments[i].x1 - l->segments[i].x0,
                     l->segments[i].y1 - l->segments[i].y0);
    return sum;
}

/* Screen length of the whole grid (lines + 1 lines each way, nothing
 * hidden), from the projection of each line's ends and middle points. */
static double grid_length(const struct mesh_projection *p, const struct mesh_surface *s,
                          int lines)
{
    double sum = 0;
    int steps = 64;
    for (int k = 0; k <= lines; k++)
        for (int along = 0; along < 2; along++)
            for (int i = 0; i < steps; i++) {
                double t0 = (double)i / steps, t1 = (double)(i + 1) / steps;
                double c = (double)k / lines;
                double xa = along ? t0 : c, ya = along ? c : t0;
                double xb = along ? t1 : c, yb = along ? c : t1;
                xa = s->x0 + xa * (s->x1 - s->x0);
                xb = s->x0 + xb * (s->x1 - s->x0);
                ya = s->y0 + ya * (s->y1 - s->y0);
                yb = s->y0 + yb * (s->y1 - s->y0);
                double ax, ay, bx, by;
                mesh_project(p, xa, ya, s->f(xa, ya, NULL), &ax, &ay, NULL);
                mesh_project(p, xb, yb, s->f(xb, yb, NULL), &bx, &by, NULL);
                sum += hypot(bx - ax, by - ay);
            }
    return sum;
}

/* True when the world point (x, y) of the grid line running along x
 * (along_x; else along y) lies on a visible piece of it. */
static bool seen(const struct mesh_lines *l, double x, double y, bool along_x)
{
    double at = along_x ? y : x, on = along_x ? x : y;
    for (size_t i = 0; i < l->count; i++) {
        const struct mesh_segment *m = &l->segments[i];
        if (m->along_x != along_x || fabs(m->at - at) > 1e-9)
            continue;
        if (on >= fmin(m->from, m->to) - 1e-9 && on <= fmax(m->from, m->to) + 1e-9)
            return true;
    }
    return false;
}

/* A flat plane hides nothing, from any angle: every grid line is seen
 * whole. */
static void test_plane_all_visible(void **state)
{
    (void)state;
    struct mesh_surface s = {plane, NULL, -1, 1, -1, 1, 0, 1};
    struct mesh_lines l = {0};
    char err[64];
    for (int turn = 0; turn < 360; turn += 30)
        for (int tilt = 10; tilt <= 80; tilt += 35) {
            struct mesh_projection p = project(&s, turn, tilt);
            assert_true(mesh_hidden_lines(&p, &s, 8, &l, err, sizeof err));
            double want = grid_length(&p, &s, 8), got = visible_length(&l);
            assert_true(fabs(got - want) < 0.01 * want);
        }
    mesh_lines_free(&l);
    assert_null(l.segments);
}

/* A plane rising away from the viewer faces it: all seen. Turned half
 * round it falls away, steeper than the view: the viewer sees its
 * underside, still all of it (a surface is a sheet, seen from both
 * sides). A roof of two such planes hides the far one behind the ridge. */
static void test_planes(void **state)
{
    (void)state;
    struct mesh_surface s = {slope_up_y, NULL, -1, 1, -1, 1, -1, 1};
    struct mesh_lines l = {0};
    char err[64];
    struct mesh_projection p = project(&s, 0, 30);
    assert_true(mesh_hidden_lines(&p, &s, 6, &l, err, sizeof err));
    double want = grid_length(&p, &s, 6);
    assert_true(fabs(visible_length(&l) - want) < 0.01 * want);
    p = project(&s, 180, 10);
    assert_true(mesh_hidden_lines(&p, &s, 6, &l, err, sizeof err));
    want = grid_length(&p, &s, 6);
    assert_true(fabs(visible_length(&l) - want) < 0.01 * want);
    struct mesh_surface r = {roof, NULL, -1, 1, -1, 1, -1, 0};
    p = project(&r, 0, 10);
    assert_true(mesh_hidden_lines(&p, &r, 8, &l, err, sizeof err));
    assert_true(seen(&l, 0.0, -1.0, true));     /* the near eave */
    assert_true(seen(&l, 0.5, -0.5, true));     /* the near slope */
    assert_true(seen(&l, 0.0, -0.5, false));
    assert_true(seen(&l, 0.25, 0.0, true));     /* the ridge */
    assert_false(seen(&l, 0.25, 0.5, true));    /* the far slope */
    assert_false(seen(&l, 0.0, 1.0, true));     /* the far eave */
    assert_false(seen(&l, 0.5, 0.5, false));
    /* seen from the far side, the far slope shows and the near hides */
    p = project(&r, 180, 10);
    assert_true(mesh_hidden_lines(&p, &r, 8, &l, err, sizeof err));
    assert_true(seen(&l, 0.25, 0.5, true));
    assert_false(seen(&l, 0.25, -0.5, true));
    mesh_lines_free(&l);
}

/* A bowl seen from low down: its far wall shows above the near rim, its
 * bottom is hidden behind the near wall; from above the bottom shows. */
static void test_bowl_visibility(void **state)
{
    (void)state;
    struct mesh_surface s = {bowl_at, NULL, -1, 1, -1, 1, 0, 2};
    struct mesh_lines l = {0};
    char err[64];
    struct mesh_projection p = project(&s, 0, 10);
    assert_true(mesh_hidden_lines(&p, &s, 8, &l, err, sizeof err));
    assert_true(seen(&l, 0.0, 1.0, true));      /* far rim */
    assert_true(seen(&l, 0.0, 0.75, true));     /* far wall */
    assert_true(seen(&l, 0.0, -1.0, true));     /* near rim */
    assert_false(seen(&l, 0.0, 0.0, true));     /* the bottom */
    assert_false(seen(&l, 0.25, 0.0, true));
    assert_false(seen(&l, 0.0, 0.25, false));
    double low = visible_length(&l), whole = grid_length(&p, &s, 8);
    assert_true(low < 0.9 * whole);
    p = project(&s, 0, 80);
    assert_true(mesh_hidden_lines(&p, &s, 8, &l, err, sizeof err));
    assert_true(seen(&l, 0.0, 0.0, true));
    assert_true(seen(&l, 0.25, 0.0, true));
    assert_true(seen(&l, 0.0, 0.25, false));
    mesh_lines_free(&l);
}

/* A saddle x^2 - y^2 seen along y from low down: the half of the line
 * x = 0 rising towards the ridge (y < 0) faces the viewer, the half
 * falling away behind it (y > 0) is hidden; the two rising arms along x
 * show. */
static void test_saddle_visibility(void **state)
{
    (void)state;
    struct mesh_surface s = {saddle, NULL, -1, 1, -1, 1, -1, 1};
    struct mesh_lines l = {0};
    char err[64];
    struct mesh_projection p = project(&s, 0, 10);
    assert_true(mesh_hidden_lines(&p, &s, 8, &l, err, sizeof err));
    assert_true(seen(&l, 0.0, -0.75, false));
    assert_true(seen(&l, 0.0, -0.25, false));
    assert_false(seen(&l, 0.0, 0.5, false));
    assert_false(seen(&l, 0.0, 0.75, false));
    assert_true(seen(&l, 1.0, 0.0, false));     /* the arms' ends */
    assert_true(seen(&l, -1.0, 0.0, false));
    assert_true(seen(&l, 0.875, 0.0, true));
    /* turned a quarter, it is seen along x from the end of an arm: the
     * near arm falls away (its underside shows), the far arm rises
     * behind the near arm's end and shows only above it */
    p = project(&s, 90, 10);
    assert_true(mesh_hidden_lines(&p, &s, 8, &l, err, sizeof err));
    assert_true(seen(&l, -1.0, 0.0, true));
    assert_true(seen(&l, -0.5, 0.0, true));
    assert_false(seen(&l, 0.5, 0.0, true));
    assert_true(seen(&l, 1.0, 0.0, true));
    mesh_lines_free(&l);
}

/* A hole (NaN heights) draws no lines inside it; the rest stays. */
static void test_hole_not_drawn(void **state)
{
    (void)state;
    struct mesh_surface s = {hole_in_middle, NULL, -1, 1, -1, 1, 0, 1};
    struct mesh_lines l = {0};
    char err[64];
    struct mesh_projection p = project(&s, 0, 60);
    assert_true(mesh_hidden_lines(&p, &s, 4, &l, err, sizeof err));
    assert_false(seen(&l, 0.0, 0.0, true));
    assert_false(seen(&l, 0.0, 0.0, false));
    assert_true(seen(&l, 0.5, 0.5, true));
    assert_true(seen(&l, -1.0, 0.0, false));
    mesh_lines_free(&l);
}

/* Lifting: on the surface a share MESH_LIFT of the box's height above f;
 * above the cut at the cut; off the ground at its edge, at the cut;
 * NaN nowhere. */
static void test_lift_and_cut(void **state)
{
    (void)state;
    struct mesh_surface s = {bowl_at, NULL, -2, 2, -2, 2, 0, 4};
    struct mesh_projection p = project(&s, 30, 40);
    double xs[] = {1, 1.5, 3, NAN, -2.5};
    double ys[] = {0.5, 1.5, 0, 1, -0.5};
    struct mesh_point out[5];
    mesh_lift_path(&p, &s, xs, ys, 5, out);
    double sx, sy;
    assert_int_equal(out[0].where, MESH_ON);
    assert_near(out[0].f, 1.25, 1e-12);
    assert_true(mesh_project(&p, 1, 0.5, 1.25 + MESH_LIFT * 4, &sx, &sy, NULL));
    assert_near(out[0].sx, sx, 1e-9);
    assert_near(out[0].sy, sy, 1e-9);
    assert_int_equal(out[1].where, MESH_ABOVE);           /* f 4.5 > 4 */
    assert_near(out[1].f, 4.5, 1e-12);
    assert_true(mesh_project(&p, 1.5, 1.5, 4, &sx, &sy, NULL));
    assert_near(out[1].sy, sy, 1e-9);
    assert_int_equal(out[2].where, MESH_OFF | MESH_ABOVE); /* x beyond 2 */
    assert_near(out[2].f, 9, 1e-12);
    assert_true(mesh_project(&p, 2, 0, 4, &sx, &sy, NULL));
    assert_near(out[2].sx, sx, 1e-9);
    assert_near(out[2].sy, sy, 1e-9);
    assert_int_equal(out[3].where, MESH_UNDEFINED);
    assert_int_equal(out[4].where, MESH_OFF | MESH_ABOVE); /* 6.5 */
    /* off the ground but below the cut: off only */
    struct mesh_surface high = s;
    high.clip = 100;
    p = project(&high, 30, 40);
    mesh_lift_path(&p, &high, xs + 2, ys + 2, 1, out);
    assert_int_equal(out[0].where, MESH_OFF);
}

/* The bowl's descents: at lr 0.1 the path stays on the surface and goes
 * down; at lr 1.1 the first step climbs the wall (f 72 below the cut 75)
 * and the next leaves the box. */
static void test_bowl_paths(void **state)
{
    (void)state;
    struct bowl *b = malloc(sizeof *b);
    assert_non_null(b);
    struct mesh_surface s = {bowl_at, NULL, -6.5, 6.5, -6.5, 6.5, 0, 75};
    struct mesh_projection p = project(&s, 30, 50);
    struct mesh_point out[8];
    bowl_start(b, 5, 5, 0.1);
    for (int i = 0; i < 7; i++)
        bowl_step(b);
    mesh_lift_path(&p, &s, b->path_x, b->path_y, b->path_len, out);
    for (size_t i = 0; i < b->path_len; i++) {
        assert_int_equal(out[i].where, MESH_ON);
        if (i > 0)
            assert_true(out[i].f < out[i - 1].f);
    }
    bowl_start(b, 5, 5, 1.1);
    for (int i = 0; i < 3; i++)
        bowl_step(b);
    mesh_lift_path(&p, &s, b->path_x, b->path_y, b->path_len, out);
    assert_int_equal(out[0].where, MESH_ON);
    assert_int_equal(out[1].where, MESH_ON);
    assert_near(out[1].f, 72, 1e-9);
    assert_true(out[1].f > out[0].f);
    assert_int_equal(out[2].where, MESH_OFF | MESH_ABOVE);
    assert_near(out[2].f, 2 * 7.2 * 7.2, 1e-9);
    free(b);
}

/* The axes run along the ground's front edges and up its leftmost
 * corner, whichever way the box is turned. */
static void test_axes(void **state)
{
    (void)state;
    struct mesh_surface s = {plane, NULL, 0, 4, 10, 20, -1, 3};
    struct mesh_axis ax[3];
    struct mesh_projection p = project(&s, 0, 30);
    mesh_axes(&p, ax);
    assert_near(ax[0].a[0], 0, 0);
    assert_near(ax[0].b[0], 4, 0);
    assert_near(ax[0].a[1], 10, 0);   /* y front: the near side */
    assert_near(ax[1].a[0], 0, 0);    /* x front at turn 0: x0 */
    assert_near(ax[1].a[1], 10, 0);
    assert_near(ax[1].b[1], 20, 0);
    assert_near(ax[2].a[2], -1, 0);
    assert_near(ax[2].b[2], 3, 0);
    p = project(&s, 180, 30);
    mesh_axes(&p, ax);
    assert_near(ax[0].a[1], 20, 0);   /* turned round: y1 is near */
    /* the f axis' corner is the leftmost on screen */
    for (int turn = 0; turn < 360; turn += 15) {
        p = project(&s, turn, 30);
        mesh_axes(&p, ax);
        double fx, fy, sx, sy;
        assert_true(mesh_project(&p, ax[2].a[0], ax[2].a[1], -1, &fx, &fy, NULL));
        for (int k = 0; k < 4; k++) {
            assert_true(mesh_project(&p, k & 1 ? 4 : 0, k & 2 ? 20 : 10, -1, &sx, &sy, NULL));
            assert_true(fx <= sx + 1e-9);
        }
    }
}

/* Reads a whole file (caller frees). */
static char *slurp(const char *path)
{
    FILE *in = fopen(path, "rb");
    assert_non_null(in);
    static char buf[1 << 22];
    size_t n = fread(buf, 1, sizeof buf - 1, in);
    fclose(in);
    buf[n] = '\0';
    char *copy = strdup(buf);
    assert_non_null(copy);
    return copy;
}

/* The mesh's lines in an SVG: <line> elements in the four height
 * colours, each inside the right-hand panel. */
static size_t svg_mesh_lines(const char *svg)
{
    size_t n = 0;
    for (const char *q = strstr(svg, "<line "); q; q = strstr(q + 1, "<line ")) {
        const char *end = strchr(q, '>');
        assert_non_null(end);
        char element[256];
        snprintf(element, sizeof element, "%.*s", (int)(end - q), q);
        static const char *const colours[4] = {"#3a9a5a", "#2a9aa8", "#3a62c0", "#a048a8"};
        bool mesh = false;
        for (int k = 0; k < 4; k++) {
            char want[32];
            snprintf(want, sizeof want, "stroke=\"%s\"", colours[k]);
            mesh = mesh || strstr(element, want) != NULL;
        }
        if (!mesh)
            continue;
        double x1, y1, x2, y2;
        assert_int_equal(sscanf(q, "<line x1=\"%lf\" y1=\"%lf\" x2=\"%lf\" y2=\"%lf\"",
                                &x1, &y1, &x2, &y2), 4);
        assert_true(x1 >= 600 && x1 <= 1200 && x2 >= 600 && x2 <= 1200);
        assert_true(y1 >= 0 && y1 <= 400 && y2 >= 0 && y2 <= 400);
        n++;
    }
    return n;
}

/* s with the mesh shown: the SVG's right panel is the mesh as lines,
 * hidden lines removed (seen from low down, fewer lines than from above,
 * as mesh_hidden_lines finds), with the path leaving the box at lr 1.1. */
static void test_svg_mesh(void **state)
{
    (void)state;
    struct table table;
    struct dataset data;
    struct trainer t;
    struct bowl *b = malloc(sizeof *b);
    char err[256], dir[] = "/tmp/descent-mesh-XXXXXX";
    assert_non_null(b);
    assert_non_null(mkdtemp(dir));
    assert_true(table_load_buffer("iris.csv", iris_csv, iris_csv_len, &table, err,
                                  sizeof err));
    struct selection sel = {"sepal_length", "petal_length", "species", "setosa",
                            "versicolor", false, NULL, NULL, 0, 0};
    assert_true(dataset_select(&table, &sel, &data, err, sizeof err));
    struct train_config cfg = train_config_default();
    cfg.lr = 1.1;
    assert_true(trainer_init(&t, &data, &cfg));
    bowl_start(b, 5, 5, 1.1);
    for (int i = 0; i < 12; i++) {
        trainer_epoch(&t);
        bowl_step(b);
    }
    struct view_state v = {.trainer = &t, .data = &data, .bowl = b, .log_cost = true,
                           .epochs_per_frame = 1, .mesh = true, .mesh_turn = 30,
                           .mesh_tilt = 80};
    char base[64], stem[128], path[160];
    size_t lines[2];
    for (int low = 0; low < 2; low++) {
        v.mesh_tilt = low ? 10 : 80;
        snprintf(base, sizeof base, "%s/tilt%d", dir, v.mesh_tilt);
        assert_true(export_save(base, &v, NULL, stem, sizeof stem, err, sizeof err));
        snprintf(path, sizeof path, "%s.svg", stem);
        char *svg = slurp(path);
        assert_non_null(strstr(svg, "in 3D"));
        assert_non_null(strstr(svg, "hidden lines removed"));
        assert_non_null(strstr(svg, "f = 3975"));   /* 50 * 1.2^24, off the box */
        lines[low] = svg_mesh_lines(svg);
        free(svg);
        for (const char *ext = ".csv\0.txt\0.svg\0"; *ext; ext += 5) {
            snprintf(path, sizeof path, "%s%s", stem, ext);
            assert_int_equal(remove(path), 0);
        }
    }
    /* as many as mesh.c's visible pieces of the same surface: its lines
     * are those pieces, one <line> each */
    struct mesh_surface s;
    mesh_surface_of_bowl(b, &s);
    struct mesh_lines ml = {0};
    for (int low = 0; low < 2; low++) {
        struct mesh_projection p;
        mesh_project_init(&p, &s, 30, low ? 10 : 80, 640, 50, 540, 330);
        assert_true(mesh_hidden_lines(&p, &s, 16, &ml, err, sizeof err));
        assert_int_equal(lines[low], ml.count);
    }
    mesh_lines_free(&ml);
    assert_true(lines[1] < lines[0]);
    assert_true(lines[1] > 100);
    assert_int_equal(rmdir(dir), 0);
    trainer_free(&t);
    dataset_free(&data);
    table_free(&table);
    free(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_projection_by_hand),
        cmocka_unit_test(test_projection_turn_and_clamp),
        cmocka_unit_test(test_turn_and_tilt_steps),
        cmocka_unit_test(test_plane_all_visible),
        cmocka_unit_test(test_planes),
        cmocka_unit_test(test_bowl_visibility),
        cmocka_unit_test(test_saddle_visibility),
        cmocka_unit_test(test_hole_not_drawn),
        cmocka_unit_test(test_lift_and_cut),
        cmocka_unit_test(test_bowl_paths),
        cmocka_unit_test(test_axes),
        cmocka_unit_test(test_svg_mesh),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
