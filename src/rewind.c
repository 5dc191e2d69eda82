/* rewind.c - a ring of per-epoch entries with a cursor: appending past
 * the cursor forgets the "future" (like undo), a full ring drops its
 * oldest entry. Its memory is blocks of slots, each allocated when the
 * epochs first reach it (a large network's REWIND_CAPACITY states are
 * hundreds of megabytes) and never moved; the ring wraps only once every
 * block is there. Nothing here copies more than one entry's arrays. */
#include "rewind.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The bytes of one block: its entries, then TRAINER_STATE_ARRAYS arrays
 * of P doubles per entry (at least one double, so no block is empty);
 * 0 when that would overflow. */
static size_t block_bytes(size_t block, size_t nparams)
{
    size_t per = TRAINER_STATE_ARRAYS * (nparams ? nparams : 1);
    if (per > (SIZE_MAX - sizeof(struct rewind_entry)) / sizeof(double))
        return 0;
    per = sizeof(struct rewind_entry) + per * sizeof(double);
    return per <= SIZE_MAX / block ? block * per : 0;
}

/* Allocates block k; false when out of memory. */
static bool block_add(struct rewind *r, size_t k)
{
    size_t bytes = block_bytes(r->block, r->nparams);
    r->blocks[k] = bytes > 0 ? malloc(bytes) : NULL;
    return r->blocks[k] != NULL;
}

bool rewind_init(struct rewind *r, size_t capacity, size_t nparams)
{
    r->cap = capacity > 0 ? capacity : 1;
    r->nparams = nparams;
    r->block = r->cap < REWIND_BLOCK ? r->cap : REWIND_BLOCK;
    r->blocks = calloc((r->cap + r->block - 1) / r->block, sizeof *r->blocks);
    rewind_clear(r);
    if (r->blocks == NULL || !block_add(r, 0)) {
        rewind_free(r);
        return false;
    }
    return true;
}

void rewind_free(struct rewind *r)
{
    if (r->blocks != NULL)
        for (size_t k = 0; k < (r->cap + r->block - 1) / r->block; k++)
            free(r->blocks[k]);
    free(r->blocks);
    r->blocks = NULL;
    r->cap = 0;
    rewind_clear(r);
}

void rewind_clear(struct rewind *r)
{
    r->first = 0;
    r->len = 0;
    r->cursor = 0;
}

/* The entry in slot s (its block allocated). */
static struct rewind_entry *entry_at(const struct rewind *r, size_t s)
{
    return &r->blocks[s / r->block][s % r->block];
}

/* The arrays of slot s: theta, then gradient, moment1, moment2. */
static double *arrays_at(const struct rewind *r, size_t s)
{
    double *base = (double *)(void *)(r->blocks[s / r->block] + r->block);
    return base + (s % r->block) * TRAINER_STATE_ARRAYS * r->nparams;
}

static struct rewind_entry *slot(const struct rewind *r, size_t i)
{
    return entry_at(r, (r->first + i) % r->cap);
}

void rewind_truncate(struct rewind *r)
{
    if (r->len > 0)
        r->len = r->cursor + 1;
}

void rewind_push(struct rewind *r, const struct rewind_entry *e)
{
    if (r->blocks == NULL)
        return;
    rewind_truncate(r);
    /* Before every block is there, first is 0 and the next slot is len. */
    if (r->len < r->cap && r->blocks[r->len / r->block] == NULL &&
        !block_add(r, r->len / r->block))
        r->cap = r->len; /* no more memory: a ring of the slots it has */
    if (r->len == r->cap) {
        r->first = (r->first + 1) % r->cap;
        r->len--;
    }
    size_t index = (r->first + r->len) % r->cap;
    struct rewind_entry *to = entry_at(r, index);
    double *theta = arrays_at(r, index);
    double *gradient = theta + r->nparams;
    double *moment1 = gradient + r->nparams, *moment2 = moment1 + r->nparams;
    size_t p = e->trainer.nparams < r->nparams ? e->trainer.nparams : r->nparams;
    *to = *e;
    if (p > 0) {
        memcpy(theta, e->trainer.theta, p * sizeof *theta);
        memcpy(gradient, e->trainer.gradient, p * sizeof *gradient);
        memcpy(moment1, e->trainer.moment1, p * sizeof *moment1);
        memcpy(moment2, e->trainer.moment2, p * sizeof *moment2);
    }
    to->trainer.theta = theta;
    to->trainer.gradient = gradient;
    to->trainer.moment1 = moment1;
    to->trainer.moment2 = moment2;
    to->trainer.nparams = p;
    r->len++;
    r->cursor = r->len - 1;
}

struct rewind_entry *rewind_current(struct rewind *r)
{
    return r->len > 0 ? slot(r, r->cursor) : NULL;
}

const struct rewind_entry *rewind_peek(const struct rewind *r, int i)
{
    if (r->len == 0)
        return NULL;
    if (i < 0 && (size_t)-i > r->cursor)
        return NULL;
    if (i > 0 && r->cursor + (size_t)i >= r->len)
        return NULL;
    return slot(r, i < 0 ? r->cursor - (size_t)-i : r->cursor + (size_t)i);
}

bool rewind_move(struct rewind *r, int dir)
{
    if (rewind_peek(r, dir) == NULL)
        return false;
    r->cursor = dir < 0 ? r->cursor - 1 : r->cursor + 1;
    return true;
}

bool rewind_is_back(const struct rewind *r)
{
    return r->len > 0 && r->cursor + 1 < r->len;
}

const struct rewind_entry *rewind_oldest(const struct rewind *r)
{
    return r->len > 0 ? slot(r, 0) : NULL;
}

const struct rewind_entry *rewind_newest(const struct rewind *r)
{
    return r->len > 0 ? slot(r, r->len - 1) : NULL;
}
