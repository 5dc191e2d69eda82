/* term.h - the terminal: the only part of descent that knows curses.
 * It starts and restores the screen, copies a memory canvas to it, reads
 * keys (translated to the codes of keymap.h) and reports the size and the
 * signals that ask the program to stop (term_signal.h has the handlers).
 * One terminal per process, so the state is global and the functions take
 * no handle. */
#ifndef DESCENT_TERM_H
#define DESCENT_TERM_H

#include <stdbool.h>
#include <stddef.h>

#include "canvas.h"
#include "theme.h"

/* The largest screen the program draws: term_size never reports more;
 * the rest of a larger terminal is blank but for a one-line notice. */
enum {
    TERM_MAX_WIDTH = 1000,
    TERM_MAX_HEIGHT = 1000
};

/* What term_read_key returns besides a byte or a KEY_CODE_* of keymap.h. */
enum {
    TERM_KEY_NONE = -1,        /* timeout, or a signal interrupted the wait */
    TERM_KEY_RESIZE = 0x1100   /* the terminal changed size */
};

/* Starts full-screen mode on the controlling terminal (stdin/stdout):
 * no echo, keys one by one, keypad keys decoded, cursor hidden, a 25 ms
 * Esc delay, button-1 clicks reported where the terminal has a mouse.
 * The size is the terminal's (LINES and COLUMNS in the environment are
 * not used). Colours are used when the terminal has them and no_color is
 * false; UTF-8 glyphs when the locale's codeset is UTF-8 and ascii is
 * false (main has already called setlocale). Installs the signal handlers
 * (term_signal.h: stop signals ask the loop to stop, fatal ones restore
 * the terminal at once) and an atexit restore; Ctrl-Z is curses' own
 * (restore on suspend, repaint on resume). Returns false with a one-line
 * message in err, the terminal untouched, when stdin/stdout are not a
 * terminal or it cannot be started. */
bool term_init(bool ascii, bool no_color, char *err, size_t errlen);

/* The colours term_init will use: dark, light (theme.h: nothing that
 * matters in white, yellow or dim), mono (no colour, as --no-color), or
 * THEME_DETECT (the default): light when COLORFGBG announces a light
 * background (theme_detect), else dark. Call before term_init. */
void term_set_theme(enum theme theme);

/* True when canvases should be drawn with UTF-8 glyphs (decided at init). */
bool term_utf8(void);

/* True when colours reach the screen (the terminal has them and neither
 * --no-color nor NO_COLOR turned them off); decided at init. */
bool term_colour(void);

/* The current size in cells, at most TERM_MAX_WIDTH x TERM_MAX_HEIGHT
 * (0 x 0 before init). */
void term_size(int *width, int *height);

/* Copies the canvas to the screen and shows it (one update per call).
 * Only cells that differ from the previous blit are sent to curses; the
 * part of the screen outside the canvas is blanked. A cell whose glyph is
 * empty right after a two-column character is its right half and is not
 * written; a two-column character the C library sees as narrow (or one
 * on the last column) is shown as '?'. */
void term_blit(const struct canvas *c);

/* Waits up to timeout_ms (< 0: until a key or a signal) for a key.
 * Returns a byte, a KEY_CODE_* (arrows, Esc, KEY_CODE_MOUSE for a click
 * of button 1: term_last_click says where), TERM_KEY_RESIZE, or
 * TERM_KEY_NONE on timeout, interruption, an unknown key or another
 * mouse event. Returns TERM_KEY_NONE at once when a stop signal has been
 * received (term_stop_signal), including one that arrives just before
 * the wait. When the terminal's input is gone (a hangup, even with
 * SIGHUP ignored) it records SIGHUP as the stop signal. */
int term_read_key(int timeout_ms);

/* The cell (column x, row y from the top left, 0-based) of the last
 * click term_read_key reported; false (and -1, -1) before any. */
bool term_last_click(int *x, int *y);

/* The stop signal (SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, ...: see
 * term_signal.h) received since term_init, or 0. It stays readable after
 * term_restore, which puts the signal's previous action back, so that
 * the caller can raise it once everything is freed. */
int term_stop_signal(void);

/* Leaves full-screen mode and gives the terminal back as it was: safe to
 * call any number of times, also before term_init. */
void term_restore(void);

#endif
