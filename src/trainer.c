/* trainer.c - gradient descent on one neuron (or a network with one hidden
 * layer, network.h), exactly as docs/DESIGN.md
 * "Training semantics" says: an epoch permutes the samples (when
 * shuffling and the batch is smaller than the data), cuts them in order
 * into batches, averages each batch's per-sample gradients over its real
 * size and updates every parameter by the optimizer (optimizer.h; sgd:
 * w <- w - lr*dC/dw, b <- b - lr*dC/db) at the schedule's lr of the epoch
 * (schedule.h). The epoch's cost is the mean of the per-sample costs
 * taken at their forward passes. */
#include "trainer.h"

#include "big_alloc.h"
#include "terms.h"
#include "trainer_fast.h"
#include "trainer_internal.h"
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
        .hidden = 0,
        .hidden_activation = HIDDEN_TANH,
        .weights = NULL,
        .nweights = 0,
        .optimizer = optimizer_params_default(),
        .schedule = schedule_default(),
    };
    return c;
}

bool trainer_init(struct trainer *t, const struct dataset *data,
                  const struct train_config *config)
{
    memset(t, 0, sizeof *t);
    t->config = *config;
    if (config->weights != NULL && config->nweights > 0) {
        /* Its own copy: the options the weights came from may go (a
         * lesson's are freed once it is loaded), r still needs them. */
        t->given = malloc(config->nweights * sizeof *t->given);
        if (t->given == NULL)
            return false;
        memcpy(t->given, config->weights, config->nweights * sizeof *t->given);
        t->config.weights = t->given;
    }
    t->data = data;
    t->nparams = network_param_count(data->nfeatures, config->hidden);
    size_t p = t->nparams;
    t->order = big_alloc(data->n, sizeof *t->order); /* filled by trainer_reset */
    t->scratch = malloc((data->n ? data->n : 1) * sizeof *t->scratch);
    t->theta = calloc(p, sizeof *t->theta);
    t->start = calloc(p, sizeof *t->start);
    t->gradient = calloc(p, sizeof *t->gradient);
    t->batch_sum = calloc(p, sizeof *t->batch_sum);
    t->part = calloc(NEURON_LANE_STATE(p), sizeof *t->part);
    size_t cap = HISTORY_PARAM_BYTES_MAX / (p * sizeof *t->history.params);
    t->history.cap = cap < HISTORY_CAP ? cap : HISTORY_CAP;
    t->history.records = malloc(t->history.cap * sizeof *t->history.records);
    t->history.params = malloc(t->history.cap * p * sizeof *t->history.params);
    t->history.nparams = p;
    bool log_ok = cost_log_init(&t->log);
    bool state = optimizer_alloc(&t->optimizer, &config->optimizer, p);
    if (!log_ok || !state || !t->start || !t->order || !t->scratch || !t->theta || !t->gradient
        || !t->batch_sum || !t->part
        || !t->history.records || !t->history.params) {
        trainer_free(t);
        return false;
    }
    trainer_reset(t);
    return true;
}

void trainer_free(struct trainer *t)
{
    free(t->given);
    t->given = NULL;
    t->config.weights = NULL;
    free(t->order);
    free(t->scratch);
    free(t->theta);
    free(t->start);
    free(t->gradient);
    free(t->batch_sum);
    free(t->part);
    t->part = NULL;
    free(t->history.records);
    free(t->history.params);
    cost_log_free(&t->log);
    optimizer_free(&t->optimizer);
    t->order = NULL;
    t->scratch = NULL;
    t->theta = NULL;
    t->start = NULL;
    t->gradient = NULL;
    t->batch_sum = NULL;
    t->history.records = NULL;
    t->history.params = NULL;
}

void trainer_reset(struct trainer *t)
{
    rng_seed(&t->rng, t->config.seed);
    bool given = t->config.weights && t->config.nweights == t->nparams;
    for (size_t k = 0; k < t->nparams; k++) {
        /* The second article: weights then bias, each uniform(-1, 1);
         * a network's parameters in their order (network.h). */
        if (given)
            t->theta[k] = t->config.weights[k];
        else if (t->config.init == INIT_UNIFORM)
            t->theta[k] = 2.0 * rng_unit(&t->rng) - 1.0;
        else
            t->theta[k] = 0.0;
        t->gradient[k] = 0.0;
    }
    for (size_t i = 0; i < t->data->n; i++)
        t->order[i] = (sample_index)i;
    optimizer_reset(&t->optimizer);
    t->epoch = 0;
    t->next = 0;
    t->part_to = 0;
    t->part_shuffled = false;
    t->epoch_cost_sum = 0.0;
    t->batch_cost = NAN;
    t->last_cost = NAN;
    t->last_test_cost = NAN;
    t->diverged = false;
    t->diverged_epoch = 0;
    t->history.len = 0;
    t->history.stride = 1;
    cost_log_clear(&t->log);
    t->ahead_drawn = 0;
    memcpy(t->start, t->theta, t->nparams * sizeof *t->start);
}

