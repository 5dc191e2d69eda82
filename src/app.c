/* app.c - the event loop of the live program. It owns one training
 * session and the switches of the screen (running, log scale, regions,
 * help), turns keys into actions through the key table, and lets each
 * action's handler return reactions (redraw, quit); only the loop draws.
 *
 * Pacing: while running, one frame every FRAME_MS; a frame trains
 * epochs_per_frame epochs but stops early when TRAIN_BUDGET_MS of
 * training have passed, so keys are answered within a frame even on large
 * data. Paused (or finished, or diverged), the loop blocks on the next
 * key or signal and uses no CPU. The screen is rebuilt only when
 * something changed. */
#include "app.h"

#include <math.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "canvas.h"
#include "keymap.h"
#include "session.h"
#include "term.h"
#include "views.h"

#define FRAME_MS 33.0           /* about 30 frames per second */
#define TRAIN_BUDGET_MS 15.0    /* training time per frame at most */
#define MIN_EPOCHS_PER_FRAME 1u
#define MAX_EPOCHS_PER_FRAME 65536u
#define LR_MIN 1e-6
#define LR_MAX 1e6
#define MAX_SELECT_TRIES 64     /* candidates tried by x, y, c */

/* What a handler asks of the loop. */
enum reaction {
    REACT_NONE = 0,
    REACT_REDRAW = 1,
    REACT_QUIT = 2
};

