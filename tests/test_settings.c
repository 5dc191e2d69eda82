/* test_settings.c - cmocka tests of the settings table (settings.h) and
 * the command line built on it (options.c): the table's own rules (names
 * once, scopes, formats that read back), options_parse called again and
 * again in one process, explicit marks by row, and the count parser's
 * bounds. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "network.h"
#include "neuron.h"
#include "optimizer.h"
#include "options.h"
#include "schedule.h"
#include "settings.h"
#include "surface.h"
#include "theme.h"
#include "trainer.h"

#define ERR_SIZE 512

/* Parses the words (argv[0] added); the result of options_parse. */
static bool parse_words(struct options *o, char *err, size_t n,
                        const char *const *words)
{
    char *argv[32];
    char text[32][64];
    assert_true(n < 31);
    strcpy(text[0], "descent");
    argv[0] = text[0];
    for (size_t i = 0; i < n; i++) {
        snprintf(text[i + 1], sizeof text[i + 1], "%s", words[i]);
        argv[i + 1] = text[i + 1];
    }
    argv[n + 1] = NULL;
    bool ok = options_parse((int)n + 1, argv, o, err, ERR_SIZE);
    /* o may point into argv: keep only what the tests read. */
    o->record_path = o->replay_path = o->lesson_arg = NULL;
    return ok;
}

#define PARSE(o, err, ...) \
    parse_words(o, err, sizeof (const char *[]){__VA_ARGS__} / sizeof(const char *), \
                (const char *[]){__VA_ARGS__})

static void test_table_rules(void **state)
{
    (void)state;
    size_t count;
    const struct setting *rows = settings_table(&count);
    assert_true(count > 20 && count <= OPTIONS_SETTINGS_MAX);
    struct options d, o;
    options_defaults(&d);
    for (size_t i = 0; i < count; i++) {
        const struct setting *s = &rows[i];
        for (size_t j = 0; j < i; j++)
            if (strcmp(rows[j].name, s->name) == 0)
                fail_msg("%s is in the table twice", s->name);
        assert_ptr_equal(settings_find(s->name), s);
        assert_int_equal(settings_index(s), i);
        assert_true(s->offset + s->size <= sizeof(struct options));
        assert_true(s->help && s->help[0]);
        /* A record file needs to write what it stores; its format reads
         * back through its parse to the same bytes. */
        if (s->scope & SCOPE_RECORD)
            assert_non_null(s->format);
        char text[4096], why[256];
        if (s->format && s->format(s, &d, text, sizeof text)) {
            options_defaults(&o);
            if (!s->parse(s, &o, text, why, sizeof why))
                fail_msg("%s: default \"%s\" does not read back: %s", s->name, text, why);
            char again[4096];
            assert_true(s->format(s, &o, again, sizeof again));
            assert_string_equal(again, text);
        }
    }
    assert_null(settings_find("speed"));
    assert_null(settings_find(""));
}

/* Values that are not the defaults read back to the same bits. */
static void test_format_round_trip(void **state)
{
    (void)state;
    struct options o, back;
    char err[ERR_SIZE];
    assert_true(PARSE(&o, err, "--lr", "0.30000000000000004", "--batch", "7",
                      "--seed", "18446744073709551615", "--start", "1e-300,-0",
                      "--classes", "a b,c", "--epochs", "281474976710656",
                      "--standardize", "--activation", "relu"));
    options_defaults(&back);
    size_t count;
    const struct setting *rows = settings_table(&count);
    for (size_t i = 0; i < count; i++) {
        char text[4096], why[256];
        if (!(rows[i].scope & SCOPE_RECORD) || !rows[i].format(&rows[i], &o, text, sizeof text))
            continue;
        if (!rows[i].parse(&rows[i], &back, text, why, sizeof why))
            fail_msg("%s: \"%s\": %s", rows[i].name, text, why);
    }
    assert_memory_equal(&back.train.lr, &o.train.lr, sizeof o.train.lr);
    assert_int_equal(back.train.batch, 7);
    assert_true(back.train.seed == UINT64_MAX);
    assert_int_equal(back.train.activation, o.train.activation);
    assert_memory_equal(&back.start_x, &o.start_x, sizeof o.start_x);
    assert_memory_equal(&back.start_y, &o.start_y, sizeof o.start_y); /* -0 */
    assert_string_equal(back.selection.class_a, "a b");
    assert_string_equal(back.selection.class_b, "c");
    assert_int_equal(back.epochs, (size_t)1 << 48);
    assert_true(back.selection.standardize);
}

