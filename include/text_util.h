/* text_util.h - small text helpers shared by the CSV loader (csv_table.c),
 * the number parser (number.c) and the sample selection (dataset.c):
 * error lines, values as messages show them, copies, and sorting texts;
 * and the name lookup behind neuron.c's and trainer.c's name parsers.
 * Internal; not part of the dataset.h interface. */
#ifndef DESCENT_TEXT_UTIL_H
#define DESCENT_TEXT_UTIL_H

#include <stdbool.h>
#include <stddef.h>

#define MAX_SHOWN_BYTES 40   /* longer values are cut in messages */

/* Writes "SOURCE[:LINE[:COLUMN]]: " and the formatted reason into err
 * (err may be NULL or errlen 0: nothing is written). A line or column of 0
 * leaves that part out; the text is cut to fit errlen. */
__attribute__((format(printf, 6, 7)))
void text_report(char *err, size_t errlen, const char *source, size_t line,
                 size_t column, const char *format, ...);

/* A value as a message shows it, never raw bytes a terminal would act on:
 * a byte that is not part of well-formed UTF-8, and every byte of a C0 or
 * C1 control character (a line break inside a quoted cell, ESC, U+0085),
 * becomes \xHH (upper-case hex); an invisible character (a BOM U+FEFF
 * inside a name, a zero-width or non-breaking space) becomes <U+XXXX>.
 * A shown form longer than MAX_SHOWN_BYTES is cut before the piece that
 * does not fit (never inside a character or an escape) and ends in "...". */
struct text_shown {
    char text[MAX_SHOWN_BYTES + 4];
};

/* The shown form of value (not NULL), returned by value: no allocation. */
struct text_shown text_show(const char *value);

/* A NUL-terminated copy of length bytes of text, or NULL if out of memory.
 * The caller frees it. */
char *text_copy(const char *text, size_t length);

/* True for the blanks libcsv trims and parse_number allows: space, tab.
 * Inline: the loader asks it of every byte of a number. */
static inline bool text_is_blank(char c)
{
    return c == ' ' || c == '\t';
}

/* A text with its position, to sort texts by text, then position. */
struct indexed_text {
    const char *text;
    size_t index;
};

/* The count texts texts[i * stride], sorted by text and then position
 * (pointers into texts, not copies); NULL if out of memory. The caller
 * frees the array. */
struct indexed_text *text_sort(char *const *texts, size_t count,
                               size_t stride);

/* Index of name in names[0..count), compared without regard to case, or
 * -1: the parser behind the activation, loss and init names. */
int text_index_of(const char *const *names, int count, const char *name);

#endif
