/* dataset.c - reads a CSV table with libcsv, then picks from it what one
 * neuron is trained on: two feature columns and the rows of two classes of
 * a label column, optionally standardised.
 *
 * Errors are values: a failing function writes one line
 * "FILE:LINE[:COLUMN]: reason" into the caller's buffer. LINE is the
 * physical line where the offending record starts (for a quote error: where
 * the field starts), COLUMN the 1-based field number. libcsv does not say
 * where it is in the text, and quoted fields may hold line breaks, so we feed
 * it one byte at a time and count the line breaks ourselves (LF, CRLF or a
 * lone CR each end one line).
 *
 * Decisions worth knowing:
 * - libcsv trims blanks (spaces, tabs) around unquoted fields and skips
 *   lines that hold only blanks; blanks inside quotes are kept.
 * - A UTF-8 byte order mark at the start of the text is skipped.
 * - Numbers follow one strict grammar whatever the locale (parse_number).
 * - dataset_select trims blanks around the names it is given and compares
 *   class names with the label cells exactly; it checks every value of
 *   both feature columns, not only those of the selected rows, so a column
 *   is usable exactly when table_column_numeric says so. */

#include "dataset.h"

#include <csv.h>
#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MAX_FILE_BYTES ((size_t)256 << 20) /* larger files are refused */
#define MAX_SHOWN_BYTES 40   /* longer values are cut in messages */
#define MAX_LISTED 8         /* names listed in "(columns: ...)" */
#define FEW_ROWS 16          /* up to this, table_distinct simply scans */

/* ---------------------------------------------------------------------
 * Messages
 * ------------------------------------------------------------------- */

/* Writes "SOURCE[:LINE[:COLUMN]]: " and the formatted reason into err.
 * A line or column of 0 leaves that part out. */
__attribute__((format(printf, 6, 7)))
static void report(char *err, size_t errlen, const char *source,
                   size_t line, size_t column, const char *format, ...)
{
    if (err == NULL || errlen == 0)
        return;
    int used;
    if (line == 0)
        used = snprintf(err, errlen, "%s: ", source);
    else if (column == 0)
        used = snprintf(err, errlen, "%s:%zu: ", source, line);
    else
        used = snprintf(err, errlen, "%s:%zu:%zu: ", source, line, column);
    if (used < 0 || (size_t)used >= errlen)
        return;
    va_list args;
    va_start(args, format);
    vsnprintf(err + used, errlen - (size_t)used, format, args);
    va_end(args);
}

/* A value as a message shows it: control characters (a line break inside
 * a quoted cell, say) become '?', and a value longer than MAX_SHOWN_BYTES
 * is cut at a character boundary and ends in "...". */
struct shown {
    char text[MAX_SHOWN_BYTES + 4];
};

static struct shown show(const char *value)
{
    struct shown shown;
    size_t length = strlen(value);
    size_t keep = length;
    if (length > MAX_SHOWN_BYTES) {
        keep = MAX_SHOWN_BYTES;
        while (keep > 0 && ((unsigned char)value[keep] & 0xC0) == 0x80)
            keep--; /* do not split a UTF-8 sequence */
    }
    for (size_t i = 0; i < keep; i++) {
        unsigned char c = (unsigned char)value[i];
        shown.text[i] = (c < 0x20 || c == 0x7F) ? '?' : (char)c;
    }
    strcpy(shown.text + keep, keep < length ? "..." : "");
    return shown;
}

/* "a, b, c" for messages: the first MAX_LISTED names, then "and N more". */
struct name_list {
    char text[(MAX_SHOWN_BYTES + 6) * MAX_LISTED + 32];
    size_t used;
    size_t count;
};

static void name_list_add(struct name_list *list, const char *name)
{
    if (list->count < MAX_LISTED) {
        int n = snprintf(list->text + list->used,
                         sizeof list->text - list->used, "%s%s",
                         list->count > 0 ? ", " : "", show(name).text);
        if (n > 0)
            list->used += (size_t)n;
    }
    list->count++;
}

static const char *name_list_text(struct name_list *list)
{
    if (list->count > MAX_LISTED)
        snprintf(list->text + list->used, sizeof list->text - list->used,
                 " and %zu more", list->count - MAX_LISTED);
    return list->text;
}