/* Undoes the shuffle that *before made (rng_permute's draws made again,
 * its swaps undone in reverse order): order becomes what it was. */
static void unshuffle(struct trainer *t, const struct rng *before)
{
    size_t n = t->data->n;
    struct rng r = *before;
    t->ahead_drawn = 0; /* scratch is used below */
    for (size_t i = n; i > 1; i--)
        t->scratch[i - 1] = (sample_index)rng_below(&r, i);
    for (size_t i = 2; i <= n; i++) {
        size_t j = t->scratch[i - 1];
        sample_index tmp = t->order[i - 1];
        t->order[i - 1] = t->order[j];
        t->order[j] = tmp;
    }
}

/* Drops the batch in progress, if any: the trainer is as it was before
 * its first piece (its shuffle undone, the RNG back). */
static void part_drop(struct trainer *t)
{
    if (t->part_shuffled) {
        unshuffle(t, &t->part_rng);
        t->rng = t->part_rng;
    }
    t->part_shuffled = false;
    t->part_to = t->next;
}

bool trainer_batch_in_progress(const struct trainer *t)
{
    return t->part_to > t->next;
}

void trainer_set_pair(struct trainer *t, size_t a, double va, size_t b, double vb)
{
    if (a >= t->nparams || b >= t->nparams)
        return;
    part_drop(t);
    t->theta[a] = va;
    t->theta[b] = vb;
    if (t->epoch == 0 && t->next == 0)
        memcpy(t->start, t->theta, t->nparams * sizeof *t->start);
}

void trainer_configure(struct trainer *t, const struct train_config *config)
{
    size_t hidden = t->config.hidden; /* P is fixed for a trainer's life */
    const struct train_config *was = &t->config;
    if (config->activation != was->activation || config->loss != was->loss
        || config->hidden_activation != was->hidden_activation
        || config->batch != was->batch || config->shuffle != was->shuffle)
        part_drop(t); /* what the batch in progress sums changed */
    cost_log_mark(&t->log, t->epoch * t->data->n + t->next, was->lr, config->lr, was->loss,
                  config->loss, was->activation, config->activation, was->batch,
                  config->batch);
    if (config->optimizer.kind != t->config.optimizer.kind)
        optimizer_reset(&t->optimizer);
    const double *weights = t->config.weights; /* the given weights stay */
    size_t nweights = t->config.nweights;
    t->config = *config;
    t->config.hidden = hidden;
    t->config.weights = weights;
    t->config.nweights = nweights;
    t->optimizer.params = config->optimizer;
}

double trainer_current_lr(const struct trainer *t)
{
    if (t->config.schedule.kind == SCHEDULE_CONSTANT)
        return t->config.lr;
    return schedule_lr(&t->config.schedule, t->config.lr, t->epoch + 1);
}

size_t trainer_batch_size(const struct trainer *t)
{
    size_t n = t->data->n;
    if (t->config.batch == 0 || t->config.batch > n)
        return n;
    return t->config.batch;
}

const double *history_params(const struct history *h, size_t i)
{
    return h->params + i * h->nparams;
}

/* dst[0..p) = src[0..p): a plain loop, as short as the call it saves
 * (once per epoch, P is often 3). */
static void params_copy(double *dst, const double *src, size_t p)
{
    for (size_t k = 0; k < p; k++)
        dst[k] = src[k];
}

/* Appends a finished epoch and its parameters, thinning the history when
 * it is full. */
static void history_add(struct history *h, const struct epoch_record *r,
                        const double *theta)
{
    size_t p = h->nparams;
    if ((r->epoch & (h->stride - 1)) != 0)
        return;
    if (h->len == h->cap) {
        size_t kept = 0;
        h->stride *= 2;
        for (size_t i = 0; i < h->len; i++) {
            if ((h->records[i].epoch & (h->stride - 1)) != 0)
                continue;
            h->records[kept] = h->records[i];
            params_copy(h->params + kept * p, h->params + i * p, p); /* kept <= i */
            kept++;
        }
        h->len = kept;
        if ((r->epoch & (h->stride - 1)) != 0)
            return;
    }
    h->records[h->len] = *r;
    params_copy(h->params + h->len * p, theta, p);
    h->len++;
}

