/* settings_kinds.c - how each kind of setting reads and writes its value:
 * text, file names, class pairs, numbers, counts, on/off, flags, pairs
 * and sizes (names from a list are settings_names.c's); and the one
 * count reader (settings_parse_count). The rows of settings_table.c
 * point at these. */
#include "settings_kinds.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "builtin.h"
#include "dataset.h"
#include "generate.h"
#include "trainer.h"
#include "util.h"

/* The field of o that row s owns, as a pointer to type T. */
#define SLOT(T, s, o) ((T *)(void *)((char *)(o) + (s)->offset))
#define CONST_SLOT(T, s, o) ((const T *)(const void *)((const char *)(o) + (s)->offset))

typedef const char *text_field; /* CONST_SLOT(text_field, ...) */

static bool complain(const struct setting *s, const char *value, char *why,
                     size_t whylen)
{
    snprintf(why, whylen, "\"%s\" %s", value ? value : "", s->complaint);
    return false;
}

bool settings_parse_count(const char *text, uint64_t min, uint64_t max,
                          uint64_t *out)
{
    if (!text || !*text)
        return false;
    uint64_t v = 0;
    for (const char *p = text; *p; p++) {
        if (*p < '0' || *p > '9')
            return false;
        unsigned digit = (unsigned)(*p - '0');
        if (v > (UINT64_MAX - digit) / 10)
            return false;
        v = v * 10 + digit;
    }
    if (v < min || v > max)
        return false;
    *out = v;
    return true;
}

/* ---------- kinds: parse and format ---------- */

/* Text copied into the row's buffer; the field points at the copy. */
bool kind_parse_text(const struct setting *s, struct options *o,
                       const char *value, char *why, size_t whylen)
{
    size_t len = strlen(value);
    if (len >= s->capacity) {
        snprintf(why, whylen, "\"%.32s...\" is too long (%zu bytes at most)",
                 value, s->capacity - 1);
        return false;
    }
    char *buf = (char *)o + s->buffer;
    memcpy(buf, value, len + 1);
    *SLOT(const char *, s, o) = buf;
    return true;
}

bool kind_format_text(const struct setting *s, const struct options *o,
                        char *buf, size_t size)
{
    const char *text = *CONST_SLOT(text_field, s, o);
    if (!text)
        return false;
    int n = snprintf(buf, size, "%s", text);
    return n >= 0 && (size_t)n < size;
}

/* --data: a file, or "builtin:NAME" for a table compiled in. */
bool kind_parse_data(const struct setting *s, struct options *o,
                       const char *value, char *why, size_t whylen)
{
    const char *text;
    size_t len;
    if (strncmp(value, GENERATE_PREFIX, strlen(GENERATE_PREFIX)) == 0) {
        char *csv = NULL;
        size_t size = 0;
        char complaint[160];
        if (!generate_csv(value + strlen(GENERATE_PREFIX), 1, 0.0, 1, &csv, &size,
                          complaint, sizeof complaint)) {
            snprintf(why, whylen, "\"%s\" is not a generated data set (gen:%s)",
                     value, generate_names());
            return false;
        }
        free(csv);
    } else if (strncmp(value, BUILTIN_PREFIX, strlen(BUILTIN_PREFIX)) == 0 &&
        !builtin_table(value, &text, &len)) {
        snprintf(why, whylen, "\"%s\" is not a built-in table (%s)", value,
                 builtin_table_names());
        return false;
    }
    if (!*value)
        return complain(s, value, why, whylen);
    return kind_parse_text(s, o, value, why, whylen);
}

/* A file name kept as given (it points into argv). */
bool kind_parse_path(const struct setting *s, struct options *o,
                       const char *value, char *why, size_t whylen)
{
    if (!*value)
        return complain(s, value, why, whylen);
    *SLOT(const char *, s, o) = value;
    return true;
}

/* --classes A,B into the two class buffers. */
bool kind_parse_classes(const struct setting *s, struct options *o,
                          const char *value, char *why, size_t whylen)
{
    const char *comma = strchr(value, ',');
    if (!comma || strchr(comma + 1, ','))
        return complain(s, value, why, whylen);
    size_t len_a = (size_t)(comma - value), len_b = strlen(comma + 1);
    if (len_a == 0 || len_b == 0 || len_a >= sizeof o->class_buf[0] ||
        len_b >= sizeof o->class_buf[1])
        return complain(s, value, why, whylen);
    memcpy(o->class_buf[0], value, len_a);
    o->class_buf[0][len_a] = '\0';
    memcpy(o->class_buf[1], comma + 1, len_b + 1);
    o->selection.class_a = o->class_buf[0];
    o->selection.class_b = o->class_buf[1];
    return true;
}

/* Written only when given: a record file of a run on a two-valued label
 * column without --classes replays with the classes found again. */
