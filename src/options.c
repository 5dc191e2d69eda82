/* options.c - the command line: every option of DESIGN.md "Command line",
 * checked strictly, with one clear message for each mistake. Lessons set
 * the same options through options_set: one function (apply_option)
 * checks and stores every value, whichever way it came. */
#include "options.h"

#include "builtin.h"
#include "keymap.h"
#include "lesson.h"

#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define MAX_EPOCHS_PER_FRAME 65536u
#define MAX_DUMP_SIDE 1000

enum {
    OPT_DATA = 256, OPT_X, OPT_Y, OPT_LABEL, OPT_CLASSES, OPT_ACTIVATION,
    OPT_LOSS, OPT_LR, OPT_BATCH, OPT_SHUFFLE, OPT_INIT, OPT_SEED, OPT_EPOCHS,
    OPT_EPOCHS_PER_FRAME, OPT_STANDARDIZE, OPT_ASCII, OPT_NO_COLOR, OPT_HELP,
    OPT_VERSION, OPT_HEADLESS, OPT_BOWL, OPT_EVERY, OPT_START, OPT_DUMP_FRAME,
    OPT_LESSON, OPT_RECORD, OPT_REPLAY, OPT_VIEW, OPT_REGIONS
};

/* The options a lesson may set (the others only make sense on the
 * command line), in the order of --help. */
static const int lesson_settings[] = {
    OPT_DATA, OPT_X, OPT_Y, OPT_LABEL, OPT_CLASSES, OPT_STANDARDIZE,
    OPT_ACTIVATION, OPT_LOSS, OPT_LR, OPT_BATCH, OPT_SHUFFLE, OPT_INIT,
    OPT_SEED, OPT_EPOCHS, OPT_EPOCHS_PER_FRAME, OPT_START, OPT_VIEW,
    OPT_REGIONS,
};
#define LESSON_SETTING_COUNT (sizeof lesson_settings / sizeof lesson_settings[0])

static const struct option long_options[] = {
    {"data", required_argument, NULL, OPT_DATA},
    {"x", required_argument, NULL, OPT_X},
    {"y", required_argument, NULL, OPT_Y},
    {"label", required_argument, NULL, OPT_LABEL},
    {"classes", required_argument, NULL, OPT_CLASSES},
    {"activation", required_argument, NULL, OPT_ACTIVATION},
    {"loss", required_argument, NULL, OPT_LOSS},
    {"lr", required_argument, NULL, OPT_LR},
    {"batch", required_argument, NULL, OPT_BATCH},
    {"shuffle", required_argument, NULL, OPT_SHUFFLE},
    {"init", required_argument, NULL, OPT_INIT},
    {"seed", required_argument, NULL, OPT_SEED},
    {"epochs", required_argument, NULL, OPT_EPOCHS},
    {"epochs-per-frame", required_argument, NULL, OPT_EPOCHS_PER_FRAME},
    {"standardize", optional_argument, NULL, OPT_STANDARDIZE},
    {"ascii", no_argument, NULL, OPT_ASCII},
    {"no-color", no_argument, NULL, OPT_NO_COLOR},
    {"help", no_argument, NULL, OPT_HELP},
    {"version", no_argument, NULL, OPT_VERSION},
    {"headless", no_argument, NULL, OPT_HEADLESS},
    {"bowl", no_argument, NULL, OPT_BOWL},
    {"every", required_argument, NULL, OPT_EVERY},
    {"start", required_argument, NULL, OPT_START},
    {"dump-frame", required_argument, NULL, OPT_DUMP_FRAME},
    {"lesson", required_argument, NULL, OPT_LESSON},
    {"record", required_argument, NULL, OPT_RECORD},
    {"replay", required_argument, NULL, OPT_REPLAY},
    {"view", required_argument, NULL, OPT_VIEW},
    {"regions", optional_argument, NULL, OPT_REGIONS},
    {NULL, 0, NULL, 0},
};

