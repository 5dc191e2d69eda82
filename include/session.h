/* session.h - one training session as the screen sees it: the loaded
 * table, the selected samples, the trainer and the bowl, kept consistent.
 * The TUI (app.c) and the frame dump (frame.c) both drive a session. */
#ifndef DESCENT_SESSION_H
#define DESCENT_SESSION_H

#include <stdbool.h>
#include <stddef.h>

#include "bowl.h"
#include "dataset.h"
#include "options.h"
#include "trainer.h"

struct session {
    struct table table;          /* the whole CSV */
    struct selection selection;  /* strings point into table (stable) */
    struct dataset data;         /* the samples trained on */
    struct trainer trainer;      /* trains on data */
    struct bowl bowl;            /* x^2+y^2 at the trainer's lr */
    double bowl_start_x, bowl_start_y;
};

/* Loads the data (--data or the built-in Iris), selects, and sets up the
 * trainer and the bowl from the options. false with err on bad input. */
bool session_open(struct session *s, const struct options *o, char *err,
                  size_t errlen);
void session_close(struct session *s);

/* Selects other columns/classes (x, y, c keys) and resets the training.
 * On error the session is unchanged and err says why. */
bool session_select(struct session *s, const struct selection *sel, char *err,
                    size_t errlen);

/* One epoch of training and one bowl step. */
void session_epoch(struct session *s);
/* One minibatch; a bowl step too when it finished an epoch. */
void session_step_batch(struct session *s);

/* Changes the training settings keeping the weights; a new lr restarts
 * the bowl's descent from its start. */
void session_configure(struct session *s, const struct train_config *config);

/* Weights, history and bowl back to the start (same seed, same run). */
void session_reset(struct session *s);

#endif
