/* plot_mesh.c - a surface as a 3D wireframe in a canvas (plot_mesh.h):
 * the visible pieces mesh.c computes, drawn as lines of braille dots (or
 * ASCII slope glyphs), the box's axes with ticks, the path and its
 * current point on top. Pure: reads its arguments, writes the canvas. */
#include "plot_mesh.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "plot.h"

int plot_mesh_lines_for(int w)
{
    int lines = w / 6;
    return lines < 6 ? 6 : lines > 14 ? 14 : lines;
}

/* True when the w cells from (x, y) are inside r and blank, and their
 * neighbours on the row hold no text (labels never touch; a label may
 * touch a line). */
static bool room_for(const struct canvas *c, struct rect r, int x, int y, int w)
{
    if (y < r.y || y >= r.y + r.h || x < r.x || x + w > r.x + r.w)
        return false;
    for (int i = -1; i <= w; i++) {
        const struct cell *cell = canvas_cell_const(c, x + i, y);
        bool blank = cell && cell->kind == CELL_TEXT && strcmp(cell->glyph, " ") == 0;
        if (i >= 0 && i < w && !blank)
            return false;
        if ((i < 0 || i == w) && cell && cell->kind == CELL_TEXT && !blank &&
            x + i >= r.x && x + i < r.x + r.w)
            return false;
    }
    return true;
}

/* Text at the cell of screen dot (dx, dy): centred on it (align 0), ending
 * at it (align < 0) or starting at it (align > 0), only where the cells
 * are blank. Returns true when written. */
static bool label_at(struct canvas *c, struct rect r, double dx, double dy,
                     int align, const char *text, struct style st)
{
    if (!isfinite(dx) || !isfinite(dy))
        return false;
    int w = canvas_text_width(text);
    int cx = canvas_clamp_int(dx / 2, -1, c->width), cy = canvas_clamp_int(dy / 4, -1, c->height);
    int x = align == 0 ? cx - w / 2 : align < 0 ? cx - w + 1 : cx;
    if (!room_for(c, r, x, cy, w))
        return false;
    canvas_text(c, x, cy, w, text, st);
    return true;
}

/* A world point to dots, or false. */
static bool dot_of(const struct mesh_projection *p, double x, double y, double f,
                   double *dx, double *dy)
{
    return mesh_project(p, x, y, f, dx, dy, NULL);
}

/* One axis' labels: tick labels at nice values pushed out of the
 * box along the ground, and its name at the end. */
static void draw_axis(struct canvas *c, struct rect r, const struct mesh_projection *p,
                      const struct mesh_axis *ax, int which, const struct mesh_look *look)
{
    /* Outward on the ground: away from the box's centre line. */
    double cx = (p->x0 + p->x1) / 2, cy = (p->y0 + p->y1) / 2;
    double ox = 0, oy = 0;
    if (which == 0)
        oy = (ax->a[1] < cy ? -1 : 1) * 0.14 * (p->y1 - p->y0);
    else if (which == 1)
        ox = (ax->a[0] < cx ? -1 : 1) * 0.14 * (p->x1 - p->x0);
    else {
        ox = (ax->a[0] < cx ? -1 : 1) * 0.06 * (p->x1 - p->x0);
        oy = (ax->a[1] < cy ? -1 : 1) * 0.06 * (p->y1 - p->y0);
    }
    double lo = ax->a[which], hi = ax->b[which];
    double step = plot_nice_step(hi - lo, 3);
    for (double k = ceil(lo / step - 1e-9); k * step <= hi + 1e-9 * step; k++) {
        double v = fabs(k * step) < 1e-9 * step ? 0.0 : k * step;
        double w[3] = {ax->a[0] + ox, ax->a[1] + oy, ax->a[2]};
        w[which] = v;
        double dx, dy;
        if (which == 2) {
            /* heights are cut by the projection: place by hand */
            if (!dot_of(p, w[0], w[1], p->floor, &dx, &dy))
                continue;
            dy -= (v - p->floor) / (p->clip - p->floor) * MESH_HEIGHT * p->cos_tilt * p->scale;
        } else if (!dot_of(p, w[0], w[1], w[2], &dx, &dy)) {
            continue;
        }
        char label[32];
        plot_format_number(label, sizeof label, which == 2 && look->log_f ? pow(10, v) : v, -1);
        label_at(c, r, dx, dy, which == 2 ? -1 : 0, label, look->axis);
    }
    const char *name = which == 0 ? look->x_name : which == 1 ? look->y_name : look->f_name;
    double w[3] = {ax->b[0] + 1.8 * ox, ax->b[1] + 1.8 * oy, ax->b[2]};
    double dx, dy;
    if (which == 2) {
        if (dot_of(p, ax->b[0], ax->b[1], ax->b[2], &dx, &dy))
            label_at(c, r, dx, dy - 4, 0, name, look->axis);
    } else if (dot_of(p, w[0], w[1], w[2], &dx, &dy)) {
        label_at(c, r, dx, dy, 0, name, look->axis);
    }
}

/* The path over the lines: a segment between two drawable points (one
 * of them may be off the ground: the path leaving is drawn up to the
 * edge); then the marks. */
