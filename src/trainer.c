/* trainer.c - gradient descent on one neuron, exactly as DESIGN.md
 * "Training semantics" says: an epoch permutes the samples (when
 * shuffling and the batch is smaller than the data), cuts them in order
 * into batches, averages each batch's per-sample gradients over its real
 * size and updates w <- w - lr*dC/dw, b <- b - lr*dC/db. The epoch's cost
 * is the mean of the per-sample costs taken at their forward passes. */
#include "trainer.h"

#include "text_util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const init_names[INIT_COUNT] = {
    [INIT_ZEROS] = "zeros",
    [INIT_UNIFORM] = "uniform",
};

const char *init_name(enum init init)
{
    return (unsigned)init < INIT_COUNT ? init_names[init] : "?";
}

bool init_parse(const char *name, enum init *out)
{
    int i = text_index_of(init_names, INIT_COUNT, name);
    if (i < 0)
        return false;
    *out = (enum init)i;
    return true;
}

struct train_config train_config_default(void)
{
    struct train_config c = {
        .activation = ACT_SIGMOID,
        .loss = LOSS_MSE,
        .lr = 0.5,
        .batch = 0,
        .shuffle = true,
        .init = INIT_ZEROS,
        .seed = 1,
    };
    return c;
}

bool trainer_init(struct trainer *t, const struct dataset *data,
                  const struct train_config *config)
{
    memset(t, 0, sizeof *t);
    t->config = *config;
    t->data = data;
    t->order = malloc((data->n ? data->n : 1) * sizeof *t->order);
    t->scratch = malloc((data->n ? data->n : 1) * sizeof *t->scratch);
    t->history.records = malloc(HISTORY_CAP * sizeof *t->history.records);
    if (!t->order || !t->scratch || !t->history.records) {
        trainer_free(t);
        return false;
    }
    trainer_reset(t);
    return true;
}

void trainer_free(struct trainer *t)
{
    free(t->order);
    free(t->scratch);
    free(t->history.records);
    t->order = NULL;
    t->scratch = NULL;
    t->history.records = NULL;
}

void trainer_reset(struct trainer *t)
{
    rng_seed(&t->rng, t->config.seed);
    if (t->config.init == INIT_UNIFORM) {
        /* The second article: weights then bias, each uniform(-1, 1). */
        t->neuron.w1 = 2.0 * rng_unit(&t->rng) - 1.0;
        t->neuron.w2 = 2.0 * rng_unit(&t->rng) - 1.0;
        t->neuron.b = 2.0 * rng_unit(&t->rng) - 1.0;
    } else {
        t->neuron = (struct neuron){0.0, 0.0, 0.0};
    }
    for (size_t i = 0; i < t->data->n; i++)
        t->order[i] = i;
    t->epoch = 0;
    t->next = 0;
    t->epoch_cost_sum = 0.0;
    t->gradient = (struct gradient){0.0, 0.0, 0.0};
    t->last_cost = NAN;
    t->diverged = false;
    t->diverged_epoch = 0;
    t->history.len = 0;
    t->history.stride = 1;
}

void trainer_configure(struct trainer *t, const struct train_config *config)
{
    t->config = *config;
}

size_t trainer_batch_size(const struct trainer *t)
{
    size_t n = t->data->n;
    if (t->config.batch == 0 || t->config.batch > n)
        return n;
    return t->config.batch;
}

/* Appends a finished epoch, thinning the history when it is full. */
static void history_add(struct history *h, const struct epoch_record *r)
{
    if (r->epoch % h->stride != 0)
        return;
    if (h->len == HISTORY_CAP) {
        size_t kept = 0;
        h->stride *= 2;
        for (size_t i = 0; i < h->len; i++)
            if (h->records[i].epoch % h->stride == 0)
                h->records[kept++] = h->records[i];
        h->len = kept;
        if (r->epoch % h->stride != 0)
            return;
    }
    h->records[h->len++] = *r;
}

static bool neuron_finite(const struct neuron *n)
{
    return isfinite(n->w1) && isfinite(n->w2) && isfinite(n->b);
}

/* Records the current epoch's cost and weights in the history. */
static void history_add_current(struct trainer *t)
{
    struct epoch_record r = {
        .epoch = t->epoch,
        .cost = t->last_cost,
        .w1 = t->neuron.w1,
        .w2 = t->neuron.w2,
        .b = t->neuron.b,
    };
    history_add(&t->history, &r);
}

static void finish_epoch(struct trainer *t)
{
    t->epoch++;
    t->next = 0;
    t->last_cost = t->epoch_cost_sum / (double)t->data->n;
    t->epoch_cost_sum = 0.0;
    history_add_current(t);
    if (!t->diverged && !(isfinite(t->last_cost) && neuron_finite(&t->neuron))) {
        t->diverged = true;
        t->diverged_epoch = t->epoch;
    }
}