/* ---------------------------------------------------------------------
 * Small helpers
 * ------------------------------------------------------------------- */

/* A NUL-terminated copy of length bytes of text, or NULL if out of memory. */
static char *copy_text(const char *text, size_t length)
{
    char *copy = malloc(length + 1);
    if (copy == NULL)
        return NULL;
    if (length > 0)
        memcpy(copy, text, length);
    copy[length] = '\0';
    return copy;
}

static bool is_blank(char c)
{
    return c == ' ' || c == '\t';
}

/* A copy of text without the blanks around it; NULL text counts as "". */
static char *copy_trimmed(const char *text)
{
    if (text == NULL)
        text = "";
    while (is_blank(*text))
        text++;
    size_t length = strlen(text);
    while (length > 0 && is_blank(text[length - 1]))
        length--;
    return copy_text(text, length);
}

/* Grows array so that it holds at least needed items of item_size bytes,
 * doubling its capacity. Returns the (maybe moved) array, or NULL on
 * overflow or out of memory, the old array then being left as it was. */
static void *grow(void *array, size_t *capacity, size_t needed,
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

/* Texts with their position, to sort them (by text, then position). */
struct indexed_text {
    const char *text;
    size_t index;
};

static int compare_text_then_index(const void *a, const void *b)
{
    const struct indexed_text *left = a, *right = b;
    int order = strcmp(left->text, right->text);
    if (order != 0)
        return order;
    return (left->index > right->index) - (left->index < right->index);
}

static int compare_index(const void *a, const void *b)
{
    const struct indexed_text *left = a, *right = b;
    return (left->index > right->index) - (left->index < right->index);
}

/* The count texts texts[i * stride], sorted by text and then position;
 * NULL if out of memory. The caller frees the array. */
static struct indexed_text *sort_texts(char *const *texts, size_t count,
                                       size_t stride)
{
    struct indexed_text *sorted = calloc(count > 0 ? count : 1,
                                         sizeof *sorted);
    if (sorted == NULL)
        return NULL;
    for (size_t i = 0; i < count; i++)
        sorted[i] = (struct indexed_text){texts[i * stride], i};
    qsort(sorted, count, sizeof *sorted, compare_text_then_index);
    return sorted;
}

/* ---------------------------------------------------------------------
 * Parsing CSV text into a table
 * ------------------------------------------------------------------- */

/* What the libcsv callbacks need to build the table and to say where a
 * problem is. */
struct loader {
    struct table *table;
    const char *source;
    char *err;
    size_t errlen;
    bool failed;

    size_t line;            /* physical line of the byte being parsed */
    size_t record_line;     /* line where the current record starts */
    size_t field_line;      /* line where the current field starts */
    bool between_records;   /* no byte of the next record seen yet */
    bool between_fields;    /* no byte of the next field seen yet */
    bool field_quoted;      /* the current field starts with a quote */
    size_t fields_in_record;

    bool header_done;
    size_t header_end_line;
    size_t cell_count;      /* cells stored so far */
    size_t names_capacity, cells_capacity, lines_capacity;
};

__attribute__((format(printf, 4, 5)))
static void loader_fail(struct loader *loader, size_t line, size_t column,
                        const char *format, ...)
{
    if (loader->failed)
        return;
    loader->failed = true;
    if (loader->err == NULL || loader->errlen == 0)
        return;
    char reason[512];
    va_list args;
    va_start(args, format);
    vsnprintf(reason, sizeof reason, format, args);
    va_end(args);
    report(loader->err, loader->errlen, loader->source, line, column,
           "%s", reason);
}

static void loader_out_of_memory(struct loader *loader)
{
    loader_fail(loader, 0, 0, "out of memory");
}

static void add_name(struct loader *loader, const char *text, size_t length)
{
    struct table *t = loader->table;
    char **names = grow(t->names, &loader->names_capacity, t->ncols + 1,
                        sizeof *names);
    if (names == NULL) {
        loader_out_of_memory(loader);
        return;
    }
    t->names = names;
    char *name = copy_text(text, length);
    if (name == NULL) {
        loader_out_of_memory(loader);
        return;
    }
    t->names[t->ncols++] = name;
}

static void add_cell(struct loader *loader, const char *text, size_t length)
{
    struct table *t = loader->table;
    char **cells = grow(t->cells, &loader->cells_capacity,
                        loader->cell_count + 1, sizeof *cells);
    if (cells == NULL) {
        loader_out_of_memory(loader);
        return;
    }
    t->cells = cells;
    char *cell = copy_text(text, length);
    if (cell == NULL) {
        loader_out_of_memory(loader);
        return;
    }
    t->cells[loader->cell_count++] = cell;
}

/* libcsv calls this at the end of each field. */
static void on_field(void *data, size_t length, void *context)
{
    struct loader *loader = context;
    if (loader->failed)
        return;
    const char *text = data;
    size_t column = ++loader->fields_in_record;
    loader->between_fields = true;
    if (!loader->header_done)
        add_name(loader, text, length);
    else if (column <= loader->table->ncols)
        add_cell(loader, text, length); /* extra fields are only counted */
}

/* Rejects an empty or repeated column name in the header. */
static void check_header_names(struct loader *loader)
{
    const struct table *t = loader->table;
    for (size_t i = 0; i < t->ncols; i++) {
        if (t->names[i][0] == '\0') {
            loader_fail(loader, loader->record_line, i + 1,
                        "empty column name in the header");
            return;
        }
    }
    struct indexed_text *sorted = sort_texts(t->names, t->ncols, 1);
    if (sorted == NULL) {
        loader_out_of_memory(loader);
        return;
    }
    /* In each run of equal names, the second is that name's first repeat;
     * report the repeat that comes first in the header. */
    size_t repeat = SIZE_MAX, original = 0;
    for (size_t i = 1; i < t->ncols; i++) {
        bool second_of_run = strcmp(sorted[i].text, sorted[i - 1].text) == 0
            && (i == 1 || strcmp(sorted[i - 1].text, sorted[i - 2].text) != 0);
        if (second_of_run && sorted[i].index < repeat) {
            repeat = sorted[i].index;
            original = sorted[i - 1].index;
        }
    }
    free(sorted);
    if (repeat != SIZE_MAX)
        loader_fail(loader, loader->record_line, repeat + 1,
                    "duplicate column name \"%s\" (also column %zu)",
                    show(t->names[repeat]).text, original + 1);
}

static void finish_data_row(struct loader *loader)
{
    struct table *t = loader->table;
    if (loader->fields_in_record != t->ncols) {
        loader_fail(loader, loader->record_line, 0,
                    "row has %zu field%s, the header has %zu",
                    loader->fields_in_record,
                    loader->fields_in_record == 1 ? "" : "s", t->ncols);
        return;
    }
    size_t *lines = grow(t->lines, &loader->lines_capacity, t->nrows + 1,
                         sizeof *lines);
    if (lines == NULL) {
        loader_out_of_memory(loader);
        return;
    }
    t->lines = lines;
    t->lines[t->nrows++] = loader->record_line;
}

/* libcsv calls this at the end of each record (the header first). */
static void on_record(int terminator, void *context)
{
    (void)terminator;
    struct loader *loader = context;
    if (loader->failed)
        return;
    if (loader->header_done) {
        finish_data_row(loader);
    } else {
        loader->header_done = true;
        loader->header_end_line = loader->line;
        check_header_names(loader);
    }
    loader->fields_in_record = 0;
    loader->between_records = true;
}

/* Notes where records and fields start, before libcsv sees byte c.
 * libcsv skips blanks before a field, and blanks and line breaks before a
 * record; anything else starts one. */
static void note_position(struct loader *loader, char c)
{
    if (loader->between_records) {
        if (is_blank(c) || c == '\r' || c == '\n')
            return;
        loader->between_records = false;
        loader->record_line = loader->line;
    } else if (!loader->between_fields || is_blank(c)) {
        return;
    }
    loader->between_fields = false;
    loader->field_line = loader->line;
    loader->field_quoted = c == '"';
}

static void report_parser_error(struct loader *loader, int status)
{
    size_t column = loader->fields_in_record + 1;
    if (status == CSV_ENOMEM)
        loader_out_of_memory(loader);
    else if (status == CSV_ETOOBIG)
        loader_fail(loader, loader->field_line, column, "field too large");
    else if (loader->field_quoted)
        loader_fail(loader, loader->field_line, column,
                    "text after the closing quote of a quoted field");
    else
        loader_fail(loader, loader->field_line, column,
                    "quote inside an unquoted field (quote the whole field"
                    " and double the quotes inside it)");
}

/* True when byte i of text ends a physical line: LF, the LF of CRLF, or a
 * lone CR. */
static bool ends_line(const char *text, size_t length, size_t i)
{
    return text[i] == '\n'
        || (text[i] == '\r' && (i + 1 == length || text[i + 1] != '\n'));
}

/* Feeds the text to libcsv byte by byte, keeping count of the lines. */
static void parse_text(struct loader *loader, struct csv_parser *parser,
                       const char *text, size_t length)
{
    for (size_t i = 0; i < length && !loader->failed; i++) {
        note_position(loader, text[i]);
        if (text[i] == '\0') {
            loader_fail(loader, loader->field_line,
                        loader->fields_in_record + 1,
                        "contains a NUL byte (is this a text file?)");
            return;
        }
        if (csv_parse(parser, &text[i], 1, on_field, on_record, loader) != 1) {
            report_parser_error(loader, csv_error(parser));
            return;
        }
        if (ends_line(text, length, i))
            loader->line++;
    }
    if (loader->failed)
        return;
    /* csv_fini ends a last record that has no final line break. Its error
     * status is reset on return, so only its return value tells. */
    if (csv_fini(parser, on_field, on_record, loader) != 0)
        loader_fail(loader, loader->field_line, loader->fields_in_record + 1,
                    "unterminated quoted field (the closing quote is"
                    " missing)");
}

bool table_load_buffer(const char *name, const char *buf, size_t len,
                       struct table *t, char *err, size_t errlen)
{
    memset(t, 0, sizeof *t);
    if (err != NULL && errlen > 0)
        err[0] = '\0';
    if (name == NULL)
        name = "(input)";
    if (buf == NULL)
        len = 0;

    struct loader loader = {
        .table = t, .source = name, .err = err, .errlen = errlen,
        .line = 1, .between_records = true, .between_fields = true,
    };
    t->source = copy_text(name, strlen(name));
    if (t->source == NULL) {
        loader_out_of_memory(&loader);
        return false;
    }
    if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
        buf += 3; /* a UTF-8 byte order mark */
        len -= 3;
    }

    struct csv_parser parser;
    if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0) {
        loader_out_of_memory(&loader);
    } else {
        parse_text(&loader, &parser, buf, len);
        csv_free(&parser);
    }

    if (!loader.failed && !loader.header_done)
        loader_fail(&loader, 1, 0, "empty file");
    if (!loader.failed && t->nrows == 0)
        loader_fail(&loader, loader.header_end_line + 1, 0,
                    "no data rows (header only)");
    if (loader.failed) {
        /* free every cell stored, those of a rejected row included */
        for (size_t i = 0; i < loader.cell_count; i++)
            free(t->cells[i]);
        t->nrows = 0;
        table_free(t);
        return false;
    }
    return true;
}

