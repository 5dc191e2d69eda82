/* test_generate.c - the generated data sets (generate.h): for each, the
 * header, the row count, the class balance, the value ranges and the
 * shape's own rule with no noise, and an FNV-1a checksum of the CSV bytes
 * for a fixed seed that tests/reference/generate_reference.py (Python,
 * written from the formulas in generate.c's opening comment) computes
 * independently. Bad names, sizes and noise are refused word for word. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "generate.h"

#define MAX_ROWS 1001

/* A generated set read back: the header and up to three numbers a row. */
struct table {
    char header[32];
    size_t rows;
    size_t columns;
    double v[MAX_ROWS][3];
};

static uint64_t fnv1a(const char *s, size_t n)
{
    uint64_t h = 0xcbf29ce484222325u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3u;
    }
    return h;
}

static char *make(const char *name, size_t points, double noise, uint64_t seed, size_t *len)
{
    char *text = NULL;
    char err[200] = "";
    assert_true(generate_csv(name, points, noise, seed, &text, len, err, sizeof err));
    assert_non_null(text);
    assert_int_equal(strlen(text), *len);
    assert_true(*len > 0 && text[*len - 1] == '\n');
    return text;
}

/* Reads the CSV back with strtod; every line has the header's columns. */
static void load(const char *name, size_t points, double noise, uint64_t seed,
                 struct table *t)
{
    size_t len;
    char *text = make(name, points, noise, seed, &len);
    const char *p = strchr(text, '\n');
    assert_non_null(p);
    assert_true((size_t)(p - text) < sizeof t->header);
    memcpy(t->header, text, (size_t)(p - text));
    t->header[p - text] = '\0';
    t->columns = 1;
    for (const char *c = t->header; *c; c++)
        t->columns += *c == ',';
    t->rows = 0;
    p++;
    while (*p) {
        assert_true(t->rows < MAX_ROWS);
        for (size_t c = 0; c < t->columns; c++) {
            char *end;
            t->v[t->rows][c] = strtod(p, &end);
            assert_true(end > p);
            assert_true(isfinite(t->v[t->rows][c]));
            assert_int_equal(*end, c + 1 < t->columns ? ',' : '\n');
            p = end + 1;
        }
        t->rows++;
    }
    free(text);
}

static struct table tab;

static void count_labels(size_t *zeros, size_t *ones)
{
    *zeros = *ones = 0;
    for (size_t i = 0; i < tab.rows; i++) {
        assert_true(tab.v[i][2] == 0.0 || tab.v[i][2] == 1.0);
        if (tab.v[i][2] == 0.0)
            ++*zeros;
        else
            ++*ones;
    }
}

static void test_checksums(void **state)
{
    (void)state;
    static const struct {
        const char *name;
        uint64_t sum;
    } want[] = {
        {"circle", 0x763eb1ef5d774089u}, {"xor", 0xd1af1a43b0bca29bu},
        {"gauss", 0x33c730a5cd66e47fu},  {"spiral", 0x7a955a09bfb22a3cu},
        {"line", 0x74ba1e2c84b55712u},   {"plane", 0x1ad34f8ca7538bdcu},
    };
    for (size_t k = 0; k < sizeof want / sizeof want[0]; k++) {
        size_t len;
        char *text = make(want[k].name, 200, 0.1, 1, &len);
        assert_true(fnv1a(text, len) == want[k].sum);
        free(text);
        /* another seed, other rows */
        text = make(want[k].name, 200, 0.1, 2, &len);
        assert_true(fnv1a(text, len) != want[k].sum);
        free(text);
    }
}

static void test_headers_and_counts(void **state)
{
    (void)state;
    const char *two_class[] = {"circle", "xor", "gauss", "spiral"};
    for (size_t k = 0; k < 4; k++) {
        load(two_class[k], 200, 0.0, 5, &tab);
        assert_string_equal(tab.header, "x1,x2,label");
        assert_int_equal(tab.rows, 200);
        load(two_class[k], 1, 0.3, 5, &tab);
        assert_int_equal(tab.rows, 1);
    }
    load("line", 37, 0.2, 5, &tab);
    assert_string_equal(tab.header, "x1,y");
    assert_int_equal(tab.rows, 37);
    load("plane", 1000, 0.2, 5, &tab);
    assert_string_equal(tab.header, "x1,x2,y");
    assert_int_equal(tab.rows, 1000);
}

static void test_circle(void **state)
{
    (void)state;
    size_t zeros, ones;
    load("circle", 201, 0.0, 3, &tab);
    count_labels(&zeros, &ones);
    assert_int_equal(zeros, 101); /* label 0 first, the odd row its own */
    assert_int_equal(ones, 100);
    for (size_t i = 0; i < tab.rows; i++) {
        double r = hypot(tab.v[i][0], tab.v[i][1]);
        if (i < 101) {
            assert_true(tab.v[i][2] == 0.0);
            assert_true(r >= 3.5 - 1e-12 && r <= 5.0 + 1e-12);
        } else {
            assert_true(tab.v[i][2] == 1.0);
            assert_true(r <= 2.5);
        }
    }
    /* noise flips labels near the rim, never moves a point */
    load("circle", 400, 0.5, 3, &tab);
    count_labels(&zeros, &ones);
    assert_true(zeros > 200 && ones < 200);
    for (size_t i = 0; i < tab.rows; i++)
        assert_true(hypot(tab.v[i][0], tab.v[i][1]) <= 5.0 + 1e-12);
}

