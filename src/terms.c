/* terms.c - the --features grammar (see terms.h) and the value of a term.
 * The list is read as spans (start, length) of the caller's string, never
 * copied but for the term's text; names are looked up by exact match. */
#include "terms.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* The characters that structure a list: a name holding one is unusable. */
#define TERM_SPECIALS "*^(),"

struct span {
    const char *s;
    size_t n;
};

static bool is_blank(char c)
{
    return c == ' ' || c == '\t';
}

static struct span span_trim(struct span sp)
{
    while (sp.n > 0 && is_blank(sp.s[0])) {
        sp.s++;
        sp.n--;
    }
    while (sp.n > 0 && is_blank(sp.s[sp.n - 1]))
        sp.n--;
    return sp;
}

/* The index of the column named exactly sp, or ncols when none is. */
static size_t column_find(struct span sp, const char *const *names, size_t ncols)
{
    for (size_t c = 0; c < ncols; c++)
        if (strlen(names[c]) == sp.n && memcmp(names[c], sp.s, sp.n) == 0)
            return c;
    return ncols;
}

/* When the list names a column that holds one of TERM_SPECIALS (so that
 * the list cannot mean it), says so in err and returns true. Names of one
 * character are not looked for: they would match the grammar's own
 * operators. */
static bool special_name_used(const char *list, const char *const *names,
                              size_t ncols, char *err, size_t errlen)
{
    for (size_t c = 0; c < ncols; c++) {
        size_t at = strcspn(names[c], TERM_SPECIALS);
        if (names[c][at] == '\0' || strlen(names[c]) < 2 || !strstr(list, names[c]))
            continue;
        snprintf(err, errlen,
                 "--features: column \"%s\" cannot be used in a term: its name contains \"%c\"",
                 names[c], names[c][at]);
        return true;
    }
    return false;
}

/* Parses the single digit power after '^' (sp is what follows it). */
static bool power_parse(struct span sp, unsigned *power)
{
    sp = span_trim(sp);
    if (sp.n != 1 || sp.s[0] < '2' || sp.s[0] > '9')
        return false;
    *power = (unsigned)(sp.s[0] - '0');
    return true;
}

/* Parses one factor (trimmed, not empty) of term t into *f. */
static bool factor_parse(struct span sp, const struct term *t,
                         const char *const *names, size_t ncols,
                         struct term_factor *f, char *err, size_t errlen)
{
    struct span col = sp;
    f->kind = FACTOR_COLUMN;
    f->power = 0;
    const char *caret = memchr(sp.s, '^', sp.n);
    const char *paren = memchr(sp.s, '(', sp.n);
    const char *close = memchr(sp.s, ')', sp.n);
    if (paren || close) {
        /* Only sin( COL ) has brackets: "sin" right at the start, the
         * closing bracket last, nothing but the column between. */
        bool ok = paren && sp.n >= 5 && paren == sp.s + 3 && memcmp(sp.s, "sin", 3) == 0
                  && close == sp.s + sp.n - 1 && !caret;
        if (ok) {
            col.s = paren + 1;
            col.n = (size_t)(close - col.s);
            ok = memchr(col.s, '(', col.n) == NULL;
        }
        if (!ok) {
            snprintf(err, errlen,
                     "--features: term \"%s\": a factor is COL, COL^K or sin(COL)", t->text);
            return false;
        }
        col = span_trim(col);
        if (col.n == 0) {
            snprintf(err, errlen, "--features: empty factor in term \"%s\"", t->text);
            return false;
        }
        f->kind = FACTOR_SIN;
    } else if (caret) {
        struct span after = {caret + 1, (size_t)(sp.s + sp.n - caret - 1)};
        if (!power_parse(after, &f->power)) {
            snprintf(err, errlen, "--features: term \"%s\": the power must be 2 to 9",
                     t->text);
            return false;
        }
        col.n = (size_t)(caret - sp.s);
        col = span_trim(col);
        if (col.n == 0) {
            snprintf(err, errlen, "--features: empty factor in term \"%s\"", t->text);
            return false;
        }
        f->kind = FACTOR_POWER;
    }
    f->column = column_find(col, names, ncols);
    if (f->column == ncols) {
        snprintf(err, errlen, "--features: unknown column \"%.*s\" in term \"%s\"",
                 (int)col.n, col.s, t->text);
        return false;
    }
    return true;
}