/* Reads all of an open stream into a new buffer (not NUL-terminated),
 * refusing more than MAX_FILE_BYTES. */
static bool read_stream(FILE *file, const char *path, char **bytes,
                        size_t *length, char *err, size_t errlen)
{
    const size_t limit = MAX_FILE_BYTES + 1; /* one more byte: too large */
    size_t capacity = 0, used = 0;
    char *buffer = NULL;
    while (used < limit) {
        char *grown = grow(buffer, &capacity, used + 65536, 1);
        if (grown == NULL) {
            report(err, errlen, path, 0, 0, "out of memory");
            free(buffer);
            return false;
        }
        buffer = grown;
        size_t wanted = capacity - used;
        if (wanted > limit - used)
            wanted = limit - used;
        size_t got = fread(buffer + used, 1, wanted, file);
        used += got;
        if (got < wanted)
            break;
    }
    if (ferror(file)) {
        report(err, errlen, path, 0, 0, "cannot read: %s", strerror(errno));
    } else if (used > MAX_FILE_BYTES) {
        report(err, errlen, path, 0, 0, "file too large (more than %zu MiB)",
               MAX_FILE_BYTES >> 20);
    } else {
        *bytes = buffer;
        *length = used;
        return true;
    }
    free(buffer);
    return false;
}

