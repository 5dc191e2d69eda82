/* view_cache.c - the numbers the screen shows at the current weights,
 * computed once per weights and settings, over a bounded sample of the
 * rows while training runs on large data (see view_cache.h). */
#include "view_cache.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "network.h"
#include "terms.h"

struct view_cache *view_cache_new(void)
{
    return calloc(1, sizeof(struct view_cache));
}

void view_cache_free(struct view_cache *vc)
{
    if (vc == NULL)
        return;
    scatter_raster_free(&vc->raster);
    free(vc->sample);
    free(vc);
}

static void exact_numbers(const struct trainer *t, struct view_numbers *out)
{
    out->cost = trainer_evaluate(t, out->gradient);
    out->score = t->data->regression ? trainer_r2(t) : trainer_accuracy(t);
    out->rows = t->data->n;
}

/* The output at training row i. */
static double output_of(const struct trainer *t, size_t i)
{
    double features[TERMS_MAX];
    dataset_features_of(t->data, i, features);
    return network_output(t->theta, t->data->nfeatures, t->config.hidden,
                          t->config.hidden_activation, t->config.activation, features,
                          NULL);
}

/* The numbers over the m rows of sample (each summed in sample order). */
static void sampled_numbers(const struct trainer *t, const sample_index *sample,
                            size_t m, struct view_numbers *out)
{
    const struct dataset *d = t->data;
    struct batch_n b = {d->x, d->nfeatures, d->y, sample, 0, m};
    double sum[LANDSCAPE_PARAMS_MAX];
    out->cost = network_batch_gradient(t->theta, t->config.hidden,
                                       t->config.hidden_activation, t->config.activation,
                                       t->config.loss, &b, sum) / (double)m;
    for (size_t k = 0; k < t->nparams; k++)
        out->gradient[k] = sum[k] / (double)m;
    if (d->regression) {
        double mean = 0.0, ss_res = 0.0, ss_tot = 0.0;
        for (size_t i = 0; i < m; i++)
            mean += d->y[sample[i]];
        mean /= (double)m;
        for (size_t i = 0; i < m; i++) {
            double y = d->y[sample[i]], r = y - output_of(t, sample[i]), c = y - mean;
            ss_res += r * r;
            ss_tot += c * c;
        }
        out->score = ss_tot > 0.0 ? 1.0 - ss_res / ss_tot : NAN;
    } else {
        size_t right = 0;
        for (size_t i = 0; i < m; i++)
            right += (output_of(t, sample[i]) >= 0.5) == (d->y[sample[i]] >= 0.5);
        out->score = (double)right / (double)m;
    }
    out->rows = m;
}

static bool same_inputs(const struct view_cache *vc, const struct trainer *t)
{
    if (!(vc->valid && vc->data == t->data && vc->n == t->data->n &&
          vc->nparams == t->nparams && vc->activation == t->config.activation &&
          vc->loss == t->config.loss && vc->hidden == t->config.hidden &&
          vc->hidden_activation == t->config.hidden_activation))
        return false;
    return memcmp(vc->theta, t->theta, t->nparams * sizeof *t->theta) == 0;
}

const struct view_numbers *view_cache_numbers(struct view_cache *vc,
                                              const struct trainer *t,
                                              struct view_numbers *scratch)
{
    size_t n = t->data->n;
    if (t->nparams > LANDSCAPE_PARAMS_MAX) { /* never: TERMS_MAX + 1 */
        scratch->cost = scratch->score = NAN;
        for (size_t k = 0; k < LANDSCAPE_PARAMS_MAX; k++)
            scratch->gradient[k] = NAN;
        scratch->rows = n;
        return scratch;
    }
    if (vc == NULL) {
        exact_numbers(t, scratch);
        return scratch;
    }
    bool sampled = n > VIEW_EXACT_MAX;
    if (same_inputs(vc, t))
        return &vc->numbers;
    if (sampled && vc->sample == NULL)
        vc->sample = malloc(VIEW_EXACT_MAX * sizeof *vc->sample);
    if (sampled && vc->sample != NULL) {
        /* evenly spread rows: i * n / m, without overflow for any n */
        size_t m = VIEW_EXACT_MAX, q = n / m, r = n % m;
        for (size_t i = 0; i < m; i++)
            vc->sample[i] = (sample_index)(i * q + (i * r) / m);
        sampled_numbers(t, vc->sample, m, &vc->numbers);
    } else {
        exact_numbers(t, &vc->numbers);
    }
    vc->passes++;
    vc->data = t->data;
    vc->n = n;
    vc->nparams = t->nparams;
    vc->activation = t->config.activation;
    vc->loss = t->config.loss;
    vc->hidden = t->config.hidden;
    vc->hidden_activation = t->config.hidden_activation;
    memcpy(vc->theta, t->theta, t->nparams * sizeof *t->theta);
    vc->valid = true;
    return &vc->numbers;
}
