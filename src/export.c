/* export.c - the `s` key's files: the history as CSV, the screen as text
 * and the four views as an SVG picture for slides (scatter with the
 * separating line, cost curve, bowl or landscape with the path (as
 * contours, or as a 3D mesh with hidden lines removed when the screen
 * shows the mesh), the neuron's formula). The SVG is written directly: every number is
 * checked finite and clipped to its panel first, every text escaped. */
#include "export.h"
#include "export_internal.h"

#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "landscape.h"
#include "plot.h"
#include "save_file.h"
#include "train_csv.h"
#include "util.h"

/* The picture: 1200 x 800 user units, two columns of panels. */
#define SVG_W 1200.0
#define SVG_H 800.0
#define COLOUR_CLASS0 "#1f6fb4"   /* blue: circles */
#define COLOUR_CLASS1 "#e07b00"   /* orange: crosses (blue/orange stay
                                     apart for colour-blind viewers) */

/* ---------- SVG primitives ---------- */

/* Writes text as XML character data: the five entities for & < > " ',
 * '?' for control characters and for each byte that is not part of
 * well-formed UTF-8 (util_utf8_decode: no overlong forms, no surrogates). */
static void xml_text(FILE *f, const char *text)
{
    const char *q = text ? text : "";
    size_t left = strlen(q);
    while (left > 0) {
        uint32_t cp;
        int len = util_utf8_decode(q, left, &cp);
        if (len == 0) {
            fputc('?', f);
            len = 1;
        } else if (len > 1) {
            fwrite(q, 1, (size_t)len, f);
        } else {
            switch (cp) {
            case '&': fputs("&amp;", f); break;
            case '<': fputs("&lt;", f); break;
            case '>': fputs("&gt;", f); break;
            case '"': fputs("&quot;", f); break;
            case '\'': fputs("&apos;", f); break;
            default: fputc(cp < 0x20 && cp != '\t' ? '?' : (int)cp, f); break;
            }
        }
        q += len;
        left -= (size_t)len;
    }
}

/* A text element at (x, y) (already finite) with printf content. */
void svg_text(FILE *f, double x, double y, const char *attrs,
                     const char *anchor, const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    fprintf(f, "<text x=\"%.2f\" y=\"%.2f\" text-anchor=\"%s\" %s>", x, y, anchor,
            attrs);
    xml_text(f, buf);
    fputs("</text>\n", f);
}

/* A panel: a rectangle of the picture showing [x0, x1] x [y0, y1]. */
struct panel {
    double left, top, width, height;
    double x0, x1, y0, y1;
};

static double px(const struct panel *p, double x)
{
    return p->left + (x - p->x0) / (p->x1 - p->x0) * p->width;
}

static double py(const struct panel *p, double y)
{
    return p->top + (p->y1 - y) / (p->y1 - p->y0) * p->height;
}

static bool inside(const struct panel *p, double x, double y)
{
    return x >= p->x0 && x <= p->x1 && y >= p->y0 && y <= p->y1;
}

/* A segment in data units, clipped to the panel (nothing if it misses). */
static void svg_segment(FILE *f, const struct panel *p, double xa, double ya,
                        double xb, double yb, const char *attrs)
{
    if (!canvas_clip_segment(&xa, &ya, &xb, &yb, p->x0, p->y0, p->x1, p->y1))
        return;
    fprintf(f, "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" %s/>\n",
            px(p, xa), py(p, ya), px(p, xb), py(p, yb), attrs);
}

/* A polyline through the points inside the panel; a point outside or
 * not finite ends one piece and starts another. */
