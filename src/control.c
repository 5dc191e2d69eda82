/* control.c - the actions of the keys and clicks on a live run, with no
 * screen: app.c (the TUI) and replay.c (the headless replay) both call
 * them, so a replayed key changes the state exactly as the key did.
 * Handlers return CONTROL_* reactions and never draw. The x, y and c
 * keys are in control_select.c, what the screen shows in control_view.c. */
#include "control.h"

#include "lesson.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "control_internal.h"
#include "landscape.h"
#include "mesh.h"
#include "util.h"


void control_notice(struct control *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->notice, sizeof c->notice, fmt, ap);
    va_end(ap);
}

/* The next value of the 1-2-5 ladder above (dir > 0) or below (dir < 0)
 * lr (util_ladder_step), kept within [LR_MIN, LR_MAX]. */
static double lr_ladder(double lr, int dir)
{
    if (!(lr > 0.0) || !isfinite(lr))
        return dir > 0 ? LR_MIN : lr;
    double best = util_ladder_step(lr, dir);
    /* Never past a bound; a value already beyond one may still move back. */
    if (dir > 0 && best > LR_MAX)
        best = lr > LR_MAX ? lr : LR_MAX;
    if (dir < 0 && best < LR_MIN)
        best = lr < LR_MIN ? lr : LR_MIN;
    return best;
}

/* The batch ladder 1 4 8 16 32 full (0); dir > 0 goes up. A size off the
 * ladder goes to its neighbour; full stays full, 1 stays 1. */
static size_t batch_ladder(size_t batch, int dir)
{
    static const size_t ladder[] = {1, 4, 8, 16, 32};
    const size_t n = sizeof ladder / sizeof ladder[0];
    if (dir > 0) {
        if (batch == 0)
            return 0;
        for (size_t i = 0; i < n; i++)
            if (ladder[i] > batch)
                return ladder[i];
        return 0;
    }
    if (batch == 0 || batch > ladder[n - 1])
        return ladder[n - 1];
    for (size_t i = n; i-- > 0;)
        if (ladder[i] < batch)
            return ladder[i];
    return 1;
}

static unsigned clamp_speed(unsigned epochs_per_frame)
{
    if (epochs_per_frame < MIN_EPOCHS_PER_FRAME)
        return MIN_EPOCHS_PER_FRAME;
    if (epochs_per_frame > MAX_EPOCHS_PER_FRAME)
        return MAX_EPOCHS_PER_FRAME;
    return epochs_per_frame;
}

/* What the control keeps of the options o. */
static void keep_run(struct control_run *run, const struct options *o)
{
    run->epochs = o->epochs;
    run->regions = o->regions;
    run->per_update = o->per_update;
    run->config = o->train;
    run->landscape = o->landscape;
    run->mesh = o->mesh;
    run->epochs_per_frame = o->epochs_per_frame;
    run->lr_find = o->lr_find_config;
    run->lr_find_shown = o->lr_find;
    snprintf(run->lesson_name, sizeof run->lesson_name, "%s", o->lesson_name);
    for (int i = 0; i < 2; i++)
        snprintf(run->caption[i], sizeof run->caption[i], "%s", o->caption[i]);
}

/* The switches as a run starts (also after a lesson): running, but a
 * lesson opens paused at epoch 0 with its caption, at the teacher's
 * pace (space starts it). */
static void start_switches(struct control *c)
{
    c->running = c->run.lesson_name[0] == '\0';
    c->auto_paused = false;
    c->finished = false;
    c->help = false;
    c->view = (struct view_switches){
        .right = c->run.landscape ? RIGHT_LANDSCAPE : RIGHT_BOWL,
        .log_cost = true,
        .regions = c->run.regions,
        .test_hidden = false,
        .per_update = c->run.per_update,
        .pair = {0, 1},
        .picked = false,
        .mesh = c->run.mesh,
        .mesh_turn = MESH_TURN_DEFAULT,
        .mesh_tilt = MESH_TILT_DEFAULT,
    };
    c->epochs_per_frame = clamp_speed(c->run.epochs_per_frame);
    c->epochs_per_second = 0;
}

