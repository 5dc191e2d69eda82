/* views.h - the whole screen as a function of the state: lays out the
 * scatter, bowl, cost and neuron panels and the status line for any size,
 * and draws them into a canvas (views.c, one view_*.c per panel). Reads
 * only; never changes the model. */
#ifndef DESCENT_VIEWS_H
#define DESCENT_VIEWS_H

#include <stdbool.h>
#include <stddef.h>

#include "bowl.h"
#include "canvas.h"
#include "dataset.h"
#include "trainer.h"
#include "view_switches.h"

#define VIEWS_MIN_WIDTH 80
#define VIEWS_MIN_HEIGHT 24

struct landscape; /* cache of the cost landscape: landscape.h */
struct view_cache; /* what frames keep for large data: view_cache.h */
struct race;      /* every optimizer on one surface: lab.h */
struct lr_find;   /* the LR range test: lr_find.h */

/* Everything the screen shows. Pointers are borrowed. A live run fills it
 * with control_view_state (control.h): the switches (right, log_cost,
 * regions, picked) are the control's struct view_switches. */
struct view_state {
    const struct trainer *trainer;
    const struct dataset *data;
    const struct bowl *bowl;
    const struct race *race;  /* every optimizer at once (R), or NULL */
    const struct lr_find *lr_find; /* the range test's curve in the cost
                                 panel (F), or NULL */
    bool running;             /* training (false: paused) */
    bool finished;            /* reached --epochs: stopped for good */
    bool log_cost;            /* cost plot in log scale (g toggles) */
    bool regions;             /* decision regions shaded (d) */
    bool test_hidden;         /* test points and test cost hidden (t) */
    bool per_update;          /* cost plot: every update's cost too (u) */
    size_t pair[2];           /* the landscape's parameters on its axes
                                 (indices into theta, w steps them);
                                 {0, 0} reads as {0, 1} */
    bool help;                /* the help overlay (?) */
    unsigned help_page;       /* its page when the keys need more than one */
    unsigned epochs_per_frame;
    unsigned epochs_per_second; /* the slow pace ([ below 1/frame); 0: none */
    const char *notice;       /* one transient line, or NULL */
    bool colour;              /* colours reach the screen: decision regions
                                 as coloured half-blocks; false (the frame
                                 dump, --no-color) draws shading glyphs */
    enum right_view right;    /* bowl or the neuron's cost landscape */
    bool mesh;                /* the right panel as a 3D mesh (m) */
    int mesh_turn, mesh_tilt; /* its angles in degrees (< > ( ), mesh.h) */
    struct landscape *landscape; /* owned by the caller (landscape_new /
                                 landscape_free); views recompute it only
                                 when one of its inputs changed; may be NULL */
    struct view_cache *cache; /* owned by the caller (view_cache_new): the
                                 scatter's raster, the numbers at the
                                 weights; NULL: all computed each frame */
    const char *caption[2];   /* a lesson's caption lines, or NULL */
    const char *lesson;       /* the lesson's name, or NULL */
    char caption_changed[64]; /* the settings changed since the lesson
                                 began ("lr, batch size"), "" when none: the
                                 caption says its claim may not hold */
    bool rewound;             /* paused on a past epoch (left arrow) */
    bool picked;              /* a click on the cost plot picked an epoch: */
    size_t picked_epoch;      /* show that epoch's cost and weights */
    size_t unit;              /* the unit whose formula the network panel
                                 shows: 0 the output, 1..H hidden unit j
                                 (j steps it) */
    size_t newest_epoch;      /* while rewound: the newest epoch trained
                                 ("◀ epoch N of M"); 0: not known */
    const char *prompt;       /* the = prompt's typed text (the status
                                 line reads "lr = TEXT_"), or NULL */
    const char *prompt_error; /* why Enter refused it, or NULL */
    enum zoom_panel zoom;     /* one panel on the whole screen (z) */
};

/* Draws the whole frame into c (already sized to the terminal). Below
 * VIEWS_MIN_WIDTH x VIEWS_MIN_HEIGHT it draws only a notice to enlarge. */
void views_render(struct canvas *c, const struct view_state *s);

/* Mouse hit-testing on a frame of width x height drawn from s. */

/* True when cell (x, y) lies on the bowl's plot; *px, *py receive the
 * point of the plane (x, y of f) under it. With the landscape shown (not
 * as a mesh): the values of its pair of parameters under it. */
bool views_bowl_point(const struct view_state *s, int width, int height,
                      int x, int y, double *px, double *py);

/* True when cell (x, y) lies on the cost plot over recorded epochs; *epoch
 * receives the epoch under it (one of the history's records). */
bool views_cost_epoch(const struct view_state *s, int width, int height,
                      int x, int y, size_t *epoch);

#endif
