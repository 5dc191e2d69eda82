/* number.h - why a cell is or is not a number, for messages. parse_number
 * (declared in dataset.h) is the yes/no form; all are in number.c. The
 * table (table.c) parses each value once with number_scan; the selection
 * (dataset.c) words the reason with number_status_reason. */
#ifndef DESCENT_NUMBER_H
#define DESCENT_NUMBER_H

#include <stddef.h>

enum number_status {
    NUMBER_OK,
    NUMBER_EMPTY,
    NUMBER_NOT_A_NUMBER,
    NUMBER_NOT_FINITE,      /* nan, inf, infinity */
    NUMBER_OUT_OF_RANGE,    /* too large for a double, e.g. 1e999 */
    NUMBER_UNDERFLOW,       /* not zero, but rounds to 0, e.g. 1e-400 */
};

/* Checks text by the rules of parse_number and says why it is not a
 * number; a NULL text counts as empty. On NUMBER_OK, stores the value in
 * *out unless out is NULL; otherwise leaves *out alone. */
enum number_status number_check(const char *text, double *out);

/* number_check for the length bytes of text, which must be followed by a
 * NUL (text[length] == '\0'; the text itself holds none). The same
 * statuses and the same bits: most values are converted exactly without
 * strtod (up to 19 significant digits and a power of ten up to 22), the
 * others by strtod under the C locale. */
enum number_status number_scan(const char *text, size_t length, double *out);

/* number_scan that also reads a decimal comma: a text with exactly one
 * comma and no point ("5,1", "-0,25e3") is read as if the comma were a
 * point; any other text exactly as number_scan reads it. For files whose
 * fields are not separated by commas (--delimiter). Never depends on the
 * locale. */
enum number_status number_scan_comma(const char *text, size_t length,
                                     double *out);

/* The words a message puts after a value that is not a number, e.g. "is
 * not a number", "is out of range"; "" for NUMBER_OK. */
const char *number_status_reason(enum number_status status);

#endif
