/* number.h - why a cell is or is not a number, for messages. parse_number
 * (declared in dataset.h) is the yes/no form; both are in number.c.
 * Internal to the dataset code; not part of the dataset.h interface. */
#ifndef DESCENT_NUMBER_H
#define DESCENT_NUMBER_H

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

#endif
