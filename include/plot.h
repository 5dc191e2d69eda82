/* plot.h - pure drawing of data into a rectangle of a canvas: axes with
 * tick labels, scatter points, a line w1*x + w2*y + b = 0, segments and
 * paths, an arrow for a point off the view, level bands and contour lines
 * of a function, a cost-per-epoch plot and a sparkline. Reads its inputs,
 * writes only the canvas; allocates nothing. plot.c holds the mapping and
 * the marks, plot_axes.c the axes, plot_field.c bands and contours,
 * plot_series.c the cost plot and the sparkline.
 *
 * Data to dots: x0 maps to the centre of the area's first dot column and
 * x1 to the centre of its last one; y0 to the bottom dot row, y1 to the
 * top one. Every data value may be NaN, infinite or huge: such points are
 * skipped or clipped, never cast. */
#ifndef DESCENT_PLOT_H
#define DESCENT_PLOT_H

#include <stdbool.h>
#include <stddef.h>

#include "canvas.h"

/* A data window shown in a rectangle of cells. */
struct plot {
    struct rect area;   /* the cells the data is drawn in */
    double x0, x1;      /* data x at the left and right dot centres */
    double y0, y1;      /* data y at the bottom and top dot centres */
};

/* Sets up p; an empty, reversed or non-finite range becomes a small one
 * around its finite end (or [-1, 1]). */
void plot_init(struct plot *p, struct rect area, double x0, double x1,
               double y0, double y1);

/* Data to absolute canvas dot coordinates (continuous; may lie outside
 * the area). Returns false when the result is not finite. */
bool plot_to_dot(const struct plot *p, double x, double y, double *dx,
                 double *dy);

/* Data to the canvas cell showing it. Returns false when the point is
 * not finite or outside the area. */
bool plot_to_cell(const struct plot *p, double x, double y, int *cx, int *cy);

/* Data units per dot along x and along y. */
double plot_dot_width(const struct plot *p);
double plot_dot_height(const struct plot *p);

/* Widens the x or the y range of p (about its centre) so that a dot is as
 * long across as down: circles in data stay round on screen. */
void plot_equal_aspect(struct plot *p);

/* How plot_axes lays out a plot. */
struct axes {
    double x0, x1, y0, y1;  /* data ranges (adjusted by equal_aspect) */
    bool equal_aspect;      /* widen one range so that a unit is as long
                               across as up on screen (circles stay round) */
    bool x_integer;         /* x ticks only at whole numbers */
    bool log_y;             /* y is log10 of the value: labels show 10^y */
    const double *y_marks;  /* y values labelled first, exactly (%.4g); */
    size_t y_mark_count;    /* e.g. the min and the max */
    bool y_nice;            /* also nice ticks where there is room */
    const char *x_name;     /* axis names (NULL: none): x at the right */
    const char *y_name;     /* end of the tick labels, y at the top left */
    bool y_name_above;      /* the y name on a row of its own above the
                               area, from the left edge (long names), not
                               in the tick labels' column */
};

/* Draws a left and a bottom axis with ticks and labels inside outer and
 * sets *p to the area left for the data. Returns false (drawing nothing)
 * when outer is too small for axes. With c NULL it only lays out: *p is
 * what drawing would give (for hit-testing). */
bool plot_axes(struct canvas *c, struct rect outer, const struct axes *ax,
               struct style st, struct plot *p);

/* Writes glyph in the cell showing (x, y), if inside the area. */
void plot_point(struct canvas *c, const struct plot *p, double x, double y,
                const char *glyph, struct style st);

/* Writes glyph in the cell of each of the n points (xs[i], ys[i]) that
 * lies inside the area: the steps of a descent, so that its path reads
 * apart from level curves by glyph as well as colour. */
void plot_marks(struct canvas *c, const struct plot *p, const double *xs,
                const double *ys, size_t n, const char *glyph, struct style st);

/* How one class of a scatter is drawn. */
struct scatter_class {
    const char *glyph;         /* e.g. "o" */
    const char *marked_glyph;  /* e.g. "O": a point the callback marks */
    struct style style;
    struct style marked_style;
};

/* Draws n points (xs[i], ys[i]) as whole-cell glyphs, class 0 where
 * cls[i] < 0.5, class 1 otherwise. marked (may be NULL) picks points to
 * draw with the marked glyph. A cell holding both classes shows "*".
 * Returns true when that happened. */
bool plot_scatter(struct canvas *c, const struct plot *p, const double *xs,
                  const double *ys, const double *cls, size_t n,
                  const struct scatter_class classes[2],
                  bool (*marked)(size_t i, const void *ctx), const void *ctx);

/* Draws the line w1*x + w2*y + b = 0 clipped to the area. Vertical
 * lines (w2 = 0) are fine; nothing is drawn when w1 = w2 = 0, when a
 * value is not finite or when the line misses the area. Returns true
 * when something was drawn. */
bool plot_line(struct canvas *c, const struct plot *p, double w1, double w2,
               double b, struct style st);

/* A segment between two data points, clipped to the area. */
void plot_segment(struct canvas *c, const struct plot *p, double xa,
                  double ya, double xb, double yb, struct style st);

/* A polyline through n points (clearing what was under it first, so it
 * reads over contours), the last one marked with mark (a whole cell) when
 * inside the area, or by plot_arrow when outside. */
void plot_path(struct canvas *c, const struct plot *p, const double *xs,
               const double *ys, size_t n, struct style line,
               const char *mark, struct style mark_style);

