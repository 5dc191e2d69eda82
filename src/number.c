/* number.c - parse_number: a CSV cell read strictly as a finite decimal
 * number. Numbers follow one grammar whatever the locale: the text is
 * matched by hand, and the value computed from the digits when that is
 * exact (most values in data files), by strtod under the C locale
 * otherwise (the program's own locale may use a decimal comma). Both give
 * the correctly rounded double, so the bits never depend on the path.
 * number_check and number_scan also say why a cell is refused, for the
 * messages of dataset.c.
 *
 * Underflow: a value with a nonzero digit that rounds to 0 (1e-400) is
 * refused rather than silently read as 0; a value that rounds to a
 * subnormal (4e-320) is accepted, as close as a double can be. */

#include "dataset.h"
#include "number.h"
#include "text_util.h"

#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define EXACT_DIGITS 19          /* significant digits a uint64_t holds */
#define EXACT_POWER 22           /* 10^22 is the largest exact power */
#define EXPONENT_CAP 1000000     /* larger written exponents saturate */

/* A number as the grammar
 * [+-] digits [. digits] [(e|E) [+-] digits] reads it, with at least one
 * digit before the exponent (so "5.", ".5" and "+.5" are numbers). */
struct decimal {
    size_t length;       /* bytes matched; 0 if the text is no number */
    bool negative;
    bool nonzero;        /* a digit before the exponent is not 0 */
    bool exact;          /* every significant digit is in mantissa */
    uint64_t mantissa;   /* the digits as an integer, leading zeros gone */
    long exponent;       /* value = mantissa * 10^exponent when exact */
};

static bool is_digit(char c)
{
    return (unsigned char)(c - '0') < 10;
}

/* Reads the digits from p (before end) into d; after_point when they
 * follow the decimal point. Returns where they end; *digits counts them. */
static const char *read_digits(struct decimal *d, const char *p,
                               const char *end, bool after_point,
                               size_t *digits, int *significant)
{
    const char *first = p;
    for (; p < end && is_digit(*p); p++) {
        unsigned digit = (unsigned)(*p - '0');
        if (d->mantissa == 0 && digit == 0) {
            d->exponent -= after_point; /* a leading zero */
            continue;
        }
        d->nonzero = d->nonzero || digit != 0;
        if (*significant == EXACT_DIGITS) {
            d->exact = false;   /* more digits than fit: strtod decides */
            continue;
        }
        (*significant)++;
        d->mantissa = d->mantissa * 10 + digit;
        d->exponent -= after_point;
    }
    *digits += (size_t)(p - first);
    return p;
}

/* Reads the number at the start of the length bytes of text. */
static struct decimal decimal_read(const char *text, size_t length)
{
    struct decimal d = {.exact = true};
    const char *p = text, *end = text + length;
    int significant = 0;
    size_t digits = 0;
    if (p < end && (*p == '+' || *p == '-')) {
        d.negative = *p == '-';
        p++;
    }
    p = read_digits(&d, p, end, false, &digits, &significant);
    if (p < end && *p == '.')
        p = read_digits(&d, p + 1, end, true, &digits, &significant);
    if (digits == 0)
        return (struct decimal){0};
    if (p < end && (*p == 'e' || *p == 'E')) {
        const char *q = p + 1;
        bool negative = false;
        long written = 0;
        if (q < end && (*q == '+' || *q == '-'))
            negative = *q++ == '-';
        const char *first = q;
        for (; q < end && is_digit(*q); q++)
            if (written < EXPONENT_CAP)
                written = written * 10 + (*q - '0');
        if (q == first)
            return (struct decimal){0};
        d.exponent += negative ? -written : written;
        p = q;
    }
    d.length = (size_t)(p - text);
    return d;
}

/* The value of d when one correctly rounded operation on exact operands
 * gives it (Clinger's fast path); false when strtod must decide. */
