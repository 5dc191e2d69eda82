/* control_view.c - what the screen shows of a live run: the one place
 * that knows both the control (its switches, notice and session) and the
 * views' state, so that control.c works without a screen. */
#include "control.h"

#include <string.h>

#include "lab.h"
#include "views.h"

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
    v->pair[0] = c->view.pair[0];
    v->pair[1] = c->view.pair[1];
    v->help = c->help;
    v->epochs_per_frame = c->epochs_per_frame;
    v->notice = c->notice[0] != '\0' ? c->notice : NULL;
    v->right = c->view.right;
    v->mesh = c->view.mesh;
    v->mesh_turn = c->view.mesh_turn;
    v->mesh_tilt = c->view.mesh_tilt;
    const struct control_run *o = &c->run;
    v->lesson = o->lesson_name[0] != '\0' ? o->lesson_name : NULL;
    v->caption[0] = o->caption[0][0] != '\0' ? o->caption[0] : NULL;
    v->caption[1] = o->caption[1][0] != '\0' ? o->caption[1] : NULL;
    v->newest_epoch = session_newest_epoch(&c->session);
    v->rewound = session_rewound(&c->session);
    v->picked = c->view.picked;
    v->picked_epoch = c->view.picked_epoch;
}
