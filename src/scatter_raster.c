/* scatter_raster.c - the data panel's points gathered per cell once per
 * plot window and data (see scatter_raster.h), so that a frame draws a
 * scatter of a million points in one look per cell, and the axes' data
 * ranges kept from frame to frame. */
#include "scatter_raster.h"

#include <stdlib.h>
#include <string.h>

#include "canvas.h"
#include "util.h"

#define FINGERPRINT_VALUES 256

uint64_t scatter_fingerprint(const double *v, size_t n)
{
    uint64_t h = 0xcbf29ce484222325u ^ (uint64_t)n;
    size_t step = n > FINGERPRINT_VALUES ? n / FINGERPRINT_VALUES : 1;
    for (size_t i = 0; v != NULL && i < n; i += step) {
        uint64_t bits;
        memcpy(&bits, &v[i], sizeof bits);
        h = (h ^ bits) * 0x100000001b3u;
        h ^= h >> 29;
    }
    return h;
}

bool range_cache_get(struct range_cache *rc, const double *v, size_t n,
                     double *lo, double *hi)
{
    uint64_t print = scatter_fingerprint(v, n);
    if (!(rc->valid && rc->v == v && rc->n == n && rc->print == print)) {
        rc->v = v;
        rc->n = n;
        rc->print = print;
        rc->finite = util_finite_range(v, n, &rc->lo, &rc->hi);
        rc->valid = true;
    }
    if (!rc->finite)
        return false;
    *lo = rc->lo;
    *hi = rc->hi;
    return true;
}

static bool same_plot(const struct plot *a, const struct plot *b)
{
    return a->area.x == b->area.x && a->area.y == b->area.y &&
           a->area.w == b->area.w && a->area.h == b->area.h &&
           util_same_bits(a->x0, b->x0) && util_same_bits(a->x1, b->x1) &&
           util_same_bits(a->y0, b->y0) && util_same_bits(a->y1, b->y1);
}

/* Points first..end into the raster; a cell keeps its largest index
 * (the last in sample order, whatever order blocks come in). */
static void add_range(struct scatter_raster *r, size_t first, size_t end)
{
    const struct plot *p = &r->p;
    size_t w = (size_t)(p->area.w > 0 ? p->area.w : 0);
    for (size_t i = first; i < end; i++) {
        int cx, cy;
        if (!plot_to_cell(p, r->xs[i], r->ys[i], &cx, &cy))
            continue;
        size_t at = (size_t)(cy - p->area.y) * w + (size_t)(cx - p->area.x);
        if (r->mask[at] == 0 || r->last[at] < i)
            r->last[at] = i;
        r->mask[at] |= r->cls[i] < 0.5 ? 1 : 2;
    }
}

/* The next blocks of the build: all of them, or step_points' worth. */
static void add_points(struct scatter_raster *r)
{
    size_t n = r->n;
    if (r->step_points == 0 || n <= r->step_points) {
        add_range(r, 0, n);
        r->complete = true;
        return;
    }
    size_t blocks = (n + SCATTER_RASTER_BLOCK - 1) / SCATTER_RASTER_BLOCK, added = 0;
    while (r->pass < SCATTER_RASTER_PASSES && added < r->step_points) {
        size_t b = r->block * SCATTER_RASTER_PASSES + r->pass;
        if (b >= blocks) {
            r->pass++;
            r->block = 0;
            continue;
        }
        size_t first = b * SCATTER_RASTER_BLOCK;
        size_t end = first + SCATTER_RASTER_BLOCK < n ? first + SCATTER_RASTER_BLOCK : n;
        add_range(r, first, end);
        added += end - first;
        r->block++;
    }
    r->complete = r->pass >= SCATTER_RASTER_PASSES;
}

bool scatter_raster_update(struct scatter_raster *r, const struct plot *p,
                           const double *xs, const double *ys,
                           const double *cls, size_t n)
{
    uint64_t print = scatter_fingerprint(xs, n) ^ (scatter_fingerprint(ys, n) << 1)
                     ^ (scatter_fingerprint(cls, n) << 2);
    if (r->valid && same_plot(&r->p, p) && r->xs == xs && r->ys == ys &&
        r->cls == cls && r->n == n && r->print == print) {
        if (!r->complete)
            add_points(r);
        return true;
    }
    r->valid = false;
    int w = p->area.w > 0 ? p->area.w : 0, h = p->area.h > 0 ? p->area.h : 0;
    size_t cells = (size_t)w * (size_t)h;
    if (cells > r->capacity) {
        unsigned char *mask = realloc(r->mask, cells * sizeof *mask);
        if (mask == NULL)
            return false;
        r->mask = mask;
        size_t *last = realloc(r->last, cells * sizeof *last);
        if (last == NULL)
            return false;
        r->last = last;
        r->capacity = cells;
    }
    if (cells > 0)
        memset(r->mask, 0, cells * sizeof *r->mask);
    r->p = *p;
    r->xs = xs;
    r->ys = ys;
    r->cls = cls;
    r->n = n;
    r->print = print;
    r->valid = true;
    r->pass = 0;
    r->block = 0;
    r->complete = false;
    r->builds++;
    add_points(r);
    return true;
}

bool scatter_raster_pending(const struct scatter_raster *r)
{
    return r->valid && !r->complete;
}

bool scatter_raster_draw(struct canvas *c, const struct scatter_raster *r,
                         const struct scatter_class classes[2],
                         bool (*marked)(size_t i, const void *ctx),
                         const void *ctx)
{
    bool overlap = false;
    const struct rect *a = &r->p.area;
    for (int y = 0; y < a->h; y++) {
        for (int x = 0; x < a->w; x++) {
            size_t at = (size_t)y * (size_t)a->w + (size_t)x;
            unsigned m = r->mask[at];
            if (m == 0)
                continue;
            if (m == 3) {
                canvas_put(c, a->x + x, a->y + y, "*", style_of(COLOUR_DEFAULT, ATTR_BOLD));
                overlap = true;
                continue;
            }
            const struct scatter_class *k = &classes[m == 1 ? 0 : 1];
            if (marked && marked(r->last[at], ctx))
                canvas_put(c, a->x + x, a->y + y, k->marked_glyph, k->marked_style);
            else
                canvas_put(c, a->x + x, a->y + y, k->glyph, k->style);
        }
    }
    return overlap;
}

void scatter_raster_free(struct scatter_raster *r)
{
    free(r->mask);
    free(r->last);
    memset(r, 0, sizeof *r);
}
