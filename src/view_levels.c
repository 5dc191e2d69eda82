/* view_levels.c - the level curves of the top-right panel's contour
 * views: the bowl's circles at powers of two, any surface's log-spaced
 * levels (the saddle's falling ones dotted in warm colours), and the
 * rings' colours the landscape's contours are drawn in too
 * (view_surface.c draws the rest of the panel). */
#include <math.h>
#include <stddef.h>

#include "bowl.h"
#include "surface.h"
#include "views_internal.h"

/* The bowl f = x^2 + y^2 (ctx unused). */
static double bowl_at(double x, double y, const void *ctx)
{
    (void)ctx;
    return bowl_f(x, y);
}

/* Any surface: ctx is its struct surface. */
static double surface_at(double x, double y, const void *ctx)
{
    return surface_f(ctx, x, y);
}


/* The level rings' colours, low to high; the saddle's negative levels
 * are dotted in warm colours. */
static const struct style rings[4] = {
    {COLOUR_GREEN, COLOUR_DEFAULT, 0}, {COLOUR_CYAN, COLOUR_DEFAULT, 0},
    {COLOUR_BLUE, COLOUR_DEFAULT, 0}, {COLOUR_MAGENTA, COLOUR_DEFAULT, 0},
};
static const struct style warm_rings[2] = {
    {COLOUR_RED, COLOUR_DEFAULT, 0}, {COLOUR_YELLOW, COLOUR_DEFAULT, 0},
};

/* Levels between the lowest and highest value on the view, log-spaced
 * from the minimum (a factor SURFACE_LEVEL_RATIO apart, the highest at
 * most the view's highest value): rings as close near the bottom of a
 * valley as on its walls, whatever the range. */
#define SURFACE_LEVELS 14
#define SURFACE_LEVEL_RATIO 0.5
#define SURFACE_SAMPLES 48

static void surface_range(const struct surface *sf, const struct plot *p,
                          double *lo, double *hi)
{
    *lo = INFINITY, *hi = -INFINITY;
    for (int i = 0; i <= SURFACE_SAMPLES; i++)
        for (int j = 0; j <= SURFACE_SAMPLES; j++) {
            double x = p->x0 + (p->x1 - p->x0) * i / SURFACE_SAMPLES;
            double y = p->y0 + (p->y1 - p->y0) * j / SURFACE_SAMPLES;
            double f = surface_f(sf, x, y);
            if (isfinite(f))
                *lo = fmin(*lo, f), *hi = fmax(*hi, f);
        }
}

void view_levels_surface(struct canvas *c, const struct plot *p,
                         const struct surface *sf)
{
    double lo, hi, fmin, mx, my, levels[SURFACE_LEVELS];
    surface_range(sf, p, &lo, &hi);
    if (!(lo < hi))
        return;
    if (sf->kind == SURFACE_SADDLE) {
        /* f = 0 on the diagonals; rising levels solid, falling dotted */
        double top = fmax(hi, -lo);
        size_t n = 0;
        for (double d = top * SURFACE_LEVEL_RATIO; n < SURFACE_LEVELS / 2; d *= SURFACE_LEVEL_RATIO)
            levels[n++] = d;
        double neg[SURFACE_LEVELS / 2];
        for (size_t k = 0; k < n; k++)
            neg[k] = -levels[n - 1 - k];
        for (size_t k = 0; k < n / 2; k++) {
            double t = levels[k];
            levels[k] = levels[n - 1 - k], levels[n - 1 - k] = t;
        }
        plot_contours(c, p, surface_at, sf, levels, n, rings, 4, false);
        plot_contours(c, p, surface_at, sf, neg, n, warm_rings, 2, true);
        return;
    }
    if (!surface_minimum(sf, &fmin, &mx, &my))
        fmin = lo;
    double span = hi - fmin, d = span * SURFACE_LEVEL_RATIO;
    size_t n = 0;
    for (; n < SURFACE_LEVELS; n++, d *= SURFACE_LEVEL_RATIO)
        levels[SURFACE_LEVELS - 1 - n] = fmin + d;
    plot_contours(c, p, surface_at, sf, levels, n, rings, 4, false);
}

/* The bowl's level circles at geometric values of f: f = 2^k (... 0.25,
 * 0.5, 1, 2, 4 ...), each radius sqrt(2) times the one inside it, as the
 * cost's log scale reads them. The smallest is the first power of two
 * whose circle is at least r/10 and 7.3 dots across, so that neighbours
 * stay at least 3 dots apart (sqrt(2) - 1 of 7.3). */
void view_levels_circles(struct canvas *c, const struct plot *p, double r)
{
    double unit = fmax(plot_dot_width(p), plot_dot_height(p));
    double inner = fmax(r / 10, 7.3 * unit);
    double corner = hypot(fmax(fabs(p->x0), fabs(p->x1)), fmax(fabs(p->y0), fabs(p->y1)));
    double levels[64];
    size_t nl = 0;
    if (!(inner > 0) || !isfinite(inner) || !isfinite(corner))
        return;
    double f = exp2(ceil(log2(inner * inner)));
    for (; f <= corner * corner * 2 && nl < 64; f *= 2)
        levels[nl++] = f;
    plot_contours(c, p, bowl_at, NULL, levels, nl, rings, 4, false);
}

void view_levels_plot(struct canvas *c, const struct plot *p, plot_function f,
                      const void *ctx, const double *levels, size_t n)
{
    plot_contours(c, p, f, ctx, levels, n, rings, 4, false);
}
