/* neuron.h - one artificial neuron: activations, losses, forward pass and
 * per-sample gradient. Pure math, no state beyond the weights. */
#ifndef DESCENT_NEURON_H
#define DESCENT_NEURON_H

#include <stdbool.h>
#include <stddef.h>

#include "sample_index.h"

enum activation { ACT_SIGMOID, ACT_LINEAR, ACT_RELU, ACT_STEP, ACT_COUNT };
enum loss { LOSS_MSE, LOSS_MAE, LOSS_BCE, LOSS_COUNT };

/* The model z = w1*x1 + w2*x2 + b, a = act(z). */
struct neuron {
    double w1, w2, b;
};

/* The gradient of a cost with respect to (w1, w2, b). */
struct gradient {
    double dw1, dw2, db;
};

/* Lower-case name of an activation ("sigmoid", "linear", "relu", "step"). */
const char *activation_name(enum activation act);
/* Parses a name as printed by activation_name; returns false if unknown. */
bool activation_parse(const char *name, enum activation *out);
/* a = act(z). step: z >= 0 ? 1 : 0. */
double activation_value(enum activation act, double z);
/* da/dz at z. step: 0 everywhere; relu: 0 for z <= 0. */
double activation_derivative(enum activation act, double z);

/* Upper-case name of a loss ("MSE", "MAE", "BCE"). */
const char *loss_name(enum loss loss);
/* Parses a loss name, case-insensitive; returns false if unknown. */
bool loss_parse(const char *name, enum loss *out);
/* Per-sample cost: MSE (a-y)^2/2, MAE |a-y|, BCE with a clamped to
 * [1e-12, 1-1e-12]. */
double loss_value(enum loss loss, double a, double y);
/* dC/da for one sample (MAE: sign(a-y), sign(0) = 0; BCE on clamped a). */
double loss_derivative(enum loss loss, double a, double y);

/* z = w1*x1 + w2*x2 + b. */
double neuron_weighted_sum(const struct neuron *n, double x1, double x2);

/* One sample's forward and backward pass: returns its cost and stores
 * dC/dw1, dC/dw2, dC/db in *g (not accumulated). */
double neuron_sample_gradient(const struct neuron *n, enum activation act,
                              enum loss loss, double x1, double x2, double y,
                              struct gradient *g);

/* A run of samples: positions from..to of order (NULL: in file order)
 * index into the x1, x2, y arrays. */
struct batch {
    const double *x1, *x2, *y;
    const sample_index *order;
    size_t from, to;
};

/* The batch sums run in NEURON_LANES partial sums: the sample at position
 * k of a batch that starts at from goes into lane (k - from) mod
 * NEURON_LANES, each lane sums in position order, and the lanes are added
 * as ((l0 + l1) + (l2 + l3)) + ((l4 + l5) + (l6 + l7)). Fixed, so every
 * machine and vector width gives the same bits. */
#define NEURON_LANES 8

/* Sums over a batch of the per-sample costs (returned) and gradients (in
 * *sum, not averaged), in the lane order above. */
double neuron_batch_gradient(const struct neuron *n, enum activation act,
                             enum loss loss, const struct batch *batch,
                             struct gradient *sum);

/* ---------------------------------------------------------------------
 * N inputs. The parameters are one vector theta of P = N + 1 values in
 * the documented order w1 .. wN, b (one weight per term, in --features
 * order, then the bias); a gradient has the same layout. A hidden layer
 * would extend it to h1_w1 .. h1_wN, h1_b, ..., w1 .. wH, b; an optimizer
 * updates it elementwise.
 * ------------------------------------------------------------------- */

/* P for N inputs: N + 1. */
size_t neuron_param_count(size_t nfeatures);

/* The name of parameter k (0-based) of an N-input neuron: "w1" .. "wN",
 * "b"; written to buf (truncated to size). */
void neuron_param_name(size_t nfeatures, size_t k, char *buf, size_t size);

/* z = theta[0]*x[0] + ... + theta[N-1]*x[N-1] + theta[N], summed left to
 * right, the bias last (for N = 2 the same bits as neuron_weighted_sum). */
double neuron_sum(const double *theta, size_t nfeatures, const double *x);

/* a = act(z) at features x: the neuron's output. */
double neuron_output(const double *theta, size_t nfeatures,
                     enum activation act, const double *x);

/* A run of samples over feature columns: sample i's term j is x[j][i];
 * positions from..to of order (NULL: in order) index the samples. */
struct batch_n {
    double *const *x;
    size_t nfeatures;
    const double *y;
    const sample_index *order;
    size_t from, to;
};

/* Sums over a batch of the per-sample costs (returned) and gradients
 * (P values in sum, not averaged), each summed in the lane order above.
 * For N = 2 the same bits as neuron_batch_gradient. The trainer's inner
 * loop. */
double neuron_batch_gradient_n(const double *theta, enum activation act,
                               enum loss loss, const struct batch_n *batch,
                               double *sum);

/* The lane state of a batch in progress, for P parameters: NEURON_LANES
 * partial sums of the cost, then NEURON_LANES of each parameter's
 * gradient (parameter p's at (p + 1) * NEURON_LANES), in doubles. Zero it
 * to begin a batch. */
#define NEURON_LANE_STATE(nparams) (((nparams) + 1) * NEURON_LANES)

/* Adds the samples of piece (positions from..to, a piece of a batch) to
 * lanes (NEURON_LANE_STATE(N + 1) doubles), in the lane order above: the
 * piece's first sample goes into lane 0, so a piece must begin a multiple
 * of NEURON_LANES positions after its batch's first. Summing a batch piece
 * by piece on such boundaries gives the bits of one call. N <= TERMS_MAX
 * (every data set's; else the lanes become NaN). */
void neuron_batch_accumulate_n(const double *theta, enum activation act,
                               enum loss loss, const struct batch_n *piece,
                               double *lanes);

/* The sums of a lane state: the cost's (returned) and each of the
 * nparams gradients' (in sum), each lane set added by the fixed tree. */
double neuron_lanes_total(const double *lanes, size_t nparams, double *sum);

#endif