/* The modules' own spellings of the named values, by index. */
static const char *activation_at(int i) { return activation_name((enum activation)i); }
static const char *loss_at(int i) { return loss_name((enum loss)i); }
static const char *init_at(int i) { return init_name((enum init)i); }
static const char *hidden_at(int i) { return hidden_activation_name((enum hidden_activation)i); }
static const char *theme_at(int i) { return theme_name((enum theme)i); }
static const char *surface_at(int i) { return surface_name((enum surface_kind)i); }
static const char *optimizer_at(int i) { return optimizer_name((enum optimizer_kind)i); }
static const char *schedule_at(int i) { return schedule_name((enum schedule_kind)i); }

/* name with the case of its first letter turned. */
static void turn_case(const char *name, char *out, size_t size)
{
    snprintf(out, size, "%s", name);
    out[0] = (char)(out[0] >= 'a' && out[0] <= 'z' ? out[0] - 'a' + 'A' : out[0] - 'A' + 'a');
}

/* Each named-value option reads every name its module spells (from
 * the module's *_name function) to that enum value and writes it back
 * the same; the neuron's and the hidden layer's names in any case, the
 * lab's and the theme's only as written; anything else is refused with
 * the row's complaint. */
static void test_name_lists(void **state)
{
    (void)state;
    static const struct {
        const char *option;
        const char *(*name)(int);
        int first, count;
        bool any_case;
    } named[] = {
        {"activation", activation_at, 0, ACT_COUNT, true},
        {"loss", loss_at, 0, LOSS_COUNT, true},
        {"init", init_at, 0, INIT_COUNT, true},
        {"hidden-activation", hidden_at, 0, HIDDEN_COUNT, true},
        {"theme", theme_at, THEME_DARK, THEME_COUNT, false},
        {"surface", surface_at, 0, SURFACE_COUNT, false},
        {"optimizer", optimizer_at, 0, OPTIMIZER_COUNT, false},
        {"schedule", schedule_at, 0, SCHEDULE_COUNT, false},
    };
    for (size_t k = 0; k < sizeof named / sizeof named[0]; k++) {
        const struct setting *s = settings_find(named[k].option);
        assert_non_null(s);
        assert_int_equal(s->size, sizeof(int));
        struct options o;
        char why[256], text[64], want[256];
        for (int v = named[k].first; v < named[k].count; v++) {
            const char *name = named[k].name(v);
            options_defaults(&o);
            if (!s->parse(s, &o, name, why, sizeof why))
                fail_msg("--%s %s: %s", s->name, name, why);
            int got;
            memcpy(&got, (const char *)&o + s->offset, sizeof got);
            assert_int_equal(got, v);
            if (s->format && s->format(s, &o, text, sizeof text))
                assert_string_equal(text, name);
            else /* only the theme (not recorded) and the default tanh */
                assert_true(s->format == NULL || (k == 3 && v == HIDDEN_TANH));
            turn_case(name, text, sizeof text);
            options_defaults(&o);
            assert_int_equal(s->parse(s, &o, text, why, sizeof why), named[k].any_case);
            if (named[k].any_case) {
                memcpy(&got, (const char *)&o + s->offset, sizeof got);
                assert_int_equal(got, v);
            } else {
                snprintf(want, sizeof want, "\"%s\" %s", text, s->complaint);
                assert_string_equal(why, want);
            }
        }
        assert_false(s->parse(s, &o, "nope", why, sizeof why));
        snprintf(want, sizeof want, "\"nope\" %s", s->complaint);
        assert_string_equal(why, want);
        assert_false(s->parse(s, &o, "", why, sizeof why));
    }
    struct options o;
    char why[256];
    const struct setting *theme = settings_find("theme");
    assert_false(theme->parse(theme, &o, "detect", why, sizeof why));
    assert_string_equal(why, "\"detect\" is not dark, light or mono");
}

/* options_parse again and again: nothing of an earlier call is left, not
 * even after an error in the middle of the words. */
