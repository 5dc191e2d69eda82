/* view_switches.h - the switches of the screen that keys and clicks
 * change: the panel on the right (contours or a 3D mesh, and the mesh's
 * angles), the cost plot's scale, the decision regions, a picked epoch. The control owns them (control.h) and works
 * without a screen; control_view_state hands them to the views. Plain
 * values, no functions. */
#ifndef DESCENT_VIEW_SWITCHES_H
#define DESCENT_VIEW_SWITCHES_H

#include <stdbool.h>
#include <stddef.h>

/* What the right-hand top panel shows (v toggles). */
enum right_view { RIGHT_BOWL, RIGHT_LANDSCAPE };

/* The panel z shows on the whole screen, in the order z steps through
 * them (ZOOM_NONE: the normal layout; Esc goes back to it). */
enum zoom_panel { ZOOM_NONE, ZOOM_DATA, ZOOM_COST, ZOOM_NEURON, ZOOM_RIGHT,
                  ZOOM_COUNT };

struct view_switches {
    enum right_view right;  /* bowl or the neuron's cost landscape */
    bool mesh;              /* either one as a 3D mesh (m toggles) */
    int mesh_turn;          /* degrees about the vertical, 0..345 (< >) */
    int mesh_tilt;          /* degrees above the horizon (( )), within
                               MESH_TILT_MIN..MESH_TILT_MAX of mesh.h */
    bool log_cost;          /* cost plot in log scale (g toggles) */
    bool regions;           /* decision regions shaded (d) */
    bool test_hidden;       /* the test points and curve hidden (t) */
    bool per_update;        /* the cost plot shows every update (u) */
    size_t pair[2];         /* the landscape's pair of parameters
                               (indices into theta: w1 .. wN, b), w steps */
    bool picked;            /* a click on the cost plot picked an epoch: */
    size_t picked_epoch;    /* its cost and weights are shown */
    enum zoom_panel zoom;   /* one panel on the whole screen (z) */
    size_t unit;            /* the network panel's formula: 0 the output,
                               1..H hidden unit j (j steps it) */
};

#endif
