/* optimizer.h - the update rules that turn a gradient into a step: sgd,
 * momentum, nesterov, adagrad, rmsprop and adam, elementwise over P
 * parameters theta with the batch-mean gradient g, in double, in the
 * order the README writes them. The state (velocity, squared-gradient
 * averages, the step count) starts at zero; the caller owns theta and g.
 * Pure: no I/O, no terminal. */
#ifndef DESCENT_OPTIMIZER_H
#define DESCENT_OPTIMIZER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum optimizer_kind {
    OPTIMIZER_SGD, OPTIMIZER_MOMENTUM, OPTIMIZER_NESTEROV, OPTIMIZER_ADAGRAD,
    OPTIMIZER_RMSPROP, OPTIMIZER_ADAM, OPTIMIZER_COUNT
};

/* The rule and its constants (README: "Optimizers"). */
struct optimizer_params {
    enum optimizer_kind kind;
    double momentum;      /* beta of momentum and nesterov, in [0, 1) */
    double rho;           /* rmsprop's decay, in [0, 1) */
    double beta1, beta2;  /* adam's decays, in [0, 1) */
    double eps;           /* > 0, added to the square root */
};

/* One optimizer over count parameters. first and second are count values
 * each: velocity v (momentum, nesterov), the sum or average s of g^2
 * (adagrad, rmsprop), or adam's m (first) and v (second). */
struct optimizer {
    struct optimizer_params params;
    size_t count;
    double *first, *second;
    uint64_t t;           /* updates since the reset (adam's t) */
    double step_size;     /* the Euclidean length of the last step taken */
    bool owned;           /* first/second allocated by optimizer_alloc */
};

/* The defaults: sgd, momentum 0.9, rho 0.99, beta1 0.9, beta2 0.999,
 * eps 1e-8. */
struct optimizer_params optimizer_params_default(void);

/* Allocates zeroed state for count parameters. false when out of memory
 * (o is then safe to free). */
bool optimizer_alloc(struct optimizer *o, const struct optimizer_params *p,
                     size_t count);
/* Uses the caller's arrays first and second (count values each) as the
 * state, keeping their values (t and step_size are given too): for a
 * state kept in a struct that may be copied. Never free()d. */
void optimizer_bind(struct optimizer *o, const struct optimizer_params *p,
                    size_t count, double *first, double *second, uint64_t t);
/* Frees what optimizer_alloc allocated; nothing for a bound one. */
void optimizer_free(struct optimizer *o);

/* The state back to zero (init, reset, a new optimizer). */
void optimizer_reset(struct optimizer *o);

/* One update of theta[0..count) by the gradient g at learning rate lr,
 * by the rule of o->params.kind; step (NULL or count values) receives
 * the step taken, theta_new - theta_old as computed (-lr*... ). sgd is
 * theta <- theta - lr*g exactly. */
void optimizer_step(struct optimizer *o, double *theta, const double *g,
                    double lr, double *step);

/* "sgd", "momentum", ... */
const char *optimizer_name(enum optimizer_kind k);
/* The kind called name; false when none is. */
bool optimizer_parse(const char *name, enum optimizer_kind *k);
/* "sgd, momentum, nesterov, adagrad, rmsprop, adam". */
const char *optimizer_names(void);

#endif