bool table_load_file(const char *path, struct table *t, char *err,
                     size_t errlen)
{
    memset(t, 0, sizeof *t);
    if (path == NULL)
        path = "";
    FILE *file = fopen(path, "rb");
    if (file == NULL) {
        report(err, errlen, path, 0, 0, "cannot open: %s", strerror(errno));
        return false;
    }
    struct stat status;
    if (fstat(fileno(file), &status) == 0 && S_ISDIR(status.st_mode)) {
        report(err, errlen, path, 0, 0, "is a directory");
        fclose(file);
        return false;
    }
    char *bytes = NULL;
    size_t length = 0;
    bool ok = read_stream(file, path, &bytes, &length, err, errlen);
    fclose(file);
    if (ok)
        ok = table_load_buffer(path, bytes, length, t, err, errlen);
    free(bytes);
    return ok;
}

void table_free(struct table *t)
{
    if (t == NULL)
        return;
    if (t->names != NULL)
        for (size_t i = 0; i < t->ncols; i++)
            free(t->names[i]);
    if (t->cells != NULL)
        for (size_t i = 0; i < t->nrows * t->ncols; i++)
            free(t->cells[i]);
    free(t->names);
    free(t->cells);
    free(t->lines);
    free(t->source);
    memset(t, 0, sizeof *t);
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

/* ---------------------------------------------------------------------
 * Numbers
 * ------------------------------------------------------------------- */

enum number_check {
    NUMBER_OK,
    NUMBER_EMPTY,
    NUMBER_NOT_A_NUMBER,
    NUMBER_NOT_FINITE,      /* nan, inf, infinity */
    NUMBER_OUT_OF_RANGE,    /* too large for a double, e.g. 1e999 */
};

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static const char *skip_digits(const char *p, size_t *count)
{
    while (is_digit(*p)) {
        p++;
        (*count)++;
    }
    return p;
}

/* Length of the number at the start of text by the grammar
 * [+-] digits [. digits] [(e|E) [+-] digits], with at least one digit
 * before the exponent (so "5.", ".5" and "+.5" are numbers); 0 if none. */
static size_t match_number(const char *text)
{
    const char *p = text;
    size_t digits = 0;
    if (*p == '+' || *p == '-')
        p++;
    p = skip_digits(p, &digits);
    if (*p == '.')
        p = skip_digits(p + 1, &digits);
    if (digits == 0)
        return 0;
    if (*p == 'e' || *p == 'E') {
        const char *q = p + 1;
        size_t exponent_digits = 0;
        if (*q == '+' || *q == '-')
            q++;
        q = skip_digits(q, &exponent_digits);
        if (exponent_digits == 0)
            return 0;
        p = q;
    }
    return (size_t)(p - text);
}

/* True for [+-]nan, inf or infinity in any case (ASCII only, whatever the
 * locale), to tell the user why such a value is refused. */
static bool is_special_value(const char *text, size_t length)
{
    static const char *const words[] = {"nan", "inf", "infinity"};
    if (length > 0 && (*text == '+' || *text == '-')) {
        text++;
        length--;
    }
    for (size_t w = 0; w < sizeof words / sizeof words[0]; w++) {
        if (strlen(words[w]) != length)
            continue;
        size_t i = 0;
        while (i < length && (text[i] | 0x20) == words[w][i])
            i++;
        if (i == length)
            return true;
    }
    return false;
}

/* Converts the first length bytes of text, already checked by
 * match_number, with strtod under the C locale (the program's own locale
 * may use a decimal comma). strtod rounds correctly. */
static bool convert_in_c_locale(const char *text, size_t length, double *value)
{
    static locale_t c_locale = (locale_t)0;
    if (c_locale == (locale_t)0)
        c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    if (c_locale == (locale_t)0)
        return false;
    locale_t previous = uselocale(c_locale);
    if (previous == (locale_t)0)
        return false;
    int saved_errno = errno;
    char *end;
    *value = strtod(text, &end);
    errno = saved_errno;
    uselocale(previous);
    return end == text + length;
}

static enum number_check check_number(const char *text, double *out)
{
    if (text == NULL)
        return NUMBER_EMPTY;
    while (is_blank(*text))
        text++;
    size_t length = strlen(text);
    while (length > 0 && is_blank(text[length - 1]))
        length--;
    if (length == 0)
        return NUMBER_EMPTY;
    if (is_special_value(text, length))
        return NUMBER_NOT_FINITE;
    double value;
    if (match_number(text) != length
        || !convert_in_c_locale(text, length, &value))
        return NUMBER_NOT_A_NUMBER;
    if (isinf(value))
        return NUMBER_OUT_OF_RANGE;
    if (out != NULL)
        *out = value;
    return NUMBER_OK;
}

bool parse_number(const char *text, double *out)
{
    return check_number(text, out) == NUMBER_OK;
}

bool table_column_numeric(const struct table *t, size_t col)
{
    if (t == NULL || col >= t->ncols)
        return false;
    for (size_t row = 0; row < t->nrows; row++)
        if (!parse_number(t->cells[row * t->ncols + col], NULL))
            return false;
    return true;
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

/* ---------------------------------------------------------------------
 * Distinct values of a column
 * ------------------------------------------------------------------- */

/* table_distinct for a few rows: compare each value with those before. */
static size_t distinct_by_scanning(const struct table *t, size_t col,
                                   const char **values, size_t max)
{
    size_t count = 0;
    for (size_t row = 0; row < t->nrows; row++) {
        const char *value = t->cells[row * t->ncols + col];
        size_t earlier = 0;
        while (earlier < row
               && strcmp(t->cells[earlier * t->ncols + col], value) != 0)
            earlier++;
        if (earlier < row)
            continue;
        if (count < max && values != NULL)
            values[count] = value;
        count++;
    }
    return count;
}

size_t table_distinct(const struct table *t, size_t col, const char **values,
                      size_t max)
{
    if (t == NULL || col >= t->ncols || t->nrows == 0)
        return 0;
    /* Many rows: sort (value, row), keep the first row of each value and
     * put those back in file order; out of memory, scan instead. */
    struct indexed_text *sorted = NULL;
    if (t->nrows > FEW_ROWS)
        sorted = sort_texts(t->cells + col, t->nrows, t->ncols);
    if (sorted == NULL)
        return distinct_by_scanning(t, col, values, max);
    size_t count = 0;
    const char *previous = NULL;
    for (size_t i = 0; i < t->nrows; i++) {
        const char *value = sorted[i].text;
        if (previous == NULL || strcmp(value, previous) != 0)
            sorted[count++] = sorted[i];
        previous = value;
    }
    qsort(sorted, count, sizeof *sorted, compare_index);
    for (size_t i = 0; i < count && i < max && values != NULL; i++)
        values[i] = sorted[i].text;
    free(sorted);
    return count;
}

/* ---------------------------------------------------------------------
 * Selecting the samples
 * ------------------------------------------------------------------- */

static const char *source_of(const struct table *t)
{
    return t != NULL && t->source != NULL ? t->source : "(no table)";
}

/* Finds a column by name, or reports it unknown with the list of columns. */
static bool find_column(const struct table *t, const char *name, size_t *col,
                        char *err, size_t errlen)
{
    int found = table_column(t, name);
    if (found >= 0) {
        *col = (size_t)found;
        return true;
    }
    struct name_list columns = {0};
    for (size_t i = 0; i < t->ncols; i++)
        name_list_add(&columns, t->names[i]);
    report(err, errlen, source_of(t), 0, 0,
           "unknown column \"%s\" (columns: %s)", show(name).text,
           name_list_text(&columns));
    return false;
}

/* Checks that the label column has two classes or more and holds both
 * requested classes, listing the classes present otherwise. */
static bool check_classes(const struct table *t, size_t label,
                          char *const class_name[2], char *err, size_t errlen)
{
    const char *classes[MAX_LISTED + 1];
    size_t count = table_distinct(t, label, classes, MAX_LISTED + 1);
    if (count < 2) {
        report(err, errlen, source_of(t), 0, 0,
               "column \"%s\" has only one class (\"%s\"); two are needed",
               show(t->names[label]).text,
               count == 1 ? show(classes[0]).text : "");
        return false;
    }
    for (int k = 0; k < 2; k++) {
        size_t row = 0;
        while (row < t->nrows
               && strcmp(t->cells[row * t->ncols + label], class_name[k]) != 0)
            row++;
        if (row < t->nrows)
            continue;
        struct name_list present = {0};
        for (size_t i = 0; i < count && i < MAX_LISTED; i++)
            name_list_add(&present, classes[i]);
        present.count = count; /* "and N more" counts the unlisted ones */
        report(err, errlen, source_of(t), 0, 0,
               "class \"%s\" not found in column %s (classes: %s)",
               show(class_name[k]).text, show(t->names[label]).text,
               name_list_text(&present));
        return false;
    }
    return true;
}

/* Checks every value of both feature columns in file order (selected rows
 * or not); cols holds the
 * two columns, so a row's x comes before its y. */
static bool check_feature_values(const struct table *t, const size_t cols[2],
                                 char *err, size_t errlen)
{
    for (size_t row = 0; row < t->nrows; row++) {
        for (int k = 0; k < 2; k++) {
            const char *cell = t->cells[row * t->ncols + cols[k]];
            const char *why = NULL;
            switch (check_number(cell, NULL)) {
            case NUMBER_OK: continue;
            case NUMBER_EMPTY: why = "empty value"; break;
            case NUMBER_NOT_A_NUMBER: why = "is not a number"; break;
            case NUMBER_NOT_FINITE: why = "is not a finite number"; break;
            case NUMBER_OUT_OF_RANGE: why = "is out of range"; break;
            }
            size_t line = t->lines[row], column = cols[k] + 1;
            if (cell[0] == '\0')
                report(err, errlen, source_of(t), line, column, "%s: %s",
                       show(t->names[cols[k]]).text, why);
            else
                report(err, errlen, source_of(t), line, column,
                       "%s: \"%s\" %s", show(t->names[cols[k]]).text,
                       show(cell).text, why);
            return false;
        }
    }
    return true;
}

struct feature_stats {
    double mean, sd;   /* population sd: divided by n */
    int exponent;      /* values were scaled by 2^-exponent */
};

/* Mean and standard deviation of n values. They are computed on the values
 * scaled by a power of two (exactly) to near 1, so that sums of huge values
 * cannot overflow. */
static struct feature_stats feature_stats_of(const double *values, size_t n)
{
    struct feature_stats stats = {0};
    double largest = 0;
    for (size_t i = 0; i < n; i++)
        largest = fmax(largest, fabs(values[i]));
    if (largest > 0)
        frexp(largest, &stats.exponent);
    double sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += ldexp(values[i], -stats.exponent);
    double scaled_mean = sum / (double)n;
    double squares = 0;
    for (size_t i = 0; i < n; i++) {
        double deviation = ldexp(values[i], -stats.exponent) - scaled_mean;
        squares += deviation * deviation;
    }
    stats.mean = ldexp(scaled_mean, stats.exponent);
    stats.sd = ldexp(sqrt(squares / (double)n), stats.exponent);
    return stats;
}

static void standardize(double *values, size_t n, struct feature_stats stats)
{
    double scaled_mean = ldexp(stats.mean, -stats.exponent);
    double scaled_sd = ldexp(stats.sd, -stats.exponent);
    for (size_t i = 0; i < n; i++)
        values[i] = (ldexp(values[i], -stats.exponent) - scaled_mean)
                    / scaled_sd;
}

static bool all_equal(const double *values, size_t n)
{
    for (size_t i = 1; i < n; i++)
        if (values[i] != values[0])
            return false;
    return true;
}

/* Copies the chosen rows' features and targets into d (arrays of d->n). */
static bool fill_samples(const struct table *t, const size_t cols[2],
                         size_t label, struct dataset *d)
{
    for (size_t row = 0; row < t->nrows; row++) {
        const char *cell = t->cells[row * t->ncols + label];
        if (strcmp(cell, d->class_name[0]) == 0
            || strcmp(cell, d->class_name[1]) == 0)
            d->n++;
    }
    d->x1 = calloc(d->n, sizeof *d->x1);
    d->x2 = calloc(d->n, sizeof *d->x2);
    d->y = calloc(d->n, sizeof *d->y);
    if (d->x1 == NULL || d->x2 == NULL || d->y == NULL)
        return false;
    size_t i = 0;
    for (size_t row = 0; row < t->nrows; row++) {
        char *const *cells = &t->cells[row * t->ncols];
        bool is_a = strcmp(cells[label], d->class_name[0]) == 0;
        if (!is_a && strcmp(cells[label], d->class_name[1]) != 0)
            continue;
        parse_number(cells[cols[0]], &d->x1[i]);
        parse_number(cells[cols[1]], &d->x2[i]);
        d->y[i] = is_a ? 0.0 : 1.0;
        i++;
    }
    return true;
}

/* Sets d's mean and sd, and standardises the features if asked. */
static bool scale_features(const struct table *t, const size_t cols[2],
                           bool asked, struct dataset *d, char *err,
                           size_t errlen)
{
    double *features[2] = {d->x1, d->x2};
    for (int k = 0; k < 2; k++) {
        struct feature_stats stats = feature_stats_of(features[k], d->n);
        d->mean[k] = stats.mean;
        d->sd[k] = stats.sd;
        if (!asked)
            continue;
        if (all_equal(features[k], d->n)) {
            report(err, errlen, source_of(t), 0, 0,
                   "cannot standardize %s: it has the same value in every"
                   " row of classes %s and %s",
                   show(t->names[cols[k]]).text, show(d->class_name[0]).text,
                   show(d->class_name[1]).text);
            return false;
        }
        standardize(features[k], d->n, stats);
    }
    d->standardized = asked;
    return true;
}

/* The checks and the work of dataset_select; d's names are already set. */
static bool select_samples(const struct table *t, bool standardize_features,
                           struct dataset *d, char *err, size_t errlen)
{
    size_t cols[2] = {0, 0}, label = 0;
    if (!find_column(t, d->x_name, &cols[0], err, errlen)
        || !find_column(t, d->y_name, &cols[1], err, errlen)
        || !find_column(t, d->label_name, &label, err, errlen))
        return false;
    for (int k = 0; k < 2; k++) {
        if (cols[k] == label) {
            report(err, errlen, source_of(t), 0, 0,
                   "column \"%s\" is the label column; it cannot also be a"
                   " feature", show(d->label_name).text);
            return false;
        }
    }
    if (strcmp(d->class_name[0], d->class_name[1]) == 0) {
        report(err, errlen, source_of(t), 0, 0,
               "the two classes are the same (\"%s\"); pick two different"
               " classes", show(d->class_name[0]).text);
        return false;
    }
    if (!check_classes(t, label, d->class_name, err, errlen)
        || !check_feature_values(t, cols, err, errlen))
        return false;
    if (!fill_samples(t, cols, label, d)) {
        report(err, errlen, source_of(t), 0, 0, "out of memory");
        return false;
    }
    return scale_features(t, cols, standardize_features, d, err, errlen);
}

bool dataset_select(const struct table *t, const struct selection *sel,
                    struct dataset *d, char *err, size_t errlen)
{
    memset(d, 0, sizeof *d);
    if (err != NULL && errlen > 0)
        err[0] = '\0';
    static const struct selection nothing = {0};
    if (sel == NULL)
        sel = &nothing;
    d->x_name = copy_trimmed(sel->x_column);
    d->y_name = copy_trimmed(sel->y_column);
    d->label_name = copy_trimmed(sel->label_column);
    d->class_name[0] = copy_trimmed(sel->class_a);
    d->class_name[1] = copy_trimmed(sel->class_b);
    bool ok;
    if (d->x_name == NULL || d->y_name == NULL || d->label_name == NULL
        || d->class_name[0] == NULL || d->class_name[1] == NULL) {
        report(err, errlen, source_of(t), 0, 0, "out of memory");
        ok = false;
    } else if (t == NULL || t->names == NULL) {
        report(err, errlen, source_of(t), 0, 0, "no table loaded");
        ok = false;
    } else {
        ok = select_samples(t, sel->standardize, d, err, errlen);
    }
    if (!ok)
        dataset_free(d);
    return ok;
}

void dataset_free(struct dataset *d)
{
    if (d == NULL)
        return;
    free(d->x1);
    free(d->x2);
    free(d->y);
    free(d->x_name);
    free(d->y_name);
    free(d->label_name);
    free(d->class_name[0]);
    free(d->class_name[1]);
    memset(d, 0, sizeof *d);
}
