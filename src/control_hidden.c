/* control_hidden.c - the keys of the hidden layer: h steps the number of
 * hidden units through 0 1 2 3 4 8 (a new parameter vector, so the run
 * restarts; --weights of another length give way to the init, said in
 * the notice), H the hidden units' activation (the weights stay), j the
 * unit whose formula the network panel shows (1..H, then the output). */
#include <stdio.h>

#include "control_internal.h"
#include "network.h"

/* The number of hidden units after h, round 0 1 2 3 4 8; a number off
 * the ladder goes to the next one above it. */
static size_t hidden_ladder(size_t hidden)
{
    static const size_t ladder[] = {0, 1, 2, 3, 4, 8};
    const size_t n = sizeof ladder / sizeof ladder[0];
    for (size_t i = 0; i < n; i++)
        if (ladder[i] > hidden)
            return ladder[i];
    return ladder[0];
}

/* h: the next number of hidden units; a fresh trainer (P changes). */
static unsigned next_hidden(struct control *c)
{
    struct session *s = &c->session;
    struct train_config config = s->trainer.config;
    config.hidden = hidden_ladder(config.hidden);
    char err[128];
    if (!session_retrain(s, &config, err, sizeof err)) {
        control_notice(c, "%s", err);
        return CONTROL_REDRAW;
    }
    control_after_reset(c);
    c->view.pair[0] = 0;
    c->view.pair[1] = 1;
    c->view.unit = 0;
    size_t p = s->trainer.nparams;
    char units[64];
    if (config.hidden == 0)
        snprintf(units, sizeof units, "no hidden layer: one neuron");
    else
        snprintf(units, sizeof units, "%zu hidden unit%s (%s)", config.hidden,
                 config.hidden == 1 ? "" : "s",
                 hidden_activation_name(config.hidden_activation));
    if (config.weights != NULL && config.nweights != p)
        control_notice(c, "%s, reset; --weights has %zu values, %zu needed: init %s instead",
                       units, config.nweights, p, init_name(config.init));
    else
        control_notice(c, "%s, %zu parameters (reset)", units, p);
    return CONTROL_REDRAW;
}

/* H: the next hidden activation, keeping the weights. */
static unsigned next_hidden_activation(struct control *c)
{
    struct session *s = &c->session;
    struct train_config config = s->trainer.config;
    config.hidden_activation =
        (enum hidden_activation)((config.hidden_activation + 1) % HIDDEN_COUNT);
    session_configure(s, &config);
    const char *name = hidden_activation_name(config.hidden_activation);
    if (config.hidden == 0)
        control_notice(c, "hidden activation %s: for the hidden units %s adds", name,
                       keymap_label_for(ACTION_HIDDEN));
    else
        control_notice(c, "hidden activation %s (the weights stay)", name);
    return CONTROL_REDRAW;
}

/* j: the next unit's formula in the network panel: 1..H, then the output. */
static unsigned next_unit(struct control *c)
{
    size_t hidden = c->session.trainer.config.hidden;
    if (hidden == 0) {
        c->view.unit = 0;
        control_notice(c, "no hidden units: %s adds them",
                       keymap_label_for(ACTION_HIDDEN));
        return CONTROL_REDRAW;
    }
    c->view.unit = c->view.unit >= hidden ? 0 : c->view.unit + 1;
    if (c->view.unit == 0)
        control_notice(c, "formula: the output unit");
    else
        control_notice(c, "formula: hidden unit %zu of %zu", c->view.unit, hidden);
    return CONTROL_REDRAW;
}

unsigned control_hidden_action(struct control *c, enum action action)
{
    switch (action) {
    case ACTION_HIDDEN:
        return next_hidden(c);
    case ACTION_HIDDEN_ACTIVATION:
        return next_hidden_activation(c);
    case ACTION_UNIT:
        return next_unit(c);
    default:
        return CONTROL_NONE;
    }
}
