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
#include "views.h"

/* What a handler asks of its caller. */
enum {
    CONTROL_NONE = 0,
    CONTROL_REDRAW = 1,  /* something shown changed */
    CONTROL_QUIT = 2,    /* q, Esc */
    CONTROL_SAVE = 4     /* s: the caller saves the screen (export_save) */
};

/* Where training stands: finished epochs and samples into the next. */
struct position {
    size_t epoch;
    size_t next;
};

struct control {
    const struct options *start;  /* the options the run started from */
    struct options options;       /* the run's: start, or a lesson's on it */
    struct session session;
    bool running;                 /* training frame after frame */
    bool auto_paused;             /* paused by divergence or the limit */
    bool finished;                /* reached --epochs */
    bool log_cost;
    bool regions;
    bool help;
    enum right_view right;
    unsigned epochs_per_frame;
    bool picked;                  /* a click on the cost plot picked: */
    size_t picked_epoch;          /* this epoch */
    char notice[200];             /* one transient line; "" for none */
    size_t lesson_next;           /* the built-in lesson L applies next */
    size_t *numeric_cols;         /* the table's numeric columns, found once */
    size_t numeric_count;
    bool numeric_known;
    const char **classes;         /* distinct values of the label column */
    size_t class_count;
    bool classes_known;
};

/* Opens the session from o (which must outlive c) and sets the switches
 * as the TUI starts: running, log scale, the bowl. false with err on bad
 * input (nothing to close then). Close with control_close. */
bool control_open(struct control *c, const struct options *o, char *err,
                  size_t errlen);
void control_close(struct control *c);

/* A key (a byte or KEY_CODE_* of keymap.h): closes the help overlay if
 * it is open (and does nothing else), otherwise does the key table's
 * action. Any key clears the picked epoch and the notice. Returns
 * CONTROL_* flags; CONTROL_NONE for a key that did nothing at all. */
unsigned control_key(struct control *c, int key);

/* A click on the bowl at the plane point (x, y): its descent restarts
 * there at the current lr, and r and lr changes restart from there too. */
unsigned control_click_bowl(struct control *c, double x, double y);
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

/* One frame of running: up to epochs_per_frame epochs while budget_ms
 * of training have not passed, stopping at the epoch limit, a divergence
 * or (stop not NULL) on reaching *stop; then pauses on divergence or at
 * the limit. Trains even when paused (a replay catching up). */
void control_train_frame(struct control *c, double budget_ms,
                         const struct position *stop);

/* One step of training towards stop: the rest of the epoch when stop is
 * in a later epoch, else one minibatch. false (nothing done) when stop is
 * reached or passed, or training is blocked (diverged, limit). */
bool control_step_toward(struct control *c, struct position stop);

/* The view state of the run (colour false, landscape NULL: the caller's). */
void control_view_state(const struct control *c, struct view_state *v);

#endif