static void svg_polyline(FILE *f, const struct panel *p, const double *xs,
                         const double *ys, size_t n, size_t stride,
                         const char *attrs)
{
    bool open = false;
    size_t count = 0;
    for (size_t i = 0; i < n; i += stride) {
        if (i + stride >= n && i != n - 1)
            i = n - 1;      /* always end on the last point */
        bool ok = isfinite(xs[i]) && isfinite(ys[i]) && inside(p, xs[i], ys[i]);
        if (!ok) {
            if (open)
                fprintf(f, "\" %s/>\n", attrs);
            open = false;
            continue;
        }
        if (!open) {
            fputs("<polyline fill=\"none\" points=\"", f);
            open = true;
            count = 0;
        }
        fprintf(f, "%s%.2f,%.2f", count++ ? " " : "", px(p, xs[i]), py(p, ys[i]));
    }
    if (open)
        fprintf(f, "\" %s/>\n", attrs);
}

/* An arrow from (x, y) along (vx, vy) in data units, clipped. */
static void svg_arrow(FILE *f, const struct panel *p, double x, double y,
                      double vx, double vy, const char *colour)
{
    double xb = x + vx, yb = y + vy, xa = x, ya = y;
    if (!inside(p, x, y) ||
        !canvas_clip_segment(&xa, &ya, &xb, &yb, p->x0, p->y0, p->x1, p->y1))
        return;
    double ax = px(p, xa), ay = py(p, ya), bx = px(p, xb), by = py(p, yb);
    double len = hypot(bx - ax, by - ay);
    if (!(len > 1.0))
        return;
    double ux = (bx - ax) / len, uy = (by - ay) / len, head = fmin(10.0, len / 2);
    fprintf(f, "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke=\"%s\" "
            "stroke-width=\"2\"/>\n", ax, ay, bx, by, colour);
    fprintf(f, "<polygon points=\"%.2f,%.2f %.2f,%.2f %.2f,%.2f\" fill=\"%s\"/>\n", bx,
            by, bx - head * ux - head / 2 * uy, by - head * uy + head / 2 * ux,
            bx - head * ux + head / 2 * uy, by - head * uy - head / 2 * ux, colour);
}

/* Axes on the panel's left and bottom edges, nice ticks with labels. */
static void svg_axes(FILE *f, const struct panel *p, const char *x_name,
                     const char *y_name, bool log_y)
{
    double l = p->left, t = p->top, r = l + p->width, b = t + p->height;
    fprintf(f, "<path d=\"M%.2f %.2fL%.2f %.2fL%.2f %.2f\" fill=\"none\" "
            "stroke=\"#444\"/>\n", l, t, l, b, r, b);
    const char *small = "font-size=\"12\" fill=\"#444\"";
    double step = plot_nice_step(p->x1 - p->x0, 6);
    for (double k = ceil(p->x0 / step - 1e-9); k * step <= p->x1 + 1e-9 * step; k++) {
        double v = fabs(k * step) < 1e-9 * step ? 0.0 : k * step, x = px(p, v);
        char label[32];
        plot_format_number(label, sizeof label, v, -1);
        fprintf(f, "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke=\"#444\"/>\n",
                x, b, x, b + 5);
        svg_text(f, x, b + 18, small, "middle", "%s", label);
    }
    step = plot_nice_step(p->y1 - p->y0, 5);
    if (log_y && step < 1)
        step = 1;
    for (double k = ceil(p->y0 / step - 1e-9); k * step <= p->y1 + 1e-9 * step; k++) {
        double v = fabs(k * step) < 1e-9 * step ? 0.0 : k * step, y = py(p, v);
        char label[32];
        plot_format_number(label, sizeof label, log_y ? pow(10.0, v) : v, -1);
        fprintf(f, "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke=\"#444\"/>\n",
                l - 5, y, l, y);
        svg_text(f, l - 8, y + 4, small, "end", "%s", label);
    }
    const char *name = "font-size=\"14\" font-style=\"italic\" fill=\"#222\"";
    svg_text(f, r, b + 36, name, "end", "%s", x_name);
    svg_text(f, l, t - 8, name, "middle", "%s", y_name);
}

/* A panel's frame title. */
void svg_title(FILE *f, double x, double y, const char *title)
{
    svg_text(f, x, y, "font-size=\"17\" font-weight=\"bold\" fill=\"#111\"", "start",
             "%s", title);
}

