/* test_dataset.c - cmocka tests of the CSV loader and the sample selection
 * (src/dataset.c): the Iris table, the truth tables, every file of the bad
 * and odd corpus in tests/data (see tests/data/README), the strict number
 * parser under several locales, standardisation, and random input.
 * Run from the repository root: the corpus paths are relative to it. */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dataset.h"
#include "text_util.h"

#define ERR_SIZE 512

/* The selection used unless a case says otherwise. */
static const struct selection iris_default = {
    "sepal_length", "petal_length", "species", "setosa", "versicolor", false, NULL, NULL, 0, 0,
};

static const struct selection truth_table = {"x1", "x2", "y", "0", "1", false, NULL, NULL, 0, 0};

/* ---------------------------------------------------------------------
 * The bad corpus: each file (or path) and its exact message.
 * ------------------------------------------------------------------- */

struct bad_case {
    const char *path;
    const struct selection *selection; /* NULL: iris_default */
    const char *expected;
};

static const struct selection many_classes_pick = {"x1", "x2", "y", "a", "z", false, NULL, NULL, 0, 0};
static const struct selection two_classes_pick = {
    "sepal_length", "petal_length", "species", "setosa", "virginica", false, NULL, NULL, 0, 0,
};
static const struct selection constant_pick = {
    "sepal_width", "petal_length", "species", "setosa", "versicolor", true, NULL, NULL, 0, 0,
};
static const struct selection unknown_column_pick = {
    "petal_size", "petal_length", "species", "setosa", "versicolor", false, NULL, NULL, 0, 0,
};
static const struct selection label_as_feature_pick = {
    "sepal_length", "species", "species", "setosa", "versicolor", false, NULL, NULL, 0, 0,
};
static const struct selection same_class_pick = {
    "sepal_length", "petal_length", "species", "setosa", " setosa ", false, NULL, NULL, 0, 0,
};
static const struct selection numeric_label_pick = {
    "sepal_length", "petal_length", "petal_width", "setosa", "versicolor", false, NULL, NULL, 0, 0,
};

static const struct bad_case bad_cases[] = {
    {"tests/data/no_such_file.csv", NULL,
     "tests/data/no_such_file.csv: cannot open: No such file or directory"},
    {"tests/data", NULL, "tests/data: is a directory"},
    {"tests/data/empty.csv", NULL, "tests/data/empty.csv:1: empty file"},
    {"tests/data/blank_only.csv", NULL, "tests/data/blank_only.csv:1: empty file"},
    {"tests/data/bom_only.csv", NULL, "tests/data/bom_only.csv:1: empty file"},
    {"tests/data/header_only.csv", NULL,
     "tests/data/header_only.csv:2: no data rows (header only)"},
    {"tests/data/header_only_no_newline.csv", NULL,
     "tests/data/header_only_no_newline.csv:2: no data rows (header only)"},
    {"tests/data/ragged_long.csv", NULL,
     "tests/data/ragged_long.csv:3: row has 6 fields, the header has 5"},
    {"tests/data/ragged_short.csv", NULL,
     "tests/data/ragged_short.csv:4: row has 1 field, the header has 3"},
    {"tests/data/unterminated_quote.csv", NULL,
     "tests/data/unterminated_quote.csv:3:2: unterminated quoted field"
     " (the closing quote is missing)"},
    {"tests/data/quote_in_field.csv", NULL,
     "tests/data/quote_in_field.csv:3:2: quote inside an unquoted field"
     " (quote the whole field and double the quotes inside it)"},
    {"tests/data/text_after_quote.csv", NULL,
     "tests/data/text_after_quote.csv:3:2: text after the closing quote of"
     " a quoted field"},
    {"tests/data/empty_column_name.csv", NULL,
     "tests/data/empty_column_name.csv:1:2: empty column name in the header"},
    {"tests/data/duplicate_column.csv", NULL,
     "tests/data/duplicate_column.csv:1:4: duplicate column name \"x2\""
     " (also column 2)"},
    {"tests/data/nul_byte.csv", NULL,
     "tests/data/nul_byte.csv:3:2: contains a NUL byte (is this a text file?)"},
    {"tests/data/not_a_number.csv", NULL,
     "tests/data/not_a_number.csv:7:3: petal_length: \"abc\" is not a number"},
    {"tests/data/empty_value.csv", NULL,
     "tests/data/empty_value.csv:3:1: sepal_length: empty value"},
    {"tests/data/nan_value.csv", NULL,
     "tests/data/nan_value.csv:4:3: petal_length: \"NaN\" is not a finite number"},
    {"tests/data/inf_value.csv", NULL,
     "tests/data/inf_value.csv:3:1: sepal_length: \"-inf\" is not a finite number"},
    {"tests/data/out_of_range.csv", NULL,
     "tests/data/out_of_range.csv:4:1: sepal_length: \"1e999\" is out of range"},
    {"tests/data/decimal_comma.csv", NULL,
     "tests/data/decimal_comma.csv:3:1: sepal_length: \"5,1\" is not a number"},
    {"tests/data/bad_in_other_class.csv", NULL,
     "tests/data/bad_in_other_class.csv:5:3: petal_length: \"?\" is not a number"},
    {"tests/data/multiline_then_bad.csv", NULL,
     "tests/data/multiline_then_bad.csv:6:3: petal_length: \"1.5.0\" is not"
     " a number"},
    {"tests/data/crlf_bad.csv", NULL,
     "tests/data/crlf_bad.csv:4:3: petal_length: \"4.7 cm\" is not a number"},
    {"tests/data/control_chars.csv", NULL,
     "tests/data/control_chars.csv:3:1: sepal_length: \"5.1\\x0A3\" is not a number"},
    {"tests/data/long_value.csv", NULL,
     "tests/data/long_value.csv:4:3: petal_length:"
     " \"1234567890123456789012345678901234567890...\" is not a number"},
    {"tests/data/underflow.csv", NULL,
     "tests/data/underflow.csv:3:1: sepal_length: \"1e-400\" is too small"
     " (underflows to 0)"},
    {"tests/data/escape_sequence.csv", NULL,
     "tests/data/escape_sequence.csv:3:1: sepal_length: \"\\x1B[2J5.1\" is"
     " not a number"},
    {"tests/data/invalid_utf8.csv", NULL,
     "tests/data/invalid_utf8.csv:2:3: petal_length: \"1.4\\xFF\" is not a"
     " number"},
    {"tests/data/c1_class.csv", NULL,
     "tests/data/c1_class.csv:1: class \"versicolor\" not found in column"
     " species (classes: setosa, versi\\xC2\\x85color, <U+00A0>versicolor)"},
    {"tests/data/double_bom.csv", NULL,
     "tests/data/double_bom.csv:1: unknown column \"sepal_length\" (columns:"
     " <U+FEFF>sepal_length, sepal_width, petal_length, petal_width,"
     " species)"},
    {"tests/data/zero_width_name.csv", NULL,
     "tests/data/zero_width_name.csv:1: unknown column \"petal_length\""
     " (columns: sepal_length, sepal_width, petal<U+200B>length,"
     " petal_width, species)"},
    {"tests/data/blank_then_one_class.csv", NULL,
     "tests/data/blank_then_one_class.csv:3: column \"species\" has only one"
     " class (\"setosa\"); two are needed"},
    {"tests/data/one_class.csv", NULL,
     "tests/data/one_class.csv:1: column \"species\" has only one class"
     " (\"setosa\"); two are needed"},
    {"tests/data/two_classes.csv", &two_classes_pick,
     "tests/data/two_classes.csv:1: class \"virginica\" not found in column"
     " species (classes: setosa, versicolor)"},
    {"tests/data/many_classes.csv", &many_classes_pick,
     "tests/data/many_classes.csv:1: class \"z\" not found in column y"
     " (classes: a, b, c, d, e, f, g, h and 4 more)"},
    {"tests/data/constant_feature.csv", &constant_pick,
     "tests/data/constant_feature.csv: cannot standardize sepal_width: it"
     " has the same value in every row of classes setosa and versicolor"},
    {"data/iris.csv", &unknown_column_pick,
     "data/iris.csv:1: unknown column \"petal_size\" (columns: sepal_length,"
     " sepal_width, petal_length, petal_width, species)"},
    {"data/iris.csv", &label_as_feature_pick,
     "data/iris.csv: column \"species\" is the label column; it cannot also"
     " be a feature"},
    {"data/iris.csv", &same_class_pick,
     "data/iris.csv: the two classes are the same (\"setosa\"); pick two"
     " different classes"},
    {"tests/data/ok_semicolon_decimal_comma.csv", NULL,
     "tests/data/ok_semicolon_decimal_comma.csv:1: the header is one field"
     " that holds \";\": for columns separated by \";\", use --delimiter ';'"},
    {"tests/data/semicolon_bad_number.csv", NULL,
     "tests/data/semicolon_bad_number.csv:1: the header is one field that"
     " holds \";\": for columns separated by \";\", use --delimiter ';'"},
    {"tests/data/ok_tab.csv", NULL,
     "tests/data/ok_tab.csv:1: the header is one field that holds tabs: for"
     " columns separated by tabs, use --delimiter tab"},
    {"data/iris.csv", &numeric_label_pick,
     "data/iris.csv:1: class \"setosa\" not found in column petal_width"
     " (classes: 0.2, 0.4, 0.3, 0.1, 0.5, 0.6, 1.4, 1.5 and 14 more)"},
};

