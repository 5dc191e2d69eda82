/* lr_find.c - the learning-rate range test of lr_find.h on a private
 * trainer: the same samples, init, seed, shuffle and batch size as the
 * run, so its minibatches come in the order the run's training takes
 * them, with plain SGD at a new lr for every update. */
#include "lr_find.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/* The verdict "saturated": the last rows' costs (a fiftieth of the
 * sweep, at least 2) lie within FLAT_TOLERANCE of their mean. The raw
 * costs, not the smoothed ones, which lag behind by design. */
#define FLAT_SHARE 50
#define FLAT_ROWS_MIN 2
#define FLAT_TOLERANCE 0.01

struct lr_find_config lr_find_config_default(void)
{
    return (struct lr_find_config){1e-7, 10.0, 100};
}

void lr_find_free(struct lr_find *f)
{
    free(f->rows);
    f->rows = NULL;
    f->len = 0;
}

/* The lr of step i of the sweep. */
static double sweep_lr(const struct lr_find_config *fc, size_t i)
{
    if (fc->steps < 2)
        return fc->start;
    return fc->start * pow(fc->end / fc->start, (double)i / (double)(fc->steps - 1));
}

double lr_find_slope(const struct lr_find *f, size_t i)
{
    if (i == 0 || i + 1 >= f->len)
        return NAN;
    const struct lr_find_row *a = &f->rows[i - 1], *b = &f->rows[i + 1];
    double d = (b->smoothed - a->smoothed) / (log(b->lr) - log(a->lr));
    return isfinite(d) ? d : NAN;
}

/* True when the costs of the last rows of a finished sweep lie within
 * FLAT_TOLERANCE of their mean. */
static bool flat_at_end(const struct lr_find *f)
{
    size_t k = f->len / FLAT_SHARE;
    if (k < FLAT_ROWS_MIN)
        k = FLAT_ROWS_MIN;
    if (k > f->len)
        return false;
    double lo = INFINITY, hi = -INFINITY, sum = 0.0;
    for (size_t i = f->len - k; i < f->len; i++) {
        double v = f->rows[i].cost;
        if (!isfinite(v))
            return false;
        lo = v < lo ? v : lo;
        hi = v > hi ? v : hi;
        sum += v;
    }
    return hi - lo <= FLAT_TOLERANCE * fabs(sum / (double)k);
}

/* The steepest and minimum rows and the verdict, from the rows. */
static void judge(struct lr_find *f, bool stopped)
{
    double best_slope = 0.0, least = INFINITY;
    f->steepest = f->minimum = f->len;
    for (size_t i = 0; i < f->len; i++) {
        /* the first tenth of the sweep is left out of the steepest: the
         * debiased average is still settling there (fastai skips 10 of 100) */
        double d = i >= f->config.steps / 10 ? lr_find_slope(f, i) : NAN;
        if (d < best_slope) { /* NaN never is */
            best_slope = d;
            f->steepest = i;
        }
        if (f->rows[i].smoothed < least) {
            least = f->rows[i].smoothed;
            f->minimum = i;
        }
    }
    if (stopped)
        f->verdict = LR_FIND_EXPLODED;
    else
        f->verdict = flat_at_end(f) ? LR_FIND_SATURATED : LR_FIND_OPEN;
}

bool lr_find_run(const struct dataset *data, const struct train_config *config,
                 const struct lr_find_config *fc, struct lr_find *out, char *err,
                 size_t errlen)
{
    out->rows = NULL;
    out->len = 0;
    out->config = *fc;
    if (data->n == 0) {
        snprintf(err, errlen, "the range test needs training samples");
        return false;
    }
    struct train_config c = *config;
    c.optimizer.kind = OPTIMIZER_SGD;
    c.schedule.kind = SCHEDULE_CONSTANT;
    c.lr = fc->start;
    struct trainer *t = malloc(sizeof *t);
    out->rows = malloc((fc->steps ? fc->steps : 1) * sizeof *out->rows);
    if (t == NULL || out->rows == NULL || !trainer_init(t, data, &c)) {
        free(t);
        lr_find_free(out);
        snprintf(err, errlen, "out of memory");
        return false;
    }
    double avg = 0.0, best = INFINITY, keep = 1.0;
    bool stopped = false;
    for (size_t i = 0; i < fc->steps && !stopped; i++) {
        c.lr = sweep_lr(fc, i);
        trainer_configure(t, &c);
        trainer_step_batch(t);
        double cost = t->batch_cost;
        avg = LR_FIND_SMOOTHING * avg + LR_FIND_WEIGHT * cost;
        keep *= LR_FIND_SMOOTHING; /* 0.98^(i+1) */
        double smoothed = avg / (1.0 - keep);
        out->rows[out->len++] = (struct lr_find_row){c.lr, cost, smoothed};
        /* a NaN or infinite average counts as blown up too */
        if (i > 0 && !(smoothed <= LR_FIND_EXPLODES * best))
            stopped = true;
        if (smoothed < best)
            best = smoothed;
    }
    trainer_free(t);
    free(t);
    judge(out, stopped);
    return true;
}

double lr_find_steepest_lr(const struct lr_find *f)
{
    return f->steepest < f->len ? f->rows[f->steepest].lr : NAN;
}

double lr_find_minimum_lr(const struct lr_find *f)
{
    return f->minimum < f->len ? f->rows[f->minimum].lr / 10.0 : NAN;
}

void lr_find_verdict_text(const struct lr_find *f, char *buf, size_t size)
{
    const struct lr_find_row *last = f->len ? &f->rows[f->len - 1] : NULL;
    double lr = last ? last->lr : NAN;
    switch (f->verdict) {
    case LR_FIND_EXPLODED:
        snprintf(buf, size, "exploded: the cost passed %gx its best at lr %.3g, so "
                 "the test stopped early", LR_FIND_EXPLODES, lr);
        break;
    case LR_FIND_SATURATED:
        snprintf(buf, size, "saturated: the cost is flat at %.3g by lr %.3g, it "
                 "neither falls nor explodes", last->cost, lr);
        break;
    case LR_FIND_OPEN:
        snprintf(buf, size, "neither: the cost still moves at lr %.3g; widen the "
                 "range", lr);
        break;
    }
}
