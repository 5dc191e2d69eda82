/* test_util.c - the shared helpers (util.h) against values worked out by
 * hand: the 1-2-5 ladder both ways, ranges, bit-equality, strict UTF-8
 * (every malformed kind refused), display widths and the on/off words. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "util.h"

static void test_ladder_step(void **state)
{
    (void)state;
    assert_true(util_ladder_step(0.5, 1) == 1.0);
    assert_true(util_ladder_step(1.0, 1) == 2.0);
    assert_true(util_ladder_step(2.0, 1) == 5.0);
    assert_true(util_ladder_step(5.0, 1) == 10.0);
    assert_true(util_ladder_step(0.1, -1) == 0.05);
    assert_true(util_ladder_step(0.05, -1) == 0.02);
    assert_true(util_ladder_step(0.3, 1) == 0.5);
    assert_true(util_ladder_step(0.3, -1) == 0.2);
    assert_true(util_ladder_step(1e-6, -1) == 5e-7);
    assert_true(util_ladder_step(0.2, -1) == 0.1);
    /* a rung is reached exactly: 0.1 is 1/10, not 1*0.1 */
    assert_true(util_ladder_step(0.2, -1) == 1.0 / 10.0);
    assert_true(isnan(util_ladder_step(NAN, 1)));
    assert_true(util_ladder_step(-1.0, 1) == -1.0);
}

static void test_ladder_at_least(void **state)
{
    (void)state;
    assert_true(util_ladder_at_least(0.2) == 0.2);
    assert_true(util_ladder_at_least(0.21) == 0.5);
    assert_true(util_ladder_at_least(3.0) == 5.0);
    assert_true(util_ladder_at_least(7.0) == 10.0);
    assert_true(util_ladder_at_least(10.0) == 10.0);
    assert_true(util_ladder_at_least(0.0) == 1.0);
    assert_true(util_ladder_at_least(INFINITY) == 1.0);
}

static void test_finite_range(void **state)
{
    (void)state;
    double v[] = {3.0, NAN, -2.0, INFINITY, 7.5, -INFINITY};
    double lo = 99, hi = 99;
    assert_true(util_finite_range(v, 6, &lo, &hi));
    assert_true(lo == -2.0 && hi == 7.5);
    double none[] = {NAN, INFINITY};
    lo = hi = 99;
    assert_false(util_finite_range(none, 2, &lo, &hi));
    assert_true(lo == 99 && hi == 99);
    assert_false(util_finite_range(v, 0, &lo, &hi));
}

static void test_same_bits(void **state)
{
    (void)state;
    assert_true(util_same_bits(1.5, 1.5));
    assert_false(util_same_bits(0.0, -0.0));
    assert_true(util_same_bits(NAN, NAN));
    assert_false(util_same_bits(1.0, nextafter(1.0, 2.0)));
}

static void test_utf8_decode(void **state)
{
    (void)state;
    uint32_t cp;
    assert_int_equal(util_utf8_decode("A", 1, &cp), 1);
    assert_int_equal(cp, 'A');
    assert_int_equal(util_utf8_decode("\xc3\xa9", 2, &cp), 2);
    assert_int_equal(cp, 0xE9);
    assert_int_equal(util_utf8_decode("\xe6\xbc\xa2", 3, &cp), 3);
    assert_int_equal(cp, 0x6F22);
    assert_int_equal(util_utf8_decode("\xf0\x9f\x98\x80", 4, &cp), 4);
    assert_int_equal(cp, 0x1F600);
    /* malformed: each gives 0 and U+FFFD */
    static const struct { const char *s; size_t n; } bad[] = {
        {"\x80", 1},              /* stray continuation */
        {"\xc3", 1},              /* truncated by n */
        {"\xc3\x41", 2},          /* not a continuation */
        {"\xc0\xaf", 2},          /* overlong '/' */
        {"\xe0\x80\xaf", 3},      /* overlong */
        {"\xed\xa0\x80", 3},      /* surrogate U+D800 */
        {"\xf4\x90\x80\x80", 4},  /* past U+10FFFF */
        {"\xff", 1},
        {"A", 0},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        cp = 0;
        assert_int_equal(util_utf8_decode(bad[i].s, bad[i].n, &cp), 0);
        assert_int_equal(cp, 0xFFFD);
    }
    assert_int_equal(util_utf8_decode("", 1, &cp), 1);
    assert_int_equal(cp, 0);
}

static void test_utf8_encode_round_trip(void **state)
{
    (void)state;
    static const uint32_t cps[] = {0x41, 0xE9, 0x7FF, 0x800, 0x6F22, 0xFFFF,
                                   0x10000, 0x1F600, 0x10FFFF};
    for (size_t i = 0; i < sizeof cps / sizeof cps[0]; i++) {
        char buf[4];
        uint32_t back;
        int n = util_utf8_encode(cps[i], buf);
        assert_int_equal(util_utf8_decode(buf, (size_t)n, &back), n);
        assert_int_equal(back, cps[i]);
    }
    char buf[4];
    assert_int_equal(util_utf8_encode(0xD800, buf), 3);
    assert_memory_equal(buf, "\xef\xbf\xbd", 3);
}

static void test_char_width(void **state)
{
    (void)state;
    assert_int_equal(util_char_width('a'), 1);
    assert_int_equal(util_char_width(0xE9), 1);      /* é */
    assert_int_equal(util_char_width(0x2800), 1);    /* braille */
    assert_int_equal(util_char_width(0x2500), 1);    /* box drawing */
    assert_int_equal(util_char_width(0x6F22), 2);    /* 漢 */
    assert_int_equal(util_char_width(0xAC00), 2);    /* 가 */
    assert_int_equal(util_char_width(0x3042), 2);    /* あ */
    assert_int_equal(util_char_width(0xFF21), 2);    /* fullwidth A */
    assert_int_equal(util_char_width(0x1F600), 2);   /* emoji */
    assert_int_equal(util_char_width(0x0301), 0);    /* combining acute */
    assert_int_equal(util_char_width(0x200B), 0);    /* zero width space */
}

static void test_on_off(void **state)
{
    (void)state;
    bool v = false;
    assert_true(util_parse_on_off("on", &v) && v);
    assert_true(util_parse_on_off("off", &v) && !v);
    v = true;
    assert_false(util_parse_on_off("ON", &v));
    assert_false(util_parse_on_off("", &v));
    assert_false(util_parse_on_off("onn", &v));
    assert_true(v);
}

static void test_now_ms_monotonic(void **state)
{
    (void)state;
    double a = util_now_ms();
    struct timespec ts = {0, 2000000};
    nanosleep(&ts, NULL);
    double b = util_now_ms();
    assert_true(b - a >= 1.9);
    assert_true(b - a < 5000.0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ladder_step),
        cmocka_unit_test(test_ladder_at_least),
        cmocka_unit_test(test_finite_range),
        cmocka_unit_test(test_same_bits),
        cmocka_unit_test(test_utf8_decode),
        cmocka_unit_test(test_utf8_encode_round_trip),
        cmocka_unit_test(test_char_width),
        cmocka_unit_test(test_on_off),
        cmocka_unit_test(test_now_ms_monotonic),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
