/* test_lesson.c - cmocka tests of the lessons (src/lesson.c) and of the
 * options they set (src/options.c): every file of the corpus in
 * tests/data/lessons with its exact message (see the README there), good
 * files read to the last setting, every built-in lesson parsed, applied and
 * identical to its file in assets/lessons, the command line winning over a
 * lesson, and the built-in tables. Run from the repository root. */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtin.h"
#include "dataset.h"
#include "lesson.h"
#include "options.h"

#define ERR_SIZE 1024
#define CORPUS "tests/data/lessons/"

static const char settings_list[] =
    "caption, data, delimiter, x, y, label, classes, standardize, features, target, test, points, noise, activation, loss, lr, "
    "batch, shuffle, init, hidden, hidden-activation, weights, seed, epochs, epochs-per-frame, view, regions, per-update, surface, kappa, "
    "optimizer, momentum, rho, beta1, beta2, eps, schedule, decay, decay-every, race, "
    "lr-find-range, lr-find-steps, start";

/* ---------------------------------------------------------------------
 * The bad corpus: each file and its exact message.
 * ------------------------------------------------------------------- */

struct bad_case {
    const char *file;
    const char *expected; /* after "tests/data/lessons/FILE" */
};

static const struct bad_case bad_cases[] = {
    {"bad_empty.lesson", ":1: empty file"},
    {"bad_no_caption.lesson", ":3: no caption (a lesson needs \"caption = what to watch\")"},
    {"bad_comments_only.lesson", ":3: no caption (a lesson needs \"caption = what to watch\")"},
    {"bad_missing_equals.lesson", ":3: no \"=\" (a line is \"key = value\" or a # comment)"},
    {"bad_no_key.lesson", ":2: no setting name before \"=\""},
    {"bad_unknown_key.lesson", NULL}, /* built below: the settings list */
    {"bad_command_line_only.lesson", ":2: \"headless\" is a command-line option, not a lesson setting"},
    {"bad_nested_lesson.lesson", ":2: \"lesson\" is a command-line option, not a lesson setting"},
    {"bad_value.lesson", ":4: lr: \"fast\" is not a positive number"},
    {"bad_value_batch.lesson", ":2: batch: \"0\" is not a whole number >= 1 or \"full\""},
    {"bad_builtin_data.lesson", ":2: data: \"builtin:nand\" is not a built-in table (builtin:and, builtin:or, builtin:xor, builtin:iris)"},
    {"bad_standardize.lesson", ":2: standardize: \"yes\" is not on or off"},
    {"bad_classes.lesson", ":2: classes: \"setosa\" is not two class names as A,B"},
    {"bad_column_too_long.lesson", ":2: x: \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...\" is too long (255 bytes at most)"},
    {"bad_no_value.lesson", ":2: lr has no value"},
    {"bad_duplicate.lesson", ":4: lr is set twice (first on line 2)"},
    {"bad_three_captions.lesson", ":3: a third caption line (two at most)"},
    {"bad_caption_long.lesson", ":1: caption line is 71 columns wide (70 at most; a wide character such as CJK counts 2)"},
    {"bad_caption_long_utf8.lesson", ":2: caption line is 71 columns wide (70 at most; a wide character such as CJK counts 2)"},
    {"bad_caption_wide.lesson", ":1: caption line is 71 columns wide (70 at most; a wide character such as CJK counts 2)"},
    {"bad_caption_bytes.lesson", ":1: caption line is 281 bytes long (280 at most)"},
    {"bad_caption_empty.lesson", ":1: caption has no text"},
    {"bad_not_utf8.lesson", ":1: not UTF-8 text"},
    {"bad_control.lesson", ":2: control character 0x01 (not text)"},
    {"bad_nul.lesson", ":2: control character 0x00 (not text)"},
    {"bad_crlf_value.lesson", ":3: loss: \"hinge\" is not one of MSE, MAE, BCE"},
};
#define BAD_COUNT (sizeof bad_cases / sizeof bad_cases[0])

