/* canvas.c - the memory canvas: a grid of cells, boxes that join, braille
 * dots, half-block pixels and clipped lines; dumped as text. Text and
 * wide characters are in canvas_text.c. No curses: term.c copies the
 * cells to the screen. */
#include "canvas.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "canvas_internal.h"
#include "util.h"

#define MAX_SIDE 100000

/* ---------- cells ---------- */

static void blank_cell(struct cell *cell)
{
    memset(cell, 0, sizeof *cell);
    cell->glyph[0] = ' ';
}

static int clamp_side(int v)
{
    if (v < 0)
        return 0;
    return v > MAX_SIDE ? MAX_SIDE : v;
}

bool canvas_init(struct canvas *c, int width, int height, bool utf8)
{
    memset(c, 0, sizeof *c);
    c->utf8 = utf8;
    return canvas_resize(c, width, height);
}

bool canvas_resize(struct canvas *c, int width, int height)
{
    width = clamp_side(width);
    height = clamp_side(height);
    size_t need = (size_t)width * (size_t)height;
    if (need > c->capacity) {
        struct cell *cells = realloc(c->cells, need * sizeof *cells);
        if (!cells) {
            canvas_clear(c);
            return false;
        }
        c->cells = cells;
        c->capacity = need;
    }
    c->width = width;
    c->height = height;
    canvas_clear(c);
    return true;
}

void canvas_free(struct canvas *c)
{
    free(c->cells);
    c->cells = NULL;
    c->capacity = 0;
    c->width = c->height = 0;
}

void canvas_clear(struct canvas *c)
{
    size_t n = (size_t)c->width * (size_t)c->height;
    for (size_t i = 0; i < n; i++)
        blank_cell(&c->cells[i]);
}

struct cell *canvas_cell(struct canvas *c, int x, int y)
{
    if (x < 0 || y < 0 || x >= c->width || y >= c->height)
        return NULL;
    return &c->cells[(size_t)y * (size_t)c->width + (size_t)x];
}

const struct cell *canvas_cell_const(const struct canvas *c, int x, int y)
{
    if (x < 0 || y < 0 || x >= c->width || y >= c->height)
        return NULL;
    return &c->cells[(size_t)y * (size_t)c->width + (size_t)x];
}

int canvas_clamp_int(double v, int lo, int hi)
{
    if (!(v >= (double)lo))     /* also NaN */
        return lo;
    if (v >= (double)hi)
        return hi;
    return (int)floor(v);
}

/* ---------- wide characters ---------- */

static bool is_continuation(const struct cell *cell)
{
    return cell->glyph[0] == '\0';
}

/* The cell at (x, y) made ready to be overwritten: when it is one half
 * of a wide character, the other half becomes a blank (in its style).
 * NULL outside the canvas. */
struct cell *canvas_writable_cell(struct canvas *c, int x, int y)
{
    struct cell *cell = canvas_cell(c, x, y);
    if (!cell)
        return NULL;
    struct cell *other = is_continuation(cell) ? canvas_cell(c, x - 1, y)
                                               : canvas_cell(c, x + 1, y);
    if (other && (is_continuation(cell) || is_continuation(other))) {
        other->glyph[0] = ' ';
        other->glyph[1] = '\0';
        other->kind = CELL_TEXT;
        other->dots = 0;
    }
    return cell;
}

void canvas_style_cell(struct cell *cell, struct style st, enum cell_kind kind)
{
    cell->fg = st.fg;
    cell->bg = st.bg;
    cell->attr = st.attr;
    cell->kind = (unsigned char)kind;
    cell->dots = 0;
}

/* Writes a one-column character (or a blank) at (x, y). */

/* ---------- boxes ---------- */

static const char *box_glyph(bool utf8, unsigned arms)
{
    static const char *const unicode[16] = {
        " ", "│", "│", "│", "─", "┘", "┐", "┤",
        "─", "└", "┌", "├", "─", "┴", "┬", "┼",
    };
    static const char *const ascii[16] = {
        " ", "|", "|", "|", "-", "+", "+", "+",
        "-", "+", "+", "+", "-", "+", "+", "+",
    };
    return utf8 ? unicode[arms & 15] : ascii[arms & 15];
}

