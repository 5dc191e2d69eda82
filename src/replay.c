/* replay.c - record files played back: the events through control.c at
 * their recorded positions, and the headless replay that streams the
 * run's CSV and checks the recorded final weights. */
#include "replay.h"

#include <stdlib.h>
#include <string.h>

#include "rewind.h"
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
struct row {
    double cost, w1, w2, b, accuracy;
};

struct rows {
    struct row *ring;    /* cap slots; epoch e is in slot (e - 1) % cap */
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
    r->ring = malloc(r->cap * sizeof *r->ring);
    r->every = every > 0 ? every : 1;
    r->out = out;
    return r->ring != NULL;
}

/* Writes the row of the oldest waiting epoch; last: it is the run's last. */
static void rows_write_oldest(struct rows *r, bool last)
{
    size_t epoch = ++r->written;
    if (!r->header) {
        fputs("epoch,cost,w1,w2,b,accuracy\n", r->out);
        r->header = true;
    }
    if (epoch % r->every != 0 && !last)
        return;
    const struct row *w = &r->ring[(epoch - 1) % r->cap];
    fprintf(r->out, "%zu,%.17g,%.17g,%.17g,%.17g,%.17g\n", epoch, w->cost, w->w1,
            w->w2, w->b, w->accuracy);
}

/* Follows the trainer after a step or an event: at most one epoch more
 * (a step, an n, a right arrow) or any number fewer (left, reset). Rows
 * already written stay written. */
static void rows_follow(struct rows *r, const struct trainer *t)
{
    if (t->epoch < r->len) {
        r->len = t->epoch;
        if (r->written > r->len)
            r->written = r->len;
        return;
    }
    if (t->epoch == r->len)
        return;
    if (r->len - r->written == r->cap)
        rows_write_oldest(r, false);
    struct row *w = &r->ring[r->len++ % r->cap];
    w->cost = t->last_cost;
    w->w1 = t->neuron.w1;
    w->w2 = t->neuron.w2;
    w->b = t->neuron.b;
    w->accuracy = trainer_accuracy(t);
}

/* Writes every waiting row (the last as the last) and the header if no
 * row has been written. */
static void rows_finish(struct rows *r)
{
    if (!r->header) {
        fputs("epoch,cost,w1,w2,b,accuracy\n", r->out);
        r->header = true;
    }
    while (r->written < r->len)
        rows_write_oldest(r, r->written + 1 == r->len);
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
        if (t->epoch != e->epoch || t->next != e->next ||
            !util_same_bits(t->neuron.w1, e->w1) || !util_same_bits(t->neuron.w2, e->w2) ||
            !util_same_bits(t->neuron.b, e->b)) {
            snprintf(err, errlen,
                     "%s:%u: the replay ends at epoch %zu with w1 %.17g w2 %.17g b %.17g, "
                     "the recording at epoch %zu with w1 %.17g w2 %.17g b %.17g",
                     rec->path, e->line, t->epoch, t->neuron.w1, t->neuron.w2,
                     t->neuron.b, e->epoch, e->w1, e->w2, e->b);
            return false;
        }
    }
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
    }
    ok = opened && play(rec, c, &rows, err, errlen);
    if (ok)
        rows_finish(&rows);
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