static struct lesson *new_lesson(void)
{
    struct lesson *l = malloc(sizeof *l);
    assert_non_null(l);
    return l;
}

static void test_bad_corpus(void **state)
{
    (void)state;
    struct lesson *l = new_lesson();
    for (size_t i = 0; i < BAD_COUNT; i++) {
        char path[256], expected[ERR_SIZE], err[ERR_SIZE] = "";
        snprintf(path, sizeof path, CORPUS "%s", bad_cases[i].file);
        if (bad_cases[i].expected)
            snprintf(expected, sizeof expected, "%s%s", path, bad_cases[i].expected);
        else
            snprintf(expected, sizeof expected,
                     "%s:3: unknown setting \"speed\" (settings: %s)", path,
                     settings_list);
        bool ok = lesson_find(path, l, err, sizeof err);
        if (ok || strcmp(err, expected) != 0)
            fail_msg("%s:\n  got  %s\n  want %s", path, ok ? "(accepted)" : err,
                     expected);
    }
    free(l);
}

/* Every bad_*.lesson of the corpus has its case above (and so a message). */
static void test_corpus_complete(void **state)
{
    (void)state;
    DIR *d = opendir(CORPUS);
    assert_non_null(d);
    struct dirent *e;
    size_t files = 0;
    while ((e = readdir(d)) != NULL) {
        if (strncmp(e->d_name, "bad_", 4) != 0)
            continue;
        files++;
        bool found = false;
        for (size_t i = 0; i < BAD_COUNT; i++)
            found |= strcmp(bad_cases[i].file, e->d_name) == 0;
        if (!found)
            fail_msg("%s has no case in test_lesson.c", e->d_name);
    }
    closedir(d);
    assert_int_equal(files, BAD_COUNT);
}

static void expect_find_error(const char *name, const char *expected)
{
    struct lesson *l = new_lesson();
    char err[ERR_SIZE] = "";
    assert_false(lesson_find(name, l, err, sizeof err));
    assert_string_equal(err, expected);
    free(l);
}

static void test_unreadable(void **state)
{
    (void)state;
    expect_find_error(CORPUS "no_such.lesson",
                      CORPUS "no_such.lesson: cannot open: No such file or directory");
    expect_find_error("tests/data/lessons", "tests/data/lessons: is a directory");
    expect_find_error("tests/data/lessons/", "tests/data/lessons/: is a directory");

    char path[] = "/tmp/descent-lesson-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    assert_non_null(f);
    fputs("caption = big\n", f);
    for (int i = 0; i < LESSON_FILE_MAX; i += 8)
        fputs("# ......\n", f);
    fclose(f);
    char expected[256];
    snprintf(expected, sizeof expected, "%s: too large for a lesson (%d bytes at most)",
             path, LESSON_FILE_MAX);
    expect_find_error(path, expected);
    remove(path);
}

static void test_unknown_lesson(void **state)
{
    (void)state;
    char expected[ERR_SIZE] = "unknown lesson \"nope\" (lessons:";
    for (size_t i = 0; i < lesson_count(); i++) {
        size_t used = strlen(expected);
        snprintf(expected + used, sizeof expected - used, "%s %s", i ? "," : "",
                 lesson_name_at(i));
    }
    strcat(expected, ")");
    expect_find_error("nope", expected);
    assert_null(lesson_name_at(lesson_count()));
}

