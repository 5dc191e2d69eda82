/* session.h - one training session as the screen sees it: the loaded
 * table, the selected samples, the trainer and the bowl, kept consistent.
 * The control (control.c: the TUI, the replay, the frame dump) drives one,
 * and the headless mode another. */
#ifndef DESCENT_SESSION_H
#define DESCENT_SESSION_H

#include <stdbool.h>
#include <stddef.h>

#include "bowl.h"
#include "dataset.h"
#include "options.h"
#include "rewind.h"
#include "trainer.h"

/* Nothing in a session points into the session itself: the samples are
 * on the heap, where the trainer and the selection's strings point, so a
 * session may be moved (session_reopen does) without patching. */
struct session {
    struct table table;          /* the whole CSV */
    struct selection selection;  /* strings point into *data (heap) */
    struct dataset *data;        /* the samples trained on (owned, heap) */
    struct trainer trainer;      /* trains on *data */
    struct bowl bowl;            /* x^2+y^2 at the trainer's lr */
    double bowl_start_x, bowl_start_y; /* where r restarts it */
    struct rewind rewind;        /* every finished epoch's state, for <- -> */
};

/* True when o's data is a file (or standard input), not a built-in or
 * generated table. */
bool session_data_is_file(const struct options *o);

/* Loads the data (--data or the built-in Iris), selects, and sets up the
 * trainer and the bowl from the options. false with err on bad input. */
bool session_open(struct session *s, const struct options *o, char *err,
                  size_t errlen);
void session_close(struct session *s);

/* Opens a session from o in place of s (a lesson): on success the old one
 * is closed; false with err and s unchanged otherwise. */
bool session_reopen(struct session *s, const struct options *o, char *err,
                    size_t errlen);

/* Selects other columns/classes (x, y, c keys) and resets the training.
 * On error the session is unchanged and err says why. */
bool session_select(struct session *s, const struct selection *sel, char *err,
                    size_t errlen);

/* One epoch of training and one bowl step. Training from a past epoch
 * (after session_back) first forgets the epochs after it, like undo; each
 * finished epoch is remembered for session_back. A bowl whose lr is not
 * the trainer's (rewound past an lr change) restarts first. */
void session_epoch(struct session *s);
/* One minibatch; a bowl step too when it finished an epoch. The same
 * forgetting and remembering as session_epoch. */
void session_step_batch(struct session *s);
/* Minibatches while fewer than `samples` samples are trained and the
 * epoch goes on (trainer_step_samples: the batch-1 loop at batch 1), with
 * session_step_batch's forgetting and remembering; the samples trained in
 * *trained. Returns true when it finished an epoch. */
bool session_step_samples(struct session *s, size_t samples, size_t *trained);
/* At most max_samples more samples of the current minibatch
 * (trainer_step_part); a bowl step too, and the epoch remembered, when it
 * finished an epoch. Returns what it did. */
enum trainer_progress session_step_part(struct session *s, size_t max_samples);

/* Changes the training settings keeping the weights; with a new lr the
 * bowl's descent starts again from its start point at that lr. */
void session_configure(struct session *s, const struct train_config *config);

/* A new trainer on the same samples with config, whose number of
 * parameters may differ (h: another number of hidden units), started
 * from epoch 0 like session_reset. On error (out of memory) the session
 * is unchanged and err says why. */
bool session_retrain(struct session *s, const struct train_config *config,
                     char *err, size_t errlen);

/* The neuron's optimizer becomes p (the surface's, set by the caller):
 * the weights stay, a new kind starts from a zero state. */
void session_configure_optimizer(struct session *s, const struct optimizer_params *p);

/* Weights, history and bowl back to the start (same seed, same run);
 * the remembered epochs are forgotten. */
void session_reset(struct session *s);

/* Restarts the bowl's descent from (x, y) at the current lr; (x, y)
 * becomes the start that r restarts from. */
void session_bowl_restart(struct session *s, double x, double y);

/* Sets the neuron's parameters a and b to va and vb (a click on the
 * landscape): training goes on from there. At the end of an epoch the
 * remembered state of that epoch becomes the new one (the epochs after
 * it, if rewound, are forgotten, as training from there would). */
void session_set_pair(struct session *s, size_t a, double va, size_t b, double vb);

/* Back one epoch: the weights, RNG, history and bowl of the previous
 * finished epoch, bit for bit (in the middle of an epoch: back to its
 * start). false, nothing changed, when no older state is kept: at epoch 0
 * or REWIND_CAPACITY epochs back. */
bool session_back(struct session *s);

/* Forward one epoch through the remembered states after session_back,
 * bit for bit; false, nothing changed, when on the newest (then training
 * an epoch is the way forward). */
bool session_forward(struct session *s);

/* True while on a remembered epoch older than the newest. */
bool session_rewound(const struct session *s);

/* The newest remembered epoch (the one training reached). */
size_t session_newest_epoch(const struct session *s);

#endif