/* ---------- the four views ---------- */

/* The finite range of v[0..n) (-1..1 when none) widened by 6% each side
 * (by 0.5 when all values are equal), as the scatter view pads it. */
static void padded_range(const double *v, size_t n, double *lo, double *hi)
{
    if (!util_finite_range(v, n, lo, hi)) {
        *lo = -1;
        *hi = 1;
    }
    double pad = (*hi - *lo) * 0.06;
    if (pad == 0)
        pad = 0.5;
    *lo -= pad;
    *hi += pad;
}

/* The decision regions, as on the screen (d): the panel cut into
 * REGION_CELLS x REGION_CELLS rectangles, each shaded by the neuron's
 * output at its centre (a >= 0.5: the second class's colour, light).
 * Points and the line are drawn over them. */
#define REGION_CELLS 48
static void svg_regions(FILE *f, const struct view_state *s, const struct panel *p)
{
    double w = p->width / REGION_CELLS, h = p->height / REGION_CELLS;
    fputs("<g opacity=\"0.18\" shape-rendering=\"crispEdges\">\n", f);
    for (int j = 0; j < REGION_CELLS; j++)
        for (int i = 0; i < REGION_CELLS; i++) {
            double x = p->x0 + (p->x1 - p->x0) * (i + 0.5) / REGION_CELLS;
            double y = p->y1 - (p->y1 - p->y0) * (j + 0.5) / REGION_CELLS;
            double a = trainer_output_at(s->trainer, x, y);
            if (!isfinite(a))
                continue;
            fprintf(f, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" "
                    "fill=\"%s\"/>\n", p->left + i * w, p->top + j * h, w + 0.01, h + 0.01,
                    a >= 0.5 ? COLOUR_CLASS1 : COLOUR_CLASS0);
        }
    fputs("</g>\n", f);
}

static void svg_scatter(FILE *f, const struct view_state *s)
{
    const struct dataset *d = s->data;
    const struct trainer *t = s->trainer;
    struct panel p = {70, 70, 480, 270, 0, 0, 0, 0};
    padded_range(d->x1, d->n, &p.x0, &p.x1);
    padded_range(d->x2, d->n, &p.y0, &p.y1);
    svg_title(f, 20, 28, "data and the separating line");
    svg_axes(f, &p, d->x_name ? d->x_name : "x1", d->y_name ? d->y_name : "x2", false);
    if (s->regions)
        svg_regions(f, s, &p);
    for (size_t i = 0; i < d->n; i++) {
        if (!inside(&p, d->x1[i], d->x2[i]))
            continue;
        double x = px(&p, d->x1[i]), y = py(&p, d->x2[i]);
        if (d->y[i] < 0.5)
            fprintf(f, "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"4\" fill=\"none\" "
                    "stroke=\"" COLOUR_CLASS0 "\" stroke-width=\"1.5\"/>\n", x, y);
        else
            fprintf(f, "<path d=\"M%.2f %.2fL%.2f %.2fM%.2f %.2fL%.2f %.2f\" "
                    "stroke=\"" COLOUR_CLASS1 "\" stroke-width=\"1.5\"/>\n",
                    x - 4, y - 4, x + 4, y + 4, x - 4, y + 4, x + 4, y - 4);
    }
    /* w1 x + w2 y + b = threshold (a = 0.5), clipped to the panel. */
    const struct neuron two = neuron_two_of(t->theta, t->nparams), *n = &two;
    enum activation act = t->config.activation;
    double c = n->b - (act == ACT_LINEAR || act == ACT_RELU ? 0.5 : 0.0);
    const char *line = "stroke=\"#111\" stroke-width=\"2\"";
    if (t->config.hidden > 0) {
        const double frame[4] = {p.left, p.top, p.width, p.height};
        svg_network_boundary(f, t, frame, p.x0, p.x1, p.y0, p.y1);
    } else if (isfinite(n->w1) && isfinite(n->w2) && isfinite(c)) {
        if (fabs(n->w2) >= fabs(n->w1) && n->w2 != 0)
            svg_segment(f, &p, p.x0, -(n->w1 * p.x0 + c) / n->w2, p.x1,
                        -(n->w1 * p.x1 + c) / n->w2, line);
        else if (n->w1 != 0)
            svg_segment(f, &p, -(n->w2 * p.y0 + c) / n->w1, p.y0,
                        -(n->w2 * p.y1 + c) / n->w1, p.y1, line);
    }
    /* Legend, right of the title; the second entry after the first name. */
    const char *legend = "font-size=\"13\" fill=\"#222\"";
    const char *name0 = d->class_name[0] ? d->class_name[0] : "0";
    const char *name1 = d->class_name[1] ? d->class_name[1] : "1";
    double second = 350.0 + 8.0 * (double)(strlen(name0) < 40 ? strlen(name0) : 40) + 24.0;
    fprintf(f, "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"4\" fill=\"none\" stroke=\""
            COLOUR_CLASS0 "\" stroke-width=\"1.5\"/>\n", 340.0, 24.0);
    svg_text(f, 350, 28, legend, "start", "%s", name0);
    fprintf(f, "<path d=\"M%.2f 20L%.2f 28M%.2f 28L%.2f 20\" stroke=\"" COLOUR_CLASS1
            "\" stroke-width=\"1.5\"/>\n", second - 4, second + 4, second - 4, second + 4);
    svg_text(f, second + 10, 28, legend, "start", "%s", name1);
}

