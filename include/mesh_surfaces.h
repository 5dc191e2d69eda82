/* mesh_surfaces.h - the surfaces the right panel shows in 3D, as
 * struct mesh_surface (mesh.h): the bowl over the contour view's square,
 * cut at MESH_BOWL_CUT f(start), and the neuron's cost landscape (log10
 * of the cost over its grid). The screen (view_surface.c) and the SVG
 * (export.c) take them from here, so both show the same box. Another
 * surface plugs in as one more function here. */
#ifndef DESCENT_MESH_SURFACES_H
#define DESCENT_MESH_SURFACES_H

#include <stdbool.h>

#include "bowl.h"
#include "landscape.h"
#include "mesh.h"

/* The bowl's heights are cut at this times f(start) (75 from (5, 5); at
 * least this times 1): a first step at lr just above 1 still shows
 * climbing the wall, and the next leaves the box with an up arrow. */
#define MESH_BOWL_CUT 1.5

/* The bowl f = x^2 + y^2 over the square the contour view shows (1.3
 * times the start's larger coordinate each way, at least 1.3), heights
 * from 0 to the cut. Another surface (b's config): over its contour
 * view, from its lowest value there to MESH_BOWL_CUT times f(start)
 * above that, at most its highest; s points into b's config. */
void mesh_surface_of_bowl(const struct bowl *b, struct mesh_surface *s);

/* log10 of the cost over l's grid (interpolated; NaN off the grid), from
 * its lowest to its highest value. false when the grid holds no finite
 * cost (nothing to draw). */
bool mesh_surface_of_landscape(const struct landscape *l, struct mesh_surface *s);

#endif
