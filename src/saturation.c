/* saturation.c - the vanishing-gradient check of saturation.h: the last
 * update's gradient, then (only when it is tiny) a bounded look at the
 * samples' activations. */
#include "saturation.h"

#include <math.h>
#include <string.h>

/* Whether the activation is flat at z (its slope has vanished). */
static bool flat_at(enum activation act, double z)
{
    if (act == ACT_RELU)
        return !(z > 0.0);
    double a = activation_value(act, z);
    return a < SATURATION_SIGMOID || a > 1.0 - SATURATION_SIGMOID;
}

bool saturation_stuck(const struct trainer *t, struct saturation *out)
{
    struct saturation s;
    memset(&s, 0, sizeof s);
    if (out)
        *out = s;
    const struct dataset *d = t->data;
    enum activation act = t->config.activation;
    if ((act != ACT_SIGMOID && act != ACT_RELU) || d->n == 0
        || (t->epoch == 0 && t->next == 0))
        return false;
    for (size_t k = 0; k < t->nparams; k++)
        if (!(fabs(t->gradient[k]) < SATURATION_GRADIENT))
            return false;
    size_t count = d->n < SATURATION_SAMPLES ? d->n : SATURATION_SAMPLES;
    double features[DATASET_COLUMNS_MAX + 1];
    if (d->nfeatures > DATASET_COLUMNS_MAX + 1)
        return false;
    for (size_t j = 0; j < count; j++) {
        size_t i = count == d->n ? j : (size_t)((double)j * (double)d->n / (double)count);
        dataset_features_of(d, i, features);
        double z = neuron_sum(t->theta, d->nfeatures, features);
        if (flat_at(act, z))
            s.saturated++;
        if (!d->regression && (activation_value(act, z) >= 0.5) != (d->y[i] >= 0.5))
            s.wrong++;
        s.checked++;
    }
    if (out)
        *out = s;
    return (double)s.saturated >= SATURATION_SHARE * (double)s.checked
           && (d->regression || s.wrong > 0);
}
