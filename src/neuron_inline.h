/* neuron_inline.h - one sample's activation, loss and chain rule as
 * always-inline functions, shared by neuron.c (the public per-sample
 * functions) and neuron_lanes.c (the batch sums, where act and loss are
 * known at compile time and the switches fold away). Internal to src/:
 * the public interface is neuron.h. */
#ifndef DESCENT_NEURON_INLINE_H
#define DESCENT_NEURON_INLINE_H

#include "neuron.h"
#include "vexp_inline.h"

#include <math.h>

#define NEURON_INLINE static inline __attribute__((always_inline))

/* BCE clamps a into [BCE_EPS, 1 - BCE_EPS] so ln never sees 0. */
#define BCE_EPS 1e-12

NEURON_INLINE double sigmoid_inline(double z)
{
    return 1.0 / (1.0 + exp_inline(-z)); /* the bits of vexp_sigmoid */
}

NEURON_INLINE double activation_value_inline(enum activation act, double z)
{
    switch (act) {
    case ACT_SIGMOID: return sigmoid_inline(z);
    case ACT_LINEAR: return z;
    case ACT_RELU: return z > 0 ? z : 0.0;
    case ACT_STEP: return z >= 0 ? 1.0 : 0.0;
    default: return NAN;
    }
}

NEURON_INLINE double activation_derivative_inline(enum activation act, double z)
{
    switch (act) {
    case ACT_SIGMOID: {
        double s = sigmoid_inline(z);
        return s * (1.0 - s);
    }
    case ACT_LINEAR: return 1.0;
    case ACT_RELU: return z > 0 ? 1.0 : 0.0;
    case ACT_STEP: return 0.0;
    default: return NAN;
    }
}

NEURON_INLINE double clamp_probability(double a)
{
    if (a < BCE_EPS)
        return BCE_EPS;
    if (a > 1.0 - BCE_EPS)
        return 1.0 - BCE_EPS;
    return a; /* NaN passes through: divergence must stay visible */
}

NEURON_INLINE double loss_value_inline(enum loss loss, double a, double y)
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

NEURON_INLINE double loss_derivative_inline(enum loss loss, double a, double y)
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

/* The per-sample chain rule: a and dC/dz (*delta) from z; returns the
 * sample's cost. For the sigmoid, a*(1-a) is sigmoid'(z) without a
 * second exp. */
NEURON_INLINE double sample_terms(enum activation act, enum loss loss, double z,
                                  double y, double *delta)
{
    double a = activation_value_inline(act, z);
    double da_dz = act == ACT_SIGMOID ? a * (1.0 - a)
                                      : activation_derivative_inline(act, z);
    *delta = loss_derivative_inline(loss, a, y) * da_dz;
    return loss_value_inline(loss, a, y);
}

/* The lanes' fixed tree: ((l0 + l1) + (l2 + l3)) + ((l4 + l5) + (l6 + l7)). */
NEURON_INLINE double lanes_total(const double *l)
{
    return ((l[0] + l[1]) + (l[2] + l[3])) + ((l[4] + l[5]) + (l[6] + l[7]));
}

#endif