/* The odd but valid files; each has its own test below. */
static const char *const ok_files[] = {
    "tests/data/ok_crlf.csv", "tests/data/ok_bom.csv",
    "tests/data/ok_quoted.csv", "tests/data/ok_reordered.csv",
    "tests/data/ok_no_final_newline.csv", "tests/data/ok_blank_lines.csv",
    "tests/data/ok_cr_only.csv", "tests/data/ok_spaces.csv",
    /* tested in test_own_data.c */
    "tests/data/ok_labels_typo.csv", "tests/data/line_3x_minus_2.csv",
};

/* Loads path and selects from it; returns false and fills err on error. */
static bool load_and_select(const char *path, const struct selection *sel,
                            char *err)
{
    struct table t;
    struct dataset d;
    bool ok = table_load_file(path, &t, err, ERR_SIZE);
    if (ok) {
        ok = dataset_select(&t, sel, &d, err, ERR_SIZE);
        dataset_free(&d);
    }
    table_free(&t);
    return ok;
}

static void test_bad_corpus(void **state)
{
    (void)state;
    int failures = 0;
    for (size_t i = 0; i < sizeof bad_cases / sizeof bad_cases[0]; i++) {
        const struct bad_case *c = &bad_cases[i];
        char err[ERR_SIZE] = "";
        bool ok = load_and_select(c->path, c->selection ? c->selection
                                                         : &iris_default, err);
        if (ok || strcmp(err, c->expected) != 0) {
            print_error("%s:\n   got: %s\nwanted: %s\n", c->path,
                        ok ? "(success)" : err, c->expected);
            failures++;
        }
    }
    assert_int_equal(failures, 0);
}

/* Every .csv in tests/data is in one of the two lists above. */
static void test_corpus_is_listed(void **state)
{
    (void)state;
    DIR *dir = opendir("tests/data");
    assert_non_null(dir);
    struct dirent *entry;
    int unlisted = 0;
    while ((entry = readdir(dir)) != NULL) {
        size_t length = strlen(entry->d_name);
        if (length < 4 || strcmp(entry->d_name + length - 4, ".csv") != 0)
            continue;
        char path[300];
        snprintf(path, sizeof path, "tests/data/%s", entry->d_name);
        bool listed = false;
        for (size_t i = 0; i < sizeof bad_cases / sizeof bad_cases[0]; i++)
            listed = listed || strcmp(bad_cases[i].path, path) == 0;
        for (size_t i = 0; i < sizeof ok_files / sizeof ok_files[0]; i++)
            listed = listed || strcmp(ok_files[i], path) == 0;
        if (!listed) {
            print_error("%s is not tested\n", path);
            unlisted++;
        }
    }
    closedir(dir);
    assert_int_equal(unlisted, 0);
}

/* ---------------------------------------------------------------------
 * Iris and the truth tables
 * ------------------------------------------------------------------- */

/* A cell's text; NULL when the table keeps none for its column. */
static const char *cell(const struct table *t, size_t row, size_t col)
{
    return table_text(t, row, col);
}

static void assert_row(const struct table *t, size_t row, const char *a,
                       const char *b, const char *c, const char *d,
                       const char *e)
{
    assert_string_equal(cell(t, row, 0), a);
    assert_string_equal(cell(t, row, 1), b);
    assert_string_equal(cell(t, row, 2), c);
    assert_string_equal(cell(t, row, 3), d);
    assert_string_equal(cell(t, row, 4), e);
}

static void assert_iris_header(const struct table *t)
{
    assert_int_equal(t->ncols, 5);
    assert_string_equal(t->names[0], "sepal_length");
    assert_string_equal(t->names[1], "sepal_width");
    assert_string_equal(t->names[2], "petal_length");
    assert_string_equal(t->names[3], "petal_width");
    assert_string_equal(t->names[4], "species");
}