/* A point outside the area: an arrow on the area's edge pointing to it
 * and its coordinates "(x, y)" beside the arrow. A point inside draws
 * nothing; NaN coordinates are written in the top-left corner. */
void plot_arrow(struct canvas *c, const struct plot *p, double x, double y,
                struct style st);

/* An arrow for the vector (vx, vy) from the point (x, y), in data units:
 * a line of dots, clipped to the area, and a head glyph (→ ↗ ... or
 * > ^ < v) in the cell of its tip when that cell is inside the area and
 * differs from the start's. Nothing when the start is outside the area
 * or a value is not finite. Returns true when something was drawn. */
bool plot_vector(struct canvas *c, const struct plot *p, double x, double y,
                 double vx, double vy, struct style st);

/* A function of (x, y) sampled by bands and contours. */
typedef double (*plot_function)(double x, double y, const void *ctx);

/* Level bands of f: the band of a value is the number of levels (in
 * ascending order) at or below it. With colour, two half-block pixels per
 * cell in ramp[band % ramp_count]; without, one shading glyph per cell
 * from shades (a UTF-8 string, one glyph per band, cycling). NaN leaves
 * the cell alone. */
void plot_bands(struct canvas *c, const struct plot *p, plot_function f,
                const void *ctx, const double *levels, size_t level_count,
                bool colour, const enum colour *ramp, size_t ramp_count,
                const char *shades);

/* Contour lines of f at the given ascending levels, in braille dots: a
 * dot is set where the band changes between it and its right or lower
 * neighbour (on the lower band's side), in styles[lower band %
 * style_count]. dotted keeps every other dot, so that lines drawn over
 * the contours stand out. */
void plot_contours(struct canvas *c, const struct plot *p, plot_function f,
                   const void *ctx, const double *levels, size_t level_count,
                   const struct style *styles, size_t style_count, bool dotted);

/* How plot_cost draws. */
struct cost_style {
    struct style axis, line, bad;
};

/* A series read in place, without copying: point i has the value at byte
 * offset i * stride from values and the position (an epoch, along x) at
 * the same offset from positions; positions NULL puts point i at i. A
 * plain array of doubles has stride sizeof(double); for an array of
 * structs, values and positions are two fields of its first element and
 * stride is the struct's size. n == 0 is an empty series (then values
 * is not read). Positions must not decrease. position_div (0 reads as 1)
 * divides every position: positions counted in samples read as epochs. */
struct plot_series {
    const double *values;
    const size_t *positions;
    size_t n;
    size_t stride;
    size_t position_div;
};

/* The cost plot: every value of s (a cost) against its position (an
 * epoch) in r, a rectangle with room for its own axes; downsampled to the
 * width keeping each column's min and max, log10 scale or linear, the min
 * and max labelled. Non-finite values are marked by a "!" column in style
 * bad, never plotted. With no points it says "no epochs yet". */
void plot_cost(struct canvas *c, struct rect r, const struct plot_series *s,
               bool log_scale, const struct cost_style *st);

/* plot_cost with a second series over the same axes (their range holds
 * both): test (a test cost per epoch, same positions) drawn first in
 * test_style, its non-finite values left out, then s over it as
 * plot_cost draws it. */
void plot_cost_with(struct canvas *c, struct rect r, const struct plot_series *s,
                    const struct plot_series *test, bool log_scale,
                    const struct cost_style *st, struct style test_style);

/* The data window plot_cost_with would use (plot_cost_layout's, for two
 * series). */
bool plot_cost_with_layout(struct rect r, const struct plot_series *s,
                           const struct plot_series *test, bool log_scale,
                           struct plot *p);

/* The data window plot_cost would use for the same arguments (epochs
 * along x, the scaled cost along y), without drawing: for marking an
 * epoch and for mapping a column back to an epoch. Returns false when
 * s is empty or r is too small. */
bool plot_cost_layout(struct rect r, const struct plot_series *s,
                      bool log_scale, struct plot *p);

/* One curve of a layered cost plot: a series, its style, and whether its
 * non-finite values are marked ("!" on the top row, in the cost_style's
 * bad style). */
struct cost_layer {
    const struct plot_series *s;
    struct style line;
    bool mark_bad;
};

/* The cost plot of several curves over one frame: the axes span frame's
 * positions along x (points of other layers outside it are left out) and
 * every layer's finite values along y; then the layers are drawn in
 * order, each over the ones before. *p (may be NULL) receives the data
 * window. With an empty frame it says "no epochs yet" and returns false;
 * c NULL only lays out. */
bool plot_cost_layers(struct canvas *c, struct rect r, const struct plot_series *frame,
                      const struct cost_layer *layers, size_t n, bool log_scale,
                      const struct cost_style *st, struct plot *p);

/* A one-row sparkline of the values of s at (x, y), at most width cells
 * (the whole series squeezed in, each cell the highest value of its part;
 * positions are not read):
 * ▁▂▃▄▅▆▇█ in UTF-8, _.-~=+*# in ASCII, "!" for a non-finite part. Returns
 * the cells drawn. */
int plot_sparkline(struct canvas *c, int x, int y, int width,
                   const struct plot_series *s, bool log_scale, struct style st,
                   struct style bad);

/* The nice tick step (1, 2 or 5 times a power of ten) giving at most
 * about max_ticks ticks over range; 1 for an empty or non-finite range. */
double plot_nice_step(double range, int max_ticks);

/* Writes v in at most about 9 characters (%.4g, or fixed decimals when
 * decimals >= 0 and v is not too large): the number format of labels. */
void plot_format_number(char *buf, size_t len, double v, int decimals);

#endif
