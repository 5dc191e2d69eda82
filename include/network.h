/* network.h - one hidden layer in front of the output neuron: the hidden
 * units' activation, the parameter vector's layout and names, the forward
 * pass and the batch gradient by backpropagation. Pure math, no state.
 *
 * The network with H hidden units over N inputs x:
 *   u_j = sum_i V_ji x_i + c_j,  h_j = g(u_j)      (j = 1..H)
 *   z = sum_j w_j h_j + b,       a = act(z)
 * Its P parameters in one order (theta): for each hidden unit j its N
 * input weights V_j1..V_jN then its bias c_j ("h1_w1" .. "h1_wN", "h1_b",
 * ...), then the output weights w_1..w_H and the output bias b ("w1" ..
 * "wH", "b"). H = 0 is the single neuron: w1 .. wN, b. */
#ifndef DESCENT_NETWORK_H
#define DESCENT_NETWORK_H

#include <stdbool.h>
#include <stddef.h>

#include "neuron.h"
#include "terms.h"

/* The hidden units' activation g. */
enum hidden_activation { HIDDEN_TANH, HIDDEN_SIGMOID, HIDDEN_RELU, HIDDEN_LINEAR, HIDDEN_COUNT };

/* "tanh", "sigmoid", "relu", "linear"; "?" for anything else. */
const char *hidden_activation_name(enum hidden_activation g);
/* Parses a name as printed by hidden_activation_name; false if unknown
 * (*out untouched). */
bool hidden_activation_parse(const char *name, enum hidden_activation *out);
/* g(u). The sigmoid has the output sigmoid's bits (activation_value). */
double hidden_activation_value(enum hidden_activation g, double u);
/* g'(u): tanh 1 - tanh(u)^2, sigmoid s(1 - s), relu 1 for u > 0 and 0 at
 * u <= 0, linear 1. */
double hidden_activation_derivative(enum hidden_activation g, double u);

/* The most hidden units --hidden allows. */
#define NETWORK_HIDDEN_MAX 8

/* The largest P of any run: H = NETWORK_HIDDEN_MAX over TERMS_MAX inputs
 * (the sizes of arrays that hold a run's parameters). */
#define NETWORK_PARAMS_MAX (NETWORK_HIDDEN_MAX * (TERMS_MAX + 1) + NETWORK_HIDDEN_MAX + 1)

/* P: N + 1 when hidden == 0; else hidden*(N+1) + hidden + 1. */
size_t network_param_count(size_t nfeatures, size_t hidden);

/* Name of parameter k (0-based): hidden == 0: "w1".."wN","b"; else
 * "h1_w1".."h1_wN","h1_b", ..., "w1".."wH","b". Written to buf
 * (truncated to size; "?" when k >= P). */
void network_param_name(size_t nfeatures, size_t hidden, size_t k, char *buf, size_t size);

/* Index in theta of hidden unit j's (0-based) first input weight: j*(N+1);
 * its bias is at j*(N+1)+N. */
size_t network_unit_offset(size_t nfeatures, size_t j);
/* Where the output weights start: hidden*(N+1) (0 when hidden == 0); the
 * output bias is theta[P-1]. */
size_t network_output_offset(size_t nfeatures, size_t hidden);

/* u_j = sum_i V_ji x_i + c_j (summed left to right, the bias last). */
double network_unit_sum(const double *theta, size_t nfeatures, size_t j, const double *x);

/* The network's output a = act(sum_j w_j h_j + b) at features x; h (NULL
 * or room for hidden values) receives h_j = g(u_j). hidden == 0: exactly
 * neuron_output (the same bits). */
double network_output(const double *theta, size_t nfeatures, size_t hidden,
                      enum hidden_activation g, enum activation act, const double *x, double *h);

/* Backpropagation over a batch of a network with hidden > 0 hidden units
 * (batch->nfeatures inputs): returns the sum of the per-sample costs and
 * stores in sum (P values) the sums of the per-sample gradients, each
 * summed in sample order, not averaged (batch->nfeatures <= TERMS_MAX,
 * as every data set has). Per sample, by the chain rule:
 * delta = dC/da * act'(z); dC/dw_j = delta h_j, dC/db = delta;
 * delta_j = delta w_j g'(u_j); dC/dV_ji = delta_j x_i, dC/dc_j = delta_j. */
double network_batch_gradient(const double *theta, size_t hidden,
                              enum hidden_activation g, enum activation act,
                              enum loss loss, const struct batch_n *batch,
                              double *sum);

/* The same sums continued: adds the samples of piece (any part of a
 * batch) to *cost and to sum (P values), each in sample order, so that a
 * batch summed piece by piece, *cost and sum zeroed before its first
 * piece, gives the bits of network_batch_gradient. hidden must be 1 ..
 * NETWORK_HIDDEN_MAX (else *cost becomes NaN). */
void network_batch_accumulate(const double *theta, size_t hidden,
                              enum hidden_activation g, enum activation act,
                              enum loss loss, const struct batch_n *piece,
                              double *cost, double *sum);

#endif
