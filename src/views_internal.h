/* views_internal.h - what the panels of the screen share, and nobody
 * else: views.c lays them out and lists them in one table; each
 * view_*.c draws one panel (and hit-tests it where a click means
 * something). Glyphs and styles, the panels' rectangles, the cost history
 * read as a series. */
#ifndef DESCENT_VIEWS_INTERNAL_H
#define DESCENT_VIEWS_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "plot.h"
#include "views.h"

/* Glyphs and words that differ between UTF-8 and ASCII screens. */
struct view_glyphs {
    const char *times;      /* "·" in w1·x1 */
    const char *dash;       /* "—" */
    const char *partial;    /* "∂" */
    const char *geq;        /* "≥" */
    const char *running, *paused, *done;
    const char *current;    /* the bowl's current point */
    const char *start;      /* the bowl's start point */
    const char *region;     /* shading of the second class's region */
    const char *back;       /* "◀": the status line of a rewound screen */
    const char *ellipsis;   /* a clipped caption */
    const char *nabla;      /* "∇" */
    const char *step;       /* a step of the bowl's path: "•", "*" */
};

/* The glyphs of a UTF-8 (true) or an ASCII screen. */
const struct view_glyphs *view_glyphs_for(bool utf8);

/* Styles of the screen. Classes differ by glyph AND colour (blue and
 * yellow stay apart for colour-blind viewers and in monochrome). */
#define STYLE_FRAME style_of(COLOUR_DEFAULT, 0)
#define STYLE_TITLE style_of(COLOUR_DEFAULT, ATTR_BOLD)
#define STYLE_TEXT style_of(COLOUR_DEFAULT, 0)
#define STYLE_DIM style_of(COLOUR_DEFAULT, ATTR_DIM)
#define STYLE_CLASS0 style_of(COLOUR_BLUE, ATTR_BOLD)
#define STYLE_CLASS1 style_of(COLOUR_YELLOW, ATTR_BOLD)
#define STYLE_LINE style_of(COLOUR_WHITE, ATTR_BOLD)
#define STYLE_PATH style_of(COLOUR_WHITE, ATTR_BOLD)
#define STYLE_POINT style_of(COLOUR_RED, ATTR_BOLD)
#define STYLE_COST style_of(COLOUR_GREEN, ATTR_BOLD)
#define STYLE_BAD style_of(COLOUR_RED, ATTR_BOLD)
#define STYLE_WARN style_of(COLOUR_RED, ATTR_BOLD)
#define STYLE_ARROW style_of(COLOUR_YELLOW, ATTR_BOLD)
#define STYLE_CAPTION style_of(COLOUR_DEFAULT, ATTR_BOLD | ATTR_REVERSE)

/* The panels, in the order they are drawn. */
enum view_panel {
    PANEL_SCATTER,  /* the data and the separating line (view_scatter.c) */
    PANEL_SURFACE,  /* the bowl or the cost landscape (view_surface.c) */
    PANEL_COST,     /* the cost per epoch (view_cost.c) */
    PANEL_NEURON,   /* the formula with numbers (view_neuron.c) */
    PANEL_COUNT
};

/* Where everything goes on a screen (views.c). */
struct view_layout {
    struct rect panel[PANEL_COUNT];  /* boxes (frames included) */
    int caption_rows;                /* rows at the top for a caption */
    int status_row;                  /* the last row */
};

/* What a click on a panel hit: a point of its plane, or an epoch. */
struct view_hit {
    double x, y;
    size_t epoch;
};

/* The rectangle inside a box's frame. */
struct rect view_inner(struct rect r);

/* Each panel draws itself, frame and title included, into box from s.
 * A hit-test is true when cell (x, y) of the frame lies on something the
 * panel drawn into box answers a click with; *hit receives it. */
void view_scatter_draw(struct canvas *c, struct rect box,
                       const struct view_state *s);
void view_surface_draw(struct canvas *c, struct rect box,
                       const struct view_state *s);
/* The landscape's pair of parameters (s->pair, or (w1, w2) when not a
 * valid pair) into pair, set on l, and their names. */
void view_landscape_pair(struct landscape *l, const struct view_state *s,
                         size_t pair[2], char names[2][16]);
/* The contour views' level curves (view_levels.c): the bowl's circles
 * f = 2^k for a view of radius r about the origin; surface sf's levels
 * log-spaced from its minimum (the saddle's: rising solid, falling
 * dotted); f's contours at the n ascending levels in the rings' colours. */
struct surface;
void view_levels_circles(struct canvas *c, const struct plot *p, double r);
void view_levels_surface(struct canvas *c, const struct plot *p,
                         const struct surface *sf);
void view_levels_plot(struct canvas *c, const struct plot *p, plot_function f,
                      const void *ctx, const double *levels, size_t n);
/* A click on the landscape's plot (view_landscape_hit.c): hit->x, hit->y
 * receive the values of the pair's two parameters at the cell's centre. */
bool view_landscape_hit(const struct view_state *s, struct rect box, int x, int y,
                        struct view_hit *hit);
bool view_surface_hit(const struct view_state *s, struct rect box, int x,
                      int y, struct view_hit *hit);
void view_cost_draw(struct canvas *c, struct rect box,
                    const struct view_state *s);
bool view_cost_hit(const struct view_state *s, struct rect box, int x, int y,
                   struct view_hit *hit);
void view_neuron_draw(struct canvas *c, struct rect box,
                      const struct view_state *s);
/* The neuron panel of a network with a hidden layer (view_network.c):
 * view_neuron_draw hands it the panel when hidden > 0. */
void view_network_draw(struct canvas *c, struct rect box,
                       const struct view_state *s);

/* view_units.c: each hidden unit's line u_j = 0 over the data plot p
 * (dotted; nothing when t has no hidden layer), and its number 1..H
 * where it meets the plot's edge (drawn after the boundary, so that it
 * stays); and unit j's (0-based) activation h_j over the
 * plane of plane (its data window) shaded into r: four shades from low to
 * high (coloured half-blocks when colour). */
void view_units_draw_lines(struct canvas *c, const struct plot *p,
                           const struct trainer *t);
void view_units_draw_numbers(struct canvas *c, const struct plot *p,
                             const struct trainer *t);
void view_units_draw_heat(struct canvas *c, struct rect r, const struct plot *plane,
                          const struct trainer *t, size_t j, bool colour);

/* The range test's curve (view_lr_find.c), drawn by view_cost_draw in
 * its place while s->lr_find is set. */
void view_lr_find_draw(struct canvas *c, struct rect box, const struct view_state *s);

/* The cost history as a series (costs against epochs), read in place. */
struct plot_series view_cost_series(const struct history *h);

/* The history's record of that epoch, or the nearest one; NULL when the
 * history is empty. */
const struct epoch_record *view_record_of(const struct history *h,
                                          size_t epoch);

/* view_status.c: the lesson's caption (rows it takes on a screen width
 * wide, and drawing it at the top), the status line with the banner,
 * the notice and the help overlay over a laid-out screen, and the notice
 * of a screen too small. */
int view_caption_rows(const struct view_state *s, int width, bool utf8);
void view_caption_draw(struct canvas *c, const struct view_state *s);
void view_status_draw(struct canvas *c, const struct view_layout *l,
                      const struct view_state *s);
void view_too_small_draw(struct canvas *c);

#endif
