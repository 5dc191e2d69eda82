/* export_internal.h - what export.c and export_mesh.c share to write the
 * saved SVG: text elements and panel titles, and the mesh panels. Private
 * to the export; not part of export.h. */
#ifndef DESCENT_EXPORT_INTERNAL_H
#define DESCENT_EXPORT_INTERNAL_H

#include <stdio.h>

#include "export.h"

/* A text element at (x, y) (already finite) with printf content, the text
 * escaped as XML character data. */
__attribute__((format(printf, 6, 7)))
void svg_text(FILE *f, double x, double y, const char *attrs,
              const char *anchor, const char *fmt, ...);

/* A panel's frame title at (x, y). */
void svg_title(FILE *f, double x, double y, const char *title);

/* The right panel as the bowl's (or the current surface's) 3D mesh with
 * the descent path, and as the neuron's cost landscape in 3D with the
 * training path; hidden lines removed. */
void svg_bowl_mesh(FILE *f, const struct view_state *s);
void svg_landscape_mesh(FILE *f, const struct view_state *s);

/* A network's boundary a = 0.5 over the scatter panel: frame is the
 * panel's left, top, width and height in the picture, showing [x0, x1] x
 * [y0, y1] of the plotted plane (export_network.c). */
void svg_network_boundary(FILE *f, const struct trainer *t, const double frame[4],
                          double x0, double x1, double y0, double y1);

/* The network's panel: its shape, activations, cost, accuracy and output
 * weights, in place of the neuron's formula. */
void svg_network_text(FILE *f, const struct view_state *s);

#endif
