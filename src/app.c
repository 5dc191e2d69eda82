/* app.c - the event loop of the live program. It owns the terminal side
 * of a run: the canvas, the landscape cache, the record file being
 * written and the one being played back. What keys and clicks do is in
 * control.c (no drawing there); here keys are read, clicks turned into
 * points of the plane or epochs (views' hit-testing), the screen redrawn
 * when something changed, and the training paced.
 *
 * Pacing: while running, one frame every FRAME_MS; a frame trains
 * epochs_per_frame epochs (or, at a slow pace, one epoch when its time
 * has come) minibatch by minibatch and stops, even inside an epoch, when
 * TRAIN_BUDGET_MS of training have passed, so keys are answered within a
 * frame whatever the data (control_train_frame). Paused (or finished, or
 * diverged), and while the help overlay or the notice to enlarge the
 * terminal is up, the loop blocks on the next key or signal and uses no
 * CPU. The screen is rebuilt only when
 * something changed. A key's change is drawn at once, before the next
 * frame's training; a scatter raster or landscape grid built over frames
 * (large data) gets a frame every FRAME_MS until complete, paused too.
 *
 * Replay (--replay FILE): the next event is applied when training stands
 * exactly at its recorded position: the loop trains frame by frame (at
 * the current speed, whether running or not) but never past it. Events
 * recorded while paused are spaced as recorded, at most REPLAY_GAP_MS
 * apart. A recorded quit ends the replay instead of the program; then,
 * or at the end of the file, the user takes over. Keys other than q are
 * refused while it plays. */
#include "app.h"

#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "canvas.h"
#include "control.h"
#include "export.h"
#include "keymap.h"
#include "landscape.h"
#include "recording.h"
#include "replay.h"
#include "term.h"
#include "util.h"
#include "view_cache.h"
#include "views.h"

#define FRAME_MS 33.0           /* about 30 frames per second */
#define TRAIN_BUDGET_MS 15.0    /* training time per frame at most */
#define REPLAY_GAP_MS 1000.0    /* paused replay: longest wait between events */
#define LANDSCAPE_STEP_MS 3.0   /* a frame's share of a landscape grid */
#define RASTER_STEP_POINTS 262144 /* a frame's share of a scatter raster */

struct app {
    const struct options *options;
    struct control control;
    struct canvas canvas;
    struct landscape *landscape;   /* the v view's cache (NULL: none) */
    struct view_cache *cache;      /* raster and numbers kept between frames
                                      (NULL: none) */
    struct options replay_options; /* options with the recorded settings */
    struct recording replay;       /* the file played back */
    bool replaying;
    size_t replay_index;           /* next event */
    double replay_wall;            /* when the last event was applied */
    double replay_ms;              /* its recorded time */
    struct recorder recorder;      /* the file written (file NULL: none) */
    FILE *frame_log;               /* DESCENT_FRAME_LOG: per frame, render+blit
                                      ms, epoch, the frame's training ms,
                                      ms from reading a key to the end of
                                      the blit that shows it (-1: none),
                                      the blit's end and the load's end as
                                      CLOCK_REALTIME microseconds */
    long long loaded_us;           /* when the data was loaded (realtime) */
    double train_ms;               /* the last frame's training time */
    double key_read_ms;            /* when a key was read (-1: none waiting) */
};

static void view_state(const struct app *a, struct view_state *v)
{
    control_view_state(&a->control, v);
    v->colour = term_colour();
    v->landscape = a->landscape;
    v->cache = a->cache;
}

/* CLOCK_REALTIME in microseconds: what `date +%s%N` reads, for the bench
 * to compare with its own clock. */
static long long realtime_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

/* True while a frame's drawing left work for the next (a scatter raster
 * or a landscape grid built over frames): the loop draws again. */
static bool drawing_pending(const struct app *a)
{
    return (a->cache && scatter_raster_pending(&a->cache->raster)) ||
           (a->landscape && landscape_pending(a->landscape));
}

static void render(struct app *a)
{
    double start = a->frame_log ? util_now_ms() : 0.0;
    struct view_state v;
    view_state(a, &v);
    views_render(&a->canvas, &v);
    term_blit(&a->canvas);
    if (a->frame_log) {
        double end = util_now_ms();
        fprintf(a->frame_log, "%.6f %zu %.6f %.6f %lld %lld\n", end - start,
                a->control.session.trainer.epoch, a->train_ms,
                a->key_read_ms >= 0.0 ? end - a->key_read_ms : -1.0,
                realtime_us(), a->loaded_us);
    }
    a->train_ms = 0.0;
    a->key_read_ms = -1.0;
}

