/* test_dataset_share.c - what a dataset shares with its table and what it
 * copies: the feature and plotted columns are the table's own arrays when
 * every row is a sample, in file order, and nothing is standardised, and
 * copies otherwise (standardised, a dropped row, a test split, a formed
 * term); dataset_file_row against the rows worked out here from the labels
 * and dataset_split_rows; table_text_indices against table_text_index. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "dataset.h"

enum { ROWS = 600 };

/* A table of ROWS rows "x1,x2,t,label": label cycles A, B, C when three
 * is set, else A, B; x1 and x2 are distinct enough to lose their texts. */
static void make_table(bool three, struct table *t)
{
    size_t cap = 64 + ROWS * 64, len = 0;
    char *csv = malloc(cap);
    assert_non_null(csv);
    len += (size_t)snprintf(csv + len, cap - len, "x1,x2,t,label\n");
    for (int i = 0; i < ROWS; i++) {
        const char *label = three ? (const char *[]){"A", "B", "C"}[i % 3]
                                  : (i * 7 % 5 < 2 ? "A" : "B");
        len += (size_t)snprintf(csv + len, cap - len, "%d.25,%d.5,%d,%s\n", i,
                                (i * 37) % 1001 - 500, i % 17, label);
    }
    char err[256];
    if (!table_load_buffer("share.csv", csv, len, t, err, sizeof err))
        fail_msg("%s", err);
    free(csv);
}

static void select_or_fail(const struct table *t, const struct selection *sel,
                           struct dataset *d)
{
    char err[256];
    if (!dataset_select(t, sel, d, err, sizeof err))
        fail_msg("%s", err);
}

static const struct selection two = {
    .x_column = "x1", .y_column = "x2", .label_column = "label",
    .class_a = "A", .class_b = "B",
};

static void test_whole_rows_share_the_tables_columns(void **state)
{
    (void)state;
    struct table t;
    make_table(false, &t);
    struct dataset d;
    select_or_fail(&t, &two, &d);
    assert_int_equal(d.stride, ROWS);
    assert_ptr_equal(d.x[0], table_numbers(&t, 0));
    assert_ptr_equal(d.x[1], table_numbers(&t, 1));
    assert_ptr_equal(d.x1, d.x[0]);
    assert_ptr_equal(d.x2, d.x[1]);
    assert_null(d.x_store);
    assert_null(d.file_row);
    for (size_t i = 0; i < d.stride; i++) {
        assert_int_equal(dataset_file_row(&d, i), i);
        assert_true(d.y[i] == (strcmp(table_text(&t, i, 3), "A") == 0 ? 0.0 : 1.0));
    }
    assert_true(d.y != table_numbers(&t, 2)); /* targets: always its own */
    dataset_free(&d);

    /* A regression on every row shares too; its targets are a copy. */
    struct selection reg = two;
    reg.target_column = "t";
    select_or_fail(&t, &reg, &d);
    assert_ptr_equal(d.x[0], table_numbers(&t, 0));
    assert_ptr_equal(d.x[1], table_numbers(&t, 1));
    assert_true(d.y != table_numbers(&t, 2));
    assert_memory_equal(d.y, table_numbers(&t, 2), ROWS * sizeof *d.y);
    dataset_free(&d);
    table_free(&t);
}

static void test_standardising_copies(void **state)
{
    (void)state;
    struct table t;
    make_table(false, &t);
    struct selection sel = two;
    sel.standardize = true;
    struct dataset d;
    select_or_fail(&t, &sel, &d);
    assert_non_null(d.x_store);
    assert_ptr_equal(d.x[0], d.x_store);
    assert_ptr_equal(d.x[1], d.x_store + d.stride);
    assert_null(d.file_row); /* still every row in order */
    const double *raw = table_numbers(&t, 0);
    for (size_t i = 0; i < d.stride; i++) /* the table is left as it was */
        assert_true(raw[i] == (double)i + 0.25);
    assert_true(fabs(d.x[0][0] - (0.25 - d.mean[0]) / d.sd[0]) < 1e-12);
    dataset_free(&d);
    table_free(&t);
}

/* The rows of classes A and C in file order, training rows first: worked
 * out from the labels and dataset_split_rows, as the old file_row array
 * held them. Returns the count. */
static size_t expected_rows(const struct table *t, double fraction,
                            uint64_t seed, size_t *rows)
{
    size_t kept[ROWS], count = 0;
    for (size_t r = 0; r < t->nrows; r++) {
        const char *label = table_text(t, r, 3);
        if (strcmp(label, "A") == 0 || strcmp(label, "C") == 0)
            kept[count++] = r;
    }
    bool held[ROWS];
    size_t nheld = 0;
    assert_true(dataset_split_rows(count, fraction, seed, held, &nheld));
    size_t at = 0;
    for (int part = 0; part < 2; part++)
        for (size_t k = 0; k < count; k++)
            if (held[k] == (part == 1))
                rows[at++] = kept[k];
    assert_int_equal(at, count);
    return count;
}