/* Messages from text in memory, one case per rule, without files. */
static void test_parse_rules(void **state)
{
    (void)state;
    static const struct {
        const char *text, *expected;
    } cases[] = {
        {"caption = c\nlr = 0.5 # a comment?\n", "t:2: lr: \"0.5 # a comment?\" is not a positive number"},
        {"caption = c\n  = \n", "t:2: no setting name before \"=\""},
        {"caption = c\nLR = 0.5\n", NULL},
        {"caption = c\nepochs = -1\n", "t:2: epochs: \"-1\" is not a whole number from 0 to 2^48"},
        {"caption = c\nseed = 1.5\n", "t:2: seed: \"1.5\" is not a whole number >= 0"},
        {"caption = c\nstart = 1\n", "t:2: start: \"1\" is not two numbers as X,Y"},
        {"caption = c\nepochs-per-frame = 0\n", "t:2: epochs-per-frame: \"0\" is not a whole number from 1 to 65536"},
        {"caption = c\ninit = ones\n", "t:2: init: \"ones\" is not zeros or uniform"},
        {"caption = c\nactivation = tanh\n", "t:2: activation: \"tanh\" is not one of sigmoid, linear, relu, step"},
        {"caption = c\nshuffle = yes\n", "t:2: shuffle: \"yes\" is not on or off"},
        {"caption = c\nevery = 2\n", "t:2: \"every\" is a command-line option, not a lesson setting"},
        {"caption = c\nascii = on\n", "t:2: \"ascii\" is a command-line option, not a lesson setting"},
        {"caption = c\nlr = 0.1\nlr = 0.1\n", "t:3: lr is set twice (first on line 2)"},
        {"caption = c\ncaption = \xed\xa0\x80\n", "t:2: not UTF-8 text"},   /* a surrogate */
        {"caption = c\ncaption = \xc0\xaf\n", "t:2: not UTF-8 text"},       /* overlong */
        {"caption = c\ncaption = \xe2\x82\n", "t:2: not UTF-8 text"},       /* cut short */
        {"caption = c\ncaption = a\x7f\n", "t:2: control character 0x7f (not text)"},
        {"\n\n", "t:2: no caption (a lesson needs \"caption = what to watch\")"},
        {"\xef\xbb\xbf", "t:1: no caption (a lesson needs \"caption = what to watch\")"},
    };
    struct lesson *l = new_lesson();
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char err[ERR_SIZE] = "", expected[ERR_SIZE];
        if (cases[i].expected)
            snprintf(expected, sizeof expected, "%s", cases[i].expected);
        else
            snprintf(expected, sizeof expected,
                     "t:2: unknown setting \"LR\" (settings: %s)", settings_list);
        bool ok = lesson_parse("t", "t", NULL, cases[i].text, strlen(cases[i].text),
                               l, err, sizeof err);
        if (ok || strcmp(err, expected) != 0)
            fail_msg("case %zu:\n  got  %s\n  want %s", i, ok ? "(accepted)" : err,
                     expected);
    }
    /* A long key is unknown, shown cut. */
    char text[256], err[ERR_SIZE];
    snprintf(text, sizeof text, "caption = c\n%s = 1\n",
             "a_very_long_setting_name_beyond_32_bytes_here");
    assert_false(lesson_parse("t", "t", NULL, text, strlen(text), l, err, sizeof err));
    assert_non_null(strstr(err, "t:2: unknown setting \"a_very_long_setting_name_beyond_..."));
    free(l);
}

/* ---------------------------------------------------------------------
 * Good files.
 * ------------------------------------------------------------------- */

static struct lesson *find_ok(const char *name)
{
    struct lesson *l = new_lesson();
    char err[ERR_SIZE] = "";
    if (!lesson_find(name, l, err, sizeof err))
        fail_msg("%s: %s", name, err);
    return l;
}

static const char *value_of(const struct lesson *l, const char *key)
{
    for (size_t i = 0; i < l->settings; i++)
        if (strcmp(l->key[i], key) == 0)
            return l->value[i];
    return NULL;
}

