/* rewind.c - a fixed ring of per-epoch entries with a cursor: appending
 * past the cursor forgets the "future" (like undo), a full ring drops its
 * oldest entry. Allocated once; nothing here copies more than one entry. */
#include "rewind.h"

#include <stdlib.h>

bool rewind_init(struct rewind *r, size_t capacity)
{
    r->cap = capacity > 0 ? capacity : 1;
    r->entries = malloc(r->cap * sizeof *r->entries);
    rewind_clear(r);
    return r->entries != NULL;
}

void rewind_free(struct rewind *r)
{
    free(r->entries);
    r->entries = NULL;
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
    *slot(r, r->len) = *e;
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
