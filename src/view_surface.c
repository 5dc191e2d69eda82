/* view_surface.c - the right-hand top panel: the bowl f(x,y) = x^2 + y^2
 * (or another surface of surface.h) with its level curves, descent path
 * and the optimizer's arrows, every optimizer racing (R), or the
 * neuron's cost landscape over (w1, w2) with its contours and path (v
 * switches); either one as a 3D mesh with the path on it (m switches,
 * plot_mesh.c). A click on the bowl's contour view picks a starting
 * point. The level curves are view_levels.c's. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lab.h"
#include "landscape.h"
#include "mesh.h"
#include "mesh_surfaces.h"
#include "plot_mesh.h"
#include "util.h"
#include "view_cache.h"
#include "views_internal.h"

/* The panel's lines of numbers: the lr and step, the point, and for the
 * stretched bowl the limits known in closed form. */
struct bowl_info {
    char line1[96], line2[96], limits[128];
    int rows;               /* 1: side by side, 2: one under the other,
                               plus one for the limits */
};

static void bowl_info_of(const struct bowl *b, int width, struct bowl_info *info)
{
    char xs[24], ys[24], fs[24];
    const struct bowl_config *cfg = &b->config;
    plot_format_number(xs, sizeof xs, b->x, -1);
    plot_format_number(ys, sizeof ys, b->y, -1);
    plot_format_number(fs, sizeof fs, bowl_value(b, b->x, b->y), -1);
    if (cfg->optimizer.kind == OPTIMIZER_SGD && cfg->schedule.kind == SCHEDULE_CONSTANT)
        snprintf(info->line1, sizeof info->line1, "lr %g  step %zu", b->lr, b->steps);
    else
        snprintf(info->line1, sizeof info->line1, "%s  lr %g  step %zu",
                 optimizer_name(cfg->optimizer.kind), bowl_current_lr(b), b->steps);
    snprintf(info->line2, sizeof info->line2, "(x, y) = (%s, %s)  f = %s", xs, ys, fs);
    info->rows = canvas_text_width(info->line1) + 3 + canvas_text_width(info->line2)
                 <= width ? 1 : 2;
    info->limits[0] = '\0';
    if (cfg->surface.kind == SURFACE_STRETCHED) {
        /* lambda_max = 2 kappa: GD diverges past 2/lambda_max = 1/kappa,
         * heavy-ball momentum past (2 + 2 beta)/lambda_max */
        double kappa = cfg->surface.kappa, beta = cfg->optimizer.momentum;
        snprintf(info->limits, sizeof info->limits,
                 "diverges: sgd lr > 1/k = %.3g, momentum lr > %.3g",
                 1.0 / kappa, (2.0 + 2.0 * beta) / (2.0 * kappa));
        info->rows++;
    }
}

/* The bowl's plot inside the panel's inner rectangle: axes drawn when c
 * is not NULL; *p is the same either way (hit-testing uses NULL). */
static void bowl_plot(struct canvas *c, struct rect in, const struct bowl *b,
                      int info_rows, struct plot *p, double *radius)
{
    /* The view: centred on the minimum, the start point well inside. */
    double sx = b->path_len ? b->path_x[0] : b->x;
    double sy = b->path_len ? b->path_y[0] : b->y;
    double x0, x1, y0, y1;
    surface_view(&b->config.surface, sx, sy, &x0, &x1, &y0, &y1);
    struct rect area = {in.x, in.y + info_rows, in.w, in.h - info_rows};
    struct axes ax = {.x0 = x0, .x1 = x1, .y0 = y0, .y1 = y1, .equal_aspect = true,
                      .y_nice = true, .x_name = "x", .y_name = "y", .y_name_above = true};
    if (area.h < 14 || !plot_axes(c, area, &ax, STYLE_DIM, p)) {
        plot_init(p, area, x0, x1, y0, y1);
        plot_equal_aspect(p);
    }
    *radius = fmax(x1 - x0, y1 - y0) / 2;
}