bool control_open(struct control *c, const struct options *o, char *err,
                  size_t errlen)
{
    memset(c, 0, sizeof *c);
    c->start = o;
    keep_run(&c->run, o);
    if (!session_open(&c->session, o, err, errlen))
        return false;
    c->run.config = c->session.trainer.config; /* as the data made it (regression: linear) */
    start_switches(c);
    control_lab_open(c, o->race);
    /* Own data: the first notice says which rows the classes kept. */
    if (session_data_is_file(o))
        dataset_rows_summary(&c->session.table, c->session.data, c->notice,
                             sizeof c->notice);
    if (c->run.lr_find_shown)
        control_lab_action(c, ACTION_LR_FIND);
    /* L goes on after the lesson the run started with */
    for (size_t i = 0; o->lesson_name[0] != '\0' && i < lesson_count(); i++)
        if (strcmp(lesson_name_at(i), o->lesson_name) == 0)
            c->lesson_next = i + 1;
    return true;
}


void control_close(struct control *c)
{
    session_close(&c->session);
    control_forget_table(c);
    control_lab_open(c, false);
    control_lab_close_lr_find(c);
}

static bool limit_reached(const struct control *c)
{
    return c->run.epochs > 0 && c->session.trainer.epoch >= c->run.epochs;
}

/* After any training: pause on divergence or at the epoch limit. */
static void check_stops(struct control *c)
{
    if (limit_reached(c) && !c->finished) {
        c->finished = true;
        if (c->running)
            c->auto_paused = true;
        c->running = false;
    }
    if (c->session.trainer.diverged && c->running) {
        c->running = false;
        c->auto_paused = true;
    }
}

/* After a reset (r, i, x, y, c): the limit and the divergence are gone;
 * a run paused by them starts again. */
void control_after_reset(struct control *c)
{
    c->finished = limit_reached(c);
    if (c->auto_paused && !c->finished)
        c->running = true;
    c->auto_paused = false;
}

struct position control_position(const struct control *c)
{
    struct position p = {c->session.trainer.epoch, c->session.trainer.next};
    return p;
}

bool position_before(struct position a, struct position b)
{
    return a.epoch < b.epoch || (a.epoch == b.epoch && a.next < b.next);
}

static bool training_blocked(const struct control *c)
{
    return limit_reached(c) || c->session.trainer.diverged;
}

bool control_blocked(const struct control *c)
{
    return training_blocked(c);
}

void control_check_stops(struct control *c)
{
    check_stops(c);
}

bool control_step_toward(struct control *c, struct position stop)
{
    struct position here = control_position(c);
    if (!position_before(here, stop) || training_blocked(c))
        return false;
    if (here.epoch < stop.epoch)
        session_epoch(&c->session);
    else
        session_step_batch(&c->session);
    return true;
}

/* Why a manual step is refused (written into c->notice), or false when
 * training may go on. */
static bool blocked_notice(struct control *c)
{
    if (c->session.trainer.diverged)
        control_notice(c, "diverged: lower lr (%s), then reset (%s)",
                   keymap_label_for(ACTION_LR_DOWN), keymap_label_for(ACTION_RESET));
    else if (limit_reached(c))
        control_notice(c, "done: --epochs reached; %s restarts",
                   keymap_label_for(ACTION_RESET));
    else
        return false;
    return true;
}

/* After '.': which minibatch of the epoch that was, e.g. "minibatch 3 of
 * 25 (epoch 13)"; the last one completes the epoch. */
static void note_minibatch(struct control *c)
{
    const struct trainer *t = &c->session.trainer;
    size_t n = t->data->n;
    size_t size = trainer_batch_size(t);
    size_t batches = size > 0 ? (n + size - 1) / size : 1;
    if (t->next == 0)
        control_notice(c, "minibatch %zu of %zu: epoch %zu complete", batches,
                   batches, t->epoch);
    else
        control_notice(c, "minibatch %zu of %zu (epoch %zu)",
                   (t->next + size - 1) / size, batches, t->epoch + 1);
}

/* w: the landscape's next pair of parameters, in the order of
 * landscape_next_pair; said in the notice, with a hint when the bowl is
 * showing. */
static unsigned next_pair(struct control *c)
{
    size_t nparams = c->session.trainer.nparams;
    size_t *pair = c->view.pair;
    landscape_next_pair(nparams, &pair[0], &pair[1]);
    char a[16], b[16];
    trainer_param_name(&c->session.trainer, pair[0], a, sizeof a);
    trainer_param_name(&c->session.trainer, pair[1], b, sizeof b);
    control_notice(c, "landscape: the cost over (%s, %s)%s", a, b,
                   c->view.right == RIGHT_BOWL ? " (v shows it)" : "");
    return CONTROL_REDRAW;
}

