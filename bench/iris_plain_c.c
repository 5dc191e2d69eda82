/* iris_plain_c.c - the batch-1 yardstick for `make bench`: stochastic
 * gradient descent as a C programmer would write it without thinking of
 * speed, on descent's default Iris session (sigmoid, MSE, lr 0.5, zeros
 * init): each epoch shuffles the samples (Fisher-Yates on splitmix64),
 * then one forward pass, gradient and update per sample, exp from libm.
 *
 * Usage: iris_plain_c EPOCHS [data/iris.csv]
 * Prints the last epoch's mean cost and the weights. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "iris_rows.h"

static uint64_t splitmix64(uint64_t *s)
{
    uint64_t z = (*s += UINT64_C(0x9e3779b97f4a7c15));
    z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
    return z ^ (z >> 31);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: iris_plain_c EPOCHS [data/iris.csv]\n");
        return 2;
    }
    long epochs = atol(argv[1]);
    static double x1[IRIS_ROWS_MAX], x2[IRIS_ROWS_MAX], y[IRIS_ROWS_MAX];
    size_t n = iris_rows_read(argc > 2 ? argv[2] : "data/iris.csv", x1, x2, y);
    if (n == 0)
        return 1;
    size_t order[IRIS_ROWS_MAX];
    for (size_t i = 0; i < n; i++)
        order[i] = i;
    double w1 = 0.0, w2 = 0.0, b = 0.0, lr = 0.5, cost = 0.0;
    uint64_t seed = 1;
    for (long e = 0; e < epochs; e++) {
        for (size_t i = n - 1; i > 0; i--) {
            size_t j = (size_t)(splitmix64(&seed) % (i + 1));
            size_t t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        cost = 0.0;
        for (size_t k = 0; k < n; k++) {
            size_t i = order[k];
            double a = 1.0 / (1.0 + exp(-(w1 * x1[i] + w2 * x2[i] + b)));
            double delta = (a - y[i]) * a * (1.0 - a);
            cost += 0.5 * (a - y[i]) * (a - y[i]);
            w1 -= lr * delta * x1[i];
            w2 -= lr * delta * x2[i];
            b -= lr * delta;
        }
    }
    printf("%ld,%.17g,%.17g,%.17g,%.17g\n", epochs, cost / (double)n, w1, w2, b);
    return 0;
}
