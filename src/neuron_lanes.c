/* neuron_lanes.c - the neuron's batch sums in the fixed lane order of
 * neuron.h: the sample at position k of a batch starting at from goes into
 * lane (k - from) mod NEURON_LANES, each lane summed in position order, the
 * lanes combined by lanes_total's fixed tree. The lanes are independent,
 * so a compiler that keeps each in its own vector element (no
 * reassociation: no -ffast-math) gives the bits of the plain loop, on every
 * machine and vector width.
 *
 * The lanes live in a lane state the caller holds (neuron.h
 * NEURON_LANE_STATE): the kernels add a piece of a batch to it, so a batch
 * summed piece by piece (pieces of a multiple of NEURON_LANES samples but
 * the last) gives the bits of one call. Two kernels, each one pass over
 * the samples a group of NEURON_LANES at a time: two inputs (the
 * accumulators in registers), and N inputs (the weights' lanes in a local
 * array, z summed term by term). Each is built once per (activation, loss)
 * and with and without an order; the sigmoid's MSE and MAE also for AVX2
 * (VEXP_CLONES). */
#include "neuron.h"

#include "neuron_inline.h"
#include "terms.h"

#include <math.h>
#include <string.h>

#define L NEURON_LANES

/* ---------------------------------------------------------------------
 * Two inputs: each group of L samples adds one term to every lane; the
 * last, short group fills the first lanes.
 * ------------------------------------------------------------------- */

NEURON_INLINE void
sums2(const double *x1, const double *x2, const double *y, const sample_index *order,
      size_t from, size_t to, const double *theta, enum activation act,
      enum loss loss, double *lanes)
{
    double w1 = theta[0], w2 = theta[1], b = theta[2];
    double c[L], g1[L], g2[L], gb[L];
    for (size_t l = 0; l < L; l++) {
        c[l] = lanes[l];
        g1[l] = lanes[L + l];
        g2[l] = lanes[2 * L + l];
        gb[l] = lanes[3 * L + l];
    }
    size_t k = from;
    for (; to - k >= L; k += L) {
        for (size_t l = 0; l < L; l++) {
            size_t i = order ? order[k + l] : k + l;
            double u1 = x1[i], u2 = x2[i], delta;
            c[l] += sample_terms(act, loss, w1 * u1 + w2 * u2 + b, y[i], &delta);
            g1[l] += delta * u1;
            g2[l] += delta * u2;
            gb[l] += delta;
        }
    }
    for (size_t l = 0; k + l < to; l++) {
        size_t i = order ? order[k + l] : k + l;
        double u1 = x1[i], u2 = x2[i], delta;
        c[l] += sample_terms(act, loss, w1 * u1 + w2 * u2 + b, y[i], &delta);
        g1[l] += delta * u1;
        g2[l] += delta * u2;
        gb[l] += delta;
    }
    for (size_t l = 0; l < L; l++) {
        lanes[l] = c[l];
        lanes[L + l] = g1[l];
        lanes[2 * L + l] = g2[l];
        lanes[3 * L + l] = gb[l];
    }
}

/* ---------------------------------------------------------------------
 * N inputs: per group, z of each sample term by term (w1*x1, + w2*x2,
 * ..., + b: neuron_sum's order), the chain rule, then each weight's lanes
 * from the same x. The weights' lanes stay in a local array (nothing else
 * can alias it, so the group's loops vectorise); the cost's and the
 * bias's in registers.
 * ------------------------------------------------------------------- */

