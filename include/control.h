/* control.h - what the keys and clicks do, without a screen: the state
 * of a live run (the session, running or paused, the switches of the
 * views, the notice line, the picked epoch, the lesson) and the actions
 * that change it. The TUI (app.c) and the headless replay (replay.c)
 * drive the same code, so a replayed key does exactly what the key did.
 * Nothing here draws or touches the terminal; handlers return reactions
 * and the caller decides when to redraw. */
#ifndef DESCENT_CONTROL_H
#define DESCENT_CONTROL_H

#include <stdbool.h>
#include <stddef.h>

#include "keymap.h"
#include "options.h"
#include "session.h"
#include "view_switches.h"

struct view_state; /* views.h */

/* What a handler asks of its caller. */
enum {
    CONTROL_NONE = 0,
    CONTROL_REDRAW = 1,  /* something shown changed */
    CONTROL_QUIT = 2,    /* q */
    CONTROL_SAVE = 4     /* s: the caller saves the screen (export_save) */
};

/* Where training stands: finished epochs and samples into the next. */
struct position {
    size_t epoch;
    size_t next;
};

/* What the control keeps of the run's options (the start's, or a
 * lesson's applied on them): values and text only, no pointers. */
struct control_run {
    size_t epochs;                /* the --epochs limit; 0: none */
    bool regions;                 /* --regions as the run starts */
    bool per_update;              /* --per-update as the run starts */
    bool landscape;               /* --view landscape as the run starts */
    bool mesh;                    /* --view mesh: the right panel in 3D */
    unsigned epochs_per_frame;
    struct lr_find_config lr_find; /* --lr-find-range, --lr-find-steps */
    bool lr_find_shown;           /* --lr-find with --dump-frame */
    char lesson_name[64];         /* "" when none */
    char caption[2][CAPTION_BYTES_MAX + 1]; /* the lesson's caption lines, or "" */
    struct train_config config;   /* the settings it began with: a caption
                                     says when lr, loss, activation or batch
                                     no longer match */
};

/* The one-line prompt of = on the status line: the learning rate being
 * typed, and why the last Enter was refused. */
#define LR_PROMPT_MAX 24
struct lr_prompt {
    bool open;
    char text[LR_PROMPT_MAX + 1];  /* what was typed so far */
    char error[96];                /* "" or why Enter did not apply it */
};

/* The state of a live run. It holds no pointer into itself (the session
 * keeps its parts on the heap), so it may be moved; start is borrowed. */
struct control {
    const struct options *start;  /* the options the run started from */
    struct control_run run;
    struct session session;
    bool running;                 /* training frame after frame */
    bool auto_paused;             /* paused by divergence or the limit */
    bool finished;                /* reached --epochs */
    bool help;                    /* the help overlay is open */
    unsigned help_page;           /* its page (? turns it) */
    struct view_switches view;    /* what the screen shows (views read it
                                     through control_view_state) */
    unsigned epochs_per_frame;
    unsigned epochs_per_second;   /* below one epoch per frame ([): the
                                     slow pace; 0 when per frame */
    double epoch_due_ms;          /* slow pace: when the next epoch may
                                     begin (util_now_ms) */
    char notice[200];             /* one transient line; "" for none */
    size_t lesson_next;           /* the built-in lesson L applies next */
    size_t *numeric_cols;         /* the table's numeric columns, found once */
    size_t numeric_count;
    bool numeric_known;
    const char **classes;         /* distinct values of the label column */
    size_t class_count;
    bool classes_known;
    struct race *race;            /* R: every optimizer on the surface, or
                                     NULL (lab.h; follows the bowl) */
    struct lr_prompt prompt;      /* =: while open, keys go to it */
    struct lr_find *lr_find;      /* F: the range test's curve shown in the
                                     cost panel, or NULL (lr_find.h) */
    struct train_config lr_find_at; /* the settings it was run at */
};

/* Opens the session from o (which must outlive c) and sets the switches
 * as the TUI starts: running, log scale, the bowl. false with err on bad
 * input (nothing to close then). Close with control_close. */
bool control_open(struct control *c, const struct options *o, char *err,
                  size_t errlen);
void control_close(struct control *c);

/* A key (a byte or KEY_CODE_* of keymap.h): closes the help overlay if
 * it is open (and does nothing else); goes to the = prompt while it is
 * open (control_overlay.c); otherwise does the key table's action. Any key clears the picked epoch and the notice. Returns
 * CONTROL_* flags; CONTROL_NONE for a key that did nothing at all. */
unsigned control_key(struct control *c, int key);

/* A click on the bowl at the plane point (x, y): its descent restarts
 * there at the current lr, and r restarts from there too. */
unsigned control_click_bowl(struct control *c, double x, double y);
/* A click on the cost landscape at (x, y): the landscape's pair of
 * parameters (view.pair) becomes (x, y), recorded as training goes on
 * from there (session_set_pair). */
unsigned control_click_landscape(struct control *c, double x, double y);
/* A click on the cost plot over epoch: that epoch's cost and weights are
 * shown (view_state.picked) until a key or another click. */
unsigned control_click_cost(struct control *c, size_t epoch);
/* A click anywhere else: closes the help, clears the pick; CONTROL_NONE
 * when there was nothing to clear. */
unsigned control_click_off(struct control *c);

/* Where training stands now. */
struct position control_position(const struct control *c);
/* a before b (epoch first, then samples). */
bool position_before(struct position a, struct position b);

/* One frame of running: up to epochs_per_frame epochs (at a slow pace,
 * one epoch when its time has come), minibatch by minibatch, stopping
 * when budget_ms of training have passed (so an epoch may span frames and
 * a frame never takes much longer than its budget, whatever the data),
 * at the epoch limit, a divergence or (stop not NULL) on reaching *stop;
 * then pauses on divergence or at the limit. Trains even when paused (a
 * replay catching up). The result is the same, bit for bit, however the
 * epochs are split between frames. */
void control_train_frame(struct control *c, double budget_ms,
                         const struct position *stop);

/* One step of training towards stop: the rest of the epoch when stop is
 * in a later epoch, else one minibatch. false (nothing done) when stop is
 * reached or passed, or training is blocked (diverged, limit). */
bool control_step_toward(struct control *c, struct position stop);

/* Stops running, as space does on a running session (no notice). */
void control_pause(struct control *c);

/* The view state of the run, for views_render: borrowed pointers into c
 * (valid until c changes), colour false and landscape NULL (the caller's).
 * Defined in control_view.c, the one file that knows both the control
 * and the views. */
void control_view_state(const struct control *c, struct view_state *v);

#endif