static void svg_bowl(FILE *f, const struct bowl *b)
{
    svg_title(f, 620, 28, "bowl f(x,y) = x\xc2\xb2 + y\xc2\xb2, gradient descent");
    double r = b->path_len ? fmax(fabs(b->path_x[0]), fabs(b->path_y[0])) : 5;
    if (!isfinite(r) || r < 1)
        r = 5;
    r *= 1.3;
    struct panel p = {750, 60, 290, 290, -r, r, -r, r};
    svg_axes(f, &p, "x", "y", false);
    double step = plot_nice_step(r, 5);
    for (double rad = step; rad <= r * 1.5 && rad < 60 * step; rad += step) {
        if (rad > r)   /* corners of the square: arcs clipped by the frame */
            break;
        fprintf(f, "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"%.2f\" fill=\"none\" "
                "stroke=\"#8ab\" stroke-width=\"1\"/>\n", px(&p, 0), py(&p, 0),
                rad / (2 * r) * p.width);
    }
    svg_polyline(f, &p, b->path_x, b->path_y, b->path_len, 1,
                 "stroke=\"#111\" stroke-width=\"1.5\"");
    if (inside(&p, b->x, b->y)) {
        svg_arrow(f, &p, b->x, b->y, -0.5 * b->x, -0.5 * b->y, "#c90");
        fprintf(f, "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"5\" fill=\"#d22\"/>\n",
                px(&p, b->x), py(&p, b->y));
    }
    svg_text(f, 620, 392, "font-size=\"13\" fill=\"#222\"", "start",
             "lr %g, step %zu; arrow: -grad f / 4", b->lr, b->steps);
}

/* Marching squares on the landscape's grid: the contour of one level as
 * segments (a saddle is split the same way every time). */
static void contour_level(FILE *f, const struct panel *p, const struct landscape *l,
                          double level)
{
    double cw = (l->x1 - l->x0) / (l->cols - 1), ch = (l->y1 - l->y0) / (l->rows - 1);
    for (int j = 0; j + 1 < l->rows; j++)
        for (int i = 0; i + 1 < l->cols; i++) {
            const double *v0 = l->log_cost + (size_t)j * (size_t)l->cols + (size_t)i;
            const double *v1 = v0 + l->cols;
            double v[4] = {v0[0], v0[1], v1[1], v1[0]}; /* counter-clockwise */
            double cx[4] = {0, 1, 1, 0}, cy[4] = {0, 0, 1, 1};
            if (!(isfinite(v[0]) && isfinite(v[1]) && isfinite(v[2]) && isfinite(v[3])))
                continue;
            double ex[4], ey[4];
            int found = 0;
            for (int e = 0; e < 4; e++) {
                int a = e, b = (e + 1) % 4;
                if ((v[a] < level) == (v[b] < level))
                    continue;
                double tt = (level - v[a]) / (v[b] - v[a]);
                ex[found] = l->x0 + (i + cx[a] + (cx[b] - cx[a]) * tt) * cw;
                ey[found] = l->y0 + (j + cy[a] + (cy[b] - cy[a]) * tt) * ch;
                found++;
            }
            for (int k = 0; k + 1 < found; k += 2)
                svg_segment(f, p, ex[k], ey[k], ex[k + 1], ey[k + 1],
                            "stroke=\"#8ab\" stroke-width=\"1\"");
        }
}