/* s: the screen as it is and the run, as descent-YYYYmmdd-HHMMSS.* here. */
static void save(struct app *a)
{
    struct control *c = &a->control;
    char base[64], stem[80];
    time_t t = time(NULL);
    struct tm tm;
    if (localtime_r(&t, &tm) == NULL ||
        strftime(base, sizeof base, "descent-%Y%m%d-%H%M%S", &tm) == 0)
        snprintf(base, sizeof base, "descent-%lld", (long long)t);
    /* Two saves in one second: export_save picks descent-...-2, -3, ... */
    c->notice[0] = '\0';
    render(a); /* the text file shows the screen without the old notice */
    struct view_state v;
    view_state(a, &v);
    char err[sizeof c->notice - 16];
    if (export_save(base, &v, &a->canvas, stem, sizeof stem, err, sizeof err))
        snprintf(c->notice, sizeof c->notice, "saved %s.csv .txt .svg", stem);
    else
        snprintf(c->notice, sizeof c->notice, "save failed: %s", err);
}

/* Writes an event applied at position p to the record file, if any. */
static void record(struct app *a, struct record_event *e, struct position p)
{
    if (a->recorder.file == NULL)
        return;
    e->epoch = p.epoch;
    e->next = p.next;
    recorder_event(&a->recorder, e);
}

/* A key from the user or the replay; returns CONTROL_* flags. */
static unsigned apply_key(struct app *a, int key)
{
    struct position p = control_position(&a->control);
    unsigned reaction = control_key(&a->control, key);
    if (reaction != CONTROL_NONE) {
        struct record_event e = {.kind = RECORD_KEY, .key = key};
        record(a, &e, p);
    }
    return reaction;
}

/* A click of the user at cell (x, y): the bowl, the cost plot or neither. */
static unsigned apply_click(struct app *a, int x, int y)
{
    struct control *c = &a->control;
    struct position p = control_position(c);
    struct view_state v;
    view_state(a, &v);
    struct record_event e = {.kind = RECORD_CLICK_OFF};
    unsigned reaction;
    double px, py;
    size_t epoch;
    if (!c->help && v.right == RIGHT_BOWL &&
        views_bowl_point(&v, a->canvas.width, a->canvas.height, x, y, &px, &py)) {
        e.kind = RECORD_CLICK_BOWL;
        e.x = px;
        e.y = py;
        reaction = control_click_bowl(c, px, py);
    } else if (!c->help && v.right == RIGHT_LANDSCAPE &&
               views_bowl_point(&v, a->canvas.width, a->canvas.height, x, y, &px, &py)) {
        e.kind = RECORD_CLICK_LANDSCAPE;
        e.x = px;
        e.y = py;
        reaction = control_click_landscape(c, px, py);
    } else if (!c->help &&
               views_cost_epoch(&v, a->canvas.width, a->canvas.height, x, y, &epoch)) {
        e.kind = RECORD_CLICK_COST;
        e.picked = epoch;
        reaction = control_click_cost(c, epoch);
    } else {
        reaction = control_click_off(c);
    }
    if (reaction != CONTROL_NONE)
        record(a, &e, p);
    return reaction;
}

/* The replay ends (what: why it stopped, or NULL at its end). */
static void replay_done(struct app *a, const char *what)
{
    struct control *c = &a->control;
    a->replaying = false;
    if (what == NULL)
        snprintf(c->notice, sizeof c->notice, "replay of %s done: your turn",
                 a->replay.path);
    else
        snprintf(c->notice, sizeof c->notice, "replay of %s stopped: %s",
                 a->replay.path, what);
}

/* One turn of the replay: train towards the next event (a frame's worth
 * when its time has come) or apply it when due. Returns CONTROL_* flags;
 * *wait_ms receives how long the loop may sleep. */
