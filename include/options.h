/* options.h - the command line, parsed (getopt_long) into one struct that
 * the headless runner, the frame dump and the TUI all start from. */
#ifndef DESCENT_OPTIONS_H
#define DESCENT_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "dataset.h"
#include "trainer.h"

enum run_mode { MODE_TUI, MODE_HEADLESS, MODE_HEADLESS_BOWL, MODE_DUMP_FRAME,
                MODE_HELP, MODE_VERSION };

struct options {
    enum run_mode mode;
    const char *data_path;        /* NULL: the built-in Iris table */
    struct selection selection;   /* columns and classes */
    struct train_config train;
    size_t epochs;                /* stop after this many; 0 = never (TUI) */
    size_t every;                 /* headless: print every K-th row and the last */
    double start_x, start_y;      /* bowl start, default 5,5 */
    unsigned epochs_per_frame;    /* TUI speed, default 1 */
    bool ascii;                   /* no braille/box drawing even in UTF-8 */
    bool no_color;                /* --no-color or NO_COLOR set */
    int dump_width, dump_height;  /* --dump-frame WxH */
    char class_buf[2][256];       /* storage for --classes A,B */
};

/* Parses argv. On a usage error returns false with a one-line message in
 * err (no "descent: " prefix). Defaults are those of DESIGN.md. */
bool options_parse(int argc, char **argv, struct options *o, char *err,
                   size_t errlen);

/* Writes the --help text (every option with its default). */
void options_print_help(FILE *out);

#endif