static void svg_landscape(FILE *f, const struct view_state *s)
{
    const struct trainer *t = s->trainer;
    char bs[32];
    plot_format_number(bs, sizeof bs, t->theta[t->nparams - 1], -1);
    char title[64], na[16], nb[16];
    trainer_param_name(t, 0, na, sizeof na);
    trainer_param_name(t, t->nparams > 1 ? 1 : 0, nb, sizeof nb);
    snprintf(title, sizeof title, "cost landscape C(%s, %s)", na, nb);
    svg_title(f, 620, 28, title);
    struct landscape *l = landscape_new();
    if (!l)
        return;
    double x0, x1, y0, y1;
    landscape_choose_view(l, t, &x0, &x1, &y0, &y1);
    struct panel p = {750, 60, 290, 290, x0, x1, y0, y1};
    svg_axes(f, &p, "w1", "w2", false);
    landscape_update(l, t, x0, x1, y0, y1, 97, 97, true);
    double levels[LANDSCAPE_LEVELS_MAX];
    size_t nl = landscape_levels(l, levels, LANDSCAPE_LEVELS_MAX);
    for (size_t i = 0; i < nl; i++)
        contour_level(f, &p, l, levels[i]);
    size_t np = landscape_path(l, t);
    svg_polyline(f, &p, l->path_w1, l->path_w2, np, 1,
                 "stroke=\"#111\" stroke-width=\"1.5\"");
    const struct neuron two = neuron_two_of(t->theta, t->nparams), *n = &two;
    double gradient[LANDSCAPE_PARAMS_MAX];
    landscape_evaluate(t->data, &t->config, t->theta, gradient);
    struct gradient g = gradient_two_of(gradient, t->nparams);
    double scale = l->mean_gradient > 0 ? 0.25 * (x1 - x0) / l->mean_gradient : NAN;
    if (isfinite(scale) && inside(&p, n->w1, n->w2)) {
        svg_arrow(f, &p, n->w1, n->w2, -g.dw1 * scale, -g.dw2 * scale, "#c90");
        fprintf(f, "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"5\" fill=\"#d22\"/>\n",
                px(&p, n->w1), py(&p, n->w2));
    }
    svg_text(f, 620, 392, "font-size=\"13\" fill=\"#222\"", "start",
             "at b = %s; levels log-spaced; arrow: -grad C", bs);
    landscape_free(l);
}

