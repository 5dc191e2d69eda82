/* network.c - one hidden layer: the hidden activations, the parameter
 * layout and names, the forward pass and backpropagation over a batch
 * (docs/DESIGN.md "A hidden layer"). With no hidden unit everything is
 * the single neuron of neuron.c, bit for bit. */
#include "network.h"

#include "terms.h"
#include "text_util.h"
#include "vexp.h"

#include <math.h>
#include <stdio.h>

static const char *const hidden_names[HIDDEN_COUNT] = {
    [HIDDEN_TANH] = "tanh",
    [HIDDEN_SIGMOID] = "sigmoid",
    [HIDDEN_RELU] = "relu",
    [HIDDEN_LINEAR] = "linear",
};

const char *hidden_activation_name(enum hidden_activation g)
{
    return (unsigned)g < HIDDEN_COUNT ? hidden_names[g] : "?";
}

bool hidden_activation_parse(const char *name, enum hidden_activation *out)
{
    int i = text_index_of(hidden_names, HIDDEN_COUNT, name);
    if (i < 0)
        return false;
    *out = (enum hidden_activation)i;
    return true;
}

/* tanh(u) = 2 sigmoid(2u) - 1, from vexp like the sigmoid, so that the
 * batch loop below computes it for a chunk of samples at once with the
 * same bits (within a few ulp of the C library's tanh; near u = 0 within
 * 5e-16 absolute). */
static double tanh_of_sigmoid(double s)
{
    return 2.0 * s - 1.0;
}

double hidden_activation_value(enum hidden_activation g, double u)
{
    switch (g) {
    case HIDDEN_TANH: return tanh_of_sigmoid(activation_value(ACT_SIGMOID, 2.0 * u));
    case HIDDEN_SIGMOID: return activation_value(ACT_SIGMOID, u);
    case HIDDEN_RELU: return u > 0 ? u : 0.0;
    case HIDDEN_LINEAR: return u;
    default: return NAN;
    }
}

/* g'(u) from h = g(u) (and u, for relu): what the backward pass uses. */
static inline __attribute__((always_inline)) double
derivative_from(enum hidden_activation g, double u, double h)
{
    switch (g) {
    case HIDDEN_TANH: return 1.0 - h * h;
    case HIDDEN_SIGMOID: return h * (1.0 - h);
    case HIDDEN_RELU: return u > 0 ? 1.0 : 0.0;
    case HIDDEN_LINEAR: return 1.0;
    default: return NAN;
    }
}

double hidden_activation_derivative(enum hidden_activation g, double u)
{
    return derivative_from(g, u, hidden_activation_value(g, u));
}

size_t network_param_count(size_t nfeatures, size_t hidden)
{
    if (hidden == 0)
        return nfeatures + 1;
    return hidden * (nfeatures + 1) + hidden + 1;
}

void network_param_name(size_t nfeatures, size_t hidden, size_t k, char *buf, size_t size)
{
    if (size == 0)
        return;
    size_t p = network_param_count(nfeatures, hidden);
    size_t out = network_output_offset(nfeatures, hidden);
    if (k >= p)
        snprintf(buf, size, "?");
    else if (k == p - 1)
        snprintf(buf, size, "b");
    else if (k >= out)
        snprintf(buf, size, "w%zu", k - out + 1);
    else if (k % (nfeatures + 1) == nfeatures)
        snprintf(buf, size, "h%zu_b", k / (nfeatures + 1) + 1);
    else
        snprintf(buf, size, "h%zu_w%zu", k / (nfeatures + 1) + 1, k % (nfeatures + 1) + 1);
}

size_t network_unit_offset(size_t nfeatures, size_t j)
{
    return j * (nfeatures + 1);
}

size_t network_output_offset(size_t nfeatures, size_t hidden)
{
    return hidden * (nfeatures + 1);
}

double network_unit_sum(const double *theta, size_t nfeatures, size_t j, const double *x)
{
    return neuron_sum(theta + network_unit_offset(nfeatures, j), nfeatures, x);
}

double network_output(const double *theta, size_t nfeatures, size_t hidden,
                      enum hidden_activation g, enum activation act, const double *x, double *h)
{
    if (hidden == 0)
        return neuron_output(theta, nfeatures, act, x);
    const double *w = theta + network_output_offset(nfeatures, hidden);
    double z = 0.0;
    for (size_t j = 0; j < hidden; j++) {
        double hj = hidden_activation_value(g, network_unit_sum(theta, nfeatures, j, x));
        if (h)
            h[j] = hj;
        z = j == 0 ? w[0] * hj : z + w[j] * hj;
    }
    return activation_value(act, z + w[hidden]);
}

/* The batch, a chunk of samples at a time: the chunk's features gathered
 * (x[i][k]), every unit's u and h over the chunk (vectorisable loops, the
 * exponentials in vexp_sigmoid), the outputs and deltas, then the sums of
 * the per-sample gradients, every parameter's sum in sample order. */
#define CHUNK 64

