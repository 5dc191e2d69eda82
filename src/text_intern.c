/* text_intern.c - a set of distinct texts in order of first appearance,
 * each with an id (0, 1, 2...): a column's values are kept once each, and
 * the rows hold ids (table_internal.h). Open addressing on a power-of-two
 * table of slots, at most half full; the texts live end to end in one
 * growing buffer. */

#include "table_internal.h"

#include <stdlib.h>
#include <string.h>

#define MAX_TEXTS (UINT32_MAX - 1)   /* a slot holds id + 1 in 32 bits */

/* FNV-1a, 32 bits, quick on the short texts of a CSV, then MurmurHash3's
 * final mix: FNV's low bits, which pick the slot, vary too little alone. */
static uint32_t hash_text(const char *text, size_t length)
{
    uint32_t hash = 2166136261u;
    for (size_t i = 0; i < length; i++) {
        hash ^= (unsigned char)text[i];
        hash *= 16777619u;
    }
    hash ^= hash >> 16;
    hash *= 0x85ebca6bu;
    hash ^= hash >> 13;
    hash *= 0xc2b2ae35u;
    hash ^= hash >> 16;
    return hash;
}

static size_t text_length(const struct text_intern *set, size_t id)
{
    return set->starts[id + 1] - set->starts[id] - 1;
}

/* The slot that holds text (hash), or the empty slot where it would go. */
static size_t find_slot(const struct text_intern *set, const char *text,
                        size_t length, uint32_t hash)
{
    size_t mask = set->slot_count - 1;
    for (size_t slot = hash & mask;; slot = (slot + 1) & mask) {
        uint32_t held = set->slots[slot];
        if (held == 0)
            return slot;
        size_t id = held - 1;
        if (set->hashes[id] == hash && text_length(set, id) == length
            && memcmp(set->bytes + set->starts[id], text, length) == 0)
            return slot;
    }
}

/* Doubles the slots (from 64) and puts every id back. */
static bool grow_slots(struct text_intern *set)
{
    size_t count = set->slot_count > 0 ? set->slot_count * 2 : 64;
    if (count > SIZE_MAX / sizeof *set->slots)
        return false;
    uint32_t *slots = calloc(count, sizeof *slots);
    if (slots == NULL)
        return false;
    size_t mask = count - 1;
    for (size_t id = 0; id < set->count; id++) {
        size_t slot = set->hashes[id] & mask;
        while (slots[slot] != 0)
            slot = (slot + 1) & mask;
        slots[slot] = (uint32_t)(id + 1);
    }
    free(set->slots);
    set->slots = slots;
    set->slot_count = count;
    return true;
}

bool text_intern_add(struct text_intern *set, const char *text, size_t length,
                     size_t *id)
{
    if (set->slot_count == 0 && !grow_slots(set))
        return false;
    uint32_t hash = hash_text(text, length);
    size_t slot = find_slot(set, text, length, hash);
    if (set->slots[slot] != 0) {
        *id = set->slots[slot] - 1;
        return true;
    }
    if (set->count == MAX_TEXTS || length > SIZE_MAX - 1 - set->used)
        return false;
    char *bytes = table_grow(set->bytes, &set->capacity,
                             set->used + length + 1, 1);
    if (bytes == NULL)
        return false;
    set->bytes = bytes;
    size_t starts_needed = set->count + 2;
    size_t *starts = table_grow(set->starts, &set->starts_capacity,
                                starts_needed, sizeof *starts);
    if (starts == NULL)
        return false;
    set->starts = starts;
    uint32_t *hashes = table_grow(set->hashes, &set->hashes_capacity,
                                  starts_needed, sizeof *hashes);
    if (hashes == NULL)
        return false;
    set->hashes = hashes;
    if (set->count == 0)
        set->starts[0] = 0;
    memcpy(set->bytes + set->used, text, length);
    set->bytes[set->used + length] = '\0';
    set->used += length + 1;
    set->starts[set->count + 1] = set->used;
    set->hashes[set->count] = hash;
    set->slots[slot] = (uint32_t)(set->count + 1);
    *id = set->count++;
    if (set->count * 2 > set->slot_count && !grow_slots(set)) {
        /* keep the set as it was: at most half full */
        set->count--;
        set->used = set->starts[set->count];
        set->slots[slot] = 0;
        return false;
    }
    return true;
}

size_t text_intern_find(const struct text_intern *set, const char *text)
{
    if (set->slot_count == 0 || text == NULL)
        return SIZE_MAX;
    size_t length = strlen(text);
    size_t slot = find_slot(set, text, length, hash_text(text, length));
    return set->slots[slot] != 0 ? (size_t)set->slots[slot] - 1 : SIZE_MAX;
}

const char *text_intern_text(const struct text_intern *set, size_t id)
{
    return set->bytes + set->starts[id];
}

void text_intern_free(struct text_intern *set)
{
    free(set->bytes);
    free(set->starts);
    free(set->hashes);
    free(set->slots);
    memset(set, 0, sizeof *set);
}
