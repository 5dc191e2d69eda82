/* text_util.c - small text helpers shared by the CSV loader, the number
 * parser and the sample selection: the "FILE:LINE:COLUMN: reason" error
 * line, values as messages show them, copies, and sorting texts. */

#include "text_util.h"

#include <stdint.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util.h"

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

/* True for characters a reader cannot see or cannot tell from a space:
 * zero-width and format characters (a BOM U+FEFF, U+200B..U+200F, the
 * bidirectional controls) and the spaces other than U+0020 (U+00A0 ...).
 * A combining mark right after a visible character is visible (it
 * changes that character); at the start of a value it is not. */
static bool is_invisible(uint32_t cp, bool after_visible)
{
    static const uint32_t spaces[][2] = {
        {0x00A0, 0x00A0}, {0x00AD, 0x00AD}, {0x034F, 0x034F},
        {0x061C, 0x061C}, {0x115F, 0x1160}, {0x1680, 0x1680},
        {0x180E, 0x180E}, {0x2000, 0x200F}, {0x2028, 0x202F},
        {0x205F, 0x206F}, {0x3000, 0x3000}, {0x3164, 0x3164},
        {0xFEFF, 0xFEFF}, {0xFFA0, 0xFFA0}, {0xFFF9, 0xFFFB},
    };
    for (size_t i = 0; i < sizeof spaces / sizeof spaces[0]; i++)
        if (cp >= spaces[i][0] && cp <= spaces[i][1])
            return true;
    return util_char_width(cp) == 0 && !after_visible;
}

/* Appends piece (length bytes) to shown if it fits in MAX_SHOWN_BYTES. */
static bool shown_add(struct text_shown *shown, size_t *used, const char *piece,
                      size_t length)
{
    if (*used + length > MAX_SHOWN_BYTES)
        return false;
    memcpy(shown->text + *used, piece, length);
    *used += length;
    return true;
}

struct text_shown text_show(const char *value)
{
    struct text_shown shown;
    size_t length = strlen(value), used = 0, i = 0;
    bool after_visible = false;
    while (i < length) {
        uint32_t cp;
        int n = util_utf8_decode(value + i, length - i, &cp);
        char piece[16];
        size_t piece_length;
        bool control = n > 0 && (cp < 0x20 || (cp >= 0x7F && cp < 0xA0));
        if (n == 0 || control) {
            /* not UTF-8, or a C0/C1 control: every byte as \xHH */
            size_t bytes = n == 0 ? 1 : (size_t)n;
            piece_length = 0;
            for (size_t k = 0; k < bytes; k++)
                piece_length += (size_t)snprintf(piece + piece_length,
                    sizeof piece - piece_length, "\\x%02X",
                    (unsigned)(unsigned char)value[i + k]);
            n = (int)bytes;
            after_visible = false;
        } else if (is_invisible(cp, after_visible)) {
            piece_length = (size_t)snprintf(piece, sizeof piece, "<U+%04X>",
                                            (unsigned)cp);
            after_visible = false;
        } else {
            memcpy(piece, value + i, (size_t)n);
            piece_length = (size_t)n;
            after_visible = true;
        }
        if (!shown_add(&shown, &used, piece, piece_length))
            break;
        i += (size_t)n;
    }
    strcpy(shown.text + used, i < length ? "..." : "");
    return shown;
}

/* ---------------------------------------------------------------------
 * Copies
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
