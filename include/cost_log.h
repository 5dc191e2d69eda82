/* cost_log.h - what the cost plot shows beside the per-epoch history:
 * the cost of every update (one minibatch's mean cost at its forward
 * pass) and the places where a setting changed (lr, loss, activation,
 * batch). Owned by the trainer (trainer.h), which adds to it as it trains
 * and cuts it back when it rewinds; read by the views.
 *
 * Positions are counted in samples from the start of the run: the update
 * that ends at sample k of epoch e (e finished epochs before it, n
 * samples an epoch) is at e*n + k, so the last update of an epoch is at
 * (epoch number)*n, where the history has that epoch; divided by n it
 * reads as an epoch.
 *
 * Bounded memory: it keeps at most COST_LOG_UPDATES updates; when full
 * the older half is dropped, so it always holds at least the last
 * COST_LOG_UPDATES / 2. It keeps the last COST_LOG_MARKS marks. */
#ifndef DESCENT_COST_LOG_H
#define DESCENT_COST_LOG_H

#include <stdbool.h>
#include <stddef.h>

#include "neuron.h"

#define COST_LOG_UPDATES 8192
#define COST_LOG_MARKS 64

/* One update: where it ended and its minibatch's mean cost. */
struct update_cost {
    size_t position;
    double cost;
};

/* What changed at a mark. */
enum mark_kind { MARK_LR, MARK_LOSS, MARK_ACTIVATION, MARK_BATCH };

/* Settings changed at position: the new value of each kind in kinds
 * (several changes at one place are one mark; a kind changed twice there
 * shows its last value). */
struct setting_mark {
    size_t position;
    unsigned kinds;     /* 1 << enum mark_kind, or-ed */
    char text[4][32];   /* per kind: "lr 0.2", "BCE", "relu", "batch 4" */
};

struct cost_log {
    struct update_cost *updates; /* COST_LOG_UPDATES slots, len used */
    size_t len;
    struct setting_mark marks[COST_LOG_MARKS];
    size_t nmarks;
};

/* Allocates the update slots; false when out of memory (nothing to free
 * then). cost_log_free releases them (safe on a zeroed log). */
bool cost_log_init(struct cost_log *log);
void cost_log_free(struct cost_log *log);

/* Empties it (a reset: the run starts again). */
void cost_log_clear(struct cost_log *log);

/* Adds an update at position with its mean cost. */
void cost_log_add(struct cost_log *log, size_t position, double cost);

/* Makes room for updates written in place (the batch-1 loop's way of
 * adding many, trainer_fast.c): when the log is full, drops the older
 * half, as cost_log_add does before an add. Returns how many updates the
 * caller may then write at updates[len], updates[len + 1], ... (raising
 * len by as many) before it must call this again: the same contents as
 * that many cost_log_add calls. 0 when the log has no storage. */
size_t cost_log_room(struct cost_log *log);

/* Notes at position what changed from the settings before to after
 * (nothing when none of lr, loss, activation, batch changed, or at
 * position 0, before any training). A change at the position of the last
 * mark joins it. */
void cost_log_mark(struct cost_log *log, size_t position, double lr_before,
                   double lr_after, enum loss loss_before, enum loss loss_after,
                   enum activation act_before, enum activation act_after,
                   size_t batch_before, size_t batch_after);

/* Rewind: drops the updates after position; marks after it move to it
 * (the settings are not rewound, so the change now takes effect there). */
void cost_log_cut(struct cost_log *log, size_t position);

/* The mark's short label: its texts in kind order, ", "-separated. */
void cost_log_label(const struct setting_mark *m, char *buf, size_t size);

/* The position of the last loss change, or 0 when the loss never changed
 * (then every cost is of the current loss). */
size_t cost_log_last_loss_change(const struct cost_log *log);

#endif
