/* fuzz_csv.c - libFuzzer harness for the CSV loader: the input is a CSV
 * file in memory (table_load_buffer). A table that loads is also put
 * through the column queries and dataset_select, both plain and
 * standardised, with columns and classes taken from the table itself so
 * that the selection reaches its later checks. Never prints, never exits,
 * frees everything it loads. */
#include <stddef.h>
#include <stdint.h>

#include "dataset.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Selects two numeric features (the first two, or the first twice), the
 * last column as label and its first two distinct values as classes. */
static void fuzz_select(const struct table *t)
{
    size_t cols[4];
    size_t numeric = table_numeric_columns(t, cols, 4);
    const char *classes[2] = { NULL, NULL };
    size_t label = t->ncols - 1;
    size_t distinct = table_distinct(t, label, classes, 2);
    struct selection sel = {
        .x_column = numeric > 0 ? t->names[cols[0]] : t->names[0],
        .y_column = numeric > 1 ? t->names[cols[1]] : t->names[0],
        .label_column = t->names[label],
        .class_a = distinct > 0 ? classes[0] : "a",
        .class_b = distinct > 1 ? classes[1] : "b",
    };
    for (int standardize = 0; standardize < 2; standardize++) {
        struct dataset d = { 0 };
        char err[512];
        sel.standardize = standardize != 0;
        if (dataset_select(t, &sel, &d, err, sizeof err))
            dataset_free(&d);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct table t = { 0 };
    char err[512];
    if (table_load_buffer("fuzz.csv", (const char *)data, size, &t, err,
                          sizeof err)) {
        if (t.ncols > 0)
            fuzz_select(&t);
        table_free(&t);
    }
    return 0;
}