/* Left: back one epoch through the remembered states (pauses first). */
static unsigned step_back(struct control *c)
{
    struct session *s = &c->session;
    c->running = false;
    c->auto_paused = false;
    if (!session_back(s)) {
        const struct rewind_entry *oldest = rewind_oldest(&s->rewind);
        if (oldest == NULL || oldest->trainer.epoch == 0)
            control_notice(c, "epoch 0: nothing before it");
        else
            control_notice(c, "only the last %d epochs are kept: epoch %zu is the oldest",
                       REWIND_CAPACITY, oldest->trainer.epoch);
        return CONTROL_REDRAW;
    }
    c->finished = limit_reached(c);
    control_notice(c, "back to epoch %zu of %zu (%s: forward; %s, %s: train from here)",
               s->trainer.epoch, session_newest_epoch(s),
               keymap_label_for(ACTION_FORWARD), keymap_label_for(ACTION_EPOCH),
               keymap_label_for(ACTION_PAUSE));
    return CONTROL_REDRAW;
}

/* Right: forward through the remembered states; on the newest, one
 * epoch of training like n. */
static unsigned step_forward(struct control *c)
{
    struct session *s = &c->session;
    c->running = false;
    c->auto_paused = false;
    if (session_forward(s)) {
        c->finished = limit_reached(c);
        if (session_rewound(s))
            control_notice(c, "forward to epoch %zu of %zu", s->trainer.epoch,
                       session_newest_epoch(s));
        else
            control_notice(c, "epoch %zu: the newest", s->trainer.epoch);
        return CONTROL_REDRAW;
    }
    if (blocked_notice(c))
        return CONTROL_REDRAW;
    session_epoch(s);
    check_stops(c);
    return CONTROL_REDRAW;
}

/* L: the next built-in lesson, applied to the starting options; a fresh
 * session and fresh switches with its caption. */
static unsigned next_lesson(struct control *c)
{
    size_t count = lesson_count();
    if (count == 0) {
        control_notice(c, "no lessons built in");
        return CONTROL_REDRAW;
    }
    char err[512];
    struct lesson *l = malloc(sizeof *l);
    struct options *o = malloc(sizeof *o);
    if (l == NULL || o == NULL) {
        free(l);
        free(o);
        control_notice(c, "out of memory");
        return CONTROL_REDRAW;
    }
    size_t index = c->lesson_next % count;
    const char *name = lesson_name_at(index);
    *o = *c->start;
    if (!lesson_find(name, l, err, sizeof err) ||
        !lesson_apply(l, o, err, sizeof err) ||
        !session_reopen(&c->session, o, err, sizeof err)) {
        control_notice(c, "lesson %s: %s", name, err);
        c->lesson_next = index + 1;
        free(l);
        free(o);
        return CONTROL_REDRAW;
    }
    keep_run(&c->run, o);  /* values only: nothing points into *o or *l */
    c->run.config = c->session.trainer.config;
    control_lab_open(c, o->race);
    c->lesson_next = index + 1;
    free(l);
    free(o);
    control_forget_table(c);
    struct view_switches kept = c->view;
    start_switches(c);
    /* the mesh (once shown, or the lesson's) and its angles stay as the
     * class has turned them */
    c->view.mesh = c->view.mesh || kept.mesh;
    c->view.mesh_turn = kept.mesh_turn;
    c->view.mesh_tilt = kept.mesh_tilt;
    control_notice(c, "lesson %zu of %zu: %s, paused (%s: start, %s: next)", index + 1,
                   count, c->run.lesson_name, keymap_label_for(ACTION_PAUSE),
                   keymap_label_for(ACTION_LESSON));
    return CONTROL_REDRAW;
}

/* m, <, >, (, ): contours <> mesh, and the mesh's turn and tilt (which
 * only a shown mesh takes: otherwise a notice says how to show it). */