NEURON_INLINE void
group_n(double *const *x, size_t nf, const double *y,
        const sample_index *order, size_t k, size_t count, const double *theta,
        enum activation act, enum loss loss, double *c, double (*g)[L], double *gb)
{
    double z[L], d[L];
    if (nf == 0) {
        for (size_t l = 0; l < count; l++)
            z[l] = 0.0;
    } else {
        for (size_t l = 0; l < count; l++)
            z[l] = theta[0] * x[0][order ? order[k + l] : k + l];
    }
    for (size_t j = 1; j < nf; j++) {
        const double *col = x[j];
        double w = theta[j];
        for (size_t l = 0; l < count; l++)
            z[l] += w * col[order ? order[k + l] : k + l];
    }
    double b = theta[nf];
    for (size_t l = 0; l < count; l++)
        c[l] += sample_terms(act, loss, z[l] + b, y[order ? order[k + l] : k + l], &d[l]);
    for (size_t j = 0; j < nf; j++) {
        const double *col = x[j];
        for (size_t l = 0; l < count; l++)
            g[j][l] += d[l] * col[order ? order[k + l] : k + l];
    }
    for (size_t l = 0; l < count; l++)
        gb[l] += d[l];
}

NEURON_INLINE void
sums_n(const struct batch_n *b, const sample_index *order, const double *theta,
       enum activation act, enum loss loss, double *lanes)
{
    size_t nf = b->nfeatures;
    double c[L], gb[L], g[TERMS_MAX][L];
    memcpy(c, lanes, sizeof c);
    memcpy(g, lanes + L, nf * sizeof g[0]);
    memcpy(gb, lanes + (nf + 1) * L, sizeof gb);
    size_t k = b->from;
    for (; b->to - k >= L; k += L)
        group_n(b->x, nf, b->y, order, k, L, theta, act, loss, c, g, gb);
    if (k < b->to)
        group_n(b->x, nf, b->y, order, k, b->to - k, theta, act, loss, c,
                g, gb);
    memcpy(lanes, c, sizeof c);
    memcpy(lanes + L, g, nf * sizeof g[0]);
    memcpy(lanes + (nf + 1) * L, gb, sizeof gb);
}

/* One kernel of each shape per (activation, loss), with and without an
 * order: no switch and no test of the order runs per sample. */
#define LANES_KERNEL_WITH(ATTR, NAME, ACT, LOSS)                                 \
    ATTR static void NAME##_2(const double *x1, const double *x2,                \
                              const double *y, const sample_index *order,        \
                              size_t from, size_t to, const double *theta,       \
                              double *lanes)                                     \
    {                                                                            \
        if (order)                                                               \
            sums2(x1, x2, y, order, from, to, theta, ACT, LOSS, lanes);          \
        else                                                                     \
            sums2(x1, x2, y, NULL, from, to, theta, ACT, LOSS, lanes);           \
    }                                                                            \
    ATTR static void NAME##_n(const struct batch_n *b, const double *theta,      \
                              double *lanes)                                     \
    {                                                                            \
        if (b->order)                                                            \
            sums_n(b, b->order, theta, ACT, LOSS, lanes);                        \
        else                                                                     \
            sums_n(b, NULL, theta, ACT, LOSS, lanes);                            \
    }
#define LANES_KERNEL(NAME, ACT, LOSS) LANES_KERNEL_WITH(, NAME, ACT, LOSS)
#define LANES_VECTOR_KERNEL(NAME, ACT, LOSS) LANES_KERNEL_WITH(VEXP_CLONES, NAME, ACT, LOSS)

LANES_VECTOR_KERNEL(sigmoid_mse, ACT_SIGMOID, LOSS_MSE)
LANES_VECTOR_KERNEL(sigmoid_mae, ACT_SIGMOID, LOSS_MAE)
LANES_KERNEL(sigmoid_bce, ACT_SIGMOID, LOSS_BCE)
LANES_KERNEL(linear_mse, ACT_LINEAR, LOSS_MSE)
LANES_KERNEL(linear_mae, ACT_LINEAR, LOSS_MAE)
LANES_KERNEL(linear_bce, ACT_LINEAR, LOSS_BCE)
LANES_KERNEL(relu_mse, ACT_RELU, LOSS_MSE)
LANES_KERNEL(relu_mae, ACT_RELU, LOSS_MAE)
LANES_KERNEL(relu_bce, ACT_RELU, LOSS_BCE)
LANES_KERNEL(step_mse, ACT_STEP, LOSS_MSE)
LANES_KERNEL(step_mae, ACT_STEP, LOSS_MAE)
LANES_KERNEL(step_bce, ACT_STEP, LOSS_BCE)