static void svg_cost(FILE *f, const struct history *h)
{
    svg_title(f, 20, 428, "epoch cost: the mean during each epoch (log scale)");
    struct panel p = {90, 460, 460, 270, 0, 1, 0, 1};
    if (h->len == 0) {
        svg_text(f, 320, 600, "font-size=\"14\" fill=\"#444\"", "middle", "no epochs yet");
        return;
    }
    double lo = INFINITY, hi = -INFINITY;
    for (size_t i = 0; i < h->len; i++) {
        double c = h->records[i].cost;
        if (isfinite(c) && c > 0) {
            lo = fmin(lo, c);
            hi = fmax(hi, c);
        }
    }
    if (!(hi >= lo)) {
        lo = 1e-3;
        hi = 1;
    }
    p.y0 = floor(log10(lo));
    p.y1 = ceil(log10(hi));
    if (p.y1 <= p.y0)
        p.y1 = p.y0 + 1;
    p.x0 = (double)h->records[0].epoch;
    p.x1 = (double)h->records[h->len - 1].epoch;
    if (p.x1 <= p.x0)
        p.x1 = p.x0 + 1;
    svg_axes(f, &p, "epoch", "epoch cost", true);
    /* At most about 2000 vertices: every k-th record, the last always. */
    size_t stride = h->len / 2000 + 1;
    fputs("<polyline fill=\"none\" stroke=\"#2a2\" stroke-width=\"1.5\" points=\"", f);
    size_t count = 0;
    for (size_t i = 0; i < h->len; i += stride) {
        if (i + stride >= h->len)
            i = h->len - 1;
        double c = h->records[i].cost;
        if (!(isfinite(c) && c > 0))
            continue;
        fprintf(f, "%s%.2f,%.2f", count++ ? " " : "", px(&p, (double)h->records[i].epoch),
                py(&p, log10(c)));
    }
    fputs("\"/>\n", f);
    const char *label = "font-size=\"12\" fill=\"#2a2\"";
    svg_text(f, p.left + p.width, py(&p, log10(hi)) - 6, label, "end", "max %.4g", hi);
    svg_text(f, p.left + p.width, py(&p, log10(lo)) - 6, label, "end", "min %.4g", lo);
}

static void svg_neuron(FILE *f, const struct view_state *s)
{
    const struct trainer *t = s->trainer;
    if (t->config.hidden > 0) {
        svg_network_text(f, s);
        return;
    }
    const struct neuron two = neuron_two_of(t->theta, t->nparams), *n = &two;
    double gradient[LANDSCAPE_PARAMS_MAX];
    double cost = trainer_evaluate(t, gradient);
    struct gradient g = gradient_two_of(gradient, t->nparams);
    svg_title(f, 620, 428, "the neuron");
    const char *big = "font-size=\"18\" font-family=\"monospace\" fill=\"#111\"";
    const char *text = "font-size=\"15\" font-family=\"monospace\" fill=\"#222\"";
    svg_text(f, 640, 470, big, "start", "z = %.4g\xc2\xb7x1 %s %.4g\xc2\xb7x2 %s %.4g",
             n->w1, n->w2 < 0 ? "-" : "+", fabs(n->w2), n->b < 0 ? "-" : "+", fabs(n->b));
    svg_text(f, 640, 500, text, "start", "a = %s(z)   loss %s",
             activation_name(t->config.activation), loss_name(t->config.loss));
    svg_text(f, 640, 526, text, "start", "C(now) = %.6g (at these weights)   accuracy %.1f%%",
             cost, 100.0 * trainer_accuracy(t));
    svg_text(f, 640, 552, text, "start", "dC/dw1 = %.4g   dC/dw2 = %.4g   dC/db = %.4g",
             g.dw1, g.dw2, g.db);
    svg_text(f, 640, 578, text, "start", "x1 = %s   x2 = %s",
             s->data->x_name ? s->data->x_name : "?", s->data->y_name ? s->data->y_name : "?");
    svg_text(f, 640, 604, text, "start", "y = 0: %s   y = 1: %s",
             s->data->class_name[0] ? s->data->class_name[0] : "?",
             s->data->class_name[1] ? s->data->class_name[1] : "?");
    char batch[32];
    if (t->config.batch == 0)
        snprintf(batch, sizeof batch, "full");
    else
        snprintf(batch, sizeof batch, "%zu", t->config.batch);
    svg_text(f, 640, 640, text, "start", "epoch %zu   lr %g   batch %s   init %s",
             t->epoch, t->config.lr, batch, init_name(t->config.init));
    if (s->lesson && s->caption[0])
        svg_text(f, 640, 680, text, "start", "lesson %s: %s", s->lesson, s->caption[0]);
}

