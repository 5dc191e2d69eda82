/* mesh.c - a surface seen in 3D (mesh.h): the axonometric projection,
 * the wireframe's visible pieces by a floating horizon over rows of
 * cells taken front to back, the path lifted onto the surface, the box's
 * axes. Pure math: no canvas, no terminal. */
#include "mesh.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PI 3.14159265358979323846

/* A piece counts as visible up to this far (screen units) behind the
 * horizon: a line leaving a vertex of the row in front is not cut
 * short by that row's line through the same column. */
#define MESH_TOLERANCE 1.0

/* A range [lo, hi] that is finite and not empty. */
static void sane_range(double *lo, double *hi)
{
    if (!isfinite(*lo) || !isfinite(*hi) || !(*hi > *lo)) {
        double mid = isfinite(*lo) ? *lo : isfinite(*hi) ? *hi : 0.0;
        *lo = mid - 1.0;
        *hi = mid + 1.0;
    }
}

static double clamp(double v, double lo, double hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

void mesh_project_init(struct mesh_projection *p, const struct mesh_surface *s,
                       double turn, double tilt, double left, double top,
                       double width, double height)
{
    memset(p, 0, sizeof *p);
    p->x0 = s->x0;
    p->x1 = s->x1;
    p->y0 = s->y0;
    p->y1 = s->y1;
    p->floor = s->floor;
    p->clip = s->clip;
    sane_range(&p->x0, &p->x1);
    sane_range(&p->y0, &p->y1);
    sane_range(&p->floor, &p->clip);
    if (!isfinite(turn))
        turn = 0.0;
    tilt = isfinite(tilt) ? clamp(tilt, MESH_TILT_MIN, MESH_TILT_MAX) : MESH_TILT_DEFAULT;
    p->cos_turn = cos(turn * PI / 180.0);
    p->sin_turn = sin(turn * PI / 180.0);
    p->cos_tilt = cos(tilt * PI / 180.0);
    p->sin_tilt = sin(tilt * PI / 180.0);
    p->left = left;
    p->top = top;
    p->width = width > 0 ? width : 0;
    p->height = height > 0 ? height : 0;
    /* The ground's corners lie within sqrt(2) of its centre whatever the
     * turn: across, [-r, r]; up, from -r sin(tilt) to the cut's
     * MESH_HEIGHT cos(tilt) + r sin(tilt). */
    double r = sqrt(2.0);
    double span_up = MESH_HEIGHT * p->cos_tilt + 2 * r * p->sin_tilt;
    p->scale = fmin(p->width / (2 * r), p->height / span_up);
    p->origin_x = left + p->width / 2;
    double mid_up = MESH_HEIGHT * p->cos_tilt / 2;
    p->origin_y = top + p->height / 2 + p->scale * mid_up;
}

/* Ground and height in the box's own units: u, v in [-1, 1], h in
 * [0, MESH_HEIGHT]. */
static void to_box(const struct mesh_projection *p, double x, double y, double f,
                   double *u, double *v, double *h)
{
    *u = (2 * x - p->x0 - p->x1) / (p->x1 - p->x0);
    *v = (2 * y - p->y0 - p->y1) / (p->y1 - p->y0);
    *h = (clamp(f, p->floor, p->clip) - p->floor) / (p->clip - p->floor) * MESH_HEIGHT;
}

/* The screen point of box units (u, v, h). */
static void box_to_screen(const struct mesh_projection *p, double u, double v,
                          double h, double *sx, double *sy, double *depth)
{
    double across = u * p->cos_turn - v * p->sin_turn;
    double away = u * p->sin_turn + v * p->cos_turn;
    double up = h * p->cos_tilt + away * p->sin_tilt;
    *sx = p->origin_x + p->scale * across;
    *sy = p->origin_y - p->scale * up;
    if (depth)
        *depth = away * p->cos_tilt - h * p->sin_tilt;
}

bool mesh_project(const struct mesh_projection *p, double x, double y,
                  double f, double *sx, double *sy, double *depth)
{
    if (!isfinite(x) || !isfinite(y) || isnan(f))
        return false;
    double u, v, h;
    to_box(p, x, y, f, &u, &v, &h);
    box_to_screen(p, u, v, h, sx, sy, depth);
    return isfinite(*sx) && isfinite(*sy);
}

int mesh_turn_step(int turn, int dir)
{
    int t = (turn + (dir > 0 ? MESH_TURN_STEP : -MESH_TURN_STEP)) % 360;
    return t < 0 ? t + 360 : t;
}

int mesh_tilt_step(int tilt, int dir)
{
    int t = tilt + (dir > 0 ? MESH_TILT_STEP : -MESH_TILT_STEP);
    return t < MESH_TILT_MIN ? MESH_TILT_MIN : t > MESH_TILT_MAX ? MESH_TILT_MAX : t;
}

void mesh_lines_free(struct mesh_lines *out)
{
    free(out->segments);
    free(out->upper);
    free(out->lower);
    free(out->points);
    memset(out, 0, sizeof *out);
}

/* Makes room in out for `samples` grid points and `columns` horizon
 * entries. */
static bool reserve(struct mesh_lines *out, size_t samples, size_t columns)
{
    if (samples > out->samples) {
        double *pts = realloc(out->points, samples * 3 * sizeof *pts);
        if (!pts)
            return false;
        out->points = pts;
        out->samples = samples;
    }
    if (columns > out->columns) {
        double *up = realloc(out->upper, columns * sizeof *up);
        if (!up)
            return false;
        out->upper = up;
        double *low = realloc(out->lower, columns * sizeof *low);
        if (!low)
            return false;
        out->lower = low;
        out->columns = columns;
    }
    return true;
}

static bool push_segment(struct mesh_lines *out, struct mesh_segment s)
{
    if (out->count == out->capacity) {
        size_t cap = out->capacity ? 2 * out->capacity : 1024;
        struct mesh_segment *seg = realloc(out->segments, cap * sizeof *seg);
        if (!seg)
            return false;
        out->segments = seg;
        out->capacity = cap;
    }
    out->segments[out->count++] = s;
    return true;
}

/* The method's state for one call. */
struct horizon {
    const struct mesh_projection *p;
    struct mesh_lines *out;
    size_t columns;     /* entries used of out->upper / out->lower */
    int n;              /* cells per axis */
    bool failed;        /* out of memory while emitting */
};

/* The grid point (i, j): i along x, j along y; NULL for a hole. */
static const double *grid_point(const struct horizon *hz, int i, int j)
{
    const double *q = hz->out->points + 3 * ((size_t)j * (size_t)(hz->n + 1) + (size_t)i);
    return isnan(q[2]) ? NULL : q;
}

/* The columns an edge from screen x a to b covers, in the order of its
 * parameter t, with the piece of t in each: calls visit for each. */
typedef void (*column_visit)(struct horizon *hz, size_t column, double t0,
                             double t1, const double *a, const double *b,
                             void *acc);

static void for_columns(struct horizon *hz, const double *a, const double *b,
                        column_visit visit, void *acc)
{
    double dx = b[0] - a[0];
    double lo = fmin(a[0], b[0]) - hz->p->left, hi = fmax(a[0], b[0]) - hz->p->left;
    double last = (double)hz->columns - 1;
    long c0 = (long)clamp(floor(lo), 0, last), c1 = (long)clamp(floor(hi), 0, last);
    if (c0 == c1 || fabs(dx) < 1e-12) {
        visit(hz, (size_t)c0, 0.0, 1.0, a, b, acc);
        return;
    }
    long step = dx > 0 ? 1 : -1;
    for (long c = dx > 0 ? c0 : c1;; c += step) {
        /* The piece inside column c: x in [c, c + 1) (the first and last
         * columns take whatever lies beyond the screen). */
        double xa = (c == c0) ? -INFINITY : (double)c + hz->p->left;
        double xb = (c == c1) ? INFINITY : (double)c + 1 + hz->p->left;
        double ta = (xa - a[0]) / dx, tb = (xb - a[0]) / dx;
        double t0 = clamp(fmin(ta, tb), 0.0, 1.0), t1 = clamp(fmax(ta, tb), 0.0, 1.0);
        if (t1 > t0)
            visit(hz, (size_t)c, t0, t1, a, b, acc);
        if (c == (dx > 0 ? c1 : c0))
            break;
    }
}

/* Visible intervals of t along one edge, merged as they come (in t
 * order). An edge spans a few columns; should one ever show more than
 * VISIBLE_MAX separate pieces, the further ones are dropped. */
#define VISIBLE_MAX 64
struct visible {
    double t[2 * VISIBLE_MAX];
    int count;          /* intervals */
};

static void add_interval(struct visible *v, double t0, double t1)
{
    if (!(t1 > t0))
        return;
    if (v->count > 0 && t0 <= v->t[2 * v->count - 1] + 1e-9) {
        if (t1 > v->t[2 * v->count - 1])
            v->t[2 * v->count - 1] = t1;
        return;
    }
    if (v->count == VISIBLE_MAX)
        return;
    v->t[2 * v->count] = t0;
    v->t[2 * v->count + 1] = t1;
    v->count++;
}

/* Within [t0, t1], the t where y(t) < limit (below: y(t) > limit). */
static bool part_beyond(double ya, double yb, double limit, bool below,
                        double t0, double t1, double *r0, double *r1)
{
    double dy = yb - ya;
    if (fabs(dy) < 1e-12) {
        bool in = below ? ya > limit : ya < limit;
        *r0 = t0;
        *r1 = t1;
        return in;
    }
    double tc = (limit - ya) / dy;
    /* y(t) < limit for t > tc when y falls with t, for t < tc otherwise. */
    bool after = (dy < 0) != below;
    *r0 = after ? fmax(t0, tc) : t0;
    *r1 = after ? t1 : fmin(t1, tc);
    return *r1 > *r0;
}

/* One column of an edge: its visible parts against the horizon. */
static void test_column(struct horizon *hz, size_t column, double t0, double t1,
                        const double *a, const double *b, void *acc)
{
    struct visible *v = acc;
    const double eps = -MESH_TOLERANCE;
    double up = hz->out->upper[column], low = hz->out->lower[column];
    double r[2][2];
    bool above = part_beyond(a[1], b[1], up - eps, false, t0, t1, &r[0][0], &r[0][1]);
    bool under = part_beyond(a[1], b[1], low + eps, true, t0, t1, &r[1][0], &r[1][1]);
    if (above && under) {
        int first = r[0][0] <= r[1][0] ? 0 : 1;
        add_interval(v, r[first][0], r[first][1]);
        add_interval(v, r[1 - first][0], r[1 - first][1]);
    } else if (above) {
        add_interval(v, r[0][0], r[0][1]);
    } else if (under) {
        add_interval(v, r[1][0], r[1][1]);
    }
}

/* One column of an edge: the horizon widened by its piece. */
static void widen_column(struct horizon *hz, size_t column, double t0, double t1,
                         const double *a, const double *b, void *acc)
{
    (void)acc;
    double ya = a[1] + t0 * (b[1] - a[1]), yb = a[1] + t1 * (b[1] - a[1]);
    double lo = fmin(ya, yb), hi = fmax(ya, yb);
    if (lo < hz->out->upper[column])
        hz->out->upper[column] = lo;
    if (hi > hz->out->lower[column])
        hz->out->lower[column] = hi;
}

/* Tests the edge from grid point a to b (drawn: its visible pieces are
 * emitted) or widens the horizon with it (widen). In world units the
 * edge lies on the line `at` from `from` to `to` (struct mesh_segment). */
static void edge(struct horizon *hz, const double *a, const double *b, bool drawn,
                 bool along_x, bool widen, double at, double from, double to)
{
    if (!a || !b)
        return;
    if (widen) {
        for_columns(hz, a, b, widen_column, NULL);
        return;
    }
    if (!drawn)
        return;
    struct visible v = {.count = 0};
    for_columns(hz, a, b, test_column, &v);
    for (int k = 0; k < v.count; k++) {
        double t0 = v.t[2 * k], t1 = v.t[2 * k + 1];
        struct mesh_segment s = {
            a[0] + t0 * (b[0] - a[0]), a[1] + t0 * (b[1] - a[1]),
            a[0] + t1 * (b[0] - a[0]), a[1] + t1 * (b[1] - a[1]),
            (a[2] + b[2]) / 2, along_x, at,
            from + t0 * (to - from), from + t1 * (to - from),
        };
        if (!push_segment(hz->out, s))
            hz->failed = true;
    }
}

/* The edges of one row of cells between grid lines k_from and k_to of
 * the outer axis (rows along x: lines of constant j; else of constant
 * i). first: the row's front line is tested too. */
static void row(struct horizon *hz, bool rows_along_x, int k_from, int k_to,
                int lines_every, bool first, bool widen)
{
    int n = hz->n;
    const struct mesh_projection *p = hz->p;
    /* world coordinates of grid index k along x and along y */
#define GX(k) (p->x0 + (p->x1 - p->x0) * (k) / n)
#define GY(k) (p->y0 + (p->y1 - p->y0) * (k) / n)
    for (int m = 0; m <= n; m++) {
        /* the cross edge at m, from the front line to the back line */
        if (rows_along_x)
            edge(hz, grid_point(hz, m, k_from), grid_point(hz, m, k_to),
                 m % lines_every == 0, false, widen, GX(m), GY(k_from), GY(k_to));
        else
            edge(hz, grid_point(hz, k_from, m), grid_point(hz, k_to, m),
                 m % lines_every == 0, true, widen, GY(m), GX(k_from), GX(k_to));
        if (m == n)
            break;
        /* the edges along the row: its back line (and front line) */
        for (int pass = first ? 0 : 1; pass < 2; pass++) {
            int k = pass == 0 ? k_from : k_to;
            if (rows_along_x)
                edge(hz, grid_point(hz, m, k), grid_point(hz, m + 1, k),
                     k % lines_every == 0, true, widen, GY(k), GX(m), GX(m + 1));
            else
                edge(hz, grid_point(hz, k, m), grid_point(hz, k, m + 1),
                     k % lines_every == 0, false, widen, GX(k), GY(m), GY(m + 1));
        }
    }
#undef GX
#undef GY
}

bool mesh_hidden_lines(const struct mesh_projection *p,
                       const struct mesh_surface *s, int lines,
                       struct mesh_lines *out, char *err, size_t errlen)
{
    out->count = 0;
    if (lines < 1)
        lines = 1;
    if (lines > 256)
        lines = 256;
    int n = lines * MESH_SUBDIVIDE;
    size_t samples = (size_t)(n + 1) * (size_t)(n + 1);
    size_t columns = (size_t)fmax(1.0, ceil(p->width) + 1);
    if (!reserve(out, samples, columns)) {
        snprintf(err, errlen, "out of memory for a %dx%d mesh", lines, lines);
        mesh_lines_free(out);
        return false;
    }
    /* Sample the surface at every grid point: screen point and level. */
    for (int j = 0; j <= n; j++) {
        double y = p->y0 + (p->y1 - p->y0) * j / n;
        for (int i = 0; i <= n; i++) {
            double x = p->x0 + (p->x1 - p->x0) * i / n;
            double f = s->f(x, y, s->ctx);
            double *q = out->points + 3 * ((size_t)j * (size_t)(n + 1) + (size_t)i);
            if (isnan(f) || !mesh_project(p, x, y, f, &q[0], &q[1], NULL)) {
                q[0] = q[1] = q[2] = NAN;
                continue;
            }
            q[2] = (clamp(f, p->floor, p->clip) - p->floor) / (p->clip - p->floor);
        }
    }
    for (size_t c = 0; c < columns; c++) {
        out->upper[c] = INFINITY;
        out->lower[c] = -INFINITY;
    }
    struct horizon hz = {p, out, columns, n, false};
    /* Rows along the grid axis closer to the screen's horizontal, front
     * (smallest depth) first. */
    bool rows_along_x = fabs(p->cos_turn) >= fabs(p->sin_turn);
    bool ascending = rows_along_x ? p->cos_turn >= 0 : p->sin_turn >= 0;
    for (int r = 0; r < n; r++) {
        int k_from = ascending ? r : n - r, k_to = ascending ? r + 1 : n - r - 1;
        row(&hz, rows_along_x, k_from, k_to, MESH_SUBDIVIDE, r == 0, false);
        row(&hz, rows_along_x, k_from, k_to, MESH_SUBDIVIDE, true, true);
    }
    if (hz.failed) {
        snprintf(err, errlen, "out of memory for a %dx%d mesh", lines, lines);
        mesh_lines_free(out);
        return false;
    }
    return true;
}

void mesh_lift_path(const struct mesh_projection *p, const struct mesh_surface *s,
                    const double *xs, const double *ys, size_t n,
                    struct mesh_point *out)
{
    double lift = MESH_LIFT * (p->clip - p->floor);
    for (size_t i = 0; i < n; i++) {
        struct mesh_point *q = &out[i];
        double x = xs[i], y = ys[i];
        q->where = MESH_ON;
        q->sx = q->sy = NAN;
        q->f = NAN;
        if (!isfinite(x) || !isfinite(y)) {
            q->where = MESH_UNDEFINED;
            continue;
        }
        q->f = s->f(x, y, s->ctx);
        double h = q->f;
        if (x < p->x0 || x > p->x1 || y < p->y0 || y > p->y1) {
            q->where |= MESH_OFF;
            x = clamp(x, p->x0, p->x1);
            y = clamp(y, p->y0, p->y1);
            h = p->clip;
            if (q->f > p->clip)
                q->where |= MESH_ABOVE;
        } else if (isnan(h)) {
            q->where = MESH_UNDEFINED;
            continue;
        } else if (h > p->clip) {
            q->where |= MESH_ABOVE;
            h = p->clip;
        } else {
            h = fmax(h, p->floor) + lift;
        }
        if (!mesh_project(p, x, y, h, &q->sx, &q->sy, NULL))
            q->where = MESH_UNDEFINED;
    }
}

void mesh_axes(const struct mesh_projection *p, struct mesh_axis axes[3])
{
    /* The front edges: the ground's side of smaller depth along each
     * axis; the leftmost corner: smallest screen x. */
    double y_front = p->cos_turn >= 0 ? p->y0 : p->y1;
    double x_front = p->sin_turn >= 0 ? p->x0 : p->x1;
    double x_left = p->cos_turn >= 0 ? p->x0 : p->x1;
    double y_left = p->sin_turn >= 0 ? p->y1 : p->y0;
    axes[0] = (struct mesh_axis){{p->x0, y_front, p->floor}, {p->x1, y_front, p->floor}};
    axes[1] = (struct mesh_axis){{x_front, p->y0, p->floor}, {x_front, p->y1, p->floor}};
    axes[2] = (struct mesh_axis){{x_left, y_left, p->floor}, {x_left, y_left, p->clip}};
}
