/* options.h - the command line, parsed (getopt_long) into one struct that
 * the headless runner, the frame dump and the TUI all start from. Every
 * option is a row of the settings table (settings.h). A lesson (lesson.h)
 * sets the same options by their long names (options_set); options given
 * on the command line win over the lesson's. */
#ifndef DESCENT_OPTIONS_H
#define DESCENT_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "bowl.h"
#include "dataset.h"
#include "theme.h"
#include "lr_find.h"
#include "trainer.h"

/* The most rows the settings table may have (struct options marks which
 * of them the command line gave). */
#define OPTIONS_SETTINGS_MAX 96

/* A caption line (a lesson's, shown on the screen): at most this many
 * columns (a wide character, as CJK, counts 2) and this many bytes. */
#define CAPTION_COLUMNS_MAX 70
#define CAPTION_BYTES_MAX 280

enum run_mode { MODE_TUI, MODE_HEADLESS, MODE_HEADLESS_BOWL, MODE_DUMP_FRAME,
                MODE_HELP, MODE_VERSION, MODE_LESSON_LIST, MODE_HEADLESS_LR_FIND };

/* --weights: the starting parameters as given, in network.h's order. */
struct weight_list {
    size_t count;                 /* 0: none given */
    double value[NETWORK_PARAMS_MAX];
};

struct options {
    enum run_mode mode;
    const char *data_path;        /* NULL: the built-in Iris table */
    struct selection selection;   /* columns and classes */
    struct train_config train;
    size_t epochs;                /* stop after this many; 0 = never (TUI) */
    size_t every;                 /* headless: print every K-th row and the last */
    double start_x, start_y;      /* bowl start, default 5,5 */
    struct bowl_config bowl_config; /* --surface, --kappa, --optimizer and its
                                     constants, --schedule (the bowl's) */
    bool race;                    /* --race: every optimizer on the surface */
    bool lr_find;                 /* --lr-find: the range test (headless CSV,
                                     or with --dump-frame its curve shown) */
    struct lr_find_config lr_find_config; /* --lr-find-range, --lr-find-steps */
    unsigned epochs_per_frame;    /* TUI speed, default 1 */
    bool ascii;                   /* no braille/box drawing even in UTF-8 */
    bool no_color;                /* --no-color or NO_COLOR set */
    enum theme theme;             /* --theme; THEME_DETECT: from COLORFGBG */
    bool landscape;               /* --view landscape: cost over (w1, w2) */
    bool mesh;                    /* --view mesh: as a 3D mesh (right after
                                     landscape: --view sets both) */
    bool regions;                 /* --regions: decision regions shaded */
    bool per_update;              /* --per-update: every update's cost */
    int dump_width, dump_height;  /* --dump-frame WxH */
    size_t points;                /* --points: rows of --data gen:NAME */
    double noise;                 /* --noise: of --data gen:NAME, 0..0.5 */
    char delimiter;               /* --delimiter: between the fields of
                                     --data FILE, default ',' */
    bool verbose;                 /* --verbose: headless, the rows kept on
                                     stderr */
    struct weight_list weights;   /* --weights (train.weights points here
                                     once settings_train_config ran) */
    char features_buf[2048];      /* storage for --features */
    char target_buf[256];         /* storage for --target */
    char class_buf[2][256];       /* storage for --classes A,B */
    char data_buf[4096];          /* storage for --data */
    char column_buf[3][256];      /* storage for --x, --y, --label */
    bool explicit_setting[OPTIONS_SETTINGS_MAX]; /* by settings-table row:
                                     given on the command line, so a lesson
                                     leaves it alone */
    const char *record_path;      /* --record FILE: keys written there, or NULL */
    const char *replay_path;      /* --replay FILE: played back, or NULL */
    const char *lesson_arg;       /* --lesson NAME|FILE as given, or NULL */
    bool help, version, headless, bowl; /* the words that choose the mode */
    char lesson_name[64];         /* the lesson applied, "" when none */
    char caption[2][CAPTION_BYTES_MAX + 1]; /* its caption lines, "" when absent */
};
/* The strings in struct options (selection, data_path) point into its own
 * buffers or at constants: a copy of the struct is only good while the
 * original lives and is not changed. */

/* Parses argv (argv[0] is the program). On a usage error returns false
 * with a one-line message in err (no "descent: " prefix). Defaults are
 * those of docs/DESIGN.md. --lesson NAME|FILE is only noted in o->lesson_arg:
 * the caller applies it (lesson_use, lesson.h) so that the options given
 * explicitly win; --lesson list sets the mode MODE_LESSON_LIST. May be
 * called any number of times: it resets getopt, prints nothing,
 * allocates nothing; o points into argv afterwards. */
bool options_parse(int argc, char **argv, struct options *o, char *err,
                   size_t errlen);

/* The defaults of docs/DESIGN.md (as if no option were given, the TUI mode). */
void options_defaults(struct options *o);

/* What options_set made of a setting. */
enum setting_status {
    SETTING_OK,
    SETTING_UNKNOWN,           /* no option has that name */
    SETTING_COMMAND_LINE_ONLY, /* an option, but not a setting (headless...) */
    SETTING_BAD_VALUE          /* the option's own complaint is in why */
};

/* Sets the option called name (its long name without the dashes, as in
 * the settings table; an optional value such as on/off is given) from
 * the text value exactly as the command line does: the same row, the
 * same checks, the same storage. Only rows lessons may set.
 * On SETTING_BAD_VALUE why holds the complaint about the value, e.g.
 * "\"abc\" is not a positive number"; why is untouched otherwise. Does
 * not mark the setting as explicit. */
enum setting_status options_set(struct options *o, const char *name,
                                const char *value, char *why, size_t whylen);

/* The names options_set accepts, comma separated ("data, x, y, ..."). */
const char *options_setting_names(void);

/* True when --classes was given (on the command line, by a lesson or a
 * record file); false while they are the defaults, which a label column
 * of exactly two values replaces (dataset_auto_classes). */
bool options_classes_given(const struct options *o);

/* True when the setting called name was given on the command line. */
bool options_explicit(const struct options *o, const char *name);

/* True when --epochs was given on the command line. */
bool options_epochs_explicit(const struct options *o);

/* Forgets a lesson: every setting not given on the command line back to
 * its default (epochs: 100 headless, else 0), no lesson name or caption. */
void options_clear_lesson(struct options *o);

/* Writes the --help text (every option with its default). */
void options_print_help(FILE *out);

#endif
