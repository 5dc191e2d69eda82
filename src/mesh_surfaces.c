/* mesh_surfaces.c - the bowl and the cost landscape as surfaces for the
 * 3D mesh (mesh_surfaces.h): their functions and boxes. */
#include "mesh_surfaces.h"

#include <math.h>

static double bowl_height(double x, double y, const void *ctx)
{
    (void)ctx;
    return bowl_f(x, y);
}

static double landscape_height(double w1, double w2, const void *ctx)
{
    return landscape_log_cost_at(ctx, w1, w2);
}

void mesh_surface_of_bowl(const struct bowl *b, struct mesh_surface *s)
{
    double sx = b->path_len ? b->path_x[0] : b->x;
    double sy = b->path_len ? b->path_y[0] : b->y;
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