void options_print_help(FILE *out)
{
    fputs(
        "Usage: descent [options]\n"
        "Watch one artificial neuron learn by gradient descent, in the terminal.\n"
        "\n"
        "Data:\n"
        "  --data FILE            CSV file with a header row (default: the built-in Iris table)\n"
        "  --x COL                feature on the x axis (default: sepal_length)\n"
        "  --y COL                feature on the y axis (default: petal_length)\n"
        "  --label COL            column holding the class (default: species)\n"
        "  --classes A,B          the two classes; A is target 0, B target 1\n"
        "                         (default: setosa,versicolor)\n"
        "  --standardize[=on|off] scale each feature to mean 0, standard deviation 1\n"
        "\n"
        "Training:\n"
        "  --activation NAME      sigmoid, linear, relu or step (default: sigmoid)\n"
        "  --loss NAME            MSE, MAE or BCE (default: MSE)\n"
        "  --lr X                 learning rate, > 0 (default: 0.5)\n"
        "  --batch N|full         minibatch size (default: full)\n"
        "  --shuffle on|off       shuffle the samples every epoch (default: on)\n"
        "  --init zeros|uniform   initial weights: zeros or uniform(-1,1) (default: zeros)\n"
        "  --seed N               seed of the random numbers (default: 1)\n"
        "  --epochs N             stop after N epochs (default: 100 headless,\n"
        "                         0 with --dump-frame, unlimited in the TUI)\n"
        "\n"
        "Screen:\n"
        "  --epochs-per-frame N   training speed in the TUI, 1..65536 (default: 1)\n"
        "  --ascii                ASCII drawing only, even in a UTF-8 terminal\n"
        "  --no-color             no colours (also when NO_COLOR is set)\n"
        "  --view bowl|landscape  right panel: the bowl x^2+y^2 or the neuron's cost\n"
        "                         over (w1, w2) (default: bowl; v toggles)\n"
        "  --regions[=on|off]     shade the decision regions (default: off; d toggles)\n"
        "  --dump-frame WxH       train --epochs epochs, print one frame of the screen\n"
        "                         as W columns by H lines of text, and exit\n"
        "\n"
        "Lessons:\n"
        "  --lesson NAME|FILE     start from a lesson: its settings and a caption saying\n"
        "                         what to watch; a built-in name or a .lesson file\n"
        "                         (options given on the command line override it)\n"
        "  --lesson list          list the built-in lessons\n"
        "\n"
        "Record and replay:\n"
        "  --record FILE          write the settings and every key, with the epoch it\n"
        "                         was pressed at, to FILE\n"
        "  --replay FILE          play FILE back: the same run, bit for bit, at any speed\n"
        "                         (with --headless: print the run as CSV)\n"
        "\n"
        "Without a terminal:\n"
        "  --headless             print the training as CSV: epoch,cost,w1,w2,b,accuracy\n"
        "  --bowl                 with --headless: the descent on x^2+y^2 as step,x,y,f\n"
        "  --start X,Y            where the bowl descent starts (default: 5,5)\n"
        "  --every K              print every K-th row and the last (default: 1)\n"
        "\n"
        "  --help                 this text\n"
        "  --version              the version\n"
        "\n"
        "Errors go to stderr as one line; the exit status is 2 for bad usage or\n"
        "bad input, 0 on success.\n"
        "\n"
        "Keys in the TUI:\n",
        out);
    size_t count;
    const struct key_binding *keys = keymap_table(&count);
    for (size_t i = 0; i < count; i++)
        fprintf(out, "  %-6s %s\n", keys[i].label, keys[i].help);
}

/* A whole number in [min, max], digits only. */
static bool parse_count(const char *text, uint64_t min, uint64_t max,
                        uint64_t *out)
{
    if (!*text)
        return false;
    uint64_t v = 0;
    for (const char *p = text; *p; p++) {
        if (*p < '0' || *p > '9')
            return false;
        unsigned digit = (unsigned)(*p - '0');
        if (v > (UINT64_MAX - digit) / 10)
            return false;
        v = v * 10 + digit;
    }
    if (v < min || v > max)
        return false;
    *out = v;
    return true;
}

