/* canvas_internal.h - what canvas.c and canvas_text.c share and nobody
 * else: writing a cell without leaving half a wide character behind. */
#ifndef DESCENT_CANVAS_INTERNAL_H
#define DESCENT_CANVAS_INTERNAL_H

#include "canvas.h"

/* The cell at (x, y) made ready to be overwritten: when it is one half
 * of a wide character, the other half becomes a blank (in its style).
 * NULL outside the canvas. */
struct cell *canvas_writable_cell(struct canvas *c, int x, int y);

/* Gives cell the style st and the kind, clearing its dots. */
void canvas_style_cell(struct cell *cell, struct style st, enum cell_kind kind);

#endif
