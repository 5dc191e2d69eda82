/* generate.h - the generated data sets of --data gen:NAME, in the manner
 * of TensorFlow Playground's: four two-class shapes (circle, xor, gauss,
 * spiral) and two regression targets (line, plane), as CSV text that the
 * ordinary loader reads. The formulas are in generate.c's opening comment
 * and in the README ("Generated data"). The same name, size, noise and
 * seed give the same bytes on every machine. */
#ifndef DESCENT_GENERATE_H
#define DESCENT_GENERATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define GENERATE_POINTS_MAX 1000000 /* rows in one generated set */
#define GENERATE_NOISE_MAX 0.5

/* The generated data set NAME (circle, xor, gauss, spiral: columns
 * x1,x2,label with labels 0/1, label 0's rows first; line: x1,y; plane:
 * x1,x2,y) as CSV text: a header line, then points rows of %.17g numbers,
 * each line ending in "\n", NUL-terminated; noise in [0, 0.5]; drawn from
 * the program's RNG seeded with seed. On success *text (the caller frees
 * it) and *len (bytes, without the NUL) are set and true returned; false
 * with a one-line complaint in err for an unknown name, points outside 1
 * to GENERATE_POINTS_MAX, noise outside [0, 0.5], or no memory (an
 * unknown name: "gen:NAME: unknown generated data set (known: ...)"). */
bool generate_csv(const char *name, size_t points, double noise, uint64_t seed,
                  char **text, size_t *len, char *err, size_t errlen);

/* The names, for messages and --help: "circle, xor, gauss, spiral, line,
 * plane". */
const char *generate_names(void);

#endif