/* "X,Y" with two finite numbers. */
static bool parse_pair(const char *text, double *x, double *y)
{
    const char *comma = strchr(text, ',');
    char first[128];
    if (!comma || (size_t)(comma - text) >= sizeof first)
        return false;
    memcpy(first, text, (size_t)(comma - text));
    first[comma - text] = '\0';
    return parse_number(first, x) && parse_number(comma + 1, y);
}

static bool parse_classes(const char *text, struct options *o)
{
    const char *comma = strchr(text, ',');
    if (!comma || strchr(comma + 1, ','))
        return false;
    size_t len_a = (size_t)(comma - text), len_b = strlen(comma + 1);
    if (len_a == 0 || len_b == 0 || len_a >= sizeof o->class_buf[0] ||
        len_b >= sizeof o->class_buf[1])
        return false;
    memcpy(o->class_buf[0], text, len_a);
    o->class_buf[0][len_a] = '\0';
    memcpy(o->class_buf[1], comma + 1, len_b + 1);
    o->selection.class_a = o->class_buf[0];
    o->selection.class_b = o->class_buf[1];
    return true;
}

static bool parse_size(const char *text, int *w, int *h)
{
    const char *x = strchr(text, 'x');
    char width[16];
    uint64_t vw, vh;
    if (!x || (size_t)(x - text) >= sizeof width)
        return false;
    memcpy(width, text, (size_t)(x - text));
    width[x - text] = '\0';
    if (!parse_count(width, 1, MAX_DUMP_SIDE, &vw) ||
        !parse_count(x + 1, 1, MAX_DUMP_SIDE, &vh))
        return false;
    *w = (int)vw;
    *h = (int)vh;
    return true;
}

void options_defaults(struct options *o)
{
    memset(o, 0, sizeof *o);
    o->mode = MODE_TUI;
    o->selection.x_column = "sepal_length";
    o->selection.y_column = "petal_length";
    o->selection.label_column = "species";
    o->selection.class_a = "setosa";
    o->selection.class_b = "versicolor";
    o->train = train_config_default();
    o->every = 1;
    o->start_x = 5.0;
    o->start_y = 5.0;
    o->epochs_per_frame = 1;
    const char *no_color = getenv("NO_COLOR");
    o->no_color = no_color && *no_color;
}

/* Writes the complaint about value into why; returns false for chaining. */
static bool complain(char *why, size_t whylen, const char *value,
                     const char *what)
{
    snprintf(why, whylen, "\"%s\" %s", value, what);
    return false;
}

/* Copies text into buf (size bytes) and points *slot at it. */
static bool store_text(const char *text, char *buf, size_t size,
                       const char **slot, char *why, size_t whylen)
{
    size_t len = strlen(text);
    if (len >= size) {
        snprintf(why, whylen, "\"%.32s...\" is too long (%zu bytes at most)",
                 text, size - 1);
        return false;
    }
    memcpy(buf, text, len + 1);
    *slot = buf;
    return true;
}

/* --data: a file, or "builtin:NAME" for a table compiled in. */
static bool apply_data(struct options *o, const char *arg, char *why,
                       size_t whylen)
{
    const char *text;
    size_t len;
    if (strncmp(arg, BUILTIN_PREFIX, strlen(BUILTIN_PREFIX)) == 0 &&
        !builtin_table(arg, &text, &len)) {
        char what[256];
        snprintf(what, sizeof what, "is not a built-in table (%s)",
                 builtin_table_names());
        return complain(why, whylen, arg, what);
    }
    if (!*arg)
        return complain(why, whylen, arg, "is not a file name");
    return store_text(arg, o->data_buf, sizeof o->data_buf, &o->data_path,
                      why, whylen);
}

