/* trainer_metrics.c - what the views read of a trainer at its current
 * weights: the output at a sample or a point of the plane, accuracy and
 * r2 over the training and the held-out samples, a hidden unit's
 * activation, the parameters' names and the two-input view of the
 * parameters and the gradient. Read-only (const struct trainer). */
#include "trainer.h"

#include "terms.h"

#include <math.h>

/* The output at sample i (any of the stride samples). */
static double output_of(const struct trainer *t, size_t i)
{
    const struct dataset *d = t->data;
    if (t->config.hidden > 0) {
        double x[TERMS_MAX];
        for (size_t j = 0; j < d->nfeatures && j < TERMS_MAX; j++)
            x[j] = d->x[j][i];
        return network_output(t->theta, d->nfeatures, t->config.hidden,
                              t->config.hidden_activation, t->config.activation, x, NULL);
    }
    if (d->nfeatures == 2) /* the original forward pass, bit for bit */
        return activation_value(t->config.activation,
                                t->theta[0] * d->x[0][i] + t->theta[1] * d->x[1][i]
                                    + t->theta[2]);
    double z = 0.0;
    for (size_t j = 0; j < d->nfeatures; j++)
        z = j == 0 ? t->theta[0] * d->x[0][i] : z + t->theta[j] * d->x[j][i];
    return activation_value(t->config.activation, z + t->theta[d->nfeatures]);
}

/* Fraction of samples from..to classified right. */
static double accuracy_over(const struct trainer *t, size_t from, size_t to)
{
    size_t right = 0;
    for (size_t i = from; i < to; i++) {
        double predicted = output_of(t, i) >= 0.5 ? 1.0 : 0.0;
        if (predicted == t->data->y[i])
            right++;
    }
    return to > from ? (double)right / (double)(to - from) : 0.0;
}

double trainer_accuracy(const struct trainer *t)
{
    return accuracy_over(t, 0, t->data->n);
}

double trainer_test_accuracy(const struct trainer *t)
{
    const struct dataset *d = t->data;
    if (d->n_test == 0)
        return NAN;
    return accuracy_over(t, d->n, d->n + d->n_test);
}

/* 1 - SS_res / SS_tot over samples from..to. */
static double r2_over(const struct trainer *t, size_t from, size_t to)
{
    const struct dataset *d = t->data;
    if (to <= from)
        return NAN;
    double mean = 0.0;
    for (size_t i = from; i < to; i++)
        mean += d->y[i];
    mean /= (double)(to - from);
    double ss_res = 0.0, ss_tot = 0.0;
    for (size_t i = from; i < to; i++) {
        double r = d->y[i] - output_of(t, i), c = d->y[i] - mean;
        ss_res += r * r;
        ss_tot += c * c;
    }
    return ss_tot > 0.0 ? 1.0 - ss_res / ss_tot : NAN;
}

double trainer_r2(const struct trainer *t)
{
    return r2_over(t, 0, t->data->n);
}

double trainer_test_r2(const struct trainer *t)
{
    const struct dataset *d = t->data;
    return d->n_test ? r2_over(t, d->n, d->n + d->n_test) : NAN;
}

double trainer_output_at(const struct trainer *t, double x, double y)
{
    double features[DATASET_COLUMNS_MAX + 1];
    const struct dataset *d = t->data;
    if (d->nfeatures > DATASET_COLUMNS_MAX + 1)
        return NAN;
    dataset_features_at(d, x, y, features);
    return network_output(t->theta, d->nfeatures, t->config.hidden,
                          t->config.hidden_activation, t->config.activation, features, NULL);
}

void trainer_param_name(const struct trainer *t, size_t k, char *buf, size_t size)
{
    network_param_name(t->data->nfeatures, t->config.hidden, k, buf, size);
}

double trainer_unit_at(const struct trainer *t, size_t j, double x, double y)
{
    double features[DATASET_COLUMNS_MAX + 1];
    const struct dataset *d = t->data;
    if (j >= t->config.hidden || d->nfeatures > DATASET_COLUMNS_MAX + 1)
        return NAN;
    dataset_features_at(d, x, y, features);
    return hidden_activation_value(t->config.hidden_activation,
                                   network_unit_sum(t->theta, d->nfeatures, j, features));
}

struct neuron neuron_two_of(const double *theta, size_t nparams)
{
    struct neuron n = {theta[0], nparams > 2 ? theta[1] : 0.0, theta[nparams - 1]};
    return n;
}

struct gradient gradient_two_of(const double *g, size_t nparams)
{
    struct gradient two = {g[0], nparams > 2 ? g[1] : 0.0, g[nparams - 1]};
    return two;
}