static void test_iris_embedded(void **state)
{
    (void)state;
    struct table t;
    char err[ERR_SIZE];
    assert_true(table_load_buffer("iris.csv (built in)", iris_csv,
                                  iris_csv_len, &t, err, sizeof err));
    assert_string_equal(t.source, "iris.csv (built in)");
    assert_iris_header(&t);
    assert_int_equal(t.nrows, 150);
    assert_row(&t, 0, "5.1", "3.5", "1.4", "0.2", "setosa");
    assert_row(&t, 50, "7.0", "3.2", "4.7", "1.4", "versicolor");
    assert_row(&t, 149, "5.9", "3.0", "5.1", "1.8", "virginica");
    assert_int_equal(table_line(&t, 0), 2);
    assert_int_equal(table_line(&t, 149), 151);
    assert_int_equal(table_line(&t, 150), 0);
    table_free(&t);
}

/* data/iris.csv and the embedded copy are the same table. */
static void test_iris_file_equals_embedded(void **state)
{
    (void)state;
    struct table file, built_in;
    char err[ERR_SIZE];
    assert_true(table_load_file("data/iris.csv", &file, err, sizeof err));
    assert_true(table_load_buffer("built in", iris_csv, iris_csv_len,
                                  &built_in, err, sizeof err));
    assert_int_equal(file.nrows, built_in.nrows);
    assert_int_equal(file.ncols, built_in.ncols);
    for (size_t row = 0; row < file.nrows; row++)
        for (size_t col = 0; col < file.ncols; col++)
            assert_string_equal(cell(&file, row, col),
                                cell(&built_in, row, col));
    table_free(&file);
    table_free(&built_in);
}

static void test_iris_select_default(void **state)
{
    (void)state;
    struct table t;
    struct dataset d;
    char err[ERR_SIZE];
    assert_true(table_load_buffer("iris", iris_csv, iris_csv_len, &t, err,
                                  sizeof err));
    assert_true(dataset_select(&t, &iris_default, &d, err, sizeof err));
    assert_int_equal(d.n, 100);
    assert_true(d.y[0] == 0.0);
    assert_true(d.x1[0] == 5.1 && d.x2[0] == 1.4);
    assert_true(d.y[49] == 0.0);
    assert_true(d.y[50] == 1.0);
    assert_true(d.x1[50] == 7.0 && d.x2[50] == 4.7);
    assert_true(d.y[99] == 1.0);
    assert_string_equal(d.x_name, "sepal_length");
    assert_string_equal(d.y_name, "petal_length");
    assert_string_equal(d.label_name, "species");
    assert_string_equal(d.class_name[0], "setosa");
    assert_string_equal(d.class_name[1], "versicolor");
    assert_false(d.standardized);
    dataset_free(&d);
    table_free(&t);
}

/* Any pair of classes, in either order, and names with blanks around. */
static void test_iris_select_pairs(void **state)
{
    (void)state;
    struct table t;
    struct dataset d;
    char err[ERR_SIZE];
    assert_true(table_load_file("data/iris.csv", &t, err, sizeof err));
    struct selection sel = {" petal_width", "sepal_width ", " species ",
                            " virginica", "setosa\t", false, NULL, NULL, 0, 0};
    assert_true(dataset_select(&t, &sel, &d, err, sizeof err));
    assert_int_equal(d.n, 100);
    assert_true(d.y[0] == 1.0);  /* the file's setosa rows come first */
    assert_true(d.y[99] == 0.0); /* virginica is class a: target 0 */
    assert_true(d.x1[0] == 0.2 && d.x2[0] == 3.5);
    assert_string_equal(d.class_name[0], "virginica");
    assert_string_equal(d.x_name, "petal_width");
    dataset_free(&d);
    table_free(&t);
}

static void check_truth_table(const char *path, const double y[4])
{
    struct table t;
    struct dataset d;
    char err[ERR_SIZE];
    assert_true(table_load_file(path, &t, err, sizeof err));
    assert_int_equal(t.nrows, 4);
    assert_int_equal(t.ncols, 3);
    assert_true(dataset_select(&t, &truth_table, &d, err, sizeof err));
    assert_int_equal(d.n, 4);
    static const double x1[4] = {0, 0, 1, 1}, x2[4] = {0, 1, 0, 1};
    for (int i = 0; i < 4; i++) {
        assert_true(d.x1[i] == x1[i]);
        assert_true(d.x2[i] == x2[i]);
        assert_true(d.y[i] == y[i]);
    }
    dataset_free(&d);
    table_free(&t);
}

static void test_truth_tables(void **state)
{
    (void)state;
    static const double and_y[4] = {0, 0, 0, 1}, or_y[4] = {0, 1, 1, 1},
                        xor_y[4] = {0, 1, 1, 0};
    check_truth_table("data/and.csv", and_y);
    check_truth_table("data/or.csv", or_y);
    check_truth_table("data/xor.csv", xor_y);
}

/* ---------------------------------------------------------------------
 * Odd but valid files
 * ------------------------------------------------------------------- */

/* Loads an iris-shaped file of a setosa row and a versicolor row. */
static void check_two_iris_rows(const char *path, size_t line0, size_t line1)
{
    struct table t;
    struct dataset d;
    char err[ERR_SIZE] = "";
    if (!table_load_file(path, &t, err, sizeof err))
        fail_msg("%s: %s", path, err);
    assert_iris_header(&t);
    assert_int_equal(t.nrows, 2);
    assert_row(&t, 0, "5.1", "3.5", "1.4", "0.2", "setosa");
    assert_row(&t, 1, "7.0", "3.2", "4.7", "1.4", "versicolor");
    assert_int_equal(table_line(&t, 0), line0);
    assert_int_equal(table_line(&t, 1), line1);
    assert_true(dataset_select(&t, &iris_default, &d, err, sizeof err));
    assert_int_equal(d.n, 2);
    assert_true(d.x1[1] == 7.0 && d.x2[1] == 4.7 && d.y[1] == 1.0);
    dataset_free(&d);
    table_free(&t);
}

static void test_ok_line_endings(void **state)
{
    (void)state;
    check_two_iris_rows("tests/data/ok_crlf.csv", 2, 3);
    check_two_iris_rows("tests/data/ok_cr_only.csv", 2, 3);
    check_two_iris_rows("tests/data/ok_no_final_newline.csv", 2, 3);
}

static void test_ok_bom(void **state)
{
    (void)state;
    check_two_iris_rows("tests/data/ok_bom.csv", 2, 3);
}

static void test_ok_blank_lines(void **state)
{
    (void)state;
    check_two_iris_rows("tests/data/ok_blank_lines.csv", 4, 7);
}

static void test_ok_spaces(void **state)
{
    (void)state;
    check_two_iris_rows("tests/data/ok_spaces.csv", 2, 3);
}