typedef void lanes2_fn(const double *x1, const double *x2, const double *y,
                       const sample_index *order, size_t from, size_t to,
                       const double *theta, double *lanes);
typedef void lanes_fn(const struct batch_n *b, const double *theta, double *lanes);

#define KERNEL_ROW(NAME) {NAME##_mse_2, NAME##_mae_2, NAME##_bce_2}
static lanes2_fn *const kernels2[ACT_COUNT][LOSS_COUNT] = {
    [ACT_SIGMOID] = KERNEL_ROW(sigmoid),
    [ACT_LINEAR] = KERNEL_ROW(linear),
    [ACT_RELU] = KERNEL_ROW(relu),
    [ACT_STEP] = KERNEL_ROW(step),
};
#undef KERNEL_ROW
#define KERNEL_ROW(NAME) {NAME##_mse_n, NAME##_mae_n, NAME##_bce_n}
static lanes_fn *const kernels_n[ACT_COUNT][LOSS_COUNT] = {
    [ACT_SIGMOID] = KERNEL_ROW(sigmoid),
    [ACT_LINEAR] = KERNEL_ROW(linear),
    [ACT_RELU] = KERNEL_ROW(relu),
    [ACT_STEP] = KERNEL_ROW(step),
};

void neuron_batch_accumulate_n(const double *theta, enum activation act,
                               enum loss loss, const struct batch_n *piece,
                               double *lanes)
{
    size_t nf = piece->nfeatures;
    if ((unsigned)act >= ACT_COUNT || (unsigned)loss >= LOSS_COUNT || nf > TERMS_MAX) {
        for (size_t i = 0; i < NEURON_LANE_STATE(nf + 1); i++)
            lanes[i] = NAN;
        return;
    }
    if (piece->from >= piece->to)
        return;
    if (nf == 2) /* the registers' loop: the same bits, sooner */
        kernels2[act][loss](piece->x[0], piece->x[1], piece->y, piece->order,
                            piece->from, piece->to, theta, lanes);
    else
        kernels_n[act][loss](piece, theta, lanes);
}

double neuron_lanes_total(const double *lanes, size_t nparams, double *sum)
{
    for (size_t p = 0; p < nparams; p++)
        sum[p] = lanes_total(lanes + (p + 1) * L);
    return lanes_total(lanes);
}

double neuron_batch_gradient_n(const double *theta, enum activation act,
                               enum loss loss, const struct batch_n *batch,
                               double *sum)
{
    double lanes[NEURON_LANE_STATE(TERMS_MAX + 1)];
    size_t p = batch->nfeatures + 1;
    if (batch->nfeatures > TERMS_MAX) {
        for (size_t k = 0; k < p; k++)
            sum[k] = NAN;
        return NAN;
    }
    memset(lanes, 0, NEURON_LANE_STATE(p) * sizeof *lanes);
    neuron_batch_accumulate_n(theta, act, loss, batch, lanes);
    return neuron_lanes_total(lanes, p, sum);
}

double neuron_batch_gradient(const struct neuron *n, enum activation act,
                             enum loss loss, const struct batch *batch,
                             struct gradient *sum)
{
    double theta[3] = {n->w1, n->w2, n->b}, s[3], lanes[NEURON_LANE_STATE(3)] = {0};
    if ((unsigned)act >= ACT_COUNT || (unsigned)loss >= LOSS_COUNT) {
        sum->dw1 = sum->dw2 = sum->db = NAN;
        return NAN;
    }
    if (batch->from < batch->to)
        kernels2[act][loss](batch->x1, batch->x2, batch->y, batch->order, batch->from,
                            batch->to, theta, lanes);
    double cost = neuron_lanes_total(lanes, 3, s);
    sum->dw1 = s[0];
    sum->dw2 = s[1];
    sum->db = s[2];
    return cost;
}
