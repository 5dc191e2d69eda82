/* big_alloc.h - room for arrays of one entry per sample on large data,
 * asked for in huge pages where the system offers them (Linux's
 * transparent huge pages, on request), so that filling 8 MiB costs four
 * page faults instead of two thousand. */
#ifndef DESCENT_BIG_ALLOC_H
#define DESCENT_BIG_ALLOC_H

#include <stddef.h>

/* At least this many bytes go to huge pages; smaller requests are plain
 * malloc. */
#define BIG_ALLOC_MIN ((size_t)2 << 20)

/* Room for count items of size bytes, NOT zeroed (the caller writes every
 * entry before reading it), or NULL on overflow or out of memory. Free it
 * with free(). */
void *big_alloc(size_t count, size_t size);

#endif
