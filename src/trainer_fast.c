/* trainer_fast.c - the batch-1 loop (docs/DESIGN.md "The batch-1 loop"):
 * many updates per call, exactly as trainer_step_batch makes them one at
 * a time. At batch 1 a minibatch is one sample, so the general path's
 * work around it (eight lanes zeroed and combined, a divide by the size,
 * the optimizer's switch per parameter, the schedule's lr) is the same
 * for every update of an epoch: here it is done once per call and each
 * update is one pass over its sample, with the arithmetic of the general
 * path kept operation for operation:
 *
 *   - a one-sample batch's lanes are {v, 0, ..., 0} with lane 0 = 0.0 + v,
 *     and the fixed tree adds +0.0 to it: the sum is 0.0 + v (which turns
 *     -0.0 into +0.0, so the addition stays);
 *   - the divide by the size 1.0 is exact (v / 1.0 is v, bit for bit, for
 *     every v), so it is left out;
 *   - z sums the terms left to right, the bias last; a, dC/dz and the
 *     cost are neuron.c's per-sample chain rule (sample_terms) written
 *     again below, and tests/test_trainer_fast.c checks the two paths
 *     against each other bit for bit;
 *   - the sigmoid's exp is vexp_short.h's, vexp's bits by a shorter
 *     chain (each update waits for the one before);
 *   - sgd is optimizer.c's rule with its step length (for two inputs
 *     taken from delta * x where that gives the same weight, see
 *     fast_two_sgd); the other optimizers call optimizer_step itself;
 *   - the epoch's cost sum, the cost log's entries, the batch cost and
 *     the gradient are updated per update as trainer_step_batch does;
 *   - the next epoch's shuffle is drawn between the updates (struct
 *     ahead), then applied as rng_permute would: the same RNG and order. */
#include "trainer_fast.h"

#include "trainer_internal.h"
#include "vexp_short.h"

#include <math.h>
#include <stdint.h>

/* The loops are built for AVX-512 (32 registers: the N = 2 loop keeps
 * everything in them), AVX2 and the baseline where the compiler and the C
 * library support it; the same IEEE operations in each, so the same bits. */
#if defined(__x86_64__) && defined(__ELF__) && defined(__GLIBC__) \
    && defined(__has_attribute)
#if __has_attribute(target_clones) \
    && (!defined(__clang__) || __clang_major__ >= 14)
#define FAST_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))
#endif
#endif
#ifndef FAST_CLONES
#define FAST_CLONES
#endif

/* BCE's clamp, as neuron.c's BCE_EPS. */
#define FAST_BCE_EPS 1e-12

static inline __attribute__((always_inline)) double fast_clamp(double a)
{
    if (a < FAST_BCE_EPS)
        return FAST_BCE_EPS;
    if (a > 1.0 - FAST_BCE_EPS)
        return 1.0 - FAST_BCE_EPS;
    return a;
}

/* neuron.c's sample_terms: the cost of one sample at z, and dC/dz in
 * *delta, with act and loss known when inlined. */
static inline __attribute__((always_inline)) double
fast_terms(enum activation act, enum loss loss, double z, double y, double *delta)
{
    double a, da_dz;
    switch (act) {
    case ACT_SIGMOID:
        a = 1.0 / (1.0 + exp_inline_short(-z));
        da_dz = a * (1.0 - a);
        break;
    case ACT_LINEAR:
        a = z;
        da_dz = 1.0;
        break;
    case ACT_RELU:
        a = z > 0 ? z : 0.0;
        da_dz = z > 0 ? 1.0 : 0.0;
        break;
    case ACT_STEP:
    default:
        a = z >= 0 ? 1.0 : 0.0;
        da_dz = 0.0;
        break;
    }
    switch (loss) {
    case LOSS_MSE:
        *delta = (a - y) * da_dz;
        return 0.5 * (a - y) * (a - y);
    case LOSS_MAE: {
        double d = a - y;
        *delta = (d > 0 ? 1.0 : d < 0 ? -1.0 : d) * da_dz;
        return fabs(a - y);
    }
    case LOSS_BCE:
    default: {
        double p = fast_clamp(a);
        *delta = (-y / p + (1.0 - y) / (1.0 - p)) * da_dz;
        return -y * log(p) - (1.0 - y) * log(1.0 - p);
    }
    }
}

