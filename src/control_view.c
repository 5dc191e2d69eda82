/* control_view.c - what the screen shows of a live run: the one place
 * that knows both the control (its switches, notice and session) and the
 * views' state, so that control.c works without a screen. */
#include "control.h"

#include <string.h>

#include "lab.h"
#include "views.h"

/* The names of the settings (lr, loss, activation, batch size) that differ
 * from those the run's lesson began with, ", "-separated into buf; ""
 * without a lesson caption or when none differs. */
static void caption_changed(const struct control *c, char *buf, size_t size)
{
    const struct train_config *was = &c->run.config, *now = &c->session.trainer.config;
    buf[0] = '\0';
    if (c->run.caption[0][0] == '\0')
        return;
    const char *names[4] = {"lr", "loss function", "activation function", "batch size"};
    bool changed[4] = {was->lr != now->lr, was->loss != now->loss,
                       was->activation != now->activation, was->batch != now->batch};
    size_t len = 0;
    for (int k = 0; k < 4; k++)
        if (changed[k] && len < size) {
            int w = snprintf(buf + len, size - len, "%s%s", len ? ", " : "", names[k]);
            if (w < 0)
                return;
            len += (size_t)w;
        }
}

void control_view_state(const struct control *c, struct view_state *v)
{
    memset(v, 0, sizeof *v);
    v->trainer = &c->session.trainer;
    v->data = c->session.data;
    v->bowl = &c->session.bowl;
    if (c->race) {
        race_follow(c->race, &c->session.bowl);
        v->race = c->race;
    }
    v->lr_find = c->lr_find;
    v->running = c->running;
    v->finished = c->finished;
    v->log_cost = c->view.log_cost;
    v->regions = c->view.regions;
    v->test_hidden = c->view.test_hidden;
    v->per_update = c->view.per_update;
    v->pair[0] = c->view.pair[0];
    v->pair[1] = c->view.pair[1];
    v->help = c->help;
    v->help_page = c->help_page;
    v->epochs_per_frame = c->epochs_per_frame;
    v->epochs_per_second = c->epochs_per_second;
    v->notice = c->notice[0] != '\0' ? c->notice : NULL;
    v->right = c->view.right;
    v->mesh = c->view.mesh;
    v->mesh_turn = c->view.mesh_turn;
    v->mesh_tilt = c->view.mesh_tilt;
    const struct control_run *o = &c->run;
    v->lesson = o->lesson_name[0] != '\0' ? o->lesson_name : NULL;
    v->caption[0] = o->caption[0][0] != '\0' ? o->caption[0] : NULL;
    v->caption[1] = o->caption[1][0] != '\0' ? o->caption[1] : NULL;
    caption_changed(c, v->caption_changed, sizeof v->caption_changed);
    v->newest_epoch = session_newest_epoch(&c->session);
    v->rewound = session_rewound(&c->session);
    v->picked = c->view.picked;
    v->picked_epoch = c->view.picked_epoch;
    v->zoom = c->view.zoom;
    if (c->prompt.open) {
        v->prompt = c->prompt.text;
        v->prompt_error = c->prompt.error[0] != '\0' ? c->prompt.error : NULL;
    }
    v->unit = c->view.unit;
}