/* Parses one term (trimmed, not empty) into *t. */
static bool term_parse(struct span sp, const char *const *names, size_t ncols,
                       struct term *t, char *err, size_t errlen)
{
    if (sp.n >= sizeof t->text) {
        snprintf(err, errlen, "--features: term \"%.20s...\" is longer than %d bytes",
                 sp.s, TERM_TEXT_MAX - 1);
        return false;
    }
    memcpy(t->text, sp.s, sp.n);
    t->text[sp.n] = '\0';
    t->count = 0;
    const char *end = sp.s + sp.n;
    const char *p = sp.s;
    for (;;) {
        const char *star = memchr(p, '*', (size_t)(end - p));
        const char *stop = star ? star : end;
        struct span f = span_trim((struct span){p, (size_t)(stop - p)});
        if (f.n == 0) {
            snprintf(err, errlen, "--features: empty factor in term \"%s\"", t->text);
            return false;
        }
        if (t->count == TERM_FACTORS_MAX) {
            snprintf(err, errlen, "--features: term \"%s\": more than %d factors",
                     t->text, TERM_FACTORS_MAX);
            return false;
        }
        if (!factor_parse(f, t, names, ncols, &t->factor[t->count], err, errlen))
            return false;
        t->count++;
        if (!star)
            return true;
        p = star + 1;
    }
}

bool terms_parse(const char *list, const char *const *names, size_t ncols,
                 struct term_list *out, char *err, size_t errlen)
{
    out->count = 0;
    const char *p = list;
    for (;;) {
        const char *comma = strchr(p, ',');
        size_t n = comma ? (size_t)(comma - p) : strlen(p);
        struct span sp = span_trim((struct span){p, n});
        bool ok;
        if (sp.n == 0) {
            snprintf(err, errlen, "--features: empty term (number %zu in the list)",
                     out->count + 1);
            ok = false;
        } else if (out->count == TERMS_MAX) {
            snprintf(err, errlen, "--features: more than %d terms", TERMS_MAX);
            ok = false;
        } else {
            ok = term_parse(sp, names, ncols, &out->term[out->count], err, errlen);
        }
        if (!ok) {
            special_name_used(list, names, ncols, err, errlen);
            out->count = 0;
            return false;
        }
        out->count++;
        if (!comma)
            return true;
        p = comma + 1;
    }
}

static double factor_value(const struct term_factor *f, const double *row)
{
    double x = row[f->column];
    switch (f->kind) {
    case FACTOR_SIN:
        return sin(x);
    case FACTOR_POWER: {
        double v = x;
        for (unsigned k = 1; k < f->power; k++)
            v = v * x;
        return v;
    }
    case FACTOR_COLUMN:
    default:
        return x;
    }
}

double term_value(const struct term *t, const double *row)
{
    double v = factor_value(&t->factor[0], row);
    for (size_t i = 1; i < t->count; i++)
        v = v * factor_value(&t->factor[i], row);
    return v;
}

size_t terms_columns(const struct term_list *l, size_t *cols, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < l->count; i++) {
        for (size_t j = 0; j < l->term[i].count; j++) {
            size_t c = l->term[i].factor[j].column;
            bool seen = false;
            for (size_t k = 0; k < n && !seen; k++)
                seen = cols[k] == c;
            if (!seen && n < max)
                cols[n++] = c;
        }
    }
    return n;
}

void term_factor_name(const struct term *t, size_t k, char *buf, size_t size)
{
    if (size == 0)
        return;
    buf[0] = '\0';
    if (k >= t->count)
        return;
    const char *p = t->text;
    for (size_t i = 0; i < k; i++)
        p = strchr(p, '*') + 1; /* the text holds count - 1 stars */
    const char *star = strchr(p, '*');
    struct span sp = span_trim((struct span){p, star ? (size_t)(star - p) : strlen(p)});
    if (t->factor[k].kind == FACTOR_SIN) {
        sp.s += 4; /* "sin(" */
        sp.n -= 5; /* and ")" */
    } else if (t->factor[k].kind == FACTOR_POWER) {
        sp.n = (size_t)((const char *)memchr(sp.s, '^', sp.n) - sp.s);
    }
    sp = span_trim(sp);
    snprintf(buf, size, "%.*s", (int)sp.n, sp.s);
}
