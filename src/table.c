/* table.c - how a loaded table keeps its columns (see table_internal.h:
 * numbers parsed once, each distinct text once, small ids per row) and the
 * table_* queries the selection and the screen use (dataset.h). The
 * loader, csv_table.c, fills the columns through table_column_store. */

#include "table_internal.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#define FIRST_ROW_CAPACITY 256

/* ---------------------------------------------------------------------
 * Growing arrays
 * ------------------------------------------------------------------- */

void *table_grow(void *array, size_t *capacity, size_t needed,
                 size_t item_size)
{
    if (needed <= *capacity)
        return array;
    size_t new_capacity = *capacity > 0 ? *capacity : 16;
    while (new_capacity < needed) {
        if (new_capacity > SIZE_MAX / 2)
            return NULL;
        new_capacity *= 2;
    }
    if (new_capacity > SIZE_MAX / item_size)
        return NULL;
    void *grown = realloc(array, new_capacity * item_size);
    if (grown != NULL)
        *capacity = new_capacity;
    return grown;
}

/* ---------------------------------------------------------------------
 * Building a column
 * ------------------------------------------------------------------- */

void table_column_start(struct table_column *c)
{
    memset(c, 0, sizeof *c);
    c->numeric = true;
    c->has_texts = true;
    c->id_bytes = 1;
}

static size_t id_at(const struct table_column *c, size_t row)
{
    switch (c->id_bytes) {
    case 1: return ((const uint8_t *)c->ids)[row];
    case 2: return ((const uint16_t *)c->ids)[row];
    default: return ((const uint32_t *)c->ids)[row];
    }
}

static void set_id(struct table_column *c, size_t row, size_t id)
{
    switch (c->id_bytes) {
    case 1: ((uint8_t *)c->ids)[row] = (uint8_t)id; break;
    case 2: ((uint16_t *)c->ids)[row] = (uint16_t)id; break;
    default: ((uint32_t *)c->ids)[row] = (uint32_t)id; break;
    }
}

/* Room for at least needed rows in each array the column keeps. */
static bool column_grow(struct table_column *c, size_t needed)
{
    size_t capacity = c->capacity > 0 ? c->capacity : FIRST_ROW_CAPACITY;
    while (capacity < needed) {
        if (capacity > SIZE_MAX / 2 / sizeof(double))
            return false;
        capacity *= 2;
    }
    if (c->numeric) {
        double *numbers = realloc(c->numbers, capacity * sizeof *numbers);
        if (numbers == NULL)
            return false;
        c->numbers = numbers;
    }
    if (c->has_texts) {
        void *ids = realloc(c->ids, capacity * c->id_bytes);
        if (ids == NULL)
            return false;
        c->ids = ids;
    }
    c->capacity = capacity;
    return true;
}

/* Ids of 2 or 4 bytes for the rows before row, from the top down so that
 * no id is overwritten before it is read. */
static bool widen_ids(struct table_column *c, size_t row, unsigned bytes)
{
    void *ids = realloc(c->ids, c->capacity * bytes);
    if (ids == NULL)
        return false;
    struct table_column wide = *c;
    wide.ids = ids;
    wide.id_bytes = bytes;
    c->ids = ids;
    for (size_t i = row; i-- > 0;)
        set_id(&wide, i, id_at(c, i));
    c->id_bytes = bytes;
    return true;
}

/* A numeric column with too many distinct texts keeps only its numbers. */
static void drop_texts(struct table_column *c)
{
    text_intern_free(&c->texts);
    free(c->ids);
    c->ids = NULL;
    c->has_texts = false;
}

/* The column's first value that is not a number: remember it, drop the
 * numbers. */
static bool stop_numbers(struct table_column *c, size_t row, size_t line,
                         enum number_status status, const char *text,
                         size_t length)
{
    char *copy = malloc(length + 1);
    if (copy == NULL)
        return false;
    memcpy(copy, text, length + 1);
    c->non_number = (struct table_non_number){row, line, status, copy};
    c->non_number_text = copy;
    c->has_non_number = true;
    c->numeric = false;
    free(c->numbers);
    c->numbers = NULL;
    return true;
}

static bool store_text(struct table_column *c, size_t row, const char *text,
                       size_t length)
{
    size_t id;
    if (!text_intern_add(&c->texts, text, length, &id))
        return false;
    if (c->numeric && c->texts.count > TABLE_MAX_NUMERIC_TEXTS) {
        drop_texts(c);
        return true;
    }
    if ((id > UINT8_MAX && c->id_bytes < 2 && !widen_ids(c, row, 2))
        || (id > UINT16_MAX && c->id_bytes < 4 && !widen_ids(c, row, 4)))
        return false;
    set_id(c, row, id);
    return true;
}

bool table_column_store(struct table_column *c, size_t row, const char *text,
                        size_t length, size_t line)
{
    if (row >= c->capacity && !column_grow(c, row + 1))
        return false;
    if (c->numeric) {
        enum number_status status =
            c->decimal_comma ? number_scan_comma(text, length, &c->numbers[row])
                             : number_scan(text, length, &c->numbers[row]);
        if (status != NUMBER_OK
            && !stop_numbers(c, row, line, status, text, length))
            return false;
    }
    return !c->has_texts || store_text(c, row, text, length);
}

