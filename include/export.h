/* export.h - the `s` key: the run and the screen saved as files for
 * handouts and slides. */
#ifndef DESCENT_EXPORT_H
#define DESCENT_EXPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "canvas.h"
#include "views.h"

/* Writes three files named STEM + extension:
 *   .csv  the cost history with the weights of every recorded epoch
 *         (header epoch,cost,w1,w2,b; %.17g),
 *   .txt  the screen as plain text (canvas_dump of screen; NULL: the
 *         views drawn at 120x40),
 *   .svg  the four views as a vector picture (well-formed XML, text
 *         escaped), drawn from s.
 * STEM is base, or base-2, base-3 ... when a file of that name exists (a
 * symlink counts, and is never followed). The files are written safely
 * (save_file.h): never a partial file, never one overwritten.
 * On success stores STEM in stem (stemlen bytes) and returns true;
 * otherwise returns false with err ("FILE: reason") and leaves no file. */
bool export_save(const char *base, const struct view_state *s,
                 const struct canvas *screen, char *stem, size_t stemlen,
                 char *err, size_t errlen);

#endif