static bool decimal_value(const struct decimal *d, double *value)
{
    static const double powers[EXACT_POWER + 1] = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    };
    double magnitude;
    if (d->exact && d->mantissa == 0)
        magnitude = 0.0;
    else if (!d->exact || d->mantissa > (UINT64_C(1) << 53)
             || d->exponent < -EXACT_POWER || d->exponent > EXACT_POWER)
        return false;
    else if (d->exponent >= 0)
        magnitude = (double)d->mantissa * powers[d->exponent];
    else
        magnitude = (double)d->mantissa / powers[-d->exponent];
    *value = d->negative ? -magnitude : magnitude;
    return true;
}

/* True for [+-]nan, inf or infinity in any case (ASCII only, whatever the
 * locale), to tell the user why such a value is refused. */
static bool is_special_value(const char *text, size_t length)
{
    static const char *const words[] = {"nan", "inf", "infinity"};
    if (length > 0 && (*text == '+' || *text == '-')) {
        text++;
        length--;
    }
    for (size_t w = 0; w < sizeof words / sizeof words[0]; w++) {
        if (strlen(words[w]) != length)
            continue;
        size_t i = 0;
        while (i < length && (text[i] | 0x20) == words[w][i])
            i++;
        if (i == length)
            return true;
    }
    return false;
}

/* Converts the first length bytes of text, already matched by
 * decimal_read and followed by a byte that ends a number (a blank or the
 * NUL), with strtod under the C locale. strtod rounds correctly. */
static bool convert_in_c_locale(const char *text, size_t length, double *value)
{
    static locale_t c_locale = (locale_t)0;
    if (c_locale == (locale_t)0)
        c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    if (c_locale == (locale_t)0)
        return false;
    locale_t previous = uselocale(c_locale);
    if (previous == (locale_t)0)
        return false;
    int saved_errno = errno;
    char *end;
    *value = strtod(text, &end);
    errno = saved_errno;
    uselocale(previous);
    return end == text + length;
}

enum number_status number_scan(const char *text, size_t length, double *out)
{
    if (text == NULL)
        return NUMBER_EMPTY;
    while (length > 0 && text_is_blank(*text)) {
        text++;
        length--;
    }
    while (length > 0 && text_is_blank(text[length - 1]))
        length--;
    if (length == 0)
        return NUMBER_EMPTY;
    struct decimal d = decimal_read(text, length);
    if (d.length != length)
        return is_special_value(text, length) ? NUMBER_NOT_FINITE
                                              : NUMBER_NOT_A_NUMBER;
    double value;
    if (!decimal_value(&d, &value)
        && !convert_in_c_locale(text, length, &value))
        return NUMBER_NOT_A_NUMBER;
    if (isinf(value))
        return NUMBER_OUT_OF_RANGE;
    if (value == 0 && d.nonzero)
        return NUMBER_UNDERFLOW;
    if (out != NULL)
        *out = value;
    return NUMBER_OK;
}

enum number_status number_scan_comma(const char *text, size_t length,
                                     double *out)
{
    const char *comma = text != NULL ? memchr(text, ',', length) : NULL;
    if (comma == NULL || memchr(text, '.', length) != NULL
        || memchr(comma + 1, ',', length - (size_t)(comma - text) - 1) != NULL)
        return number_scan(text, length, out);
    char small[64];
    char *copy = length < sizeof small ? small : malloc(length + 1);
    if (copy == NULL)
        return NUMBER_NOT_A_NUMBER;
    memcpy(copy, text, length);
    copy[length] = '\0';
    copy[comma - text] = '.';
    enum number_status status = number_scan(copy, length, out);
    if (copy != small)
        free(copy);
    return status;
}

enum number_status number_check(const char *text, double *out)
{
    return number_scan(text, text != NULL ? strlen(text) : 0, out);
}

bool parse_number(const char *text, double *out)
{
    return number_check(text, out) == NUMBER_OK;
}

const char *number_status_reason(enum number_status status)
{
    switch (status) {
    case NUMBER_OK: return "";
    case NUMBER_EMPTY: return "empty value";
    case NUMBER_NOT_A_NUMBER: return "is not a number";
    case NUMBER_NOT_FINITE: return "is not a finite number";
    case NUMBER_OUT_OF_RANGE: return "is out of range";
    case NUMBER_UNDERFLOW: return "is too small (underflows to 0)";
    }
    return "is not a number";
}