static void test_xor(void **state)
{
    (void)state;
    size_t zeros, ones;
    load("xor", 1000, 0.0, 4, &tab);
    count_labels(&zeros, &ones);
    assert_true(zeros > 400 && ones > 400);
    for (size_t i = 0; i < tab.rows; i++) {
        double x = tab.v[i][0], y = tab.v[i][1];
        assert_true(fabs(x) >= 0.3 && fabs(x) <= 5.3);
        assert_true(fabs(y) >= 0.3 && fabs(y) <= 5.3);
        assert_true(tab.v[i][2] == (x * y >= 0 ? 1.0 : 0.0));
    }
    /* with noise some labels disagree with the quadrant */
    load("xor", 1000, 0.5, 4, &tab);
    size_t flipped = 0;
    for (size_t i = 0; i < tab.rows; i++)
        flipped += tab.v[i][2] != (tab.v[i][0] * tab.v[i][1] >= 0 ? 1.0 : 0.0);
    assert_true(flipped > 50 && flipped < 500);
}

/* The clouds' means and variances: 0.5 without noise, 4 at noise 0.5. */
static void check_gauss(double noise, double variance)
{
    size_t zeros, ones;
    load("gauss", 1000, noise, 9, &tab);
    count_labels(&zeros, &ones);
    assert_int_equal(zeros, 500);
    assert_int_equal(ones, 500);
    for (int label = 0; label < 2; label++) {
        double centre = label ? 2.0 : -2.0;
        double sum = 0, sum2 = 0;
        for (size_t i = 0; i < 500; i++) {
            double x = tab.v[(size_t)label * 500 + i][0];
            assert_true(tab.v[(size_t)label * 500 + i][2] == label);
            sum += x;
            sum2 += (x - centre) * (x - centre);
        }
        double sd = sqrt(variance);
        assert_true(fabs(sum / 500 - centre) < 4 * sd / sqrt(500.0));
        assert_true(fabs(sum2 / 500 / variance - 1.0) < 0.2);
    }
}

static void test_gauss(void **state)
{
    (void)state;
    check_gauss(0.0, 0.5);
    check_gauss(0.5, 4.0);
}

static void test_spiral(void **state)
{
    (void)state;
    size_t zeros, ones;
    const double pi = 3.14159265358979323846;
    load("spiral", 200, 0.0, 6, &tab);
    count_labels(&zeros, &ones);
    assert_int_equal(zeros, 100);
    assert_int_equal(ones, 100);
    for (size_t i = 0; i < tab.rows; i++) {
        size_t j = i % 100;
        double r = (double)j / 100.0 * 5.0;
        double t = 1.75 * (double)j / 100.0 * 2.0 * pi + (i < 100 ? pi : 0.0);
        assert_true(fabs(tab.v[i][0] - r * sin(t)) < 1e-13);
        assert_true(fabs(tab.v[i][1] - r * cos(t)) < 1e-13);
    }
    load("spiral", 200, 0.5, 6, &tab);
    for (size_t i = 0; i < tab.rows; i++) {
        double r = (double)(i % 100) / 100.0 * 5.0;
        double d = hypot(tab.v[i][0], tab.v[i][1]) - r;
        assert_true(fabs(d) <= 0.5 * sqrt(2.0) + 1e-12);
    }
}

static void test_regression(void **state)
{
    (void)state;
    load("line", 300, 0.0, 8, &tab);
    for (size_t i = 0; i < tab.rows; i++) {
        assert_true(fabs(tab.v[i][0]) <= 6.0);
        assert_true(tab.v[i][1] == 3.0 * tab.v[i][0] - 2.0);
    }
    load("line", 300, 0.5, 8, &tab);
    for (size_t i = 0; i < tab.rows; i++)
        assert_true(fabs(tab.v[i][1] - (3.0 * tab.v[i][0] - 2.0)) <= 9.0 + 1e-12);
    load("plane", 300, 0.0, 8, &tab);
    for (size_t i = 0; i < tab.rows; i++) {
        assert_true(fabs(tab.v[i][0]) <= 6.0 && fabs(tab.v[i][1]) <= 6.0);
        assert_true(tab.v[i][2] == (tab.v[i][0] + tab.v[i][1]) / 10.0);
    }
}

static void test_errors(void **state)
{
    (void)state;
    char *text = NULL;
    size_t len = 0;
    char err[200];
    assert_false(generate_csv("moons", 10, 0, 1, &text, &len, err, sizeof err));
    assert_string_equal(err, "gen:moons: unknown generated data set (known: circle, xor, "
                             "gauss, spiral, line, plane)");
    assert_false(generate_csv("circle", 0, 0, 1, &text, &len, err, sizeof err));
    assert_string_equal(err, "--points: 0 is not between 1 and 1000000");
    assert_false(generate_csv("circle", 1000001, 0, 1, &text, &len, err, sizeof err));
    assert_string_equal(err, "--points: 1000001 is not between 1 and 1000000");
    assert_false(generate_csv("circle", 10, 0.6, 1, &text, &len, err, sizeof err));
    assert_string_equal(err, "--noise: 0.6 is not between 0 and 0.5");
    assert_false(generate_csv("circle", 10, -0.1, 1, &text, &len, err, sizeof err));
    assert_string_equal(err, "--noise: -0.1 is not between 0 and 0.5");
    assert_false(generate_csv("circle", 10, NAN, 1, &text, &len, err, sizeof err));
    assert_string_equal(err, "--noise: nan is not between 0 and 0.5");
    assert_null(text);
    assert_string_equal(generate_names(), "circle, xor, gauss, spiral, line, plane");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_checksums),
        cmocka_unit_test(test_headers_and_counts),
        cmocka_unit_test(test_circle),
        cmocka_unit_test(test_xor),
        cmocka_unit_test(test_gauss),
        cmocka_unit_test(test_spiral),
        cmocka_unit_test(test_regression),
        cmocka_unit_test(test_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
