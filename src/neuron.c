/* neuron.c - activations, losses and one sample's gradient by the chain
 * rule dC/dw = dC/da * da/dz * dz/dw, as in both seed articles. */
#include "neuron.h"

#include <math.h>
#include <strings.h>

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
    for (int i = 0; i < ACT_COUNT; i++) {
        if (strcasecmp(name, activation_names[i]) == 0) {
            *out = (enum activation)i;
            return true;
        }
    }
    return false;
}

static double sigmoid(double z)
{
    return 1.0 / (1.0 + exp(-z));
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
    for (int i = 0; i < LOSS_COUNT; i++) {
        if (strcasecmp(name, loss_names[i]) == 0) {
            *out = (enum loss)i;
            return true;
        }
    }
    return false;
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

double neuron_sample_gradient(const struct neuron *n, enum activation act,
                              enum loss loss, double x1, double x2, double y,
                              struct gradient *g)
{
    double z = neuron_weighted_sum(n, x1, x2);
    double a = activation_value(act, z);
    /* For the sigmoid, a*(1-a) is sigmoid'(z) without a second exp. */
    double da_dz = act == ACT_SIGMOID ? a * (1.0 - a) : activation_derivative(act, z);
    double delta = loss_derivative(loss, a, y) * da_dz;
    g->dw1 = delta * x1;
    g->dw2 = delta * x2;
    g->db = delta;
    return loss_value(loss, a, y);
}
