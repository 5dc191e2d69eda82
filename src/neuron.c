/* neuron.c - activations, losses and one sample's gradient by the chain
 * rule dC/dw = dC/da * da/dz * dz/dw, as in both seed articles; the
 * N-input forward pass. The batch sums are in neuron_lanes.c. */
#include "neuron.h"

#include "neuron_inline.h"
#include "text_util.h"

#include <stdio.h>

static const char *const activation_names[ACT_COUNT] = {
    [ACT_SIGMOID] = "sigmoid",
    [ACT_LINEAR] = "linear",
    [ACT_RELU] = "relu",
    [ACT_STEP] = "step",
};

static const char *const loss_names[LOSS_COUNT] = {
    [LOSS_MSE] = "MSE",
    [LOSS_MAE] = "MAE",
    [LOSS_BCE] = "BCE",
};

const char *activation_name(enum activation act)
{
    return (unsigned)act < ACT_COUNT ? activation_names[act] : "?";
}

bool activation_parse(const char *name, enum activation *out)
{
    int i = text_index_of(activation_names, ACT_COUNT, name);
    if (i < 0)
        return false;
    *out = (enum activation)i;
    return true;
}

double activation_value(enum activation act, double z)
{
    return activation_value_inline(act, z);
}

double activation_derivative(enum activation act, double z)
{
    return activation_derivative_inline(act, z);
}

const char *loss_name(enum loss loss)
{
    return (unsigned)loss < LOSS_COUNT ? loss_names[loss] : "?";
}

bool loss_parse(const char *name, enum loss *out)
{
    int i = text_index_of(loss_names, LOSS_COUNT, name);
    if (i < 0)
        return false;
    *out = (enum loss)i;
    return true;
}

double loss_value(enum loss loss, double a, double y)
{
    return loss_value_inline(loss, a, y);
}

double loss_derivative(enum loss loss, double a, double y)
{
    return loss_derivative_inline(loss, a, y);
}

double neuron_weighted_sum(const struct neuron *n, double x1, double x2)
{
    return n->w1 * x1 + n->w2 * x2 + n->b;
}

double neuron_sample_gradient(const struct neuron *n, enum activation act,
                              enum loss loss, double x1, double x2, double y,
                              struct gradient *g)
{
    double delta;
    double cost = sample_terms(act, loss, n->w1 * x1 + n->w2 * x2 + n->b, y, &delta);
    g->dw1 = delta * x1;
    g->dw2 = delta * x2;
    g->db = delta;
    return cost;
}

/* ---------------------------------------------------------------------
 * N inputs over column-major features
 * ------------------------------------------------------------------- */

size_t neuron_param_count(size_t nfeatures)
{
    return nfeatures + 1;
}

void neuron_param_name(size_t nfeatures, size_t k, char *buf, size_t size)
{
    if (k >= nfeatures)
        snprintf(buf, size, "b");
    else
        snprintf(buf, size, "w%zu", k + 1);
}

double neuron_sum(const double *theta, size_t nfeatures, const double *x)
{
    double z = 0.0;
    if (nfeatures > 0)
        z = theta[0] * x[0];
    for (size_t j = 1; j < nfeatures; j++)
        z += theta[j] * x[j];
    return z + theta[nfeatures];
}

double neuron_output(const double *theta, size_t nfeatures,
                     enum activation act, const double *x)
{
    return activation_value(act, neuron_sum(theta, nfeatures, x));
}
