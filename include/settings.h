/* settings.h - the settings table: every option of descent once, as one
 * row with its name, value syntax, default, help text, --help group,
 * where it may be set (command line, lessons, record files) and the
 * function that checks and stores its value. The getopt table, --help,
 * options_set, lessons and the record files all read these rows; adding
 * an option is adding a row (and, for a new kind of value, one parse and
 * one format function). Nothing else spells an option's name. */
#ifndef DESCENT_SETTINGS_H
#define DESCENT_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "options.h"

/* Where a setting may be given besides the command line. */
enum setting_scope {
    SCOPE_COMMAND_LINE = 0,  /* the command line only */
    SCOPE_LESSON = 1u << 0,  /* a lesson may set it (options_set) */
    SCOPE_RECORD = 1u << 1,  /* record files store it, by name */
    SCOPE_PATH = 1u << 2,    /* its value is a file name: a lesson's is
                                relative to the lesson's directory */
};

/* Whether the option takes a value (getopt_long's has_arg). */
enum setting_value { VALUE_NONE, VALUE_REQUIRED, VALUE_OPTIONAL };

struct setting;

/* Checks value (NULL: an optional value left out) and stores it in o.
 * false with the complaint in why, e.g. "\"abc\" is not a positive
 * number". */
typedef bool setting_parse_fn(const struct setting *s, struct options *o,
                              const char *value, char *why, size_t whylen);

/* Writes o's value as text that parse reads back to the same bits.
 * false when there is nothing to write (the value is the default and has
 * no spelling, as the built-in Iris table) or it does not fit. */
typedef bool setting_format_fn(const struct setting *s, const struct options *o,
                               char *buf, size_t size);

struct setting {
    const char *name;        /* the long option without "--", e.g. "lr" */
    const char *syntax;      /* its value in --help: "X", "[=on|off]", "" */
    const char *group;       /* the --help heading it is listed under */
    const char *fallback;    /* the default as --help shows it, or NULL */
    const char *help;        /* the --help text, one paragraph */
    unsigned scope;          /* enum setting_scope bits */
    enum setting_value value;
    setting_parse_fn *parse;
    setting_format_fn *format; /* NULL: not written to record files */
    size_t offset, size;     /* the bytes of struct options the value is in
                                (what options_clear_lesson restores) */
    size_t buffer, capacity; /* text kinds: the struct options buffer the
                                text is copied to, and its size */
    uint64_t min, max;       /* counts: the range */
    const char *complaint;   /* what a bad value is not, e.g. "is not on
                                or off" */
};

/* The largest epoch a run, a command line or a record file may name. */
#define SETTINGS_EPOCHS_MAX ((uint64_t)1 << 48)

/* The rows, in --help order; *count receives how many. */
const struct setting *settings_table(size_t *count);

/* The row called name, or NULL. */
const struct setting *settings_find(const char *name);

/* The position of row s in the table (what struct options' explicit
 * marks are indexed by). */
size_t settings_index(const struct setting *s);

/* A whole number of decimal digits only (no sign, no blanks) in [min,
 * max]: *out set, true; false otherwise, *out untouched. The one number
 * reader of the command line, lessons and record files. */
bool settings_parse_count(const char *text, uint64_t min, uint64_t max,
                          uint64_t *out);

/* Options that do not go together on one command line: --target with
 * --classes or --label. false with the one-line complaint in err. */
bool settings_check_together(const struct options *o, char *err, size_t errlen);

/* --weights against the run's P (network_param_count(nfeatures,
 * o's hidden)): true when none were given or as many as P; else false
 * with "--weights: expected 9 numbers (h1_w1,...,b), got 3" in err. */
bool settings_check_weights(const struct options *o, size_t nfeatures,
                            char *err, size_t errlen);

/* o's training settings for a run on data that is (regression) or is not
 * fitted by regression: regression's activation is linear unless
 * --activation was given on the command line or set by a lesson to
 * something other than the default. The optimizer and the schedule are
 * o->bowl_config's: the neuron and the surface share them. */
struct train_config settings_train_config(const struct options *o, bool regression);

#endif
