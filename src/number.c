/* number.c - parse_number: a CSV cell read strictly as a finite decimal
 * number. Numbers follow one grammar whatever the locale: the text is
 * matched by hand, then converted by strtod under the C locale (the
 * program's own locale may use a decimal comma). number_check also says
 * why a cell is refused, for the messages of dataset.c.
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
#include <stdlib.h>
#include <string.h>

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static const char *skip_digits(const char *p, size_t *count)
{
    while (is_digit(*p)) {
        p++;
        (*count)++;
    }
    return p;
}

/* Length of the number at the start of text by the grammar
 * [+-] digits [. digits] [(e|E) [+-] digits], with at least one digit
 * before the exponent (so "5.", ".5" and "+.5" are numbers); 0 if none. */
static size_t match_number(const char *text)
{
    const char *p = text;
    size_t digits = 0;
    if (*p == '+' || *p == '-')
        p++;
    p = skip_digits(p, &digits);
    if (*p == '.')
        p = skip_digits(p + 1, &digits);
    if (digits == 0)
        return 0;
    if (*p == 'e' || *p == 'E') {
        const char *q = p + 1;
        size_t exponent_digits = 0;
        if (*q == '+' || *q == '-')
            q++;
        q = skip_digits(q, &exponent_digits);
        if (exponent_digits == 0)
            return 0;
        p = q;
    }
    return (size_t)(p - text);
}

/* True when the digits before the exponent of a matched number are not
 * all zeros, so the number is not zero (whatever its exponent). */
static bool has_nonzero_digit(const char *text, size_t length)
{
    for (size_t i = 0; i < length && text[i] != 'e' && text[i] != 'E'; i++)
        if (text[i] >= '1' && text[i] <= '9')
            return true;
    return false;
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

/* Converts the first length bytes of text, already checked by
 * match_number, with strtod under the C locale (the program's own locale
 * may use a decimal comma). strtod rounds correctly. */
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

enum number_status number_check(const char *text, double *out)
{
    if (text == NULL)
        return NUMBER_EMPTY;
    while (text_is_blank(*text))
        text++;
    size_t length = strlen(text);
    while (length > 0 && text_is_blank(text[length - 1]))
        length--;
    if (length == 0)
        return NUMBER_EMPTY;
    if (is_special_value(text, length))
        return NUMBER_NOT_FINITE;
    double value;
    if (match_number(text) != length
        || !convert_in_c_locale(text, length, &value))
        return NUMBER_NOT_A_NUMBER;
    if (isinf(value))
        return NUMBER_OUT_OF_RANGE;
    if (value == 0 && has_nonzero_digit(text, length))
        return NUMBER_UNDERFLOW;
    if (out != NULL)
        *out = value;
    return NUMBER_OK;
}

bool parse_number(const char *text, double *out)
{
    return number_check(text, out) == NUMBER_OK;
}