static void draw_path(struct canvas *c, struct rect r, const struct mesh_projection *p,
                      const struct mesh_surface *s, const struct mesh_path *path,
                      const struct mesh_look *look)
{
    enum { CHUNK = 256 };
    struct mesh_point pts[CHUNK], prev = {0, 0, 0, MESH_UNDEFINED};
    for (size_t i0 = 0; i0 < path->n; i0 += CHUNK) {
        size_t m = path->n - i0 < CHUNK ? path->n - i0 : CHUNK;
        mesh_lift_path(p, s, path->xs + i0, path->ys + i0, m, pts);
        for (size_t i = 0; i < m; i++) {
            struct mesh_point q = pts[i];
            bool both = !(prev.where & MESH_UNDEFINED) && !(q.where & MESH_UNDEFINED);
            if (both && !((prev.where & MESH_OFF) && (q.where & MESH_OFF))) {
                canvas_erase_line(c, &r, prev.sx, prev.sy, q.sx, q.sy);
                canvas_line(c, &r, prev.sx, prev.sy, q.sx, q.sy, look->path);
            }
            prev = q;
        }
    }
    /* Marks: the start, every point above the cut, the current point. */
    struct mesh_point first, last;
    mesh_lift_path(p, s, path->xs, path->ys, 1, &first);
    mesh_lift_path(p, s, path->xs + path->n - 1, path->ys + path->n - 1, 1, &last);
    for (size_t i0 = 0; i0 < path->n; i0 += CHUNK) {
        size_t m = path->n - i0 < CHUNK ? path->n - i0 : CHUNK;
        mesh_lift_path(p, s, path->xs + i0, path->ys + i0, m, pts);
        for (size_t i = 0; i < m; i++)
            if (pts[i].where & (MESH_ABOVE | MESH_OFF) && !(pts[i].where & MESH_UNDEFINED))
                canvas_put(c, canvas_clamp_int(pts[i].sx / 2, r.x, r.x + r.w - 1),
                           canvas_clamp_int(pts[i].sy / 4, r.y, r.y + r.h - 1), look->up,
                           look->arrow);
    }
    if (path->n > 1 && first.where == MESH_ON)
        canvas_put(c, canvas_clamp_int(first.sx / 2, r.x, r.x + r.w - 1),
                   canvas_clamp_int(first.sy / 4, r.y, r.y + r.h - 1), look->start,
                   look->point);
    if (last.where & MESH_UNDEFINED)
        return;
    int lx = canvas_clamp_int(last.sx / 2, r.x, r.x + r.w - 1);
    int ly = canvas_clamp_int(last.sy / 4, r.y, r.y + r.h - 1);
    if (last.where == MESH_ON) {
        canvas_put(c, lx, ly, look->current, look->point);
        return;
    }
    canvas_put(c, lx, ly, look->up, look->point);
    char value[40], num[24];
    plot_format_number(num, sizeof num, last.f, -1);
    snprintf(value, sizeof value, "%s=%s", look->f_name, num);
    int w = canvas_text_width(value);
    /* a row above the arrow (below it on the top row), to its right or
     * else to its left */
    int x = lx + 1 + w <= r.x + r.w ? lx + 1 : lx - w;
    if (x < r.x)
        x = r.x;
    canvas_text(c, x, ly > r.y ? ly - 1 : ly + 1, w, value, look->point);
}

bool plot_mesh(struct canvas *c, struct rect area, const struct mesh_surface *s,
               double turn, double tilt, int lines, const struct mesh_path *path,
               const struct mesh_look *look, struct mesh_lines *scratch)
{
    if (area.w < 12 || area.h < 5)
        return false;
    /* Room for the height's labels on the left and the ground's below. */
    int margin = 6;
    struct mesh_projection p;
    mesh_project_init(&p, s, turn, tilt, 2.0 * (area.x + margin), 4.0 * area.y + 2,
                      2.0 * (area.w - margin - 1), 4.0 * (area.h - 1) - 2);
    char err[128];
    if (!mesh_hidden_lines(&p, s, lines, scratch, err, sizeof err))
        return false;
    struct mesh_axis axes[3];
    mesh_axes(&p, axes);
    /* Axes under the lines; labels after everything, only on blanks. */
    for (int i = 0; i < 3; i++) {
        double ax0, ay0, bx, by;
        if (dot_of(&p, axes[i].a[0], axes[i].a[1], axes[i].a[2], &ax0, &ay0) &&
            dot_of(&p, axes[i].b[0], axes[i].b[1], axes[i].b[2], &bx, &by))
            canvas_line(c, &area, ax0, ay0, bx, by, look->axis);
    }
    for (size_t i = 0; i < scratch->count; i++) {
        const struct mesh_segment *m = &scratch->segments[i];
        size_t k = look->level_count ? (size_t)(m->level * (double)look->level_count) : 0;
        if (k >= look->level_count)
            k = look->level_count - 1;
        canvas_line(c, &area, m->x0, m->y0, m->x1, m->y1, look->levels[k]);
    }
    if (path && path->n > 0)
        draw_path(c, area, &p, s, path, look);
    for (int i = 0; i < 3; i++)
        draw_axis(c, area, &p, &axes[i], i, look);
    return true;
}
