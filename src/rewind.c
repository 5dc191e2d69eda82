/* rewind.c - a fixed ring of per-epoch entries with a cursor: appending
 * past the cursor forgets the "future" (like undo), a full ring drops its
 * oldest entry. Allocated once; nothing here copies more than one entry. */
#include "rewind.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

bool rewind_init(struct rewind *r, size_t capacity, size_t nparams)
{
    r->cap = capacity > 0 ? capacity : 1;
    r->nparams = nparams;
    r->entries = malloc(r->cap * sizeof *r->entries);
    /* TRAINER_STATE_ARRAYS arrays of P doubles per entry; a size that
     * would overflow is refused as out of memory */
    size_t per = TRAINER_STATE_ARRAYS * (nparams ? nparams : 1);
    r->params = per <= SIZE_MAX / sizeof *r->params / r->cap
                    ? malloc(r->cap * per * sizeof *r->params) : NULL;
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

void rewind_push(struct rewind *r, const struct rewind_entry *e)
{
    if (r->entries == NULL)
        return;
    rewind_truncate(r);
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
