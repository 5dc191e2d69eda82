/* rewind.c - a ring of per-epoch entries with a cursor: appending past
 * the cursor forgets the "future" (like undo), a full ring drops its
 * oldest entry. Its memory starts small and doubles as epochs fill it, up
 * to the capacity (a large network's REWIND_CAPACITY states are hundreds
 * of megabytes); until then the ring has not wrapped and entry i is in
 * slot i. Nothing here copies more than one entry's arrays, but growing
 * re-points the entries at their moved arrays. */
#include "rewind.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Slots allocated at first (or the capacity, when smaller). */
#define REWIND_FIRST_SLOTS 64

/* The doubles allocated per slot: TRAINER_STATE_ARRAYS arrays of P (at
 * least one, so that no allocation is of 0 bytes). */
static size_t doubles_per_slot(size_t nparams)
{
    return TRAINER_STATE_ARRAYS * (nparams ? nparams : 1);
}

bool rewind_init(struct rewind *r, size_t capacity, size_t nparams)
{
    r->cap = capacity > 0 ? capacity : 1;
    r->nparams = nparams;
    r->alloc = r->cap < REWIND_FIRST_SLOTS ? r->cap : REWIND_FIRST_SLOTS;
    r->entries = malloc(r->alloc * sizeof *r->entries);
    /* a full ring whose size would overflow is refused as out of memory */
    size_t per = doubles_per_slot(nparams);
    r->params = per <= SIZE_MAX / sizeof *r->params / r->cap
                    ? malloc(r->alloc * per * sizeof *r->params) : NULL;
    rewind_clear(r);
    if (r->entries == NULL || r->params == NULL) {
        rewind_free(r);
        return false;
    }
    return true;
}

void rewind_free(struct rewind *r)
{
    free(r->entries);
    free(r->params);
    r->entries = NULL;
    r->params = NULL;
    r->cap = 0;
    r->alloc = 0;
    rewind_clear(r);
}

void rewind_clear(struct rewind *r)
{
    r->first = 0;
    r->len = 0;
    r->cursor = 0;
}

static struct rewind_entry *slot(const struct rewind *r, size_t i)
{
    return &r->entries[(r->first + i) % r->cap];
}

void rewind_truncate(struct rewind *r)
{
    if (r->len > 0)
        r->len = r->cursor + 1;
}

/* Points the entry in slot index at that slot's arrays. */
static void attach(struct rewind *r, size_t index)
{
    struct rewind_entry *e = &r->entries[index];
    e->trainer.theta = r->params + index * TRAINER_STATE_ARRAYS * r->nparams;
    e->trainer.gradient = e->trainer.theta + r->nparams;
    e->trainer.moment1 = e->trainer.gradient + r->nparams;
    e->trainer.moment2 = e->trainer.moment1 + r->nparams;
}

/* Room for n slots (alloc < n <= cap): the arrays re-allocated and the
 * entries held re-pointed (the ring has not wrapped: entry i is in slot
 * i). false, with the entries where they were, when out of memory. */
static bool grow(struct rewind *r, size_t n)
{
    struct rewind_entry *entries = realloc(r->entries, n * sizeof *entries);
    if (entries == NULL)
        return false;
    r->entries = entries;
    double *params = realloc(r->params, n * doubles_per_slot(r->nparams) * sizeof *params);
    if (params == NULL)
        return false;
    r->params = params;
    r->alloc = n;
    for (size_t i = 0; i < r->len; i++)
        attach(r, i);
    return true;
}

void rewind_push(struct rewind *r, const struct rewind_entry *e)
{
    if (r->entries == NULL)
        return;
    rewind_truncate(r);
    if (r->len == r->alloc && r->alloc < r->cap &&
        !grow(r, r->alloc <= r->cap / 2 ? 2 * r->alloc : r->cap))
        r->cap = r->alloc; /* no more memory: a ring of the slots it has */
    if (r->len == r->cap) {
        r->first = (r->first + 1) % r->cap;
        r->len--;
    }
    size_t index = (r->first + r->len) % r->cap;
    struct rewind_entry *to = &r->entries[index];
    double *theta = r->params + index * TRAINER_STATE_ARRAYS * r->nparams;
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
    attach(r, index);
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
