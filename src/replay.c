/* replay.c - record files played back: the events through control.c at
 * their recorded positions, and the headless replay that streams the
 * run's CSV and checks the recorded final weights. */
#include "replay.h"

#include <stdlib.h>
#include <string.h>

#include "rewind.h"
#include "train_csv.h"
#include "util.h"

struct position replay_position(const struct record_event *e)
{
    struct position p = {e->epoch, e->next};
    return p;
}

unsigned replay_apply(struct control *c, const struct record_event *e)
{
    switch (e->kind) {
    case RECORD_KEY:
        return control_key(c, e->key);
    case RECORD_CLICK_BOWL:
        return control_click_bowl(c, e->x, e->y);
    case RECORD_CLICK_LANDSCAPE:
        return control_click_landscape(c, e->x, e->y);
    case RECORD_CLICK_COST:
        return control_click_cost(c, e->picked);
    case RECORD_CLICK_OFF:
        return control_click_off(c);
    case RECORD_END:
        break;
    }
    return CONTROL_NONE;
}

/* The CSV rows of the run, streamed: the rows of the newest epochs wait
 * in a ring (the left arrow and a reset can still undo them), and a row
 * is written once it is older than any rewind can reach. Memory stays
 * the same whatever the number of epochs. */
struct rows {
    double *ring;        /* cap slots of width values; epoch e is in slot
                            (e - 1) % cap */
    size_t width;        /* values per row (train_csv_width) */
    size_t cap;
    size_t written;      /* epochs 1..written are out (or skipped by every) */
    size_t len;          /* epochs of the run with a row: written+1..len wait */
    size_t every;
    bool header;         /* the header is out */
    FILE *out;
};

static bool rows_init(struct rows *r, size_t every, FILE *out)
{
    memset(r, 0, sizeof *r);
    r->cap = REWIND_CAPACITY + 1;
    r->every = every > 0 ? every : 1;
    r->out = out;
    return true;
}

/* Sizes the ring for t's rows; false when out of memory. */
static bool rows_start(struct rows *r, const struct trainer *t)
{
    r->width = train_csv_width(t);
    r->ring = malloc(r->cap * r->width * sizeof *r->ring);
    return r->ring != NULL;
}

/* Writes the row of the oldest waiting epoch; last: it is the run's last. */
static void rows_write_oldest(struct rows *r, const struct trainer *t, bool last)
{
    size_t epoch = ++r->written;
    if (!r->header) {
        train_csv_header(r->out, t);
        r->header = true;
    }
    if (epoch % r->every != 0 && !last)
        return;
    train_csv_row(r->out, epoch, &r->ring[((epoch - 1) % r->cap) * r->width],
                  r->width);
}

/* Follows the trainer after a step or an event: at most one epoch more
 * (a step, an n, a right arrow) or any number fewer (left, reset, h).
 * Rows already written stay written. */
static void rows_follow(struct rows *r, const struct trainer *t)
{
    size_t width = train_csv_width(t);
    if (width != r->width) {
        /* h changed the number of parameters and started the run again:
         * rows of the new width, under a header of their own when rows
         * of the old one are already out */
        double *ring = malloc(r->cap * width * sizeof *ring);
        if (ring == NULL)
            return;
        free(r->ring);
        r->ring = ring;
        r->width = width;
        r->len = r->written = 0;
        r->header = false;
    }
    if (t->epoch < r->len) {
        r->len = t->epoch;
        if (r->written > r->len)
            r->written = r->len;
        return;
    }
    if (t->epoch == r->len)
        return;
    if (r->len - r->written == r->cap)
        rows_write_oldest(r, t, false);
    train_csv_values(t, &r->ring[(r->len++ % r->cap) * r->width]);
}

/* Writes every waiting row (the last as the last) and the header if no
 * row has been written. */
static void rows_finish(struct rows *r, const struct trainer *t)
{
    if (!r->header) {
        train_csv_header(r->out, t);
        r->header = true;
    }
    while (r->written < r->len)
        rows_write_oldest(r, t, r->written + 1 == r->len);
}

