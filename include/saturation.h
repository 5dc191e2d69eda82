/* saturation.h - is the neuron stuck because its gradient vanished? The
 * check behind the screen's "vanishing gradient" banner: the last
 * update's gradient is tiny, the activation is saturated on nearly every
 * sample, and samples are still misclassified. Reads a trainer; cheap:
 * nothing at all while the gradient is large, and at most
 * SATURATION_SAMPLES forward passes when it is small. */
#ifndef DESCENT_SATURATION_H
#define DESCENT_SATURATION_H

#include <stdbool.h>
#include <stddef.h>

#include "trainer.h"

/* Every |dC/dtheta| of the last update below this: the gradient is small
 * enough to look at the samples. */
#define SATURATION_GRADIENT 1e-3
/* A sigmoid sample is saturated when a < SATURATION_SIGMOID or
 * a > 1 - SATURATION_SIGMOID (then its slope a(1-a) is below it too:
 * |z| > 9.2); a relu sample when z <= 0 (slope 0). Linear never
 * saturates; step is always flat and has its own message. */
#define SATURATION_SIGMOID 1e-4
/* At most this many samples are looked at, evenly spaced (all of them
 * when there are no more). */
#define SATURATION_SAMPLES 256
/* Nearly every sample: at least 90% of those looked at. */
#define SATURATION_SHARE 0.9

struct saturation {
    size_t checked;    /* samples looked at */
    size_t saturated;  /* of them, with the activation saturated */
    size_t wrong;      /* of them, misclassified (classes only) */
};

/* True when t is stuck on a vanished gradient: at least one update done,
 * activation sigmoid or relu, every component of the last update's
 * gradient (t->gradient) below SATURATION_GRADIENT, at least
 * SATURATION_SHARE of the looked-at samples saturated and (with classes)
 * at least one of them misclassified. Fills *out (may be NULL) with the
 * counts when it looked at the samples, zeros otherwise. */
bool saturation_stuck(const struct trainer *t, struct saturation *out);

#endif
