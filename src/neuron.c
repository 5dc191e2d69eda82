/* neuron.c - activations, losses and one sample's gradient by the chain
 * rule dC/dw = dC/da * da/dz * dz/dw, as in both seed articles. */
#include "neuron.h"

#include "text_util.h"
#include "vexp_inline.h"

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
    return 1.0 / (1.0 + exp_inline(-z)); /* the bits of vexp_sigmoid */
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
 * inlined into a specialised loop below: a and dC/dz (*delta) from z. The
 * sigmoid's exp is inlined: the bits of vexp. */
static inline __attribute__((always_inline)) double
sample_terms(enum activation act, enum loss loss, double z, double y,
             double *delta)
{
    double a = act == ACT_SIGMOID ? 1.0 / (1.0 + exp_inline(-z))
                                  : activation_value(act, z);
    /* For the sigmoid, a*(1-a) is sigmoid'(z) without a second exp. */
    double da_dz = act == ACT_SIGMOID ? a * (1.0 - a) : activation_derivative(act, z);
    *delta = loss_derivative(loss, a, y) * da_dz;
    return loss_value(loss, a, y);
}

static inline __attribute__((always_inline)) double
sample_gradient(double w1, double w2, double b, enum activation act,
                enum loss loss, double x1, double x2, double y, double *delta)
{
    return sample_terms(act, loss, w1 * x1 + w2 * x2 + b, y, delta);
}

/* ---------------------------------------------------------------------
 * The batch sums, in a fixed order of NEURON_LANES partial sums: the
 * sample at position k of a batch starting at from goes into lane
 * (k - from) mod NEURON_LANES, each lane summed in position order, and
 * the lanes are combined by lanes_total's fixed tree. The lanes are
 * independent, so a compiler that keeps each in its own vector element
 * (no reassociation: no -ffast-math) gives the bits of the plain loop, on
 * every machine and vector width.
 * ------------------------------------------------------------------- */

/* ((l0 + l1) + (l2 + l3)) + ((l4 + l5) + (l6 + l7)). */
static inline __attribute__((always_inline)) double
lanes_total(const double *l)
{
    return ((l[0] + l[1]) + (l[2] + l[3])) + ((l[4] + l[5]) + (l[6] + l[7]));
}

/* Two inputs, one pass: each group of NEURON_LANES samples adds one term
 * to every lane; the last, short group fills the first lanes. */
static inline __attribute__((always_inline)) double
sums2(const double *x1, const double *x2, const double *y, const sample_index *order,
      size_t from, size_t to, const double *theta, enum activation act,
      enum loss loss, double *sum)
{
    double w1 = theta[0], w2 = theta[1], b = theta[2];
    double c[NEURON_LANES] = {0}, g1[NEURON_LANES] = {0};
    double g2[NEURON_LANES] = {0}, gb[NEURON_LANES] = {0};
    size_t k = from;
    for (; to - k >= NEURON_LANES; k += NEURON_LANES) {
        for (size_t l = 0; l < NEURON_LANES; l++) {
            size_t i = order ? order[k + l] : k + l;
            double u1 = x1[i], u2 = x2[i], delta;
            c[l] += sample_gradient(w1, w2, b, act, loss, u1, u2, y[i], &delta);
            g1[l] += delta * u1;
            g2[l] += delta * u2;
            gb[l] += delta;
        }
    }
    for (size_t l = 0; k + l < to; l++) {
        size_t i = order ? order[k + l] : k + l;
        double u1 = x1[i], u2 = x2[i], delta;
        c[l] += sample_gradient(w1, w2, b, act, loss, u1, u2, y[i], &delta);
        g1[l] += delta * u1;
        g2[l] += delta * u2;
        gb[l] += delta;
    }
    sum[0] = lanes_total(g1);
    sum[1] = lanes_total(g2);
    sum[2] = lanes_total(gb);
    return lanes_total(c);
}

