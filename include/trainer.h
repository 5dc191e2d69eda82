/* trainer.h - gradient descent on one neuron: epochs cut into minibatches,
 * seeded shuffling, per-epoch history and divergence detection. Exactly the
 * semantics of docs/DESIGN.md "Training semantics". Only trainer_* functions
 * change a struct trainer; everything else reads it through const. */
#ifndef DESCENT_TRAINER_H
#define DESCENT_TRAINER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cost_log.h"
#include "dataset.h"
#include "network.h"
#include "neuron.h"
#include "optimizer.h"
#include "rng.h"
#include "schedule.h"

enum init { INIT_ZEROS, INIT_UNIFORM, INIT_COUNT };

/* Every setting a run depends on. batch == 0 means full batch. The
 * optimizer and the schedule are the same settings as the surface's
 * (options.bowl_config: --optimizer, --schedule and their constants). */
struct train_config {
    enum activation activation;
    enum loss loss;
    double lr;                        /* the base lr (the schedule's epoch 1) */
    size_t batch;
    bool shuffle;
    enum init init;
    uint64_t seed;
    size_t hidden;             /* hidden units, 0..NETWORK_HIDDEN_MAX; 0: one neuron */
    enum hidden_activation hidden_activation; /* g of the hidden units */
    const double *weights;     /* NULL, or nweights starting parameters (not
                                  owned) that replace the init when
                                  nweights is the run's P */
    size_t nweights;
    struct optimizer_params optimizer; /* the update rule (sgd by default) */
    struct schedule schedule;         /* the lr of each epoch (constant) */
};

/* One finished epoch: its cost (mean of the per-sample costs at their
 * forward passes), the test cost (mean cost over the held-out rows at the
 * parameters after the epoch; NaN without a test split). Its parameters
 * are history_params(h, i). */
struct epoch_record {
    size_t epoch;
    double cost, test_cost;
};

/* The cost history. It keeps every epoch until it holds HISTORY_CAP
 * records; then it drops every other one and from there on keeps every
 * stride-th epoch, so a run of any length fits in bounded memory. */
#define HISTORY_CAP ((size_t)1 << 18)
/* ... or fewer when the parameters of HISTORY_CAP records would take more
 * than this many bytes (P > 128: a wide network). */
#define HISTORY_PARAM_BYTES_MAX ((size_t)1 << 28)
struct history {
    struct epoch_record *records;
    double *params;     /* nparams values per record, the same thinning */
    size_t nparams;     /* P */
    size_t len;
    size_t stride;      /* 1, then doubled: always a power of two */
    size_t cap;         /* HISTORY_CAP, or fewer for a large P */
};

/* The parameters (P values, w1 .. wN, b) after record i's epoch. */
const double *history_params(const struct history *h, size_t i);

struct trainer {
    struct train_config config;
    const struct dataset *data; /* not owned */
    size_t nparams;            /* P = network_param_count(N, config.hidden) */
    double *theta;             /* P parameters in network.h's order */
    double *start;             /* P: the parameters at epoch 0 (the init,
                                  or where a click put them before training) */
    struct rng rng;
    size_t epoch;              /* finished epochs */
    sample_index *order;           /* sample order of the current epoch */
    sample_index *scratch;         /* n positions: the draws of a shuffle undone */
    size_t next;               /* position in order of the next batch; 0 = epoch not begun */
    double epoch_cost_sum;     /* sum of per-sample costs of this epoch so far */
    double *gradient;          /* P: averaged gradient of the last update */
    double *batch_sum;         /* P: scratch for one batch's sums */
    struct optimizer optimizer; /* the rule of config.optimizer and its
                                   state (2P values and the step count):
                                   zero at reset and when the kind changes */
    double batch_cost;         /* mean cost of the last batch at its forward
                                  pass (NaN before the first) */
    double last_cost;          /* cost of the last finished epoch (NaN before) */
    double last_test_cost;     /* test cost after it (NaN without a split) */
    bool diverged;             /* a cost or weight became NaN/Inf */
    size_t diverged_epoch;     /* the epoch in which it first happened */
    struct history history;
    double *given;             /* the trainer's own copy of config.weights
                                  (config.weights points here), or NULL */
    struct cost_log log;       /* per-update costs, setting marks (cost_log.h) */
    /* The next epoch's shuffle drawn ahead by the batch-1 loop
     * (trainer_fast.c) between its updates: scratch[i - 1] =
     * rng_below(i) for i from n down, ahead_drawn of them, drawn from RNG
     * state ahead_from and leaving it at ahead_to; used only when the RNG
     * is at ahead_from. A reset and a rewind set ahead_drawn to 0. */
    uint64_t ahead_from, ahead_to;
    size_t ahead_drawn;
    /* The batch in progress (trainer_step_part): its sums over positions
     * next..part_to of order, as a lane state (NEURON_LANE_STATE(P)
     * doubles; with a hidden layer the cost then P running sums). None
     * when part_to == next. When it began an epoch with a shuffle,
     * part_rng is the RNG before that shuffle (part_shuffled). */
    double *part;
    size_t part_to;
    bool part_shuffled;
    struct rng part_rng;
};

