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

#endif
