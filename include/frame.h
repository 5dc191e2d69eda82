/* frame.h - the --dump-frame mode: train a session for --epochs epochs
 * and write one frame of the screen as plain text, no terminal needed. */
#ifndef DESCENT_FRAME_H
#define DESCENT_FRAME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "options.h"

/* Opens the run as the TUI does (control_open), runs o->epochs epochs
 * (stopping early if the training diverges, as the screen does), pauses
 * and renders the frame of control_view_state at
 * o->dump_width x o->dump_height (UTF-8 glyphs unless o->ascii, no
 * colours) and writes exactly dump_height lines to out. Returns false
 * with a one-line message in err on bad input, when out of memory or
 * when out cannot be written. Frees everything it allocated. */
bool frame_dump(const struct options *o, FILE *out, char *err, size_t errlen);

#endif
