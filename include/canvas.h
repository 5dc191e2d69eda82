/* canvas.h - an in-memory grid of cells (glyph + colours + attributes)
 * that every view draws into; term.c copies it to the terminal and
 * canvas_dump writes it as plain text. No curses here.
 *
 * (Core of the interface; the drawing helpers - braille dots, half-block
 * pixels, lines, boxes - are declared below by canvas.c's author.) */
#ifndef DESCENT_CANVAS_H
#define DESCENT_CANVAS_H

#include <stdbool.h>
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

/* One terminal cell: a single-column glyph as UTF-8 (NUL-terminated) in
 * a UTF-8 canvas, a printable ASCII byte otherwise. */
struct cell {
    char glyph[5];
    unsigned char fg, bg;   /* enum colour */
    unsigned char attr;     /* ATTR_* bits */
    unsigned char dots;     /* braille dot bits while the glyph is braille */
};

struct canvas {
    int width, height;
    bool utf8;              /* braille/box/half-blocks allowed */
    struct cell *cells;     /* width * height, row-major */
};

#endif