struct app {
    const struct options *options;
    struct session session;
    struct canvas canvas;
    bool running;          /* training frame after frame */
    bool auto_paused;      /* paused by divergence or the epoch limit */
    bool finished;         /* reached --epochs */
    bool log_cost;
    bool regions;
    bool help;
    unsigned epochs_per_frame;
    char notice[160];      /* one transient line; "" for none */
    size_t *numeric_cols;  /* the table's numeric columns, found once */
    size_t numeric_count;
    bool numeric_known;
    const char **classes;  /* distinct values of the label column */
    size_t class_count;
    bool classes_known;
    FILE *frame_log;       /* DESCENT_FRAME_LOG: render+blit time per frame */
};

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void set_notice(struct app *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void set_notice(struct app *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(a->notice, sizeof a->notice, fmt, ap);
    va_end(ap);
}

/* The next value of the 1-2-5 ladder (... 0.1 0.2 0.5 1 2 5 ...) above
 * (dir > 0) or below (dir < 0) lr, kept within [LR_MIN, LR_MAX]. A value
 * off the ladder goes to its neighbour on the ladder (0.3: 0.5 or 0.2). */
static double lr_ladder(double lr, int dir)
{
    static const double mantissa[] = {1.0, 2.0, 5.0};
    if (!(lr > 0.0) || !isfinite(lr))
        return dir > 0 ? LR_MIN : lr;
    int decade = (int)floor(log10(lr));
    double best = lr;
    bool found = false;
    for (int k = decade - 1; k <= decade + 1; k++) {
        for (int m = 0; m < 3; m++) {
            /* m / 10^-k is correctly rounded where m * 10^k is not */
            double v = k < 0 ? mantissa[m] / pow(10.0, -k)
                             : mantissa[m] * pow(10.0, k);
            if (dir > 0 && v > lr * (1.0 + 1e-9) && (!found || v < best)) {
                best = v;
                found = true;
            }
            if (dir < 0 && v < lr * (1.0 - 1e-9) && (!found || v > best)) {
                best = v;
                found = true;
            }
        }
    }
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

static bool limit_reached(const struct app *a)
{
    return a->options->epochs > 0 &&
           a->session.trainer.epoch >= a->options->epochs;
}

/* After any training: pause on divergence or at the epoch limit. */
static void check_stops(struct app *a)
{
    if (limit_reached(a) && !a->finished) {
        a->finished = true;
        if (a->running)
            a->auto_paused = true;
        a->running = false;
    }
    if (a->session.trainer.diverged && a->running) {
        a->running = false;
        a->auto_paused = true;
    }
}

/* After a reset (r, i, x, y, c): the limit and the divergence are gone;
 * a run paused by them starts again. */
static void after_reset(struct app *a)
{
    a->finished = limit_reached(a);
    if (a->auto_paused && !a->finished)
        a->running = true;
    a->auto_paused = false;
}

/* One frame's training: up to epochs_per_frame epochs within the time
 * budget, stopping at the epoch limit or a divergence. */
static void train_frame(struct app *a)
{
    double start = now_ms();
    for (unsigned i = 0; i < a->epochs_per_frame; i++) {
        if (limit_reached(a) || a->session.trainer.diverged)
            break;
        session_epoch(&a->session);
        if (now_ms() - start > TRAIN_BUDGET_MS)
            break;
    }
    check_stops(a);
}

/* Why a manual step is refused, or NULL when training may go on. */
static const char *blocked_reason(const struct app *a)
{
    if (a->session.trainer.diverged)
        return "diverged: lower lr (-), then reset (r)";
    if (limit_reached(a))
        return "done: --epochs reached; r restarts";
    return NULL;
}

/* After '.': which minibatch of the epoch that was, e.g. "minibatch 3 of
 * 25 (epoch 13)"; the last one completes the epoch. */
static void note_minibatch(struct app *a)
{
    const struct trainer *t = &a->session.trainer;
    size_t n = t->data->n;
    size_t size = trainer_batch_size(t);
    size_t batches = size > 0 ? (n + size - 1) / size : 1;
    if (t->next == 0)
        set_notice(a, "minibatch %zu of %zu: epoch %zu complete", batches,
                   batches, t->epoch);
    else
        set_notice(a, "minibatch %zu of %zu (epoch %zu)",
                   (t->next + size - 1) / size, batches, t->epoch + 1);
}

static void configure(struct app *a, const struct train_config *config)
{
    session_configure(&a->session, config);
}

static const size_t *numeric_columns(struct app *a, size_t *count)
{
    const struct table *t = &a->session.table;
    if (!a->numeric_known && t->ncols > 0) {
        a->numeric_cols = malloc(t->ncols * sizeof *a->numeric_cols);
        if (a->numeric_cols != NULL)
            a->numeric_count = table_numeric_columns(t, a->numeric_cols, t->ncols);
        a->numeric_known = a->numeric_cols != NULL;
    }
    *count = a->numeric_known ? a->numeric_count : 0;
    return a->numeric_cols;
}

/* x / y: the next numeric column after the current one on that axis,
 * skipping the label column and the other axis' column. */
static unsigned cycle_feature(struct app *a, bool x_axis)
{
    struct session *s = &a->session;
    size_t count;
    const size_t *cols = numeric_columns(a, &count);
    int label = table_column(&s->table, s->selection.label_column);
    int here = table_column(&s->table, x_axis ? s->selection.x_column
                                              : s->selection.y_column);
    int other = table_column(&s->table, x_axis ? s->selection.y_column
                                               : s->selection.x_column);
    size_t pos = count; /* where the current column sits in cols */
    for (size_t i = 0; i < count; i++)
        if ((int)cols[i] == here)
            pos = i;

    char err[256] = "";
    size_t tries = 0;
    for (size_t k = 1; k <= count && tries < MAX_SELECT_TRIES; k++) {
        size_t col = cols[(pos == count ? k - 1 : pos + k) % count];
        if ((int)col == label || (int)col == other || (int)col == here)
            continue;
        struct selection sel = s->selection;
        if (x_axis)
            sel.x_column = s->table.names[col];
        else
            sel.y_column = s->table.names[col];
        tries++;
        if (session_select(s, &sel, err, sizeof err)) {
            after_reset(a);
            set_notice(a, "%c axis: %s (reset)", x_axis ? 'x' : 'y',
                       s->table.names[col]);
            return REACT_REDRAW;
        }
    }
    if (err[0] != '\0')
        set_notice(a, "%s", err);
    else
        set_notice(a, "no other numeric column for the %c axis", x_axis ? 'x' : 'y');
    return REACT_REDRAW;
}

static const char **label_values(struct app *a, size_t *count)
{
    const struct table *t = &a->session.table;
    if (!a->classes_known) {
        int col = table_column(t, a->session.selection.label_column);
        size_t max = t->nrows > 0 ? t->nrows : 1;
        a->classes = malloc(max * sizeof *a->classes);
        if (a->classes != NULL && col >= 0)
            a->class_count = table_distinct(t, (size_t)col, a->classes, max);
        a->classes_known = a->classes != NULL;
    }
    *count = a->classes_known ? a->class_count : 0;
    return a->classes;
}

/* c: the next pair (i < j, in order of first appearance) of distinct
 * values of the label column after the current one. */
static unsigned cycle_classes(struct app *a)
{
    struct session *s = &a->session;
    size_t k;
    const char **v = label_values(a, &k);
    if (k < 2) {
        set_notice(a, "the label column has fewer than two classes");
        return REACT_REDRAW;
    }
    size_t i = 0, j = 0;
    for (size_t n = 0; n < k; n++) {
        if (strcmp(v[n], s->selection.class_a) == 0)
            i = n;
        if (strcmp(v[n], s->selection.class_b) == 0)
            j = n;
    }
    if (i > j) {
        size_t swap = i;
        i = j;
        j = swap;
    }
    char err[256] = "";
    size_t pairs = k * (k - 1) / 2;
    for (size_t t = 0; t < pairs && t < MAX_SELECT_TRIES; t++) {
        if (j + 1 < k) {
            j++;
        } else if (i + 2 < k) {
            i++;
            j = i + 1;
        } else {
            i = 0;
            j = 1;
        }
        struct selection sel = s->selection;
        sel.class_a = v[i];
        sel.class_b = v[j];
        if (session_select(s, &sel, err, sizeof err)) {
            after_reset(a);
            set_notice(a, "classes: %s vs %s (reset)", v[i], v[j]);
            return REACT_REDRAW;
        }
    }
    set_notice(a, "%s", err[0] != '\0' ? err : "no other pair of classes");
    return REACT_REDRAW;
}

/* Carries out one action; returns reactions, never draws. */
static unsigned do_action(struct app *a, enum action action)
{
    struct session *s = &a->session;
    struct train_config config = s->trainer.config;
    const char *why;

    switch (action) {
    case ACTION_PAUSE:
        if (a->running) {
            a->running = false;
        } else if ((why = blocked_reason(a)) != NULL) {
            set_notice(a, "%s", why);
        } else {
            a->running = true;
        }
        a->auto_paused = false;
        return REACT_REDRAW;
    case ACTION_EPOCH:
    case ACTION_BATCH_STEP:
        /* n and . pause a running session, then take their step */
        a->running = false;
        a->auto_paused = false;
        if ((why = blocked_reason(a)) != NULL) {
            set_notice(a, "%s", why);
            return REACT_REDRAW;
        }
        if (action == ACTION_EPOCH) {
            session_epoch(s);
        } else {
            session_step_batch(s);
            note_minibatch(a);
        }
        check_stops(a);
        return REACT_REDRAW;
    case ACTION_LR_UP:
    case ACTION_LR_DOWN:
        config.lr = lr_ladder(config.lr, action == ACTION_LR_UP ? 1 : -1);
        if (config.lr == s->trainer.config.lr)
            set_notice(a, "the learning rate stays within %g .. %g", LR_MIN, LR_MAX);
        else
            configure(a, &config);
        return REACT_REDRAW;
    case ACTION_LOSS:
        config.loss = (enum loss)((config.loss + 1) % LOSS_COUNT);
        configure(a, &config);
        return REACT_REDRAW;
    case ACTION_ACTIVATION:
        config.activation = (enum activation)((config.activation + 1) % ACT_COUNT);
        configure(a, &config);
        return REACT_REDRAW;
    case ACTION_BATCH_UP:
    case ACTION_BATCH_DOWN:
        config.batch = batch_ladder(config.batch, action == ACTION_BATCH_UP ? 1 : -1);
        configure(a, &config);
        return REACT_REDRAW;
    case ACTION_FASTER:
    case ACTION_SLOWER:
        if (action == ACTION_FASTER && a->epochs_per_frame < MAX_EPOCHS_PER_FRAME)
            a->epochs_per_frame *= 2;
        if (action == ACTION_SLOWER && a->epochs_per_frame > MIN_EPOCHS_PER_FRAME)
            a->epochs_per_frame /= 2;
        set_notice(a, "speed: %u epoch%s per frame", a->epochs_per_frame,
                   a->epochs_per_frame == 1 ? "" : "s");
        return REACT_REDRAW;
    case ACTION_RESET:
        session_reset(s);
        after_reset(a);
        set_notice(a, "reset: epoch 0, init %s, seed %llu", init_name(config.init),
                   (unsigned long long)config.seed);
        return REACT_REDRAW;
    case ACTION_INIT:
        config.init = config.init == INIT_ZEROS ? INIT_UNIFORM : INIT_ZEROS;
        configure(a, &config);
        session_reset(s);
        after_reset(a);
        set_notice(a, "init %s (reset)",
                   config.init == INIT_ZEROS ? "zeros" : "uniform(-1,1)");
        return REACT_REDRAW;
    case ACTION_X_FEATURE:
        return cycle_feature(a, true);
    case ACTION_Y_FEATURE:
        return cycle_feature(a, false);
    case ACTION_CLASSES:
        return cycle_classes(a);
    case ACTION_COST_SCALE:
        a->log_cost = !a->log_cost;
        set_notice(a, "cost plot: %s scale", a->log_cost ? "log" : "linear");
        return REACT_REDRAW;
    case ACTION_REGIONS:
        a->regions = !a->regions;
        set_notice(a, "decision regions %s", a->regions ? "on" : "off");
        return REACT_REDRAW;
    case ACTION_HELP:
        a->help = true;
        return REACT_REDRAW;
    case ACTION_QUIT:
        return REACT_QUIT;
    default:
        return REACT_NONE;
    }
}

/* A key from the terminal: the help overlay takes any key to close;
 * otherwise the key table decides. */
static unsigned handle_key(struct app *a, int key)
{
    if (a->help) {
        a->help = false;
        return REACT_REDRAW;
    }
    enum action action = keymap_lookup(key);
    if (action == ACTION_NONE)
        return REACT_NONE;
    a->notice[0] = '\0';
    return do_action(a, action) | REACT_REDRAW;
}

static void render(struct app *a)
{
    double start = a->frame_log ? now_ms() : 0.0;
    struct view_state v = {
        .trainer = &a->session.trainer,
        .data = &a->session.data,
        .bowl = &a->session.bowl,
        .running = a->running,
        .finished = a->finished,
        .log_cost = a->log_cost,
        .regions = a->regions,
        .help = a->help,
        .epochs_per_frame = a->epochs_per_frame,
        .notice = a->notice[0] != '\0' ? a->notice : NULL,
        .colour = term_colour(),
    };
    views_render(&a->canvas, &v);
    term_blit(&a->canvas);
    if (a->frame_log)
        fprintf(a->frame_log, "%.6f %zu\n", now_ms() - start, a->session.trainer.epoch);
}

static void screen_size(int *width, int *height)
{
    term_size(width, height);
    if (*width < 1)
        *width = 1;
    if (*height < 1)
        *height = 1;
}

/* The loop proper; returns when the user quits or a signal asks to. */
static void run_loop(struct app *a)
{
    double next_frame = now_ms();
    bool dirty = true;

    while (term_stop_signal() == 0) {
        if (a->running && now_ms() >= next_frame) {
            train_frame(a);
            dirty = true;
            next_frame += FRAME_MS;
            double t = now_ms();
            if (next_frame < t)
                next_frame = t + FRAME_MS;
        }
        if (dirty) {
            render(a);
            dirty = false;
        }
        int timeout = -1;
        if (a->running) {
            double wait = next_frame - now_ms();
            timeout = wait > 0.0 ? (int)ceil(wait) : 0;
        }
        int key = term_read_key(timeout);
        if (key == TERM_KEY_NONE)
            continue;
        if (key == TERM_KEY_RESIZE) {
            int w, h;
            screen_size(&w, &h);
            canvas_resize(&a->canvas, w, h);
            dirty = true;
            continue;
        }
        bool was_running = a->running;
        unsigned reaction = handle_key(a, key);
        if (reaction & REACT_QUIT)
            break;
        if (reaction & REACT_REDRAW)
            dirty = true;
        if (a->running && !was_running)
            next_frame = now_ms();
    }
}

static void app_free(struct app *a)
{
    if (a->frame_log)
        fclose(a->frame_log);
    canvas_free(&a->canvas);
    session_close(&a->session);
    free(a->numeric_cols);
    free(a->classes);
}

/* Runs the TUI; see app.h. */
int app_run(const struct options *o, char *err, size_t errlen)
{
    struct app a;
    memset(&a, 0, sizeof a);
    a.options = o;
    a.running = true;
    a.log_cost = true;
    a.epochs_per_frame = o->epochs_per_frame;
    if (a.epochs_per_frame < MIN_EPOCHS_PER_FRAME)
        a.epochs_per_frame = MIN_EPOCHS_PER_FRAME;
    if (a.epochs_per_frame > MAX_EPOCHS_PER_FRAME)
        a.epochs_per_frame = MAX_EPOCHS_PER_FRAME;

    /* The data first: a bad file is reported without touching the screen. */
    if (!session_open(&a.session, o, err, errlen))
        return 2;
    if (!term_init(o->ascii, o->no_color, err, errlen)) {
        session_close(&a.session);
        return 2;
    }
    int w, h;
    screen_size(&w, &h);
    if (!canvas_init(&a.canvas, w, h, term_utf8())) {
        term_restore();
        session_close(&a.session);
        snprintf(err, errlen, "out of memory");
        return 2;
    }

    /* For `make bench`: each frame's views + blit time (ms) and epoch. */
    const char *frame_log = getenv("DESCENT_FRAME_LOG");
    if (frame_log && *frame_log)
        a.frame_log = fopen(frame_log, "w");

    run_loop(&a);

    int sig = term_stop_signal();
    term_restore();
    app_free(&a);
    if (sig != 0)
        raise(sig); /* term_restore put the previous action back */
    return 0;
}
