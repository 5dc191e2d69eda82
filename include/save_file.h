/* save_file.h - a set of files saved side by side (STEM.csv, STEM.txt, ...)
 * so that a full disk, a crash or a name planted by someone else never
 * leaves a partial file or overwrites one. Used by export.c. */
#ifndef DESCENT_SAVE_FILE_H
#define DESCENT_SAVE_FILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Most files in one set. */
#define SAVE_FILES_MAX 4

/* Writes file number which (an index into the extensions) to f. Returns
 * false on a failure that is not a write error of f (out of memory, say);
 * write errors are found by ferror(f). */
typedef bool save_write_fn(size_t which, FILE *f, void *context);

/* Saves count files (count <= SAVE_FILES_MAX) named STEM + extensions[i],
 * STEM being base, or base-2, base-3 ... base-999: the first for which no
 * file of the set exists (anything at a name counts, a symlink too, even
 * dangling). Each file is written by write into a new temporary file in
 * the same directory (created exclusively, never through a symlink, mode
 * 0644 less the umask), flushed, fsync'ed and closed; then all are given
 * their final names, none of which is ever followed or replaced (link(2),
 * or rename with RENAME_NOREPLACE where links are not supported). A name
 * taken meanwhile moves the set to the next stem.
 * On success stores the stem used in stem (stemlen bytes) and returns
 * true. On failure no file of the set is left, temporary or final, and
 * err holds "FILE: reason" (FILE the final name concerned). */
bool save_files(const char *base, const char *const *extensions, size_t count,
                save_write_fn *write, void *context, char *stem, size_t stemlen,
                char *err, size_t errlen);

#endif