static unsigned mesh_action(struct control *c, enum action action)
{
    struct view_switches *v = &c->view;
    if (action == ACTION_MESH) {
        v->mesh = !v->mesh;
        if (v->mesh)
            control_notice(c, "right panel: 3D mesh (%s %s turn, %s %s tilt)",
                           keymap_label_for(ACTION_TURN_LEFT),
                           keymap_label_for(ACTION_TURN_RIGHT),
                           keymap_label_for(ACTION_TILT_DOWN),
                           keymap_label_for(ACTION_TILT_UP));
        else
            control_notice(c, "right panel: contours");
        return CONTROL_REDRAW;
    }
    if (!v->mesh) {
        control_notice(c, "turn and tilt move the 3D mesh: %s shows it",
                       keymap_label_for(ACTION_MESH));
        return CONTROL_REDRAW;
    }
    int tilt = v->mesh_tilt;
    if (action == ACTION_TURN_LEFT || action == ACTION_TURN_RIGHT) {
        v->mesh_turn = mesh_turn_step(v->mesh_turn, action == ACTION_TURN_RIGHT ? 1 : -1);
        control_notice(c, "mesh turned to %d degrees", v->mesh_turn);
    } else {
        v->mesh_tilt = mesh_tilt_step(tilt, action == ACTION_TILT_UP ? 1 : -1);
        if (v->mesh_tilt == tilt)
            control_notice(c, "the tilt stays within %d .. %d degrees", MESH_TILT_MIN,
                           MESH_TILT_MAX);
        else
            control_notice(c, "mesh tilted to %d degrees", v->mesh_tilt);
    }
    return CONTROL_REDRAW;
}

/* Carries out one action; returns reactions, never draws. */
static unsigned do_action(struct control *c, enum action action)
{
    struct session *s = &c->session;
    struct train_config config = s->trainer.config;

    switch (action) {
    case ACTION_PAUSE:
        if (c->running) {
            c->running = false;
        } else if (!blocked_notice(c)) {
            c->running = true;
        }
        c->auto_paused = false;
        return CONTROL_REDRAW;
    case ACTION_EPOCH:
    case ACTION_BATCH_STEP:
        /* n and . pause a running session, then take their step */
        c->running = false;
        c->auto_paused = false;
        if (blocked_notice(c))
            return CONTROL_REDRAW;
        if (action == ACTION_EPOCH) {
            session_epoch(s);
        } else {
            session_step_batch(s);
            note_minibatch(c);
        }
        check_stops(c);
        return CONTROL_REDRAW;
    case ACTION_LR_UP:
    case ACTION_LR_DOWN:
        config.lr = lr_ladder(config.lr, action == ACTION_LR_UP ? 1 : -1);
        if (config.lr == s->trainer.config.lr)
            control_notice(c, "the learning rate stays within %g .. %g", LR_MIN, LR_MAX);
        else
            session_configure(s, &config);
        return CONTROL_REDRAW;
    case ACTION_LOSS:
        config.loss = (enum loss)((config.loss + 1) % LOSS_COUNT);
        session_configure(s, &config);
        return CONTROL_REDRAW;
    case ACTION_ACTIVATION:
        config.activation = (enum activation)((config.activation + 1) % ACT_COUNT);
        session_configure(s, &config);
        return CONTROL_REDRAW;
    case ACTION_BATCH_UP:
    case ACTION_BATCH_DOWN:
        config.batch = batch_ladder(config.batch, action == ACTION_BATCH_UP ? 1 : -1);
        if (config.batch == s->trainer.config.batch) {
            if (config.batch == 0)
                control_notice(c, "batch is already full (%zu samples)", s->data->n);
            else
                control_notice(c, "batch is already %zu: the smallest", config.batch);
            return CONTROL_REDRAW;
        }
        session_configure(s, &config);
        return CONTROL_REDRAW;
    case ACTION_FASTER:
    case ACTION_SLOWER:
        return control_change_speed(c, action == ACTION_FASTER ? 1 : -1);
    case ACTION_RESET:
        session_reset(s);
        control_after_reset(c);
        control_notice(c, "reset: epoch 0, init %s, seed %llu", init_name(config.init),
                   (unsigned long long)config.seed);
        return CONTROL_REDRAW;
    case ACTION_INIT:
        config.init = config.init == INIT_ZEROS ? INIT_UNIFORM : INIT_ZEROS;
        session_configure(s, &config);
        session_reset(s);
        control_after_reset(c);
        control_notice(c, "init %s (reset)",
                   config.init == INIT_ZEROS ? "zeros" : "uniform(-1,1)");
        return CONTROL_REDRAW;
    case ACTION_X_FEATURE:
        return control_cycle_feature(c, true);
    case ACTION_Y_FEATURE:
        return control_cycle_feature(c, false);
    case ACTION_CLASSES:
        return control_cycle_classes(c);
    case ACTION_VIEW: {
        c->view.right = c->view.right == RIGHT_BOWL ? RIGHT_LANDSCAPE : RIGHT_BOWL;
        char a[16], b[16];
        trainer_param_name(&s->trainer, c->view.pair[0], a, sizeof a);
        trainer_param_name(&s->trainer, c->view.pair[1], b, sizeof b);
        if (c->view.right == RIGHT_BOWL)
            control_notice(c, "right panel: the bowl x^2+y^2");
        else
            control_notice(c, "right panel: the neuron's cost over (%s, %s)", a, b);
        return CONTROL_REDRAW;
    }
    case ACTION_MESH:
    case ACTION_TURN_LEFT:
    case ACTION_TURN_RIGHT:
    case ACTION_TILT_DOWN:
    case ACTION_TILT_UP:
        return mesh_action(c, action);
    case ACTION_OPTIMIZER:
    case ACTION_SURFACE:
    case ACTION_KAPPA_UP:
    case ACTION_KAPPA_DOWN:
    case ACTION_RACE:
    case ACTION_LR_FIND:
    case ACTION_LR_FIND_APPLY:
        return control_lab_action(c, action);
    case ACTION_HIDDEN:
    case ACTION_HIDDEN_ACTIVATION:
    case ACTION_UNIT:
        return control_hidden_action(c, action);
    case ACTION_COST_SCALE:
        c->view.log_cost = !c->view.log_cost;
        control_notice(c, "cost plot: %s scale", c->view.log_cost ? "log" : "linear");
        return CONTROL_REDRAW;
    case ACTION_COST_UPDATES:
        c->view.per_update = !c->view.per_update;
        control_notice(c, c->view.per_update
                              ? "cost plot: every update's cost too, the epoch cost in bold"
                              : "cost plot: the epoch costs (mean during each epoch)");
        return CONTROL_REDRAW;
    case ACTION_REGIONS:
        c->view.regions = !c->view.regions;
        control_notice(c, "decision regions %s", c->view.regions ? "on" : "off");
        return CONTROL_REDRAW;
    case ACTION_PAIR:
        return next_pair(c);
    case ACTION_TEST:
        if (s->data->n_test == 0) {
            control_notice(c, "no test points: --test F holds a share of the rows out");
            return CONTROL_REDRAW;
        }
        c->view.test_hidden = !c->view.test_hidden;
        control_notice(c, "test points and test cost %s",
                       c->view.test_hidden ? "hidden" : "shown");
        return CONTROL_REDRAW;
    case ACTION_BACK:
        return step_back(c);
    case ACTION_FORWARD:
        return step_forward(c);
    case ACTION_LESSON:
        return next_lesson(c);
    case ACTION_SAVE:
        return CONTROL_REDRAW | CONTROL_SAVE;
    case ACTION_HELP:
        c->help = true;
        c->help_page = 0;
        return CONTROL_REDRAW;
    case ACTION_QUIT:
        return CONTROL_QUIT;
    case ACTION_CLOSE:
    case ACTION_LR_PROMPT:
    case ACTION_ZOOM:
        return control_overlay_action(c, action);
    default:
        return CONTROL_NONE;
    }
}