static bool params_finite(const double *theta, size_t p)
{
    for (size_t k = 0; k < p; k++)
        if (!isfinite(theta[k]))
            return false;
    return true;
}

/* Records the current epoch's costs and parameters in the history. */
static void history_add_current(struct trainer *t)
{
    struct epoch_record r = {
        .epoch = t->epoch,
        .cost = t->last_cost,
        .test_cost = t->last_test_cost,
    };
    history_add(&t->history, &r, t->theta);
}

void trainer_finish_epoch(struct trainer *t)
{
    t->part_to = 0; /* no batch in progress (the batch-1 loop ends epochs too) */
    t->epoch++;
    t->next = 0;
    t->last_cost = t->epoch_cost_sum / (double)t->data->n;
    t->epoch_cost_sum = 0.0;
    t->last_test_cost = trainer_test_cost(t);
    history_add_current(t);
    if (!t->diverged && !(isfinite(t->last_cost) && params_finite(t->theta, t->nparams))) {
        t->diverged = true;
        t->diverged_epoch = t->epoch;
    }
}

/* The batch over positions from..to of order (NULL: in order) of d's
 * first count samples. */
static struct batch_n batch_of(const struct dataset *d, const sample_index *order,
                               size_t from, size_t to)
{
    struct batch_n b = {d->x, d->nfeatures, d->y, order, from, to};
    return b;
}

/* The sums of a batch's per-sample costs (returned) and gradients (in
 * sum): the neuron's loop, or backpropagation through the hidden layer. */
static double batch_gradient(const struct trainer *t, const struct batch_n *run,
                             double *sum)
{
    if (t->config.hidden > 0)
        return network_batch_gradient(t->theta, t->config.hidden,
                                      t->config.hidden_activation, t->config.activation,
                                      t->config.loss, run, sum);
    return neuron_batch_gradient_n(t->theta, t->config.activation, t->config.loss,
                                   run, sum);
}

/* Adds a piece of the batch in progress to its sums in t->part. */
static void part_add(struct trainer *t, const struct batch_n *piece)
{
    if (t->config.hidden > 0)
        network_batch_accumulate(t->theta, t->config.hidden, t->config.hidden_activation,
                                 t->config.activation, t->config.loss, piece, t->part,
                                 t->part + 1);
    else
        neuron_batch_accumulate_n(t->theta, t->config.activation, t->config.loss, piece,
                                  t->part);
}

/* The batch in progress's cost sum (returned) and gradient sums (in sum). */
static double part_total(const struct trainer *t, double *sum)
{
    if (t->config.hidden == 0)
        return neuron_lanes_total(t->part, t->nparams, sum);
    memcpy(sum, t->part + 1, t->nparams * sizeof *sum);
    return t->part[0];
}

enum trainer_progress trainer_step_part(struct trainer *t, size_t max_samples)
{
    const struct dataset *d = t->data;
    size_t n = d->n;
    size_t batch = trainer_batch_size(t);
    if (n == 0)
        return TRAINER_PARTIAL;
    if (t->part_to <= t->next) { /* a new batch */
        if (t->next == 0 && t->config.shuffle && batch < n) {
            t->part_rng = t->rng;
            t->part_shuffled = true;
            rng_permute(&t->rng, t->order, n);
        }
        t->part_to = t->next;
        for (size_t k = 0; k < NEURON_LANE_STATE(t->nparams); k++)
            t->part[k] = 0.0;
    }

    size_t end = t->next + batch < n ? t->next + batch : n;
    const sample_index *order = t->order;
    if (!t->config.shuffle || batch == n)
        order = NULL; /* the order is still the identity */
    size_t piece = max_samples / NEURON_LANES * NEURON_LANES;
    if (piece == 0)
        piece = NEURON_LANES;
    size_t to = end - t->part_to > piece ? t->part_to + piece : end;
    struct batch_n run = batch_of(d, order, t->part_to, to);
    part_add(t, &run);
    t->part_to = to;
    if (to < end)
        return TRAINER_PARTIAL;

    double sum_cost = part_total(t, t->batch_sum);
    double size = (double)(end - t->next);
    for (size_t k = 0; k < t->nparams; k++)
        t->gradient[k] = t->batch_sum[k] / size;
    optimizer_step(&t->optimizer, t->theta, t->gradient, trainer_current_lr(t), NULL);
    t->batch_cost = sum_cost / size;
    t->epoch_cost_sum += sum_cost;
    cost_log_add(&t->log, t->epoch * n + end, sum_cost / size);
    t->next = end;
    t->part_shuffled = false;
    if (t->next < n)
        return TRAINER_UPDATED;
    trainer_finish_epoch(t);
    return TRAINER_EPOCH_DONE;
}

