/* lesson.h - lessons: a named set of settings and a caption of one or two
 * lines saying what to watch. Built in from assets/lessons/NAME.lesson (the
 * format is documented in assets/lessons/README), or read from a file.
 *
 * A setting is a command-line option by its long name (options_set), so a
 * lesson is checked and applied by the same code as the command line; the
 * options given explicitly on the command line win over a lesson's. */
#ifndef DESCENT_LESSON_H
#define DESCENT_LESSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "options.h"

#define LESSON_SETTINGS_MAX 24
#define LESSON_FILE_MAX 65536     /* bytes in a lesson file */

struct lesson {
    char name[64];           /* e.g. "step-cannot-learn"; a file's base name */
    char source[320];        /* for messages: the file, or "NAME.lesson (built in)" */
    char caption[2][CAPTION_BYTES_MAX + 1]; /* "" when absent; caption[0]
                                               is never ""; each at most
                                               CAPTION_COLUMNS_MAX columns */
    size_t settings;         /* how many key = value lines */
    char key[LESSON_SETTINGS_MAX][32];     /* option names, e.g. "lr" */
    char value[LESSON_SETTINGS_MAX][1024]; /* their values as written (data:
                                              made relative to the file's
                                              directory) */
    unsigned line[LESSON_SETTINGS_MAX];    /* where each was set */
};

/* The built-in lessons, in order: how many, and the name of the i-th
 * (i < lesson_count(); NULL beyond). */
size_t lesson_count(void);
const char *lesson_name_at(size_t i);

/* Finds a built-in lesson by name, or reads a lesson file when name
 * contains a '/' or ends in ".lesson". false with err: "FILE:LINE: reason"
 * for a bad file ("FILE: reason" when it cannot be read), or
 * "unknown lesson "x" (lessons: a, b, ...)". Every value is checked as
 * the option would check it. */
bool lesson_find(const char *name, struct lesson *out, char *err, size_t errlen);

/* Parses the text of a lesson (len bytes, not necessarily NUL-terminated)
 * called name, from source (used in messages). A relative data = FILE is
 * taken relative to dir when dir is not NULL. false with err as above. */
bool lesson_parse(const char *source, const char *name, const char *dir,
                  const char *text, size_t len, struct lesson *out, char *err,
                  size_t errlen);

/* Applies the lesson to o as the matching command-line options would:
 * first every setting not given on the command line goes back to its
 * default (options_clear_lesson: nothing is left of an earlier lesson),
 * then the lesson's settings except those given on the command line;
 * o->lesson_name and o->caption become the lesson's. false with
 * "SOURCE:LINE: key: reason" on a setting the options reject (not for a
 * lesson from lesson_find, which checked them all). */
bool lesson_apply(const struct lesson *l, struct options *o, char *err,
                  size_t errlen);

/* Applies the lesson the command line named (o->lesson_arg, see
 * options_parse) with lesson_find and lesson_apply; nothing to do when
 * none was named. false with err as lesson_find and lesson_apply give it. */
bool lesson_use(struct options *o, char *err, size_t errlen);

/* Writes every built-in lesson, one a line: its name and its first caption
 * line. false with err if a built-in lesson does not parse. */
bool lesson_list(FILE *out, char *err, size_t errlen);

#endif