/* Applies one option with its argument (NULL for a flag without one):
 * checks it and stores it in o. Options that only choose the mode are
 * handled by options_parse, not here. false with why on a bad value. */
static bool apply_option(struct options *o, int opt, const char *arg,
                         char *why, size_t whylen)
{
    uint64_t count;
    double number;

    switch (opt) {
    case OPT_DATA:
        return apply_data(o, arg, why, whylen);
    case OPT_X:
        return store_text(arg, o->column_buf[0], sizeof o->column_buf[0],
                          &o->selection.x_column, why, whylen);
    case OPT_Y:
        return store_text(arg, o->column_buf[1], sizeof o->column_buf[1],
                          &o->selection.y_column, why, whylen);
    case OPT_LABEL:
        return store_text(arg, o->column_buf[2], sizeof o->column_buf[2],
                          &o->selection.label_column, why, whylen);
    case OPT_CLASSES:
        return parse_classes(arg, o) ||
               complain(why, whylen, arg, "is not two class names as A,B");
    case OPT_ACTIVATION:
        return activation_parse(arg, &o->train.activation) ||
               complain(why, whylen, arg, "is not one of sigmoid, linear, relu, step");
    case OPT_LOSS:
        return loss_parse(arg, &o->train.loss) ||
               complain(why, whylen, arg, "is not one of MSE, MAE, BCE");
    case OPT_LR:
        if (!parse_number(arg, &number) || !(number > 0.0))
            return complain(why, whylen, arg, "is not a positive number");
        o->train.lr = number;
        return true;
    case OPT_BATCH:
        if (strcmp(arg, "full") == 0) {
            o->train.batch = 0;
            return true;
        }
        if (!parse_count(arg, 1, SIZE_MAX, &count))
            return complain(why, whylen, arg, "is not a whole number >= 1 or \"full\"");
        o->train.batch = (size_t)count;
        return true;
    case OPT_SHUFFLE:
        if (strcmp(arg, "on") == 0 || strcmp(arg, "off") == 0) {
            o->train.shuffle = strcmp(arg, "on") == 0;
            return true;
        }
        return complain(why, whylen, arg, "is not on or off");
    case OPT_INIT:
        return init_parse(arg, &o->train.init) ||
               complain(why, whylen, arg, "is not zeros or uniform");
    case OPT_SEED:
        if (!parse_count(arg, 0, UINT64_MAX, &count))
            return complain(why, whylen, arg, "is not a whole number >= 0");
        o->train.seed = count;
        return true;
    case OPT_EPOCHS:
        if (!parse_count(arg, 0, (uint64_t)1 << 48, &count))
            return complain(why, whylen, arg, "is not a whole number >= 0");
        o->epochs = (size_t)count;
        return true;
    case OPT_EPOCHS_PER_FRAME:
        if (!parse_count(arg, 1, MAX_EPOCHS_PER_FRAME, &count))
            return complain(why, whylen, arg, "is not a whole number from 1 to 65536");
        o->epochs_per_frame = (unsigned)count;
        return true;
    case OPT_STANDARDIZE:
        if (!arg || strcmp(arg, "on") == 0 || strcmp(arg, "off") == 0) {
            o->selection.standardize = !arg || strcmp(arg, "on") == 0;
            return true;
        }
        return complain(why, whylen, arg, "is not on or off");
    case OPT_VIEW:
        if (strcmp(arg, "bowl") == 0 || strcmp(arg, "landscape") == 0) {
            o->landscape = strcmp(arg, "landscape") == 0;
            return true;
        }
        return complain(why, whylen, arg, "is not bowl or landscape");
    case OPT_REGIONS:
        if (!arg || strcmp(arg, "on") == 0 || strcmp(arg, "off") == 0) {
            o->regions = !arg || strcmp(arg, "on") == 0;
            return true;
        }
        return complain(why, whylen, arg, "is not on or off");
    case OPT_ASCII: o->ascii = true; return true;
    case OPT_NO_COLOR: o->no_color = true; return true;
    case OPT_EVERY:
        if (!parse_count(arg, 1, SIZE_MAX, &count))
            return complain(why, whylen, arg, "is not a whole number >= 1");
        o->every = (size_t)count;
        return true;
    case OPT_START:
        return parse_pair(arg, &o->start_x, &o->start_y) ||
               complain(why, whylen, arg, "is not two numbers as X,Y");
    case OPT_DUMP_FRAME:
        return parse_size(arg, &o->dump_width, &o->dump_height) ||
               complain(why, whylen, arg, "is not a size WxH (each 1 to 1000)");
    case OPT_RECORD:
        if (!*arg)
            return complain(why, whylen, arg, "is not a file name");
        o->record_path = arg;
        return true;
    case OPT_REPLAY:
        if (!*arg)
            return complain(why, whylen, arg, "is not a file name");
        o->replay_path = arg;
        return true;
    default:
        snprintf(why, whylen, "is not an option");
        return false;
    }
}