/* The bowl's gradient arrow: -grad f = (-2x, -2y) drawn at a quarter of
 * its size, i.e. from p halfway to the minimum: it shrinks with the
 * distance to the minimum as the descent converges. */
#define BOWL_ARROW_SCALE 0.25

/* The mesh's colours by height, low to high, as the contours' rings. */
static const struct style mesh_levels[4] = {
    {COLOUR_GREEN, COLOUR_DEFAULT, 0}, {COLOUR_CYAN, COLOUR_DEFAULT, 0},
    {COLOUR_BLUE, COLOUR_DEFAULT, 0}, {COLOUR_MAGENTA, COLOUR_DEFAULT, 0},
};

/* How a mesh looks on a UTF-8 or an ASCII screen; f_name names the
 * height. */
static struct mesh_look mesh_look_of(bool utf8, const char *x_name,
                                     const char *y_name, const char *f_name,
                                     bool log_f)
{
    const struct view_glyphs *g = view_glyphs_for(utf8);
    return (struct mesh_look){
        .x_name = x_name, .y_name = y_name, .f_name = f_name, .log_f = log_f,
        .levels = mesh_levels, .level_count = 4,
        .axis = STYLE_DIM, .path = STYLE_PATH, .point = STYLE_POINT,
        .arrow = STYLE_ARROW, .current = g->current, .start = g->start,
        .up = utf8 ? "↑" : "^",
    };
}

/* "turn 30° tilt 40°" ("deg" in ASCII). */
static void mesh_angles(char *buf, size_t len, const struct view_state *s, bool utf8)
{
    snprintf(buf, len, "turn %d%s tilt %d%s", s->mesh_turn, utf8 ? "°" : "deg",
             s->mesh_tilt, utf8 ? "°" : "deg");
}

/* The bowl in 3D (mesh_surface_of_bowl: the contour view's square, cut
 * at MESH_BOWL_CUT f(start)), the path lifted onto it. */
static void draw_bowl_mesh(struct canvas *c, const struct rect box,
                           const struct view_state *s)
{
    const struct bowl *b = s->bowl;
    char title[112], formula[96];
    snprintf(title, sizeof title, "%s, 3D",
             surface_title(&b->config.surface, c->utf8, formula, sizeof formula));
    canvas_box(c, box, title, STYLE_FRAME);
    struct rect in = view_inner(box);
    if (in.w < 10 || in.h < 5)
        return;
    struct mesh_surface surface;
    mesh_surface_of_bowl(b, &surface);
    char fs[24], line[160], angles[40];
    plot_format_number(fs, sizeof fs, bowl_value(b, b->x, b->y), -1);
    mesh_angles(angles, sizeof angles, s, c->utf8);
    snprintf(line, sizeof line, "lr %g  step %zu  f = %s", b->lr, b->steps, fs);
    canvas_text(c, in.x, in.y, in.w, line, STYLE_TEXT);
    char cs[24];
    plot_format_number(cs, sizeof cs, surface.clip, -1);
    snprintf(line, sizeof line, "%s  cut f=%s", angles, cs);
    if (canvas_text_width(line) > in.w)
        snprintf(line, sizeof line, "%s", angles);
    canvas_text(c, in.x, in.y + 1, in.w, line, STYLE_DIM);
    size_t n = b->path_len;
    if (n > 0 && (b->path_x[n - 1] != b->x || b->path_y[n - 1] != b->y))
        n = 0; /* the path lags the point: draw the point alone */
    struct mesh_path path = {n ? b->path_x : &b->x, n ? b->path_y : &b->y, n ? n : 1};
    struct mesh_look look = mesh_look_of(c->utf8, "x", "y", "f", false);
    struct rect area = {in.x, in.y + 2, in.w, in.h - 2};
    struct mesh_lines lines = {0};
    if (!plot_mesh(c, area, &surface, s->mesh_turn, s->mesh_tilt,
                   plot_mesh_lines_for(area.w), &path, &look, &lines))
        canvas_text(c, area.x, area.y, area.w, "no room or no memory", STYLE_WARN);
    mesh_lines_free(&lines);
}

