/* options.c - the command line: getopt_long over the rows of the settings
 * table (settings.h), --help written from the same rows, and the setting
 * operations lessons use (options_set, options_clear_lesson), all by row,
 * never by an option's name. */
#include "options.h"

#include <getopt.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "keymap.h"
#include "settings.h"
#include "trainer.h"

/* getopt_long's value for row i: past every character. */
#define ROW_VALUE(i) (256 + (int)(i))

/* ---------- --help ---------- */

#define HELP_INDENT 25  /* where the help text starts */
#define HELP_WIDTH 79   /* the longest line */

/* Writes text word by word from column `column` (the first word goes
 * there), wrapping at HELP_WIDTH to lines indented by HELP_INDENT. */
static void help_wrap(FILE *out, const char *text, size_t column)
{
    bool line_start = true;
    for (const char *p = text; *p;) {
        size_t word = strcspn(p, " ");
        if (!line_start && column + 1 + word > HELP_WIDTH) {
            fprintf(out, "\n%*s", HELP_INDENT, "");
            column = HELP_INDENT;
            line_start = true;
        }
        if (!line_start) {
            fputc(' ', out);
            column++;
        }
        fwrite(p, 1, word, out);
        column += word;
        line_start = false;
        p += word;
        while (*p == ' ')
            p++;
    }
    fputc('\n', out);
}

/* One option: "  --name SYNTAX" in the first columns, the help and the
 * default beside it (below it when the name is too long). */
static void help_row(FILE *out, const struct setting *s)
{
    char left[64], text[512];
    snprintf(left, sizeof left, "--%s%s%s", s->name,
             s->syntax[0] && s->syntax[0] != '[' ? " " : "", s->syntax);
    snprintf(text, sizeof text, "%s%s%s%s", s->help,
             s->fallback ? " (default: " : "", s->fallback ? s->fallback : "",
             s->fallback ? ")" : "");
    int used = fprintf(out, "  %-*s", HELP_INDENT - 3, left);
    if (used > HELP_INDENT - 1)
        fprintf(out, "\n%*s", HELP_INDENT - 1, "");
    fputc(' ', out);
    help_wrap(out, text, HELP_INDENT);
}

void options_print_help(FILE *out)
{
    fputs("Usage: descent [options]\n"
          "Watch one artificial neuron learn by gradient descent, in the terminal.\n",
          out);
    size_t count;
    const struct setting *rows = settings_table(&count);
    const char *group = NULL;
    for (size_t i = 0; i < count; i++) {
        if (!group || strcmp(group, rows[i].group) != 0) {
            group = rows[i].group;
            fprintf(out, "\n%s%s", group, group[0] ? ":\n" : "");
        }
        help_row(out, &rows[i]);
    }
    fputs("\n"
          "Errors go to stderr as one line; the exit status is 2 for bad usage or\n"
          "bad input, 1 when the output cannot be written, 0 on success.\n"
          "\n"
          "Keys in the TUI:\n",
          out);
    const struct key_binding *keys = keymap_table(&count);
    for (size_t i = 0; i < count; i++)
        fprintf(out, "  %-6s %s\n", keys[i].label, keys[i].help);
}

/* ---------- defaults and settings ---------- */

/* The default classes; options_classes_given knows them by address. */
static const char default_class[2][16] = {"setosa", "versicolor"};

bool options_classes_given(const struct options *o)
{
    return o->selection.class_a != default_class[0]
           || o->selection.class_b != default_class[1];
}

void options_defaults(struct options *o)
{
    memset(o, 0, sizeof *o);
    o->mode = MODE_TUI;
    o->selection.x_column = "sepal_length";
    o->selection.y_column = "petal_length";
    o->selection.label_column = "species";
    o->selection.class_a = default_class[0];
    o->selection.class_b = default_class[1];
    o->train = train_config_default();
    o->every = 1;
    o->start_x = 5.0;
    o->start_y = 5.0;
    o->bowl_config = bowl_config_default();
    o->lr_find_config = lr_find_config_default();
    o->epochs_per_frame = 1;
    o->points = GENERATE_POINTS_DEFAULT;
    o->delimiter = ',';
    const char *no_color = getenv("NO_COLOR");
    o->no_color = no_color && *no_color;
}

enum setting_status options_set(struct options *o, const char *name,
                                const char *value, char *why, size_t whylen)
{
    const struct setting *s = settings_find(name);
    if (!s)
        return SETTING_UNKNOWN;
    if (!(s->scope & SCOPE_LESSON))
        return SETTING_COMMAND_LINE_ONLY;
    return s->parse(s, o, value, why, whylen) ? SETTING_OK : SETTING_BAD_VALUE;
}

const char *options_setting_names(void)
{
    static char names[1024];
    if (!names[0]) {
        size_t count, used = 0;
        const struct setting *rows = settings_table(&count);
        for (size_t i = 0; i < count && used < sizeof names; i++)
            if (rows[i].scope & SCOPE_LESSON)
                used += (size_t)snprintf(names + used, sizeof names - used, "%s%s",
                                         used ? ", " : "", rows[i].name);
    }
    return names;
}

bool options_explicit(const struct options *o, const char *name)
{
    const struct setting *s = settings_find(name);
    return s && o->explicit_setting[settings_index(s)];
}

static bool mode_is_headless(enum run_mode mode)
{
    return mode == MODE_HEADLESS || mode == MODE_HEADLESS_BOWL ||
           mode == MODE_HEADLESS_LR_FIND;
}