void canvas_join(struct canvas *c, int x, int y, unsigned arms,
                     struct style st)
{
    struct cell *cell = canvas_writable_cell(c, x, y);
    if (!cell)
        return;
    unsigned have = cell->kind == CELL_BOX ? cell->dots : 0;
    have |= arms;
    canvas_style_cell(cell, st, CELL_BOX);
    cell->dots = (unsigned char)have;
    strcpy(cell->glyph, box_glyph(c->utf8, have));
}

/* A run of n joined box-drawing cells from (x, y), across or down. */
static void box_run(struct canvas *c, int x, int y, int n, bool across,
                    struct style st)
{
    unsigned back = across ? BOX_LEFT : BOX_UP, ahead = across ? BOX_RIGHT : BOX_DOWN;
    for (int i = 0; i < n; i++) {
        unsigned arms = 0;
        if (i > 0 || n == 1)
            arms |= back;
        if (i < n - 1 || n == 1)
            arms |= ahead;
        canvas_join(c, across ? x + i : x, across ? y : y + i, arms, st);
    }
}

void canvas_hline(struct canvas *c, int x, int y, int n, struct style st)
{
    box_run(c, x, y, n, true, st);
}

void canvas_vline(struct canvas *c, int x, int y, int n, struct style st)
{
    box_run(c, x, y, n, false, st);
}

void canvas_box(struct canvas *c, struct rect r, const char *title,
                struct style st)
{
    if (r.w < 2 || r.h < 2)
        return;
    canvas_hline(c, r.x, r.y, r.w, st);
    canvas_hline(c, r.x, r.y + r.h - 1, r.w, st);
    canvas_vline(c, r.x, r.y, r.h, st);
    canvas_vline(c, r.x + r.w - 1, r.y, r.h, st);
    if (title && *title && r.w > 6) {
        /* "┌─ title ─...─┐": at least one line cell kept at each end. */
        canvas_put(c, r.x + 2, r.y, " ", st);
        int room = r.w - 6;
        int n = canvas_text(c, r.x + 3, r.y, room, title, st);
        if (n > room)
            n = room;
        canvas_put(c, r.x + 3 + n, r.y, " ", st);
    }
}

/* ---------- braille dots ---------- */

/* Bit of the braille dot at column col (0-1), row row (0-3) of a cell. */
static unsigned braille_bit(int col, int row)
{
    static const unsigned char bits[4][2] = {
        {0x01, 0x08}, {0x02, 0x10}, {0x04, 0x20}, {0x40, 0x80}};
    return bits[row][col];
}

static bool in_clip(const struct canvas *c, const struct rect *clip, int dx,
                    int dy)
{
    if (dx < 0 || dy < 0)
        return false;
    long cx = dx / 2, cy = dy / 4;
    if (cx >= c->width || cy >= c->height)
        return false;
    if (clip && (cx < clip->x || cy < clip->y || cx >= (long)clip->x + clip->w ||
                 cy >= (long)clip->y + clip->h))
        return false;
    return true;
}

void canvas_dot(struct canvas *c, const struct rect *clip, int dx, int dy,
                struct style st)
{
    if (!in_clip(c, clip, dx, dy))
        return;
    struct cell *cell = canvas_writable_cell(c, dx >> 1, dy >> 2);
    unsigned have = cell->kind == CELL_BRAILLE ? cell->dots : 0;
    unsigned char bg = st.bg;
    if (cell->kind == CELL_HALF && st.bg == COLOUR_DEFAULT)
        bg = cell->fg;  /* dots over a band keep the band's colour */
    have |= braille_bit(dx & 1, dy & 3);
    canvas_style_cell(cell, st, CELL_BRAILLE);
    cell->bg = bg;
    cell->dots = (unsigned char)have;
    if (c->utf8) {
        cell->glyph[util_utf8_encode(0x2800 + have, cell->glyph)] = '\0';
    } else {
        bool top = have & 0x1B, bottom = have & 0xE4;
        cell->glyph[0] = top && bottom ? ':' : top ? '\'' : '.';
        cell->glyph[1] = '\0';
    }
}

