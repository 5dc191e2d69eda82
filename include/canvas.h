/* canvas.h - an in-memory grid of cells (glyph + colours + attributes)
 * that every view draws into; term.c copies it to the terminal and
 * canvas_dump writes it as plain text. No curses here.
 *
 * Coordinates: cells are (x, y) from the top-left, x to the right, y down.
 * Sub-cell "dots" are 2 wide by 4 tall per cell (braille), so dot (dx, dy)
 * lies in cell (dx / 2, dy / 4); a terminal cell is about twice as tall as
 * wide, so dots are about square. Half-block "pixels" are 1 wide by 2 tall
 * per cell. Everything outside the canvas (or a given clip rectangle) is
 * silently dropped; coordinates given as doubles may be NaN, infinite or
 * huge and are clipped before any conversion to int. */
#ifndef DESCENT_CANVAS_H
#define DESCENT_CANVAS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* The eight ANSI colours plus the terminal's default. */
enum colour {
    COLOUR_DEFAULT,
    COLOUR_BLACK,
    COLOUR_RED,
    COLOUR_GREEN,
    COLOUR_YELLOW,
    COLOUR_BLUE,
    COLOUR_MAGENTA,
    COLOUR_CYAN,
    COLOUR_WHITE,
    COLOUR_COUNT
};

enum {
    ATTR_BOLD = 1,
    ATTR_DIM = 2,
    ATTR_REVERSE = 4,
    ATTR_UNDERLINE = 8
};

/* What a cell holds, so later drawing can combine with it. */
enum cell_kind {
    CELL_TEXT,      /* a glyph written as is */
    CELL_BRAILLE,   /* braille dots (dots bits); ASCII: . ' : */
    CELL_BOX,       /* box-drawing line; dots holds BOX_* arm bits */
    CELL_HALF       /* half-block pixels: fg = top colour, bg = bottom */
};

/* Arms of a box-drawing cell (combined so that boxes join: ┬ ├ ┼ ...). */
enum { BOX_UP = 1, BOX_DOWN = 2, BOX_LEFT = 4, BOX_RIGHT = 8 };

/* One terminal cell: a single-column glyph as UTF-8 (NUL-terminated) in
 * a UTF-8 canvas, a printable ASCII byte otherwise. A character two
 * columns wide (CJK) sits in two cells: the first holds its glyph, the
 * second is a continuation cell whose glyph is "" (glyph[0] == '\0'),
 * which a terminal skips and canvas_dump writes as nothing. Overwriting
 * either half of a wide character blanks the other half. */
struct cell {
    char glyph[5];
    unsigned char fg, bg;   /* enum colour */
    unsigned char attr;     /* ATTR_* bits */
    unsigned char dots;     /* braille dot bits while the glyph is braille */
    unsigned char kind;     /* enum cell_kind */
};

struct canvas {
    int width, height;
    bool utf8;              /* braille/box/half-blocks allowed */
    struct cell *cells;     /* width * height, row-major */
    size_t capacity;        /* cells allocated (>= width * height) */
};

/* How something is drawn: colours and ATTR_* bits. */
struct style {
    unsigned char fg, bg, attr;
};

/* A rectangle of cells. */
struct rect {
    int x, y, w, h;
};

/* Style shorthand: foreground colour and attributes on the default bg. */
static inline struct style style_of(enum colour fg, unsigned attr)
{
    struct style s = {(unsigned char)fg, COLOUR_DEFAULT, (unsigned char)attr};
    return s;
}

/* Decodes one UTF-8 character from the NUL-terminated string s (strictly,
 * by util_utf8_decode); stores its length in *len: 0 at the end of the
 * string, 1 for a malformed byte (then 0xFFFD is returned), so a loop
 * always advances. Returns the code point. Used by the canvas and term.c. */
uint32_t utf8_decode(const char *s, int *len);

/* Allocates a width x height canvas (negative sizes count as 0), cleared.
 * utf8 selects braille/box/half-block glyphs; otherwise only ASCII is
 * written. Returns false when out of memory (the canvas is then empty but
 * valid). Free with canvas_free. */
bool canvas_init(struct canvas *c, int width, int height, bool utf8);

/* Changes the size and clears; reallocates only when it grows beyond the
 * capacity. Returns false when out of memory (the canvas keeps its old
 * size, cleared). */
bool canvas_resize(struct canvas *c, int width, int height);

/* Frees the cells; the canvas becomes 0x0 and may be freed again. */
void canvas_free(struct canvas *c);

/* Every cell to a blank in the default colours. */
void canvas_clear(struct canvas *c);

/* The cell at (x, y), or NULL outside the canvas. */
struct cell *canvas_cell(struct canvas *c, int x, int y);
const struct cell *canvas_cell_const(const struct canvas *c, int x, int y);