static void test_ok_reordered(void **state)
{
    (void)state;
    struct table t;
    struct dataset d;
    char err[ERR_SIZE];
    assert_true(table_load_file("tests/data/ok_reordered.csv", &t, err,
                                sizeof err));
    assert_int_equal(table_column(&t, "species"), 0);
    assert_int_equal(table_column(&t, "sepal_length"), 4);
    assert_true(dataset_select(&t, &iris_default, &d, err, sizeof err));
    assert_int_equal(d.n, 2);
    assert_true(d.x1[0] == 5.1 && d.x2[0] == 1.4 && d.y[0] == 0.0);
    assert_true(d.x1[1] == 7.0 && d.x2[1] == 4.7 && d.y[1] == 1.0);
    dataset_free(&d);
    table_free(&t);
}

static void test_ok_quoted(void **state)
{
    (void)state;
    struct table t;
    struct dataset d;
    char err[ERR_SIZE];
    assert_true(table_load_file("tests/data/ok_quoted.csv", &t, err,
                                sizeof err));
    assert_int_equal(t.ncols, 4);
    assert_int_equal(t.nrows, 4);
    assert_string_equal(cell(&t, 0, 3), "comma, inside");
    assert_string_equal(cell(&t, 1, 3), "He said \"hi\"");
    assert_string_equal(cell(&t, 2, 3), "two\nlines");
    assert_string_equal(cell(&t, 3, 3), "");
    assert_string_equal(cell(&t, 0, 0), "0");
    assert_int_equal(table_line(&t, 0), 2);
    assert_int_equal(table_line(&t, 1), 3);
    assert_int_equal(table_line(&t, 2), 4);
    assert_int_equal(table_line(&t, 3), 6);
    assert_true(dataset_select(&t, &truth_table, &d, err, sizeof err));
    assert_int_equal(d.n, 4);
    assert_true(d.y[2] == 1.0 && d.x2[1] == 1.0);
    dataset_free(&d);
    table_free(&t);
}

/* ---------------------------------------------------------------------
 * Table helpers
 * ------------------------------------------------------------------- */

static void test_columns(void **state)
{
    (void)state;
    struct table t;
    char err[ERR_SIZE];
    assert_true(table_load_file("data/iris.csv", &t, err, sizeof err));
    assert_int_equal(table_column(&t, "petal_length"), 2);
    assert_int_equal(table_column(&t, "Petal_length"), -1);
    assert_int_equal(table_column(&t, " petal_length"), -1);
    assert_true(table_column_numeric(&t, 3));
    assert_false(table_column_numeric(&t, 4));
    assert_false(table_column_numeric(&t, 5));
    size_t cols[8];
    assert_int_equal(table_numeric_columns(&t, cols, 8), 4);
    for (size_t i = 0; i < 4; i++)
        assert_int_equal(cols[i], i);
    cols[2] = 99;
    assert_int_equal(table_numeric_columns(&t, cols, 2), 4);
    assert_int_equal(cols[2], 99); /* wrote only max */
    table_free(&t);
}

static void test_distinct(void **state)
{
    (void)state;
    struct table t;
    char err[ERR_SIZE];
    const char *values[4] = {NULL, NULL, NULL, NULL};
    /* many rows (sorting) */
    assert_true(table_load_file("data/iris.csv", &t, err, sizeof err));
    assert_int_equal(table_distinct(&t, 4, values, 4), 3);
    assert_string_equal(values[0], "setosa");
    assert_string_equal(values[1], "versicolor");
    assert_string_equal(values[2], "virginica");
    values[1] = NULL;
    assert_int_equal(table_distinct(&t, 4, values, 1), 1); /* as written */
    assert_string_equal(values[0], "setosa");
    assert_null(values[1]);
    assert_int_equal(table_distinct(&t, 3, NULL, 0), 0);
    const char *all[150];
    assert_int_equal(table_distinct(&t, 3, all, 150), 22); /* petal_width */
    assert_string_equal(all[21], "2.3");
    assert_int_equal(table_distinct(&t, 7, values, 4), 0);
    table_free(&t);
    /* few rows (scanning) */
    assert_true(table_load_file("data/xor.csv", &t, err, sizeof err));
    assert_int_equal(table_distinct(&t, 2, values, 4), 2);
    assert_string_equal(values[0], "0");
    assert_string_equal(values[1], "1");
    values[1] = NULL;
    assert_int_equal(table_distinct(&t, 2, values, 1), 1);
    assert_null(values[1]);
    table_free(&t);
    /* first appearance order with many rows */
    char text[400] = "k\n";
    for (int i = 0; i < 40; i++)
        strcat(text, (const char *[]){"c\n", "a\n", "c\n", "b\n"}[i % 4]);
    assert_true(table_load_buffer("mem", text, strlen(text), &t, err,
                                  sizeof err));
    assert_int_equal(table_distinct(&t, 0, values, 4), 3);
    assert_string_equal(values[0], "c");
    assert_string_equal(values[1], "a");
    assert_string_equal(values[2], "b");
    table_free(&t);
}

/* ---------------------------------------------------------------------
 * Numbers
 * ------------------------------------------------------------------- */

static void assert_number(const char *text, double expected)
{
    double value = -12345;
    if (!parse_number(text, &value))
        fail_msg("\"%s\" was refused", text);
    if (value != expected)
        fail_msg("\"%s\" gave %.17g, wanted %.17g", text, value, expected);
}

static void assert_not_number(const char *text)
{
    double value = -12345;
    if (parse_number(text, &value))
        fail_msg("\"%s\" was accepted as %.17g", text, value);
    assert_true(value == -12345); /* untouched */
}

static void check_number_grammar(void)
{
    assert_number("5.1", 5.1);
    assert_number(" -2e3 ", -2000.0);
    assert_number("\t+.5", 0.5);
    assert_number("5.", 5.0);
    assert_number("0", 0.0);
    assert_number("-0", -0.0);
    assert_number("1E+2", 100.0);
    assert_number("007", 7.0);
    assert_number("2.5e-1", 0.25);
    assert_number("0.1", 0.1);
    assert_number("4.9e-324", 4.9e-324);     /* subnormal: accepted */
    assert_number("2.5e-320", 2.5e-320);
    assert_number("0e-400", 0.0);            /* zero, not an underflow */
    assert_number("-0.000e99", -0.0);
    assert_number("1.7976931348623157e308", 1.7976931348623157e308);
    assert_number("3.14159265358979323846264338327950288", 3.141592653589793);
    assert_not_number("");
    assert_not_number("   ");
    assert_not_number(NULL);
    assert_not_number("nan");
    assert_not_number("-NaN");
    assert_not_number("inf");
    assert_not_number("Infinity");
    assert_not_number("0x10");
    assert_not_number("0x1p3");
    assert_not_number("1e999");
    assert_not_number("1e-400");             /* rounds to 0: underflow */
    assert_not_number("-2.5e-330");
    assert_not_number("0.0001e-324");
    assert_not_number("-1e999");
    assert_not_number("5.1abc");
    assert_not_number("1,5");
    assert_not_number(".");
    assert_not_number("-");
    assert_not_number("+-1");
    assert_not_number("1e");
    assert_not_number("1e+");
    assert_not_number("e5");
    assert_not_number("1 2");
    assert_not_number("1.2.3");
    assert_not_number("5\n");
    assert_not_number("\xC2\xA0" "5");
}

