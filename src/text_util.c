/* text_util.c - small text helpers shared by the CSV loader, the number
 * parser and the sample selection: the "FILE:LINE:COLUMN: reason" error
 * line, values as messages show them, copies, and sorting texts. */

#include "text_util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---------------------------------------------------------------------
 * Messages
 * ------------------------------------------------------------------- */

void text_report(char *err, size_t errlen, const char *source, size_t line,
                 size_t column, const char *format, ...)
{
    if (err == NULL || errlen == 0)
        return;
    int used;
    if (line == 0)
        used = snprintf(err, errlen, "%s: ", source);
    else if (column == 0)
        used = snprintf(err, errlen, "%s:%zu: ", source, line);
    else
        used = snprintf(err, errlen, "%s:%zu:%zu: ", source, line, column);
    if (used < 0 || (size_t)used >= errlen)
        return;
    va_list args;
    va_start(args, format);
    vsnprintf(err + used, errlen - (size_t)used, format, args);
    va_end(args);
}

struct text_shown text_show(const char *value)
{
    struct text_shown shown;
    size_t length = strlen(value);
    size_t keep = length;
    if (length > MAX_SHOWN_BYTES) {
        keep = MAX_SHOWN_BYTES;
        while (keep > 0 && ((unsigned char)value[keep] & 0xC0) == 0x80)
            keep--; /* do not split a UTF-8 sequence */
    }
    for (size_t i = 0; i < keep; i++) {
        unsigned char c = (unsigned char)value[i];
        shown.text[i] = (c < 0x20 || c == 0x7F) ? '?' : (char)c;
    }
    strcpy(shown.text + keep, keep < length ? "..." : "");
    return shown;
}

/* ---------------------------------------------------------------------
 * Copies and blanks
 * ------------------------------------------------------------------- */

char *text_copy(const char *text, size_t length)
{
    char *copy = malloc(length + 1);
    if (copy == NULL)
        return NULL;
    if (length > 0)
        memcpy(copy, text, length);
    copy[length] = '\0';
    return copy;
}

bool text_is_blank(char c)
{
    return c == ' ' || c == '\t';
}

/* ---------------------------------------------------------------------
 * Sorting
 * ------------------------------------------------------------------- */

static int compare_text_then_index(const void *a, const void *b)
{
    const struct indexed_text *left = a, *right = b;
    int order = strcmp(left->text, right->text);
    if (order != 0)
        return order;
    return (left->index > right->index) - (left->index < right->index);
}

struct indexed_text *text_sort(char *const *texts, size_t count,
                               size_t stride)
{
    struct indexed_text *sorted = calloc(count > 0 ? count : 1,
                                         sizeof *sorted);
    if (sorted == NULL)
        return NULL;
    for (size_t i = 0; i < count; i++)
        sorted[i] = (struct indexed_text){texts[i * stride], i};
    qsort(sorted, count, sizeof *sorted, compare_text_then_index);
    return sorted;
}

int text_index_of(const char *const *names, int count, const char *name)
{
    for (int i = 0; i < count; i++)
        if (names[i] && strcasecmp(name, names[i]) == 0)
            return i;
    return -1;
}
