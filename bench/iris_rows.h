/* iris_rows.h - the samples the training yardsticks run on, read from
 * data/iris.csv as descent's default session reads them: setosa (y = 0)
 * and versicolor (y = 1), x1 = sepal_length, x2 = petal_length, in file
 * order. For bench/iris_avx2.c and bench/iris_plain_c.c only. */
#ifndef DESCENT_BENCH_IRIS_ROWS_H
#define DESCENT_BENCH_IRIS_ROWS_H

#include <stdio.h>
#include <string.h>

#define IRIS_ROWS_MAX 160

/* Reads path into x1, x2, y (IRIS_ROWS_MAX each); returns the number of
 * samples, or 0 (with a message on stderr) when the file cannot be read. */
static size_t iris_rows_read(const char *path, double *x1, double *x2, double *y)
{
    FILE *in = fopen(path, "r");
    if (!in) {
        perror(path);
        return 0;
    }
    char line[256], species[64];
    size_t n = 0;
    double sl, sw, pl, pw;
    if (!fgets(line, sizeof line, in)) /* the header */
        line[0] = '\0';
    while (n < IRIS_ROWS_MAX && fgets(line, sizeof line, in)) {
        if (sscanf(line, "%lf,%lf,%lf,%lf,%63s", &sl, &sw, &pl, &pw, species) != 5)
            continue;
        int second = strcmp(species, "versicolor") == 0;
        if (!second && strcmp(species, "setosa") != 0)
            continue;
        x1[n] = sl;
        x2[n] = pl;
        y[n] = second ? 1.0 : 0.0;
        n++;
    }
    fclose(in);
    if (n == 0)
        fprintf(stderr, "%s: no setosa or versicolor rows\n", path);
    return n;
}

#endif