static void test_parse_number(void **state)
{
    (void)state;
    check_number_grammar();
}

/* The program calls setlocale(LC_ALL, ""): numbers must not change. */
static void test_parse_number_locales(void **state)
{
    (void)state;
    if (setlocale(LC_ALL, "C.UTF-8") != NULL)
        check_number_grammar();
    if (setlocale(LC_ALL, "de_DE.UTF-8") == NULL) {
        setlocale(LC_ALL, "C");
        skip(); /* the locale is not installed here */
    }
    char *end;
    strtod("5.1", &end);
    bool comma_locale = *end == '.'; /* strtod stops at the '.' */
    check_number_grammar();
    struct table t;
    struct dataset d;
    char err[ERR_SIZE];
    assert_true(table_load_buffer("iris", iris_csv, iris_csv_len, &t, err,
                                  sizeof err));
    assert_true(dataset_select(&t, &iris_default, &d, err, sizeof err));
    assert_true(d.x1[0] == 5.1);
    dataset_free(&d);
    table_free(&t);
    setlocale(LC_ALL, "C");
    assert_true(comma_locale);
}

/* ---------------------------------------------------------------------
 * Standardisation
 * ------------------------------------------------------------------- */

static void assert_standard(const double *x, size_t n)
{
    double sum = 0, squares = 0;
    for (size_t i = 0; i < n; i++)
        sum += x[i];
    double mean = sum / (double)n;
    for (size_t i = 0; i < n; i++)
        squares += (x[i] - mean) * (x[i] - mean);
    assert_true(fabs(mean) < 1e-12);
    assert_true(fabs(sqrt(squares / (double)n) - 1.0) < 1e-12);
}

static void test_standardize_iris(void **state)
{
    (void)state;
    struct table t;
    struct dataset raw, scaled;
    char err[ERR_SIZE];
    assert_true(table_load_buffer("iris", iris_csv, iris_csv_len, &t, err,
                                  sizeof err));
    struct selection sel = iris_default;
    assert_true(dataset_select(&t, &sel, &raw, err, sizeof err));
    sel.standardize = true;
    assert_true(dataset_select(&t, &sel, &scaled, err, sizeof err));
    assert_true(scaled.standardized);
    assert_int_equal(scaled.n, 100);
    assert_standard(scaled.x1, scaled.n);
    assert_standard(scaled.x2, scaled.n);
    /* mean and sd of the raw features, by a plain two-pass computation */
    double *features[2] = {raw.x1, raw.x2}, *standard[2] = {scaled.x1, scaled.x2};
    for (int k = 0; k < 2; k++) {
        double sum = 0, squares = 0;
        for (size_t i = 0; i < raw.n; i++)
            sum += features[k][i];
        double mean = sum / 100.0;
        for (size_t i = 0; i < raw.n; i++)
            squares += (features[k][i] - mean) * (features[k][i] - mean);
        double sd = sqrt(squares / 100.0);
        assert_true(fabs(scaled.mean[k] - mean) < 1e-12);
        assert_true(fabs(scaled.sd[k] - sd) < 1e-12);
        assert_true(fabs(raw.mean[k] - mean) < 1e-12);
        for (size_t i = 0; i < raw.n; i++)
            assert_true(fabs(standard[k][i] - (features[k][i] - mean) / sd)
                        < 1e-12);
    }
    assert_true(fabs(scaled.mean[0] - 5.471) < 1e-12); /* known: sepal length */
    assert_true(memcmp(scaled.y, raw.y, 100 * sizeof *raw.y) == 0);
    dataset_free(&raw);
    dataset_free(&scaled);
    table_free(&t);
}

/* Values near the largest double must not overflow on the way. */
static void test_standardize_huge(void **state)
{
    (void)state;
    const char *text = "a,b,c\n1.5e308,-1e-300,p\n-1.7e308,1e-300,q\n"
                       "1e308,3e-300,p\n";
    struct table t;
    struct dataset d;
    char err[ERR_SIZE];
    assert_true(table_load_buffer("huge", text, strlen(text), &t, err,
                                  sizeof err));
    struct selection sel = {"a", "b", "c", "p", "q", true, NULL, NULL, 0, 0};
    assert_true(dataset_select(&t, &sel, &d, err, sizeof err));
    for (size_t i = 0; i < d.n; i++)
        assert_true(isfinite(d.x1[i]) && isfinite(d.x2[i]));
    assert_standard(d.x1, d.n);
    assert_standard(d.x2, d.n);
    assert_true(isfinite(d.mean[0]) && isfinite(d.sd[0]));
    dataset_free(&d);
    table_free(&t);
}

/* ---------------------------------------------------------------------
 * Robustness
 * ------------------------------------------------------------------- */

static void test_free_is_safe(void **state)
{
    (void)state;
    struct table t;
    struct dataset d;
    memset(&t, 0, sizeof t);
    memset(&d, 0, sizeof d);
    table_free(&t);
    dataset_free(&d);
    table_free(NULL);
    dataset_free(NULL);
    char err[ERR_SIZE];
    /* a failed load or selection leaves everything zeroed */
    memset(&t, 0xAB, sizeof t);
    assert_false(table_load_file("tests/data/ragged_long.csv", &t, err,
                                 sizeof err));
    assert_null(t.columns);
    assert_null(t.source);
    assert_int_equal(t.nrows, 0);
    table_free(&t);
    assert_true(table_load_file("tests/data/constant_feature.csv", &t, err,
                                sizeof err));
    memset(&d, 0xAB, sizeof d);
    assert_false(dataset_select(&t, &constant_pick, &d, err, sizeof err));
    assert_null(d.x1);
    assert_null(d.x_name);
    assert_int_equal(d.n, 0);
    dataset_free(&d);
    table_free(&t);
    table_free(&t); /* twice is fine: table_free zeroes */
    /* a zeroed table cannot be selected from, but nothing breaks */
    assert_false(dataset_select(&t, &iris_default, &d, err, sizeof err));
    assert_false(dataset_select(NULL, NULL, &d, err, sizeof err));
    assert_int_equal(table_column(&t, "x"), -1);
    assert_int_equal(table_distinct(&t, 0, NULL, 0), 0);
    assert_int_equal(table_numeric_columns(&t, NULL, 0), 0);
}