static void test_every_setting(void **state)
{
    (void)state;
    struct lesson *l = find_ok(CORPUS "ok_every_setting.lesson");
    assert_string_equal(l->name, "ok_every_setting");
    assert_string_equal(l->source, CORPUS "ok_every_setting.lesson");
    assert_string_equal(l->caption[0], "every setting");
    assert_string_equal(l->caption[1], "# not a comment: a caption may hold a hash");
    assert_int_equal(l->settings, 16);
    assert_string_equal(value_of(l, "epochs-per-frame"), "8");
    assert_int_equal(l->line[0], 4);

    struct options o;
    options_defaults(&o);
    o.mode = MODE_HEADLESS;
    char err[ERR_SIZE] = "";
    assert_true(lesson_apply(l, &o, err, sizeof err));
    assert_string_equal(o.data_path, "builtin:and");
    assert_string_equal(o.selection.x_column, "x1");
    assert_string_equal(o.selection.y_column, "x2");
    assert_string_equal(o.selection.label_column, "y");
    assert_string_equal(o.selection.class_a, "0");
    assert_string_equal(o.selection.class_b, "1");
    assert_false(o.selection.standardize);
    assert_int_equal(o.train.activation, ACT_LINEAR);
    assert_int_equal(o.train.loss, LOSS_MAE);
    assert_true(o.train.lr == 0.25);
    assert_int_equal(o.train.batch, 2);
    assert_false(o.train.shuffle);
    assert_int_equal(o.train.init, INIT_UNIFORM);
    assert_int_equal(o.train.seed, 42);
    assert_int_equal(o.epochs, 17);
    assert_int_equal(o.epochs_per_frame, 8);
    assert_true(o.start_x == -3.0 && o.start_y == 4.5);
    assert_string_equal(o.lesson_name, "ok_every_setting");
    assert_string_equal(o.caption[0], "every setting");
    free(l);
}

static void test_bom_crlf(void **state)
{
    (void)state;
    struct lesson *l = find_ok(CORPUS "ok_bom_crlf.lesson");
    assert_string_equal(l->caption[0], "the bowl at lr 0.2, x\xc2\xb2 + y\xc2\xb2");
    assert_int_equal(strlen(l->caption[1]), 140); /* 70 two-byte letters */
    assert_int_equal(l->settings, 2);
    assert_string_equal(value_of(l, "lr"), "0.2");
    assert_string_equal(value_of(l, "batch"), "full");
    assert_int_equal(l->line[1], 7);
    free(l);

    l = find_ok(CORPUS "ok_no_final_newline.lesson");
    assert_string_equal(value_of(l, "lr"), "2");
    assert_string_equal(l->caption[1], "");
    free(l);
}

/* The caption rule: 70 columns, a CJK character counting 2, 280 bytes. */
static void test_wide_caption(void **state)
{
    (void)state;
    struct lesson *l = find_ok(CORPUS "ok_cjk_caption.lesson");
    assert_int_equal(strlen(l->caption[0]), 35 * 3);
    assert_memory_equal(l->caption[0], "\xe4\xb8\x80", 3); /* U+4E00 first */
    assert_int_equal(strlen(l->caption[1]), 70);

    /* Applied, the options hold the whole line. */
    struct options o;
    char err[ERR_SIZE];
    options_defaults(&o);
    assert_true(lesson_apply(l, &o, err, sizeof err));
    assert_string_equal(o.caption[0], l->caption[0]);
    free(l);
}

static void test_relative_data(void **state)
{
    (void)state;
    struct lesson *l = find_ok(CORPUS "ok_relative_data.lesson");
    assert_string_equal(value_of(l, "data"), CORPUS "tables/t.csv");
    free(l);

    l = new_lesson();
    char err[ERR_SIZE];
    const char *text = "caption = c\ndata = /abs/t.csv\n";
    assert_true(lesson_parse("d/x.lesson", "x", "d", text, strlen(text), l, err,
                             sizeof err));
    assert_string_equal(value_of(l, "data"), "/abs/t.csv");
    text = "caption = c\ndata = builtin:or\n";
    assert_true(lesson_parse("d/x.lesson", "x", "d", text, strlen(text), l, err,
                             sizeof err));
    assert_string_equal(value_of(l, "data"), "builtin:or");
    free(l);
}

/* ---------------------------------------------------------------------
 * The built-in lessons.
 * ------------------------------------------------------------------- */

static size_t characters(const char *text)
{
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++)
        n += (*p & 0xc0) != 0x80;
    return n;
}

