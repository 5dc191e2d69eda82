/* plot_mesh.h - a surface drawn as a 3D wireframe into a rectangle of a
 * canvas (plot_mesh.c): the visible grid lines of mesh.c in braille dots
 * (in ASCII, one of - | / \ per cell by the slope), coloured by height,
 * the box's axes with a few ticks and their names, a path lifted onto
 * the surface and its current point. Writes only the canvas. */
#ifndef DESCENT_PLOT_MESH_H
#define DESCENT_PLOT_MESH_H

#include <stdbool.h>
#include <stddef.h>

#include "canvas.h"
#include "mesh.h"

/* How the mesh looks: axis names, the height's tick labels, styles and
 * the glyphs of the current point and of a point above the cut. */
struct mesh_look {
    const char *x_name, *y_name, *f_name;
    bool log_f;                 /* heights are log10 of the value: ticks
                                   are labelled 10^f */
    const struct style *levels; /* the lines' styles from low to high */
    size_t level_count;
    struct style axis, path, point, arrow;
    const char *current;        /* the current point, e.g. "●" */
    const char *start;          /* the path's first point, e.g. "○" */
    const char *up;             /* a point above the cut: "↑" or "^" */
};

/* A path on the surface: n points, the last the current one. */
struct mesh_path {
    const double *xs, *ys;
    size_t n;
};

/* Draws the surface s seen at turn and tilt (degrees) into area: the
 * wireframe of `lines` + 1 grid lines each way with hidden lines removed,
 * the axes, then the path (over the lines; points above the cut or off
 * the ground drawn at the cut with look->up, the current one with its f
 * value). scratch is mesh.c's working memory, reused between calls.
 * Returns false, drawing nothing, when the area is too small or memory
 * ran out. */
bool plot_mesh(struct canvas *c, struct rect area, const struct mesh_surface *s,
               double turn, double tilt, int lines, const struct mesh_path *path,
               const struct mesh_look *look, struct mesh_lines *scratch);

/* The grid lines a mesh gets in an area w cells wide: about one every
 * six cells, 6 to 14 (denser lines merge into solid braille). */
int plot_mesh_lines_for(int w);

#endif
