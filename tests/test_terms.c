/* test_terms.c - the --features grammar (terms.h): every accepted form
 * with blanks, every complaint word for word, term values against numbers
 * worked out by hand, powers bit for bit equal to the left-to-right
 * product, and the columns a list uses in first-use order. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "rng.h"
#include "terms.h"
#include "util.h"

static const char *const names[] = {"x1", "x2", "petal length", "y"};
#define NCOLS 4

static struct term_list list;
static char err[256];

static bool parse(const char *text)
{
    err[0] = '\0';
    return terms_parse(text, names, NCOLS, &list, err, sizeof err);
}

static void expect_error(const char *text, const char *message)
{
    assert_false(parse(text));
    assert_string_equal(err, message);
    assert_int_equal(list.count, 0);
}

static void test_plain_columns(void **state)
{
    (void)state;
    assert_true(parse("x1,x2"));
    assert_int_equal(list.count, 2);
    assert_int_equal(list.term[0].count, 1);
    assert_int_equal(list.term[0].factor[0].kind, FACTOR_COLUMN);
    assert_int_equal(list.term[0].factor[0].column, 0);
    assert_int_equal(list.term[1].factor[0].column, 1);
    assert_string_equal(list.term[0].text, "x1");
    assert_string_equal(list.term[1].text, "x2");
}

static void test_every_form(void **state)
{
    (void)state;
    assert_true(parse("x1*x2,x1^2,sin(x2),x1^3*sin(y)*x2"));
    assert_int_equal(list.count, 4);
    const struct term *t = list.term;
    assert_int_equal(t[0].count, 2);
    assert_int_equal(t[0].factor[1].column, 1);
    assert_int_equal(t[1].count, 1);
    assert_int_equal(t[1].factor[0].kind, FACTOR_POWER);
    assert_int_equal(t[1].factor[0].power, 2);
    assert_int_equal(t[2].factor[0].kind, FACTOR_SIN);
    assert_int_equal(t[2].factor[0].column, 1);
    assert_int_equal(t[3].count, 3);
    assert_int_equal(t[3].factor[0].kind, FACTOR_POWER);
    assert_int_equal(t[3].factor[0].power, 3);
    assert_int_equal(t[3].factor[1].kind, FACTOR_SIN);
    assert_int_equal(t[3].factor[1].column, 3);
    assert_int_equal(t[3].factor[2].column, 1);
    assert_string_equal(t[3].text, "x1^3*sin(y)*x2");
}

static void test_blanks(void **state)
{
    (void)state;
    /* blanks around terms, factors, '^' and inside sin( ): ignored; a
     * name's inner blank is part of the name */
    assert_true(parse(" x1 * x2 ,\tx1 ^ 2, sin( petal length ) ,petal length"));
    assert_int_equal(list.count, 4);
    assert_string_equal(list.term[0].text, "x1 * x2");
    assert_int_equal(list.term[1].factor[0].power, 2);
    assert_int_equal(list.term[2].factor[0].kind, FACTOR_SIN);
    assert_int_equal(list.term[2].factor[0].column, 2);
    assert_int_equal(list.term[3].factor[0].column, 2);
    assert_string_equal(list.term[2].text, "sin( petal length )");
    expect_error("petal  length", "--features: unknown column \"petal  length\" in term \"petal  length\"");
}

static void test_every_power(void **state)
{
    (void)state;
    char text[16];
    for (unsigned k = 2; k <= 9; k++) {
        snprintf(text, sizeof text, "x1^%u", k);
        assert_true(parse(text));
        assert_int_equal(list.term[0].factor[0].power, k);
    }
}