/* sums2 built once per (activation, loss) and, for the sigmoid, also for
 * AVX2 (VEXP_CLONES), with and without an order: no switch and no test of
 * the order runs per sample. */
#define SUMS2_KERNEL(NAME, ACT, LOSS)                                       \
    static double NAME(const double *x1, const double *x2, const double *y, \
                       const sample_index *order, size_t from, size_t to,       \
                       const double *theta, double *sum)                    \
    {                                                                       \
        if (order)                                                          \
            return sums2(x1, x2, y, order, from, to, theta, ACT, LOSS, sum); \
        return sums2(x1, x2, y, NULL, from, to, theta, ACT, LOSS, sum);     \
    }
#define SUMS2_VECTOR_KERNEL(NAME, ACT, LOSS) VEXP_CLONES SUMS2_KERNEL(NAME, ACT, LOSS)

SUMS2_VECTOR_KERNEL(sums2_sigmoid_mse, ACT_SIGMOID, LOSS_MSE)
SUMS2_VECTOR_KERNEL(sums2_sigmoid_mae, ACT_SIGMOID, LOSS_MAE)
SUMS2_KERNEL(sums2_sigmoid_bce, ACT_SIGMOID, LOSS_BCE)
SUMS2_KERNEL(sums2_linear_mse, ACT_LINEAR, LOSS_MSE)
SUMS2_KERNEL(sums2_linear_mae, ACT_LINEAR, LOSS_MAE)
SUMS2_KERNEL(sums2_linear_bce, ACT_LINEAR, LOSS_BCE)
SUMS2_KERNEL(sums2_relu_mse, ACT_RELU, LOSS_MSE)
SUMS2_KERNEL(sums2_relu_mae, ACT_RELU, LOSS_MAE)
SUMS2_KERNEL(sums2_relu_bce, ACT_RELU, LOSS_BCE)
SUMS2_KERNEL(sums2_step_mse, ACT_STEP, LOSS_MSE)
SUMS2_KERNEL(sums2_step_mae, ACT_STEP, LOSS_MAE)
SUMS2_KERNEL(sums2_step_bce, ACT_STEP, LOSS_BCE)

typedef double sums2_fn(const double *x1, const double *x2, const double *y,
                        const sample_index *order, size_t from, size_t to,
                        const double *theta, double *sum);

static sums2_fn *const sums2_kernels[ACT_COUNT][LOSS_COUNT] = {
    [ACT_SIGMOID] = {sums2_sigmoid_mse, sums2_sigmoid_mae, sums2_sigmoid_bce},
    [ACT_LINEAR] = {sums2_linear_mse, sums2_linear_mae, sums2_linear_bce},
    [ACT_RELU] = {sums2_relu_mse, sums2_relu_mae, sums2_relu_bce},
    [ACT_STEP] = {sums2_step_mse, sums2_step_mae, sums2_step_bce},
};

static double batch_sums2(const double *x1, const double *x2, const double *y,
                          const sample_index *order, size_t from, size_t to,
                          const double *theta, enum activation act,
                          enum loss loss, double *sum)
{
    if ((unsigned)act >= ACT_COUNT || (unsigned)loss >= LOSS_COUNT) {
        sum[0] = sum[1] = sum[2] = NAN;
        return NAN;
    }
    return sums2_kernels[act][loss](x1, x2, y, order, from, to, theta, sum);
}

