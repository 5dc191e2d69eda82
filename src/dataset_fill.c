/* dataset_fill.c - the columns of a dataset once dataset.c has checked
 * the selection: which rows are samples (the label column's ids compared
 * with the two classes' ids, a block of rows at a time), the feature,
 * plotted and target columns, and their means and standard deviations
 * (standardised if asked).
 *
 * What is shared and what is copied (dataset.h): when the samples are the
 * table's rows, whole and in file order, and nothing is standardised, a
 * term that is a bare column and the plotted columns point at the table's
 * own numbers; everything else (terms formed from columns, any column of a
 * subset of the rows or of a test split, any column to be standardised,
 * the targets) is a copy. On a million rows of x1,x2,label this keeps the
 * dataset to its targets (8 bytes a row) beside the table. */
#include "dataset_internal.h"

#include "big_alloc.h"
#include "table_internal.h"
#include "text_util.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Rows of the label column read at a time. */
#define ROW_BLOCK 4096

static const char *source_of(const struct table *t)
{
    return t->source != NULL ? t->source : "(no table)";
}

size_t dataset_file_row(const struct dataset *d, size_t i)
{
    return d->file_row != NULL ? d->file_row[i] : i;
}

size_t dataset_count_rows(const struct table *t, const struct dataset_plan *plan,
                          const struct dataset *d)
{
    if (d->regression)
        return t->nrows;
    uint32_t ids[ROW_BLOCK];
    uint32_t a = (uint32_t)plan->class_index[0], b = (uint32_t)plan->class_index[1];
    size_t rows = 0;
    for (size_t first = 0; first < t->nrows; first += ROW_BLOCK) {
        size_t count = table_text_indices(t, plan->label, first, ROW_BLOCK, ids);
        for (size_t k = 0; k < count; k++)
            rows += (ids[k] == a) | (ids[k] == b);
    }
    return rows;
}

/* ---------------------------------------------------------------------
 * Statistics
 * ------------------------------------------------------------------- */

struct feature_stats {
    double mean, sd;   /* population sd: divided by n */
    int exponent;      /* values were scaled by 2^-exponent */
};

/* v * 2^k as ldexp(v, k) gives it: one product by factor = 2^k when that
 * power is a double (then both round the exact product once), else
 * ldexp itself (factor 0). */
static double power_of_two(int k)
{
    return k >= -1074 && k <= 1023 ? ldexp(1.0, k) : 0.0;
}

static inline double scaled_by(double v, double factor, int k)
{
    return factor != 0.0 ? v * factor : ldexp(v, k);
}

/* The largest magnitude of n values (values[rows[i]], or values[i] when
 * rows is NULL), as fmax would find it (a NaN is skipped): in four running
 * maxima when in order, the same value in any order. */
static double largest_of(const double *values, const size_t *rows, size_t n)
{
    double m0 = 0, m1 = 0, m2 = 0, m3 = 0;
    size_t i = 0;
    if (rows == NULL)
        for (; n - i >= 4; i += 4) {
            double a0 = fabs(values[i]), a1 = fabs(values[i + 1]);
            double a2 = fabs(values[i + 2]), a3 = fabs(values[i + 3]);
            m0 = a0 > m0 ? a0 : m0;
            m1 = a1 > m1 ? a1 : m1;
            m2 = a2 > m2 ? a2 : m2;
            m3 = a3 > m3 ? a3 : m3;
        }
    for (; i < n; i++) {
        double a = fabs(rows != NULL ? values[rows[i]] : values[i]);
        m0 = a > m0 ? a : m0;
    }
    m0 = m1 > m0 ? m1 : m0;
    m2 = m3 > m2 ? m3 : m2;
    return m2 > m0 ? m2 : m0;
}

/* The sum in order of the n values each scaled by 2^k (ldexp), less
 * center and squared when square is set. */
static double scaled_sum(const double *values, const size_t *rows, size_t n,
                         int k, double center, bool square)
{
    double factor = power_of_two(k), sum = 0;
    if (rows == NULL && factor != 0.0 && !square) {
        for (size_t i = 0; i < n; i++)
            sum += values[i] * factor;
        return sum;
    }
    if (rows == NULL && factor != 0.0) {
        for (size_t i = 0; i < n; i++) {
            double deviation = values[i] * factor - center;
            sum += deviation * deviation;
        }
        return sum;
    }
    for (size_t i = 0; i < n; i++) {
        double v = scaled_by(rows != NULL ? values[rows[i]] : values[i], factor, k);
        sum += square ? (v - center) * (v - center) : v;
    }
    return sum;
}

/* Mean and (when sd is wanted) the population standard deviation of n
 * values (values[rows[i]], or values[i] when rows is NULL). They are
 * computed on the values scaled by a power of two (exactly) to near 1, so
 * that sums of huge values cannot overflow. */