unsigned control_key(struct control *c, int key)
{
    if (c->help) {
        if (keymap_lookup(key) == ACTION_HELP) { /* the next page (the view wraps) */
            c->help_page++;
            return CONTROL_REDRAW;
        }
        c->help = false;
        return CONTROL_REDRAW;
    }
    if (c->prompt.open)
        return control_prompt_key(c, key);
    if (c->lr_find && key == KEY_CODE_ESCAPE) /* Esc closes the curve first */
        return control_lab_close_lr_find(c);
    enum action action = keymap_lookup(key);
    if (action == ACTION_NONE)
        return CONTROL_NONE;
    c->notice[0] = '\0';
    c->view.picked = false;
    unsigned reaction = do_action(c, action);
    control_lab_follow_lr_find(c, action); /* a shown curve follows the settings */
    return reaction | CONTROL_REDRAW;
}

unsigned control_click_bowl(struct control *c, double x, double y)
{
    if (c->help)
        return control_click_off(c);
    c->view.picked = false;
    session_bowl_restart(&c->session, x, y);
    control_notice(c, "bowl: descent from (%.3g, %.3g) at lr %g", x, y,
               c->session.trainer.config.lr);
    return CONTROL_REDRAW;
}

unsigned control_click_cost(struct control *c, size_t epoch)
{
    if (c->help)
        return control_click_off(c);
    c->view.picked = true;
    c->view.picked_epoch = epoch;
    c->notice[0] = '\0';
    return CONTROL_REDRAW;
}

unsigned control_click_off(struct control *c)
{
    if (!c->help && !c->view.picked)
        return CONTROL_NONE;
    c->help = false;
    c->view.picked = false;
    return CONTROL_REDRAW;
}

void control_pause(struct control *c)
{
    c->running = false;
    c->auto_paused = false;
}