double neuron_batch_gradient(const struct neuron *n, enum activation act,
                             enum loss loss, const struct batch *batch,
                             struct gradient *sum)
{
    double theta[3] = {n->w1, n->w2, n->b}, s[3];
    double cost = batch_sums2(batch->x1, batch->x2, batch->y, batch->order,
                              batch->from, batch->to, theta, act, loss, s);
    sum->dw1 = s[0];
    sum->dw2 = s[1];
    sum->db = s[2];
    return cost;
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

/* v[k] (times col[k], or col[order[k]], when col is not NULL) added into
 * lane k mod NEURON_LANES, for k < count. */
static inline __attribute__((always_inline)) void
lanes_add(double *lane, const double *v, const double *col,
          const sample_index *order, size_t count)
{
    size_t k = 0;
    for (; count - k >= NEURON_LANES; k += NEURON_LANES)
        for (size_t l = 0; l < NEURON_LANES; l++)
            lane[l] += col ? v[k + l] * col[order ? order[k + l] : k + l] : v[k + l];
    for (size_t l = 0; k + l < count; l++)
        lane[l] += col ? v[k + l] * col[order ? order[k + l] : k + l] : v[k + l];
}

/* N inputs, a chunk at a time: z of each sample first (term by term, so
 * the inner loops run down contiguous columns when there is no order),
 * then the activations, then the lanes of each parameter. A chunk is a
 * multiple of NEURON_LANES samples, so lanes continue across chunks. The
 * parameters go in blocks of LANE_BLOCK (more only past TERMS_MAX inputs,
 * each further block computing the deltas again). */
#define CHUNK_N 128
#define LANE_BLOCK 65
static inline __attribute__((always_inline)) double
batch_sums_n(const double *theta, enum activation act, enum loss loss,
             const struct batch_n *b, double *sum)
{
    size_t nf = b->nfeatures;
    double cost[NEURON_LANES] = {0};
    double lane[LANE_BLOCK][NEURON_LANES];
    double z[CHUNK_N], delta[CHUNK_N], c[CHUNK_N];
    for (size_t p0 = 0; p0 <= nf; p0 += LANE_BLOCK) {
        size_t p1 = nf + 1 - p0 < LANE_BLOCK ? nf + 1 : p0 + LANE_BLOCK;
        for (size_t p = p0; p < p1; p++)
            for (size_t l = 0; l < NEURON_LANES; l++)
                lane[p - p0][l] = 0.0;
        for (size_t start = b->from; start < b->to; start += CHUNK_N) {
            size_t count = b->to - start < CHUNK_N ? b->to - start : CHUNK_N;
            const sample_index *order = b->order ? b->order + start : NULL;
            size_t base = order ? 0 : start; /* col k's base: b->x[k] + base */
            for (size_t j = 0; j < nf; j++) {
                const double *col = b->x[j] + base;
                double w = theta[j];
                if (order) {
                    for (size_t k = 0; k < count; k++)
                        z[k] = j == 0 ? w * col[order[k]] : z[k] + w * col[order[k]];
                } else if (j == 0) {
                    for (size_t k = 0; k < count; k++)
                        z[k] = w * col[k];
                } else {
                    for (size_t k = 0; k < count; k++)
                        z[k] += w * col[k];
                }
            }
            if (nf == 0)
                for (size_t k = 0; k < count; k++)
                    z[k] = 0.0;
            for (size_t k = 0; k < count; k++) {
                size_t i = order ? order[k] : start + k;
                c[k] = sample_terms(act, loss, z[k] + theta[nf], b->y[i], &delta[k]);
            }
            if (p0 == 0)
                lanes_add(cost, c, NULL, NULL, count);
            for (size_t p = p0; p < p1; p++)
                lanes_add(lane[p - p0], delta, p < nf ? b->x[p] + base : NULL,
                          order, count);
        }
        for (size_t p = p0; p < p1; p++)
            sum[p] = lanes_total(lane[p - p0]);
    }
    return lanes_total(cost);
}

#define BATCH_N_CASE(ACT, LOSS)                                            \
    case ACT * LOSS_COUNT + LOSS:                                          \
        return batch_sums_n(theta, ACT, LOSS, batch, sum);

double neuron_batch_gradient_n(const double *theta, enum activation act,
                               enum loss loss, const struct batch_n *batch,
                               double *sum)
{
    if (batch->nfeatures == 2) /* the one-pass loop: the same bits, sooner */
        return batch_sums2(batch->x[0], batch->x[1], batch->y,
                           batch->order, batch->from, batch->to, theta, act,
                           loss, sum);
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
