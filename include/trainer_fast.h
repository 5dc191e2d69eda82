/* trainer_fast.h - many minibatch updates in one call: what the headless
 * epoch and the live frame's training run, exactly as that many
 * trainer_step_batch calls would (the same bits, the same history, cost
 * log, optimizer state and RNG). At batch 1 on a single neuron (no hidden
 * layer) it runs the batch-1 loop (docs/DESIGN.md "The batch-1 loop"):
 * one pass per sample with the settings fixed for the whole call. */
#ifndef DESCENT_TRAINER_FAST_H
#define DESCENT_TRAINER_FAST_H

#include <stdbool.h>
#include <stddef.h>

#include "trainer.h"

/* Runs minibatch updates of the epoch under way (beginning one, with its
 * shuffle, when none is) while fewer than `samples` samples have been
 * trained by this call and the epoch has not finished: the updates
 * trainer_step_batch would make, in the same order and with the same
 * bits. Stores the samples trained in *trained (when not NULL) and
 * returns true when the call finished the epoch (then in the history).
 * samples == 0 or no data: nothing is trained. */
bool trainer_step_samples(struct trainer *t, size_t samples, size_t *trained);

/* Whether trainer_step_samples runs t's updates in the batch-1 loop at
 * its current settings (batch 1, no hidden layer, at least one feature);
 * otherwise it calls trainer_step_batch. Either way the same bits. */
bool trainer_fast_applies(const struct trainer *t);

#endif