/* A path and its current point (the point alone when the path lags). */
static void draw_track(struct canvas *c, const struct plot *p, const struct bowl *b,
                       struct style line, const char *mark, struct style mark_style)
{
    size_t n = b->path_len;
    if (n > 0 && (b->path_x[n - 1] != b->x || b->path_y[n - 1] != b->y))
        n = 0; /* the path lags the point: draw the point alone */
    if (n > 0)
        plot_path(c, p, b->path_x, b->path_y, n, line, mark, mark_style);
    else
        plot_path(c, p, &b->x, &b->y, 1, line, mark, mark_style);
}

/* The optimizer's arrows at the point, scaled together so that the
 * longest is at most a quarter of the view: -grad f (yellow), the last
 * step taken, ending at the point (white) and, for momentum and
 * nesterov, the velocity it carries, -lr*v (cyan). */
static void draw_optimizer_arrows(struct canvas *c, const struct plot *p,
                                  const struct bowl *b, const char *glyph)
{
    double gx, gy, lr = bowl_current_lr(b);
    surface_gradient(&b->config.surface, b->x, b->y, &gx, &gy);
    enum optimizer_kind k = b->config.optimizer.kind;
    bool velocity = k == OPTIMIZER_MOMENTUM || k == OPTIMIZER_NESTEROV;
    double vx = -lr * b->state[0][0], vy = -lr * b->state[1][0];
    double longest = fmax(hypot(gx, gy) * BOWL_ARROW_SCALE,
                          velocity ? hypot(vx, vy) : 0.0);
    double room = 0.25 * fmin(p->x1 - p->x0, p->y1 - p->y0);
    double scale = longest > room ? room / longest : 1.0;
    if (b->steps > 0 && isfinite(b->step_x) && isfinite(b->step_y))
        plot_vector(c, p, b->x - b->step_x, b->y - b->step_y, b->step_x, b->step_y,
                    STYLE_PATH);
    if (velocity)
        plot_vector(c, p, b->x, b->y, vx * scale, vy * scale,
                    style_of(COLOUR_CYAN, ATTR_BOLD));
    plot_vector(c, p, b->x, b->y, -gx * BOWL_ARROW_SCALE * scale,
                -gy * BOWL_ARROW_SCALE * scale, STYLE_ARROW);
    plot_point(c, p, b->x, b->y, glyph, STYLE_POINT);
}

/* The race's lanes: a glyph and a colour each, by optimizer. */
static const char *const lane_glyphs[OPTIMIZER_COUNT] = {"s", "m", "n", "g", "r", "A"};
static const unsigned char lane_colours[OPTIMIZER_COUNT] = {
    COLOUR_WHITE, COLOUR_CYAN, COLOUR_BLUE, COLOUR_GREEN, COLOUR_MAGENTA, COLOUR_RED,
};

/* Every lane's path and point, and the legend: one line per optimizer
 * with its glyph and f, the winner starred, from the top of area. */
static void draw_race(struct canvas *c, const struct plot *p, const struct race *r,
                      struct rect legend)
{
    for (int i = 0; i < OPTIMIZER_COUNT; i++)
        draw_track(c, p, &r->lanes[i], style_of(lane_colours[i], 0), lane_glyphs[i],
                   style_of(lane_colours[i], ATTR_BOLD));
    for (int i = 0; i < OPTIMIZER_COUNT && i < legend.h; i++) {
        const struct bowl *b = &r->lanes[i];
        char fs[24], line[64];
        plot_format_number(fs, sizeof fs, bowl_value(b, b->x, b->y), -1);
        snprintf(line, sizeof line, "%s %-8s f=%s%s", lane_glyphs[i],
                 optimizer_name((enum optimizer_kind)i), fs,
                 r->winner == i ? (c->utf8 ? " ★" : " *") : "");
        int w = canvas_text_width(line);
        int x = legend.x + legend.w - w;
        canvas_text(c, x < legend.x ? legend.x : x, legend.y + i, legend.w, line,
                    style_of(lane_colours[i], ATTR_BOLD));
    }
}

