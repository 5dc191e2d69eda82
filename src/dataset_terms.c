/* dataset_terms.c - the parts of a dataset that come with N inputs: which
 * rows a test split holds out, and the neuron's inputs at a point of the
 * plotted plane (what the screen draws the boundary and regions from). */
#include "dataset.h"

#include "rng.h"
#include "terms.h"

#include <math.h>
#include <stdlib.h>

bool dataset_split_rows(size_t n, double f, uint64_t seed, bool *held,
                        size_t *count)
{
    size_t k = (size_t)floor(f * (double)n + 0.5);
    if (k > n)
        k = n;
    sample_index *order = malloc((n ? n : 1) * sizeof *order);
    if (order == NULL)
        return false;
    for (size_t i = 0; i < n; i++) {
        order[i] = (sample_index)i;
        held[i] = false;
    }
    struct rng r;
    rng_seed(&r, seed ^ DATASET_SPLIT_STREAM);
    rng_permute(&r, order, n);
    for (size_t i = 0; i < k; i++)
        held[order[i]] = true;
    free(order);
    *count = k;
    return true;
}

void dataset_features_of(const struct dataset *d, size_t i, double *features)
{
    for (size_t j = 0; j < d->nfeatures; j++)
        features[j] = d->x[j][i];
}

/* v scaled as the training data was: (v - mean) / sd. */
static double scaled(double v, double mean, double sd)
{
    return sd > 0 ? (v - mean) / sd : v - mean;
}

void dataset_features_at(const struct dataset *d, double x, double y,
                         double *features)
{
    if (d->terms == NULL) { /* the features are the plotted columns */
        features[0] = x;
        if (d->nfeatures > 1)
            features[1] = y;
        return;
    }
    double raw[2] = {x, y};
    if (d->standardized)
        for (int k = 0; k < 2; k++)
            raw[k] = d->sd[k] > 0 ? raw[k] * d->sd[k] + d->mean[k] : raw[k];
    double row[DATASET_COLUMNS_MAX * 4];
    double *values = d->ncolumns <= sizeof row / sizeof row[0]
                         ? row : malloc(d->ncolumns * sizeof *values);
    if (values == NULL) {
        for (size_t j = 0; j < d->nfeatures; j++)
            features[j] = NAN;
        return;
    }
    for (size_t c = 0; c < d->ncolumns; c++)
        values[c] = d->column_mean[c];
    values[d->plot_column[0]] = raw[0];
    values[d->plot_column[1]] = raw[1];
    if (d->plot_column[1] == d->plot_column[0])
        values[d->plot_column[0]] = raw[0];
    for (size_t j = 0; j < d->nfeatures; j++) {
        double v = term_value(&d->terms->term[j], values);
        features[j] = d->standardized ? scaled(v, d->term_mean[j], d->term_sd[j]) : v;
    }
    if (values != row)
        free(values);
}