bool trainer_step_batch(struct trainer *t)
{
    const struct dataset *d = t->data;
    size_t n = d->n;
    size_t batch = trainer_batch_size(t);
    if (n == 0)
        return false;
    if (t->next == 0 && t->config.shuffle && batch < n)
        rng_permute(&t->rng, t->order, n);

    size_t end = t->next + batch < n ? t->next + batch : n;
    struct batch run = {d->x1, d->x2, d->y, t->order, t->next, end};
    if (!t->config.shuffle || batch == n)
        run.order = NULL; /* the order is still the identity */
    struct gradient sum;
    double sum_cost = neuron_batch_gradient(&t->neuron, t->config.activation,
                                            t->config.loss, &run, &sum);
    double size = (double)(end - t->next);
    t->gradient.dw1 = sum.dw1 / size;
    t->gradient.dw2 = sum.dw2 / size;
    t->gradient.db = sum.db / size;
    t->neuron.w1 -= t->config.lr * t->gradient.dw1;
    t->neuron.w2 -= t->config.lr * t->gradient.dw2;
    t->neuron.b -= t->config.lr * t->gradient.db;
    t->epoch_cost_sum += sum_cost;
    t->next = end;
    if (t->next < n)
        return false;
    finish_epoch(t);
    return true;
}

void trainer_epoch(struct trainer *t)
{
    if (t->data->n == 0)
        return;
    while (!trainer_step_batch(t))
        ;
}

void trainer_state_save(const struct trainer *t, struct trainer_state *s)
{
    s->epoch = t->epoch;
    s->neuron = t->neuron;
    s->rng = t->rng;
    s->gradient = t->gradient;
    s->last_cost = t->last_cost;
    s->diverged = t->diverged;
    s->diverged_epoch = t->diverged_epoch;
}

static void state_load(struct trainer *t, const struct trainer_state *s)
{
    t->epoch = s->epoch;
    t->neuron = s->neuron;
    t->rng = s->rng;
    t->gradient = s->gradient;
    t->last_cost = s->last_cost;
    t->diverged = s->diverged;
    t->diverged_epoch = s->diverged_epoch;
    t->next = 0;
    t->epoch_cost_sum = 0.0;
}

/* Only shuffling draws random numbers after the init, one shuffle per
 * epoch: when the RNG moved since prev, the epoch after prev began with a
 * shuffle from prev's RNG. Its draws are made again and its swaps undone
 * in reverse order, which gives back the order prev ended with. */
void trainer_state_back(struct trainer *t, const struct trainer_state *prev)
{
    size_t n = t->data->n;
    if (t->rng.state != prev->rng.state && n > 1) {
        struct rng r = prev->rng;
        for (size_t i = n; i > 1; i--)
            t->scratch[i - 1] = (size_t)rng_below(&r, i);
        for (size_t i = 2; i <= n; i++) {
            size_t j = t->scratch[i - 1];
            size_t tmp = t->order[i - 1];
            t->order[i - 1] = t->order[j];
            t->order[j] = tmp;
        }
    }
    struct history *h = &t->history;
    while (h->len > 0 && h->records[h->len - 1].epoch > prev->epoch)
        h->len--;
    state_load(t, prev);
}

void trainer_state_forward(struct trainer *t, const struct trainer_state *next)
{
    if (t->rng.state != next->rng.state && t->data->n > 1) {
        struct rng r = t->rng;
        rng_permute(&r, t->order, t->data->n);
    }
    state_load(t, next);
    history_add_current(t); /* state_load made next the current state */
}

double trainer_evaluate(const struct trainer *t, struct gradient *g)
{
    const struct dataset *d = t->data;
    struct batch all = {d->x1, d->x2, d->y, NULL, 0, d->n};
    struct gradient sum;
    double cost = neuron_batch_gradient(&t->neuron, t->config.activation,
                                        t->config.loss, &all, &sum);
    double n = d->n ? (double)d->n : 1.0;
    if (g) {
        g->dw1 = sum.dw1 / n;
        g->dw2 = sum.dw2 / n;
        g->db = sum.db / n;
    }
    return d->n ? cost / n : NAN;
}

double trainer_accuracy(const struct trainer *t)
{
    const struct dataset *d = t->data;
    size_t right = 0;
    for (size_t i = 0; i < d->n; i++) {
        double z = neuron_weighted_sum(&t->neuron, d->x1[i], d->x2[i]);
        double a = activation_value(t->config.activation, z);
        double predicted = a >= 0.5 ? 1.0 : 0.0;
        if (predicted == d->y[i])
            right++;
    }
    return d->n ? (double)right / (double)d->n : 0.0;
}