static void draw_bowl(struct canvas *c, const struct rect box,
                      const struct view_state *s)
{
    const struct bowl *b = s->race ? &s->race->lanes[0] : s->bowl;
    const struct view_glyphs *g = view_glyphs_for(c->utf8);
    const struct surface *sf = &b->config.surface;
    char title[96];
    if (s->race) {
        char formula[80];
        snprintf(title, sizeof title, "race at lr %g, %s", b->lr,
                 surface_title(sf, c->utf8, formula, sizeof formula));
    } else {
        surface_title(sf, c->utf8, title, sizeof title);
    }
    canvas_box(c, box, title, STYLE_FRAME);
    struct rect in = view_inner(box);
    if (in.w < 10 || in.h < 5)
        return;
    struct bowl_info info;
    bowl_info_of(b, in.w, &info);
    if (s->race) {
        /* the winner: the first within RACE_TOLERANCE of the minimum */
        if (s->race->winner >= 0) {
            const char *name = optimizer_name((enum optimizer_kind)s->race->winner);
            snprintf(info.line1, sizeof info.line1, "step %zu  first at the minimum: %s (step %zu)",
                     b->steps, name, s->race->winner_step);
            if (canvas_text_width(info.line1) > in.w) /* many steps: the winner stays whole */
                snprintf(info.line1, sizeof info.line1, "step %zu  first: %s (step %zu)",
                         b->steps, name, s->race->winner_step);
        } else
            snprintf(info.line1, sizeof info.line1, "step %zu  first at the minimum: none yet",
                     b->steps);
        canvas_text(c, in.x, in.y, in.w, info.line1, STYLE_TEXT);
        info.rows = 1 + (info.limits[0] != '\0');
    } else if (canvas_text_width(info.line1) + 3 + canvas_text_width(info.line2) <= in.w) {
        int w = canvas_text(c, in.x, in.y, in.w, info.line1, STYLE_TEXT);
        canvas_text(c, in.x + w + 3, in.y, in.w - w - 3, info.line2, STYLE_TEXT);
    } else {
        canvas_text(c, in.x, in.y, in.w, info.line1, STYLE_TEXT);
        canvas_text(c, in.x, in.y + 1, in.w, info.line2, STYLE_TEXT);
    }
    if (info.limits[0])
        canvas_text(c, in.x, in.y + info.rows - 1, in.w, info.limits, STYLE_DIM);
    struct plot p;
    double r;
    bowl_plot(c, in, b, info.rows, &p, &r);
    bool plain = sf->kind == SURFACE_BOWL && b->config.optimizer.kind == OPTIMIZER_SGD &&
                 !s->race;
    if (sf->kind == SURFACE_BOWL)
        view_levels_circles(c, &p, r);
    else
        view_levels_surface(c, &p, sf);
    if (s->race) {
        draw_race(c, &p, s->race, (struct rect){p.area.x, p.area.y, p.area.w, p.area.h});
    } else {
        draw_track(c, &p, b, STYLE_PATH, g->current, STYLE_POINT);
        size_t n = b->path_len; /* the steps between start and point marked */
        if (n > 2 && b->path_x[n - 1] == b->x && b->path_y[n - 1] == b->y) {
            plot_marks(c, &p, b->path_x + 1, b->path_y + 1, n - 2, g->step, STYLE_PATH);
            plot_point(c, &p, b->x, b->y, g->current, STYLE_POINT);
        }
        /* -grad f at the point, then the point again on top of it. */
        if (plain) {
            if (plot_vector(c, &p, b->x, b->y, -2 * b->x * BOWL_ARROW_SCALE,
                            -2 * b->y * BOWL_ARROW_SCALE, STYLE_ARROW))
                plot_point(c, &p, b->x, b->y, g->current, STYLE_POINT);
        } else {
            draw_optimizer_arrows(c, &p, b, g->current);
        }
    }
    /* The start, and the minimum unless the point sits on it. */
    double fmin, minx = 0, miny = 0;
    surface_minimum(sf, &fmin, &minx, &miny);
    int mx, my, cx, cy, px = -9, py = -9;
    plot_to_cell(&p, b->x, b->y, &px, &py);
    if (b->path_len > 1 && plot_to_cell(&p, b->path_x[0], b->path_y[0], &cx, &cy) &&
        (cx != px || cy != py) &&
        (canvas_cell(c, cx, cy)->kind != CELL_TEXT || !strcmp(canvas_cell(c, cx, cy)->glyph, " ")))
        canvas_put(c, cx, cy, g->start, STYLE_TEXT);
    if (plot_to_cell(&p, minx, miny, &mx, &my) && (abs(px - mx) > 1 || abs(py - my) > 1))
        canvas_put(c, mx, my, "+", STYLE_DIM);
}