static void write_svg(FILE *f, const struct view_state *s)
{
    fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" "
            "viewBox=\"0 0 %.0f %.0f\" font-family=\"sans-serif\" xml:space=\"preserve\">\n",
            SVG_W, SVG_H, SVG_W, SVG_H);
    fputs("<title>descent: one neuron learning by gradient descent</title>\n", f);
    fprintf(f, "<rect x=\"0\" y=\"0\" width=\"%.0f\" height=\"%.0f\" fill=\"white\"/>\n",
            SVG_W, SVG_H);
    fprintf(f, "<path d=\"M600 10L600 790M10 400L1190 400\" stroke=\"#ccc\"/>\n");
    svg_scatter(f, s);
    if (s->mesh && s->right == RIGHT_LANDSCAPE)
        svg_landscape_mesh(f, s);
    else if (s->mesh)
        svg_bowl_mesh(f, s);
    else if (s->right == RIGHT_LANDSCAPE)
        svg_landscape(f, s);
    else
        svg_bowl(f, s->bowl);
    svg_cost(f, &s->trainer->history);
    svg_neuron(f, s);
    fputs("</svg>\n", f);
}

/* ---------- the three files ---------- */

/* The history as the headless CSV has it (train_csv.h: the same header,
 * the same columns, each row's accuracy or r2 and test columns computed
 * from that epoch's parameters at the current settings), so that a run
 * whose settings never changed saves exactly the rows --headless prints
 * (every epoch while the history is not thinned). cost is the epoch's
 * cost: the mean during the epoch, as on the cost plot. */
static void write_csv(FILE *f, const struct trainer *t)
{
    const struct history *h = &t->history;
    struct trainer view = *t; /* reads only: its theta is a copy below */
    double theta[LANDSCAPE_PARAMS_MAX], values[TRAIN_CSV_VALUES_MAX];
    size_t count = train_csv_width(t);
    if (t->nparams > LANDSCAPE_PARAMS_MAX || count > TRAIN_CSV_VALUES_MAX)
        return;
    view.theta = theta;
    train_csv_header(f, t);
    for (size_t i = 0; i < h->len; i++) {
        const struct epoch_record *r = &h->records[i];
        memcpy(theta, history_params(h, i), t->nparams * sizeof theta[0]);
        view.last_cost = r->cost;
        train_csv_values(&view, values);
        train_csv_row(f, r->epoch, values, count);
    }
}

/* The files of a save, in the order they are written. */
enum { SAVE_CSV, SAVE_TXT, SAVE_SVG, SAVE_COUNT };
static const char *const save_extensions[SAVE_COUNT] = {".csv", ".txt", ".svg"};

/* Writes file `which` of the save to f; false if the text dump fails. */
static bool write_content(size_t which, FILE *f, const struct view_state *s,
                          const struct canvas *screen)
{
    switch (which) {
    case SAVE_CSV:
        write_csv(f, s->trainer);
        return true;
    case SAVE_TXT:
        return canvas_dump(screen, f);
    default:
        write_svg(f, s);
        return true;
    }
}

/* What save_writer needs: save_file.c picks the names and makes sure no
 * partial file is ever left; this file only says what goes in them. */
struct save_job {
    const struct view_state *view;
    const struct canvas *screen;
};

static bool save_writer(size_t which, FILE *f, void *context)
{
    const struct save_job *job = context;
    return write_content(which, f, job->view, job->screen);
}

bool export_save(const char *base, const struct view_state *s,
                 const struct canvas *screen, char *stem, size_t stemlen,
                 char *err, size_t errlen)
{
    struct canvas own = {0};
    if (!screen) {          /* no screen given: the frame at 120x40 */
        if (!canvas_init(&own, 120, 40, true)) {
            snprintf(err, errlen, "%s.txt: out of memory", base);
            return false;
        }
        views_render(&own, s);
        screen = &own;
    }
    struct save_job job = {s, screen};
    bool ok = save_files(base, save_extensions, SAVE_COUNT, save_writer, &job,
                         stem, stemlen, err, errlen);
    canvas_free(&own);
    return ok;
}
