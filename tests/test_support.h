/* test_support.h - helpers shared by the cmocka tests: a command line
 * given as a list of words parsed into struct options the way main does.
 * Header only (static inline), so each test binary is still built from
 * its one .c file. */
#ifndef TEST_SUPPORT_H
#define TEST_SUPPORT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "options.h"

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

#endif