static double landscape_at(double w1, double w2, const void *ctx)
{
    return landscape_log_cost_at(ctx, w1, w2);
}

/* The landscape's -grad C arrow: scaled so that the grid's mean gradient
 * would be a quarter of the view across; it shrinks as the descent finds
 * flatter ground. */
#define LANDSCAPE_ARROW_SHARE 0.25

/* The landscape's pair of parameters (view_state.pair, {0, 0} read as
 * {0, 1}; a pair past this neuron's parameters as {0, 1} too), set on l,
 * and their names ("w1", "b") into names. The title is "cost landscape
 * C(A, B)" and the first line names what is held: b for the plain pair
 * of a two-input neuron (as always), else "others at their values". */
void view_landscape_pair(struct landscape *l, const struct view_state *s,
                         size_t pair[2], char names[2][16])
{
    size_t nparams = s->trainer->nparams;
    pair[0] = s->pair[0];
    pair[1] = s->pair[1];
    if (pair[0] == pair[1] || pair[0] >= nparams || pair[1] >= nparams) {
        pair[0] = 0;
        pair[1] = 1;
    }
    landscape_set_pair(l, pair[0], pair[1]);
    for (int k = 0; k < 2; k++)
        trainer_param_name(s->trainer, pair[k], names[k], sizeof names[k]);
}

/* The first line's held parameter "b = X" (one other parameter: b
 * for the plain pair w1, w2, as always) or "others held". */
static void held_text(char *buf, size_t size, const struct trainer *t,
                      const size_t pair[2])
{
    if (t->nparams != 3) {
        snprintf(buf, size, "others held");
        return;
    }
    size_t k = 3 - pair[0] - pair[1]; /* the one not in the pair */
    char name[16], value[24];
    neuron_param_name(2, k, name, sizeof name);
    plot_format_number(value, sizeof value, t->theta[k], -1);
    snprintf(buf, size, "%s = %s", name, value);
}

