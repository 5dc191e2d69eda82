/* canvas_text.c - characters into cells: UTF-8 decoded strictly, each
 * character at its display width (a wide one in two cells, the second a
 * continuation cell), ASCII stand-ins on an ASCII canvas, '?' for what
 * cannot be shown. */
#include "canvas.h"

#include <string.h>

#include "canvas_internal.h"
#include "util.h"

/* Decodes one character; see canvas.h. */
uint32_t utf8_decode(const char *s, int *len)
{
    size_t n = 0;
    while (n < 4 && s[n] != '\0')
        n++;
    if (n == 0) {
        *len = 0;
        return 0;
    }
    uint32_t cp;
    int used = util_utf8_decode(s, n, &cp);
    *len = used > 0 ? used : 1;  /* a malformed byte is skipped alone */
    return cp;
}

static bool is_control(uint32_t cp)
{
    return cp < 0x20 || (cp >= 0x7F && cp < 0xA0);
}

/* Columns cp takes on the canvas: controls and malformed bytes show as
 * one '?', combining and zero-width characters are dropped (0), East
 * Asian wide characters take two cells. */
static int glyph_columns(uint32_t cp)
{
    if (is_control(cp) || cp == 0xFFFD)
        return 1;
    return util_char_width(cp);
}

/* The ASCII stand-in of a character an ASCII canvas cannot show. */
static char ascii_for(uint32_t cp)
{
    static const struct { uint32_t cp; char ascii; } map[] = {
        {0x00B7, '*'}, {0x00B2, '2'}, {0x00D7, 'x'}, {0x2212, '-'},
        {0x2013, '-'}, {0x2014, '-'}, {0x2190, '<'}, {0x2192, '>'},
        {0x2191, '^'}, {0x2193, 'v'}, {0x2202, 'd'}, {0x2265, '>'},
        {0x2264, '<'}, {0x2026, '.'}, {0x25B6, '>'}, {0x275A, '|'},
        {0x25A0, '#'}, {0x25CF, '@'}, {0x03C3, 's'}, {0x2190, '<'},
        {0x00BD, '/'}, {0x2260, '#'}, {0x2248, '~'}, {0x00B0, 'o'},
    };
    if (cp >= 0x20 && cp < 0x7F)
        return (char)cp;
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (map[i].cp == cp)
            return map[i].ascii;
    return '?';
}

/* The glyph of cp in this canvas: itself in UTF-8, its ASCII stand-in
 * otherwise; '?' for a control or malformed character. */
static void set_glyph(const struct canvas *c, struct cell *cell, uint32_t cp)
{
    if (is_control(cp) || cp == 0xFFFD)
        cp = '?';
    if (!c->utf8 || cp < 0x80) {
        cell->glyph[0] = c->utf8 ? (char)cp : ascii_for(cp);
        cell->glyph[1] = '\0';
    } else {
        int n = util_utf8_encode(cp, cell->glyph);
        cell->glyph[n] = '\0';
    }
}


static void put_narrow(struct canvas *c, int x, int y, uint32_t cp,
                       struct style st)
{
    struct cell *cell = canvas_writable_cell(c, x, y);
    if (!cell)
        return;
    canvas_style_cell(cell, st, CELL_TEXT);
    set_glyph(c, cell, cp);
}

/* Writes character cp (of glyph_columns cols) at (x, y), given room
 * columns up to a limit (the canvas edge counts too): a wide character
 * takes its cell and a continuation cell (glyph "") after it in UTF-8,
 * "??" in ASCII, and a blank when only one column is left. */
static void put_char(struct canvas *c, int x, int y, uint32_t cp, int cols,
                     int room, struct style st)
{
    if (cols == 1) {
        put_narrow(c, x, y, cp, st);
        return;
    }
    if (room < 2 || x + 1 >= c->width) {
        put_narrow(c, x, y, ' ', st);
        return;
    }
    if (!c->utf8) {
        put_narrow(c, x, y, '?', st);
        put_narrow(c, x + 1, y, '?', st);
        return;
    }
    struct cell *first = canvas_writable_cell(c, x, y);
    struct cell *second = canvas_writable_cell(c, x + 1, y);
    if (!first || !second)
        return;
    canvas_style_cell(first, st, CELL_TEXT);
    set_glyph(c, first, cp);
    canvas_style_cell(second, st, CELL_TEXT);
    second->glyph[0] = '\0';
}

void canvas_put(struct canvas *c, int x, int y, const char *glyph,
                struct style st)
{
    if (!glyph || !canvas_cell(c, x, y))
        return;
    int len;
    uint32_t cp = utf8_decode(glyph, &len);
    int cols = len == 0 ? 1 : glyph_columns(cp);
    if (len == 0 || cols == 0)
        cp = ' ';
    put_char(c, x, y, cp, cols == 0 ? 1 : cols, 2, st);
}

int canvas_text_width(const char *text)
{
    int cols = 0, len;
    if (!text)
        return 0;
    while (*text) {
        uint32_t cp = utf8_decode(text, &len);
        text += len;
        cols += glyph_columns(cp);
    }
    return cols;
}

int canvas_text(struct canvas *c, int x, int y, int max_width,
                const char *text, struct style st)
{
    int col = 0, len;
    if (!text)
        return 0;
    while (*text) {
        uint32_t cp = utf8_decode(text, &len);
        text += len;
        int cols = glyph_columns(cp);
        if (cols == 0)
            continue;
        int room = max_width < 0 ? cols : max_width - col;
        if (room > 0 && canvas_cell(c, x + col, y))
            put_char(c, x + col, y, cp, cols, room, st);
        col += cols;
    }
    return col;
}

void canvas_fill(struct canvas *c, struct rect r, const char *glyph,
                 struct style st)
{
    int x0 = r.x < 0 ? 0 : r.x, y0 = r.y < 0 ? 0 : r.y;
    long x1 = (long)r.x + r.w, y1 = (long)r.y + r.h;
    if (x1 > c->width)
        x1 = c->width;
    if (y1 > c->height)
        y1 = c->height;
    for (int y = y0; y < y1; y++)
        for (int x = x0; x < x1; x++)
            canvas_put(c, x, y, glyph, st);
}

