/* canvas_styles.c - the style map of a canvas (canvas_styles.h): one
 * character per cell for the foreground a terminal shows under a theme.
 *
 * Legend (the order decides: the first that applies):
 *   ' '      a blank: a space not in reverse video (no foreground shows;
 *            a background colour is not shown either)
 *   0-7, 9   reverse video: the colour fills the cell, by its ANSI number
 *            (0 black 1 red 2 green 3 yellow 4 blue 5 magenta 6 cyan
 *            7 white, 9 the terminal's default); bold is not shown
 *   -        dim, whatever its colour
 *   .        the terminal's default colour; * the same in bold
 *   k r g y b m c w   black red green yellow blue magenta cyan white;
 *   K R G Y B M C W   the same in bold
 * Underline is not shown. A wide character's two cells take one mark. */
#include "canvas_styles.h"

#include <string.h>

/* The foreground and attributes term.c gives cell under theme. */
static struct style shown(const struct cell *cell, enum theme theme)
{
    struct style st = {cell->fg, cell->bg, cell->attr};
    if (theme == THEME_MONO) {
        st.fg = COLOUR_DEFAULT;
        st.bg = COLOUR_DEFAULT;
    } else if (cell->kind != CELL_HALF) {
        st = theme_style(theme, st);
    }
    if (st.fg >= COLOUR_COUNT)
        st.fg = COLOUR_DEFAULT;
    return st;
}

static char mark_of(const struct cell *cell, enum theme theme)
{
    static const char plain[COLOUR_COUNT] = ".krgybmcw";
    static const char bold[COLOUR_COUNT] = "*KRGYBMCW";
    static const char reverse[COLOUR_COUNT] = "901234567";
    struct style st = shown(cell, theme);
    if (st.attr & ATTR_REVERSE)
        return reverse[st.fg];
    if (strcmp(cell->glyph, " ") == 0)
        return ' ';
    if (st.attr & ATTR_DIM)
        return '-';
    return (st.attr & ATTR_BOLD) ? bold[st.fg] : plain[st.fg];
}

char canvas_styles_mark(const struct canvas *c, int x, int y, enum theme theme)
{
    const struct cell *cell = canvas_cell_const(c, x, y);
    if (cell == NULL)
        return ' ';
    /* a continuation cell shows the second half of the glyph before it */
    if (cell->glyph[0] == '\0' && x > 0)
        return canvas_styles_mark(c, x - 1, y, theme);
    if (cell->glyph[0] == '\0')
        return ' ';
    return mark_of(cell, theme);
}

bool canvas_styles_dump(const struct canvas *c, enum theme theme, FILE *out)
{
    for (int y = 0; y < c->height; y++) {
        int end = c->width;
        while (end > 0 && canvas_styles_mark(c, end - 1, y, theme) == ' ')
            end--;
        for (int x = 0; x < end; x++)
            if (putc(canvas_styles_mark(c, x, y, theme), out) == EOF)
                return false;
        if (putc('\n', out) == EOF)
            return false;
    }
    return !ferror(out);
}
