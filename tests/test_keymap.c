/* test_keymap.c - the key table: every key of docs/DESIGN.md "Keys" that does
 * something is bound once, each row is complete and printable, and lookups
 * agree with the table. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "keymap.h"

/* The keys the loop implements now and what they must do. */
static const struct {
    int key;
    enum action action;
} expected[] = {
    {' ', ACTION_PAUSE},       {'n', ACTION_EPOCH},
    {'.', ACTION_BATCH_STEP},  {'+', ACTION_LR_UP},
    {'-', ACTION_LR_DOWN},     {'l', ACTION_LOSS},
    {'a', ACTION_ACTIVATION},  {'b', ACTION_BATCH_UP},
    {'B', ACTION_BATCH_DOWN},  {']', ACTION_FASTER},
    {'[', ACTION_SLOWER},      {'r', ACTION_RESET},
    {'i', ACTION_INIT},        {'x', ACTION_X_FEATURE},
    {'y', ACTION_Y_FEATURE},   {'c', ACTION_CLASSES},
    {'g', ACTION_COST_SCALE},  {'u', ACTION_COST_UPDATES},
    {'d', ACTION_REGIONS},
    {'v', ACTION_VIEW},        {'w', ACTION_PAIR},
    {'t', ACTION_TEST},        {'m', ACTION_MESH},
    {'<', ACTION_TURN_LEFT},   {'>', ACTION_TURN_RIGHT},
    {'(', ACTION_TILT_DOWN},   {')', ACTION_TILT_UP},
    {'o', ACTION_OPTIMIZER},   {'f', ACTION_SURFACE},
    {'k', ACTION_KAPPA_UP},    {'K', ACTION_KAPPA_DOWN},
    {'R', ACTION_RACE},
    {'h', ACTION_HIDDEN},      {'H', ACTION_HIDDEN_ACTIVATION},
    {'j', ACTION_UNIT},
    {'F', ACTION_LR_FIND},     {KEY_CODE_ENTER, ACTION_LR_FIND_APPLY},
    {KEY_CODE_LEFT, ACTION_BACK},
    {KEY_CODE_RIGHT, ACTION_FORWARD}, {'L', ACTION_LESSON},
    {'s', ACTION_SAVE},
    {'?', ACTION_HELP},        {'q', ACTION_QUIT},
    {KEY_CODE_ESCAPE, ACTION_CLOSE},
    {'=', ACTION_LR_PROMPT},   {'z', ACTION_ZOOM},
};

static void test_lookup_expected_keys(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof expected / sizeof expected[0]; i++)
        assert_int_equal(keymap_lookup(expected[i].key), expected[i].action);
}

static void test_unbound_keys(void **state)
{
    (void)state;
    assert_int_equal(keymap_lookup('Z'), ACTION_NONE);
    assert_int_equal(keymap_lookup(0), ACTION_NONE);
    assert_int_equal(keymap_lookup(-1), ACTION_NONE);
    assert_int_equal(keymap_lookup(KEY_CODE_UP), ACTION_NONE);
    assert_int_equal(keymap_lookup(KEY_CODE_MOUSE), ACTION_NONE);
    assert_int_equal(keymap_lookup('Q'), ACTION_NONE);
}

static void test_rows_complete_and_unique(void **state)
{
    (void)state;
    size_t n = 0;
    const struct key_binding *t = keymap_table(&n);
    assert_non_null(t);
    assert_int_equal(n, sizeof expected / sizeof expected[0]);
    for (size_t i = 0; i < n; i++) {
        assert_non_null(t[i].label);
        assert_non_null(t[i].help);
        assert_true(strlen(t[i].label) > 0 && strlen(t[i].label) <= 5);
        assert_true(strlen(t[i].help) > 0 && strlen(t[i].help) <= 28); /* fits the overlay at 80x24 */
        assert_true(t[i].action > ACTION_NONE && t[i].action < ACTION_COUNT);
        /* help text is plain ASCII so it reads in any locale */
        for (const char *p = t[i].help; *p; p++)
            assert_true(*p >= 0x20 && *p < 0x7f);
        for (size_t j = 0; j < i; j++)
            assert_int_not_equal(t[i].key, t[j].key);
        assert_int_equal(keymap_lookup(t[i].key), t[i].action);
    }
}

/* Labels name keys both ways (record files store keys by label). */
static void test_labels_round_trip(void **state)
{
    (void)state;
    size_t n = 0;
    const struct key_binding *t = keymap_table(&n);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(keymap_key_of_label(t[i].label), t[i].key);
        assert_string_equal(keymap_label(t[i].key), t[i].label);
        for (const char *p = t[i].label; *p; p++)
            assert_true(*p > 0x20 && *p < 0x7f); /* one token, ASCII */
    }
    assert_int_equal(keymap_key_of_label("nope"), -1);
    assert_null(keymap_label('Z'));
}

/* Esc never quits: it closes the help, the = prompt or a zoom. */
static void test_table_order_starts_with_space_ends_with_quit(void **state)
{
    (void)state;
    size_t n = 0;
    const struct key_binding *t = keymap_table(&n);
    assert_string_equal(t[0].label, "space");
    assert_int_equal(t[n - 2].action, ACTION_QUIT);
    assert_string_equal(t[n - 2].label, "q");
    assert_int_equal(t[n - 1].action, ACTION_CLOSE);
    assert_string_equal(t[n - 1].label, "Esc");
    assert_non_null(keymap_table(NULL));
}

/* The label of the key doing an action: what notices and the status line
 * print; the first row wins (q before Esc), "?" for an action no key does. */
static void test_label_for_action(void **state)
{
    (void)state;
    assert_string_equal(keymap_label_for(ACTION_LR_DOWN), "-");
    assert_string_equal(keymap_label_for(ACTION_RESET), "r");
    assert_string_equal(keymap_label_for(ACTION_HELP), "?");
    assert_string_equal(keymap_label_for(ACTION_PAUSE), "space");
    assert_string_equal(keymap_label_for(ACTION_FORWARD), "Right");
    assert_string_equal(keymap_label_for(ACTION_QUIT), "q");
    assert_string_equal(keymap_label_for(ACTION_MESH), "m");
    assert_string_equal(keymap_label_for(ACTION_TURN_LEFT), "<");
    assert_string_equal(keymap_label_for(ACTION_TILT_UP), ")");
    assert_string_equal(keymap_label_for(ACTION_LR_FIND), "F");
    assert_string_equal(keymap_label_for(ACTION_LR_FIND_APPLY), "Enter");
    assert_string_equal(keymap_label_for(ACTION_NONE), "?");
    assert_string_equal(keymap_label_for(ACTION_COUNT), "?");
    for (size_t i = 0; i < sizeof expected / sizeof expected[0]; i++) {
        const char *label = keymap_label_for(expected[i].action);
        assert_int_equal(keymap_lookup(keymap_key_of_label(label)), expected[i].action);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lookup_expected_keys),
        cmocka_unit_test(test_unbound_keys),
        cmocka_unit_test(test_rows_complete_and_unique),
        cmocka_unit_test(test_labels_round_trip),
        cmocka_unit_test(test_table_order_starts_with_space_ends_with_quit),
        cmocka_unit_test(test_label_for_action),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
