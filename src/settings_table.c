/* settings_table.c - the settings table (settings.h): every option of
 * descent once, and one parse and one format function per kind of value.
 * The rows are in --help order. */
#include "settings.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtin.h"
#include "dataset.h"
#include "generate.h"
#include "neuron.h"
#include "optimizer.h"
#include "schedule.h"
#include "surface.h"
#include "trainer.h"
#include "util.h"

#define FIELD(member) offsetof(struct options, member), \
                      sizeof ((struct options *)0)->member
#define BUFFER(member) offsetof(struct options, member), \
                       sizeof ((struct options *)0)->member
#define NO_BUFFER 0, 0

/* The field of o that row s owns, as a pointer to type T. */
#define SLOT(T, s, o) ((T *)(void *)((char *)(o) + (s)->offset))
#define CONST_SLOT(T, s, o) ((const T *)(const void *)((const char *)(o) + (s)->offset))

typedef const char *text_field; /* CONST_SLOT(text_field, ...) */

static bool complain(const struct setting *s, const char *value, char *why,
                     size_t whylen)
{
    snprintf(why, whylen, "\"%s\" %s", value ? value : "", s->complaint);
    return false;
}

bool settings_parse_count(const char *text, uint64_t min, uint64_t max,
                          uint64_t *out)
{
    if (!text || !*text)
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

/* ---------- kinds: parse and format ---------- */

/* Text copied into the row's buffer; the field points at the copy. */
static bool parse_text(const struct setting *s, struct options *o,
                       const char *value, char *why, size_t whylen)
{
    size_t len = strlen(value);
    if (len >= s->capacity) {
        snprintf(why, whylen, "\"%.32s...\" is too long (%zu bytes at most)",
                 value, s->capacity - 1);
        return false;
    }
    char *buf = (char *)o + s->buffer;
    memcpy(buf, value, len + 1);
    *SLOT(const char *, s, o) = buf;
    return true;
}

static bool format_text(const struct setting *s, const struct options *o,
                        char *buf, size_t size)
{
    const char *text = *CONST_SLOT(text_field, s, o);
    if (!text)
        return false;
    int n = snprintf(buf, size, "%s", text);
    return n >= 0 && (size_t)n < size;
}

/* --data: a file, or "builtin:NAME" for a table compiled in. */
static bool parse_data(const struct setting *s, struct options *o,
                       const char *value, char *why, size_t whylen)
{
    const char *text;
    size_t len;
    if (strncmp(value, GENERATE_PREFIX, strlen(GENERATE_PREFIX)) == 0) {
        char *csv = NULL;
        size_t size = 0;
        char complaint[160];
        if (!generate_csv(value + strlen(GENERATE_PREFIX), 1, 0.0, 1, &csv, &size,
                          complaint, sizeof complaint)) {
            snprintf(why, whylen, "\"%s\" is not a generated data set (gen:%s)",
                     value, generate_names());
            return false;
        }
        free(csv);
    } else if (strncmp(value, BUILTIN_PREFIX, strlen(BUILTIN_PREFIX)) == 0 &&
        !builtin_table(value, &text, &len)) {
        snprintf(why, whylen, "\"%s\" is not a built-in table (%s)", value,
                 builtin_table_names());
        return false;
    }
    if (!*value)
        return complain(s, value, why, whylen);
    return parse_text(s, o, value, why, whylen);
}

/* A file name kept as given (it points into argv). */
static bool parse_path(const struct setting *s, struct options *o,
                       const char *value, char *why, size_t whylen)
{
    if (!*value)
        return complain(s, value, why, whylen);
    *SLOT(const char *, s, o) = value;
    return true;
}

/* --classes A,B into the two class buffers. */
static bool parse_classes(const struct setting *s, struct options *o,
                          const char *value, char *why, size_t whylen)
{
    const char *comma = strchr(value, ',');
    if (!comma || strchr(comma + 1, ','))
        return complain(s, value, why, whylen);
    size_t len_a = (size_t)(comma - value), len_b = strlen(comma + 1);
    if (len_a == 0 || len_b == 0 || len_a >= sizeof o->class_buf[0] ||
        len_b >= sizeof o->class_buf[1])
        return complain(s, value, why, whylen);
    memcpy(o->class_buf[0], value, len_a);
    o->class_buf[0][len_a] = '\0';
    memcpy(o->class_buf[1], comma + 1, len_b + 1);
    o->selection.class_a = o->class_buf[0];
    o->selection.class_b = o->class_buf[1];
    return true;
}

static bool format_classes(const struct setting *s, const struct options *o,
                           char *buf, size_t size)
{
    (void)s;
    int n = snprintf(buf, size, "%s,%s", o->selection.class_a,
                     o->selection.class_b);
    return n >= 0 && (size_t)n < size;
}

static bool parse_activation(const struct setting *s, struct options *o,
                             const char *value, char *why, size_t whylen)
{
    return activation_parse(value, &o->train.activation) ||
           complain(s, value, why, whylen);
}

static bool format_activation(const struct setting *s, const struct options *o,
                              char *buf, size_t size)
{
    (void)s;
    return (size_t)snprintf(buf, size, "%s", activation_name(o->train.activation)) < size;
}

static bool parse_loss(const struct setting *s, struct options *o,
                       const char *value, char *why, size_t whylen)
{
    return loss_parse(value, &o->train.loss) || complain(s, value, why, whylen);
}

static bool format_loss(const struct setting *s, const struct options *o,
                        char *buf, size_t size)
{
    (void)s;
    return (size_t)snprintf(buf, size, "%s", loss_name(o->train.loss)) < size;
}

static bool parse_init(const struct setting *s, struct options *o,
                       const char *value, char *why, size_t whylen)
{
    return init_parse(value, &o->train.init) || complain(s, value, why, whylen);
}

static bool format_init(const struct setting *s, const struct options *o,
                        char *buf, size_t size)
{
    (void)s;
    return (size_t)snprintf(buf, size, "%s", init_name(o->train.init)) < size;
}

/* A finite number > 0 (a double field). */
static bool parse_positive(const struct setting *s, struct options *o,
                           const char *value, char *why, size_t whylen)
{
    double number;
    if (!parse_number(value, &number) || !(number > 0.0))
        return complain(s, value, why, whylen);
    *SLOT(double, s, o) = number;
    return true;
}

static bool format_double(const struct setting *s, const struct options *o,
                          char *buf, size_t size)
{
    return (size_t)snprintf(buf, size, "%.17g", *CONST_SLOT(double, s, o)) < size;
}

/* A finite number from 0 to the row's max / 10 (min and max are tenths:
 * --test 0..0.9 is min 0, max 9) into a double field. */
static bool parse_tenths(const struct setting *s, struct options *o,
                         const char *value, char *why, size_t whylen)
{
    double number;
    if (!parse_number(value, &number) || !(number >= (double)s->min / 10.0)
        || !(number <= (double)s->max / 10.0))
        return complain(s, value, why, whylen);
    *SLOT(double, s, o) = number;
    return true;
}

/* A double, written only when it is not 0 (its default): record files of
 * runs without it stay as they were. */
static bool format_nonzero(const struct setting *s, const struct options *o,
                           char *buf, size_t size)
{
    return *CONST_SLOT(double, s, o) != 0.0 && format_double(s, o, buf, size);
}

/* --features: a non-empty list (its terms are checked against the
 * table's columns when the data is loaded). */
static bool parse_features(const struct setting *s, struct options *o,
                           const char *value, char *why, size_t whylen)
{
    if (!*value)
        return complain(s, value, why, whylen);
    return parse_text(s, o, value, why, whylen);
}

/* A whole number in [min, max] into a size_t, unsigned or uint64_t
 * field (by the field's size). */
static bool parse_count(const struct setting *s, struct options *o,
                        const char *value, char *why, size_t whylen)
{
    uint64_t count;
    if (!settings_parse_count(value, s->min, s->max, &count))
        return complain(s, value, why, whylen);
    if (s->size == sizeof(unsigned))
        *SLOT(unsigned, s, o) = (unsigned)count;
    else if (s->size == sizeof(uint64_t))
        *SLOT(uint64_t, s, o) = count;
    else
        *SLOT(size_t, s, o) = (size_t)count;
    return true;
}

static bool format_count(const struct setting *s, const struct options *o,
                         char *buf, size_t size)
{
    unsigned long long v;
    if (s->size == sizeof(unsigned))
        v = *CONST_SLOT(unsigned, s, o);
    else if (s->size == sizeof(uint64_t))
        v = *CONST_SLOT(uint64_t, s, o);
    else
        v = *CONST_SLOT(size_t, s, o);
    return (size_t)snprintf(buf, size, "%llu", v) < size;
}

/* --points, written only when it is not its default. */
static bool format_points(const struct setting *s, const struct options *o,
                          char *buf, size_t size)
{
    return o->points != GENERATE_POINTS_DEFAULT && format_count(s, o, buf, size);
}

/* A count, or "full" for 0 (the batch). */
static bool parse_count_or_full(const struct setting *s, struct options *o,
                                const char *value, char *why, size_t whylen)
{
    if (strcmp(value, "full") == 0) {
        *SLOT(size_t, s, o) = 0;
        return true;
    }
    return parse_count(s, o, value, why, whylen);
}

static bool format_count_or_full(const struct setting *s,
                                 const struct options *o, char *buf, size_t size)
{
    if (*CONST_SLOT(size_t, s, o) == 0)
        return (size_t)snprintf(buf, size, "full") < size;
    return format_count(s, o, buf, size);
}

/* on|off into a bool; no value (an optional one left out) is on. */
static bool parse_on_off(const struct setting *s, struct options *o,
                         const char *value, char *why, size_t whylen)
{
    if (!value) {
        *SLOT(bool, s, o) = true;
        return true;
    }
    return util_parse_on_off(value, SLOT(bool, s, o)) ||
           complain(s, value, why, whylen);
}

static bool format_on_off(const struct setting *s, const struct options *o,
                          char *buf, size_t size)
{
    return (size_t)snprintf(buf, size, "%s",
                            *CONST_SLOT(bool, s, o) ? "on" : "off") < size;
}

/* A flag without a value: the bool becomes true. */
static bool parse_flag(const struct setting *s, struct options *o,
                       const char *value, char *why, size_t whylen)
{
    (void)value;
    (void)why;
    (void)whylen;
    *SLOT(bool, s, o) = true;
    return true;
}

_Static_assert(offsetof(struct options, mesh) ==
               offsetof(struct options, landscape) + sizeof(bool),
               "--view sets two adjacent bools: landscape, then mesh");

/* --view bowl|landscape|mesh|landscape-mesh: two adjacent bools, the
 * landscape (else the bowl) and the 3D mesh (else the contours). */
static bool parse_view(const struct setting *s, struct options *o,
                       const char *value, char *why, size_t whylen)
{
    static const char *const words[4] = {"bowl", "landscape", "mesh", "landscape-mesh"};
    for (int i = 0; i < 4; i++)
        if (strcmp(value, words[i]) == 0) {
            SLOT(bool, s, o)[0] = i % 2 == 1;
            SLOT(bool, s, o)[1] = i >= 2;
            return true;
        }
    return complain(s, value, why, whylen);
}

/* "X,Y": two finite numbers into two adjacent double fields. */
static bool parse_pair(const struct setting *s, struct options *o,
                       const char *value, char *why, size_t whylen)
{
    const char *comma = strchr(value, ',');
    char first[128];
    double x, y;
    if (!comma || (size_t)(comma - value) >= sizeof first)
        return complain(s, value, why, whylen);
    memcpy(first, value, (size_t)(comma - value));
    first[comma - value] = '\0';
    if (!parse_number(first, &x) || !parse_number(comma + 1, &y))
        return complain(s, value, why, whylen);
    SLOT(double, s, o)[0] = x;
    SLOT(double, s, o)[1] = y;
    return true;
}

static bool format_pair(const struct setting *s, const struct options *o,
                        char *buf, size_t size)
{
    const double *v = CONST_SLOT(double, s, o);
    return (size_t)snprintf(buf, size, "%.17g,%.17g", v[0], v[1]) < size;
}

/* "WxH": two counts in [min, max] into two adjacent int fields. */
static bool parse_size(const struct setting *s, struct options *o,
                       const char *value, char *why, size_t whylen)
{
    const char *x = strchr(value, 'x');
    char width[16];
    uint64_t w, h;
    if (!x || (size_t)(x - value) >= sizeof width)
        return complain(s, value, why, whylen);
    memcpy(width, value, (size_t)(x - value));
    width[x - value] = '\0';
    if (!settings_parse_count(width, s->min, s->max, &w) ||
        !settings_parse_count(x + 1, s->min, s->max, &h))
        return complain(s, value, why, whylen);
    SLOT(int, s, o)[0] = (int)w;
    SLOT(int, s, o)[1] = (int)h;
    return true;
}

/* ---------- the learning-rate lab's kinds ---------- */

static bool parse_surface(const struct setting *s, struct options *o,
                          const char *value, char *why, size_t whylen)
{
    return surface_parse(value, SLOT(enum surface_kind, s, o)) ||
           complain(s, value, why, whylen);
}

static bool format_surface(const struct setting *s, const struct options *o,
                           char *buf, size_t size)
{
    return (size_t)snprintf(buf, size, "%s",
                            surface_name(*CONST_SLOT(enum surface_kind, s, o))) < size;
}

static bool parse_optimizer(const struct setting *s, struct options *o,
                            const char *value, char *why, size_t whylen)
{
    return optimizer_parse(value, SLOT(enum optimizer_kind, s, o)) ||
           complain(s, value, why, whylen);
}

static bool format_optimizer(const struct setting *s, const struct options *o,
                             char *buf, size_t size)
{
    return (size_t)snprintf(buf, size, "%s",
                            optimizer_name(*CONST_SLOT(enum optimizer_kind, s, o))) < size;
}

static bool parse_schedule(const struct setting *s, struct options *o,
                           const char *value, char *why, size_t whylen)
{
    return schedule_parse(value, SLOT(enum schedule_kind, s, o)) ||
           complain(s, value, why, whylen);
}

static bool format_schedule(const struct setting *s, const struct options *o,
                            char *buf, size_t size)
{
    return (size_t)snprintf(buf, size, "%s",
                            schedule_name(*CONST_SLOT(enum schedule_kind, s, o))) < size;
}

/* A decay rate: a number in [0, 1). */
static bool parse_decay_rate(const struct setting *s, struct options *o,
                             const char *value, char *why, size_t whylen)
{
    double number;
    if (!parse_number(value, &number) || !(number >= 0.0 && number < 1.0))
        return complain(s, value, why, whylen);
    *SLOT(double, s, o) = number;
    return true;
}

/* ---------- the rows ---------- */

#define G_DATA "Data"
#define G_TRAINING "Training"
#define G_SCREEN "Screen"
#define G_LESSONS "Lessons"
#define G_LAB "Learning-rate lab"
#define G_RECORD "Record and replay"
#define G_HEADLESS "Without a terminal"
#define G_OTHER ""

#define ON_OFF "is not on or off"
#define LESSON_RECORD (SCOPE_LESSON | SCOPE_RECORD)

static const struct setting table[] = {
    {"data", "FILE", G_DATA, "the built-in Iris table",
     "CSV file with a header row, or builtin:and, builtin:or, builtin:xor, "
     "or generated: gen:circle, gen:xor, gen:gauss, gen:spiral (columns "
     "x1,x2,label), gen:line (x1,y), gen:plane (x1,x2,y)",
     LESSON_RECORD | SCOPE_PATH, VALUE_REQUIRED, parse_data, format_text,
     FIELD(data_path), BUFFER(data_buf), 0, 0, "is not a file name"},
    {"x", "COL", G_DATA, "sepal_length", "feature on the x axis",
     LESSON_RECORD, VALUE_REQUIRED, parse_text, format_text,
     FIELD(selection.x_column), BUFFER(column_buf[0]), 0, 0, ""},
    {"y", "COL", G_DATA, "petal_length", "feature on the y axis",
     LESSON_RECORD, VALUE_REQUIRED, parse_text, format_text,
     FIELD(selection.y_column), BUFFER(column_buf[1]), 0, 0, ""},
    {"label", "COL", G_DATA, "species", "column holding the class",
     LESSON_RECORD, VALUE_REQUIRED, parse_text, format_text,
     FIELD(selection.label_column), BUFFER(column_buf[2]), 0, 0, ""},
    {"classes", "A,B", G_DATA, "setosa,versicolor",
     "the two classes; A is target 0, B target 1",
     LESSON_RECORD, VALUE_REQUIRED, parse_classes, format_classes,
     offsetof(struct options, selection.class_a), 2 * sizeof(const char *),
     NO_BUFFER, 0, 0, "is not two class names as A,B"},
    {"standardize", "[=on|off]", G_DATA, "off",
     "scale each feature to mean 0, standard deviation 1",
     LESSON_RECORD, VALUE_OPTIONAL, parse_on_off, format_on_off,
     FIELD(selection.standardize), NO_BUFFER, 0, 0, ON_OFF},
    {"features", "LIST", G_DATA, "the --x and --y columns",
     "the neuron's inputs: a comma list of terms, each a product F*F*... of "
     "factors COL, COL^K (K = 2..9) or sin(COL), e.g. x1,x2,x1*x2",
     LESSON_RECORD, VALUE_REQUIRED, parse_features, format_text,
     FIELD(selection.features), BUFFER(features_buf), 0, 0,
     "is not a list of terms"},
    {"target", "COL", G_DATA, NULL,
     "regression: fit this numeric column instead of --label and --classes "
     "(activation linear and loss MSE unless given)",
     LESSON_RECORD, VALUE_REQUIRED, parse_text, format_text,
     FIELD(selection.target_column), BUFFER(target_buf), 0, 0, ""},
    {"test", "F", G_DATA, "0",
     "hold out the fraction F (0 to 0.9) of the rows, drawn by --seed: never "
     "trained on, their cost and accuracy shown beside the training ones",
     LESSON_RECORD, VALUE_REQUIRED, parse_tenths, format_nonzero,
     FIELD(selection.test_fraction), NO_BUFFER, 0, 9,
     "is not a fraction from 0 to 0.9"},
    {"points", "N", G_DATA, "200", "rows of --data gen:NAME, 1..1000000",
     LESSON_RECORD, VALUE_REQUIRED, parse_count, format_points,
     FIELD(points), NO_BUFFER, 1, GENERATE_POINTS_MAX,
     "is not a whole number from 1 to 1000000"},
    {"noise", "F", G_DATA, "0", "noise of --data gen:NAME, 0 to 0.5",
     LESSON_RECORD, VALUE_REQUIRED, parse_tenths, format_nonzero,
     FIELD(noise), NO_BUFFER, 0, 5, "is not a number from 0 to 0.5"},

    {"activation", "NAME", G_TRAINING, "sigmoid", "sigmoid, linear, relu or step",
     LESSON_RECORD, VALUE_REQUIRED, parse_activation, format_activation,
     FIELD(train.activation), NO_BUFFER, 0, 0,
     "is not one of sigmoid, linear, relu, step"},
    {"loss", "NAME", G_TRAINING, "MSE", "MSE, MAE or BCE",
     LESSON_RECORD, VALUE_REQUIRED, parse_loss, format_loss,
     FIELD(train.loss), NO_BUFFER, 0, 0, "is not one of MSE, MAE, BCE"},
    {"lr", "X", G_TRAINING, "0.5", "learning rate, > 0",
     LESSON_RECORD, VALUE_REQUIRED, parse_positive, format_double,
     FIELD(train.lr), NO_BUFFER, 0, 0, "is not a positive number"},
    {"batch", "N|full", G_TRAINING, "full", "minibatch size",
     LESSON_RECORD, VALUE_REQUIRED, parse_count_or_full, format_count_or_full,
     FIELD(train.batch), NO_BUFFER, 1, SIZE_MAX,
     "is not a whole number >= 1 or \"full\""},
    {"shuffle", "on|off", G_TRAINING, "on", "shuffle the samples every epoch",
     LESSON_RECORD, VALUE_REQUIRED, parse_on_off, format_on_off,
     FIELD(train.shuffle), NO_BUFFER, 0, 0, ON_OFF},
    {"init", "zeros|uniform", G_TRAINING, "zeros",
     "initial weights: zeros or uniform(-1,1)",
     LESSON_RECORD, VALUE_REQUIRED, parse_init, format_init,
     FIELD(train.init), NO_BUFFER, 0, 0, "is not zeros or uniform"},
    {"seed", "N", G_TRAINING, "1", "seed of the random numbers",
     LESSON_RECORD, VALUE_REQUIRED, parse_count, format_count,
     FIELD(train.seed), NO_BUFFER, 0, UINT64_MAX, "is not a whole number >= 0"},
    {"epochs", "N", G_TRAINING,
     "100 headless, 0 with --dump-frame, unlimited in the TUI",
     "stop after N epochs, at most 2^48",
     LESSON_RECORD, VALUE_REQUIRED, parse_count, format_count,
     FIELD(epochs), NO_BUFFER, 0, SETTINGS_EPOCHS_MAX,
     "is not a whole number from 0 to 2^48"},

    {"epochs-per-frame", "N", G_SCREEN, "1", "training speed in the TUI, 1..65536",
     SCOPE_LESSON, VALUE_REQUIRED, parse_count, format_count,
     FIELD(epochs_per_frame), NO_BUFFER, 1, 65536,
     "is not a whole number from 1 to 65536"},
    {"ascii", "", G_SCREEN, NULL, "ASCII drawing only, even in a UTF-8 terminal",
     SCOPE_COMMAND_LINE, VALUE_NONE, parse_flag, NULL,
     FIELD(ascii), NO_BUFFER, 0, 0, ""},
    {"no-color", "", G_SCREEN, NULL, "no colours (also when NO_COLOR is set)",
     SCOPE_COMMAND_LINE, VALUE_NONE, parse_flag, NULL,
     FIELD(no_color), NO_BUFFER, 0, 0, ""},
    {"view", "bowl|landscape|mesh|landscape-mesh", G_SCREEN, "bowl; v, m toggle",
     "right panel: the bowl x^2+y^2 or the neuron's cost over (w1, w2), "
     "as contours or (mesh) as a 3D mesh",
     SCOPE_LESSON, VALUE_REQUIRED, parse_view, NULL,
     offsetof(struct options, landscape), 2 * sizeof(bool), NO_BUFFER, 0, 0,
     "is not bowl, landscape, mesh or landscape-mesh"},
    {"regions", "[=on|off]", G_SCREEN, "off; d toggles", "shade the decision regions",
     SCOPE_LESSON, VALUE_OPTIONAL, parse_on_off, NULL,
     FIELD(regions), NO_BUFFER, 0, 0, ON_OFF},
    {"dump-frame", "WxH", G_SCREEN, NULL,
     "train --epochs epochs, print one frame of the screen as W columns by H "
     "lines of text, and exit",
     SCOPE_COMMAND_LINE, VALUE_REQUIRED, parse_size, NULL,
     offsetof(struct options, dump_width), 2 * sizeof(int), NO_BUFFER, 1, 1000,
     "is not a size WxH (each 1 to 1000)"},

    {"surface", "NAME", G_LAB, "bowl; f cycles",
     "right panel: bowl (x^2+y^2), stretched (x^2+kappa*y^2), rosenbrock, "
     "saddle (x^2-y^2) or wells (two Gaussian wells)",
     LESSON_RECORD, VALUE_REQUIRED, parse_surface, format_surface,
     FIELD(bowl_config.surface.kind), NO_BUFFER, 0, 0,
     "is not one of bowl, stretched, rosenbrock, saddle, wells"},
    {"kappa", "X", G_LAB, "10; k, K double and halve",
     "the stretched bowl's condition number, > 0",
     LESSON_RECORD, VALUE_REQUIRED, parse_positive, format_double,
     FIELD(bowl_config.surface.kappa), NO_BUFFER, 0, 0, "is not a positive number"},
    {"optimizer", "NAME", G_LAB, "sgd; o cycles",
     "sgd, momentum, nesterov, adagrad, rmsprop or adam",
     LESSON_RECORD, VALUE_REQUIRED, parse_optimizer, format_optimizer,
     FIELD(bowl_config.optimizer.kind), NO_BUFFER, 0, 0,
     "is not one of sgd, momentum, nesterov, adagrad, rmsprop, adam"},
    {"momentum", "B", G_LAB, "0.9", "momentum and nesterov's beta, in [0, 1)",
     LESSON_RECORD, VALUE_REQUIRED, parse_decay_rate, format_double,
     FIELD(bowl_config.optimizer.momentum), NO_BUFFER, 0, 0, "is not in [0, 1)"},
    {"rho", "R", G_LAB, "0.99", "rmsprop's decay, in [0, 1)",
     LESSON_RECORD, VALUE_REQUIRED, parse_decay_rate, format_double,
     FIELD(bowl_config.optimizer.rho), NO_BUFFER, 0, 0, "is not in [0, 1)"},
    {"beta1", "B", G_LAB, "0.9", "adam's first-moment decay, in [0, 1)",
     LESSON_RECORD, VALUE_REQUIRED, parse_decay_rate, format_double,
     FIELD(bowl_config.optimizer.beta1), NO_BUFFER, 0, 0, "is not in [0, 1)"},
    {"beta2", "B", G_LAB, "0.999", "adam's second-moment decay, in [0, 1)",
     LESSON_RECORD, VALUE_REQUIRED, parse_decay_rate, format_double,
     FIELD(bowl_config.optimizer.beta2), NO_BUFFER, 0, 0, "is not in [0, 1)"},
    {"eps", "E", G_LAB, "1e-8", "added to the square root (adagrad, rmsprop, adam), > 0",
     LESSON_RECORD, VALUE_REQUIRED, parse_positive, format_double,
     FIELD(bowl_config.optimizer.eps), NO_BUFFER, 0, 0, "is not a positive number"},
    {"schedule", "NAME", G_LAB, "constant",
     "the lr of epoch e: constant, step (lr*F^floor((e-1)/K)), exp "
     "(lr*F^((e-1)/K)) or cosine (warm restarts every K epochs)",
     LESSON_RECORD, VALUE_REQUIRED, parse_schedule, format_schedule,
     FIELD(bowl_config.schedule.kind), NO_BUFFER, 0, 0,
     "is not one of constant, step, exp, cosine"},
    {"decay", "F", G_LAB, "0.5", "the schedule's factor F, > 0",
     LESSON_RECORD, VALUE_REQUIRED, parse_positive, format_double,
     FIELD(bowl_config.schedule.decay), NO_BUFFER, 0, 0, "is not a positive number"},
    {"decay-every", "K", G_LAB, "100", "the schedule's period K in epochs, >= 1",
     LESSON_RECORD, VALUE_REQUIRED, parse_count, format_count,
     FIELD(bowl_config.schedule.every), NO_BUFFER, 1, SIZE_MAX,
     "is not a whole number >= 1"},
    {"race", "[=on|off]", G_LAB, "off; R toggles",
     "race every optimizer on the surface from the same start (with "
     "--headless --bowl: step,optimizer,x,y,f rows)",
     SCOPE_LESSON, VALUE_OPTIONAL, parse_on_off, NULL,
     FIELD(race), NO_BUFFER, 0, 0, ON_OFF},

    {"lesson", "NAME|FILE", G_LESSONS, NULL,
     "start from a lesson: its settings and a caption saying what to watch; "
     "a built-in name or a .lesson file (options given on the command line "
     "override it); --lesson list lists the built-in lessons",
     SCOPE_COMMAND_LINE, VALUE_REQUIRED, parse_path, NULL,
     FIELD(lesson_arg), NO_BUFFER, 0, 0, "is not a lesson name"},

    {"record", "FILE", G_RECORD, NULL,
     "write the settings and every key, with the epoch it was pressed at, to FILE",
     SCOPE_COMMAND_LINE, VALUE_REQUIRED, parse_path, NULL,
     FIELD(record_path), NO_BUFFER, 0, 0, "is not a file name"},
    {"replay", "FILE", G_RECORD, NULL,
     "play FILE back: the same run, bit for bit, at any speed (with "
     "--headless: print the run as CSV)",
     SCOPE_COMMAND_LINE, VALUE_REQUIRED, parse_path, NULL,
     FIELD(replay_path), NO_BUFFER, 0, 0, "is not a file name"},

    {"headless", "", G_HEADLESS, NULL,
     "print the training as CSV: epoch,cost,w1,...,wN,b,accuracy (r2 with "
     "--target; then test_cost,test_accuracy with --test)",
     SCOPE_COMMAND_LINE, VALUE_NONE, parse_flag, NULL,
     FIELD(headless), NO_BUFFER, 0, 0, ""},
    {"bowl", "", G_HEADLESS, NULL,
     "with --headless: the descent on x^2+y^2 as step,x,y,f",
     SCOPE_COMMAND_LINE, VALUE_NONE, parse_flag, NULL,
     FIELD(bowl), NO_BUFFER, 0, 0, ""},
    {"start", "X,Y", G_HEADLESS, "5,5", "where the bowl descent starts",
     LESSON_RECORD, VALUE_REQUIRED, parse_pair, format_pair,
     offsetof(struct options, start_x), 2 * sizeof(double), NO_BUFFER, 0, 0,
     "is not two numbers as X,Y"},
    {"every", "K", G_HEADLESS, "1", "print every K-th row and the last",
     SCOPE_COMMAND_LINE, VALUE_REQUIRED, parse_count, NULL,
     FIELD(every), NO_BUFFER, 1, SIZE_MAX, "is not a whole number >= 1"},

    {"help", "", G_OTHER, NULL, "this text",
     SCOPE_COMMAND_LINE, VALUE_NONE, parse_flag, NULL,
     FIELD(help), NO_BUFFER, 0, 0, ""},
    {"version", "", G_OTHER, NULL, "the version",
     SCOPE_COMMAND_LINE, VALUE_NONE, parse_flag, NULL,
     FIELD(version), NO_BUFFER, 0, 0, ""},
};

#define TABLE_COUNT (sizeof table / sizeof table[0])
_Static_assert(TABLE_COUNT <= OPTIONS_SETTINGS_MAX,
               "struct options marks at most OPTIONS_SETTINGS_MAX settings");

const struct setting *settings_table(size_t *count)
{
    *count = TABLE_COUNT;
    return table;
}

const struct setting *settings_find(const char *name)
{
    for (size_t i = 0; i < TABLE_COUNT; i++)
        if (strcmp(table[i].name, name) == 0)
            return &table[i];
    return NULL;
}

size_t settings_index(const struct setting *s)
{
    return (size_t)(s - table);
}

bool settings_check_together(const struct options *o, char *err, size_t errlen)
{
    if (!options_explicit(o, "target"))
        return true;
    const char *other = options_explicit(o, "classes") ? "classes"
                        : options_explicit(o, "label") ? "label" : NULL;
    if (other == NULL)
        return true;
    snprintf(err, errlen, "--target and --%s do not go together: --target fits a"
             " numeric column, --label and --classes pick two classes (see --help)",
             other);
    return false;
}

struct train_config settings_train_config(const struct options *o, bool regression)
{
    struct train_config c = o->train;
    if (regression && c.activation == ACT_SIGMOID && !options_explicit(o, "activation"))
        c.activation = ACT_LINEAR;
    return c;
}