static void test_builtins(void **state)
{
    (void)state;
    assert_true(lesson_count() >= 8);
    for (size_t i = 0; i < lesson_count(); i++) {
        const char *name = lesson_name_at(i);
        struct lesson *l = find_ok(name);
        assert_string_equal(l->name, name);
        for (const char *p = name; *p; p++)
            if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-'))
                fail_msg("%s: not kebab-case", name);
        /* The author's two lines fit an 80-column screen as written:
         * "lesson NAME: " and the first, then the second (views.c). */
        if (7 + strlen(name) + 2 + characters(l->caption[0]) > 78 ||
            characters(l->caption[1]) > 78)
            fail_msg("%s: a caption line is too wide for 80 columns", name);
        assert_true(l->caption[1][0] != '\0');
        /* Data only from the tables compiled in or generated: lessons
         * run anywhere. */
        const char *data = value_of(l, "data");
        const char *text;
        size_t len;
        if (data && !builtin_table(data, &text, &len)
            && strncmp(data, GENERATE_PREFIX, strlen(GENERATE_PREFIX)) != 0)
            fail_msg("%s: data = %s is not built in", name, data);

        struct options o;
        options_defaults(&o);
        char err[ERR_SIZE] = "";
        if (!lesson_apply(l, &o, err, sizeof err))
            fail_msg("%s: %s", name, err);
        assert_string_equal(o.lesson_name, name);
        assert_string_equal(o.caption[0], l->caption[0]);

        /* Compiled in byte for byte from assets/lessons/NAME.lesson. */
        char path[256];
        snprintf(path, sizeof path, "assets/lessons/%s.lesson", name);
        FILE *f = fopen(path, "rb");
        assert_non_null(f);
        static char file[LESSON_FILE_MAX + 1];
        size_t n = fread(file, 1, sizeof file, f);
        fclose(f);
        assert_int_equal(n, builtin_lessons[i].len);
        assert_memory_equal(file, builtin_lessons[i].text, n);
        free(l);
    }
}

/* Every assets/lessons/NAME.lesson is built in. */
static void test_every_asset_built_in(void **state)
{
    (void)state;
    DIR *d = opendir("assets/lessons");
    assert_non_null(d);
    struct dirent *e;
    size_t files = 0;
    while ((e = readdir(d)) != NULL) {
        size_t len = strlen(e->d_name);
        if (len < 8 || strcmp(e->d_name + len - 7, ".lesson") != 0)
            continue;
        files++;
        bool found = false;
        for (size_t i = 0; i < lesson_count(); i++)
            found |= strlen(lesson_name_at(i)) == len - 7 &&
                     strncmp(lesson_name_at(i), e->d_name, len - 7) == 0;
        if (!found)
            fail_msg("assets/lessons/%s is not in the Makefile's LESSONS", e->d_name);
    }
    closedir(d);
    assert_int_equal(files, lesson_count());
}

static void test_list(void **state)
{
    (void)state;
    char *text = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&text, &size);
    assert_non_null(out);
    char err[ERR_SIZE];
    assert_true(lesson_list(out, err, sizeof err));
    fclose(out);
    size_t lines = 0;
    for (char *p = text; *p; p++)
        lines += *p == '\n';
    assert_int_equal(lines, lesson_count());
    assert_true(strncmp(text, "bowl-smooth        lr 0.1: ", 27) == 0);
    free(text);
}

/* ---------------------------------------------------------------------
 * The command line and a lesson.
 * ------------------------------------------------------------------- */

static bool parse(struct options *o, char *err, int argc, ...)
{
    static char program[] = "descent";
    char *argv[32];
    va_list ap;
    va_start(ap, argc);
    argv[0] = program;
    for (int i = 1; i < argc; i++)
        argv[i] = va_arg(ap, char *);
    va_end(ap);
    argv[argc] = NULL;
    if (!options_parse(argc, argv, o, err, ERR_SIZE))
        return false;
    return o->mode == MODE_HELP || o->mode == MODE_LESSON_LIST ||
           lesson_use(o, err, ERR_SIZE);
}