void options_clear_lesson(struct options *o)
{
    struct options d; /* the defaults: only constants point into it */
    options_defaults(&d);
    d.epochs = mode_is_headless(o->mode) ? 100 : 0;
    size_t count;
    const struct setting *rows = settings_table(&count);
    for (size_t i = 0; i < count; i++)
        if ((rows[i].scope & SCOPE_LESSON) && !o->explicit_setting[i])
            memcpy((char *)o + rows[i].offset, (const char *)&d + rows[i].offset,
                   rows[i].size);
    o->lesson_name[0] = '\0';
    o->caption[0][0] = '\0';
    o->caption[1][0] = '\0';
}

/* ---------- the command line ---------- */

/* The row that owns the field of struct options at offset. */
static const struct setting *row_of_field(size_t offset)
{
    size_t count;
    const struct setting *rows = settings_table(&count);
    for (size_t i = 0; i < count; i++)
        if (rows[i].offset == offset)
            return &rows[i];
    return NULL;
}

/* True when the command line gave the row that owns the field at offset. */
static bool field_explicit(const struct options *o, size_t offset)
{
    const struct setting *s = row_of_field(offset);
    return s && o->explicit_setting[settings_index(s)];
}

bool options_epochs_explicit(const struct options *o)
{
    return field_explicit(o, offsetof(struct options, epochs));
}

/* The option name of the row that owns the field at offset. */
static const char *field_option(size_t offset)
{
    const struct setting *s = row_of_field(offset);
    return s ? s->name : "?";
}

/* Folds the mode words into o->mode; false with err when they clash. */
static bool choose_mode(struct options *o, char *err, size_t errlen)
{
    bool dump = o->dump_width > 0;
    if (o->help || o->version) {
        o->mode = o->help ? MODE_HELP : MODE_VERSION;
        return true;
    }
    if (o->lesson_arg && strcmp(o->lesson_arg, "list") == 0) {
        o->mode = MODE_LESSON_LIST;
        return true;
    }
    if (o->bowl && !o->headless) {
        snprintf(err, errlen, "--%s goes with --%s (see --help)",
                 field_option(offsetof(struct options, bowl)),
                 field_option(offsetof(struct options, headless)));
        return false;
    }
    if (o->headless && dump) {
        snprintf(err, errlen, "--%s and --%s cannot be combined (see --help)",
                 field_option(offsetof(struct options, headless)),
                 field_option(offsetof(struct options, dump_width)));
        return false;
    }
    if (o->lr_find && o->bowl) {
        snprintf(err, errlen, "--%s and --%s cannot be combined (see --help)",
                 field_option(offsetof(struct options, lr_find)),
                 field_option(offsetof(struct options, bowl)));
        return false;
    }
    if (o->lr_find && !dump)
        o->mode = MODE_HEADLESS_LR_FIND; /* with or without --headless */
    else if (o->headless)
        o->mode = o->bowl ? MODE_HEADLESS_BOWL : MODE_HEADLESS;
    else
        o->mode = dump ? MODE_DUMP_FRAME : MODE_TUI;
    if (!field_explicit(o, offsetof(struct options, epochs)))
        o->epochs = o->headless ? 100 : 0;
    return true;
}

bool options_parse(int argc, char **argv, struct options *o, char *err,
                   size_t errlen)
{
    size_t count;
    const struct setting *rows = settings_table(&count);
    struct option long_options[OPTIONS_SETTINGS_MAX + 1];
    static const int has_arg[] = {no_argument, required_argument, optional_argument};
    for (size_t i = 0; i < count; i++) {
        long_options[i].name = rows[i].name;
        long_options[i].has_arg = has_arg[rows[i].value];
        long_options[i].flag = NULL;
        long_options[i].val = ROW_VALUE(i);
    }
    memset(&long_options[count], 0, sizeof long_options[count]);

    char why[512];
    options_defaults(o);
    opterr = 0;
    optind = 0; /* glibc: start afresh, forgetting any earlier parse */
    int opt;
    while ((opt = getopt_long(argc, argv, ":", long_options, NULL)) != -1) {
        const char *word = optind > 1 && optind <= argc ? argv[optind - 1] : "?";
        char letter[3] = {'-', (char)optopt, '\0'};
        if (opt == '?' && optopt > 0 && optopt < 128)
            word = letter; /* a short option, perhaps inside "-abc" */
        if (opt == '?') {
            snprintf(err, errlen, "unknown option \"%s\" (see --help)", word);
            return false;
        }
        if (opt == ':') {
            snprintf(err, errlen, "option \"%s\" needs a value (see --help)", word);
            return false;
        }
        if (opt < ROW_VALUE(0) || opt >= ROW_VALUE(count))
            continue; /* no such row: getopt does not give one */
        const struct setting *s = &rows[opt - ROW_VALUE(0)];
        if (!s->parse(s, o, optarg, why, sizeof why)) {
            snprintf(err, errlen, "--%s: %s (see --help)", s->name, why);
            return false;
        }
        o->explicit_setting[opt - ROW_VALUE(0)] = true;
    }
    if (optind < argc) {
        snprintf(err, errlen, "unexpected argument \"%s\" (see --help)", argv[optind]);
        return false;
    }
    if (!settings_check_together(o, err, errlen))
        return false;
    return choose_mode(o, err, errlen);
}