/* What a trainer is at the end of an epoch, small enough to keep one per
 * epoch (rewind): no sample order, which trainer_state_back and
 * trainer_state_forward rebuild from the RNG states, and no history, which
 * they cut back or extend by the one record of the epoch. theta,
 * gradient and the optimizer's first and second moments point to P values
 * each held elsewhere: trainer_state_save points them at the trainer's
 * own arrays, a rewind ring copies them into its storage
 * (TRAINER_STATE_ARRAYS * P doubles per entry). */
#define TRAINER_STATE_ARRAYS 4
struct trainer_state {
    size_t epoch;
    size_t nparams;
    const double *theta;
    const double *gradient;
    const double *moment1, *moment2;  /* the optimizer's state (optimizer.h) */
    uint64_t updates;                 /* the optimizer's t */
    double step_size;                 /* the optimizer's last step length */
    enum optimizer_kind optimizer;    /* the rule that state belongs to */
    struct rng rng;
    double last_cost, last_test_cost;
    bool diverged;
    size_t diverged_epoch;
};

/* Name of an init ("zeros", "uniform") and its parser. */
const char *init_name(enum init init);
bool init_parse(const char *name, enum init *out);

/* The defaults of docs/DESIGN.md: sigmoid, MSE, lr 0.5, full batch, shuffle on,
 * zeros, seed 1, no hidden unit (tanh when there are), no given weights. */
struct train_config train_config_default(void);

/* Sets up a trainer on data (which must outlive it) and resets it; its P
 * follows config->hidden (a new H needs a new trainer). Returns false
 * only when out of memory. Free with trainer_free. */
bool trainer_init(struct trainer *t, const struct dataset *data,
                  const struct train_config *config);
void trainer_free(struct trainer *t);

/* Back to epoch 0: weights from config.weights when it holds P values,
 * else from the init and seed (uniform: every parameter in order from the
 * RNG), RNG reseeded, history and divergence cleared. The same config
 * gives the same run, bit for bit. */
void trainer_reset(struct trainer *t);

/* Sets parameters a and b (indices into theta) to va and vb, keeping the
 * history and the settings: training goes on from there. Before the
 * first update they become the run's start too. */
void trainer_set_pair(struct trainer *t, size_t a, double va, size_t b, double vb);

/* Changes settings; keeps the weights and history, and marks a change of
 * lr, loss, activation or batch in t->log. A new init, seed or weights
 * takes effect at the next trainer_reset; config->hidden must be the
 * trainer's (hidden_activation may change). A new optimizer kind zeroes
 * the optimizer's state; a new lr or new constants keep it. */
void trainer_configure(struct trainer *t, const struct train_config *config);

/* One minibatch update (shuffling first if it begins an epoch) by the
 * optimizer at trainer_current_lr. Returns true when it finished an
 * epoch, which is then in the history. A batch in progress
 * (trainer_step_part) is finished. */
bool trainer_step_batch(struct trainer *t);

/* What trainer_step_part did: summed a piece of the batch (no update
 * yet), finished the batch (one update), or finished the epoch too. */
enum trainer_progress { TRAINER_PARTIAL, TRAINER_UPDATED, TRAINER_EPOCH_DONE };

