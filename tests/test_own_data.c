/* test_own_data.c - cmocka tests of the loader's forgiving side: files
 * separated by semicolons or tabs (--delimiter) with decimal commas, the
 * hint naming --delimiter when such a file is read with the comma, the
 * classes of a two-valued label column found without --classes, and the
 * words that say which rows a selection kept and which labels it dropped.
 * Run from the repository root: the paths are relative to it. */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "control.h"
#include "dataset.h"
#include "number.h"
#include "recording.h"
#include "test_support.h"

#define ERR_SIZE 512

static const char semicolon_file[] = "tests/data/ok_semicolon_decimal_comma.csv";
static const char tab_file[] = "tests/data/ok_tab.csv";
static const char typo_file[] = "tests/data/ok_labels_typo.csv";

static const struct selection iris_default = {
    "sepal_length", "petal_length", "species", "setosa", "versicolor", false, NULL, NULL, 0, 0,
};

/* The same bits: a decimal comma reads exactly as the point would. */
static void assert_same_double(double got, double want)
{
    assert_memory_equal(&got, &want, sizeof got);
}

static void test_semicolon_and_decimal_commas(void **state)
{
    (void)state;
    struct table t;
    char err[ERR_SIZE] = "";
    assert_true(table_load_file_delimited(semicolon_file, ';', &t, err, sizeof err));
    assert_int_equal(t.ncols, 5);
    assert_int_equal(t.nrows, 5);
    assert_string_equal(t.names[0], "sepal_length"); /* the BOM is gone */
    assert_string_equal(t.names[4], "species");
    const double *sepal_length = table_numbers(&t, 0);
    const double *sepal_width = table_numbers(&t, 1);
    assert_non_null(sepal_length);
    assert_non_null(sepal_width);
    const double want[5] = {5.1, 7.0, 6.3, 4.9, -5.0};
    for (size_t i = 0; i < 5; i++)
        assert_same_double(sepal_length[i], want[i]);
    assert_same_double(sepal_width[3], 3.0);
    assert_string_equal(table_text(&t, 3, 4), "setosa"); /* was quoted */
    assert_int_equal(table_line(&t, 0), 2);               /* CRLF lines */
    assert_int_equal(table_line(&t, 4), 6);
    table_free(&t);
}

static void test_tab_file(void **state)
{
    (void)state;
    struct table t;
    char err[ERR_SIZE] = "";
    assert_true(table_load_file_delimited(tab_file, '\t', &t, err, sizeof err));
    assert_int_equal(t.ncols, 3);
    assert_string_equal(t.names[2], "answer");
    const double *x1 = table_numbers(&t, 0);
    assert_non_null(x1);
    assert_same_double(x1[0], 0.5);
    assert_same_double(x1[1], 1.5); /* "1,5": a decimal comma with tabs too */
    assert_same_double(table_numbers(&t, 1)[3], 2.25);
    table_free(&t);
}

/* Read with the comma, a file of one header field holding ";" or a tab
 * is refused with a hint; with the comma, "5,1" stays no number. */
static void test_hint_names_the_option(void **state)
{
    (void)state;
    struct table t;
    char err[ERR_SIZE] = "";
    assert_false(table_load_file(semicolon_file, &t, err, sizeof err));
    assert_string_equal(err, "tests/data/ok_semicolon_decimal_comma.csv:1: the header"
                        " is one field that holds \";\": for columns separated by"
                        " \";\", use --delimiter ';'");
    assert_false(table_load_file(tab_file, &t, err, sizeof err));
    assert_string_equal(err, "tests/data/ok_tab.csv:1: the header is one field that"
                        " holds tabs: for columns separated by tabs, use"
                        " --delimiter tab");
    static const char comma[] = "a,b\n\"5,1\",2\n";
    assert_true(table_load_buffer("comma.csv", comma, sizeof comma - 1, &t, err,
                                  sizeof err));
    assert_null(table_numbers(&t, 0));
    assert_non_null(table_numbers(&t, 1));
    table_free(&t);
    assert_true(table_load_buffer_delimited("semi.csv", "a;b\n\"5,1\";2\n", 12, ';',
                                            &t, err, sizeof err));
    assert_same_double(table_numbers(&t, 0)[0], 5.1);
    table_free(&t);
}

/* A bad number in a semicolon file: FILE:LINE:COLUMN as ever. */
static void test_semicolon_bad_number(void **state)
{
    (void)state;
    struct table t;
    struct dataset d;
    char err[ERR_SIZE] = "";
    assert_true(table_load_file_delimited("tests/data/semicolon_bad_number.csv", ';',
                                          &t, err, sizeof err));
    assert_false(dataset_select(&t, &iris_default, &d, err, sizeof err));
    assert_string_equal(err, "tests/data/semicolon_bad_number.csv:3:1: sepal_length:"
                        " \"5,1,0\" is not a number");
    table_free(&t);
}