static void test_parse_repeatedly(void **state)
{
    (void)state;
    struct options o;
    char err[ERR_SIZE];
    for (int round = 0; round < 3; round++) {
        assert_false(PARSE(&o, err, "--lr", "0.1", "-xq", "--headless"));
        assert_string_equal(err, "unknown option \"-x\" (see --help)");
        assert_false(PARSE(&o, err, "--headless", "--lr"));
        assert_string_equal(err, "option \"--lr\" needs a value (see --help)");
        assert_false(PARSE(&o, err, "--lr", "0.1", "stray", "--epochs", "3"));
        assert_string_equal(err, "unexpected argument \"stray\" (see --help)");
        assert_true(PARSE(&o, err, "--headless"));
        assert_int_equal(o.mode, MODE_HEADLESS);
        assert_true(o.train.lr == 0.5);
        assert_int_equal(o.epochs, 100);
        assert_false(options_explicit(&o, "lr"));
        assert_true(options_explicit(&o, "headless"));
        assert_true(PARSE(&o, err, "--epochs=7", "--dump-frame", "80x24", "--lr=2"));
        assert_int_equal(o.mode, MODE_DUMP_FRAME);
        assert_int_equal(o.epochs, 7);
        assert_int_equal(o.dump_width, 80);
        assert_int_equal(o.dump_height, 24);
        assert_true(o.train.lr == 2.0);
        assert_true(options_explicit(&o, "epochs"));
        assert_false(options_explicit(&o, "headless"));
        assert_false(PARSE(&o, err, "--bowl"));
        assert_string_equal(err, "--bowl goes with --headless (see --help)");
        assert_false(PARSE(&o, err, "--headless", "--dump-frame", "2x2"));
        assert_string_equal(err, "--headless and --dump-frame cannot be combined (see --help)");
        assert_false(PARSE(&o, err, "--frobnicate"));
        assert_string_equal(err, "unknown option \"--frobnicate\" (see --help)");
    }
}

/* A lesson's settings come back to their defaults row by row; the
 * command line's stay. */
static void test_clear_lesson(void **state)
{
    (void)state;
    struct options o;
    char err[ERR_SIZE], why[256];
    assert_true(PARSE(&o, err, "--seed", "9", "--headless"));
    assert_int_equal(options_set(&o, "seed", "4", why, sizeof why), SETTING_OK);
    assert_int_equal(options_set(&o, "classes", "p,q", why, sizeof why), SETTING_OK);
    assert_int_equal(options_set(&o, "start", "1,2", why, sizeof why), SETTING_OK);
    assert_int_equal(options_set(&o, "view", "landscape", why, sizeof why), SETTING_OK);
    assert_int_equal(options_set(&o, "epochs", "5", why, sizeof why), SETTING_OK);
    assert_int_equal(options_set(&o, "data", "builtin:xor", why, sizeof why), SETTING_OK);
    options_clear_lesson(&o);
    assert_int_equal(o.train.seed, 4); /* explicit: the lesson cannot undo it */
    assert_string_equal(o.selection.class_a, "setosa");
    assert_string_equal(o.selection.class_b, "versicolor");
    assert_true(o.start_x == 5.0 && o.start_y == 5.0);
    assert_false(o.landscape);
    assert_int_equal(o.epochs, 100);
    assert_null(o.data_path);
}

static void test_parse_count(void **state)
{
    (void)state;
    uint64_t v = 42;
    assert_true(settings_parse_count("0", 0, 10, &v));
    assert_int_equal(v, 0);
    assert_true(settings_parse_count("18446744073709551615", 0, UINT64_MAX, &v));
    assert_true(v == UINT64_MAX);
    v = 42;
    assert_false(settings_parse_count("18446744073709551616", 0, UINT64_MAX, &v));
    assert_false(settings_parse_count("281474976710657", 0, SETTINGS_EPOCHS_MAX, &v));
    assert_true(settings_parse_count("281474976710656", 0, SETTINGS_EPOCHS_MAX, &v));
    assert_true(v == (uint64_t)1 << 48);
    v = 42;
    assert_false(settings_parse_count("", 0, 10, &v));
    assert_false(settings_parse_count(NULL, 0, 10, &v));
    assert_false(settings_parse_count("+1", 0, 10, &v));
    assert_false(settings_parse_count(" 1", 0, 10, &v));
    assert_false(settings_parse_count("1 ", 0, 10, &v));
    assert_false(settings_parse_count("0", 1, 10, &v));
    assert_false(settings_parse_count("11", 1, 10, &v));
    assert_int_equal(v, 42);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_table_rules),
        cmocka_unit_test(test_format_round_trip),
        cmocka_unit_test(test_name_lists),
        cmocka_unit_test(test_parse_repeatedly),
        cmocka_unit_test(test_clear_lesson),
        cmocka_unit_test(test_parse_count),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