/* The next epoch's shuffle, drawn between the updates of this one (the
 * draws do not depend on the training, and an update waits on the one
 * before, so they cost next to nothing there): the draws
 * scratch[i - 1] = rng_below(i) for i from n down to 2, as rng_permute
 * makes them, from a copy of the RNG. i is the next to draw (<= 1: all
 * drawn, or none to draw when scratch is NULL). */
struct ahead {
    struct rng rng;
    size_t i;
    sample_index *scratch;
};

static inline __attribute__((always_inline)) void ahead_draw(struct ahead *a)
{
    if (a->i > 1) {
        a->scratch[a->i - 1] = (sample_index)rng_below_inline(&a->rng, a->i);
        a->i--;
    }
}

/* The loops below run positions from..to (from < to) of the epoch
 * (order NULL: in order) and write each update's cost log entry at
 * log[k - from] (log NULL: a log without storage). They add the costs to
 * the epoch's sum and leave the last one as the batch cost, and make
 * one of the next epoch's draws per update. */

/* Two inputs and sgd: the parameters stay in registers, and the step
 * length is taken once, of the last update. */
static inline __attribute__((always_inline)) void
fast_two_sgd(struct trainer *t, const sample_index *order, size_t from, size_t to,
             double lr, struct update_cost *log, struct ahead *ahead,
             enum activation act, enum loss loss)
{
    struct ahead next = *ahead;
    const struct dataset *d = t->data;
    const double *x1 = d->x[0], *x2 = d->x[1], *y = d->y;
    double w1 = t->theta[0], w2 = t->theta[1], b = t->theta[2];
    double g1 = 0.0, g2 = 0.0, gb = 0.0, d1 = 0.0, d2 = 0.0, db = 0.0;
    double sum = t->epoch_cost_sum, cost = 0.0;
    size_t base = t->epoch * d->n;
    for (size_t k = from; k < to; k++) {
        size_t i = order ? order[k] : k;
        double u1 = x1[i], u2 = x2[i], delta;
        cost = 0.0 + fast_terms(act, loss, w1 * u1 + w2 * u2 + b, y[i], &delta);
        g1 = 0.0 + delta * u1;
        g2 = 0.0 + delta * u2;
        gb = 0.0 + delta;
        /* The step from delta * u, not from g = 0.0 + delta * u, so that
         * the next update need not wait for the addition: g differs from
         * delta * u only when that is -0.0 (g is +0.0), and then the new
         * weight differs only when it is zero. So a zero is computed
         * again from g, as the general path computes every weight. */
        double o1 = w1, o2 = w2, ob = b;
        w1 = w1 - lr * (delta * u1);
        w2 = w2 - lr * (delta * u2);
        b = b - lr * delta;
        if (w1 == 0.0 || w2 == 0.0 || b == 0.0) {
            w1 = o1 - lr * g1;
            w2 = o2 - lr * g2;
            b = ob - lr * gb;
        }
        d1 = w1 - o1;
        d2 = w2 - o2;
        db = b - ob;
        ahead_draw(&next);
        sum += cost;
        if (log) {
            log[k - from].position = base + k + 1;
            log[k - from].cost = cost;
        }
    }
    t->theta[0] = w1;
    t->theta[1] = w2;
    t->theta[2] = b;
    t->gradient[0] = g1;
    t->gradient[1] = g2;
    t->gradient[2] = gb;
    t->optimizer.step_size = sqrt(((0.0 + d1 * d1) + d2 * d2) + db * db);
    t->optimizer.t += to - from;
    t->epoch_cost_sum = sum;
    t->batch_cost = cost;
    *ahead = next;
}