static void test_dropped_rows_and_a_split_copy(void **state)
{
    (void)state;
    struct table t;
    make_table(true, &t);
    struct selection sel = two;
    sel.class_b = "C";
    static const double fractions[] = {0.0, 0.25};
    for (size_t f = 0; f < 2; f++) {
        sel.test_fraction = fractions[f];
        sel.seed = 11;
        struct dataset d;
        select_or_fail(&t, &sel, &d);
        size_t want[ROWS];
        size_t count = expected_rows(&t, fractions[f], 11, want);
        assert_int_equal(d.stride, count);
        assert_int_equal(d.n_test, f == 0 ? 0 : (size_t)floor(0.25 * (double)count + 0.5));
        assert_non_null(d.file_row);
        assert_non_null(d.x_store);
        assert_true(d.x[0] != table_numbers(&t, 0));
        for (size_t i = 0; i < d.stride; i++) {
            size_t row = want[i];
            assert_int_equal(dataset_file_row(&d, i), row);
            assert_true(d.x[0][i] == table_numbers(&t, 0)[row]);
            assert_true(d.x2[i] == table_numbers(&t, 1)[row]);
            assert_true(d.y[i] == (strcmp(table_text(&t, row, 3), "A") == 0 ? 0.0 : 1.0));
        }
        dataset_free(&d);
    }
    /* Every row but a split: copies too, in the split's order. */
    sel.class_b = "B";
    table_free(&t);
    make_table(false, &t); /* a fresh table of two classes */
    sel.test_fraction = 0.5;
    struct dataset d;
    select_or_fail(&t, &sel, &d);
    assert_non_null(d.file_row);
    assert_true(d.x[1] != table_numbers(&t, 1));
    dataset_free(&d);
    table_free(&t);
}

static void test_bare_column_terms_are_shared(void **state)
{
    (void)state;
    struct table t;
    make_table(false, &t);
    struct selection sel = two;
    sel.features = "x2, x1*x2, t";
    struct dataset d;
    select_or_fail(&t, &sel, &d);
    assert_ptr_equal(d.x[0], table_numbers(&t, 1));
    assert_ptr_equal(d.x[2], table_numbers(&t, 2));
    assert_ptr_equal(d.x[1], d.x_store); /* the one formed term */
    assert_null(d.plot_store);
    assert_ptr_equal(d.x1, table_numbers(&t, 0));
    assert_ptr_equal(d.x2, table_numbers(&t, 1));
    for (size_t i = 0; i < d.stride; i++)
        assert_true(d.x[1][i] == table_numbers(&t, 0)[i] * table_numbers(&t, 1)[i]);
    assert_true(d.column_mean[2] == d.term_mean[2]);
    dataset_free(&d);

    sel.standardize = true; /* every column its own, plotted ones too */
    select_or_fail(&t, &sel, &d);
    for (size_t j = 0; j < 3; j++)
        assert_ptr_equal(d.x[j], d.x_store + j * d.stride);
    assert_ptr_equal(d.x1, d.plot_store);
    assert_ptr_equal(d.x2, d.plot_store + d.stride);
    dataset_free(&d);
    table_free(&t);
}

static void test_text_indices_match_text_index(void **state)
{
    (void)state;
    /* 300 distinct labels: two-byte ids. */
    size_t cap = 32 + 900 * 16, len = 0;
    char *csv = malloc(cap);
    assert_non_null(csv);
    len += (size_t)snprintf(csv + len, cap - len, "v,label\n");
    for (int i = 0; i < 900; i++)
        len += (size_t)snprintf(csv + len, cap - len, "1,L%d\n", (i * 7) % 300);
    struct table t;
    char err[256];
    assert_true(table_load_buffer("ids.csv", csv, len, &t, err, sizeof err));
    free(csv);
    assert_int_equal(table_distinct_count(&t, 1), 300);
    uint32_t ids[1000];
    assert_int_equal(table_text_indices(&t, 1, 5, 1000, ids), 895); /* to the end */
    for (size_t k = 0; k < 895; k++)
        assert_int_equal(ids[k], table_text_index(&t, 5 + k, 1));
    assert_int_equal(ids[0], 5); /* row 5 is L35, the sixth distinct */
    assert_int_equal(table_text_indices(&t, 1, 900, 4, ids), 0);
    table_free(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_whole_rows_share_the_tables_columns),
        cmocka_unit_test(test_standardising_copies),
        cmocka_unit_test(test_dropped_rows_and_a_split_copy),
        cmocka_unit_test(test_bare_column_terms_are_shared),
        cmocka_unit_test(test_text_indices_match_text_index),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