static unsigned replay_turn(struct app *a, double *next_frame, double *wait_ms)
{
    struct control *c = &a->control;
    *wait_ms = 0.0;
    if (a->replay_index >= a->replay.count) {
        replay_done(a, NULL);
        return CONTROL_REDRAW;
    }
    const struct record_event *e = &a->replay.events[a->replay_index];
    struct position want = replay_position(e), here = control_position(c);
    double now = util_now_ms();
    if (position_before(here, want)) {
        if (now < *next_frame) {
            *wait_ms = *next_frame - now;
            return CONTROL_NONE;
        }
        control_train_frame(c, TRAIN_BUDGET_MS, &want);
        *next_frame = now + FRAME_MS;
        struct position after = control_position(c);
        if (after.epoch == here.epoch && after.next == here.next) {
            char what[96];
            snprintf(what, sizeof what, "line %u: epoch %zu cannot be reached",
                     e->line, want.epoch);
            replay_done(a, what);
        }
        return CONTROL_REDRAW;
    }
    if (position_before(want, here)) {
        char what[96];
        snprintf(what, sizeof what, "line %u: the run is past epoch %zu",
                 e->line, want.epoch);
        replay_done(a, what);
        return CONTROL_REDRAW;
    }
    if (!c->running) {
        double gap = e->ms - a->replay_ms;
        gap = gap < 0.0 ? 0.0 : gap > REPLAY_GAP_MS ? REPLAY_GAP_MS : gap;
        if (now < a->replay_wall + gap) {
            *wait_ms = a->replay_wall + gap - now;
            return CONTROL_NONE;
        }
    }
    if (e->kind == RECORD_KEY && keymap_lookup(e->key) == ACTION_QUIT) {
        replay_done(a, NULL);
        return CONTROL_REDRAW;
    }
    a->replay_index++;
    a->replay_wall = now;
    a->replay_ms = e->ms;
    unsigned reaction;
    if (e->kind == RECORD_KEY) {
        reaction = apply_key(a, e->key);
    } else {
        reaction = replay_apply(c, e);
        if (reaction != CONTROL_NONE) {
            struct record_event copy = *e;
            record(a, &copy, here);
        }
    }
    if (a->replay_index >= a->replay.count)
        replay_done(a, NULL);
    return reaction | CONTROL_REDRAW;
}

static void screen_size(int *width, int *height)
{
    term_size(width, height);
    if (*width < 1)
        *width = 1;
    if (*height < 1)
        *height = 1;
}

/* Carries out what a key, a click or a frame asked for: saving, a redraw
 * (*dirty). Returns false when the program is to quit. */
static bool react(struct app *a, unsigned reaction, bool *dirty)
{
    if (reaction & CONTROL_QUIT)
        return false;
    if (reaction & CONTROL_SAVE)
        save(a);
    if (reaction & CONTROL_REDRAW)
        *dirty = true;
    return true;
}

/* Training waits while the help overlay or the notice to enlarge the
 * terminal hides the screen; it goes on when they close. */
static bool held(const struct app *a)
{
    return a->control.help || a->canvas.width < VIEWS_MIN_WIDTH
           || a->canvas.height < VIEWS_MIN_HEIGHT;
}

/* The loop proper; returns when the user quits or a signal asks to. */
static void run_loop(struct app *a)
{
    struct control *c = &a->control;
    double next_frame = util_now_ms();
    bool dirty = true;

    while (term_stop_signal() == 0) {
        unsigned reaction = CONTROL_NONE;
        double replay_wait = -1.0;
        if (a->replaying) {
            reaction = replay_turn(a, &next_frame, &replay_wait);
        } else if (c->running && held(a)) {
            next_frame = util_now_ms(); /* goes on at once when it closes */
        } else if (c->running && !(dirty && a->key_read_ms >= 0.0) &&
                   util_now_ms() >= next_frame) {
            /* (a key's change is shown first, the frame's training next) */
            double start = util_now_ms();
            control_train_frame(c, TRAIN_BUDGET_MS, NULL);
            a->train_ms = util_now_ms() - start;
            reaction = CONTROL_REDRAW;
            next_frame += FRAME_MS;
            double t = util_now_ms();
            if (next_frame < t)
                next_frame = t + FRAME_MS;
        }
        if (!react(a, reaction, &dirty))
            break;
        if (dirty) {
            render(a);
            dirty = false;
        }
        int timeout = -1;
        if (a->replaying) {
            timeout = replay_wait > 0.0 ? (int)ceil(replay_wait) : 0;
        } else if (c->running && !held(a)) {
            double wait = next_frame - util_now_ms();
            timeout = wait > 0.0 ? (int)ceil(wait) : 0;
        }
        /* a raster or grid under way: paused too, its next part a frame later */
        bool pending = !held(a) && drawing_pending(a);
        if (pending && (timeout < 0 || timeout > (int)FRAME_MS))
            timeout = (int)FRAME_MS;
        int key = term_read_key(timeout);
        if (key == TERM_KEY_NONE) {
            dirty = dirty || (pending && !c->running);
            continue;
        }
        if (key == TERM_KEY_RESIZE) {
            int w, h;
            screen_size(&w, &h);
            if (!canvas_resize(&a->canvas, w, h))
                snprintf(c->notice, sizeof c->notice,
                         "out of memory: the screen stays %dx%d",
                         a->canvas.width, a->canvas.height);
            dirty = true;
            continue;
        }
        a->key_read_ms = util_now_ms();
        bool was_running = c->running;
        if (a->replaying && !(key != KEY_CODE_MOUSE &&
                              keymap_lookup(key) == ACTION_QUIT)) {
            snprintf(c->notice, sizeof c->notice,
                     "replaying: %s quits (event %zu of %zu)",
                     keymap_label_for(ACTION_QUIT), a->replay_index + 1,
                     a->replay.count);
            dirty = true;
            continue;
        }
        if (key == KEY_CODE_MOUSE) {
            int x, y;
            reaction = term_last_click(&x, &y) ? apply_click(a, x, y) : CONTROL_NONE;
        } else {
            reaction = apply_key(a, key);
        }
        if (!react(a, reaction, &dirty))
            break;
        if (c->running && !was_running)
            next_frame = util_now_ms();
    }
}