/* Any number of inputs and any optimizer: the parameters in t->theta. */
static inline __attribute__((always_inline)) void
fast_any(struct trainer *t, const sample_index *order, size_t from, size_t to,
         double lr, struct update_cost *log, struct ahead *ahead,
         enum activation act, enum loss loss)
{
    struct ahead next = *ahead;
    const struct dataset *d = t->data;
    double *const *x = d->x;
    const double *y = d->y;
    size_t nf = d->nfeatures;
    double *theta = t->theta, *g = t->gradient;
    struct optimizer *o = &t->optimizer;
    bool sgd = o->params.kind == OPTIMIZER_SGD;
    double sum = t->epoch_cost_sum, cost = 0.0;
    size_t base = t->epoch * d->n;
    for (size_t k = from; k < to; k++) {
        size_t i = order ? order[k] : k;
        double z = theta[0] * x[0][i];
        for (size_t j = 1; j < nf; j++)
            z = z + theta[j] * x[j][i];
        double delta;
        cost = 0.0 + fast_terms(act, loss, z + theta[nf], y[i], &delta);
        for (size_t j = 0; j < nf; j++)
            g[j] = 0.0 + delta * x[j][i];
        g[nf] = 0.0 + delta;
        if (sgd) {
            double length = 0.0;
            for (size_t j = 0; j <= nf; j++) {
                double old = theta[j];
                theta[j] = theta[j] - lr * g[j];
                double step = theta[j] - old;
                length += step * step;
            }
            o->step_size = sqrt(length);
            o->t++;
        } else {
            optimizer_step(o, theta, g, lr, NULL);
        }
        ahead_draw(&next);
        sum += cost;
        if (log) {
            log[k - from].position = base + k + 1;
            log[k - from].cost = cost;
        }
    }
    t->epoch_cost_sum = sum;
    t->batch_cost = cost;
    *ahead = next;
}

/* The loops built once per activation and loss: no switch runs per
 * sample. */
typedef void fast_fn(struct trainer *t, const sample_index *order, size_t from,
                     size_t to, double lr, struct update_cost *log, struct ahead *ahead);

#define FAST_KERNELS(NAME, ACT, LOSS)                                          \
    FAST_CLONES static void NAME##_two(struct trainer *t, const sample_index *order,       \
                           size_t from, size_t to, double lr,                  \
                           struct update_cost *log, struct ahead *ahead)       \
    {                                                                          \
        fast_two_sgd(t, order, from, to, lr, log, ahead, ACT, LOSS);           \
    }                                                                          \
    FAST_CLONES static void NAME##_any(struct trainer *t, const sample_index *order,       \
                           size_t from, size_t to, double lr,                  \
                           struct update_cost *log, struct ahead *ahead)       \
    {                                                                          \
        fast_any(t, order, from, to, lr, log, ahead, ACT, LOSS);               \
    }

FAST_KERNELS(sigmoid_mse, ACT_SIGMOID, LOSS_MSE)
FAST_KERNELS(sigmoid_mae, ACT_SIGMOID, LOSS_MAE)
FAST_KERNELS(sigmoid_bce, ACT_SIGMOID, LOSS_BCE)
FAST_KERNELS(linear_mse, ACT_LINEAR, LOSS_MSE)
FAST_KERNELS(linear_mae, ACT_LINEAR, LOSS_MAE)
FAST_KERNELS(linear_bce, ACT_LINEAR, LOSS_BCE)
FAST_KERNELS(relu_mse, ACT_RELU, LOSS_MSE)
FAST_KERNELS(relu_mae, ACT_RELU, LOSS_MAE)
FAST_KERNELS(relu_bce, ACT_RELU, LOSS_BCE)
FAST_KERNELS(step_mse, ACT_STEP, LOSS_MSE)
FAST_KERNELS(step_mae, ACT_STEP, LOSS_MAE)
FAST_KERNELS(step_bce, ACT_STEP, LOSS_BCE)

