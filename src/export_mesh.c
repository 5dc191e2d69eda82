/* export_mesh.c - the saved SVG's right panel as a 3D mesh: the visible
 * pieces of the surface's grid lines (mesh.c removes the hidden ones), its
 * axes and the descent path lifted onto it, for the bowl and for the
 * neuron's cost landscape. The rest of the picture is export.c's. */
#include "export_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "landscape.h"
#include "mesh.h"
#include "mesh_surfaces.h"
#include "plot.h"
#include "util.h"

/* The mesh's box in the picture, and its lines' colours by height. */
#define MESH_LEFT 640.0
#define MESH_TOP 50.0
#define MESH_WIDTH 540.0
#define MESH_HEIGHT_SVG 330.0
#define MESH_LINES 16
static const char *const mesh_colours[4] = {"#3a9a5a", "#2a9aa8", "#3a62c0", "#a048a8"};

/* The text of a number for a label (10^v when log). */
static void mesh_label(char *buf, size_t len, double v, bool log_f)
{
    plot_format_number(buf, len, log_f ? pow(10.0, v) : v, -1);
}

/* The box's axes with their names and the values at their ends. */
static void svg_mesh_axes(FILE *f, const struct mesh_projection *p,
                          const char *const names[3], bool log_f)
{
    struct mesh_axis axes[3];
    mesh_axes(p, axes);
    const char *small = "font-size=\"12\" fill=\"#444\"";
    for (int i = 0; i < 3; i++) {
        double ax, ay, bx, by;
        if (!mesh_project(p, axes[i].a[0], axes[i].a[1], axes[i].a[2], &ax, &ay, NULL) ||
            !mesh_project(p, axes[i].b[0], axes[i].b[1], axes[i].b[2], &bx, &by, NULL))
            continue;
        fprintf(f, "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" "
                "stroke=\"#888\" stroke-dasharray=\"4 3\"/>\n", ax, ay, bx, by);
        char lo[32], hi[32];
        mesh_label(lo, sizeof lo, axes[i].a[i], i == 2 && log_f);
        mesh_label(hi, sizeof hi, axes[i].b[i], i == 2 && log_f);
        if (i == 2) {
            svg_text(f, ax - 6, ay + 4, small, "end", "%s", lo);
            svg_text(f, bx - 6, by + 4, small, "end", "%s", hi);
            svg_text(f, bx, by - 10, "font-size=\"14\" font-style=\"italic\" fill=\"#222\"",
                     "middle", "%s", names[i]);
        } else {
            svg_text(f, ax, ay + 16, small, "middle", "%s", lo);
            svg_text(f, bx, by + 16, small, "middle", "%s", hi);
            svg_text(f, (ax + bx) / 2, (ay + by) / 2 + 20,
                     "font-size=\"14\" font-style=\"italic\" fill=\"#222\"", "middle",
                     "%s", names[i]);
        }
    }
}

/* The path lifted onto the surface: lines between drawable points (one
 * of them may be off the ground: the path leaving, up to the edge);
 * the current point as a dot, or as an up arrow with its height when
 * above the cut or off the ground. */
static void svg_mesh_path(FILE *f, const struct mesh_projection *p,
                          const struct mesh_surface *surface, const double *xs,
                          const double *ys, size_t n, const char *f_name)
{
    if (n == 0)
        return;
    struct mesh_point *pts = malloc(n * sizeof *pts);
    if (!pts)
        return;
    mesh_lift_path(p, surface, xs, ys, n, pts);
    for (size_t i = 1; i < n; i++) {
        const struct mesh_point *a = &pts[i - 1], *b = &pts[i];
        if ((a->where | b->where) & MESH_UNDEFINED || (a->where & b->where & MESH_OFF))
            continue;
        fprintf(f, "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" "
                "stroke=\"#111\" stroke-width=\"1.5\"/>\n", a->sx, a->sy, b->sx, b->sy);
    }
    const struct mesh_point *last = &pts[n - 1];
    if (last->where == MESH_ON) {
        fprintf(f, "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"5\" fill=\"#d22\"/>\n",
                last->sx, last->sy);
    } else if (!(last->where & MESH_UNDEFINED)) {
        fprintf(f, "<polygon points=\"%.2f,%.2f %.2f,%.2f %.2f,%.2f\" fill=\"#d22\"/>\n",
                last->sx, last->sy - 12, last->sx - 6, last->sy, last->sx + 6, last->sy);
        char value[32];
        plot_format_number(value, sizeof value, last->f, -1);
        svg_text(f, last->sx + 10, last->sy - 4, "font-size=\"13\" fill=\"#d22\"", "start",
                 "%s = %s", f_name, value);
    }
    free(pts);
}

