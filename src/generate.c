/* generate.c - the generated data sets (generate.h). The shapes, sizes
 * and noise meaning are TensorFlow Playground's, with labels 0/1 instead
 * of -1/+1. U(a,b) is a + (b-a)*u with u = rng_unit (53 random bits);
 * N(0,1) is Marsaglia's polar method (v1, v2 from U(-1,1) until
 * 0 < s = v1^2+v2^2 <= 1; then v1 * sqrt(-2 ln s / s)). Draws are taken in
 * the order written below, row after row, from one generator seeded with
 * --seed. The noise is the option's value, 0 to 0.5.
 *
 *   circle  label 1 rows: radius r = U(0, 2.5), angle a = U(0, 2 pi),
 *           point (r sin a, r cos a); label 0 rows: the same with
 *           r = U(3.5, 5). Then nx = U(-5,5)*noise,
 *           ny = U(-5,5)*noise, and the label is recomputed as
 *           1 if |(x+nx, y+ny)| < 2.5 else 0 (noise flips labels near
 *           the rim; the point itself does not move).
 *   xor     x = U(-5,5), moved 0.3 away from 0 (x > 0: +0.3, else -0.3);
 *           y likewise; nx, ny = U(-5,5)*noise;
 *           label 1 if (x+nx)*(y+ny) >= 0 else 0.
 *   gauss   two Gaussian clouds of variance 0.5 + 7*noise (0.5 to 4):
 *           label 0 around (-2,-2), label 1 around (2,2); x = cx + sd*N,
 *           y = cy + sd*N.
 *   spiral  per class n rows, i = 0..n-1: r = 5i/n, t = 1.75*2 pi*i/n + d
 *           (d = pi for label 0, 0 for label 1); x = r sin t +
 *           U(-1,1)*noise, y = r cos t + U(-1,1)*noise.
 *   line    x1 = U(-6,6), e = U(-6,6)*noise, y = 3*(x1+e) - 2.
 *   plane   x1 = U(-6,6), x2 = U(-6,6), e1, e2 = U(-6,6)*noise,
 *           y = ((x1+e1) + (x2+e2)) / 10 (Playground's plane).
 *
 * The classification sets give label 0 the first points - points/2 rows
 * and label 1 the other points/2, in that order.
 *
 * Every machine, the same rows: only +, -, *, / and sqrt (all correctly
 * rounded in IEEE arithmetic) are used, with no FMA contraction (the
 * Makefile's -ffp-contract=off). The logarithm and sine/cosine are this
 * file's own, built from those operations, rather than the C library's,
 * whose last bit may differ between libraries. Numbers are printed with
 * %.17g, which round-trips exactly. */
#include "generate.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rng.h"

#define PI 0x1.921fb54442d18p1
/* pi/2 split so that k * PIO2_HI is exact for small k (33 bits). */
#define PIO2_HI 0x1.921fb544p0
#define PIO2_LO 0x1.0b4611a626331p-34
#define LN2_HI 0x1.62e42fefa3800p-1
#define LN2_LO 0x1.ef35793c76730p-45
#define SQRT2 0x1.6a09e667f3bcdp0

/* ln x for a positive normal x: x = m * 2^e with m in [sqrt(1/2), sqrt 2),
 * ln m = 2 atanh(s), s = (m-1)/(m+1), |s| < 0.172, by its series to s^21
 * (the next term is below 2^-60 of the sum). */
static double own_log(double x)
{
    int e = 0;
    double m = frexp(x, &e); /* exact: m in [0.5, 1) */
    m = m * 2.0;
    e = e - 1;
    if (m > SQRT2) {
        m = m * 0.5;
        e = e + 1;
    }
    double s = (m - 1.0) / (m + 1.0);
    double s2 = s * s;
    double p = 1.0 / 21.0;
    for (int k = 19; k >= 1; k -= 2)
        p = 1.0 / k + s2 * p;
    double de = (double)e;
    return de * LN2_HI + (2.0 * s * p + de * LN2_LO);
}

