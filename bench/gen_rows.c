/* gen_rows.c - writes a large CSV for bench/load_bench.sh: a header
 * "x1,x2,label" and N rows of two classes, A around (-1, -1) and B around
 * (1, 1), values with four decimals (about 17 bytes a row), the same file
 * for the same N. Usage: gen_rows N > FILE */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* xorshift64*: a small deterministic generator. */
static uint64_t next_random(uint64_t *state)
{
    *state ^= *state >> 12;
    *state ^= *state << 25;
    *state ^= *state >> 27;
    return *state * UINT64_C(2685821657736338717);
}

/* A value near centre, in ten-thousandths: the sum of four uniform draws
 * (roughly normal, spread about 0.58). */
static long draw(uint64_t *state, long centre)
{
    long sum = 0;
    for (int i = 0; i < 4; i++)
        sum += (long)(next_random(state) % 20001) - 10000;
    return centre + sum / 2;
}

/* Writes value / 10000 with four decimals at p; returns the end. */
static char *put_value(char *p, long value)
{
    if (value < 0) {
        *p++ = '-';
        value = -value;
    }
    char digits[24];
    int n = 0;
    long whole = value / 10000;
    do {
        digits[n++] = (char)('0' + whole % 10);
        whole /= 10;
    } while (whole > 0);
    while (n > 0)
        *p++ = digits[--n];
    *p++ = '.';
    long fraction = value % 10000;
    for (long scale = 1000; scale > 0; scale /= 10)
        *p++ = (char)('0' + fraction / scale % 10);
    return p;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: gen_rows N\n");
        return 2;
    }
    long rows = strtol(argv[1], NULL, 10);
    uint64_t state = UINT64_C(0x9E3779B97F4A7C15);
    static char buffer[1 << 16];
    size_t used = 0;
    fputs("x1,x2,label\n", stdout);
    for (long row = 0; row < rows; row++) {
        if (used > sizeof buffer - 64) {
            fwrite(buffer, 1, used, stdout);
            used = 0;
        }
        int b = (int)(next_random(&state) >> 63);
        long centre = b ? 10000 : -10000;
        char *p = buffer + used;
        p = put_value(p, draw(&state, centre));
        *p++ = ',';
        p = put_value(p, draw(&state, centre));
        *p++ = ',';
        *p++ = b ? 'B' : 'A';
        *p++ = '\n';
        used = (size_t)(p - buffer);
    }
    fwrite(buffer, 1, used, stdout);
    return ferror(stdout) ? 1 : 0;
}
