/* options.c - the command line: every option of DESIGN.md "Command line",
 * checked strictly, with one clear message for each mistake. */
#include "options.h"

#include "keymap.h"

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
    OPT_VERSION, OPT_HEADLESS, OPT_BOWL, OPT_EVERY, OPT_START, OPT_DUMP_FRAME
};

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
    {"standardize", no_argument, NULL, OPT_STANDARDIZE},
    {"ascii", no_argument, NULL, OPT_ASCII},
    {"no-color", no_argument, NULL, OPT_NO_COLOR},
    {"help", no_argument, NULL, OPT_HELP},
    {"version", no_argument, NULL, OPT_VERSION},
    {"headless", no_argument, NULL, OPT_HEADLESS},
    {"bowl", no_argument, NULL, OPT_BOWL},
    {"every", required_argument, NULL, OPT_EVERY},
    {"start", required_argument, NULL, OPT_START},
    {"dump-frame", required_argument, NULL, OPT_DUMP_FRAME},
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
        "  --standardize          scale each feature to mean 0, standard deviation 1\n"
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
        "  --dump-frame WxH       train --epochs epochs, print one frame of the screen\n"
        "                         as W columns by H lines of text, and exit\n"
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

static bool usage_error(char *err, size_t errlen, const char *option,
                        const char *value, const char *what)
{
    snprintf(err, errlen, "--%s: \"%s\" %s (see --help)", option, value, what);
    return false;
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

static void set_defaults(struct options *o)
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

/* Applies one option with its argument; false with err on a bad value. */
static bool apply_option(struct options *o, int opt, const char *arg,
                         bool *epochs_set, bool *bowl, bool *headless,
                         char *err, size_t errlen)
{
    const char *name = NULL;
    for (const struct option *l = long_options; l->name; l++)
        if (l->val == opt)
            name = l->name;
    uint64_t count;
    double number;

    switch (opt) {
    case OPT_DATA: o->data_path = arg; return true;
    case OPT_X: o->selection.x_column = arg; return true;
    case OPT_Y: o->selection.y_column = arg; return true;
    case OPT_LABEL: o->selection.label_column = arg; return true;
    case OPT_CLASSES:
        return parse_classes(arg, o) ||
               usage_error(err, errlen, name, arg, "is not two class names as A,B");
    case OPT_ACTIVATION:
        return activation_parse(arg, &o->train.activation) ||
               usage_error(err, errlen, name, arg, "is not one of sigmoid, linear, relu, step");
    case OPT_LOSS:
        return loss_parse(arg, &o->train.loss) ||
               usage_error(err, errlen, name, arg, "is not one of MSE, MAE, BCE");
    case OPT_LR:
        if (!parse_number(arg, &number) || !(number > 0.0))
            return usage_error(err, errlen, name, arg, "is not a positive number");
        o->train.lr = number;
        return true;
    case OPT_BATCH:
        if (strcmp(arg, "full") == 0) {
            o->train.batch = 0;
            return true;
        }
        if (!parse_count(arg, 1, SIZE_MAX, &count))
            return usage_error(err, errlen, name, arg, "is not a whole number >= 1 or \"full\"");
        o->train.batch = (size_t)count;
        return true;
    case OPT_SHUFFLE:
        if (strcmp(arg, "on") == 0 || strcmp(arg, "off") == 0) {
            o->train.shuffle = strcmp(arg, "on") == 0;
            return true;
        }
        return usage_error(err, errlen, name, arg, "is not on or off");
    case OPT_INIT:
        return init_parse(arg, &o->train.init) ||
               usage_error(err, errlen, name, arg, "is not zeros or uniform");
    case OPT_SEED:
        if (!parse_count(arg, 0, UINT64_MAX, &count))
            return usage_error(err, errlen, name, arg, "is not a whole number >= 0");
        o->train.seed = count;
        return true;
    case OPT_EPOCHS:
        if (!parse_count(arg, 0, (uint64_t)1 << 48, &count))
            return usage_error(err, errlen, name, arg, "is not a whole number >= 0");
        o->epochs = (size_t)count;
        *epochs_set = true;
        return true;
    case OPT_EPOCHS_PER_FRAME:
        if (!parse_count(arg, 1, MAX_EPOCHS_PER_FRAME, &count))
            return usage_error(err, errlen, name, arg, "is not a whole number from 1 to 65536");
        o->epochs_per_frame = (unsigned)count;
        return true;
    case OPT_STANDARDIZE: o->selection.standardize = true; return true;
    case OPT_ASCII: o->ascii = true; return true;
    case OPT_NO_COLOR: o->no_color = true; return true;
    case OPT_HELP: o->mode = MODE_HELP; return true;
    case OPT_VERSION: o->mode = MODE_VERSION; return true;
    case OPT_HEADLESS: *headless = true; return true;
    case OPT_BOWL: *bowl = true; return true;
    case OPT_EVERY:
        if (!parse_count(arg, 1, SIZE_MAX, &count))
            return usage_error(err, errlen, name, arg, "is not a whole number >= 1");
        o->every = (size_t)count;
        return true;
    case OPT_START:
        return parse_pair(arg, &o->start_x, &o->start_y) ||
               usage_error(err, errlen, name, arg, "is not two numbers as X,Y");
    case OPT_DUMP_FRAME:
        if (!parse_size(arg, &o->dump_width, &o->dump_height))
            return usage_error(err, errlen, name, arg, "is not a size WxH (each 1 to 1000)");
        o->mode = MODE_DUMP_FRAME;
        return true;
    default:
        snprintf(err, errlen, "unknown option (see --help)");
        return false;
    }
}

bool options_parse(int argc, char **argv, struct options *o, char *err,
                   size_t errlen)
{
    bool epochs_set = false, bowl = false, headless = false;
    bool help = false, version = false, dump = false;
    set_defaults(o);
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
        if (!apply_option(o, opt, optarg, &epochs_set, &bowl, &headless, err, errlen))
            return false;
        help |= o->mode == MODE_HELP;
        version |= o->mode == MODE_VERSION;
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
    if (!epochs_set)
        o->epochs = headless ? 100 : 0;
    return true;
}