static void draw_landscape(struct canvas *c, const struct rect box,
                           const struct view_state *s)
{
    const struct trainer *t = s->trainer;
    const struct view_glyphs *g = view_glyphs_for(c->utf8);
    struct rect in = view_inner(box);
    struct landscape *l = s->landscape, *temporary = NULL;
    if (!l) {
        l = temporary = landscape_new();
        if (!l) {
            canvas_box(c, box, "cost landscape", STYLE_FRAME);
            canvas_text(c, in.x, in.y, in.w, "out of memory", STYLE_WARN);
            return;
        }
    }
    size_t pair[2];
    char names[2][16], title[64];
    view_landscape_pair(l, s, pair, names);
    snprintf(title, sizeof title, "cost landscape C(%s, %s)", names[0], names[1]);
    canvas_box(c, box, title, STYLE_FRAME);
    if (in.w < 10 || in.h < 5) {
        landscape_free(temporary);
        return;
    }
    struct view_numbers own;
    const struct view_numbers *num = view_cache_numbers(s->cache, t, &own);
    const double *gradient = num->gradient;
    const char *eq = num->rows < t->data->n ? c->utf8 ? "≈" : "~" : "="; /* a sample */
    char bs[48], cs[24], line[160];
    held_text(bs, sizeof bs, t, pair);
    plot_format_number(cs, sizeof cs, num->cost, -1);
    snprintf(line, sizeof line, "%s   C %s %s   arrow %s%sC", bs, eq, cs,
             c->utf8 ? "−" : "-", g->nabla);
    if (canvas_text_width(line) > in.w)
        snprintf(line, sizeof line, "%s   C %s %s", bs, eq, cs);
    canvas_text(c, in.x, in.y, in.w, line, STYLE_TEXT);

    double x0, x1, y0, y1;
    landscape_choose_view(l, t, &x0, &x1, &y0, &y1);
    struct rect area = {in.x, in.y + 1, in.w, in.h - 1};
    struct axes ax = {.x0 = x0, .x1 = x1, .y0 = y0, .y1 = y1, .equal_aspect = true,
                      .y_nice = true, .x_name = names[0], .y_name = names[1]};
    struct plot p;
    if (!plot_axes(c, area, &ax, STYLE_DIM, &p)) {
        plot_init(&p, area, x0, x1, y0, y1);
        plot_equal_aspect(&p);
    }
    /* A grid point per cell across and per half cell down: contours are
     * interpolated between them. */
    landscape_update(l, t, p.x0, p.x1, p.y0, p.y1, p.area.w + 1, 2 * p.area.h + 1,
                     !s->running);
    double levels[LANDSCAPE_LEVELS_MAX];
    size_t nl = landscape_levels(l, levels, LANDSCAPE_LEVELS_MAX);
    view_levels_plot(c, &p, landscape_at, l, levels, nl);
    size_t np = landscape_path(l, t);
    plot_path(c, &p, l->path_w1, l->path_w2, np, STYLE_PATH, g->current, STYLE_POINT);
    double share = LANDSCAPE_ARROW_SHARE * fmin(p.x1 - p.x0, p.y1 - p.y0);
    double scale = l->mean_gradient > 0 ? share / l->mean_gradient : NAN;
    double wa = t->theta[pair[0]], wb = t->theta[pair[1]];
    if (isfinite(scale) &&
        plot_vector(c, &p, wa, wb, -gradient[pair[0]] * scale, -gradient[pair[1]] * scale,
                    STYLE_ARROW))
        plot_point(c, &p, wa, wb, g->current, STYLE_POINT);
    landscape_free(temporary);
}


/* The landscape in 3D (mesh_surface_of_landscape: log10 C over the
 * contour view's square at the current b, from its lowest to its
 * highest value on the grid), with the training path. */
