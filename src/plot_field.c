/* plot_field.c - a function of the plane over a plot: shaded bands
 * between levels (decision regions) and contour lines (the bowl, the cost
 * landscape), sampled per dot and never outside the area. */
#include "plot.h"

#include <math.h>
#include <string.h>

#include "plot_internal.h"

/* ---------- bands and contours ---------- */

static int band_of(double v, const double *levels, size_t n)
{
    if (isnan(v))
        return -1;
    int band = 0;
    for (size_t i = 0; i < n; i++)
        if (v >= levels[i])
            band = (int)i + 1;
    return band;
}

/* Copies the k-th character (cycling) of a UTF-8 string into out. */
static void nth_glyph(const char *s, int k, char out[5])
{
    size_t count = 0;
    for (const char *q = s; *q; q++)
        if (((unsigned char)*q & 0xC0) != 0x80)
            count++;
    out[0] = ' ';
    out[1] = '\0';
    if (count == 0 || k < 0)
        return;
    size_t want = (size_t)k % count, seen = 0;
    for (const char *q = s; *q; q++) {
        if (((unsigned char)*q & 0xC0) == 0x80)
            continue;
        if (seen++ == want) {
            size_t len = 1;
            while (len < 4 && ((unsigned char)q[len] & 0xC0) == 0x80)
                len++;
            memcpy(out, q, len);
            out[len] = '\0';
            return;
        }
    }
}

void plot_bands(struct canvas *c, const struct plot *p, plot_function f,
                const void *ctx, const double *levels, size_t level_count,
                bool colour, const enum colour *ramp, size_t ramp_count,
                const char *shades)
{
    const struct rect *a = &p->area;
    for (int row = 0; row < a->h; row++) {
        for (int col = 0; col < a->w; col++) {
            double x, y;
            if (colour && ramp_count > 0) {
                for (int half = 0; half < 2; half++) {
                    plot_dot_to_data(p, 2.0 * col + 1.0, 4.0 * row + 1.0 + 2.0 * half, &x, &y);
                    int band = band_of(f(x, y, ctx), levels, level_count);
                    if (band >= 0)
                        canvas_half_pixel(c, a->x + col, 2 * (a->y + row) + half,
                                          ramp[(size_t)band % ramp_count]);
                }
            } else if (shades) {
                plot_dot_to_data(p, 2.0 * col + 1.0, 4.0 * row + 2.0, &x, &y);
                int band = band_of(f(x, y, ctx), levels, level_count);
                if (band < 0)
                    continue;
                char glyph[5];
                nth_glyph(shades, band, glyph);
                canvas_put(c, a->x + col, a->y + row, glyph,
                           style_of(COLOUR_DEFAULT, ATTR_DIM));
            }
        }
    }
}

void plot_contours(struct canvas *c, const struct plot *p, plot_function f,
                   const void *ctx, const double *levels, size_t level_count,
                   const struct style *styles, size_t style_count, bool dotted)
{
    int prev[PLOT_MAX_DOTS], cur[PLOT_MAX_DOTS];
    int nx = plot_dots_across(p), ny = plot_dots_down(p);
    if (nx > PLOT_MAX_DOTS)
        nx = PLOT_MAX_DOTS;
    if (style_count == 0)
        return;
    int left = 2 * p->area.x, top = 4 * p->area.y;
    for (int j = 0; j < ny; j++) {
        for (int i = 0; i < nx; i++) {
            double x, y;
            plot_dot_to_data(p, i + 0.5, j + 0.5, &x, &y);
            cur[i] = band_of(f(x, y, ctx), levels, level_count);
        }
        for (int i = 0; i < nx; i++) {
            if (cur[i] < 0)
                continue;
            if (i + 1 < nx && cur[i + 1] >= 0 && cur[i + 1] != cur[i] &&
                !(dotted && (j & 1))) {
                int lo = cur[i] < cur[i + 1] ? cur[i] : cur[i + 1];
                int at = cur[i] < cur[i + 1] ? i : i + 1;
                canvas_dot(c, &p->area, left + at, top + j,
                           styles[(size_t)lo % style_count]);
            }
            if (j > 0 && prev[i] >= 0 && prev[i] != cur[i] && !(dotted && (i & 1))) {
                int lo = cur[i] < prev[i] ? cur[i] : prev[i];
                int at = cur[i] < prev[i] ? j : j - 1;
                canvas_dot(c, &p->area, left + i, top + at,
                           styles[(size_t)lo % style_count]);
            }
        }
        memcpy(prev, cur, (size_t)nx * sizeof cur[0]);
    }
}