/* Writes one glyph (the first character of a UTF-8 string; in an ASCII
 * canvas a non-ASCII character becomes its ASCII stand-in or '?') at
 * (x, y) with style st, as canvas_text would write it (a wide character
 * takes two cells; a zero-width one writes a blank). Ignored outside the
 * canvas. */
void canvas_put(struct canvas *c, int x, int y, const char *glyph,
                struct style st);

/* Writes UTF-8 text from (x, y), clipped to the canvas and to at most
 * max_width columns (< 0: no limit). Each character takes its display
 * width (util_char_width): a wide character takes two cells (in an ASCII
 * canvas it becomes "??"), one that would straddle the limit or the right
 * edge becomes a blank; zero-width and combining characters are dropped;
 * invalid bytes and control characters are written as '?'. Returns the
 * number of columns the text takes (clipped or not), so callers can align. */
int canvas_text(struct canvas *c, int x, int y, int max_width,
                const char *text, struct style st);

/* Columns a UTF-8 string takes on the canvas, as canvas_text counts them
 * (2 for a wide character, 0 for a zero-width one, 1 otherwise). */
int canvas_text_width(const char *text);

/* Fills a rectangle with one glyph in style st. */
void canvas_fill(struct canvas *c, struct rect r, const char *glyph,
                 struct style st);

/* A horizontal / vertical box-drawing line of length n cells; crossings
 * with other lines join (├ ┬ ┼; '+' in ASCII). */
void canvas_hline(struct canvas *c, int x, int y, int n, struct style st);
void canvas_vline(struct canvas *c, int x, int y, int n, struct style st);

/* Adds BOX_* arms to the box-drawing cell at (x, y), joining with a line
 * already there (an axis tick: canvas_join(c, x, y, BOX_LEFT, st) on a
 * vertical line gives ┤). */
void canvas_join(struct canvas *c, int x, int y, unsigned arms,
                 struct style st);

/* The outline of r (joined to neighbouring boxes) with an optional title
 * written into the top edge: "┌─ title ──┐" ("+- title --+" in ASCII). */
void canvas_box(struct canvas *c, struct rect r, const char *title,
                struct style st);

/* Sets one braille dot at dot coordinates (dx, dy) if it lies inside clip
 * (NULL: the whole canvas), combining with the dots already in the cell.
 * The cell takes colour st (a cell has one colour: the last wins). An
 * ASCII canvas shows the dots of a cell as ' (top half), . (bottom
 * half) or : (both). */
void canvas_dot(struct canvas *c, const struct rect *clip, int dx, int dy,
                struct style st);

/* canvas_dot from double dot coordinates (floored); NaN, infinite and
 * out-of-range values are dropped. */
void canvas_dot_at(struct canvas *c, const struct rect *clip, double dx,
                   double dy, struct style st);

/* A straight line in dot coordinates from (x0, y0) to (x1, y1), both
 * ends included, clipped to clip (NULL: the whole canvas) before any
 * rounding. Braille dots in a UTF-8 canvas; in ASCII one of - | / \ per
 * cell by the slope. Non-finite ends draw nothing. */
void canvas_line(struct canvas *c, const struct rect *clip, double x0,
                 double y0, double x1, double y1, struct style st);

/* Blanks every cell the line canvas_line would draw passes through (to
 * draw a line over busy ground, e.g. a path over contour dots). */
void canvas_erase_line(struct canvas *c, const struct rect *clip, double x0,
                       double y0, double x1, double y1);

/* Clips the segment (x0, y0)-(x1, y1) to the rectangle [xmin, xmax] x
 * [ymin, ymax] in place (Liang-Barsky). Returns false when nothing is
 * left or a value is not finite. */
bool canvas_clip_segment(double *x0, double *y0, double *x1, double *y1,
                         double xmin, double ymin, double xmax, double ymax);

/* Sets one half-block pixel (x, py): py counts half cells from the top.
 * In UTF-8 the cell shows ▀ ▄ or █ with the two pixels' colours (fg top,
 * bg bottom); in ASCII a blank with the top pixel's colour as background.
 * Colours only: callers without colour draw shading glyphs instead. */
void canvas_half_pixel(struct canvas *c, int x, int py, enum colour colour);

/* Writes the canvas as text: exactly height lines, each ended by '\n',
 * trailing blanks removed; a wide character's glyph once and nothing for
 * its continuation cell, so a row still takes width columns in a
 * terminal. Returns false on a write error. */
bool canvas_dump(const struct canvas *c, FILE *out);

/* Converts a double to an int in [lo, hi] (floor), NaN to lo: the only
 * safe way from plot coordinates to cells. */
int canvas_clamp_int(double v, int lo, int hi);

#endif