static void test_errors(void **state)
{
    (void)state;
    expect_error("x1*x3", "--features: unknown column \"x3\" in term \"x1*x3\"");
    expect_error("x1,X2", "--features: unknown column \"X2\" in term \"X2\"");
    expect_error("x1^10", "--features: term \"x1^10\": the power must be 2 to 9");
    expect_error("x1^1", "--features: term \"x1^1\": the power must be 2 to 9");
    expect_error("x1^0", "--features: term \"x1^0\": the power must be 2 to 9");
    expect_error("x1^-2", "--features: term \"x1^-2\": the power must be 2 to 9");
    expect_error("x1^", "--features: term \"x1^\": the power must be 2 to 9");
    expect_error("x1^2^3", "--features: term \"x1^2^3\": the power must be 2 to 9");
    expect_error("x1^a", "--features: term \"x1^a\": the power must be 2 to 9");
    expect_error("^2", "--features: empty factor in term \"^2\"");
    expect_error("x3^2", "--features: unknown column \"x3\" in term \"x3^2\"");
    expect_error("x1,,x2", "--features: empty term (number 2 in the list)");
    expect_error("", "--features: empty term (number 1 in the list)");
    expect_error("x1, ", "--features: empty term (number 2 in the list)");
    expect_error(",x1", "--features: empty term (number 1 in the list)");
    expect_error("x1**x2", "--features: empty factor in term \"x1**x2\"");
    expect_error("x1*", "--features: empty factor in term \"x1*\"");
    expect_error("sin()", "--features: empty factor in term \"sin()\"");
    expect_error("sin( )", "--features: empty factor in term \"sin( )\"");
    expect_error("sin(x3)", "--features: unknown column \"x3\" in term \"sin(x3)\"");
    expect_error("cos(x1)", "--features: term \"cos(x1)\": a factor is COL, COL^K or sin(COL)");
    expect_error("sin(x1", "--features: term \"sin(x1\": a factor is COL, COL^K or sin(COL)");
    expect_error("sin x1)", "--features: term \"sin x1)\": a factor is COL, COL^K or sin(COL)");
    expect_error("sin(x1)^2", "--features: term \"sin(x1)^2\": a factor is COL, COL^K or sin(COL)");
    expect_error("sin((x1))", "--features: term \"sin((x1))\": a factor is COL, COL^K or sin(COL)");
    expect_error("(x1)", "--features: term \"(x1)\": a factor is COL, COL^K or sin(COL)");
    expect_error("x1*x1*x1*x1*x1*x1*x1*x1*x1",
                 "--features: term \"x1*x1*x1*x1*x1*x1*x1*x1*x1\": more than 8 factors");
}

static void test_limits(void **state)
{
    (void)state;
    char text[TERMS_MAX * 3 + 8] = "";
    for (int i = 0; i < TERMS_MAX; i++)
        strcat(text, i ? ",x1" : "x1");
    assert_true(parse(text));
    assert_int_equal(list.count, TERMS_MAX);
    strcat(text, ",x2");
    expect_error(text, "--features: more than 64 terms");
    assert_true(parse("x1*x1*x1*x1*x1*x1*x1*x1"));
    assert_int_equal(list.term[0].count, TERM_FACTORS_MAX);
    char longer[200];
    memset(longer, 'a', 127);
    longer[127] = '\0';
    const char *big[] = {longer};
    assert_true(terms_parse(longer, big, 1, &list, err, sizeof err));
    assert_string_equal(list.term[0].text, longer);
    memset(longer, 'a', 128);
    longer[128] = '\0';
    assert_false(terms_parse(longer, big, 1, &list, err, sizeof err));
    assert_string_equal(err, "--features: term \"aaaaaaaaaaaaaaaaaaaa...\" is longer than 127 bytes");
}

static void test_special_names(void **state)
{
    (void)state;
    const char *odd[] = {"a", "b", "a*b", "f(x)", "p^2", "c,d", "e)"};
    struct term_list l;
    char e[256];
    assert_false(terms_parse("a*b*c", odd, 7, &l, e, sizeof e));
    assert_string_equal(e, "--features: column \"a*b\" cannot be used in a term: its name contains \"*\"");
    assert_false(terms_parse("f(x)", odd, 7, &l, e, sizeof e));
    assert_string_equal(e, "--features: column \"f(x)\" cannot be used in a term: its name contains \"(\"");
    assert_false(terms_parse("a,p^2", odd, 7, &l, e, sizeof e));
    assert_string_equal(e, "--features: column \"p^2\" cannot be used in a term: its name contains \"^\"");
    assert_false(terms_parse("c,d", odd, 7, &l, e, sizeof e));
    assert_string_equal(e, "--features: column \"c,d\" cannot be used in a term: its name contains \",\"");
    assert_false(terms_parse("a,e)", odd, 7, &l, e, sizeof e));
    assert_string_equal(e, "--features: column \"e)\" cannot be used in a term: its name contains \")\"");
    /* the grammar's own reading stands when it is valid */
    assert_true(terms_parse("a*b", odd, 7, &l, e, sizeof e));
    assert_int_equal(l.term[0].count, 2);
}

