/* test_theme.c - the themes (theme.h) against the styles the views draw
 * (views_internal.h's roles): in light, no white or yellow foreground
 * and no dim anywhere, so the separating line, the descent path, both
 * classes, the arrows and the axes stay visible on a light background;
 * the classes keep apart; dark shows every style as drawn; mono keeps
 * the attributes and drops every colour; COLORFGBG's detection and the
 * names --theme takes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "theme.h"
#include "../src/views_internal.h"

static bool legible_on_light(struct style st)
{
    return st.fg != COLOUR_WHITE && st.fg != COLOUR_YELLOW && !(st.attr & ATTR_DIM);
}

static void test_light_roles(void **state)
{
    (void)state;
    const struct style roles[] = {STYLE_LINE, STYLE_PATH, STYLE_CLASS0, STYLE_CLASS1,
                                  STYLE_ARROW, STYLE_DIM, STYLE_POINT, STYLE_COST};
    for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++)
        assert_true(legible_on_light(theme_style(THEME_LIGHT, roles[i])));
    /* the roles that were white, yellow or dim really are drawn so: the
     * test above means something */
    assert_int_equal(STYLE_LINE.fg, COLOUR_WHITE);
    assert_int_equal(STYLE_CLASS1.fg, COLOUR_YELLOW);
    assert_true(STYLE_DIM.attr & ATTR_DIM);
    /* the line and path black (bold kept), the classes two colours */
    assert_int_equal(theme_style(THEME_LIGHT, STYLE_LINE).fg, COLOUR_BLACK);
    assert_true(theme_style(THEME_LIGHT, STYLE_PATH).attr & ATTR_BOLD);
    assert_int_not_equal(theme_style(THEME_LIGHT, STYLE_CLASS0).fg,
                         theme_style(THEME_LIGHT, STYLE_CLASS1).fg);
    /* every style at all: never white, yellow or dim in light */
    for (int fg = 0; fg < COLOUR_COUNT; fg++)
        for (int attr = 0; attr < 16; attr++) {
            struct style st = {(unsigned char)fg, COLOUR_DEFAULT, (unsigned char)attr};
            assert_true(legible_on_light(theme_style(THEME_LIGHT, st)));
        }
}

static void test_dark_and_mono(void **state)
{
    (void)state;
    for (int fg = 0; fg < COLOUR_COUNT; fg++)
        for (int bg = 0; bg < COLOUR_COUNT; bg++)
            for (int attr = 0; attr < 16; attr++) {
                struct style st = {(unsigned char)fg, (unsigned char)bg,
                                   (unsigned char)attr};
                struct style d = theme_style(THEME_DARK, st);
                assert_true(d.fg == fg && d.bg == bg && d.attr == attr);
                d = theme_style(THEME_DETECT, st);
                assert_true(d.fg == fg && d.bg == bg && d.attr == attr);
                struct style m = theme_style(THEME_MONO, st);
                assert_true(m.fg == COLOUR_DEFAULT && m.bg == COLOUR_DEFAULT &&
                            m.attr == attr);
            }
}

static void test_detect(void **state)
{
    (void)state;
    assert_int_equal(theme_detect(NULL), THEME_DARK);
    assert_int_equal(theme_detect(""), THEME_DARK);
    assert_int_equal(theme_detect("15;0"), THEME_DARK);
    assert_int_equal(theme_detect("0;15"), THEME_LIGHT);
    assert_int_equal(theme_detect("0;7"), THEME_LIGHT);
    assert_int_equal(theme_detect("0;default;15"), THEME_LIGHT);
    assert_int_equal(theme_detect("7;8"), THEME_DARK);
    assert_int_equal(theme_detect("default;default"), THEME_DARK);
    assert_int_equal(theme_detect("0;15x"), THEME_DARK);
    assert_int_equal(theme_detect("15"), THEME_DARK);
}

static void test_names(void **state)
{
    (void)state;
    enum theme t = THEME_DETECT;
    for (int i = THEME_DARK; i < THEME_COUNT; i++) {
        assert_true(theme_parse(theme_name((enum theme)i), &t));
        assert_int_equal(t, i);
    }
    assert_false(theme_parse("detect", &t));
    assert_false(theme_parse("Light", &t));
    assert_false(theme_parse(NULL, &t));
    assert_string_equal(theme_name(THEME_LIGHT), "light");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_light_roles),
        cmocka_unit_test(test_dark_and_mono),
        cmocka_unit_test(test_detect),
        cmocka_unit_test(test_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