bool trainer_step_batch(struct trainer *t)
{
    return trainer_step_part(t, SIZE_MAX) == TRAINER_EPOCH_DONE;
}

void trainer_epoch(struct trainer *t)
{
    if (t->data->n == 0)
        return;
    trainer_step_samples(t, SIZE_MAX, NULL); /* trainer_fast.c */
}

void trainer_state_save(const struct trainer *t, struct trainer_state *s)
{
    s->epoch = t->epoch;
    s->nparams = t->nparams;
    s->theta = t->theta;
    s->gradient = t->gradient;
    s->moment1 = t->optimizer.first;
    s->moment2 = t->optimizer.second;
    s->updates = t->optimizer.t;
    s->step_size = t->optimizer.step_size;
    s->optimizer = t->optimizer.params.kind;
    s->rng = t->part_shuffled ? t->part_rng : t->rng; /* a batch in progress is not */
    s->last_cost = t->last_cost;
    s->last_test_cost = t->last_test_cost;
    s->diverged = t->diverged;
    s->diverged_epoch = t->diverged_epoch;
}

static void state_load(struct trainer *t, const struct trainer_state *s)
{
    t->epoch = s->epoch;
    if (s->theta != t->theta)
        memcpy(t->theta, s->theta, t->nparams * sizeof *t->theta);
    if (s->gradient != t->gradient)
        memcpy(t->gradient, s->gradient, t->nparams * sizeof *t->gradient);
    struct optimizer *o = &t->optimizer;
    if (s->optimizer != t->config.optimizer.kind) {
        optimizer_reset(o); /* as switching to the current kind does */
    } else {
        if (s->moment1 != o->first)
            memcpy(o->first, s->moment1, t->nparams * sizeof *o->first);
        if (s->moment2 != o->second)
            memcpy(o->second, s->moment2, t->nparams * sizeof *o->second);
        o->t = s->updates;
        o->step_size = s->step_size;
    }
    t->batch_cost = NAN;
    t->rng = s->rng;
    t->last_cost = s->last_cost;
    t->last_test_cost = s->last_test_cost;
    t->diverged = s->diverged;
    t->diverged_epoch = s->diverged_epoch;
    t->next = 0;
    t->part_to = 0;
    t->epoch_cost_sum = 0.0;
}

/* Only shuffling draws random numbers after the init, one shuffle per
 * epoch: when the RNG moved since prev, the epoch after prev began with a
 * shuffle from prev's RNG. Its draws are made again and its swaps undone
 * in reverse order, which gives back the order prev ended with. */
void trainer_state_back(struct trainer *t, const struct trainer_state *prev)
{
    size_t n = t->data->n;
    t->ahead_drawn = 0; /* scratch is used below */
    part_drop(t);
    if (t->rng.state != prev->rng.state && n > 1)
        unshuffle(t, &prev->rng);
    struct history *h = &t->history;
    while (h->len > 0 && h->records[h->len - 1].epoch > prev->epoch)
        h->len--;
    cost_log_cut(&t->log, prev->epoch * n);
    state_load(t, prev);
}

void trainer_state_forward(struct trainer *t, const struct trainer_state *next)
{
    part_drop(t);
    if (t->rng.state != next->rng.state && t->data->n > 1) {
        struct rng r = t->rng;
        rng_permute(&r, t->order, t->data->n);
    }
    state_load(t, next);
    history_add_current(t); /* state_load made next the current state */
}

double trainer_evaluate(const struct trainer *t, double *g)
{
    const struct dataset *d = t->data;
    struct batch_n all = batch_of(d, NULL, 0, d->n);
    double cost = batch_gradient(t, &all, t->batch_sum);
    double n = d->n ? (double)d->n : 1.0;
    if (g)
        for (size_t k = 0; k < t->nparams; k++)
            g[k] = t->batch_sum[k] / n;
    return d->n ? cost / n : NAN;
}

double trainer_test_cost(const struct trainer *t)
{
    const struct dataset *d = t->data;
    if (d->n_test == 0)
        return NAN;
    struct batch_n held = batch_of(d, NULL, d->n, d->n + d->n_test);
    double cost = batch_gradient(t, &held, t->batch_sum);
    return cost / (double)d->n_test;
}
