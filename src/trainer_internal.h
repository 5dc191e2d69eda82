/* trainer_internal.h - what trainer.c shares with the batch-1 loop
 * (trainer_fast.c) and no other file: the end of an epoch. */
#ifndef DESCENT_TRAINER_INTERNAL_H
#define DESCENT_TRAINER_INTERNAL_H

#include "trainer.h"

/* Ends the epoch whose last update was just made: the epoch count, its
 * cost (the sum over its samples / n), the test cost, the history
 * record and the divergence check. */
void trainer_finish_epoch(struct trainer *t);

#endif
