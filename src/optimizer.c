/* optimizer.c - the six update rules of optimizer.h, written as the
 * README writes them, one loop over the parameters each. */
#include "optimizer.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const names[OPTIMIZER_COUNT] = {
    "sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam",
};

struct optimizer_params optimizer_params_default(void)
{
    return (struct optimizer_params){OPTIMIZER_SGD, 0.9, 0.99, 0.9, 0.999, 1e-8};
}

bool optimizer_alloc(struct optimizer *o, const struct optimizer_params *p,
                     size_t count)
{
    memset(o, 0, sizeof *o);
    o->params = *p;
    o->count = count;
    o->owned = true;
    o->first = calloc(count ? count : 1, sizeof *o->first);
    o->second = calloc(count ? count : 1, sizeof *o->second);
    if (!o->first || !o->second) {
        optimizer_free(o);
        return false;
    }
    return true;
}

void optimizer_bind(struct optimizer *o, const struct optimizer_params *p,
                    size_t count, double *first, double *second, uint64_t t)
{
    memset(o, 0, sizeof *o);
    o->params = *p;
    o->count = count;
    o->first = first;
    o->second = second;
    o->t = t;
}

void optimizer_free(struct optimizer *o)
{
    if (o->owned) {
        free(o->first);
        free(o->second);
    }
    o->first = o->second = NULL;
    o->count = 0;
}

void optimizer_reset(struct optimizer *o)
{
    for (size_t i = 0; i < o->count; i++)
        o->first[i] = o->second[i] = 0.0;
    o->t = 0;
    o->step_size = 0.0;
}

void optimizer_step(struct optimizer *o, double *theta, const double *g,
                    double lr, double *step)
{
    const struct optimizer_params *p = &o->params;
    double *a = o->first, *b = o->second;
    double length = 0.0;
    o->t++;
    /* adam's bias corrections, once per update (only adam pays for them) */
    double c1 = 1.0, c2 = 1.0;
    if (p->kind == OPTIMIZER_ADAM) {
        c1 = 1.0 - pow(p->beta1, (double)o->t);
        c2 = 1.0 - pow(p->beta2, (double)o->t);
    }
    for (size_t i = 0; i < o->count; i++) {
        double old = theta[i], gi = g[i];
        switch (p->kind) {
        case OPTIMIZER_SGD:
            theta[i] = theta[i] - lr * gi;
            break;
        case OPTIMIZER_MOMENTUM:
            a[i] = p->momentum * a[i] + gi;
            theta[i] = theta[i] - lr * a[i];
            break;
        case OPTIMIZER_NESTEROV:
            a[i] = p->momentum * a[i] + gi;
            theta[i] = theta[i] - lr * (gi + p->momentum * a[i]);
            break;
        case OPTIMIZER_ADAGRAD:
            a[i] = a[i] + gi * gi;
            theta[i] = theta[i] - lr * gi / (sqrt(a[i]) + p->eps);
            break;
        case OPTIMIZER_RMSPROP:
            a[i] = p->rho * a[i] + (1.0 - p->rho) * (gi * gi);
            theta[i] = theta[i] - lr * gi / (sqrt(a[i]) + p->eps);
            break;
        case OPTIMIZER_ADAM:
        case OPTIMIZER_COUNT:
            a[i] = p->beta1 * a[i] + (1.0 - p->beta1) * gi;
            b[i] = p->beta2 * b[i] + (1.0 - p->beta2) * (gi * gi);
            theta[i] = theta[i] - lr * (a[i] / c1) / (sqrt(b[i] / c2) + p->eps);
            break;
        }
        double d = theta[i] - old;
        if (step)
            step[i] = d;
        length += d * d;
    }
    o->step_size = sqrt(length);
}

const char *optimizer_name(enum optimizer_kind k)
{
    return (unsigned)k < OPTIMIZER_COUNT ? names[k] : "?";
}

bool optimizer_parse(const char *name, enum optimizer_kind *k)
{
    for (int i = 0; i < OPTIMIZER_COUNT; i++)
        if (strcmp(name, names[i]) == 0) {
            *k = (enum optimizer_kind)i;
            return true;
        }
    return false;
}

const char *optimizer_names(void)
{
    return "sgd, momentum, nesterov, adagrad, rmsprop, adam";
}