static void test_number_scan_comma(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        enum number_status status;
        double value;
    } cases[] = {
        {"5,1", NUMBER_OK, 5.1},
        {" -0,25e3 ", NUMBER_OK, -250.0},
        {",5", NUMBER_OK, 0.5},
        {"7", NUMBER_OK, 7.0},
        {"6.3", NUMBER_OK, 6.3},     /* a point still reads */
        {"1.234,5", NUMBER_NOT_A_NUMBER, 0},
        {"1,2,3", NUMBER_NOT_A_NUMBER, 0},
        {"5,", NUMBER_OK, 5.0},      /* as "5." */
        {",", NUMBER_NOT_A_NUMBER, 0},
        {"nan", NUMBER_NOT_FINITE, 0},
        {"1,0e999", NUMBER_OUT_OF_RANGE, 0},
        {"", NUMBER_EMPTY, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        double v = -1.0;
        enum number_status s = number_scan_comma(cases[i].text, strlen(cases[i].text), &v);
        if (s != cases[i].status)
            print_error("\"%s\": status %d, wanted %d\n", cases[i].text, (int)s,
                        (int)cases[i].status);
        assert_int_equal(s, cases[i].status);
        if (s == NUMBER_OK)
            assert_same_double(v, cases[i].value);
    }
    /* A long value takes the heap path: 70 digits after the comma. */
    char longer[80] = "0,";
    memset(longer + 2, '1', 70);
    longer[72] = '\0';
    double v;
    assert_int_equal(number_scan_comma(longer, strlen(longer), &v), NUMBER_OK);
    longer[1] = '.';
    double point;
    assert_int_equal(number_scan(longer, strlen(longer), &point), NUMBER_OK);
    assert_same_double(v, point);
}

static void test_auto_classes(void **state)
{
    (void)state;
    struct table t;
    char err[ERR_SIZE] = "";
    assert_true(table_load_file_delimited(tab_file, '\t', &t, err, sizeof err));
    struct selection sel = {"x1", "x2", "answer", "setosa", "versicolor", false,
                            NULL, NULL, 0, 0};
    assert_true(dataset_auto_classes(&t, &sel));
    assert_string_equal(sel.class_a, "no"); /* sorted */
    assert_string_equal(sel.class_b, "yes");
    struct dataset d;
    assert_true(dataset_select(&t, &sel, &d, err, sizeof err));
    assert_int_equal(d.n, 4);
    assert_true(d.y[0] == 0.0 && d.y[1] == 1.0 && d.y[2] == 0.0 && d.y[3] == 1.0);
    char words[128];
    assert_int_equal(dataset_rows_summary(&t, &d, words, sizeof words), 0);
    assert_string_equal(words, "");
    dataset_free(&d);
    struct selection regression = {"x1", "x2", "answer", "setosa", "versicolor",
                                   false, "x1", "x2", 0, 0};
    assert_false(dataset_auto_classes(&t, &regression));
    assert_string_equal(regression.class_a, "setosa");
    table_free(&t);

    /* Sorted, not in order of appearance; numbers as numbers. */
    static const char yes_first[] = "x,y,c\nyes,1,yes\nno,2,no\n";
    static const char ten_first[] = "x,y,c\n1,1,10\n2,2,9\n3,3,10\n";
    assert_true(table_load_buffer("yes.csv", yes_first, sizeof yes_first - 1, &t, err,
                                  sizeof err));
    struct selection pick = {"y", "y", "c", "setosa", "versicolor", false, NULL, NULL, 0, 0};
    assert_true(dataset_auto_classes(&t, &pick));
    assert_string_equal(pick.class_a, "no");
    table_free(&t);
    assert_true(table_load_buffer("ten.csv", ten_first, sizeof ten_first - 1, &t, err,
                                  sizeof err));
    assert_true(dataset_auto_classes(&t, &pick));
    assert_string_equal(pick.class_a, "9");
    assert_string_equal(pick.class_b, "10");
    table_free(&t);

    /* Five labels: the classes stay as they were. */
    assert_true(table_load_file(typo_file, &t, err, sizeof err));
    struct selection five = {"x1", "x2", "answer", "no", "yes", false, NULL, NULL, 0, 0};
    assert_false(dataset_auto_classes(&t, &five));
    assert_string_equal(five.class_a, "no");
    assert_string_equal(five.class_b, "yes");
    table_free(&t);
}

static void test_rows_summary(void **state)
{
    (void)state;
    struct table t;
    struct dataset d;
    char err[ERR_SIZE] = "";
    char words[200];
    assert_true(table_load_file(typo_file, &t, err, sizeof err));
    struct selection sel = {"x1", "x2", "answer", "no", "yes", false, NULL, NULL, 0, 0};
    assert_true(dataset_select(&t, &sel, &d, err, sizeof err));
    assert_int_equal(dataset_rows_summary(&t, &d, words, sizeof words), 5);
    assert_string_equal(words, "kept 4 of 9 rows; dropped labels: Yes, maybe, N/A"
                        " and 1 more");
    assert_int_equal(dataset_rows_summary(&t, &d, words, 20), 5);
    assert_string_equal(words, "kept 4 of 9 rows; d"); /* cut, still a string */
    dataset_free(&d);
    table_free(&t);

    assert_true(table_load_file("data/iris.csv", &t, err, sizeof err));
    struct selection split = iris_default;
    split.test_fraction = 0.2; /* held-out rows are kept rows */
    assert_true(dataset_select(&t, &split, &d, err, sizeof err));
    assert_int_equal(dataset_rows_summary(&t, &d, words, sizeof words), 50);
    assert_string_equal(words, "kept 100 of 150 rows; dropped labels: virginica");
    dataset_free(&d);
    struct selection regression = {"sepal_length", "petal_length", "species", NULL,
                                   NULL, false, NULL, "petal_width", 0, 0};
    assert_true(dataset_select(&t, &regression, &d, err, sizeof err));
    assert_int_equal(dataset_rows_summary(&t, &d, words, sizeof words), 0);
    assert_string_equal(words, "");
    dataset_free(&d);
    table_free(&t);
}