static struct feature_stats stats_of(const double *values, const size_t *rows,
                                     size_t n, bool sd)
{
    struct feature_stats stats = {0};
    double largest = largest_of(values, rows, n);
    if (largest > 0)
        frexp(largest, &stats.exponent);
    int k = -stats.exponent;
    double scaled_mean = scaled_sum(values, rows, n, k, 0.0, false) / (double)n;
    stats.mean = ldexp(scaled_mean, stats.exponent);
    if (!sd)
        return stats;
    double squares = scaled_sum(values, rows, n, k, scaled_mean, true);
    stats.sd = ldexp(sqrt(squares / (double)n), stats.exponent);
    return stats;
}

static void standardize(double *values, size_t n, struct feature_stats stats)
{
    double scaled_mean = ldexp(stats.mean, -stats.exponent);
    double scaled_sd = ldexp(stats.sd, -stats.exponent);
    double factor = power_of_two(-stats.exponent);
    for (size_t i = 0; i < n; i++)
        values[i] = (scaled_by(values[i], factor, -stats.exponent) - scaled_mean)
                    / scaled_sd;
}

static bool all_equal(const double *values, size_t n)
{
    for (size_t i = 1; i < n; i++)
        if (values[i] != values[0])
            return false;
    return true;
}

/* ---------------------------------------------------------------------
 * Filling
 * ------------------------------------------------------------------- */

/* The table column a term is when it is one bare column, else SIZE_MAX. */
static size_t bare_column(const struct dataset_plan *plan,
                          const struct dataset *d, size_t j)
{
    if (d->terms == NULL)
        return plan->used[j];
    const struct term *term = &d->terms->term[j];
    if (term->count == 1 && term->factor[0].kind == FACTOR_COLUMN)
        return term->factor[0].column;
    return SIZE_MAX;
}

/* The table's numbers of column col, to be read only. */
static double *shared_column(const struct table *t, size_t col)
{
    return table_numbers_shared(t, col);
}

/* Points each column of d at the table's or at its own room, which it
 * allocates; copy[j] says which features are copies. */
static bool allocate_columns(const struct table *t, const struct dataset_plan *plan,
                             bool share, struct dataset *d, bool *copy)
{
    size_t m = d->stride ? d->stride : 1, copies = 0;
    for (size_t j = 0; j < d->nfeatures; j++) {
        size_t col = share ? bare_column(plan, d, j) : SIZE_MAX;
        copy[j] = col == SIZE_MAX;
        copies += copy[j];
        d->x[j] = copy[j] ? NULL : shared_column(t, col);
    }
    if (copies > 0) {
        d->x_store = big_alloc(m * copies, sizeof *d->x_store);
        if (d->x_store == NULL)
            return false;
    }
    for (size_t j = 0, slot = 0; j < d->nfeatures; j++)
        if (copy[j])
            d->x[j] = d->x_store + m * slot++;
    if (d->terms == NULL) {
        d->x1 = d->x[0];
        d->x2 = d->x[d->nfeatures > 1 ? 1 : 0];
    } else if (share) {
        d->x1 = shared_column(t, d->plot_column[0]);
        d->x2 = shared_column(t, d->plot_column[1]);
    } else {
        d->plot_store = big_alloc(2 * m, sizeof *d->plot_store);
        if (d->plot_store == NULL)
            return false;
        d->x1 = d->plot_store;
        d->x2 = d->plot_store + m;
    }
    d->y = big_alloc(m, sizeof *d->y);
    return d->y != NULL;
}

/* Where the copies come from: the table's numbers, looked up once. */
struct sources {
    const double *used[DATASET_COLUMNS_MAX]; /* plan->used's numbers */
    const double *plot[2];                   /* the plotted columns' */
    double *values;                          /* a row's values (terms) */
};

/* Copies what is not shared of table row row into sample i. */
static void fill_sample(const struct dataset_plan *plan, const bool *copy,
                        const struct sources *from, struct dataset *d,
                        size_t row, size_t i)
{
    if (d->terms != NULL)
        for (size_t k = 0; k < plan->nused; k++)
            from->values[plan->used[k]] = from->used[k][row];
    for (size_t j = 0; j < d->nfeatures; j++) {
        if (!copy[j])
            continue;
        d->x[j][i] = d->terms == NULL ? from->used[j][row]
                                      : term_value(&d->terms->term[j], from->values);
    }
    if (d->plot_store != NULL) {
        d->x1[i] = from->plot[0][row];
        d->x2[i] = from->plot[1][row];
    }
}

/* The training rows' mean of every column the terms use (NaN for the
 * others). With the default features dataset_scale sets them. */
static void column_means(const struct table *t, const struct dataset_plan *plan,
                         struct dataset *d)
{
    for (size_t c = 0; c < d->ncolumns; c++)
        d->column_mean[c] = NAN;
    for (size_t k = 0; d->terms != NULL && k < plan->nused; k++) {
        size_t col = plan->used[k];
        d->column_mean[col] = stats_of(table_numbers(t, col), d->file_row,
                                       d->n, false).mean;
    }
}

