/* export.h - the `s` key: the run and the screen saved as files for
 * handouts and slides. */
#ifndef DESCENT_EXPORT_H
#define DESCENT_EXPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "canvas.h"
#include "views.h"

/* Writes three files named stem + extension:
 *   .csv  the cost history with the weights of every recorded epoch
 *         (header epoch,cost,w1,w2,b; %.17g),
 *   .txt  the screen as plain text (canvas_dump of screen),
 *   .svg  the four views as a vector picture (well-formed XML, text
 *         escaped), drawn from s.
 * Returns false with err ("FILE: reason") if a file cannot be written;
 * files already written stay. */
bool export_save(const char *stem, const struct view_state *s,
                 const struct canvas *screen, char *err, size_t errlen);

#endif