#define FAST_ROW(NAME) {NAME##_mse_two, NAME##_mae_two, NAME##_bce_two}
static fast_fn *const fast_two[ACT_COUNT][LOSS_COUNT] = {
    FAST_ROW(sigmoid), FAST_ROW(linear), FAST_ROW(relu), FAST_ROW(step),
};
#define FAST_ROW_ANY(NAME) {NAME##_mse_any, NAME##_mae_any, NAME##_bce_any}
static fast_fn *const fast_any_kernels[ACT_COUNT][LOSS_COUNT] = {
    FAST_ROW_ANY(sigmoid), FAST_ROW_ANY(linear), FAST_ROW_ANY(relu), FAST_ROW_ANY(step),
};

bool trainer_fast_applies(const struct trainer *t)
{
    const struct train_config *c = &t->config;
    return trainer_batch_size(t) == 1 && c->hidden == 0 && t->data->nfeatures >= 1
           && t->nparams == t->data->nfeatures + 1
           && t->optimizer.count == t->nparams
           && (unsigned)c->activation < ACT_COUNT && (unsigned)c->loss < LOSS_COUNT
           && (unsigned)c->optimizer.kind < OPTIMIZER_COUNT;
}

/* The shuffle that begins an epoch, rng_permute's: by the draws made
 * ahead when they are all there and from the RNG as it is. */
static void fast_shuffle(struct trainer *t)
{
    size_t n = t->data->n;
    if (t->ahead_drawn + 1 != n || t->ahead_from != t->rng.state) {
        rng_permute(&t->rng, t->order, n);
        return;
    }
    for (size_t i = n; i > 1; i--) {
        size_t j = t->scratch[i - 1];
        sample_index tmp = t->order[i - 1];
        t->order[i - 1] = t->order[j];
        t->order[j] = tmp;
    }
    t->rng.state = t->ahead_to;
}

/* The batch-1 loop over at most `samples` samples of the epoch. */
static bool fast_step_samples(struct trainer *t, size_t samples, size_t *trained)
{
    const struct dataset *d = t->data;
    size_t n = d->n;
    bool shuffled = t->config.shuffle && n > 1; /* batch 1 < n */
    if (t->next == 0 && shuffled)
        fast_shuffle(t);
    if (t->ahead_drawn == 0 || t->ahead_from != t->rng.state) {
        t->ahead_from = t->ahead_to = t->rng.state;
        t->ahead_drawn = 0;
    }
    struct ahead ahead = {{t->ahead_to}, shuffled ? n - t->ahead_drawn : 0, t->scratch};
    size_t from = t->next;
    size_t to = n - from < samples ? n : from + samples;
    const sample_index *order = shuffled ? t->order : NULL;
    double lr = trainer_current_lr(t);
    enum activation act = t->config.activation;
    enum loss loss = t->config.loss;
    fast_fn *run = d->nfeatures == 2 && t->optimizer.params.kind == OPTIMIZER_SGD
                       ? fast_two[act][loss]
                       : fast_any_kernels[act][loss];
    /* In runs that fit the cost log's room, each written in place. */
    for (size_t k = from; k < to;) {
        size_t room = cost_log_room(&t->log);
        size_t end = room == 0 || to - k < room ? to : k + room;
        run(t, order, k, end, lr, room ? t->log.updates + t->log.len : NULL, &ahead);
        if (room)
            t->log.len += end - k;
        k = end;
    }
    if (shuffled) {
        t->ahead_to = ahead.rng.state;
        t->ahead_drawn = n - ahead.i;
    }
    t->next = to;
    if (trained)
        *trained = to - from;
    if (to < n)
        return false;
    trainer_finish_epoch(t);
    return true;
}

bool trainer_step_samples(struct trainer *t, size_t samples, size_t *trained)
{
    size_t n = t->data->n, done = 0;
    bool finished = false;
    if (trained)
        *trained = 0;
    if (n == 0 || samples == 0)
        return false;
    if (trainer_fast_applies(t))
        return fast_step_samples(t, samples, trained);
    while (done < samples && !finished) {
        size_t before = t->next;
        finished = trainer_step_batch(t);
        done += (finished ? n : t->next) - before;
    }
    if (trained)
        *trained = done;
    return finished;
}