/* The targets of every row of t, in order (no row dropped, none held). */
static void fill_targets(const struct table *t, const struct dataset_plan *plan,
                         const double *target, struct dataset *d)
{
    if (target != NULL) {
        memcpy(d->y, target, t->nrows * sizeof *d->y);
        return;
    }
    uint32_t ids[ROW_BLOCK];
    uint32_t a = (uint32_t)plan->class_index[0];
    for (size_t first = 0; first < t->nrows; first += ROW_BLOCK) {
        size_t count = table_text_indices(t, plan->label, first, ROW_BLOCK, ids);
        double *y = d->y + first;
        for (size_t r = 0; r < count; r++)
            y[r] = ids[r] == a ? 0.0 : 1.0;
    }
}

bool dataset_fill(const struct table *t, const struct dataset_plan *plan,
                  const bool *held, bool standardize, struct dataset *d)
{
    bool whole = d->n_test == 0 && d->stride == t->nrows;
    bool copy[TERMS_MAX];
    d->ncolumns = t->ncols;
    d->term_mean = calloc(d->nfeatures, sizeof *d->term_mean);
    d->term_sd = calloc(d->nfeatures, sizeof *d->term_sd);
    d->column_mean = calloc(t->ncols ? t->ncols : 1, sizeof *d->column_mean);
    if (d->term_mean == NULL || d->term_sd == NULL || d->column_mean == NULL
        || !allocate_columns(t, plan, whole && !standardize, d, copy))
        return false;
    if (!whole) {
        d->file_row = big_alloc(d->stride, sizeof *d->file_row);
        if (d->file_row == NULL)
            return false;
    }
    bool any_copy = d->plot_store != NULL;
    for (size_t j = 0; j < d->nfeatures; j++)
        any_copy = any_copy || copy[j];
    struct sources from = {{NULL}, {table_numbers(t, d->plot_column[0]),
                                     table_numbers(t, d->plot_column[1])}, NULL};
    for (size_t k = 0; k < plan->nused; k++)
        from.used[k] = table_numbers(t, plan->used[k]);
    from.values = calloc(t->ncols ? t->ncols : 1, sizeof *from.values);
    if (from.values == NULL)
        return false;
    const double *target = d->regression ? table_numbers(t, plan->label) : NULL;
    uint32_t ids[ROW_BLOCK];
    uint32_t a = (uint32_t)plan->class_index[0], b = (uint32_t)plan->class_index[1];
    if (d->file_row == NULL && !any_copy) { /* every row, as it stands */
        fill_targets(t, plan, target, d);
        free(from.values);
        column_means(t, plan, d);
        return true;
    }
    size_t train = 0, test = d->n, k = 0;
    for (size_t first = 0; first < t->nrows; first += ROW_BLOCK) {
        size_t count = t->nrows - first < ROW_BLOCK ? t->nrows - first : ROW_BLOCK;
        if (!d->regression)
            table_text_indices(t, plan->label, first, count, ids);
        for (size_t r = 0; r < count; r++) {
            if (!d->regression && ids[r] != a && ids[r] != b)
                continue;
            size_t row = first + r;
            size_t i = held != NULL && held[k] ? test++ : train++;
            k++;
            if (d->file_row != NULL)
                d->file_row[i] = row;
            d->y[i] = target != NULL ? target[row] : ids[r] == a ? 0.0 : 1.0;
            if (any_copy)
                fill_sample(plan, copy, &from, d, row, i);
        }
    }
    free(from.values);
    column_means(t, plan, d);
    return true;
}

bool dataset_scale(const struct table *t, bool asked, struct dataset *d,
                   char *err, size_t errlen)
{
    for (size_t j = 0; j < d->nfeatures; j++) {
        double *column = d->x[j];
        struct feature_stats stats = stats_of(column, NULL, d->n, true);
        d->term_mean[j] = stats.mean;
        d->term_sd[j] = stats.sd;
        if (!asked)
            continue;
        if (all_equal(column, d->n)) {
            if (d->regression)
                text_report(err, errlen, source_of(t), 0, 0,
                            "cannot standardize %s: it has the same value in"
                            " every row", text_show(d->term_name[j]).text);
            else
                text_report(err, errlen, source_of(t), 0, 0,
                            "cannot standardize %s: it has the same value in every"
                            " row of classes %s and %s",
                            text_show(d->term_name[j]).text,
                            text_show(d->class_name[0]).text,
                            text_show(d->class_name[1]).text);
            return false;
        }
        standardize(column, d->stride, stats); /* a copy: nothing is shared */
    }
    if (d->terms == NULL) /* the columns are the terms: their means */
        for (size_t j = 0; j < d->nfeatures && j < 2; j++)
            d->column_mean[d->plot_column[j]] = d->term_mean[j];
    double *plotted[2] = {d->x1, d->x2};
    for (int k = 0; k < 2; k++) {
        if (d->terms == NULL) {
            d->mean[k] = d->term_mean[k];
            d->sd[k] = d->term_sd[k];
            continue;
        }
        struct feature_stats stats = stats_of(plotted[k], NULL, d->n, true);
        d->mean[k] = stats.mean;
        d->sd[k] = stats.sd;
        if (asked && stats.sd > 0)
            standardize(plotted[k], d->stride, stats);
    }
    d->standardized = asked;
    return true;
}