/* The regression reference data: y = 3x - 2 within 0.05 (rounded to
 * three decimals), x = -2 .. 2. */
static void test_line_reference_data(void **state)
{
    (void)state;
    struct table t;
    char err[ERR_SIZE] = "";
    assert_true(table_load_file("tests/data/line_3x_minus_2.csv", &t, err, sizeof err));
    assert_int_equal(t.nrows, 21);
    const double *x = table_numbers(&t, 0), *y = table_numbers(&t, 1);
    for (size_t i = 0; i < t.nrows; i++) {
        assert_true(fabs(x[i] - (-2.0 + 0.2 * (double)i)) < 1e-12);
        assert_true(fabs(y[i] - (3.0 * x[i] - 2.0)) <= 0.0501);
    }
    table_free(&t);
}

/* The program's own path from options to the screen: a tab file without
 * --classes trains on its two labels, and the first notice of a file
 * that drops rows says so (the built-in Iris table's does not). */
static void test_session_and_notice(void **state)
{
    (void)state;
    static const char *tab_args[] = {"--data", tab_file, "--delimiter", "tab",
                                     "--x", "x1", "--y", "x2", "--label", "answer"};
    struct options o;
    support_parse(&o, 10, tab_args);
    assert_false(options_classes_given(&o));
    struct control *c = calloc(1, sizeof *c);
    assert_non_null(c);
    char err[ERR_SIZE] = "";
    if (!control_open(c, &o, err, sizeof err))
        fail_msg("%s", err);
    assert_string_equal(c->session.data->class_name[0], "no");
    assert_string_equal(c->session.data->class_name[1], "yes");
    assert_string_equal(c->notice, ""); /* nothing dropped */
    control_close(c);

    static const char *typo_args[] = {"--data", typo_file, "--x", "x1", "--y", "x2",
                                      "--label", "answer", "--classes", "no,yes"};
    support_parse(&o, 10, typo_args);
    assert_true(options_classes_given(&o));
    if (!control_open(c, &o, err, sizeof err))
        fail_msg("%s", err);
    assert_string_equal(c->notice, "kept 4 of 9 rows; dropped labels: Yes, maybe,"
                        " N/A and 1 more");
    control_close(c);

    support_parse(&o, 0, NULL);
    if (!control_open(c, &o, err, sizeof err))
        fail_msg("%s", err);
    assert_string_equal(c->notice, "");
    control_close(c);
    free(c);
}

/* Record files keep the delimiter, and leave out classes that were not
 * given, so that a replay finds the same two labels again. */
static void test_record_file(void **state)
{
    (void)state;
    static const char *args[] = {"--data", tab_file, "--delimiter", "tab",
                                 "--x", "x1", "--y", "x2", "--label", "answer"};
    struct options o;
    support_parse(&o, 10, args);
    char path[] = "/tmp/descent-test-own-data-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    char err[ERR_SIZE] = "";
    struct recorder rec;
    assert_true(recorder_open(&rec, path, &o, err, sizeof err));
    static const double zeros[3] = {0.0, 0.0, 0.0};
    struct record_event end = {.kind = RECORD_END, .epoch = 0, .nparams = 3,
                               .params = zeros};
    recorder_event(&rec, &end);
    assert_true(recorder_close(&rec, err, sizeof err));
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    char text[4096];
    size_t len = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[len] = '\0';
    assert_non_null(strstr(text, "\nset delimiter tab\n"));
    assert_null(strstr(text, "\nset classes "));
    struct recording r;
    if (!recording_load(path, &r, err, sizeof err))
        fail_msg("%s", err);
    unlink(path);
    struct options back;
    support_parse(&back, 0, NULL);
    recording_apply(&r, &back);
    assert_int_equal(back.delimiter, '\t');
    assert_false(options_classes_given(&back));
    assert_string_equal(back.selection.label_column, "answer");
    recording_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_semicolon_and_decimal_commas),
        cmocka_unit_test(test_tab_file),
        cmocka_unit_test(test_hint_names_the_option),
        cmocka_unit_test(test_semicolon_bad_number),
        cmocka_unit_test(test_number_scan_comma),
        cmocka_unit_test(test_auto_classes),
        cmocka_unit_test(test_rows_summary),
        cmocka_unit_test(test_line_reference_data),
        cmocka_unit_test(test_session_and_notice),
        cmocka_unit_test(test_record_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