bool kind_format_classes(const struct setting *s, const struct options *o,
                           char *buf, size_t size)
{
    (void)s;
    if (!options_classes_given(o))
        return false;
    int n = snprintf(buf, size, "%s,%s", o->selection.class_a,
                     o->selection.class_b);
    return n >= 0 && (size_t)n < size;
}

/* A finite number > 0 (a double field). */
bool kind_parse_positive(const struct setting *s, struct options *o,
                           const char *value, char *why, size_t whylen)
{
    double number;
    if (!parse_number(value, &number) || !(number > 0.0))
        return complain(s, value, why, whylen);
    *SLOT(double, s, o) = number;
    return true;
}

bool kind_format_double(const struct setting *s, const struct options *o,
                          char *buf, size_t size)
{
    return (size_t)snprintf(buf, size, "%.17g", *CONST_SLOT(double, s, o)) < size;
}

/* A finite number from 0 to the row's max / 10 (min and max are tenths:
 * --test 0..0.9 is min 0, max 9) into a double field. */
bool kind_parse_tenths(const struct setting *s, struct options *o,
                         const char *value, char *why, size_t whylen)
{
    double number;
    if (!parse_number(value, &number) || !(number >= (double)s->min / 10.0)
        || !(number <= (double)s->max / 10.0))
        return complain(s, value, why, whylen);
    *SLOT(double, s, o) = number;
    return true;
}

/* A double, written only when it is not 0 (its default): record files of
 * runs without it stay as they were. */
bool kind_format_nonzero(const struct setting *s, const struct options *o,
                           char *buf, size_t size)
{
    return *CONST_SLOT(double, s, o) != 0.0 && kind_format_double(s, o, buf, size);
}

/* --features: a non-empty list (its terms are checked against the
 * table's columns when the data is loaded). */
bool kind_parse_features(const struct setting *s, struct options *o,
                           const char *value, char *why, size_t whylen)
{
    if (!*value)
        return complain(s, value, why, whylen);
    return kind_parse_text(s, o, value, why, whylen);
}

/* A whole number in [min, max] into a size_t, unsigned or uint64_t
 * field (by the field's size). */
bool kind_parse_count(const struct setting *s, struct options *o,
                        const char *value, char *why, size_t whylen)
{
    uint64_t count;
    if (!settings_parse_count(value, s->min, s->max, &count))
        return complain(s, value, why, whylen);
    if (s->size == sizeof(unsigned))
        *SLOT(unsigned, s, o) = (unsigned)count;
    else if (s->size == sizeof(uint64_t))
        *SLOT(uint64_t, s, o) = count;
    else
        *SLOT(size_t, s, o) = (size_t)count;
    return true;
}

bool kind_format_count(const struct setting *s, const struct options *o,
                         char *buf, size_t size)
{
    unsigned long long v;
    if (s->size == sizeof(unsigned))
        v = *CONST_SLOT(unsigned, s, o);
    else if (s->size == sizeof(uint64_t))
        v = *CONST_SLOT(uint64_t, s, o);
    else
        v = *CONST_SLOT(size_t, s, o);
    return (size_t)snprintf(buf, size, "%llu", v) < size;
}

/* --points, written only when it is not its default. */
bool kind_format_points(const struct setting *s, const struct options *o,
                          char *buf, size_t size)
{
    return o->points != GENERATE_POINTS_DEFAULT && kind_format_count(s, o, buf, size);
}

/* A count, or "full" for 0 (the batch). */
bool kind_parse_count_or_full(const struct setting *s, struct options *o,
                                const char *value, char *why, size_t whylen)
{
    if (strcmp(value, "full") == 0) {
        *SLOT(size_t, s, o) = 0;
        return true;
    }
    return kind_parse_count(s, o, value, why, whylen);
}

bool kind_format_count_or_full(const struct setting *s,
                                 const struct options *o, char *buf, size_t size)
{
    if (*CONST_SLOT(size_t, s, o) == 0)
        return (size_t)snprintf(buf, size, "full") < size;
    return kind_format_count(s, o, buf, size);
}

/* on|off into a bool; no value (an optional one left out) is on. */
bool kind_parse_on_off(const struct setting *s, struct options *o,
                         const char *value, char *why, size_t whylen)
{
    if (!value) {
        *SLOT(bool, s, o) = true;
        return true;
    }
    return util_parse_on_off(value, SLOT(bool, s, o)) ||
           complain(s, value, why, whylen);
}

bool kind_format_on_off(const struct setting *s, const struct options *o,
                          char *buf, size_t size)
{
    return (size_t)snprintf(buf, size, "%s",
                            *CONST_SLOT(bool, s, o) ? "on" : "off") < size;
}

/* A flag without a value: the bool becomes true. */
bool kind_parse_flag(const struct setting *s, struct options *o,
                       const char *value, char *why, size_t whylen)
{
    (void)value;
    (void)why;
    (void)whylen;
    *SLOT(bool, s, o) = true;
    return true;
}

