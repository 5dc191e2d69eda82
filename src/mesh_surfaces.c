/* mesh_surfaces.c - the bowl and the cost landscape as surfaces for the
 * 3D mesh (mesh_surfaces.h): their functions and boxes; the other
 * surfaces of surface.h over their contour views. */
#include "mesh_surfaces.h"

#include <math.h>

static double bowl_height(double x, double y, const void *ctx)
{
    (void)ctx;
    return bowl_f(x, y);
}

static double surface_height(double x, double y, const void *ctx)
{
    return surface_f(ctx, x, y);
}

/* Samples across each way when looking for a surface's range. */
#define MESH_SURFACE_SAMPLES 32

static double landscape_height(double w1, double w2, const void *ctx)
{
    return landscape_log_cost_at(ctx, w1, w2);
}

/* Another surface than the bowl: over its contour view, heights from
 * its lowest value there to MESH_BOWL_CUT times f(start) above it (at
 * most its highest value there). */
static void mesh_surface_of_other(const struct bowl *b, double sx, double sy,
                                  struct mesh_surface *s)
{
    const struct surface *sf = &b->config.surface;
    double x0, x1, y0, y1, lo = INFINITY, hi = -INFINITY;
    surface_view(sf, sx, sy, &x0, &x1, &y0, &y1);
    for (int i = 0; i <= MESH_SURFACE_SAMPLES; i++)
        for (int j = 0; j <= MESH_SURFACE_SAMPLES; j++) {
            double f = surface_f(sf, x0 + (x1 - x0) * i / MESH_SURFACE_SAMPLES,
                                 y0 + (y1 - y0) * j / MESH_SURFACE_SAMPLES);
            if (isfinite(f))
                lo = fmin(lo, f), hi = fmax(hi, f);
        }
    double top = surface_f(sf, sx, sy);
    double cut = isfinite(top) && top > lo ? lo + MESH_BOWL_CUT * (top - lo) : hi;
    if (!(cut <= hi))
        cut = hi;
    if (!(cut > lo))
        cut = lo + 1;
    *s = (struct mesh_surface){surface_height, sf, x0, x1, y0, y1, lo, cut};
}

void mesh_surface_of_bowl(const struct bowl *b, struct mesh_surface *s)
{
    double sx = b->path_len ? b->path_x[0] : b->x;
    double sy = b->path_len ? b->path_y[0] : b->y;
    if (b->config.surface.kind != SURFACE_BOWL) {
        mesh_surface_of_other(b, sx, sy, s);
        return;
    }
    double r = fmax(fabs(sx), fabs(sy));
    if (!isfinite(r) || r < 1)
        r = isfinite(r) ? 1 : 5;
    r *= 1.3;
    double top = bowl_f(sx, sy);
    double cut = MESH_BOWL_CUT * (isfinite(top) && top > 1 ? top : 1);
    *s = (struct mesh_surface){bowl_height, NULL, -r, r, -r, r, 0.0, cut};
}

bool mesh_surface_of_landscape(const struct landscape *l, struct mesh_surface *s)
{
    if (!l->valid || !isfinite(l->lo) || !isfinite(l->hi))
        return false;
    *s = (struct mesh_surface){landscape_height, l, l->x0, l->x1, l->y0, l->y1,
                               l->lo, l->hi};
    return true;
}