/* sin t and cos t for 0 <= t < 100: t = k pi/2 + r with |r| <= pi/4, the
 * Taylor series of sin r to r^19 and cos r to r^20, then the quadrant. */
static void own_sincos(double t, double *sine, double *cosine)
{
    double k = floor(t / PIO2_HI + 0.5); /* exact rounding of a small value */
    double r = (t - k * PIO2_HI) - k * PIO2_LO;
    double r2 = r * r;
    double ps = 0.0, pc = 0.0;
    for (int n = 19; n >= 3; n -= 2) /* sin r = r (1 - r^2/3! (1 - ...)) */
        ps = r2 / ((double)n * (n - 1)) * (1.0 - ps);
    for (int n = 20; n >= 2; n -= 2)
        pc = r2 / ((double)n * (n - 1)) * (1.0 - pc);
    double s = r * (1.0 - ps);
    double c = 1.0 - pc;
    switch ((unsigned long)k & 3u) {
    case 0: *sine = s; *cosine = c; break;
    case 1: *sine = c; *cosine = -s; break;
    case 2: *sine = -s; *cosine = -c; break;
    default: *sine = -c; *cosine = s; break;
    }
}

static double uniform(struct rng *r, double a, double b)
{
    return a + (b - a) * rng_unit(r);
}

static double normal(struct rng *r)
{
    double v1, v2, s;
    do {
        v1 = uniform(r, -1.0, 1.0);
        v2 = uniform(r, -1.0, 1.0);
        s = v1 * v1 + v2 * v2;
    } while (s > 1.0 || s == 0.0);
    return v1 * sqrt(-2.0 * own_log(s) / s);
}

/* One row of values to print: up to three. */
struct row {
    double v[3];
};

typedef void generate_fn(struct rng *r, size_t i, size_t points, double noise,
                         struct row *out);

/* The label of row i of a two-class set: 0 for the first half (rounded
 * up), 1 for the rest. */
static double class_of(size_t i, size_t points)
{
    return i < points - points / 2 ? 0.0 : 1.0;
}

static void gen_circle(struct rng *r, size_t i, size_t points, double noise,
                       struct row *out)
{
    double label = class_of(i, points);
    double radius = label == 1.0 ? uniform(r, 0.0, 2.5) : uniform(r, 3.5, 5.0);
    double s, c;
    own_sincos(uniform(r, 0.0, 2.0 * PI), &s, &c);
    double x = radius * s, y = radius * c;
    double nx = uniform(r, -5.0, 5.0) * noise;
    double ny = uniform(r, -5.0, 5.0) * noise;
    double dx = x + nx, dy = y + ny;
    out->v[0] = x;
    out->v[1] = y;
    out->v[2] = sqrt(dx * dx + dy * dy) < 2.5 ? 1.0 : 0.0;
}

static double away_from_zero(double v)
{
    return v > 0.0 ? v + 0.3 : v - 0.3;
}

static void gen_xor(struct rng *r, size_t i, size_t points, double noise,
                    struct row *out)
{
    (void)i;
    (void)points;
    double x = away_from_zero(uniform(r, -5.0, 5.0));
    double y = away_from_zero(uniform(r, -5.0, 5.0));
    double nx = uniform(r, -5.0, 5.0) * noise;
    double ny = uniform(r, -5.0, 5.0) * noise;
    out->v[0] = x;
    out->v[1] = y;
    out->v[2] = (x + nx) * (y + ny) >= 0.0 ? 1.0 : 0.0;
}

static void gen_gauss(struct rng *r, size_t i, size_t points, double noise,
                      struct row *out)
{
    double label = class_of(i, points);
    double centre = label == 1.0 ? 2.0 : -2.0;
    double sd = sqrt(0.5 + 7.0 * noise);
    out->v[0] = centre + sd * normal(r);
    out->v[1] = centre + sd * normal(r);
    out->v[2] = label;
}