/* The parameters as "w1 %.17g w2 %.17g ... b %.17g" for messages. */
static void params_text(char *buf, size_t size, const struct trainer *t,
                        const double *theta, size_t count)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t k = 0; k < count && used + 1 < size; k++) {
        char name[16];
        trainer_param_name(t, k, name, sizeof name);
        int n = snprintf(buf + used, size - used, "%s%s %.17g", k ? " " : "",
                         name, theta[k]);
        if (n < 0)
            break;
        used += (size_t)n;
    }
}

static bool play(const struct recording *rec, struct control *c, struct rows *rows,
                 char *err, size_t errlen)
{
    for (size_t i = 0; i < rec->count; i++) {
        const struct record_event *e = &rec->events[i];
        struct position want = replay_position(e);
        while (control_step_toward(c, want))
            rows_follow(rows, &c->session.trainer);
        struct position here = control_position(c);
        if (here.epoch != want.epoch || here.next != want.next) {
            snprintf(err, errlen,
                     "%s:%u: the event is at epoch %zu (+%zu samples) but the run "
                     "stopped at epoch %zu (+%zu samples)%s",
                     rec->path, e->line, want.epoch, want.next, here.epoch, here.next,
                     c->session.trainer.diverged ? ": it diverged" : "");
            return false;
        }
        unsigned reaction = replay_apply(c, e);
        rows_follow(rows, &c->session.trainer);
        if (reaction & CONTROL_QUIT)
            break;
    }
    if (rec->has_end) {
        const struct record_event *e = &rec->end;
        const struct trainer *t = &c->session.trainer;
        bool same = t->epoch == e->epoch && t->next == e->next
                    && e->nparams == t->nparams;
        for (size_t k = 0; same && k < t->nparams; k++)
            same = util_same_bits(t->theta[k], e->params[k]);
        if (!same) {
            char here[1600], there[1600];
            params_text(here, sizeof here, t, t->theta, t->nparams);
            params_text(there, sizeof there, t, e->params,
                        e->nparams);
            snprintf(err, errlen,
                     "%s:%u: the replay ends at epoch %zu with %s, "
                     "the recording at epoch %zu with %s",
                     rec->path, e->line, t->epoch, here, e->epoch, there);
            return false;
        }
    }
    /* Then on to the run's last epoch, as a run left alone would go. */
    struct position last = {c->run.epochs, 0};
    if (c->run.epochs > 0)
        while (control_step_toward(c, last))
            rows_follow(rows, &c->session.trainer);
    return true;
}

bool replay_headless(const struct options *o, const char *path, FILE *out,
                     char *err, size_t errlen)
{
    struct recording *rec = calloc(1, sizeof *rec);
    struct options *run = malloc(sizeof *run);
    struct control *c = malloc(sizeof *c);
    struct rows rows;
    bool ok = rows_init(&rows, o->every, out) && rec != NULL && run != NULL &&
              c != NULL;
    if (!ok)
        snprintf(err, errlen, "out of memory");
    bool loaded = ok && recording_load(path, rec, err, errlen);
    bool opened = false;
    if (loaded) {
        *run = *o;
        recording_apply(rec, run);
        opened = control_open(c, run, err, errlen);
        if (opened && options_epochs_explicit(o))
            c->run.epochs = o->epochs; /* --epochs given: the replay runs on to it */
        if (opened && !rows_start(&rows, &c->session.trainer)) {
            snprintf(err, errlen, "out of memory");
            control_close(c);
            opened = false;
        }
    }
    ok = opened && play(rec, c, &rows, err, errlen);
    if (ok)
        rows_finish(&rows, &c->session.trainer);
    if (opened)
        control_close(c);
    if (rec != NULL)
        recording_free(rec);
    free(rec);
    free(run);
    free(c);
    free(rows.ring);
    return ok;
}
