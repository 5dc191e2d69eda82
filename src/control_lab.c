/* control_lab.c - the learning-rate lab's keys: o (the surface's next
 * optimizer), f (next surface, from its documented start), k / K (the
 * stretched bowl's kappa x2 / /2) and R (race every optimizer). Each
 * restarts the surface's descent; the neuron's training goes on (o
 * switches its optimizer too, keeping its weights). */
#include <stdlib.h>

#include "control_internal.h"
#include "lab.h"

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
    default:
        return CONTROL_NONE;
    }
    return CONTROL_REDRAW;
}
