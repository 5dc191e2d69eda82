/* settings_names.c - the named-value kind of the settings table: an enum
 * field of struct options spelt as one of a list of names (--activation,
 * --loss, --init, --hidden-activation, --theme, --surface, --optimizer,
 * --schedule). Each field has one list below, found by the row's offset;
 * kind_parse_name and kind_format_name serve them all. The names are
 * those of the modules' own *_name functions, in their enum order
 * (test_settings checks that they agree). */
#include "settings_kinds.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "network.h"
#include "neuron.h"
#include "optimizer.h"
#include "schedule.h"
#include "surface.h"
#include "theme.h"
#include "trainer.h"

/* One spelling and the enum value it stands for. */
struct name_value {
    const char *name;
    int value;
};

/* The names of one field; a NULL name ends them. */
struct name_list {
    size_t offset;                  /* the field in struct options */
    bool any_case;                  /* "mse" reads as MSE */
    const struct name_value *names;
};

static const struct name_value activations[] = {
    {"sigmoid", ACT_SIGMOID}, {"linear", ACT_LINEAR}, {"relu", ACT_RELU},
    {"step", ACT_STEP}, {NULL, 0},
};
static const struct name_value losses[] = {
    {"MSE", LOSS_MSE}, {"MAE", LOSS_MAE}, {"BCE", LOSS_BCE}, {NULL, 0},
};
static const struct name_value inits[] = {
    {"zeros", INIT_ZEROS}, {"uniform", INIT_UNIFORM}, {NULL, 0},
};
static const struct name_value hidden_activations[] = {
    {"tanh", HIDDEN_TANH}, {"sigmoid", HIDDEN_SIGMOID}, {"relu", HIDDEN_RELU},
    {"linear", HIDDEN_LINEAR}, {NULL, 0},
};
/* THEME_DETECT is the default, not a value one gives. */
static const struct name_value themes[] = {
    {"dark", THEME_DARK}, {"light", THEME_LIGHT}, {"mono", THEME_MONO}, {NULL, 0},
};
static const struct name_value surfaces[] = {
    {"bowl", SURFACE_BOWL}, {"stretched", SURFACE_STRETCHED},
    {"rosenbrock", SURFACE_ROSENBROCK}, {"saddle", SURFACE_SADDLE},
    {"wells", SURFACE_WELLS}, {NULL, 0},
};
static const struct name_value optimizers[] = {
    {"sgd", OPTIMIZER_SGD}, {"momentum", OPTIMIZER_MOMENTUM},
    {"nesterov", OPTIMIZER_NESTEROV}, {"adagrad", OPTIMIZER_ADAGRAD},
    {"rmsprop", OPTIMIZER_RMSPROP}, {"adam", OPTIMIZER_ADAM}, {NULL, 0},
};
static const struct name_value schedules[] = {
    {"constant", SCHEDULE_CONSTANT}, {"step", SCHEDULE_STEP},
    {"exp", SCHEDULE_EXP}, {"cosine", SCHEDULE_COSINE}, {NULL, 0},
};

/* The neuron's and the hidden layer's names read in any case (as
 * activation_parse and the like do); the lab's and the theme's as
 * written. */
#define LIST(member, any_case, names) {offsetof(struct options, member), any_case, names}

static const struct name_list lists[] = {
    LIST(train.activation, true, activations),
    LIST(train.loss, true, losses),
    LIST(train.init, true, inits),
    LIST(train.hidden_activation, true, hidden_activations),
    LIST(theme, false, themes),
    LIST(bowl_config.surface.kind, false, surfaces),
    LIST(bowl_config.optimizer.kind, false, optimizers),
    LIST(bowl_config.schedule.kind, false, schedules),
};

/* The fields are enums the size of an int: their values are stored and
 * read as int (by memcpy). */
_Static_assert(sizeof(enum activation) == sizeof(int), "enum activation is an int");
_Static_assert(sizeof(enum loss) == sizeof(int), "enum loss is an int");
_Static_assert(sizeof(enum init) == sizeof(int), "enum init is an int");
_Static_assert(sizeof(enum hidden_activation) == sizeof(int), "enum hidden_activation is an int");
_Static_assert(sizeof(enum theme) == sizeof(int), "enum theme is an int");
_Static_assert(sizeof(enum surface_kind) == sizeof(int), "enum surface_kind is an int");
_Static_assert(sizeof(enum optimizer_kind) == sizeof(int), "enum optimizer_kind is an int");
_Static_assert(sizeof(enum schedule_kind) == sizeof(int), "enum schedule_kind is an int");

/* The list of row s's field, or NULL when it has none. */
static const struct name_list *list_of(const struct setting *s)
{
    if (s->size != sizeof(int))
        return NULL;
    for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++)
        if (lists[i].offset == s->offset)
            return &lists[i];
    return NULL;
}

bool kind_parse_name(const struct setting *s, struct options *o,
                     const char *value, char *why, size_t whylen)
{
    const struct name_list *list = list_of(s);
    for (const struct name_value *n = list ? list->names : NULL; value && n && n->name; n++)
        if (list->any_case ? strcasecmp(value, n->name) == 0 : strcmp(value, n->name) == 0) {
            memcpy((char *)o + s->offset, &n->value, sizeof n->value);
            return true;
        }
    snprintf(why, whylen, "\"%s\" %s", value ? value : "", s->complaint);
    return false;
}

bool kind_format_name(const struct setting *s, const struct options *o,
                      char *buf, size_t size)
{
    const struct name_list *list = list_of(s);
    int value;
    memcpy(&value, (const char *)o + s->offset, sizeof value);
    for (const struct name_value *n = list ? list->names : NULL; n && n->name; n++)
        if (n->value == value)
            return (size_t)snprintf(buf, size, "%s", n->name) < size;
    return false;
}
