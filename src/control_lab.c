/* control_lab.c - the learning-rate lab's keys: o (the next optimizer),
 * f (next surface, from its documented start), k / K (the stretched
 * bowl's kappa x2 / /2) and R (race every optimizer) restart the
 * surface's descent while the neuron's training goes on (o switches its
 * optimizer too, keeping its weights); F runs the LR range test
 * (lr_find.h) and shows its curve, Enter sets the lr to its steepest
 * suggestion, Esc closes it. */
#include <math.h>
#include <stdlib.h>

#include "control_internal.h"
#include "lab.h"
#include "lr_find.h"

bool control_lab_open(struct control *c, bool race)
{
    if (!race) {
        free(c->race);
        c->race = NULL;
        return true;
    }
    if (!c->race)
        c->race = malloc(sizeof *c->race);
    if (!c->race)
        return false;
    race_start(c->race, &c->session.bowl.config, c->session.bowl.start_x,
               c->session.bowl.start_y, c->session.bowl.lr);
    return true;
}

unsigned control_lab_close_lr_find(struct control *c)
{
    if (c->lr_find == NULL)
        return CONTROL_NONE;
    lr_find_free(c->lr_find);
    free(c->lr_find);
    c->lr_find = NULL;
    control_notice(c, "range test closed");
    return CONTROL_REDRAW;
}

/* F: the range test on the current settings, shown in place of the cost
 * plot (a curve already shown is replaced). */
static void run_lr_find(struct control *c)
{
    struct session *s = &c->session;
    struct lr_find *f = c->lr_find ? c->lr_find : malloc(sizeof *f);
    char err[128];
    if (c->lr_find)
        lr_find_free(f);
    c->lr_find = NULL;
    if (f == NULL) {
        control_notice(c, "range test: out of memory");
        return;
    }
    if (!lr_find_run(s->data, &s->trainer.config, &c->run.lr_find, f, err, sizeof err)) {
        free(f);
        control_notice(c, "range test: %s", err);
        return;
    }
    c->lr_find = f;
    c->lr_find_at = s->trainer.config;
    double lr = lr_find_steepest_lr(f);
    if (isnan(lr))
        control_notice(c, "range test: the cost never falls (%s closes)",
                       keymap_label(KEY_CODE_ESCAPE));
    else
        control_notice(c, "range test: steepest at lr %.3g (%s uses it, %s closes)", lr,
                       keymap_label_for(ACTION_LR_FIND_APPLY), keymap_label(KEY_CODE_ESCAPE));
}

/* Enter: the lr becomes the steepest suggestion, the weights stay. */
static void apply_lr_find(struct control *c)
{
    if (c->lr_find == NULL) {
        control_notice(c, "%s uses the range test's lr: %s runs it",
                       keymap_label_for(ACTION_LR_FIND_APPLY),
                       keymap_label_for(ACTION_LR_FIND));
        return;
    }
    double lr = lr_find_steepest_lr(c->lr_find);
    if (isnan(lr)) {
        control_notice(c, "the range test suggests no lr: the cost never falls");
        return;
    }
    struct train_config config = c->session.trainer.config;
    config.lr = lr;
    session_configure(&c->session, &config);
    control_lab_close_lr_find(c);
    control_notice(c, "lr %g: the range test's steepest, weights kept", lr);
}

void control_lab_follow_lr_find(struct control *c, enum action action)
{
    const struct train_config *a = &c->lr_find_at, *b = &c->session.trainer.config;
    if (c->lr_find == NULL || action == ACTION_LR_FIND)
        return;
    bool data = action == ACTION_X_FEATURE || action == ACTION_Y_FEATURE ||
                action == ACTION_CLASSES || action == ACTION_LESSON;
    if (data || a->activation != b->activation || a->loss != b->loss ||
        a->batch != b->batch || a->shuffle != b->shuffle || a->init != b->init ||
        a->seed != b->seed) {
        char kept[sizeof c->notice];
        snprintf(kept, sizeof kept, "%s", c->notice);
        run_lr_find(c);
        snprintf(c->notice, sizeof c->notice, "%s", kept); /* the key's own notice */
    }
}

/* Bounds of kappa for k / K. */
#define KAPPA_MIN (1.0 / 1024)
#define KAPPA_MAX 1048576.0

unsigned control_lab_action(struct control *c, enum action action)
{
    struct session *s = &c->session;
    struct bowl_config config = s->bowl.config;
    switch (action) {
    case ACTION_OPTIMIZER:
        config.optimizer.kind = (enum optimizer_kind)((config.optimizer.kind + 1) %
                                                      OPTIMIZER_COUNT);
        bowl_configure(&s->bowl, &config);
        session_configure_optimizer(s, &config.optimizer);
        control_notice(c, "optimizer %s on the surface and the neuron (%s: next)",
                       optimizer_name(config.optimizer.kind),
                       keymap_label_for(ACTION_OPTIMIZER));
        break;
    case ACTION_SURFACE: {
        double x, y;
        config.surface.kind = (enum surface_kind)((config.surface.kind + 1) % SURFACE_COUNT);
        surface_start(config.surface.kind, &x, &y);
        bowl_configure(&s->bowl, &config);
        session_bowl_restart(s, x, y);
        control_notice(c, "surface %s from (%g, %g) (%s: next)",
                       surface_name(config.surface.kind), x, y,
                       keymap_label_for(ACTION_SURFACE));
        break;
    }
    case ACTION_KAPPA_UP:
    case ACTION_KAPPA_DOWN: {
        double kappa = config.surface.kappa * (action == ACTION_KAPPA_UP ? 2.0 : 0.5);
        if (kappa < KAPPA_MIN || kappa > KAPPA_MAX) {
            control_notice(c, "kappa stays within %g .. %g", KAPPA_MIN, KAPPA_MAX);
            break;
        }
        config.surface.kappa = kappa;
        bowl_configure(&s->bowl, &config);
        if (config.surface.kind == SURFACE_STRETCHED)
            control_notice(c, "kappa %g: sgd diverges for lr > %g", kappa, 1.0 / kappa);
        else
            control_notice(c, "kappa %g: it shapes the stretched bowl (%s)", kappa,
                           keymap_label_for(ACTION_SURFACE));
        break;
    }
    case ACTION_RACE:
        if (!control_lab_open(c, c->race == NULL))
            control_notice(c, "out of memory");
        else
            control_notice(c, c->race ? "race: every optimizer from the same start"
                                      : "race over");
        break;
    case ACTION_LR_FIND:
        run_lr_find(c);
        break;
    case ACTION_LR_FIND_APPLY:
        apply_lr_find(c);
        break;
    default:
        return CONTROL_NONE;
    }
    return CONTROL_REDRAW;
}
