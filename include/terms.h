/* terms.h - the input features of the neuron as terms built from columns:
 * a --features list such as "x1,x2,x1*x2,x1^2,sin(x2)" parsed against the
 * table's column names, and each term's value for one row. Pure: no I/O,
 * no allocation.
 *
 * Grammar: LIST is TERM{,TERM}; a TERM is FACTOR{*FACTOR}; a FACTOR is
 * COL, COL^K with K one digit 2 to 9, or sin(COL). Blanks (spaces and
 * tabs) around a term, around a factor and inside sin( COL ) are ignored;
 * a column name is otherwise matched exactly (it may contain inner blanks).
 * A column whose name contains * ^ ( ) or , cannot be named in a term. */
#ifndef DESCENT_TERMS_H
#define DESCENT_TERMS_H

#include <stdbool.h>
#include <stddef.h>

#define TERMS_MAX 64            /* terms in one --features list */
#define TERM_FACTORS_MAX 8      /* factors in one term */
#define TERM_TEXT_MAX 128       /* bytes of a term's text, with its NUL */

enum factor_kind { FACTOR_COLUMN, FACTOR_POWER, FACTOR_SIN };

struct term_factor {
    enum factor_kind kind;
    unsigned power;             /* 2..9, FACTOR_POWER only */
    size_t column;              /* index into the names given to terms_parse */
};

struct term {
    size_t count;               /* factors, 1..TERM_FACTORS_MAX */
    struct term_factor factor[TERM_FACTORS_MAX];
    char text[TERM_TEXT_MAX];   /* as written, blanks around it trimmed */
};

struct term_list {
    size_t count;               /* terms, 1..TERMS_MAX */
    struct term term[TERMS_MAX];
};

/* Parses a comma list of terms; column names are resolved against
 * names[0..ncols). Returns true and fills *out, or false with a one-line
 * complaint in err that starts with "--features: " (no FILE: prefix):
 * an empty term, an empty factor, an unknown column, a power outside 2 to
 * 9, a factor of another form, a column whose name holds * ^ ( ) or ,
 * named in the list, too many terms or factors, a term too long. */
bool terms_parse(const char *list, const char *const *names, size_t ncols,
                 struct term_list *out, char *err, size_t errlen);

/* The term's value for one row: row[c] is column c's value. The factors
 * are multiplied left to right; COL^K is K-1 multiplications left to
 * right (x*x*x for K = 3); sin(COL) is the C library's sin. */
double term_value(const struct term *t, const double *row);

/* The distinct columns the list uses, in first-use order: writes up to
 * max of them to cols and returns how many there are (at most max). */
size_t terms_columns(const struct term_list *l, size_t *cols, size_t max);

/* The column name of factor k of t as the list wrote it (for "sin( x1 )"
 * or "x1 ^ 2": "x1"), into buf (truncated to size); "" when k is out of
 * range. For screens that name a column a dataset keeps only by index. */
void term_factor_name(const struct term *t, size_t k, char *buf, size_t size);

#endif
