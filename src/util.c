/* util.c - the shared helpers of util.h, each in one place. */
#include "util.h"

#include <math.h>
#include <string.h>
#include <time.h>

double util_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

bool util_same_bits(double a, double b)
{
    return memcmp(&a, &b, sizeof a) == 0;
}

bool util_finite_range(const double *v, size_t n, double *lo, double *hi)
{
    double low = INFINITY, high = -INFINITY;
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(v[i]))
            continue;
        if (v[i] < low)
            low = v[i];
        if (v[i] > high)
            high = v[i];
    }
    if (!(high >= low))
        return false;
    *lo = low;
    *hi = high;
    return true;
}

/* m * 10^k, correctly rounded for negative k (0.1 is 1 / 10, not 1 * 0.1). */
static double rung(double m, int k)
{
    return k < 0 ? m / pow(10.0, -k) : m * pow(10.0, k);
}

double util_ladder_at_least(double v)
{
    if (!(v > 0) || !isfinite(v))
        return 1.0;
    int decade = (int)floor(log10(v));
    static const double mult[] = {1, 2, 5, 10};
    for (size_t i = 0; i < 4; i++) {
        double r = rung(mult[i], decade);
        if (r >= v * (1 - 1e-9))
            return r;
    }
    return rung(1, decade + 1);
}

double util_ladder_step(double v, int dir)
{
    static const double mantissa[] = {1.0, 2.0, 5.0};
    if (!(v > 0.0) || !isfinite(v) || dir == 0)
        return v;
    int decade = (int)floor(log10(v));
    double best = v;
    bool found = false;
    for (int k = decade - 1; k <= decade + 1; k++) {
        for (int m = 0; m < 3; m++) {
            double r = rung(mantissa[m], k);
            if (dir > 0 && r > v * (1.0 + 1e-9) && (!found || r < best)) {
                best = r;
                found = true;
            }
            if (dir < 0 && r < v * (1.0 - 1e-9) && (!found || r > best)) {
                best = r;
                found = true;
            }
        }
    }
    return best;
}

int util_utf8_decode(const char *s, size_t n, uint32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    *cp = 0xFFFD;
    if (n == 0)
        return 0;
    if (u[0] < 0x80) {
        *cp = u[0];
        return 1;
    }
    int len;
    uint32_t v, least;
    if ((u[0] & 0xE0) == 0xC0) {
        len = 2; v = u[0] & 0x1Fu; least = 0x80;
    } else if ((u[0] & 0xF0) == 0xE0) {
        len = 3; v = u[0] & 0x0Fu; least = 0x800;
    } else if ((u[0] & 0xF8) == 0xF0) {
        len = 4; v = u[0] & 0x07u; least = 0x10000;
    } else {
        return 0;
    }
    if ((size_t)len > n)
        return 0;
    for (int i = 1; i < len; i++) {
        if ((u[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (u[i] & 0x3Fu);
    }
    if (v < least || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return len;
}

int util_utf8_encode(uint32_t cp, char out[4])
{
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = 0xFFFD;
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

struct range {
    uint32_t first, last;
};

static bool in_ranges(uint32_t cp, const struct range *r, size_t count)
{
    size_t lo = 0, hi = count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cp < r[mid].first)
            hi = mid;
        else if (cp > r[mid].last)
            lo = mid + 1;
        else
            return true;
    }
    return false;
}

int util_char_width(uint32_t cp)
{
    /* Combining marks and zero-width characters (the common blocks). */
    static const struct range zero[] = {
        {0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD},
        {0x0610, 0x061A}, {0x064B, 0x065F}, {0x0E31, 0x0E31},
        {0x0E34, 0x0E3A}, {0x0E47, 0x0E4E}, {0x1AB0, 0x1AFF},
        {0x1DC0, 0x1DFF}, {0x200B, 0x200F}, {0x2028, 0x202E},
        {0x2060, 0x2064}, {0x20D0, 0x20FF}, {0xFE00, 0xFE0F},
        {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF},
    };
    /* East Asian Wide (W) and Fullwidth (F) blocks, and emoji. */
    static const struct range wide[] = {
        {0x1100, 0x115F}, {0x231A, 0x231B}, {0x2329, 0x232A},
        {0x23E9, 0x23EC}, {0x23F0, 0x23F0}, {0x23F3, 0x23F3},
        {0x25FD, 0x25FE}, {0x2614, 0x2615}, {0x2648, 0x2653},
        {0x267F, 0x267F}, {0x2693, 0x2693}, {0x26A1, 0x26A1},
        {0x26AA, 0x26AB}, {0x26BD, 0x26BE}, {0x26C4, 0x26C5},
        {0x26CE, 0x26CE}, {0x26D4, 0x26D4}, {0x26EA, 0x26EA},
        {0x26F2, 0x26F3}, {0x26F5, 0x26F5}, {0x26FA, 0x26FA},
        {0x26FD, 0x26FD}, {0x2705, 0x2705}, {0x270A, 0x270B},
        {0x2728, 0x2728}, {0x274C, 0x274C}, {0x274E, 0x274E},
        {0x2753, 0x2755}, {0x2757, 0x2757}, {0x2795, 0x2797},
        {0x27B0, 0x27B0}, {0x27BF, 0x27BF}, {0x2B1B, 0x2B1C},
        {0x2B50, 0x2B50}, {0x2B55, 0x2B55}, {0x2E80, 0x303E},
        {0x3041, 0x33FF}, {0x3400, 0x4DBF}, {0x4E00, 0x9FFF},
        {0xA000, 0xA4CF}, {0xA960, 0xA97F}, {0xAC00, 0xD7A3},
        {0xF900, 0xFAFF}, {0xFE10, 0xFE19}, {0xFE30, 0xFE6F},
        {0xFF00, 0xFF60}, {0xFFE0, 0xFFE6}, {0x16FE0, 0x16FE4},
        {0x17000, 0x18CFF}, {0x1B000, 0x1B2FF}, {0x1F004, 0x1F004},
        {0x1F0CF, 0x1F0CF}, {0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A},
        {0x1F200, 0x1F251}, {0x1F300, 0x1F64F}, {0x1F680, 0x1F6FF},
        {0x1F7E0, 0x1F7EB}, {0x1F90C, 0x1F9FF}, {0x1FA70, 0x1FAFF},
        {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
    };
    if (in_ranges(cp, zero, sizeof zero / sizeof zero[0]))
        return 0;
    if (in_ranges(cp, wide, sizeof wide / sizeof wide[0]))
        return 2;
    return 1;
}

bool util_parse_on_off(const char *text, bool *out)
{
    if (strcmp(text, "on") == 0) {
        *out = true;
        return true;
    }
    if (strcmp(text, "off") == 0) {
        *out = false;
        return true;
    }
    return false;
}
