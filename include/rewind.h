/* rewind.h - the ring of past epochs behind the left and right arrows:
 * one small entry per finished epoch (the trainer's state and the bowl's
 * mark, never the data), the newest REWIND_CAPACITY of them, and a
 * cursor on the one shown. Pure bookkeeping: session.c moves the trainer
 * and the bowl to the entries. */
#ifndef DESCENT_REWIND_H
#define DESCENT_REWIND_H

#include <stdbool.h>
#include <stddef.h>

#include "bowl.h"
#include "trainer.h"

#define REWIND_CAPACITY 16384 /* epochs kept; at least 10,000 */

struct rewind_entry {
    struct trainer_state trainer;
    struct bowl_mark bowl;
};

/* The slots are kept in blocks of REWIND_BLOCK (fewer when the capacity
 * is smaller), each allocated when the ring first reaches it and never
 * moved: a block holds its entries, then their arrays. */
#define REWIND_BLOCK 256

struct rewind {
    struct rewind_entry **blocks; /* cap / block blocks (rounded up), NULL
                                     until reached; their slots are used as
                                     a ring once all are there */
    size_t block;                 /* slots per block */
    size_t nparams;               /* TRAINER_STATE_ARRAYS * nparams doubles
                                     per slot: the entries' theta, gradient
                                     and optimizer moments */
    size_t cap;                   /* the most entries kept */
    size_t first;                 /* slot of the oldest entry */
    size_t len;                   /* entries held */
    size_t cursor;                /* 0 (oldest) .. len-1 (newest): the one shown */
};

/* An empty ring of capacity entries (>= 1) of trainer states with
 * nparams parameters each; its memory grows a block at a time as entries
 * are pushed (one block at first). false when out of memory. Free with
 * rewind_free. */
bool rewind_init(struct rewind *r, size_t capacity, size_t nparams);
void rewind_free(struct rewind *r);

/* Forgets every entry. */
void rewind_clear(struct rewind *r);

/* Forgets the entries after the cursor (training from a past epoch),
 * then appends a copy of e (its theta, gradient and moments copied into
 * the ring, the copy's pointers to them) as the newest, dropping the oldest when the ring is full;
 * the cursor goes to e. When a new block cannot be had for want of
 * memory, the ring keeps the entries it has room for as if that were its
 * capacity. */
void rewind_push(struct rewind *r, const struct rewind_entry *e);

/* The entry under the cursor, or NULL when the ring is empty. */
struct rewind_entry *rewind_current(struct rewind *r);

/* The entry i places from the cursor (i = -1: the one before, 1: the one
 * after), or NULL beyond either end. */
const struct rewind_entry *rewind_peek(const struct rewind *r, int i);

/* Moves the cursor by -1 or 1; false (and no move) beyond either end. */
bool rewind_move(struct rewind *r, int dir);

/* Forgets the entries after the cursor. */
void rewind_truncate(struct rewind *r);

/* True when the cursor is on an entry older than the newest. */
bool rewind_is_back(const struct rewind *r);

/* The oldest and newest entries, or NULL when empty. */
const struct rewind_entry *rewind_oldest(const struct rewind *r);
const struct rewind_entry *rewind_newest(const struct rewind *r);

#endif