/* The end line of the record file: where the run stopped, its weights. */
static void record_end(struct app *a)
{
    const struct trainer *t = &a->control.session.trainer;
    struct record_event e = {.kind = RECORD_END, .params = t->theta};
    e.nparams = t->nparams < RECORD_PARAMS_MAX ? t->nparams : RECORD_PARAMS_MAX;
    record(a, &e, control_position(&a->control));
}

/* Opens the files and the run before the terminal starts, so that every
 * error is reported on a normal screen. */
static bool app_open(struct app *a, const struct options *o, char *err,
                     size_t errlen)
{
    const struct options *start = o;
    if (o->replay_path != NULL) {
        if (!recording_load(o->replay_path, &a->replay, err, errlen))
            return false;
        a->replay_options = *o;
        recording_apply(&a->replay, &a->replay_options);
        start = &a->replay_options;
        a->replaying = true;
    }
    if (!control_open(&a->control, start, err, errlen))
        return false;
    if (o->record_path != NULL &&
        !recorder_open(&a->recorder, o->record_path, start, err, errlen)) {
        control_close(&a->control);
        return false;
    }
    return true;
}

static void app_free(struct app *a)
{
    if (a->frame_log)
        fclose(a->frame_log);
    canvas_free(&a->canvas);
    landscape_free(a->landscape);
    view_cache_free(a->cache);
    control_close(&a->control);
    recording_free(&a->replay);
}

/* Runs the TUI; see app.h. */
int app_run(const struct options *o, char *err, size_t errlen)
{
    struct app *a = calloc(1, sizeof *a);
    if (a == NULL) {
        snprintf(err, errlen, "out of memory");
        return 2;
    }
    a->options = o;

    /* The data and the files first: a bad one is reported without
     * touching the screen. */
    if (!app_open(a, o, err, errlen)) {
        recording_free(&a->replay);
        free(a);
        return 2;
    }
    const char *frame_log = getenv("DESCENT_FRAME_LOG");
    if (frame_log && *frame_log)
        a->loaded_us = realtime_us();
    char unused[8];
    term_set_theme(o->theme);
    if (!term_init(o->ascii, o->no_color, err, errlen)) {
        recorder_close(&a->recorder, unused, sizeof unused);
        app_free(a);
        free(a);
        return 2;
    }
    int w, h;
    screen_size(&w, &h);
    if (!canvas_init(&a->canvas, w, h, term_utf8())) {
        term_restore();
        recorder_close(&a->recorder, unused, sizeof unused);
        app_free(a);
        free(a);
        snprintf(err, errlen, "out of memory");
        return 2;
    }

    /* For `make bench`: a line per frame (the fields at frame_log above). */
    if (frame_log && *frame_log)
        a->frame_log = fopen(frame_log, "w");
    if (a->frame_log) /* a line per frame as it happens: the bench counts them */
        setvbuf(a->frame_log, NULL, _IOLBF, 0);

    if (a->control.run.lesson_name[0] != '\0' && !a->replaying)
        snprintf(a->control.notice, sizeof a->control.notice,
                 "lesson %s: paused at epoch 0 (%s: start)", a->control.run.lesson_name,
                 keymap_label_for(ACTION_PAUSE));
    a->landscape = landscape_new(); /* NULL: the view computes without a cache */
    a->cache = view_cache_new();    /* likewise */
    /* Large data: a grid or a raster spread over frames, never one long frame. */
    if (a->landscape)
        a->landscape->step_ms = LANDSCAPE_STEP_MS;
    if (a->cache)
        a->cache->raster.step_points = RASTER_STEP_POINTS;
    a->replay_wall = util_now_ms();
    a->key_read_ms = -1.0;
    run_loop(a);

    int sig = term_stop_signal();
    term_restore();
    record_end(a);
    bool written = recorder_close(&a->recorder, err, errlen);
    app_free(a);
    free(a);
    if (sig != 0)
        raise(sig); /* term_restore put the previous action back */
    return written ? 0 : 2;
}