void canvas_dot_at(struct canvas *c, const struct rect *clip, double dx,
                   double dy, struct style st)
{
    if (!(dx >= 0.0 && dy >= 0.0 && dx < 2.0 * c->width && dy < 4.0 * c->height))
        return;
    canvas_dot(c, clip, (int)dx, (int)dy, st);
}

/* ---------- lines ---------- */

bool canvas_clip_segment(double *x0, double *y0, double *x1, double *y1,
                         double xmin, double ymin, double xmax, double ymax)
{
    if (!(isfinite(*x0) && isfinite(*y0) && isfinite(*x1) && isfinite(*y1)))
        return false;
    double dx = *x1 - *x0, dy = *y1 - *y0;
    if (!(isfinite(dx) && isfinite(dy)))
        return false;
    double p[4] = {-dx, dx, -dy, dy};
    double q[4] = {*x0 - xmin, xmax - *x0, *y0 - ymin, ymax - *y0};
    double bound[4] = {xmin, xmax, ymin, ymax};
    double t0 = 0.0, t1 = 1.0;
    int b0 = -1, b1 = -1;   /* the boundary each end was clipped to */
    for (int i = 0; i < 4; i++) {
        if (p[i] == 0.0) {
            if (q[i] < 0.0)
                return false;
            continue;
        }
        double t = q[i] / p[i];
        if (p[i] < 0.0) {
            if (t > t1)
                return false;
            if (t > t0) {
                t0 = t;
                b0 = i;
            }
        } else {
            if (t < t0)
                return false;
            if (t < t1) {
                t1 = t;
                b1 = i;
            }
        }
    }
    /* A clipped end lies exactly on its boundary; only the other
     * coordinate is interpolated (exact for horizontal and vertical
     * lines, however long). */
    double ax = *x0 + t0 * dx, ay = *y0 + t0 * dy;
    double bx = *x0 + t1 * dx, by = *y0 + t1 * dy;
    if (b0 >= 0)
        *(b0 < 2 ? &ax : &ay) = bound[b0];
    if (b1 >= 0)
        *(b1 < 2 ? &bx : &by) = bound[b1];
    *x0 = fmin(fmax(ax, xmin), xmax);
    *y0 = fmin(fmax(ay, ymin), ymax);
    *x1 = fmin(fmax(bx, xmin), xmax);
    *y1 = fmin(fmax(by, ymin), ymax);
    return isfinite(ax) && isfinite(ay) && isfinite(bx) && isfinite(by);
}

/* The ASCII glyph of a line through a cell, by its slope in dots (about
 * square on screen; dy grows downwards). */
static const char *slope_glyph(int dx, int dy)
{
    int ax = abs(dx), ay = abs(dy);
    if (ay * 5 <= ax * 2)           /* under ~22 degrees */
        return "-";
    if (ax * 5 <= ay * 2)
        return "|";
    return (dx > 0) == (dy < 0) ? "/" : "\\";
}

/* Walks the clipped line dot by dot, drawing it or (erase) blanking the
 * cells it passes through. */
