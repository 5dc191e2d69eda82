/* views.c - the whole screen from the state: lays out the panels (one
 * table: scatter, bowl or cost landscape, cost, neuron), a lesson's
 * caption and the status line for any size from 80x24 up (smaller
 * terminals get a one-line notice), draws them in order, and answers the
 * mouse's hit-tests from the same layout. Each panel is drawn by its own
 * view_*.c file; everything reads the model through const pointers. */
#include "views.h"

#include "views_internal.h"

#include <string.h>

static const struct view_glyphs utf8_glyphs = {
    "·", "—", "∂", "≥", "▶ running", "❚❚ paused", "■ done", "●", "○", " ·",
    "◀", "…", "∇", "•",
};
static const struct view_glyphs ascii_glyphs = {
    "*", "--", "d", ">=", "> running", "|| paused", "# done", "@", "o", " .",
    "<", "...", "grad ", "*",
};

const struct view_glyphs *view_glyphs_for(bool utf8)
{
    return utf8 ? &utf8_glyphs : &ascii_glyphs;
}

struct rect view_inner(struct rect r)
{
    return (struct rect){r.x + 1, r.y + 1, r.w - 2, r.h - 2};
}

/* The panels, drawn in this order; hit is NULL where a click on the
 * panel means nothing. */
static const struct {
    const char *name;
    void (*draw)(struct canvas *c, struct rect box, const struct view_state *s);
    bool (*hit)(const struct view_state *s, struct rect box, int x, int y,
                struct view_hit *hit);
} panels[PANEL_COUNT] = {
    [PANEL_SCATTER] = {"scatter", view_scatter_draw, NULL},
    [PANEL_SURFACE] = {"surface", view_surface_draw, view_surface_hit},
    [PANEL_COST] = {"cost", view_cost_draw, view_cost_hit},
    [PANEL_NEURON] = {"neuron", view_neuron_draw, NULL},
};

/* The panel each zoom shows. */
static const enum view_panel zoomed_panel[ZOOM_COUNT] = {
    [ZOOM_DATA] = PANEL_SCATTER, [ZOOM_COST] = PANEL_COST,
    [ZOOM_NEURON] = PANEL_NEURON, [ZOOM_RIGHT] = PANEL_SURFACE,
};

/* Left column 58% of the width, top row 3/5 of the panels' height; the
 * boxes share their borders. Zoomed, one panel takes all the rows above
 * the status line and the others are empty (w = h = 0: not drawn). */
static struct view_layout lay_out(int width, int height, int caption_rows,
                                  enum zoom_panel zoom)
{
    struct view_layout l;
    int rows = height - 1 - caption_rows;
    if (zoom > ZOOM_NONE && zoom < ZOOM_COUNT) {
        memset(&l, 0, sizeof l);
        l.panel[zoomed_panel[zoom]] = (struct rect){0, caption_rows, width, rows};
        l.caption_rows = caption_rows;
        l.status_row = height - 1;
        return l;
    }
    int left = width * 58 / 100;
    int top = (rows * 3 + 2) / 5;
    int y = caption_rows;
    l.panel[PANEL_SCATTER] = (struct rect){0, y, left, top};
    l.panel[PANEL_SURFACE] = (struct rect){left - 1, y, width - left + 1, top};
    l.panel[PANEL_COST] = (struct rect){0, y + top - 1, left, rows - top + 1};
    l.panel[PANEL_NEURON] = (struct rect){left - 1, y + top - 1, width - left + 1,
                                          rows - top + 1};
    l.caption_rows = caption_rows;
    l.status_row = height - 1;
    return l;
}

void views_render(struct canvas *c, const struct view_state *s)
{
    canvas_clear(c);
    if (c->width < VIEWS_MIN_WIDTH || c->height < VIEWS_MIN_HEIGHT) {
        view_too_small_draw(c);
        return;
    }
    struct view_layout l = lay_out(c->width, c->height,
                                   view_caption_rows(s, c->width, c->utf8), s->zoom);
    view_caption_draw(c, s);
    for (int i = 0; i < PANEL_COUNT; i++)
        if (l.panel[i].w > 0 && l.panel[i].h > 0)
            panels[i].draw(c, l.panel[i], s);
    view_status_draw(c, &l, s);
}

/* Hit-tests panel `which` of a width x height frame drawn from s. */
static bool hit_panel(const struct view_state *s, int width, int height,
                      enum view_panel which, int x, int y, struct view_hit *hit)
{
    if (width < VIEWS_MIN_WIDTH || height < VIEWS_MIN_HEIGHT || !panels[which].hit)
        return false;
    struct view_layout l =
        lay_out(width, height, view_caption_rows(s, width, true), s->zoom);
    if (l.panel[which].w <= 0 || l.panel[which].h <= 0)
        return false;
    return panels[which].hit(s, l.panel[which], x, y, hit);
}

bool views_bowl_point(const struct view_state *s, int width, int height,
                      int x, int y, double *px, double *py)
{
    struct view_hit hit;
    if (!hit_panel(s, width, height, PANEL_SURFACE, x, y, &hit))
        return false;
    *px = hit.x;
    *py = hit.y;
    return true;
}

bool views_cost_epoch(const struct view_state *s, int width, int height,
                      int x, int y, size_t *epoch)
{
    struct view_hit hit;
    if (!hit_panel(s, width, height, PANEL_COST, x, y, &hit))
        return false;
    *epoch = hit.epoch;
    return true;
}
