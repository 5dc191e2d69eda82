/* neuron.c - activations, losses and one sample's gradient by the chain
 * rule dC/dw = dC/da * da/dz * dz/dw, as in both seed articles. */
#include "neuron.h"

#include "text_util.h"
#include "vexp.h"

#include <math.h>
#include <stdio.h>

/* BCE clamps a into [BCE_EPS, 1 - BCE_EPS] so ln never sees 0. */
#define BCE_EPS 1e-12

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

static double sigmoid(double z)
{
    return 1.0 / (1.0 + vexp(-z)); /* the same bits as vexp_sigmoid */
}

double activation_value(enum activation act, double z)
{
    switch (act) {
    case ACT_SIGMOID: return sigmoid(z);
    case ACT_LINEAR: return z;
    case ACT_RELU: return z > 0 ? z : 0.0;
    case ACT_STEP: return z >= 0 ? 1.0 : 0.0;
    default: return NAN;
    }
}

double activation_derivative(enum activation act, double z)
{
    switch (act) {
    case ACT_SIGMOID: {
        double s = sigmoid(z);
        return s * (1.0 - s);
    }
    case ACT_LINEAR: return 1.0;
    case ACT_RELU: return z > 0 ? 1.0 : 0.0;
    case ACT_STEP: return 0.0;
    default: return NAN;
    }
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

static double clamp_probability(double a)
{
    if (a < BCE_EPS)
        return BCE_EPS;
    if (a > 1.0 - BCE_EPS)
        return 1.0 - BCE_EPS;
    return a; /* NaN passes through: divergence must stay visible */
}

double loss_value(enum loss loss, double a, double y)
{
    switch (loss) {
    case LOSS_MSE: return 0.5 * (a - y) * (a - y);
    case LOSS_MAE: return fabs(a - y);
    case LOSS_BCE: {
        double p = clamp_probability(a);
        return -y * log(p) - (1.0 - y) * log(1.0 - p);
    }
    default: return NAN;
    }
}

double loss_derivative(enum loss loss, double a, double y)
{
    switch (loss) {
    case LOSS_MSE: return a - y;
    case LOSS_MAE: {
        double d = a - y;
        return d > 0 ? 1.0 : d < 0 ? -1.0 : d; /* sign(0) = 0, NaN stays */
    }
    case LOSS_BCE: {
        double p = clamp_probability(a);
        return -y / p + (1.0 - y) / (1.0 - p);
    }
    default: return NAN;
    }
}

double neuron_weighted_sum(const struct neuron *n, double x1, double x2)
{
    return n->w1 * x1 + n->w2 * x2 + n->b;
}

/* The per-sample chain rule with act and loss known at compile time when
 * inlined into a specialised loop below. */
static inline __attribute__((always_inline)) double
sample_gradient(double w1, double w2, double b, enum activation act,
                enum loss loss, double x1, double x2, double y, double *delta)
{
    double z = w1 * x1 + w2 * x2 + b;
    double a = activation_value(act, z);
    /* For the sigmoid, a*(1-a) is sigmoid'(z) without a second exp. */
    double da_dz = act == ACT_SIGMOID ? a * (1.0 - a) : activation_derivative(act, z);
    *delta = loss_derivative(loss, a, y) * da_dz;
    return loss_value(loss, a, y);
}

static inline __attribute__((always_inline)) double
batch_sums(const struct neuron *n, enum activation act, enum loss loss,
           const struct batch *batch, struct gradient *sum)
{
    double w1 = n->w1, w2 = n->w2, b = n->b;
    double cost = 0.0, g1 = 0.0, g2 = 0.0, gb = 0.0;
    for (size_t k = batch->from; k < batch->to; k++) {
        size_t i = batch->order ? batch->order[k] : k;
        double x1 = batch->x1[i], x2 = batch->x2[i], delta;
        cost += sample_gradient(w1, w2, b, act, loss, x1, x2, batch->y[i], &delta);
        g1 += delta * x1;
        g2 += delta * x2;
        gb += delta;
    }
    sum->dw1 = g1;
    sum->dw2 = g2;
    sum->db = gb;
    return cost;
}

/* The sigmoid's batches: all the exponentials of a chunk first, in one
 * vectorised pass, then the sums in sample order as above (same bits). */
#define SIGMOID_CHUNK 128
static inline __attribute__((always_inline)) double
sigmoid_batch_sums(const struct neuron *n, enum loss loss,
                   const struct batch *batch, struct gradient *sum)
{
    double w1 = n->w1, w2 = n->w2, b = n->b;
    double cost = 0.0, g1 = 0.0, g2 = 0.0, gb = 0.0;
    double z[SIGMOID_CHUNK], a[SIGMOID_CHUNK];
    for (size_t start = batch->from; start < batch->to; start += SIGMOID_CHUNK) {
        size_t count = batch->to - start < SIGMOID_CHUNK ? batch->to - start : SIGMOID_CHUNK;
        if (batch->order) {
            for (size_t k = 0; k < count; k++) {
                size_t i = batch->order[start + k];
                z[k] = w1 * batch->x1[i] + w2 * batch->x2[i] + b;
            }
            vexp_sigmoid(z, a, count);
        } else {
            vexp_sigmoid_affine(batch->x1 + start, batch->x2 + start, w1, w2, b,
                                a, count);
        }
        for (size_t k = 0; k < count; k++) {
            size_t i = batch->order ? batch->order[start + k] : start + k;
            double y = batch->y[i];
            double delta = loss_derivative(loss, a[k], y) * (a[k] * (1.0 - a[k]));
            cost += loss_value(loss, a[k], y);
            g1 += delta * batch->x1[i];
            g2 += delta * batch->x2[i];
            gb += delta;
        }
    }
    sum->dw1 = g1;
    sum->dw2 = g2;
    sum->db = gb;
    return cost;
}

/* One copy of the loop per (activation, loss) so that no switch runs per
 * sample: the inner loop is what every epoch spends its time in. */
#define BATCH_CASE(ACT, LOSS)                                              \
    case ACT * LOSS_COUNT + LOSS:                                          \
        return ACT == ACT_SIGMOID && batch->to - batch->from >= 8           \
                   ? sigmoid_batch_sums(n, LOSS, batch, sum)               \
                                  : batch_sums(n, ACT, LOSS, batch, sum);

double neuron_batch_gradient(const struct neuron *n, enum activation act,
                             enum loss loss, const struct batch *batch,
                             struct gradient *sum)
{
    switch ((int)act * LOSS_COUNT + (int)loss) {
    BATCH_CASE(ACT_SIGMOID, LOSS_MSE)
    BATCH_CASE(ACT_SIGMOID, LOSS_MAE)
    BATCH_CASE(ACT_SIGMOID, LOSS_BCE)
    BATCH_CASE(ACT_LINEAR, LOSS_MSE)
    BATCH_CASE(ACT_LINEAR, LOSS_MAE)
    BATCH_CASE(ACT_LINEAR, LOSS_BCE)
    BATCH_CASE(ACT_RELU, LOSS_MSE)
    BATCH_CASE(ACT_RELU, LOSS_MAE)
    BATCH_CASE(ACT_RELU, LOSS_BCE)
    BATCH_CASE(ACT_STEP, LOSS_MSE)
    BATCH_CASE(ACT_STEP, LOSS_MAE)
    BATCH_CASE(ACT_STEP, LOSS_BCE)
    default:
        *sum = (struct gradient){NAN, NAN, NAN};
        return NAN;
    }
}

double neuron_sample_gradient(const struct neuron *n, enum activation act,
                              enum loss loss, double x1, double x2, double y,
                              struct gradient *g)
{
    double delta;
    double cost = sample_gradient(n->w1, n->w2, n->b, act, loss, x1, x2, y, &delta);
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

/* The general loop: z of each sample of a chunk first (term by term, so
 * the inner loops run down contiguous columns when there is no order),
 * then the activations, then the per-parameter sums in sample order. */
#define CHUNK_N 128
static inline __attribute__((always_inline)) double
batch_sums_n(const double *theta, enum activation act, enum loss loss,
             const struct batch_n *b, double *sum)
{
    size_t nf = b->nfeatures;
    double cost = 0.0;
    double z[CHUNK_N], a[CHUNK_N], delta[CHUNK_N];
    for (size_t j = 0; j <= nf; j++)
        sum[j] = 0.0;
    for (size_t start = b->from; start < b->to; start += CHUNK_N) {
        size_t count = b->to - start < CHUNK_N ? b->to - start : CHUNK_N;
        const size_t *order = b->order ? b->order + start : NULL;
        for (size_t j = 0; j < nf; j++) {
            const double *col = b->x + j * b->stride;
            double w = theta[j];
            if (order) {
                for (size_t k = 0; k < count; k++)
                    z[k] = j == 0 ? w * col[order[k]] : z[k] + w * col[order[k]];
            } else if (j == 0) {
                for (size_t k = 0; k < count; k++)
                    z[k] = w * col[start + k];
            } else {
                for (size_t k = 0; k < count; k++)
                    z[k] += w * col[start + k];
            }
        }
        if (nf == 0)
            for (size_t k = 0; k < count; k++)
                z[k] = 0.0;
        for (size_t k = 0; k < count; k++)
            z[k] += theta[nf];
        if (act == ACT_SIGMOID)
            vexp_sigmoid(z, a, count);
        else
            for (size_t k = 0; k < count; k++)
                a[k] = activation_value(act, z[k]);
        for (size_t k = 0; k < count; k++) {
            size_t i = order ? order[k] : start + k;
            double y = b->y[i];
            double da_dz = act == ACT_SIGMOID ? a[k] * (1.0 - a[k])
                                              : activation_derivative(act, z[k]);
            delta[k] = loss_derivative(loss, a[k], y) * da_dz;
            cost += loss_value(loss, a[k], y);
        }
        for (size_t j = 0; j < nf; j++) {
            const double *col = b->x + j * b->stride;
            double g = sum[j];
            if (order)
                for (size_t k = 0; k < count; k++)
                    g += delta[k] * col[order[k]];
            else
                for (size_t k = 0; k < count; k++)
                    g += delta[k] * col[start + k];
            sum[j] = g;
        }
        double gb = sum[nf];
        for (size_t k = 0; k < count; k++)
            gb += delta[k];
        sum[nf] = gb;
    }
    return cost;
}

#define BATCH_N_CASE(ACT, LOSS)                                            \
    case ACT * LOSS_COUNT + LOSS:                                          \
        return batch_sums_n(theta, ACT, LOSS, batch, sum);

double neuron_batch_gradient_n(const double *theta, enum activation act,
                               enum loss loss, const struct batch_n *batch,
                               double *sum)
{
    if (batch->nfeatures == 2) {
        /* Two inputs: the original loop, so that every run of before
         * keeps its bits. */
        struct neuron n = {theta[0], theta[1], theta[2]};
        struct batch b2 = {batch->x, batch->x + batch->stride, batch->y,
                           batch->order, batch->from, batch->to};
        struct gradient g;
        double cost = neuron_batch_gradient(&n, act, loss, &b2, &g);
        sum[0] = g.dw1;
        sum[1] = g.dw2;
        sum[2] = g.db;
        return cost;
    }
    switch ((int)act * LOSS_COUNT + (int)loss) {
    BATCH_N_CASE(ACT_SIGMOID, LOSS_MSE)
    BATCH_N_CASE(ACT_SIGMOID, LOSS_MAE)
    BATCH_N_CASE(ACT_SIGMOID, LOSS_BCE)
    BATCH_N_CASE(ACT_LINEAR, LOSS_MSE)
    BATCH_N_CASE(ACT_LINEAR, LOSS_MAE)
    BATCH_N_CASE(ACT_LINEAR, LOSS_BCE)
    BATCH_N_CASE(ACT_RELU, LOSS_MSE)
    BATCH_N_CASE(ACT_RELU, LOSS_MAE)
    BATCH_N_CASE(ACT_RELU, LOSS_BCE)
    BATCH_N_CASE(ACT_STEP, LOSS_MSE)
    BATCH_N_CASE(ACT_STEP, LOSS_MAE)
    BATCH_N_CASE(ACT_STEP, LOSS_BCE)
    default:
        for (size_t j = 0; j <= batch->nfeatures; j++)
            sum[j] = NAN;
        return NAN;
    }
}
