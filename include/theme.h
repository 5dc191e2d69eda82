/* theme.h - the colours of the screen for a dark or a light background,
 * or none at all. The views draw in one palette, made for a dark
 * background (their STYLE_* roles: the separating line and the path bold
 * white, the second class and the arrows yellow, axes dim); a theme says
 * how each drawn style is shown, and term.c sets up its colour pairs
 * from that. Pure functions, no terminal. */
#ifndef DESCENT_THEME_H
#define DESCENT_THEME_H

#include <stdbool.h>

#include "canvas.h"

enum theme {
    THEME_DETECT,   /* dark or light, from the terminal (theme_detect) */
    THEME_DARK,     /* as drawn */
    THEME_LIGHT,    /* nothing that matters in white, yellow or dim */
    THEME_MONO,     /* no colour at all: attributes only */
    THEME_COUNT
};

/* "dark", "light", "mono" (exactly) into *theme; false for anything
 * else (also "detect", the default, which is not spelled). */
bool theme_parse(const char *text, enum theme *theme);

/* The name of a theme ("dark", "light", "mono", "detect"). */
const char *theme_name(enum theme theme);

/* The theme a terminal asks for through COLORFGBG ("FG;BG" or
 * "FG;X;BG", as rxvt and others set it; NULL when unset): THEME_LIGHT
 * when its last field is 7 or 15 (white, bright white: a light
 * background), THEME_DARK otherwise, also when it is unset or garbled. */
enum theme theme_detect(const char *colorfgbg);

/* How a cell drawn in style st is shown under theme (one of DARK, LIGHT,
 * MONO; DETECT reads as DARK). dark: as drawn. light: a white foreground
 * becomes black, a yellow one red, and dim is dropped (backgrounds stay:
 * shading reads on either). mono: default colours, attributes kept. */
struct style theme_style(enum theme theme, struct style st);

#endif
