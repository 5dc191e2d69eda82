/* views.h - the whole screen as a function of the state: lays out the
 * scatter, bowl, cost and neuron panels and the status line for any size,
 * and draws them into a canvas. Reads only; never changes the model. */
#ifndef DESCENT_VIEWS_H
#define DESCENT_VIEWS_H

#include <stdbool.h>
#include <stddef.h>

#include "bowl.h"
#include "canvas.h"
#include "dataset.h"
#include "trainer.h"

#define VIEWS_MIN_WIDTH 80
#define VIEWS_MIN_HEIGHT 24

/* Everything the screen shows. Pointers are borrowed. */
struct view_state {
    const struct trainer *trainer;
    const struct dataset *data;
    const struct bowl *bowl;
    bool running;             /* training (false: paused) */
    bool finished;            /* reached --epochs: stopped for good */
    bool log_cost;            /* cost plot in log scale (g toggles) */
    bool regions;             /* decision regions shaded (d) */
    bool help;                /* the help overlay (?) */
    unsigned epochs_per_frame;
    const char *notice;       /* one transient line, or NULL */
    bool colour;              /* colours reach the screen: decision regions
                                 as coloured half-blocks; false (the frame
                                 dump, --no-color) draws shading glyphs */
};

/* Draws the whole frame into c (already sized to the terminal). Below
 * VIEWS_MIN_WIDTH x VIEWS_MIN_HEIGHT it draws only a notice to enlarge. */
void views_render(struct canvas *c, const struct view_state *s);

#endif
