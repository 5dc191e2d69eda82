/* vexp.h - e^x computed by plain IEEE arithmetic the compiler can
 * vectorise: within 1 ulp of the true value (tested against the C
 * library's exp) and the same bits on every machine and vector width, so
 * a seed names the same run everywhere. The sigmoid spends its time here. */
#ifndef DESCENT_VEXP_H
#define DESCENT_VEXP_H

#include <stddef.h>

/* e^x for one value: inf above ~709.78, 0 below ~-745.13, NaN stays NaN. */
double vexp(double x);

/* out[i] = 1 / (1 + e^-z[i]) for i < n: the sigmoid of a whole batch. */
void vexp_sigmoid(const double *z, double *out, size_t n);

/* out[i] = sigmoid(w1*x1[i] + w2*x2[i] + b) for i < n: the neuron's
 * outputs for samples in file order, with the bits of the steps above. */
void vexp_sigmoid_affine(const double *x1, const double *x2, double w1,
                         double w2, double b, double *out, size_t n);

#endif