static void test_command_line_wins(void **state)
{
    (void)state;
    struct options o;
    char err[ERR_SIZE] = "";
    assert_true(parse(&o, err, 6, "--headless", "--lesson", "unscaled-slow", "--lr", "0.2"));
    assert_int_equal(o.mode, MODE_HEADLESS);
    assert_true(o.train.lr == 0.2);
    assert_int_equal(o.epochs, 300);   /* the lesson's */
    assert_string_equal(o.lesson_name, "unscaled-slow");
    assert_string_equal(o.caption[0], "raw sepal sizes: slow going");
    assert_true(options_explicit(&o, "lr"));
    assert_false(options_explicit(&o, "epochs"));
    assert_true(parse(&o, err, 4, "--headless", "--lesson", "bowl-diverges"));
    assert_int_equal(o.epochs, 100);   /* the headless default */
    assert_true(o.train.lr == 1.1);
    assert_false(options_explicit(&o, "lr"));

    /* Given before or after --lesson, the option wins. */
    assert_true(parse(&o, err, 5, "--epochs", "5", "--lesson", "standardized-fast"));
    assert_int_equal(o.mode, MODE_TUI);
    assert_int_equal(o.epochs, 5);
    assert_true(o.selection.standardize);
    assert_true(parse(&o, err, 4, "--lesson", "standardized-fast", "--standardize=off"));
    assert_false(o.selection.standardize);
    assert_string_equal(o.selection.x_column, "sepal_length");
    assert_string_equal(o.selection.y_column, "sepal_width");

    /* Without --lesson: no caption, epochs by mode. */
    assert_true(parse(&o, err, 2, "--standardize"));
    assert_true(o.selection.standardize);
    assert_string_equal(o.lesson_name, "");
    assert_string_equal(o.caption[0], "");
    assert_int_equal(o.epochs, 0);

    assert_true(parse(&o, err, 3, "--lesson", "list"));
    assert_int_equal(o.mode, MODE_LESSON_LIST);
    assert_true(parse(&o, err, 4, "--lesson", "nope", "--help"));
    assert_int_equal(o.mode, MODE_HELP);

    assert_false(parse(&o, err, 3, "--lesson", CORPUS "bad_value.lesson"));
    assert_string_equal(err, CORPUS "bad_value.lesson:4: lr: \"fast\" is not a positive number");
    assert_false(parse(&o, err, 3, "--standardize=maybe", "--headless"));
    assert_string_equal(err, "--standardize: \"maybe\" is not on or off (see --help)");
    assert_false(parse(&o, err, 3, "--data", "builtin:"));
    assert_string_equal(err, "--data: \"builtin:\" is not a built-in table (builtin:and, "
                             "builtin:or, builtin:xor, builtin:iris) (see --help)");
}

/* A second lesson leaves nothing of the first (the L key's way). */
static void test_next_lesson(void **state)
{
    (void)state;
    struct options o;
    char err[ERR_SIZE] = "";
    assert_true(parse(&o, err, 5, "--lesson", "xor-impossible", "--seed", "9"));
    assert_string_equal(o.data_path, "builtin:xor");
    assert_int_equal(o.train.loss, LOSS_BCE);
    assert_int_equal(o.train.init, INIT_UNIFORM);
    assert_int_equal(o.train.seed, 9);

    struct lesson *l = find_ok("bowl-smooth");
    assert_true(lesson_apply(l, &o, err, sizeof err));
    assert_null(o.data_path);
    assert_string_equal(o.selection.x_column, "sepal_length");
    assert_string_equal(o.selection.class_b, "versicolor");
    assert_int_equal(o.train.loss, LOSS_MSE);
    assert_int_equal(o.train.init, INIT_ZEROS);
    assert_int_equal(o.train.seed, 9);   /* still the command line's */
    assert_true(o.train.lr == 0.1);
    assert_int_equal(o.epochs, 0);     /* xor's 1000 is gone */
    assert_string_equal(o.lesson_name, "bowl-smooth");
    assert_string_equal(o.caption[1],
                        "Each step keeps 0.8 of x and y: 5, 4, 3.2, ... Press + for bigger.");

    options_clear_lesson(&o);
    assert_string_equal(o.lesson_name, "");
    assert_true(o.train.lr == 0.5);
    assert_int_equal(o.epochs, 0);

    /* A setting the options reject: the place, and no half-applied lesson. */
    snprintf(l->key[0], sizeof l->key[0], "lr");
    snprintf(l->value[0], sizeof l->value[0], "-1");
    l->line[0] = 7;
    l->settings = 1;
    assert_false(lesson_apply(l, &o, err, sizeof err));
    assert_string_equal(err, "bowl-smooth.lesson (built in):7: lr: \"-1\" is not a positive number");
    assert_string_equal(o.lesson_name, "");
    free(l);
}

