/* control_landscape.c - a click on the neuron's cost landscape: the
 * landscape's pair of parameters moves to the point clicked and training
 * goes on from there (control.h); recorded and replayed like the bowl's
 * click. */
#include "control.h"

#include "control_internal.h"

unsigned control_click_landscape(struct control *c, double x, double y)
{
    if (c->help)
        return control_click_off(c);
    c->view.picked = false;
    struct session *s = &c->session;
    size_t a = c->view.pair[0], b = c->view.pair[1];
    if (a == b || a >= s->trainer.nparams || b >= s->trainer.nparams) {
        a = 0; /* as the landscape reads an invalid pair */
        b = 1;
    }
    session_set_pair(s, a, x, b, y);
    char na[16], nb[16];
    neuron_param_name(s->trainer.nparams - 1, a, na, sizeof na);
    neuron_param_name(s->trainer.nparams - 1, b, nb, sizeof nb);
    control_notice(c, "landscape: %s = %.4g, %s = %.4g; training goes on from there", na, x,
                   nb, y);
    return CONTROL_REDRAW;
}