static void test_values(void **state)
{
    (void)state;
    const double row[NCOLS] = {1.5, -2.0, 0.25, 3.0};
    assert_true(parse("x1,x1*x2,x2^3,sin(y),x1^2*x2*petal length"));
    assert_true(term_value(&list.term[0], row) == 1.5);
    assert_true(term_value(&list.term[1], row) == -3.0);
    assert_true(term_value(&list.term[2], row) == -8.0);
    assert_true(util_same_bits(term_value(&list.term[3], row), sin(3.0)));
    assert_true(term_value(&list.term[4], row) == -1.125); /* 2.25 * -2 * 0.25 */
}

/* x^K is x*x*...*x left to right, bit for bit, for every K and values
 * whose products round. */
static void test_power_bits(void **state)
{
    (void)state;
    struct rng r;
    rng_seed(&r, 7);
    char text[16];
    for (unsigned k = 2; k <= 9; k++) {
        snprintf(text, sizeof text, "x2^%u", k);
        assert_true(parse(text));
        for (int i = 0; i < 1000; i++) {
            double row[NCOLS] = {0, rng_unit(&r) * 20.0 - 10.0, 0, 0};
            double want = row[1];
            for (unsigned j = 1; j < k; j++)
                want = want * row[1];
            assert_true(util_same_bits(term_value(&list.term[0], row), want));
        }
    }
    /* products left to right: (a*b)*c, not a*(b*c) */
    assert_true(parse("x1*x2*y"));
    const double row[NCOLS] = {0.1, 0.7, 0, 0.3};
    double left = (0.1 * 0.7) * 0.3;
    assert_false(util_same_bits(left, 0.1 * (0.7 * 0.3)));
    assert_true(util_same_bits(term_value(&list.term[0], row), left));
}

static void test_columns(void **state)
{
    (void)state;
    size_t cols[8];
    assert_true(parse("y*x2,x2^2,sin(y),x1*y,x2"));
    assert_int_equal(terms_columns(&list, cols, 8), 3);
    assert_int_equal(cols[0], 3);
    assert_int_equal(cols[1], 1);
    assert_int_equal(cols[2], 0);
    assert_int_equal(terms_columns(&list, cols, 2), 2);
    assert_int_equal(cols[0], 3);
    assert_int_equal(cols[1], 1);
}

static void test_factor_names(void **state)
{
    (void)state;
    char name[32];
    assert_true(parse(" sin( petal length ) * x2 ^ 3*y , x1"));
    term_factor_name(&list.term[0], 0, name, sizeof name);
    assert_string_equal(name, "petal length");
    term_factor_name(&list.term[0], 1, name, sizeof name);
    assert_string_equal(name, "x2");
    term_factor_name(&list.term[0], 2, name, sizeof name);
    assert_string_equal(name, "y");
    term_factor_name(&list.term[0], 3, name, sizeof name);
    assert_string_equal(name, "");
    term_factor_name(&list.term[1], 0, name, sizeof name);
    assert_string_equal(name, "x1");
    term_factor_name(&list.term[0], 0, name, 4);
    assert_string_equal(name, "pet");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain_columns),
        cmocka_unit_test(test_every_form),
        cmocka_unit_test(test_blanks),
        cmocka_unit_test(test_every_power),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_limits),
        cmocka_unit_test(test_special_names),
        cmocka_unit_test(test_values),
        cmocka_unit_test(test_power_bits),
        cmocka_unit_test(test_columns),
        cmocka_unit_test(test_factor_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