/* How messages show a file's bytes: escapes, invisible characters, cuts. */
static void test_text_show(void **state)
{
    (void)state;
    assert_string_equal(text_show("setosa").text, "setosa");
    assert_string_equal(text_show("caf\xC3\xA9 \xE6\x97\xA5").text,
                        "caf\xC3\xA9 \xE6\x97\xA5");
    assert_string_equal(text_show("a\tb\x7F\x1B[0m").text, "a\\x09b\\x7F\\x1B[0m");
    assert_string_equal(text_show("\xC2\x9B" "31m").text, "\\xC2\\x9B31m"); /* CSI */
    assert_string_equal(text_show("\xED\xA0\x80|\xC0\xAF|\xFF").text,
                        "\\xED\\xA0\\x80|\\xC0\\xAF|\\xFF");
    assert_string_equal(text_show("\xEF\xBB\xBFx\xC2\xA0y\xE2\x80\x8Bz").text,
                        "<U+FEFF>x<U+00A0>y<U+200B>z");
    /* a combining mark shows on the letter before it, not alone */
    assert_string_equal(text_show("e\xCC\x81").text, "e\xCC\x81");
    assert_string_equal(text_show("\xCC\x81" "e").text, "<U+0301>e");
    /* cut before the piece that does not fit in 40 bytes */
    assert_string_equal(text_show("\x1B\x1B\x1B\x1B\x1B\x1B\x1B\x1B\x1B\x1B\x1B").text,
                        "\\x1B\\x1B\\x1B\\x1B\\x1B\\x1B\\x1B\\x1B\\x1B\\x1B...");
    assert_string_equal(text_show("123456789012345678901234567890123456\xEF\xBB\xBF").text,
                        "123456789012345678901234567890123456...");
    assert_string_equal(text_show("1234567890123456789012345678901234567890").text,
                        "1234567890123456789012345678901234567890");
}

static void test_small_error_buffer(void **state)
{
    (void)state;
    struct table t;
    char err[8];
    memset(err, 'x', sizeof err);
    assert_false(table_load_file("tests/data/empty.csv", &t, err, sizeof err));
    assert_string_equal(err, "tests/d");
    assert_false(table_load_file("tests/data/empty.csv", &t, NULL, 0));
    assert_false(table_load_buffer("x", "a\n", 2, &t, err, 1));
    assert_string_equal(err, "");
    assert_false(table_load_buffer(NULL, NULL, 0, &t, err, sizeof err));
    assert_string_equal(err, "(input)");
}

/* A small deterministic generator for the random test. */
static uint32_t next_random(uint32_t *seed)
{
    *seed = *seed * 1664525u + 1013904223u;
    return *seed >> 8;
}

/* Random short texts made of the characters that matter to a CSV parser:
 * whatever comes, no crash, an error is one line naming the source, and a
 * success is a rectangular table. Run it under ASan/UBSan and valgrind. */
static void test_random_input(void **state)
{
    (void)state;
    static const char alphabet[] = "\",,\n\r  1.5-eab\t\0\xEF\xBB\xBF";
    uint32_t seed = 12345;
    char text[48];
    for (int round = 0; round < 30000; round++) {
        size_t length = next_random(&seed) % sizeof text;
        for (size_t i = 0; i < length; i++)
            text[i] = alphabet[next_random(&seed) % (sizeof alphabet - 1)];
        if (round % 7 == 0 && length >= 3)
            memcpy(text, "\xEF\xBB\xBF", 3);
        struct table t;
        char err[ERR_SIZE];
        if (!table_load_buffer("random", text, length, &t, err, sizeof err)) {
            assert_true(strncmp(err, "random", 6) == 0);
            assert_null(strchr(err, '\n'));
            assert_null(t.columns);
            continue;
        }
        assert_true(t.nrows > 0 && t.ncols > 0);
        for (size_t row = 0; row < t.nrows; row++)
            for (size_t col = 0; col < t.ncols; col++)
                assert_non_null(table_text(&t, row, col));
        struct selection sel = {t.names[0], t.names[t.ncols - 1],
                                t.names[t.ncols / 2], "1.5", "a", true, NULL, NULL, 0, 0};
        struct dataset d;
        if (!dataset_select(&t, &sel, &d, err, sizeof err))
            assert_null(strchr(err, '\n'));
        dataset_free(&d);
        table_free(&t);
    }
}

/* ---------------------------------------------------------------------
 * Large input: the loader hands libcsv TABLE_BLOCK_BYTES at a time and
 * reads a file block by block; values, quotes, line ends and characters
 * split across two blocks; lines; interning; numbers parsed once.
 * ------------------------------------------------------------------- */

/* A growing text. */
struct text_buffer {
    char *bytes;
    size_t length, capacity;
};

static void put_bytes(struct text_buffer *b, const char *bytes, size_t length)
{
    if (b->length + length + 1 > b->capacity) {
        b->capacity = (b->length + length + 1) * 2;
        b->bytes = realloc(b->bytes, b->capacity);
        assert_non_null(b->bytes);
    }
    memcpy(b->bytes + b->length, bytes, length);
    b->length += length;
    b->bytes[b->length] = '\0';
}

__attribute__((format(printf, 2, 3)))
static void put(struct text_buffer *b, const char *format, ...)
{
    char piece[256];
    va_list args;
    va_start(args, format);
    int n = vsnprintf(piece, sizeof piece, format, args);
    va_end(args);
    assert_true(n >= 0 && (size_t)n < sizeof piece);
    put_bytes(b, piece, (size_t)n);
}

/* Appends a row "0,0,ppp...\n" that brings b to exactly length bytes. */
static void pad_to(struct text_buffer *b, size_t length)
{
    assert_true(length >= b->length + 6);
    put(b, "0,0,");
    while (b->length < length - 1)
        put(b, "p");
    put(b, "\n");
}

/* The lines of count increasing byte offsets of text, counted the plain
 * way: LF, CRLF and a lone CR each end one line. */
static void reference_lines(const char *text, const size_t *offsets,
                            size_t count, size_t *lines)
{
    size_t line = 1, i = 0;
    for (size_t k = 0; k < count; k++) {
        for (; i < offsets[k]; i++)
            if (text[i] == '\n' || (text[i] == '\r' && text[i + 1] != '\n'))
                line++;
        lines[k] = line;
    }
}

static char temp_path[64];

/* Loads text from memory into tables[0] and, through a temporary file,
 * into tables[1]; both must load. */
static void load_both(const struct text_buffer *b, struct table tables[2])
{
    char err[ERR_SIZE] = "";
    if (!table_load_buffer("mem", b->bytes, b->length, &tables[0], err,
                           sizeof err))
        fail_msg("buffer: %s", err);
    strcpy(temp_path, "/tmp/test_dataset_XXXXXX");
    int fd = mkstemp(temp_path);
    assert_true(fd >= 0);
    FILE *file = fdopen(fd, "wb");
    assert_non_null(file);
    assert_int_equal(fwrite(b->bytes, 1, b->length, file), b->length);
    assert_int_equal(fclose(file), 0);
    bool ok = table_load_file(temp_path, &tables[1], err, sizeof err);
    remove(temp_path);
    if (!ok)
        fail_msg("file: %s", err);
}

