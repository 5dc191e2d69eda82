/* mesh.h - a surface z = f(x, y) seen in 3D: the projection of a ground
 * rectangle and its heights onto a screen rectangle, the wireframe's
 * visible pieces with hidden lines removed, and a path lifted onto the
 * surface with its points above the cut or off the ground flagged. Pure
 * math on doubles: no canvas, no terminal (plot_mesh.c draws the result
 * into a canvas, export.c into the SVG).
 *
 * The projection is axonometric (parallel rays, no perspective): the
 * ground rectangle is scaled to [-1, 1] x [-1, 1], heights from `floor`
 * (0) to `clip` (MESH_HEIGHT); it is turned by `turn` degrees about the
 * vertical axis and seen from `tilt` degrees above the horizon (90: from
 * straight above, as the contour view; 10: almost from the side). The
 * scale does not depend on the turn, so turning does not zoom. Screen
 * coordinates grow to the right and DOWN (canvas dots, SVG units).
 *
 * Hidden lines: a floating horizon. The ground is cut into cells (the
 * drawn grid lines subdivided MESH_SUBDIVIDE times, so that the hiding is
 * finer than the lines drawn); the rows of cells along the grid axis
 * closer to the screen's horizontal are taken front to back. For each
 * screen column (one unit wide) the horizon keeps the highest and the
 * lowest screen point of the rows already taken; a new row's edges are
 * visible where they pass above the upper horizon or below the lower one
 * (the underside of a surface seen from below shows, as it would), and
 * then the row widens the horizon. Gaps between a near part and a far
 * part in one column are counted as covered: the method's known
 * approximation, invisible on smooth surfaces. */
#ifndef DESCENT_MESH_H
#define DESCENT_MESH_H

#include <stdbool.h>
#include <stddef.h>

/* A surface: height f(x, y) for ctx (NaN: a hole, its cells are not
 * drawn). Any function of the plane plugs in (the bowl, the neuron's
 * cost landscape, ...). */
typedef double (*mesh_function)(double x, double y, const void *ctx);

/* The angles (degrees): turn steps, tilt steps and the tilt's range. */
#define MESH_TURN_STEP 15
#define MESH_TILT_STEP 10
#define MESH_TILT_MIN 10
#define MESH_TILT_MAX 80
#define MESH_TURN_DEFAULT 30
#define MESH_TILT_DEFAULT 50
/* The height of the cut (f = clip) in units of the ground's half-width:
 * the box drawn is 2 x 2 x MESH_HEIGHT. */
#define MESH_HEIGHT 1.0
/* Each drawn grid cell is cut into this many hiding cells along each
 * axis. */
#define MESH_SUBDIVIDE 4
/* A path point is lifted by this share of (clip - floor) above f. */
#define MESH_LIFT 0.02

/* What is drawn: the surface over [x0, x1] x [y0, y1], heights cut to
 * [floor, clip] (f above clip is drawn at clip, below floor at floor). */
struct mesh_surface {
    mesh_function f;
    const void *ctx;
    double x0, x1, y0, y1;
    double floor, clip;
};

/* A projection of a surface's box into a screen rectangle. */
struct mesh_projection {
    double x0, x1, y0, y1, floor, clip;  /* the surface's box */
    double cos_turn, sin_turn, cos_tilt, sin_tilt;
    double scale;                        /* screen units per half-width */
    double origin_x, origin_y;           /* screen point of the box's centre
                                            at the floor */
    double left, top, width, height;     /* the screen rectangle */
};

/* Sets up p to show s's box at angles turn and tilt (degrees; tilt is
 * clamped to MESH_TILT_MIN..MESH_TILT_MAX) as large as fits a screen
 * rectangle of width x height units whose top-left is (left, top), for
 * every turn. */
void mesh_project_init(struct mesh_projection *p, const struct mesh_surface *s,
                       double turn, double tilt, double left, double top,
                       double width, double height);

/* The screen point of the world point (x, y, f) (f cut to the box's
 * heights); *depth (may be NULL) grows away from the viewer. Returns
 * false when a value is not finite. */
bool mesh_project(const struct mesh_projection *p, double x, double y,
                  double f, double *sx, double *sy, double *depth);

/* The turn after one step (dir > 0: +MESH_TURN_STEP), in 0..359; the
 * tilt after one step, clamped to the range. */
int mesh_turn_step(int turn, int dir);
int mesh_tilt_step(int tilt, int dir);

/* A visible piece of a grid line, in screen units. level is the height
 * of its middle as a share of the box (0: floor, 1: clip), for colour;
 * along_x is true for a line of constant y (running along x). In world
 * units the piece lies on the line y = at (along_x; else x = at) from
 * the other coordinate `from` to `to` (the screen ends' order). */
struct mesh_segment {
    double x0, y0, x1, y1;
    double level;
    bool along_x;
    double at, from, to;
};

/* The visible wireframe: segments and the scratch the method uses. Start
 * zeroed ({0}); reuse it from frame to frame; free with mesh_lines_free. */
struct mesh_lines {
    struct mesh_segment *segments;
    size_t count, capacity;
    double *upper, *lower;     /* the horizons, one per screen column */
    size_t columns;
    double *points;            /* the sampled surface: screen x, y and
                                  level of each grid point */
    size_t samples;
};

/* Computes in out the visible pieces of `lines` + 1 grid lines along
 * each axis of s (lines clamped to 1..256), seen through p, hidden lines removed by
 * the floating horizon above. The screen columns are p's units: the
 * horizon has one entry per unit of width. Returns false with err when
 * memory runs out (out is then empty). */
bool mesh_hidden_lines(const struct mesh_projection *p,
                       const struct mesh_surface *s, int lines,
                       struct mesh_lines *out, char *err, size_t errlen);

/* Frees what mesh_hidden_lines allocated; out becomes zeroed. */
void mesh_lines_free(struct mesh_lines *out);

/* Where a path point lands. */
enum {
    MESH_ON = 0,         /* on the surface, lifted */
    MESH_ABOVE = 1,      /* f above the cut: at the cut, an up arrow */
    MESH_OFF = 2,        /* off the ground: at its edge, at the cut */
    MESH_UNDEFINED = 4   /* NaN or infinite: not drawn */
};

struct mesh_point {
    double sx, sy;       /* its screen point */
    double f;            /* f at the point (not cut) */
    unsigned where;      /* MESH_* bits */
};

/* Lifts the path (xs[i], ys[i]) onto s: each point at height f + MESH_LIFT
 * of the box's height, cut at clip (MESH_ABOVE); a point off the ground
 * is moved to the ground's edge at the cut (MESH_OFF, and MESH_ABOVE
 * when f is above the cut). Writes n points to out. */
void mesh_lift_path(const struct mesh_projection *p, const struct mesh_surface *s,
                    const double *xs, const double *ys, size_t n,
                    struct mesh_point *out);

/* The three axes of the box, for labels: each from a (ends[0]) to b
 * (ends[1]) in world units (x, y, f). x and y run along the ground's
 * front edges (nearest the viewer), f up the leftmost corner. */
struct mesh_axis {
    double a[3], b[3];
};
void mesh_axes(const struct mesh_projection *p, struct mesh_axis axes[3]);

#endif