static inline __attribute__((always_inline)) void
batch_sums(const double *theta, size_t hidden, enum hidden_activation g,
           enum activation act, enum loss loss, const struct batch_n *b,
           double *cost_sum, double *sum)
{
    size_t nf = b->nfeatures;
    const double *w = theta + network_output_offset(nf, hidden);
    double *gw = sum + network_output_offset(nf, hidden);
    double x[TERMS_MAX][CHUNK]; /* nfeatures <= TERMS_MAX (dataset.c) */
    double u[NETWORK_HIDDEN_MAX][CHUNK], h[NETWORK_HIDDEN_MAX][CHUNK];
    double z[CHUNK], a[CHUNK], delta[CHUNK];
    double cost = *cost_sum;
    for (size_t start = b->from; start < b->to; start += CHUNK) {
        size_t count = b->to - start < CHUNK ? b->to - start : CHUNK;
        const sample_index *order = b->order ? b->order + start : NULL;
        for (size_t i = 0; i < nf; i++) {
            const double *col = b->x[i];
            for (size_t k = 0; k < count; k++)
                x[i][k] = col[order ? order[k] : start + k];
        }
        for (size_t j = 0; j < hidden; j++) {
            const double *v = theta + network_unit_offset(nf, j);
            for (size_t k = 0; k < count; k++)
                u[j][k] = nf > 0 ? v[0] * x[0][k] : 0.0;
            for (size_t i = 1; i < nf; i++)
                for (size_t k = 0; k < count; k++)
                    u[j][k] += v[i] * x[i][k];
            for (size_t k = 0; k < count; k++)
                u[j][k] += v[nf];
            switch (g) {
            case HIDDEN_TANH:
                for (size_t k = 0; k < count; k++)
                    z[k] = 2.0 * u[j][k];
                vexp_sigmoid(z, h[j], count);
                for (size_t k = 0; k < count; k++)
                    h[j][k] = tanh_of_sigmoid(h[j][k]);
                break;
            case HIDDEN_SIGMOID:
                vexp_sigmoid(u[j], h[j], count);
                break;
            default:
                for (size_t k = 0; k < count; k++)
                    h[j][k] = hidden_activation_value(g, u[j][k]);
                break;
            }
        }
        for (size_t k = 0; k < count; k++)
            z[k] = w[0] * h[0][k];
        for (size_t j = 1; j < hidden; j++)
            for (size_t k = 0; k < count; k++)
                z[k] += w[j] * h[j][k];
        for (size_t k = 0; k < count; k++)
            z[k] += w[hidden];
        if (act == ACT_SIGMOID)
            vexp_sigmoid(z, a, count);
        else
            for (size_t k = 0; k < count; k++)
                a[k] = activation_value(act, z[k]);
        for (size_t k = 0; k < count; k++) {
            double y = b->y[order ? order[k] : start + k];
            double da_dz = act == ACT_SIGMOID ? a[k] * (1.0 - a[k])
                                              : activation_derivative(act, z[k]);
            delta[k] = loss_derivative(loss, a[k], y) * da_dz;
            cost += loss_value(loss, a[k], y);
        }
        /* delta_j of each sample: delta * w_j * g'(u_j), into u[j]. */
        for (size_t j = 0; j < hidden; j++)
            for (size_t k = 0; k < count; k++)
                u[j][k] = delta[k] * w[j] * derivative_from(g, u[j][k], h[j][k]);
        /* The sums, sample by sample so that the parameters' sums (each
         * in sample order) run side by side. */
        for (size_t k = 0; k < count; k++) {
            for (size_t j = 0; j < hidden; j++) {
                gw[j] += delta[k] * h[j][k];
                double *gv = sum + network_unit_offset(nf, j);
                for (size_t i = 0; i < nf; i++)
                    gv[i] += u[j][k] * x[i][k];
                gv[nf] += u[j][k];
            }
            gw[hidden] += delta[k];
        }
    }
    *cost_sum = cost;
}

#define NETWORK_CASE(G, ACT, LOSS)                                               \
    case ((int)(G) * ACT_COUNT + (int)(ACT)) * LOSS_COUNT + (int)(LOSS):          \
        batch_sums(theta, hidden, G, ACT, LOSS, piece, cost, sum);                \
        return;

#define NETWORK_CASES_LOSS(G, ACT)                                               \
    NETWORK_CASE(G, ACT, LOSS_MSE)                                               \
    NETWORK_CASE(G, ACT, LOSS_MAE)                                               \
    NETWORK_CASE(G, ACT, LOSS_BCE)

#define NETWORK_CASES_ACT(G)                                                     \
    NETWORK_CASES_LOSS(G, ACT_SIGMOID)                                           \
    NETWORK_CASES_LOSS(G, ACT_LINEAR)                                            \
    NETWORK_CASES_LOSS(G, ACT_RELU)                                              \
    NETWORK_CASES_LOSS(G, ACT_STEP)

void network_batch_accumulate(const double *theta, size_t hidden,
                              enum hidden_activation g, enum activation act,
                              enum loss loss, const struct batch_n *piece,
                              double *cost, double *sum)
{
    if (hidden == 0 || hidden > NETWORK_HIDDEN_MAX) {
        *cost = NAN;
        return;
    }
    /* Each combination is its own loop, the activations and the loss
     * known at compile time. */
    switch (((int)g * ACT_COUNT + (int)act) * LOSS_COUNT + (int)loss) {
    NETWORK_CASES_ACT(HIDDEN_TANH)
    NETWORK_CASES_ACT(HIDDEN_SIGMOID)
    NETWORK_CASES_ACT(HIDDEN_RELU)
    NETWORK_CASES_ACT(HIDDEN_LINEAR)
    default:
        batch_sums(theta, hidden, g, act, loss, piece, cost, sum);
        return;
    }
}

double network_batch_gradient(const double *theta, size_t hidden,
                              enum hidden_activation g, enum activation act,
                              enum loss loss, const struct batch_n *batch,
                              double *sum)
{
    if (hidden == 0 || hidden > NETWORK_HIDDEN_MAX)
        return neuron_batch_gradient_n(theta, act, loss, batch, sum);
    double cost = 0.0;
    size_t p = network_param_count(batch->nfeatures, hidden);
    for (size_t k = 0; k < p; k++)
        sum[k] = 0.0;
    network_batch_accumulate(theta, hidden, g, act, loss, batch, &cost, sum);
    return cost;
}