static void gen_spiral(struct rng *r, size_t i, size_t points, double noise,
                       struct row *out)
{
    double label = class_of(i, points);
    size_t first = points - points / 2;
    size_t n = label == 1.0 ? points / 2 : first;
    size_t j = label == 1.0 ? i - first : i;
    double radius = (double)j / (double)n * 5.0;
    double t = 1.75 * (double)j / (double)n * 2.0 * PI + (label == 1.0 ? 0.0 : PI);
    double s, c;
    own_sincos(t, &s, &c);
    out->v[0] = radius * s + uniform(r, -1.0, 1.0) * noise;
    out->v[1] = radius * c + uniform(r, -1.0, 1.0) * noise;
    out->v[2] = label;
}

static void gen_line(struct rng *r, size_t i, size_t points, double noise,
                     struct row *out)
{
    (void)i;
    (void)points;
    double x = uniform(r, -6.0, 6.0);
    double e = uniform(r, -6.0, 6.0) * noise;
    out->v[0] = x;
    out->v[1] = 3.0 * (x + e) - 2.0;
}

static void gen_plane(struct rng *r, size_t i, size_t points, double noise,
                      struct row *out)
{
    (void)i;
    (void)points;
    double x1 = uniform(r, -6.0, 6.0);
    double x2 = uniform(r, -6.0, 6.0);
    double e1 = uniform(r, -6.0, 6.0) * noise;
    double e2 = uniform(r, -6.0, 6.0) * noise;
    out->v[0] = x1;
    out->v[1] = x2;
    out->v[2] = ((x1 + e1) + (x2 + e2)) / 10.0;
}

static const struct generator {
    const char *name;
    const char *header;
    size_t columns;
    generate_fn *fn;
} generators[] = {
    {"circle", "x1,x2,label", 3, gen_circle},
    {"xor", "x1,x2,label", 3, gen_xor},
    {"gauss", "x1,x2,label", 3, gen_gauss},
    {"spiral", "x1,x2,label", 3, gen_spiral},
    {"line", "x1,y", 2, gen_line},
    {"plane", "x1,x2,y", 3, gen_plane},
};

const char *generate_names(void)
{
    return "circle, xor, gauss, spiral, line, plane";
}

/* The longest %.17g of a double ("-2.2250738585072014e-308") plus a
 * separator, times three, with room to spare. */
#define ROW_BYTES 80

bool generate_csv(const char *name, size_t points, double noise, uint64_t seed,
                  char **text, size_t *len, char *err, size_t errlen)
{
    const struct generator *g = NULL;
    for (size_t k = 0; k < sizeof generators / sizeof generators[0]; k++)
        if (strcmp(generators[k].name, name) == 0)
            g = &generators[k];
    if (!g) {
        snprintf(err, errlen, "gen:%s: unknown generated data set (known: %s)", name,
                 generate_names());
        return false;
    }
    if (points < 1 || points > GENERATE_POINTS_MAX) {
        snprintf(err, errlen, "--points: %zu is not between 1 and %d", points,
                 GENERATE_POINTS_MAX);
        return false;
    }
    if (!(noise >= 0.0 && noise <= GENERATE_NOISE_MAX)) {
        snprintf(err, errlen, "--noise: %g is not between 0 and 0.5", noise);
        return false;
    }
    size_t cap = strlen(g->header) + 2 + points * ROW_BYTES;
    char *buf = malloc(cap);
    if (!buf) {
        snprintf(err, errlen, "gen:%s: out of memory for %zu rows", name, points);
        return false;
    }
    size_t at = (size_t)snprintf(buf, cap, "%s\n", g->header);
    struct rng r;
    rng_seed(&r, seed);
    for (size_t i = 0; i < points; i++) {
        struct row row;
        g->fn(&r, i, points, noise, &row);
        for (size_t c = 0; c < g->columns; c++)
            at += (size_t)snprintf(buf + at, cap - at, "%.17g%s", row.v[c],
                                   c + 1 < g->columns ? "," : "\n");
    }
    *text = buf;
    *len = at;
    return true;
}
