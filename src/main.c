/* main.c - descent: parse the command line and run the chosen mode. The
 * only place that prints errors and picks the exit status. */
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "frame.h"
#include "headless.h"
#include "lesson.h"
#include "options.h"
#include "replay.h"
#include "version.h" /* generated: DESCENT_VERSION, DESCENT_COMMIT ("" outside git) */

/* Exit statuses: 0 success, 1 output failed, 2 bad usage or bad input. */
enum { EXIT_OK = 0, EXIT_IO = 1, EXIT_USAGE = 2 };

/* A failed write to stdout (headless output) is EXIT_IO, the rest usage. */
static int fail(const char *err)
{
    int status = ferror(stdout) ? EXIT_IO : EXIT_USAGE;
    fflush(stdout);
    fprintf(stderr, "descent: %s\n", err);
    return status;
}

/* Characters only: numbers stay in the C locale (a decimal point). */
static bool terminal_is_utf8(void)
{
    setlocale(LC_CTYPE, "");
    const char *codeset = nl_langinfo(CODESET);
    return codeset && strcmp(codeset, "UTF-8") == 0;
}

int main(int argc, char **argv)
{
    struct options o;
    char err[1024] = "";
    if (!options_parse(argc, argv, &o, err, sizeof err))
        return fail(err);
    if (o.mode != MODE_HELP && o.mode != MODE_VERSION &&
        o.mode != MODE_LESSON_LIST && !lesson_use(&o, err, sizeof err))
        return fail(err);
    /* A record file names its data file; standard input cannot be read again. */
    if (o.record_path && o.data_path && strcmp(o.data_path, "-") == 0)
        return fail("--record: data from standard input cannot be replayed "
                    "(save it to a file and use --data FILE)");

    bool ok = true;
    switch (o.mode) {
    case MODE_HELP:
        options_print_help(stdout);
        break;
    case MODE_VERSION:
        if (DESCENT_COMMIT[0] != '\0')
            printf("descent %s (commit %s)\n", DESCENT_VERSION, DESCENT_COMMIT);
        else
            printf("descent %s\n", DESCENT_VERSION);
        break;
    case MODE_LESSON_LIST:
        ok = lesson_list(stdout, err, sizeof err);
        break;
    case MODE_HEADLESS:
        if (o.replay_path)
            ok = replay_headless(&o, o.replay_path, stdout, err, sizeof err);
        else
            ok = headless_train(&o, stdout, err, sizeof err);
        break;
    case MODE_HEADLESS_BOWL:
        ok = headless_bowl(&o, stdout, err, sizeof err);
        break;
    case MODE_HEADLESS_LR_FIND:
        ok = headless_lr_find(&o, stdout, err, sizeof err);
        break;
    case MODE_DUMP_FRAME:
        if (!terminal_is_utf8())
            o.ascii = true;
        ok = frame_dump(&o, stdout, err, sizeof err);
        break;
    case MODE_TUI:
        if (!terminal_is_utf8())
            o.ascii = true;
        if (app_run(&o, err, sizeof err) != 0)
            ok = false;
        break;
    }
    if (!ok)
        return fail(err);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "descent: cannot write the output\n");
        return EXIT_IO;
    }
    return EXIT_OK;
}
