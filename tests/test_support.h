/* test_support.h - helpers shared by the cmocka tests: a command line
 * given as a list of words parsed into struct options the way main does,
 * a text compared with a golden file (or rewritten by make golden), and
 * two trainers compared bit for bit.
 * Header only (static inline), so each test binary is still built from
 * its one .c file. */
#ifndef TEST_SUPPORT_H
#define TEST_SUPPORT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "options.h"
#include "trainer.h"

/* The most words a command line may have, the program name included. */
#define SUPPORT_MAX_ARGS 32

/* Parses the command line "descent args[0] ... args[argc - 1]" into *o;
 * when options_parse refuses it, fails the test with its message. The
 * words are copied into one static buffer per test file that the next
 * call overwrites, and *o may point into it (its paths, its selection):
 * read what the test needs of *o before parsing again. argc must be
 * below SUPPORT_MAX_ARGS and each word shorter than 64 bytes. */
static inline void support_parse(struct options *o, int argc, const char **args)
{
    static char text[SUPPORT_MAX_ARGS][64];
    char *argv[SUPPORT_MAX_ARGS];
    char err[256];
    assert_true(argc >= 0 && argc < SUPPORT_MAX_ARGS);
    strcpy(text[0], "descent");
    argv[0] = text[0];
    for (int i = 0; i < argc; i++) {
        assert_true(strlen(args[i]) < sizeof text[i + 1]);
        snprintf(text[i + 1], sizeof text[i + 1], "%s", args[i]);
        argv[i + 1] = text[i + 1];
    }
    if (!options_parse(argc + 1, argv, o, err, sizeof err))
        fail_msg("%s", err);
}

/* support_parse for a NULL-terminated list of words. */
static inline void support_parse_list(struct options *o, const char **args)
{
    int argc = 0;
    while (args[argc])
        argc++;
    support_parse(o, argc, args);
}

/* The whole of the file at path as a string (caller frees), NULL when
 * it cannot be opened. */
static inline char *support_read_file(const char *path)
{
    FILE *in = fopen(path, "rb");
    if (in == NULL)
        return NULL;
    char *buf = NULL;
    size_t len = 0, cap = 0;
    for (;;) {
        if (cap - len < 4096) {
            cap = cap * 2 + 4096;
            buf = realloc(buf, cap);
            assert_non_null(buf);
        }
        size_t got = fread(buf + len, 1, cap - len - 1, in);
        len += got;
        if (got == 0)
            break;
    }
    fclose(in);
    buf[len] = '\0';
    return buf;
}

/* Compares text with the golden file at path, byte for byte, and fails
 * the test when they differ (the first line that differs goes to
 * stderr) or when the file is missing. With DESCENT_GOLDEN=regenerate
 * in the environment (make golden) it writes text to path instead and
 * prints "wrote PATH" on stdout, the line tests/golden.sh shows. */
static inline void support_golden_file(const char *path, const char *text)
{
    const char *mode = getenv("DESCENT_GOLDEN");
    if (mode && strcmp(mode, "regenerate") == 0) {
        FILE *out = fopen(path, "w");
        assert_non_null(out);
        fputs(text, out);
        assert_int_equal(fclose(out), 0);
        printf("wrote %s\n", path);
        return;
    }
    char *want = support_read_file(path);
    if (want == NULL)
        fail_msg("missing %s (make golden)", path);
    if (strcmp(want, text) != 0) {
        const char *a = want, *b = text;
        int line = 1;
        while (*a && *a == *b) {
            line += *a == '\n';
            a++;
            b++;
        }
        while (a > want && a[-1] != '\n') {
            a--;
            b--;
        }
        fprintf(stderr, "golden %s differs at line %d:\n  want: %.*s\n  got:  %.*s\n",
                path, line, (int)strcspn(a, "\n"), a, (int)strcspn(b, "\n"), b);
        free(want);
        fail_msg("golden %s differs (make golden if the change is meant)", path);
    }
    free(want);
}

/* support_golden_file for tests/golden/NAME.txt (the tests run from the
 * repository root). */
static inline void support_golden(const char *name, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "tests/golden/%s.txt", name);
    support_golden_file(path, text);
}

/* Fails the test unless trainers x and y stand at the same place with
 * the same bits: epoch and position, parameters, last gradient, costs,
 * RNG, sample order and history. */
static inline void support_same_trainer(const struct trainer *x, const struct trainer *y)
{
    assert_int_equal(x->epoch, y->epoch);
    assert_int_equal(x->next, y->next);
    assert_memory_equal(x->theta, y->theta, x->nparams * sizeof *x->theta);
    assert_memory_equal(x->gradient, y->gradient, x->nparams * sizeof *x->gradient);
    assert_memory_equal(&x->last_cost, &y->last_cost, sizeof x->last_cost);
    assert_memory_equal(&x->last_test_cost, &y->last_test_cost, sizeof x->last_test_cost);
    assert_int_equal(x->rng.state, y->rng.state);
    assert_memory_equal(x->order, y->order, x->data->n * sizeof *x->order);
    assert_int_equal(x->history.len, y->history.len);
    assert_memory_equal(x->history.records, y->history.records,
                        x->history.len * sizeof *x->history.records);
    assert_memory_equal(x->history.params, y->history.params,
                        x->history.len * x->nparams * sizeof *x->history.params);
}

#endif