/* Sums at most max_samples more samples of the current batch (rounded
 * down to a multiple of NEURON_LANES, at least NEURON_LANES; beginning the
 * batch, with the epoch's shuffle, if none is in progress), and makes the
 * batch's update when its last sample is in: the bits of
 * trainer_step_batch, wherever the batch is cut. A batch in progress is
 * invisible: the position (epoch, next) stays at its first sample until
 * the update. Any other change of the trainer that alters what the batch
 * sums (the weights, a rewind or reset, the activation, loss, hidden
 * activation, batch size or shuffle) first drops it, its shuffle undone:
 * the batch restarts from its first sample, so the run is the one in
 * which the change came at the batch's start, where a recording places
 * it. Changes the sums do not depend on (lr, optimizer, schedule) keep
 * it. */
enum trainer_progress trainer_step_part(struct trainer *t, size_t max_samples);

/* Whether a batch is in progress (summed in part, not yet updated). */
bool trainer_batch_in_progress(const struct trainer *t);

/* The lr of the epoch under way (or the next one): the schedule's lr of
 * epoch t->epoch + 1 from config.lr; config.lr itself when constant. */
double trainer_current_lr(const struct trainer *t);

/* Runs the rest of the current epoch (a whole one if none is under way). */
void trainer_epoch(struct trainer *t);

/* The state of t; meant for the end of an epoch (t->next == 0). s's
 * theta and gradient point into t (valid until t changes): copy them to
 * keep them. */
void trainer_state_save(const struct trainer *t, struct trainer_state *s);

/* Goes back to prev, the state saved at the end of the epoch before the
 * one t has finished or is in the middle of (or prev is t's own state:
 * then it only drops a partial epoch). Weights, RNG, sample order,
 * gradient, the optimizer's state, cost, divergence and the history
 * (records after prev->epoch dropped) become exactly what they were;
 * settings stay as they are (a state saved under another optimizer kind
 * than the current one comes back as zero, as a switch would make it). A
 * history thinned in between (past HISTORY_CAP records) stays thinned. */
void trainer_state_back(struct trainer *t, const struct trainer_state *prev);

/* Goes forward to next, the state saved at the end of the epoch after
 * the one t stands at the end of: exactly as if that epoch had been
 * trained again with the settings it had (its history record added). */
void trainer_state_forward(struct trainer *t, const struct trainer_state *next);

/* Mean cost over the training samples at the current weights and
 * settings, and the mean gradient into g (P values; may be NULL). What the
 * screen shows when settings change while paused. */
double trainer_evaluate(const struct trainer *t, double *g);

/* Mean cost over the held-out samples at the current weights; NaN
 * without a test split. */
double trainer_test_cost(const struct trainer *t);

/* Fraction of training samples classified right at the current weights
 * (a >= 0.5 predicts the second class). */
double trainer_accuracy(const struct trainer *t);

/* The same over the held-out samples; NaN without a test split. */
double trainer_test_accuracy(const struct trainer *t);

/* Regression: the coefficient of determination 1 - SS_res / SS_tot of the
 * outputs against the targets over the training samples at the current
 * weights (SS_tot about the targets' mean; NaN when SS_tot is 0). */
double trainer_r2(const struct trainer *t);

/* The same over the held-out samples; NaN without a test split. */
double trainer_test_r2(const struct trainer *t);

/* The output a (the neuron's, or the network's) at the point (x, y) of
 * the plotted plane (plot coordinates): dataset_features_at, then the
 * forward pass at the current weights. The level a = 0.5 is the decision
 * boundary. */
double trainer_output_at(const struct trainer *t, double x, double y);

/* The name of t's parameter k in network.h's order ("w1" .. "b", or
 * "h1_w1" .. "b" with a hidden layer), written to buf. */
void trainer_param_name(const struct trainer *t, size_t k, char *buf, size_t size);

/* Hidden unit j's (0-based, j < config.hidden) activation h_j = g(u_j) at
 * the point (x, y) of the plotted plane; NaN when there is no unit j. */
double trainer_unit_at(const struct trainer *t, size_t j, double x, double y);

/* The two-input view of parameters theta (P values) of an N-input
 * neuron: w1 = theta[0], w2 = theta[1] (0 when N = 1) and b = theta[P-1].
 * Exactly the neuron when N = 2; what the two-input panels show. */
struct neuron neuron_two_of(const double *theta, size_t nparams);

/* The same view of a gradient of P values. */
struct gradient gradient_two_of(const double *g, size_t nparams);

/* Effective batch size: config.batch, or n when full or larger than n. */
size_t trainer_batch_size(const struct trainer *t);

#endif
