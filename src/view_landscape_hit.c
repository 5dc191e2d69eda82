/* view_landscape_hit.c - where a click on the cost landscape lands: the
 * values of the landscape's pair of parameters at the cell's centre, from
 * the same window the panel is drawn with (view_surface.c). */
#include <math.h>

#include "landscape.h"
#include "views_internal.h"

bool view_landscape_hit(const struct view_state *s, struct rect box, int x, int y,
                        struct view_hit *hit)
{
    struct landscape *l = s->landscape;
    struct rect in = view_inner(box);
    if (!l || in.w < 10 || in.h < 5)
        return false;
    size_t pair[2];
    char names[2][16];
    view_landscape_pair(l, s, pair, names);
    double x0, x1, y0, y1;
    landscape_choose_view(l, s->trainer, &x0, &x1, &y0, &y1);
    /* as draw_landscape: the plot under its one line of text */
    struct rect area = {in.x, in.y + 1, in.w, in.h - 1};
    struct axes ax = {.x0 = x0, .x1 = x1, .y0 = y0, .y1 = y1, .equal_aspect = true,
                      .y_nice = true, .x_name = names[0], .y_name = names[1]};
    struct plot p;
    if (!plot_axes(NULL, area, &ax, STYLE_DIM, &p)) {
        plot_init(&p, area, x0, x1, y0, y1);
        plot_equal_aspect(&p);
    }
    const struct rect *a = &p.area;
    if (x < a->x || x >= a->x + a->w || y < a->y || y >= a->y + a->h)
        return false;
    /* The cell's centre: dot (2x + 1, 4y + 2). */
    double rx = 2.0 * (x - a->x) + 1.0, ry = 4.0 * (y - a->y) + 2.0;
    hit->x = p.x0 + (rx - 0.5) * plot_dot_width(&p);
    hit->y = p.y1 - (ry - 0.5) * plot_dot_height(&p);
    return isfinite(hit->x) && isfinite(hit->y);
}
