/* util.h - the small helpers every part of descent shares, each written
 * once: a monotonic clock, bit-equality of doubles, the range of a series,
 * the 1-2-5 ladder, strict UTF-8 decoding, the display width of a
 * character and the on/off words. No state, no allocation. */
#ifndef DESCENT_UTIL_H
#define DESCENT_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Milliseconds on the monotonic clock (an arbitrary origin): for budgets
 * and frame pacing, never for dates. */
double util_now_ms(void);

/* True when a and b are the same 64 bits (NaN equals the same NaN, 0 and
 * -0 differ): "the same run, bit for bit". */
bool util_same_bits(double a, double b);

/* The smallest and largest finite values of v[0..n). Returns false, and
 * leaves *lo and *hi untouched, when none is finite (or n is 0). */
bool util_finite_range(const double *v, size_t n, double *lo, double *hi);

/* The smallest value 1, 2 or 5 times a power of ten that is at least v
 * (within a relative 1e-9, so 0.2 stays 0.2); 1 for v <= 0, NaN or Inf. */
double util_ladder_at_least(double v);

/* The next value of the 1-2-5 ladder (... 0.1 0.2 0.5 1 2 5 ...) strictly
 * above v (dir > 0) or strictly below it (dir < 0); a value off the ladder
 * goes to its neighbour on the ladder (0.3: 0.5 up, 0.2 down). No bounds:
 * the caller clamps. v must be positive and finite; otherwise v is
 * returned. */
double util_ladder_step(double v, int dir);

/* Decodes the UTF-8 character at s, reading at most n bytes. Returns its
 * length (1 to 4) and stores the code point in *cp; returns 0 (and stores
 * U+FFFD) when n is 0 or the bytes are not one well-formed character:
 * a stray continuation byte, a truncated sequence, an overlong form, a
 * surrogate (U+D800..U+DFFF) or a value past U+10FFFF. A NUL byte is a
 * character of length 1. */
int util_utf8_decode(const char *s, size_t n, uint32_t *cp);

/* Writes the UTF-8 form of cp (at most 4 bytes, no NUL) into out and
 * returns its length; U+FFFD for a surrogate or a value past U+10FFFF. */
int util_utf8_encode(uint32_t cp, char out[4]);

/* The columns a terminal gives code point cp: 0 for a combining mark or
 * a zero-width character, 2 for East Asian wide and fullwidth characters
 * (CJK, Hangul, fullwidth forms, most emoji), 1 otherwise. Independent of
 * the locale, so dumped frames are the same everywhere. */
int util_char_width(uint32_t cp);

/* "on" or "off" (exactly, lower case): *out set, true; else false. */
bool util_parse_on_off(const char *text, bool *out);

#endif