/* The option whose long name is name, or 0. */
static int option_by_name(const char *name)
{
    for (const struct option *l = long_options; l->name; l++)
        if (strcmp(l->name, name) == 0)
            return l->val;
    return 0;
}

static const char *option_name(int opt)
{
    for (const struct option *l = long_options; l->name; l++)
        if (l->val == opt)
            return l->name;
    return "?";
}

static bool is_lesson_setting(int opt)
{
    for (size_t i = 0; i < LESSON_SETTING_COUNT; i++)
        if (lesson_settings[i] == opt)
            return true;
    return false;
}

static uint64_t option_bit(int opt)
{
    return (uint64_t)1 << (opt - OPT_DATA);
}

enum setting_status options_set(struct options *o, const char *name,
                                const char *value, char *why, size_t whylen)
{
    int opt = option_by_name(name);
    if (opt == 0)
        return SETTING_UNKNOWN;
    if (!is_lesson_setting(opt))
        return SETTING_COMMAND_LINE_ONLY;
    return apply_option(o, opt, value, why, whylen) ? SETTING_OK
                                                     : SETTING_BAD_VALUE;
}

const char *options_setting_names(void)
{
    static char names[512];
    if (!names[0]) {
        size_t used = 0;
        for (size_t i = 0; i < LESSON_SETTING_COUNT; i++)
            used += (size_t)snprintf(names + used, sizeof names - used, "%s%s",
                                     i ? ", " : "", option_name(lesson_settings[i]));
    }
    return names;
}

bool options_explicit(const struct options *o, const char *name)
{
    int opt = option_by_name(name);
    return opt != 0 && (o->explicit_options & option_bit(opt)) != 0;
}

/* Puts the setting opt of o back to its value in d. */
static void restore_setting(struct options *o, const struct options *d, int opt)
{
    switch (opt) {
    case OPT_DATA: o->data_path = d->data_path; break;
    case OPT_X: o->selection.x_column = d->selection.x_column; break;
    case OPT_Y: o->selection.y_column = d->selection.y_column; break;
    case OPT_LABEL: o->selection.label_column = d->selection.label_column; break;
    case OPT_CLASSES:
        o->selection.class_a = d->selection.class_a;
        o->selection.class_b = d->selection.class_b;
        break;
    case OPT_STANDARDIZE: o->selection.standardize = d->selection.standardize; break;
    case OPT_ACTIVATION: o->train.activation = d->train.activation; break;
    case OPT_LOSS: o->train.loss = d->train.loss; break;
    case OPT_LR: o->train.lr = d->train.lr; break;
    case OPT_BATCH: o->train.batch = d->train.batch; break;
    case OPT_SHUFFLE: o->train.shuffle = d->train.shuffle; break;
    case OPT_INIT: o->train.init = d->train.init; break;
    case OPT_SEED: o->train.seed = d->train.seed; break;
    case OPT_EPOCHS: o->epochs = d->epochs; break;
    case OPT_EPOCHS_PER_FRAME: o->epochs_per_frame = d->epochs_per_frame; break;
    case OPT_START:
        o->start_x = d->start_x;
        o->start_y = d->start_y;
        break;
    case OPT_VIEW: o->landscape = d->landscape; break;
    case OPT_REGIONS: o->regions = d->regions; break;
    default: break;
    }
}

