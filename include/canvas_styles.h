/* canvas_styles.h - a canvas's colours as text: for each cell one
 * character naming its foreground as the terminal shows it under a
 * theme (theme.h), so golden frames can hold the colours as well as the
 * glyphs. The legend is at the top of src/canvas_styles.c. Pure, no
 * terminal. */
#ifndef DESCENT_CANVAS_STYLES_H
#define DESCENT_CANVAS_STYLES_H

#include <stdbool.h>
#include <stdio.h>

#include "canvas.h"
#include "theme.h"

/* The mark of the cell at (x, y) of c shown under theme (DARK, LIGHT or
 * MONO; DETECT reads as DARK), as term.c shows it: the theme's mapping
 * except for half-block shading, which keeps its colours, and no colour
 * at all in mono. A wide character's continuation cell takes the mark of
 * the cell before it. ' ' outside the canvas. */
char canvas_styles_mark(const struct canvas *c, int x, int y, enum theme theme);

/* Writes the style map of c under theme: exactly height lines of one
 * mark per cell, each ended by '\n', trailing blanks removed (as
 * canvas_dump writes the text, so mark k of a line is cell k of the
 * row). Returns false on a write error. */
bool canvas_styles_dump(const struct canvas *c, enum theme theme, FILE *out);

#endif