static void free_both(struct table tables[2])
{
    table_free(&tables[0]);
    table_free(&tables[1]);
}

/* A row whose byte at split lands on the first byte of the second block;
 * returns the row's index (1: the pad row is row 0). */
static size_t place_across_blocks(struct text_buffer *b, const char *row,
                                  size_t split)
{
    put(b, "x,y,label\n");
    pad_to(b, TABLE_BLOCK_BYTES - split);
    put(b, "%s", row);
    assert_int_equal(b->bytes[TABLE_BLOCK_BYTES], row[split]);
    return 1;
}

/* A number, a quoted field, a CRLF, a UTF-8 character and a CR before a
 * blank, each cut by the end of the first block. */
static void test_block_boundaries(void **state)
{
    (void)state;
    struct table tables[2];

    struct text_buffer b = {0};
    size_t row = place_across_blocks(&b, "12345.678,-0.5,a\n3,4,b\n", 3);
    load_both(&b, tables);
    for (int k = 0; k < 2; k++) {
        assert_true(table_numbers(&tables[k], 0)[row] == 12345.678);
        assert_string_equal(table_text(&tables[k], row, 2), "a");
        assert_int_equal(table_line(&tables[k], row + 1), 4);
    }
    free_both(tables);
    free(b.bytes);

    b = (struct text_buffer){0};
    row = place_across_blocks(&b, "1,2,\"two\nlines, \"\"quoted\"\"\"\n3,4,b\n", 10);
    load_both(&b, tables);
    for (int k = 0; k < 2; k++) {
        assert_string_equal(table_text(&tables[k], row, 2),
                            "two\nlines, \"quoted\"");
        assert_int_equal(table_line(&tables[k], row), 3);
        assert_int_equal(table_line(&tables[k], row + 1), 5);
    }
    free_both(tables);
    free(b.bytes);

    b = (struct text_buffer){0};
    row = place_across_blocks(&b, "1,2,a\r\n3,4,b\r\n", 6); /* \r | \n */
    load_both(&b, tables);
    for (int k = 0; k < 2; k++) {
        assert_int_equal(tables[k].nrows, 3);
        assert_string_equal(table_text(&tables[k], row, 2), "a");
        assert_int_equal(table_line(&tables[k], row + 1), 4);
    }
    free_both(tables);
    free(b.bytes);

    b = (struct text_buffer){0};
    row = place_across_blocks(&b, "1,2,caf\xC3\xA9\n3,4,b\n", 8); /* C3 | A9 */
    load_both(&b, tables);
    for (int k = 0; k < 2; k++) {
        assert_string_equal(table_text(&tables[k], row, 2), "caf\xC3\xA9");
        assert_int_equal(table_find_text(&tables[k], 2, "caf\xC3\xA9"), 1);
    }
    free_both(tables);
    free(b.bytes);

    /* A lone CR ends a line, then a blank line: not a CRLF, whether the
     * blank comes in the same block or the next. */
    for (size_t split = 6; split <= 7; split++) {
        b = (struct text_buffer){0};
        row = place_across_blocks(&b, "1,2,a\r \n3,4,b\n", split);
        load_both(&b, tables);
        for (int k = 0; k < 2; k++)
            assert_int_equal(table_line(&tables[k], row + 1), 5);
        free_both(tables);
        free(b.bytes);
    }
}

/* Lines by the plain count, in random texts of rows, blank lines, every
 * kind of line end and quoted fields holding line ends, over several
 * blocks, from memory and from a file. */
static void test_random_lines(void **state)
{
    (void)state;
    static const char *const ends[] = {"\n", "\r\n", "\r"};
    static const char *const blanks[] = {"", " ", "\t ", "  \t"};
    uint32_t seed = 777;
    struct text_buffer b = {0};
    static size_t starts[20000], lines[20000];
    size_t rows = 0;
    put(&b, "a,b,c\n");
    while (b.length < 3 * TABLE_BLOCK_BYTES && rows < 20000) {
        uint32_t r = next_random(&seed);
        if (r % 5 == 0) { /* a blank line */
            put(&b, "%s%s", blanks[r / 5 % 4], ends[r / 20 % 3]);
            continue;
        }
        starts[rows] = b.length;
        if (r % 3 == 0)
            put(&b, "%zu,%zu,\"p%sq%sr\"%s", rows, rows, ends[r / 3 % 3],
                ends[r / 9 % 3], ends[r / 27 % 3]);
        else
            put(&b, "%zu,%zu,x%s", rows, rows, ends[r / 3 % 3]);
        rows++;
    }
    reference_lines(b.bytes, starts, rows, lines);
    struct table tables[2];
    load_both(&b, tables);
    for (int k = 0; k < 2; k++) {
        assert_int_equal(tables[k].nrows, rows);
        const double *a = table_numbers(&tables[k], 0);
        assert_non_null(a);
        size_t wrong = 0;
        for (size_t i = 0; i < rows; i++) {
            size_t line = table_line(&tables[k], i);
            if (line != lines[i] || a[i] != (double)i)
                wrong++;
        }
        assert_int_equal(wrong, 0);
    }
    free_both(tables);
    free(b.bytes);
}

/* Labels with 1-, 2- and then 4-byte ids: 70000 distinct ones, twice. */
static void test_many_labels(void **state)
{
    (void)state;
    enum { LABELS = 70000 };
    struct text_buffer b = {0};
    put(&b, "x,y,label\n");
    for (size_t i = 0; i < 2 * LABELS; i++)
        put(&b, "%zu,-%zu,L%zu\n", i, i, i % LABELS);
    struct table tables[2];
    load_both(&b, tables);
    static const size_t probes[] = {0, 255, 256, 65535, 65536, 69999, 70000,
                                    70256, 135536, 2 * LABELS - 1};
    for (int k = 0; k < 2; k++) {
        const struct table *t = &tables[k];
        assert_int_equal(table_distinct_count(t, 2), LABELS);
        for (size_t p = 0; p < sizeof probes / sizeof probes[0]; p++) {
            char expected[16];
            snprintf(expected, sizeof expected, "L%zu", probes[p] % LABELS);
            assert_string_equal(table_text(t, probes[p], 2), expected);
            assert_int_equal(table_text_index(t, probes[p], 2),
                             probes[p] % LABELS);
        }
        assert_int_equal(table_find_text(t, 2, "L65536"), 65536);
        assert_int_equal(table_find_text(t, 2, "L70000"), SIZE_MAX);
        const char *values[3];
        assert_int_equal(table_distinct(t, 2, values, 3), 3);
        assert_string_equal(values[2], "L2");
        /* x and y: numbers, too many distinct ones to keep their texts */
        assert_false(table_has_texts(t, 0));
        assert_null(table_text(t, 0, 0));
        assert_int_equal(table_distinct_count(t, 0), 0);
        assert_true(table_numbers(t, 1)[2 * LABELS - 1] == -(2.0 * LABELS - 1));
        struct selection sel = {"x", "y", "label", "L7", "L69999", false, NULL, NULL, 0, 0};
        struct dataset d;
        char err[ERR_SIZE];
        assert_true(dataset_select(t, &sel, &d, err, sizeof err));
        assert_int_equal(d.n, 4);
        static const double x1[4] = {7, 69999, 70007, 139999};
        static const double y[4] = {0, 1, 0, 1};
        for (int i = 0; i < 4; i++) {
            assert_true(d.x1[i] == x1[i] && d.x2[i] == -x1[i]);
            assert_true(d.y[i] == y[i]);
        }
        dataset_free(&d);
    }
    free_both(tables);
    free(b.bytes);
}