static void test_options_set(void **state)
{
    (void)state;
    struct options o;
    options_defaults(&o);
    char why[256] = "untouched";
    assert_int_equal(options_set(&o, "speed", "1", why, sizeof why), SETTING_UNKNOWN);
    assert_int_equal(options_set(&o, "headless", "", why, sizeof why),
                     SETTING_COMMAND_LINE_ONLY);
    assert_string_equal(why, "untouched");
    assert_int_equal(options_set(&o, "lr", "0", why, sizeof why), SETTING_BAD_VALUE);
    assert_string_equal(why, "\"0\" is not a positive number");
    assert_int_equal(options_set(&o, "standardize", "on", why, sizeof why), SETTING_OK);
    assert_true(o.selection.standardize);
    assert_int_equal(options_set(&o, "batch", "full", why, sizeof why), SETTING_OK);
    assert_int_equal(o.train.batch, 0);
    assert_false(options_explicit(&o, "batch"));
    assert_string_equal(options_setting_names(), settings_list + strlen("caption, "));
}

static void test_builtin_tables(void **state)
{
    (void)state;
    const char *text = NULL;
    size_t len = 0;
    assert_true(builtin_table("builtin:xor", &text, &len));
    assert_int_equal(len, strlen("x1,x2,y\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n"));
    assert_memory_equal(text, "x1,x2,y\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n", len);
    assert_true(builtin_table("builtin:and", &text, &len));
    assert_true(builtin_table("builtin:or", &text, &len));
    assert_true(builtin_table("builtin:iris", &text, &len));
    assert_ptr_equal(text, iris_csv);
    text = NULL;
    assert_false(builtin_table("xor", &text, &len));
    assert_false(builtin_table("builtin:nand", &text, &len));
    assert_false(builtin_table(NULL, &text, &len));
    assert_null(text);
    assert_string_equal(builtin_table_names(),
                        "builtin:and, builtin:or, builtin:xor, builtin:iris");

    /* They load as tables. */
    struct table t;
    char err[ERR_SIZE];
    assert_true(builtin_table("builtin:or", &text, &len));
    assert_true(table_load_buffer("builtin:or", text, len, &t, err, sizeof err));
    assert_int_equal(t.nrows, 4);
    table_free(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bad_corpus),
        cmocka_unit_test(test_corpus_complete),
        cmocka_unit_test(test_unreadable),
        cmocka_unit_test(test_unknown_lesson),
        cmocka_unit_test(test_parse_rules),
        cmocka_unit_test(test_every_setting),
        cmocka_unit_test(test_bom_crlf),
        cmocka_unit_test(test_wide_caption),
        cmocka_unit_test(test_relative_data),
        cmocka_unit_test(test_builtins),
        cmocka_unit_test(test_every_asset_built_in),
        cmocka_unit_test(test_list),
        cmocka_unit_test(test_command_line_wins),
        cmocka_unit_test(test_next_lesson),
        cmocka_unit_test(test_options_set),
        cmocka_unit_test(test_builtin_tables),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
