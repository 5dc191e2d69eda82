/* network.c - one hidden layer: the hidden activations, the parameter
 * layout and names, the forward pass and backpropagation over a batch
 * (docs/DESIGN.md "A hidden layer"). With no hidden unit everything is
 * the single neuron of neuron.c, bit for bit. */
#include "network.h"

#include "terms.h"
#include "text_util.h"
#include "vexp_inline.h"

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
 * exponential inlined with vexp's bits), the outputs and deltas, then the
 * per-sample gradients turned sample-major (one lane per hidden unit) and
 * added to the sums, every parameter's sum in sample order: the sums of
 * the hidden units run side by side in the lanes. */
#define CHUNK 64
#define LANES NETWORK_HIDDEN_MAX

/* sigmoid(z) = 1 / (1 + e^-z): vexp_sigmoid's bits. */
static inline __attribute__((always_inline)) double sigmoid_inline(double z)
{
    return 1.0 / (1.0 + exp_inline(-z));
}

/* The running sums, one lane per hidden unit: row i < N unit j's weight
 * V_ji in lane j, row N its bias c_j, row N + 1 the output weight w_j, then
 * rows that make the count a multiple of ROWS (never read); the output
 * bias alone. */
#define ROWS 4
struct lane_sums {
    double row[(TERMS_MAX + 2 + ROWS - 1) / ROWS * ROWS][LANES];
    double bias;
};

/* Adds the per-sample gradients of count samples to rows r0 .. r0+ROWS-1
 * of s, sample by sample: row r0 + q gets src[q][k][j] * factor[q][k] for
 * sample k (the factor 1 for the biases: the same bits as no product).
 * The ROWS x LANES sums stay in registers over the chunk. */
static inline __attribute__((always_inline)) void
lane_rows_add(struct lane_sums *s, size_t r0, size_t count,
              const double (*const src[ROWS])[LANES], const double *const factor[ROWS])
{
    /* Four rows written out, so that the compiler keeps them in registers. */
    double a0[LANES], a1[LANES], a2[LANES], a3[LANES];
    const double (*s0)[LANES] = src[0], (*s1)[LANES] = src[1];
    const double (*s2)[LANES] = src[2], (*s3)[LANES] = src[3];
    const double *f0 = factor[0], *f1 = factor[1], *f2 = factor[2], *f3 = factor[3];
    for (size_t j = 0; j < LANES; j++) {
        a0[j] = s->row[r0][j];
        a1[j] = s->row[r0 + 1][j];
        a2[j] = s->row[r0 + 2][j];
        a3[j] = s->row[r0 + 3][j];
    }
    for (size_t k = 0; k < count; k++)
        for (size_t j = 0; j < LANES; j++) {
            a0[j] += s0[k][j] * f0[k];
            a1[j] += s1[k][j] * f1[k];
            a2[j] += s2[k][j] * f2[k];
            a3[j] += s3[k][j] * f3[k];
        }
    for (size_t j = 0; j < LANES; j++) {
        s->row[r0][j] = a0[j];
        s->row[r0 + 1][j] = a1[j];
        s->row[r0 + 2][j] = a2[j];
        s->row[r0 + 3][j] = a3[j];
    }
}

/* Adds a chunk's per-sample gradients to s: dj[k][j] = delta_j and
 * dw[k][j] = delta h_j of sample k, x[i][k] its features, delta[k] its
 * delta; ones and zeros are CHUNK 1s and 0s. */
static inline __attribute__((always_inline)) void
lane_sums_add(struct lane_sums *s, size_t nf, size_t count, const double (*x)[CHUNK],
              const double (*dj)[LANES], const double (*dw)[LANES],
              const double *delta, const double *ones, const double *zeros)
{
    for (size_t r0 = 0; r0 < nf + 2; r0 += ROWS) {
        const double (*src[ROWS])[LANES];
        const double *factor[ROWS];
        for (size_t q = 0; q < ROWS; q++) {
            size_t r = r0 + q;
            src[q] = r == nf + 1 ? dw : dj;
            factor[q] = r < nf ? x[r] : r < nf + 2 ? ones : zeros;
        }
        lane_rows_add(s, r0, count, src, factor);
    }
    for (size_t k = 0; k < count; k++)
        s->bias += delta[k];
}