static void walk_line(struct canvas *c, const struct rect *clip, double x0,
                      double y0, double x1, double y1, struct style st,
                      bool erase)
{
    double xmin = 0, ymin = 0;
    double xmax = 2.0 * c->width, ymax = 4.0 * c->height;
    if (clip) {
        if (clip->x * 2.0 > xmin)
            xmin = clip->x * 2.0;
        if (clip->y * 4.0 > ymin)
            ymin = clip->y * 4.0;
        if ((clip->x + (double)clip->w) * 2.0 < xmax)
            xmax = (clip->x + (double)clip->w) * 2.0;
        if ((clip->y + (double)clip->h) * 4.0 < ymax)
            ymax = (clip->y + (double)clip->h) * 4.0;
    }
    if (xmax <= xmin || ymax <= ymin)
        return;
    /* Ends so far away that rounding moves the clipped line by half a dot
     * or more: where it crosses is unknown, draw nothing. */
    if (x0 != x1 && y0 != y1 &&
        4.5e-16 * fmax(fmax(fabs(x0), fabs(x1)), fmax(fabs(y0), fabs(y1))) >= 0.5)
        return;
    /* The last dot is [xmax-1, xmax): keep the ends strictly inside. */
    if (!canvas_clip_segment(&x0, &y0, &x1, &y1, xmin, ymin, xmax - 1e-9,
                             ymax - 1e-9))
        return;
    int ax = canvas_clamp_int(x0, (int)xmin, (int)xmax - 1);
    int ay = canvas_clamp_int(y0, (int)ymin, (int)ymax - 1);
    int bx = canvas_clamp_int(x1, (int)xmin, (int)xmax - 1);
    int by = canvas_clamp_int(y1, (int)ymin, (int)ymax - 1);
    int sx = ax < bx ? 1 : -1, sy = ay < by ? 1 : -1;
    int ddx = abs(bx - ax), ddy = -abs(by - ay);
    int err = ddx + ddy;
    const char *glyph = slope_glyph(bx - ax, by - ay);
    for (;;) {
        if (erase) {
            struct cell *cell = in_clip(c, clip, ax, ay) ? canvas_writable_cell(c, ax / 2, ay / 4) : NULL;
            if (cell)
                blank_cell(cell);
        } else if (c->utf8)
            canvas_dot(c, clip, ax, ay, st);
        else if (in_clip(c, clip, ax, ay))
            canvas_put(c, ax >> 1, ay >> 2, glyph, st);
        if (ax == bx && ay == by)
            break;
        int e2 = 2 * err;
        if (e2 >= ddy) {
            err += ddy;
            ax += sx;
        }
        if (e2 <= ddx) {
            err += ddx;
            ay += sy;
        }
    }
}

void canvas_line(struct canvas *c, const struct rect *clip, double x0,
                 double y0, double x1, double y1, struct style st)
{
    walk_line(c, clip, x0, y0, x1, y1, st, false);
}

void canvas_erase_line(struct canvas *c, const struct rect *clip, double x0,
                       double y0, double x1, double y1)
{
    walk_line(c, clip, x0, y0, x1, y1, style_of(COLOUR_DEFAULT, 0), true);
}

/* ---------- half blocks ---------- */

void canvas_half_pixel(struct canvas *c, int x, int py, enum colour colour)
{
    if (py < 0)
        return;
    struct cell *cell = canvas_writable_cell(c, x, py >> 1);
    if (!cell)
        return;
    unsigned char top, bottom;
    if (cell->kind == CELL_HALF) {
        top = cell->fg;
        bottom = cell->bg;
    } else {
        top = bottom = COLOUR_DEFAULT;
    }
    if (py & 1)
        bottom = (unsigned char)colour;
    else
        top = (unsigned char)colour;
    struct style st = {top, bottom, 0};
    canvas_style_cell(cell, st, CELL_HALF);
    if (!c->utf8) {
        cell->bg = top;
        strcpy(cell->glyph, " ");
    } else if (top == bottom) {
        cell->bg = top;
        strcpy(cell->glyph, "█");
    } else {
        strcpy(cell->glyph, "▀");
    }
}

/* ---------- dump ---------- */

bool canvas_dump(const struct canvas *c, FILE *out)
{
    for (int y = 0; y < c->height; y++) {
        const struct cell *row = &c->cells[(size_t)y * (size_t)c->width];
        int last = c->width - 1;
        while (last >= 0 && strcmp(row[last].glyph, " ") == 0)
            last--;
        for (int x = 0; x <= last; x++)
            fputs(row[x].glyph, out);  /* a continuation cell: nothing */
        fputc('\n', out);
    }
    return !ferror(out);
}