static bool mode_is_headless(enum run_mode mode)
{
    return mode == MODE_HEADLESS || mode == MODE_HEADLESS_BOWL;
}

void options_clear_lesson(struct options *o)
{
    struct options d; /* the defaults: only constants point into it */
    options_defaults(&d);
    d.epochs = mode_is_headless(o->mode) ? 100 : 0;
    for (size_t i = 0; i < LESSON_SETTING_COUNT; i++)
        if (!(o->explicit_options & option_bit(lesson_settings[i])))
            restore_setting(o, &d, lesson_settings[i]);
    o->lesson_name[0] = '\0';
    o->caption[0][0] = '\0';
    o->caption[1][0] = '\0';
}

/* Loads the lesson called name (or the file) and applies it to o. */
static bool use_lesson(struct options *o, const char *name, char *err,
                       size_t errlen)
{
    struct lesson *l = malloc(sizeof *l);
    if (!l) {
        snprintf(err, errlen, "out of memory");
        return false;
    }
    bool ok = lesson_find(name, l, err, errlen) &&
              lesson_apply(l, o, err, errlen);
    free(l);
    return ok;
}

bool options_parse(int argc, char **argv, struct options *o, char *err,
                   size_t errlen)
{
    bool bowl = false, headless = false, help = false, version = false,
         dump = false;
    const char *lesson = NULL;
    char why[512];
    options_defaults(o);
    opterr = 0;
    optind = 1;
    int opt;
    while ((opt = getopt_long(argc, argv, ":", long_options, NULL)) != -1) {
        if (opt == '?') {
            snprintf(err, errlen, "unknown option \"%s\" (see --help)", argv[optind - 1]);
            return false;
        }
        if (opt == ':') {
            snprintf(err, errlen, "option \"%s\" needs a value (see --help)", argv[optind - 1]);
            return false;
        }
        switch (opt) {
        case OPT_HELP: help = true; continue;
        case OPT_VERSION: version = true; continue;
        case OPT_HEADLESS: headless = true; continue;
        case OPT_BOWL: bowl = true; continue;
        case OPT_LESSON: lesson = optarg; continue;
        default: break;
        }
        if (!apply_option(o, opt, optarg, why, sizeof why)) {
            snprintf(err, errlen, "--%s: %s (see --help)", option_name(opt), why);
            return false;
        }
        o->explicit_options |= option_bit(opt);
        dump |= opt == OPT_DUMP_FRAME;
    }
    if (optind < argc) {
        snprintf(err, errlen, "unexpected argument \"%s\" (see --help)", argv[optind]);
        return false;
    }
    if (help || version) {
        o->mode = help ? MODE_HELP : MODE_VERSION;
        return true;
    }
    if (lesson && strcmp(lesson, "list") == 0) {
        o->mode = MODE_LESSON_LIST;
        return true;
    }
    if (bowl && !headless) {
        snprintf(err, errlen, "--bowl goes with --headless (see --help)");
        return false;
    }
    if (headless && dump) {
        snprintf(err, errlen, "--headless and --dump-frame cannot be combined (see --help)");
        return false;
    }
    if (headless)
        o->mode = bowl ? MODE_HEADLESS_BOWL : MODE_HEADLESS;
    else if (dump)
        o->mode = MODE_DUMP_FRAME;
    else
        o->mode = MODE_TUI;
    if (!(o->explicit_options & option_bit(OPT_EPOCHS)))
        o->epochs = headless ? 100 : 0;
    return !lesson || use_lesson(o, lesson, err, errlen);
}
