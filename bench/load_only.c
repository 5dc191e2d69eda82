/* load_only.c - the loader alone, for bench/load_bench.sh: loads FILE
 * with table_load_file, prints its rows and columns, frees it. Usage:
 * load_only FILE */

#include <stdio.h>

#include "dataset.h"

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: load_only FILE\n");
        return 2;
    }
    struct table t;
    char err[512];
    if (!table_load_file(argv[1], &t, err, sizeof err)) {
        fprintf(stderr, "load_only: %s\n", err);
        return 2;
    }
    printf("%zu rows, %zu columns, %zu numeric\n", t.nrows, t.ncols,
           table_numeric_columns(&t, NULL, 0));
    table_free(&t);
    return 0;
}