static void draw_landscape_mesh(struct canvas *c, const struct rect box,
                                const struct view_state *s)
{
    const struct trainer *t = s->trainer;
    struct rect in = view_inner(box);
    struct landscape *l = s->landscape, *temporary = NULL;
    if (!l) {
        l = temporary = landscape_new();
        if (!l) {
            canvas_box(c, box, "cost landscape, 3D", STYLE_FRAME);
            canvas_text(c, in.x, in.y, in.w, "out of memory", STYLE_WARN);
            return;
        }
    }
    size_t pair[2];
    char names[2][16], title[64];
    view_landscape_pair(l, s, pair, names);
    snprintf(title, sizeof title, "cost landscape C(%s, %s), 3D", names[0], names[1]);
    canvas_box(c, box, title, STYLE_FRAME);
    if (in.w < 10 || in.h < 5) {
        landscape_free(temporary);
        return;
    }
    struct view_numbers own;
    const struct view_numbers *num = view_cache_numbers(s->cache, t, &own);
    const char *eq = num->rows < t->data->n ? c->utf8 ? "≈" : "~" : "="; /* a sample */
    char bs[48], cs[24], line[160], angles[40];
    held_text(bs, sizeof bs, t, pair);
    plot_format_number(cs, sizeof cs, num->cost, -1);
    mesh_angles(angles, sizeof angles, s, c->utf8);
    snprintf(line, sizeof line, "%s   C %s %s", bs, eq, cs);
    canvas_text(c, in.x, in.y, in.w, line, STYLE_TEXT);
    snprintf(line, sizeof line, "%s  height log C", angles);
    if (canvas_text_width(line) > in.w)
        snprintf(line, sizeof line, "%s", angles);
    canvas_text(c, in.x, in.y + 1, in.w, line, STYLE_DIM);
    double x0, x1, y0, y1;
    landscape_choose_view(l, t, &x0, &x1, &y0, &y1);
    struct rect area = {in.x, in.y + 2, in.w, in.h - 2};
    int lines = plot_mesh_lines_for(area.w);
    landscape_update(l, t, x0, x1, y0, y1, 2 * lines + 1, 2 * lines + 1, !s->running);
    struct mesh_surface surface;
    if (!mesh_surface_of_landscape(l, &surface)) {
        canvas_text(c, area.x, area.y, area.w, "no finite cost here", STYLE_WARN);
        landscape_free(temporary);
        return;
    }
    size_t np = landscape_path(l, t);
    struct mesh_path path = {l->path_w1, l->path_w2, np};
    struct mesh_look look = mesh_look_of(c->utf8, names[0], names[1], "C", true);
    struct mesh_lines scratch = {0};
    if (!plot_mesh(c, area, &surface, s->mesh_turn, s->mesh_tilt, lines, &path,
                   &look, &scratch))
        canvas_text(c, area.x, area.y, area.w, "no room or no memory", STYLE_WARN);
    mesh_lines_free(&scratch);
    landscape_free(temporary);
}

void view_surface_draw(struct canvas *c, struct rect box,
                       const struct view_state *s)
{
    if (s->mesh && s->right == RIGHT_LANDSCAPE)
        draw_landscape_mesh(c, box, s);
    else if (s->mesh)
        draw_bowl_mesh(c, box, s);
    else if (s->right == RIGHT_LANDSCAPE)
        draw_landscape(c, box, s);
    else
        draw_bowl(c, box, s);
}

/* A click on the bowl's plot (the plane point at the cell's centre). */
bool view_surface_hit(const struct view_state *s, struct rect box, int x,
                      int y, struct view_hit *hit)
{
    if (s->right == RIGHT_LANDSCAPE && !s->mesh)
        return view_landscape_hit(s, box, x, y, hit);
    if (s->right != RIGHT_BOWL || s->mesh || !s->bowl)
        return false;
    struct rect in = view_inner(box);
    if (in.w < 10 || in.h < 5)
        return false;
    struct bowl_info info;
    bowl_info_of(s->bowl, in.w, &info);
    struct plot p;
    double r;
    bowl_plot(NULL, in, s->bowl, info.rows, &p, &r);
    const struct rect *a = &p.area;
    if (x < a->x || x >= a->x + a->w || y < a->y || y >= a->y + a->h)
        return false;
    /* The cell's centre: dot (2x + 1, 4y + 2). */
    double rx = 2.0 * (x - a->x) + 1.0, ry = 4.0 * (y - a->y) + 2.0;
    hit->x = p.x0 + (rx - 0.5) * plot_dot_width(&p);
    hit->y = p.y1 - (ry - 0.5) * plot_dot_height(&p);
    return true;
}
