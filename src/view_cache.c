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
    free(vc->gathered);
    free(vc);
}

static void exact_numbers(const struct trainer *t, struct view_numbers *out)
{
    out->cost = trainer_evaluate(t, out->gradient);
    out->score = t->data->regression ? trainer_r2(t) : trainer_accuracy(t);
    out->rows = t->data->n;
}

/* A fingerprint of d's training columns (features and targets). */
static uint64_t data_print(const struct dataset *d)
{
    uint64_t h = scatter_fingerprint(d->y, d->n);
    for (size_t k = 0; k < d->nfeatures; k++)
        h = (h << 1 | h >> 63) ^ scatter_fingerprint(d->x[k], d->n);
    return h;
}

/* The sample's rows in vc->gathered, copied again when the data changed;
 * false when out of memory (the rows are then read in place). */
static bool gather(struct view_cache *vc, const struct dataset *d, size_t m)
{
    uint64_t print = data_print(d);
    if (vc->gathered && vc->gathered_data == d && vc->gathered_n == d->n &&
        vc->gathered_nf == d->nfeatures && vc->gathered_print == print)
        return true;
    free(vc->gathered);
    vc->gathered = malloc((d->nfeatures + 1) * m * sizeof *vc->gathered);
    if (vc->gathered == NULL)
        return false;
    for (size_t k = 0; k <= d->nfeatures; k++) {
        const double *from = k < d->nfeatures ? d->x[k] : d->y;
        double *to = vc->gathered + k * m;
        for (size_t i = 0; i < m; i++)
            to[i] = from[vc->sample[i]];
    }
    vc->gathered_data = d;
    vc->gathered_n = d->n;
    vc->gathered_nf = d->nfeatures;
    vc->gathered_print = print;
    return true;
}

/* The numbers over the m rows of vc's sample (each summed in sample
 * order), read from the gathered copy when there is one. */
static void sampled_numbers(struct view_cache *vc, const struct trainer *t, size_t m,
                            struct view_numbers *out)
{
    const struct dataset *d = t->data;
    const sample_index *sample = vc->sample;
    bool dense = gather(vc, d, m);
    double *x[TERMS_MAX]; /* the columns read: the gathered copy or d's */
    for (size_t k = 0; k < d->nfeatures && k < TERMS_MAX; k++)
        x[k] = dense ? vc->gathered + k * m : d->x[k];
    const double *y = dense ? vc->gathered + d->nfeatures * m : d->y;
    struct batch_n b = {x, d->nfeatures, y, dense ? NULL : sample, 0, m};
    double sum[LANDSCAPE_PARAMS_MAX];
    out->cost = network_batch_gradient(t->theta, t->config.hidden,
                                       t->config.hidden_activation, t->config.activation,
                                       t->config.loss, &b, sum) / (double)m;
    for (size_t k = 0; k < t->nparams; k++)
        out->gradient[k] = sum[k] / (double)m;
    double features[TERMS_MAX];
    if (d->regression) {
        double mean = 0.0, ss_res = 0.0, ss_tot = 0.0;
        for (size_t i = 0; i < m; i++)
            mean += y[dense ? i : sample[i]];
        mean /= (double)m;
        for (size_t i = 0; i < m; i++) {
            size_t row = dense ? i : sample[i];
            for (size_t k = 0; k < d->nfeatures; k++)
                features[k] = x[k][row];
            double out_i = network_output(t->theta, d->nfeatures, t->config.hidden,
                                          t->config.hidden_activation,
                                          t->config.activation, features, NULL);
            double r = y[row] - out_i, c = y[row] - mean;
            ss_res += r * r;
            ss_tot += c * c;
        }
        out->score = ss_tot > 0.0 ? 1.0 - ss_res / ss_tot : NAN;
    } else {
        size_t right = 0;
        for (size_t i = 0; i < m; i++) {
            size_t row = dense ? i : sample[i];
            for (size_t k = 0; k < d->nfeatures; k++)
                features[k] = x[k][row];
            double a = network_output(t->theta, d->nfeatures, t->config.hidden,
                                      t->config.hidden_activation, t->config.activation,
                                      features, NULL);
            right += (a >= 0.5) == (y[row] >= 0.5);
        }
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
        sampled_numbers(vc, t, m, &vc->numbers);
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
