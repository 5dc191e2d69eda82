/* settings_table.c - the settings table (settings.h): every option of
 * descent once, and one parse and one format function per kind of value.
 * The rows are in --help order. */
#include "settings.h"
#include "settings_kinds.h"

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
     LESSON_RECORD | SCOPE_PATH, VALUE_REQUIRED, kind_parse_data, kind_format_text,
     FIELD(data_path), BUFFER(data_buf), 0, 0, "is not a file name"},
    {"delimiter", "C", G_DATA, ",",
     "the character between the fields of --data FILE: one character, or "
     "tab (also \\t); with any other than the comma a number may have a "
     "decimal comma (5,1)",
     LESSON_RECORD, VALUE_REQUIRED, kind_parse_delimiter, kind_format_delimiter,
     FIELD(delimiter), NO_BUFFER, 0, 0,
     "is not one character or tab (a quote, a space or a line break cannot be one)"},
    {"x", "COL", G_DATA, "sepal_length", "feature on the x axis",
     LESSON_RECORD, VALUE_REQUIRED, kind_parse_text, kind_format_text,
     FIELD(selection.x_column), BUFFER(column_buf[0]), 0, 0, ""},
    {"y", "COL", G_DATA, "petal_length", "feature on the y axis",
     LESSON_RECORD, VALUE_REQUIRED, kind_parse_text, kind_format_text,
     FIELD(selection.y_column), BUFFER(column_buf[1]), 0, 0, ""},
    {"label", "COL", G_DATA, "species", "column holding the class",
     LESSON_RECORD, VALUE_REQUIRED, kind_parse_text, kind_format_text,
     FIELD(selection.label_column), BUFFER(column_buf[2]), 0, 0, ""},
    {"classes", "A,B", G_DATA, "setosa,versicolor",
     "the two classes; A is target 0, B target 1 (a label column of two "
     "values: those two, sorted)",
     LESSON_RECORD, VALUE_REQUIRED, kind_parse_classes, kind_format_classes,
     offsetof(struct options, selection.class_a), 2 * sizeof(const char *),
     NO_BUFFER, 0, 0, "is not two class names as A,B"},
    {"standardize", "[=on|off]", G_DATA, "off",
     "scale each feature (with --features: each term, after it is formed) "
     "to mean 0, standard deviation 1",
     LESSON_RECORD, VALUE_OPTIONAL, kind_parse_on_off, kind_format_on_off,
     FIELD(selection.standardize), NO_BUFFER, 0, 0, ON_OFF},
    {"features", "LIST", G_DATA, "the --x and --y columns",
     "the neuron's inputs: a comma list of terms, each a product F*F*... of "
     "factors COL, COL^K (K = 2..9) or sin(COL), e.g. x1,x2,x1*x2",
     LESSON_RECORD, VALUE_REQUIRED, kind_parse_features, kind_format_text,
     FIELD(selection.features), BUFFER(features_buf), 0, 0,
     "is not a list of terms"},
    {"target", "COL", G_DATA, NULL,
     "regression: fit this numeric column instead of --label and --classes "
     "(activation linear and loss MSE unless given)",
     LESSON_RECORD, VALUE_REQUIRED, kind_parse_text, kind_format_text,
     FIELD(selection.target_column), BUFFER(target_buf), 0, 0, ""},
    {"test", "F", G_DATA, "0",
     "hold out the fraction F (0 to 0.9) of the rows, drawn by --seed: never "
     "trained on, their cost and accuracy shown beside the training ones",
     LESSON_RECORD, VALUE_REQUIRED, kind_parse_tenths, kind_format_nonzero,
     FIELD(selection.test_fraction), NO_BUFFER, 0, 9,
     "is not a fraction from 0 to 0.9"},
    {"points", "N", G_DATA, "200", "rows of --data gen:NAME, 1..1000000",
     LESSON_RECORD, VALUE_REQUIRED, kind_parse_count, kind_format_points,
     FIELD(points), NO_BUFFER, 1, GENERATE_POINTS_MAX,
     "is not a whole number from 1 to 1000000"},
    {"noise", "F", G_DATA, "0", "noise of --data gen:NAME, 0 to 0.5",
     LESSON_RECORD, VALUE_REQUIRED, kind_parse_tenths, kind_format_nonzero,
     FIELD(noise), NO_BUFFER, 0, 5, "is not a number from 0 to 0.5"},

    {"activation", "NAME", G_TRAINING, "sigmoid", "sigmoid, linear, relu or step",
     LESSON_RECORD, VALUE_REQUIRED, kind_parse_name, kind_format_name,
     FIELD(train.activation), NO_BUFFER, 0, 0,
     "is not one of sigmoid, linear, relu, step"},
    {"loss", "NAME", G_TRAINING, "MSE", "MSE, MAE or BCE",
     LESSON_RECORD, VALUE_REQUIRED, kind_parse_name, kind_format_name,
     FIELD(train.loss), NO_BUFFER, 0, 0, "is not one of MSE, MAE, BCE"},
    {"lr", "X", G_TRAINING, "0.5", "learning rate, > 0",
     LESSON_RECORD, VALUE_REQUIRED, kind_parse_positive, kind_format_double,
     FIELD(train.lr), NO_BUFFER, 0, 0, "is not a positive number"},
    {"batch", "N|full", G_TRAINING, "full", "minibatch size",
     LESSON_RECORD, VALUE_REQUIRED, kind_parse_count_or_full, kind_format_count_or_full,
     FIELD(train.batch), NO_BUFFER, 1, SIZE_MAX,
     "is not a whole number >= 1 or \"full\""},
    {"shuffle", "on|off", G_TRAINING, "on", "shuffle the samples every epoch",
     LESSON_RECORD, VALUE_REQUIRED, kind_parse_on_off, kind_format_on_off,
     FIELD(train.shuffle), NO_BUFFER, 0, 0, ON_OFF},
    {"init", "zeros|uniform", G_TRAINING, "zeros",
     "initial weights: zeros or uniform(-1,1)",
     LESSON_RECORD, VALUE_REQUIRED, kind_parse_name, kind_format_name,
     FIELD(train.init), NO_BUFFER, 0, 0, "is not zeros or uniform"},
    {"hidden", "H", G_TRAINING, "0",
     "hidden units, 0, 1, 2, 3, ... or 8: one hidden layer of H units in front "
     "of the output neuron (0: the single neuron)",
     LESSON_RECORD, VALUE_REQUIRED, kind_parse_count, kind_format_hidden,
     FIELD(train.hidden), NO_BUFFER, 0, NETWORK_HIDDEN_MAX,
     "is not a whole number from 0 to 8"},
    {"hidden-activation", "NAME", G_TRAINING, "tanh",
     "the hidden units' activation: tanh, sigmoid, relu or linear",
     LESSON_RECORD, VALUE_REQUIRED, kind_parse_name,
     kind_format_hidden_activation, FIELD(train.hidden_activation), NO_BUFFER, 0, 0,
     "is not one of tanh, sigmoid, relu, linear"},
    {"weights", "LIST", G_TRAINING, NULL,
     "the starting parameters, a comma list in the order of the headless "
     "columns (h1_w1,...,h1_b, ..., w1,...,wH,b; with --hidden 0 w1,...,wN,b); "
     "replaces --init, and r goes back to them",
     LESSON_RECORD, VALUE_REQUIRED, kind_parse_weights, kind_format_weights,
     FIELD(weights), NO_BUFFER, 0, 0, "is not a comma list of numbers"},
    {"seed", "N", G_TRAINING, "1", "seed of the random numbers",
     LESSON_RECORD, VALUE_REQUIRED, kind_parse_count, kind_format_count,
     FIELD(train.seed), NO_BUFFER, 0, UINT64_MAX, "is not a whole number >= 0"},
    {"epochs", "N", G_TRAINING,
     "100 headless, 0 with --dump-frame, unlimited in the TUI",
     "stop after N epochs, at most 2^48",
     LESSON_RECORD, VALUE_REQUIRED, kind_parse_count, kind_format_count,
     FIELD(epochs), NO_BUFFER, 0, SETTINGS_EPOCHS_MAX,
     "is not a whole number from 0 to 2^48"},

    {"epochs-per-frame", "N", G_SCREEN, "1", "training speed in the TUI, 1..65536",
     SCOPE_LESSON, VALUE_REQUIRED, kind_parse_count, kind_format_count,
     FIELD(epochs_per_frame), NO_BUFFER, 1, 65536,
     "is not a whole number from 1 to 65536"},
    {"ascii", "", G_SCREEN, NULL, "ASCII drawing only, even in a UTF-8 terminal",
     SCOPE_COMMAND_LINE, VALUE_NONE, kind_parse_flag, NULL,
     FIELD(ascii), NO_BUFFER, 0, 0, ""},
    {"no-color", "", G_SCREEN, NULL, "no colours (also when NO_COLOR is set)",
     SCOPE_COMMAND_LINE, VALUE_NONE, kind_parse_flag, NULL,
     FIELD(no_color), NO_BUFFER, 0, 0, ""},
    {"theme", "dark|light|mono", G_SCREEN,
     "light when COLORFGBG's last field is 7 or 15, else dark",
     "colours for a dark or a light background (nothing that matters in "
     "white, yellow or dim), or mono: no colour, attributes only",
     SCOPE_COMMAND_LINE, VALUE_REQUIRED, kind_parse_name, NULL,
     FIELD(theme), NO_BUFFER, 0, 0, "is not dark, light or mono"},
    {"view", "bowl|landscape|mesh|landscape-mesh", G_SCREEN, "bowl; v, m toggle",
     "right panel: the bowl x^2+y^2 or the neuron's cost over (w1, w2), "
     "as contours or (mesh) as a 3D mesh",
     SCOPE_LESSON, VALUE_REQUIRED, kind_parse_view, NULL,
     offsetof(struct options, landscape), 2 * sizeof(bool), NO_BUFFER, 0, 0,
     "is not bowl, landscape, mesh or landscape-mesh"},
    {"regions", "[=on|off]", G_SCREEN, "off; d toggles", "shade the decision regions",
     SCOPE_LESSON, VALUE_OPTIONAL, kind_parse_on_off, NULL,
     FIELD(regions), NO_BUFFER, 0, 0, ON_OFF},
    {"per-update", "[=on|off]", G_SCREEN, "off; u toggles",
     "cost plot: the cost of every update (minibatch) too",
     SCOPE_LESSON, VALUE_OPTIONAL, kind_parse_on_off, NULL,
     FIELD(per_update), NO_BUFFER, 0, 0, ON_OFF},
    {"dump-frame", "WxH", G_SCREEN, NULL,
     "train --epochs epochs, print one frame of the screen as W columns by H "
     "lines of text, and exit",
     SCOPE_COMMAND_LINE, VALUE_REQUIRED, kind_parse_size, NULL,
     offsetof(struct options, dump_width), 2 * sizeof(int), NO_BUFFER, 1, 1000,
     "is not a size WxH (each 1 to 1000)"},

    {"surface", "NAME", G_LAB, "bowl; f cycles",
     "right panel: bowl (x^2+y^2), stretched (x^2+kappa*y^2), rosenbrock, "
     "saddle (x^2-y^2) or wells (two Gaussian wells)",
     LESSON_RECORD, VALUE_REQUIRED, kind_parse_name, kind_format_name,
     FIELD(bowl_config.surface.kind), NO_BUFFER, 0, 0,
     "is not one of bowl, stretched, rosenbrock, saddle, wells"},
    {"kappa", "X", G_LAB, "10; k, K double and halve",
     "the stretched bowl's condition number, > 0",
     LESSON_RECORD, VALUE_REQUIRED, kind_parse_positive, kind_format_double,
     FIELD(bowl_config.surface.kappa), NO_BUFFER, 0, 0, "is not a positive number"},
    {"optimizer", "NAME", G_LAB, "sgd; o cycles",
     "the update rule of the neuron and the surface: sgd, momentum, nesterov, "
     "adagrad, rmsprop or adam",
     LESSON_RECORD, VALUE_REQUIRED, kind_parse_name, kind_format_name,
     FIELD(bowl_config.optimizer.kind), NO_BUFFER, 0, 0,
     "is not one of sgd, momentum, nesterov, adagrad, rmsprop, adam"},
    {"momentum", "B", G_LAB, "0.9", "momentum and nesterov's beta, in [0, 1)",
     LESSON_RECORD, VALUE_REQUIRED, kind_parse_decay_rate, kind_format_double,
     FIELD(bowl_config.optimizer.momentum), NO_BUFFER, 0, 0, "is not in [0, 1)"},
    {"rho", "R", G_LAB, "0.99", "rmsprop's decay, in [0, 1)",
     LESSON_RECORD, VALUE_REQUIRED, kind_parse_decay_rate, kind_format_double,
     FIELD(bowl_config.optimizer.rho), NO_BUFFER, 0, 0, "is not in [0, 1)"},
    {"beta1", "B", G_LAB, "0.9", "adam's first-moment decay, in [0, 1)",
     LESSON_RECORD, VALUE_REQUIRED, kind_parse_decay_rate, kind_format_double,
     FIELD(bowl_config.optimizer.beta1), NO_BUFFER, 0, 0, "is not in [0, 1)"},
    {"beta2", "B", G_LAB, "0.999", "adam's second-moment decay, in [0, 1)",
     LESSON_RECORD, VALUE_REQUIRED, kind_parse_decay_rate, kind_format_double,
     FIELD(bowl_config.optimizer.beta2), NO_BUFFER, 0, 0, "is not in [0, 1)"},
    {"eps", "E", G_LAB, "1e-8", "added to the square root (adagrad, rmsprop, adam), > 0",
     LESSON_RECORD, VALUE_REQUIRED, kind_parse_positive, kind_format_double,
     FIELD(bowl_config.optimizer.eps), NO_BUFFER, 0, 0, "is not a positive number"},
    {"schedule", "NAME", G_LAB, "constant",
     "the lr of epoch e for the neuron and the surface: constant, step "
     "(lr*F^floor((e-1)/K)), exp (lr*F^((e-1)/K)) or cosine (warm restarts "
     "every K epochs); headless, a last column lr",
     LESSON_RECORD, VALUE_REQUIRED, kind_parse_name, kind_format_name,
     FIELD(bowl_config.schedule.kind), NO_BUFFER, 0, 0,
     "is not one of constant, step, exp, cosine"},
    {"decay", "F", G_LAB, "0.5", "the schedule's factor F, > 0",
     LESSON_RECORD, VALUE_REQUIRED, kind_parse_positive, kind_format_double,
     FIELD(bowl_config.schedule.decay), NO_BUFFER, 0, 0, "is not a positive number"},
    {"decay-every", "K", G_LAB, "100", "the schedule's period K in epochs, >= 1",
     LESSON_RECORD, VALUE_REQUIRED, kind_parse_count, kind_format_count,
     FIELD(bowl_config.schedule.every), NO_BUFFER, 1, SIZE_MAX,
     "is not a whole number >= 1"},
    {"race", "[=on|off]", G_LAB, "off; R toggles",
     "race every optimizer on the surface from the same start (with "
     "--headless --bowl: step,optimizer,x,y,f rows)",
     SCOPE_LESSON, VALUE_OPTIONAL, kind_parse_on_off, NULL,
     FIELD(race), NO_BUFFER, 0, 0, ON_OFF},

    {"lr-find", "", G_LAB, NULL,
     "the learning-rate range test (F in the TUI): from the initial weights, "
     "one SGD update per minibatch at a growing lr; prints "
     "step,lr,cost,smoothed_cost, two suggested lr and a verdict (with "
     "--dump-frame: the frame shows its curve)",
     SCOPE_COMMAND_LINE, VALUE_NONE, kind_parse_flag, NULL,
     FIELD(lr_find), NO_BUFFER, 0, 0, ""},
    {"lr-find-range", "A,B", G_LAB, "1e-7,10",
     "the range test's first and last lr, 0 < A < B (log-spaced between)",
     LESSON_RECORD, VALUE_REQUIRED, kind_parse_lr_range, kind_format_pair,
     offsetof(struct options, lr_find_config.start), 2 * sizeof(double), NO_BUFFER,
     0, 0, "is not two numbers A,B with 0 < A < B"},
    {"lr-find-steps", "N", G_LAB, "100", "the range test's updates, 2..100000",
     LESSON_RECORD, VALUE_REQUIRED, kind_parse_count, kind_format_count,
     FIELD(lr_find_config.steps), NO_BUFFER, 2, LR_FIND_STEPS_MAX,
     "is not a whole number from 2 to 100000"},

    {"lesson", "NAME|FILE", G_LESSONS, NULL,
     "start from a lesson: its settings and a caption saying what to watch; "
     "a built-in name or a .lesson file (options given on the command line "
     "override it); --lesson list lists the built-in lessons",
     SCOPE_COMMAND_LINE, VALUE_REQUIRED, kind_parse_path, NULL,
     FIELD(lesson_arg), NO_BUFFER, 0, 0, "is not a lesson name"},

    {"record", "FILE", G_RECORD, NULL,
     "write the settings and every key, with the epoch it was pressed at, to FILE",
     SCOPE_COMMAND_LINE, VALUE_REQUIRED, kind_parse_path, NULL,
     FIELD(record_path), NO_BUFFER, 0, 0, "is not a file name"},
    {"replay", "FILE", G_RECORD, NULL,
     "play FILE back: the same run, bit for bit, at any speed (with "
     "--headless: print the run as CSV)",
     SCOPE_COMMAND_LINE, VALUE_REQUIRED, kind_parse_path, NULL,
     FIELD(replay_path), NO_BUFFER, 0, 0, "is not a file name"},

    {"headless", "", G_HEADLESS, NULL,
     "print the training as CSV: epoch,cost,w1,...,wN,b,accuracy (r2 with "
     "--target; then test_cost,test_accuracy with --test); with --hidden the "
     "parameters are h1_w1,...,h1_b, ..., w1,...,wH,b",
     SCOPE_COMMAND_LINE, VALUE_NONE, kind_parse_flag, NULL,
     FIELD(headless), NO_BUFFER, 0, 0, ""},
    {"bowl", "", G_HEADLESS, NULL,
     "with --headless: the descent on x^2+y^2 as step,x,y,f",
     SCOPE_COMMAND_LINE, VALUE_NONE, kind_parse_flag, NULL,
     FIELD(bowl), NO_BUFFER, 0, 0, ""},
    {"start", "X,Y", G_HEADLESS, "5,5", "where the bowl descent starts",
     LESSON_RECORD, VALUE_REQUIRED, kind_parse_pair, kind_format_pair,
     offsetof(struct options, start_x), 2 * sizeof(double), NO_BUFFER, 0, 0,
     "is not two numbers as X,Y"},
    {"every", "K", G_HEADLESS, "1", "print every K-th row and the last",
     SCOPE_COMMAND_LINE, VALUE_REQUIRED, kind_parse_count, NULL,
     FIELD(every), NO_BUFFER, 1, SIZE_MAX, "is not a whole number >= 1"},
    {"verbose", "", G_HEADLESS, NULL,
     "with --headless: say on stderr how many rows the classes kept and "
     "which labels they dropped",
     SCOPE_COMMAND_LINE, VALUE_NONE, kind_parse_flag, NULL,
     FIELD(verbose), NO_BUFFER, 0, 0, ""},

    {"help", "", G_OTHER, NULL, "this text",
     SCOPE_COMMAND_LINE, VALUE_NONE, kind_parse_flag, NULL,
     FIELD(help), NO_BUFFER, 0, 0, ""},
    {"version", "", G_OTHER, NULL, "the version",
     SCOPE_COMMAND_LINE, VALUE_NONE, kind_parse_flag, NULL,
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
    c.weights = o->weights.count ? o->weights.value : NULL;
    c.nweights = o->weights.count;
    c.optimizer = o->bowl_config.optimizer; /* one setting for the neuron */
    c.schedule = o->bowl_config.schedule;   /* and the surface */
    if (regression && c.activation == ACT_SIGMOID && !options_explicit(o, "activation"))
        c.activation = ACT_LINEAR;
    return c;
}