/* A column of numbers (more than a block of them, too many distinct ones
 * to keep their texts) whose last value is not one. */
static void test_non_number_at_last_row(void **state)
{
    (void)state;
    enum { ROWS = 10000 };
    struct text_buffer b = {0};
    put(&b, "x,y,label\n");
    for (size_t i = 0; i < ROWS - 1; i++)
        put(&b, "%zu.25,%zu,%s\n", i, i, i % 2 ? "b" : "a");
    put(&b, "n/a,0,b\n");
    assert_true(b.length > TABLE_BLOCK_BYTES);
    struct table tables[2];
    load_both(&b, tables);
    for (int k = 0; k < 2; k++) {
        const struct table *t = &tables[k];
        assert_false(table_column_numeric(t, 0));
        assert_null(table_numbers(t, 0));
        assert_true(table_column_numeric(t, 1));
        struct table_non_number bad;
        assert_true(table_first_non_number(t, 0, &bad));
        assert_int_equal(bad.row, ROWS - 1);
        assert_int_equal(bad.line, ROWS + 1);
        assert_int_equal(bad.status, NUMBER_NOT_A_NUMBER);
        assert_string_equal(bad.text, "n/a");
        assert_false(table_first_non_number(t, 1, &bad));
        char err[ERR_SIZE], expected[ERR_SIZE];
        struct dataset d;
        struct selection sel = {"x", "y", "label", "a", "b", false, NULL, NULL, 0, 0};
        assert_false(dataset_select(t, &sel, &d, err, sizeof err));
        snprintf(expected, sizeof expected,
                 "%s:%d:1: x: \"n/a\" is not a number", t->source, ROWS + 1);
        assert_string_equal(err, expected);
        /* its texts went when it had too many distinct numbers */
        struct selection as_label = {"y", "y", "x", "1.25", "2.25", false, NULL, NULL, 0, 0};
        assert_false(dataset_select(t, &as_label, &d, err, sizeof err));
        snprintf(expected, sizeof expected,
                 "%s:1: column \"x\" cannot be the label column: it has more"
                 " than %d distinct numbers", t->source,
                 TABLE_MAX_NUMERIC_TEXTS);
        assert_string_equal(err, expected);
    }
    free_both(tables);
    free(b.bytes);
}

/* The digits-only conversion gives strtod's bits (C locale), whatever the
 * digits and exponent; the statuses of overflow and underflow too. */
static void test_numbers_as_strtod(void **state)
{
    (void)state;
    uint32_t seed = 4242;
    int wrong = 0;
    for (int round = 0; round < 200000; round++) {
        char text[80];
        size_t n = 0;
        uint32_t r = next_random(&seed);
        if (r % 3 == 0)
            text[n++] = r % 2 ? '-' : '+';
        size_t whole = next_random(&seed) % 21, fraction = next_random(&seed) % 21;
        if (whole + fraction == 0)
            whole = 1;
        for (size_t i = 0; i < whole; i++) /* now and then a leading 0 */
            text[n++] = i == 0 && r % 7 == 0
                ? '0' : (char)('0' + next_random(&seed) % 10);
        if (fraction > 0 || r % 5 == 0)
            text[n++] = '.';
        for (size_t i = 0; i < fraction; i++)
            text[n++] = (char)('0' + next_random(&seed) % 10);
        if (r % 4 == 0) {
            uint32_t e = next_random(&seed);
            n += (size_t)snprintf(text + n, sizeof text - n, "e%s%u",
                                  e % 2 ? "-" : "",
                                  (unsigned)(e / 2 % (e % 16 == 0 ? 400 : 30)));
        }
        text[n] = '\0';
        double expected = strtod(text, NULL), value = 0;
        bool nonzero = false; /* a digit 1-9 before the exponent */
        for (size_t i = 0; text[i] != '\0' && text[i] != 'e'; i++)
            nonzero = nonzero || (text[i] >= '1' && text[i] <= '9');
        enum number_status status = number_check(text, &value);
        enum number_status wanted = isinf(expected) ? NUMBER_OUT_OF_RANGE
            : expected == 0 && nonzero ? NUMBER_UNDERFLOW : NUMBER_OK;
        if (status != wanted
            || (status == NUMBER_OK && memcmp(&value, &expected, sizeof value) != 0)) {
            if (wrong++ < 5)
                print_error("%s: status %d value %.17g, strtod %.17g\n", text,
                            (int)status, value, expected);
        }
    }
    assert_int_equal(wrong, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_iris_embedded),
        cmocka_unit_test(test_iris_file_equals_embedded),
        cmocka_unit_test(test_iris_select_default),
        cmocka_unit_test(test_iris_select_pairs),
        cmocka_unit_test(test_truth_tables),
        cmocka_unit_test(test_bad_corpus),
        cmocka_unit_test(test_corpus_is_listed),
        cmocka_unit_test(test_ok_line_endings),
        cmocka_unit_test(test_ok_bom),
        cmocka_unit_test(test_ok_blank_lines),
        cmocka_unit_test(test_ok_spaces),
        cmocka_unit_test(test_ok_reordered),
        cmocka_unit_test(test_ok_quoted),
        cmocka_unit_test(test_columns),
        cmocka_unit_test(test_distinct),
        cmocka_unit_test(test_parse_number),
        cmocka_unit_test(test_parse_number_locales),
        cmocka_unit_test(test_standardize_iris),
        cmocka_unit_test(test_standardize_huge),
        cmocka_unit_test(test_free_is_safe),
        cmocka_unit_test(test_text_show),
        cmocka_unit_test(test_small_error_buffer),
        cmocka_unit_test(test_random_input),
        cmocka_unit_test(test_block_boundaries),
        cmocka_unit_test(test_random_lines),
        cmocka_unit_test(test_many_labels),
        cmocka_unit_test(test_non_number_at_last_row),
        cmocka_unit_test(test_numbers_as_strtod),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
