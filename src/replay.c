/* replay.c - record files played back: the events through control.c at
 * their recorded positions, and the headless replay that prints the
 * run's CSV and checks the recorded final weights. */
#include "replay.h"

#include <stdlib.h>
#include <string.h>

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

/* The CSV rows of the run as it stands: row i is epoch i + 1. */
struct rows {
    struct row {
        double cost, w1, w2, b, accuracy;
    } *row;
    size_t len, cap;
    bool failed;
};

/* Follows the trainer after a step or an event: at most one epoch more
 * (a step, an n, a right arrow) or any number fewer (left, reset). */
static void rows_follow(struct rows *r, const struct trainer *t)
{
    if (t->epoch < r->len) {
        r->len = t->epoch;
        return;
    }
    if (t->epoch == r->len || r->failed)
        return;
    if (r->len == r->cap) {
        size_t cap = r->cap ? 2 * r->cap : 1024;
        struct row *more = realloc(r->row, cap * sizeof *more);
        if (more == NULL) {
            r->failed = true;
            return;
        }
        r->row = more;
        r->cap = cap;
    }
    struct row *w = &r->row[r->len++];
    w->cost = t->last_cost;
    w->w1 = t->neuron.w1;
    w->w2 = t->neuron.w2;
    w->b = t->neuron.b;
    w->accuracy = trainer_accuracy(t);
}

/* Same bits, so that NaN matches NaN and -0 does not match 0. */
static bool same_bits(double a, double b)
{
    return memcmp(&a, &b, sizeof a) == 0;
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
    if (rows->failed) {
        snprintf(err, errlen, "out of memory");
        return false;
    }
    if (rec->has_end) {
        const struct record_event *e = &rec->end;
        const struct trainer *t = &c->session.trainer;
        if (t->epoch != e->epoch || t->next != e->next ||
            !same_bits(t->neuron.w1, e->w1) || !same_bits(t->neuron.w2, e->w2) ||
            !same_bits(t->neuron.b, e->b)) {
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
    struct rows rows = {NULL, 0, 0, false};
    bool ok = rec != NULL && run != NULL && c != NULL;
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
    if (ok) {
        size_t every = o->every > 0 ? o->every : 1;
        fputs("epoch,cost,w1,w2,b,accuracy\n", out);
        for (size_t i = 0; i < rows.len; i++) {
            size_t epoch = i + 1;
            if (epoch % every != 0 && epoch != rows.len)
                continue;
            const struct row *w = &rows.row[i];
            fprintf(out, "%zu,%.17g,%.17g,%.17g,%.17g,%.17g\n", epoch, w->cost,
                    w->w1, w->w2, w->b, w->accuracy);
        }
    }
    if (opened)
        control_close(c);
    if (rec != NULL)
        recording_free(rec);
    free(rec);
    free(run);
    free(c);
    free(rows.row);
    return ok;
}