/* The surface as a 3D wireframe with hidden lines removed (mesh.c's
 * visible pieces, one <line> each, coloured by height), its axes and
 * the path on it. */
static void svg_mesh(FILE *f, const struct view_state *s, const struct mesh_surface *surface,
                     const double *xs, const double *ys, size_t n,
                     const char *const names[3], bool log_f)
{
    struct mesh_projection p;
    mesh_project_init(&p, surface, s->mesh_turn, s->mesh_tilt, MESH_LEFT, MESH_TOP,
                      MESH_WIDTH, MESH_HEIGHT_SVG);
    struct mesh_lines lines = {0};
    char err[128];
    if (!mesh_hidden_lines(&p, surface, MESH_LINES, &lines, err, sizeof err)) {
        svg_text(f, 640, 200, "font-size=\"14\" fill=\"#444\"", "start", "%s", err);
        return;
    }
    svg_mesh_axes(f, &p, names, log_f);
    for (size_t i = 0; i < lines.count; i++) {
        const struct mesh_segment *m = &lines.segments[i];
        int k = (int)(m->level * 4);
        fprintf(f, "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" "
                "stroke=\"%s\" stroke-width=\"1\"/>\n", m->x0, m->y0, m->x1, m->y1,
                mesh_colours[k < 0 ? 0 : k > 3 ? 3 : k]);
    }
    mesh_lines_free(&lines);
    svg_mesh_path(f, &p, surface, xs, ys, n, names[2]);
}

void svg_bowl_mesh(FILE *f, const struct view_state *s)
{
    const struct bowl *b = s->bowl;
    svg_title(f, 620, 28, "bowl f(x,y) = x\xc2\xb2 + y\xc2\xb2 in 3D, gradient descent");
    struct mesh_surface surface;
    mesh_surface_of_bowl(b, &surface);
    static const char *const names[3] = {"x", "y", "f"};
    size_t n = b->path_len;
    if (n > 0 && (b->path_x[n - 1] != b->x || b->path_y[n - 1] != b->y))
        n = 0;
    svg_mesh(f, s, &surface, n ? b->path_x : &b->x, n ? b->path_y : &b->y, n ? n : 1,
             names, false);
    char cut[32];
    plot_format_number(cut, sizeof cut, surface.clip, -1);
    svg_text(f, 620, 392, "font-size=\"13\" fill=\"#222\"", "start",
             "lr %g, step %zu; turn %d\xc2\xb0, tilt %d\xc2\xb0; cut at f = %s; "
             "hidden lines removed", b->lr, b->steps, s->mesh_turn, s->mesh_tilt, cut);
}

void svg_landscape_mesh(FILE *f, const struct view_state *s)
{
    const struct trainer *t = s->trainer;
    svg_title(f, 620, 28, "cost landscape C(w1, w2) in 3D");
    struct landscape *l = landscape_new();
    if (!l)
        return;
    double x0, x1, y0, y1;
    landscape_choose_view(l, t, &x0, &x1, &y0, &y1);
    landscape_update(l, t, x0, x1, y0, y1, 2 * MESH_LINES + 1, 2 * MESH_LINES + 1, true);
    struct mesh_surface surface;
    if (mesh_surface_of_landscape(l, &surface)) {
        static const char *const names[3] = {"w1", "w2", "C"};
        size_t np = landscape_path(l, t);
        svg_mesh(f, s, &surface, l->path_w1, l->path_w2, np, names, true);
    }
    char bs[32];
    plot_format_number(bs, sizeof bs, t->theta[t->nparams - 1], -1);
    svg_text(f, 620, 392, "font-size=\"13\" fill=\"#222\"", "start",
             "at b = %s; height log C; turn %d\xc2\xb0, tilt %d\xc2\xb0; hidden lines removed",
             bs, s->mesh_turn, s->mesh_tilt);
    landscape_free(l);
}