_Static_assert(offsetof(struct options, mesh) ==
               offsetof(struct options, landscape) + sizeof(bool),
               "--view sets two adjacent bools: landscape, then mesh");

/* --view bowl|landscape|mesh|landscape-mesh: two adjacent bools, the
 * landscape (else the bowl) and the 3D mesh (else the contours). */
bool kind_parse_view(const struct setting *s, struct options *o,
                       const char *value, char *why, size_t whylen)
{
    static const char *const words[4] = {"bowl", "landscape", "mesh", "landscape-mesh"};
    for (int i = 0; i < 4; i++)
        if (strcmp(value, words[i]) == 0) {
            SLOT(bool, s, o)[0] = i % 2 == 1;
            SLOT(bool, s, o)[1] = i >= 2;
            return true;
        }
    return complain(s, value, why, whylen);
}

/* "X,Y": two finite numbers into two adjacent double fields. */
bool kind_parse_pair(const struct setting *s, struct options *o,
                       const char *value, char *why, size_t whylen)
{
    const char *comma = strchr(value, ',');
    char first[128];
    double x, y;
    if (!comma || (size_t)(comma - value) >= sizeof first)
        return complain(s, value, why, whylen);
    memcpy(first, value, (size_t)(comma - value));
    first[comma - value] = '\0';
    if (!parse_number(first, &x) || !parse_number(comma + 1, &y))
        return complain(s, value, why, whylen);
    SLOT(double, s, o)[0] = x;
    SLOT(double, s, o)[1] = y;
    return true;
}

/* "A,B" with 0 < A < B, both finite, into two adjacent double fields. */
bool kind_parse_lr_range(const struct setting *s, struct options *o,
                         const char *value, char *why, size_t whylen)
{
    double keep[2];
    memcpy(keep, SLOT(double, s, o), sizeof keep);
    if (!kind_parse_pair(s, o, value, why, whylen))
        return false;
    const double *v = SLOT(double, s, o);
    if (v[0] > 0.0 && v[0] < v[1] && isfinite(v[1]))
        return true;
    memcpy(SLOT(double, s, o), keep, sizeof keep);
    return complain(s, value, why, whylen);
}

bool kind_format_pair(const struct setting *s, const struct options *o,
                        char *buf, size_t size)
{
    const double *v = CONST_SLOT(double, s, o);
    return (size_t)snprintf(buf, size, "%.17g,%.17g", v[0], v[1]) < size;
}

/* "WxH": two counts in [min, max] into two adjacent int fields. */
bool kind_parse_size(const struct setting *s, struct options *o,
                       const char *value, char *why, size_t whylen)
{
    const char *x = strchr(value, 'x');
    char width[16];
    uint64_t w, h;
    if (!x || (size_t)(x - value) >= sizeof width)
        return complain(s, value, why, whylen);
    memcpy(width, value, (size_t)(x - value));
    width[x - value] = '\0';
    if (!settings_parse_count(width, s->min, s->max, &w) ||
        !settings_parse_count(x + 1, s->min, s->max, &h))
        return complain(s, value, why, whylen);
    SLOT(int, s, o)[0] = (int)w;
    SLOT(int, s, o)[1] = (int)h;
    return true;
}

/* ---------- the learning-rate lab's kinds ---------- */

/* A decay rate: a number in [0, 1). */
bool kind_parse_decay_rate(const struct setting *s, struct options *o,
                             const char *value, char *why, size_t whylen)
{
    double number;
    if (!parse_number(value, &number) || !(number >= 0.0 && number < 1.0))
        return complain(s, value, why, whylen);
    *SLOT(double, s, o) = number;
    return true;
}

/* --delimiter: one byte, or "tab" / "\t" for a tab; not a quote, CR or
 * LF (libcsv's quote and line ends), nor a space (libcsv trims spaces
 * around fields). */
bool kind_parse_delimiter(const struct setting *s, struct options *o,
                          const char *value, char *why, size_t whylen)
{
    char c = value[0];
    if (strcmp(value, "tab") == 0 || strcmp(value, "\\t") == 0)
        c = '\t';
    else if (value[0] == '\0' || value[1] != '\0')
        return complain(s, value, why, whylen);
    if (c == '"' || c == '\r' || c == '\n' || c == ' ')
        return complain(s, value, why, whylen);
    *SLOT(char, s, o) = c;
    return true;
}

/* Written only when it is not the comma; a tab as "tab". */
bool kind_format_delimiter(const struct setting *s, const struct options *o,
                           char *buf, size_t size)
{
    char c = *CONST_SLOT(char, s, o);
    if (c == ',')
        return false;
    int n = c == '\t' ? snprintf(buf, size, "tab") : snprintf(buf, size, "%c", c);
    return n >= 0 && (size_t)n < size;
}