void table_column_trim(struct table_column *c, size_t nrows)
{
    if (nrows == 0 || nrows >= c->capacity)
        return;
    if (c->numbers != NULL) {
        double *numbers = realloc(c->numbers, nrows * sizeof *numbers);
        if (numbers != NULL)
            c->numbers = numbers;
    }
    if (c->ids != NULL) {
        void *ids = realloc(c->ids, nrows * c->id_bytes);
        if (ids != NULL)
            c->ids = ids;
    }
    c->capacity = nrows;
}

void table_column_free(struct table_column *c)
{
    free(c->numbers);
    free(c->ids);
    text_intern_free(&c->texts);
    free(c->non_number_text);
    memset(c, 0, sizeof *c);
}

void table_free(struct table *t)
{
    if (t == NULL)
        return;
    if (t->names != NULL)
        for (size_t i = 0; i < t->ncols; i++)
            free(t->names[i]);
    if (t->columns != NULL)
        for (size_t i = 0; i < t->ncols; i++)
            table_column_free(&t->columns[i]);
    free(t->names);
    free(t->columns);
    free(t->line_runs);
    free(t->source);
    memset(t, 0, sizeof *t);
}

/* ---------------------------------------------------------------------
 * Queries
 * ------------------------------------------------------------------- */

/* Column col of t, or NULL when there is none. */
static const struct table_column *column_of(const struct table *t, size_t col)
{
    if (t == NULL || t->columns == NULL || col >= t->ncols)
        return NULL;
    return &t->columns[col];
}

int table_column(const struct table *t, const char *name)
{
    if (t == NULL || t->names == NULL || name == NULL)
        return -1;
    for (size_t i = 0; i < t->ncols && i <= INT_MAX; i++)
        if (strcmp(t->names[i], name) == 0)
            return (int)i;
    return -1;
}

bool table_column_numeric(const struct table *t, size_t col)
{
    const struct table_column *c = column_of(t, col);
    return c != NULL && c->numeric;
}

size_t table_numeric_columns(const struct table *t, size_t *cols, size_t max)
{
    size_t count = 0;
    for (size_t col = 0; t != NULL && col < t->ncols; col++) {
        if (!table_column_numeric(t, col))
            continue;
        if (count < max && cols != NULL)
            cols[count] = col;
        count++;
    }
    return count;
}

const double *table_numbers(const struct table *t, size_t col)
{
    const struct table_column *c = column_of(t, col);
    return c != NULL && c->numeric ? c->numbers : NULL;
}

double *table_numbers_shared(const struct table *t, size_t col)
{
    const struct table_column *c = column_of(t, col);
    return c != NULL && c->numeric ? c->numbers : NULL;
}

bool table_first_non_number(const struct table *t, size_t col,
                            struct table_non_number *out)
{
    const struct table_column *c = column_of(t, col);
    if (c == NULL || !c->has_non_number)
        return false;
    *out = c->non_number;
    return true;
}

bool table_has_texts(const struct table *t, size_t col)
{
    const struct table_column *c = column_of(t, col);
    return c != NULL && c->has_texts;
}

size_t table_distinct_count(const struct table *t, size_t col)
{
    return table_has_texts(t, col) ? t->columns[col].texts.count : 0;
}

size_t table_text_index(const struct table *t, size_t row, size_t col)
{
    if (!table_has_texts(t, col) || row >= t->nrows)
        return SIZE_MAX;
    return id_at(&t->columns[col], row);
}

size_t table_text_indices(const struct table *t, size_t col, size_t first,
                          size_t count, uint32_t *ids)
{
    if (!table_has_texts(t, col) || first >= t->nrows)
        return 0;
    if (count > t->nrows - first)
        count = t->nrows - first;
    const struct table_column *c = &t->columns[col];
    switch (c->id_bytes) {
    case 1:
        for (size_t k = 0; k < count; k++)
            ids[k] = ((const uint8_t *)c->ids)[first + k];
        break;
    case 2:
        for (size_t k = 0; k < count; k++)
            ids[k] = ((const uint16_t *)c->ids)[first + k];
        break;
    default:
        memcpy(ids, (const uint32_t *)c->ids + first, count * sizeof *ids);
        break;
    }
    return count;
}

const char *table_text(const struct table *t, size_t row, size_t col)
{
    size_t id = table_text_index(t, row, col);
    return id == SIZE_MAX ? NULL : text_intern_text(&t->columns[col].texts, id);
}

size_t table_find_text(const struct table *t, size_t col, const char *text)
{
    if (!table_has_texts(t, col))
        return SIZE_MAX;
    return text_intern_find(&t->columns[col].texts, text);
}

size_t table_distinct(const struct table *t, size_t col, const char **values,
                      size_t max)
{
    if (values == NULL)
        return 0;
    size_t count = table_distinct_count(t, col);
    if (count > max)
        count = max;
    for (size_t i = 0; i < count; i++)
        values[i] = text_intern_text(&t->columns[col].texts, i);
    return count;
}

size_t table_line(const struct table *t, size_t row)
{
    if (t == NULL || row >= t->nrows || t->line_run_count == 0)
        return 0;
    /* the last run that starts at or before row */
    size_t low = 0, high = t->line_run_count;
    while (high - low > 1) {
        size_t middle = low + (high - low) / 2;
        if (t->line_runs[middle].first_row <= row)
            low = middle;
        else
            high = middle;
    }
    const struct table_line_run *run = &t->line_runs[low];
    return run->line + (row - run->first_row);
}
