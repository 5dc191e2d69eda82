/* export_network.c - the saved SVG's pieces for a network with a hidden
 * layer (network.h): its decision boundary a = 0.5 as a curve over the
 * scatter panel, traced by marching squares on a grid of the output, and
 * the network's text in place of the single neuron's formula. */
#include "export_internal.h"

#include <math.h>
#include <stdbool.h>

#include "trainer.h"

/* Cells per side of the grid the boundary is traced on. */
#define BOUNDARY_CELLS 96

/* Where a - 0.5 crosses zero between two corner values (fa, fb): the
 * fraction of the way from a to b, or -1 when it does not. */
static double crossing(double fa, double fb)
{
    if (!isfinite(fa) || !isfinite(fb) || (fa < 0) == (fb < 0))
        return -1;
    return fa / (fa - fb);
}

void svg_network_boundary(FILE *f, const struct trainer *t, const double frame[4],
                          double x0, double x1, double y0, double y1)
{
    double value[BOUNDARY_CELLS + 1][BOUNDARY_CELLS + 1];
    const int n = BOUNDARY_CELLS;
    for (int j = 0; j <= n; j++)
        for (int i = 0; i <= n; i++)
            value[j][i] = trainer_output_at(t, x0 + (x1 - x0) * i / n,
                                            y0 + (y1 - y0) * j / n) - 0.5;
    double cw = frame[2] / n, ch = frame[3] / n;
    fputs("<path fill=\"none\" stroke=\"#111\" stroke-width=\"2\" d=\"", f);
    for (int j = 0; j < n; j++)
        for (int i = 0; i < n; i++) {
            /* Corners counter-clockwise from the lower left; edge k runs
             * from corner k to corner k+1. Picture y grows downwards. */
            double v[4] = {value[j][i], value[j][i + 1], value[j + 1][i + 1],
                           value[j + 1][i]};
            const int cx[4] = {0, 1, 1, 0}, cy[4] = {0, 0, 1, 1};
            double ex[4], ey[4];
            int found = 0;
            for (int k = 0; k < 4; k++) {
                double s = crossing(v[k], v[(k + 1) % 4]);
                if (s < 0)
                    continue;
                int k1 = (k + 1) % 4;
                double gx = i + cx[k] + s * (cx[k1] - cx[k]);
                double gy = j + cy[k] + s * (cy[k1] - cy[k]);
                ex[found] = frame[0] + gx * cw;
                ey[found] = frame[1] + frame[3] - gy * ch;
                found++;
            }
            /* Two crossings: one piece; four (a saddle): two pieces. */
            for (int k = 0; k + 1 < found; k += 2)
                fprintf(f, "M%.2f %.2fL%.2f %.2f", ex[k], ey[k], ex[k + 1], ey[k + 1]);
        }
    fputs("\"/>\n", f);
}

void svg_network_text(FILE *f, const struct view_state *s)
{
    const struct trainer *t = s->trainer;
    size_t hidden = t->config.hidden, nf = t->data->nfeatures;
    double cost = trainer_evaluate(t, NULL);
    svg_title(f, 620, 428, "the network");
    const char *big = "font-size=\"18\" font-family=\"monospace\" fill=\"#111\"";
    const char *text = "font-size=\"15\" font-family=\"monospace\" fill=\"#222\"";
    svg_text(f, 640, 470, big, "start", "%zu inputs, %zu hidden units (%s), one output",
             nf, hidden, hidden_activation_name(t->config.hidden_activation));
    svg_text(f, 640, 500, text, "start", "h_j = %s(u_j)   a = %s(sum w_j h_j + b)   loss %s",
             hidden_activation_name(t->config.hidden_activation),
             activation_name(t->config.activation), loss_name(t->config.loss));
    svg_text(f, 640, 526, text, "start", "C(now) = %.6g   accuracy %.1f%%", cost,
             100.0 * trainer_accuracy(t));
    /* The output weights and bias, as many as fit on two lines. */
    const double *w = t->theta + network_output_offset(nf, hidden);
    char line[160];
    size_t used = 0;
    for (size_t j = 0; j <= hidden && used + 24 < sizeof line; j++) {
        int n = j < hidden ? snprintf(line + used, sizeof line - used, "w%zu %.3g  ", j + 1, w[j])
                           : snprintf(line + used, sizeof line - used, "b %.3g", w[j]);
        if (n < 0)
            break;
        used += (size_t)n;
    }
    svg_text(f, 640, 552, text, "start", "%s", line);
    svg_text(f, 640, 578, text, "start", "x1 = %s   x2 = %s",
             s->data->x_name ? s->data->x_name : "?", s->data->y_name ? s->data->y_name : "?");
    svg_text(f, 640, 604, text, "start", "%zu parameters, in the order h1_w1 .. b",
             t->nparams);
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
