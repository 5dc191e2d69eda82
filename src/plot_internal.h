/* plot_internal.h - what the plot_*.c files share and nobody else needs:
 * the dot grid of a plot and the inverse of plot_to_dot. */
#ifndef DESCENT_PLOT_INTERNAL_H
#define DESCENT_PLOT_INTERNAL_H

#include "plot.h"

#define PLOT_MAX_DOTS 2048   /* dot columns handled by contours and cost */

/* Dot columns and rows of p's area (0 when the area is empty). */
int plot_dots_across(const struct plot *p);
int plot_dots_down(const struct plot *p);

/* The data point at the centre of the dot position (rx, ry), relative to
 * the area's top-left dot. */
void plot_dot_to_data(const struct plot *p, double rx, double ry, double *x,
                      double *y);

#endif