static inline __attribute__((always_inline)) double
batch_sums(const double *theta, size_t hidden, enum hidden_activation g,
           enum activation act, enum loss loss, const struct batch_n *b, double *sum)
{
    size_t nf = b->nfeatures;
    const double *w = theta + network_output_offset(nf, hidden);
    double *gw = sum + network_output_offset(nf, hidden);
    double x[TERMS_MAX][CHUNK]; /* nfeatures <= TERMS_MAX (dataset.c) */
    /* Units j >= hidden stay 0 in every lane below: their sums are 0. */
    double u[LANES][CHUNK] = {{0}}, h[LANES][CHUNK] = {{0}};
    double dj[CHUNK][LANES], dw[CHUNK][LANES];
    double y[CHUNK], z[CHUNK], a[CHUNK], delta[CHUNK];
    double wl[LANES] = {0}, ones[CHUNK], zeros[CHUNK];
    struct lane_sums s;
    double cost = 0.0;
    for (size_t j = 0; j < hidden; j++)
        wl[j] = w[j];
    for (size_t k = 0; k < CHUNK; k++) {
        ones[k] = 1.0;
        zeros[k] = 0.0;
    }
    for (size_t i = 0; i < (nf + 2 + ROWS - 1) / ROWS * ROWS; i++)
        for (size_t j = 0; j < LANES; j++)
            s.row[i][j] = 0.0;
    s.bias = 0.0;
    for (size_t start = b->from; start < b->to; start += CHUNK) {
        size_t count = b->to - start < CHUNK ? b->to - start : CHUNK;
        const size_t *order = b->order ? b->order + start : NULL;
        /* Two loops, not one with order ? :, which would be vectorised
         * with masked loads of order (slow on some CPUs when order is NULL). */
        for (size_t i = 0; i < nf; i++) {
            const double *col = b->x + i * b->stride;
            if (order)
                for (size_t k = 0; k < count; k++)
                    x[i][k] = col[order[k]];
            else
                for (size_t k = 0; k < count; k++)
                    x[i][k] = col[start + k];
        }
        if (order)
            for (size_t k = 0; k < count; k++)
                y[k] = b->y[order[k]];
        else
            for (size_t k = 0; k < count; k++)
                y[k] = b->y[start + k];
        for (size_t j = 0; j < hidden; j++) {
            const double *v = theta + network_unit_offset(nf, j);
            if (nf > 0)
                for (size_t k = 0; k < count; k++)
                    u[j][k] = v[0] * x[0][k];
            else
                for (size_t k = 0; k < count; k++)
                    u[j][k] = 0.0;
            for (size_t i = 1; i < nf; i++)
                for (size_t k = 0; k < count; k++)
                    u[j][k] += v[i] * x[i][k];
            for (size_t k = 0; k < count; k++)
                u[j][k] += v[nf];
            switch (g) {
            case HIDDEN_TANH:
                for (size_t k = 0; k < count; k++)
                    h[j][k] = tanh_of_sigmoid(sigmoid_inline(2.0 * u[j][k]));
                break;
            case HIDDEN_SIGMOID:
                for (size_t k = 0; k < count; k++)
                    h[j][k] = sigmoid_inline(u[j][k]);
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
            for (size_t k = 0; k < count; k++)
                a[k] = sigmoid_inline(z[k]);
        else
            for (size_t k = 0; k < count; k++)
                a[k] = activation_value(act, z[k]);
        for (size_t k = 0; k < count; k++) {
            double da_dz = act == ACT_SIGMOID ? a[k] * (1.0 - a[k])
                                              : activation_derivative(act, z[k]);
            delta[k] = loss_derivative(loss, a[k], y[k]) * da_dz;
            cost += loss_value(loss, a[k], y[k]);
        }
        /* Sample-major, one lane per unit: delta_j = delta w_j g'(u_j)
         * and delta h_j (0 in the lanes past hidden, where w_j is 0). */
        for (size_t k = 0; k < count; k++)
            for (size_t j = 0; j < LANES; j++) {
                double hj = h[j][k];
                dj[k][j] = delta[k] * wl[j] * derivative_from(g, u[j][k], hj);
                dw[k][j] = delta[k] * hj;
            }
        lane_sums_add(&s, nf, count, (const double (*)[CHUNK])x, (const double (*)[LANES])dj,
                      (const double (*)[LANES])dw, delta, ones, zeros);
    }
    for (size_t j = 0; j < hidden; j++) {
        double *gv = sum + network_unit_offset(nf, j);
        for (size_t i = 0; i <= nf; i++)
            gv[i] = s.row[i][j];
        gw[j] = s.row[nf + 1][j];
    }
    gw[hidden] = s.bias;
    return cost;
}

#define NETWORK_CASE(G, ACT, LOSS)                                               \
    case ((int)(G) * ACT_COUNT + (int)(ACT)) * LOSS_COUNT + (int)(LOSS):          \
        return batch_sums(theta, hidden, G, ACT, LOSS, batch, sum);

#define NETWORK_CASES_LOSS(G, ACT)                                               \
    NETWORK_CASE(G, ACT, LOSS_MSE)                                               \
    NETWORK_CASE(G, ACT, LOSS_MAE)                                               \
    NETWORK_CASE(G, ACT, LOSS_BCE)

#define NETWORK_CASES_ACT(G)                                                     \
    NETWORK_CASES_LOSS(G, ACT_SIGMOID)                                           \
    NETWORK_CASES_LOSS(G, ACT_LINEAR)                                            \
    NETWORK_CASES_LOSS(G, ACT_RELU)                                              \
    NETWORK_CASES_LOSS(G, ACT_STEP)

/* Built like vexp.c's loops (a static function: see vexp.c on exported
 * clones), with an AVX-512 clone too where VEXP_CLONES clones: eight
 * lanes, one per hidden unit, in one register; no FMA contraction in any
 * clone, so every clone gives the same bits. */
#if defined(__x86_64__) && defined(__ELF__) && defined(__GLIBC__) \
    && defined(__has_attribute)
#if __has_attribute(target_clones) \
    && (!defined(__clang__) || __clang_major__ >= 14)
#define NETWORK_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))
#endif
#endif
#ifndef NETWORK_CLONES
#define NETWORK_CLONES
#endif

/* Each combination is its own loop, the activations and the loss known
 * at compile time. */
NETWORK_CLONES
static double batch_dispatch(const double *theta, size_t hidden,
                             enum hidden_activation g, enum activation act,
                             enum loss loss, const struct batch_n *batch,
                             double *sum)
{
    switch (((int)g * ACT_COUNT + (int)act) * LOSS_COUNT + (int)loss) {
    NETWORK_CASES_ACT(HIDDEN_TANH)
    NETWORK_CASES_ACT(HIDDEN_SIGMOID)
    NETWORK_CASES_ACT(HIDDEN_RELU)
    NETWORK_CASES_ACT(HIDDEN_LINEAR)
    default:
        return batch_sums(theta, hidden, g, act, loss, batch, sum);
    }
}

double network_batch_gradient(const double *theta, size_t hidden,
                              enum hidden_activation g, enum activation act,
                              enum loss loss, const struct batch_n *batch,
                              double *sum)
{
    if (hidden == 0 || hidden > NETWORK_HIDDEN_MAX)
        return neuron_batch_gradient_n(theta, act, loss, batch, sum);
    return batch_dispatch(theta, hidden, g, act, loss, batch, sum);
}
