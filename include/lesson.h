/* lesson.h - lessons: a named set of settings and a caption of one or two
 * lines saying what to watch. Built in from assets/lessons/*.lesson (the
 * format is documented in assets/lessons/README), or read from a file. */
#ifndef DESCENT_LESSON_H
#define DESCENT_LESSON_H

#include <stdbool.h>
#include <stddef.h>

#include "options.h"

#define LESSON_SETTINGS_MAX 24

struct lesson {
    char name[64];           /* e.g. "step-cannot-learn" */
    char caption[2][200];    /* "" when absent */
    size_t settings;         /* how many key = value lines */
    char key[LESSON_SETTINGS_MAX][32];
    char value[LESSON_SETTINGS_MAX][256];
};

/* The built-in lessons, in order: how many, and the name of the i-th. */
size_t lesson_count(void);
const char *lesson_name_at(size_t i);

/* Finds a built-in lesson by name, or reads a lesson file when name
 * contains a '/' or ends in ".lesson". false with err ("FILE:LINE: reason"
 * for a bad file, or "unknown lesson ..." listing the names). */
bool lesson_find(const char *name, struct lesson *out, char *err, size_t errlen);

/* Applies the lesson's settings to o (as the matching command-line options
 * would), leaving the ones in keep_explicit untouched when not NULL.
 * false with err on a setting the options reject. */
bool lesson_apply(const struct lesson *l, struct options *o, char *err,
                  size_t errlen);

#endif
