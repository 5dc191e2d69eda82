/* csv_table.c - reads a CSV file or buffer with libcsv into a struct table
 * of text cells (table_load_file, table_load_buffer, table_free,
 * table_column; see dataset.h).
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
 * - A UTF-8 byte order mark at the start of the text is skipped. */

#include "dataset.h"
#include "text_util.h"

#include <csv.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MAX_FILE_BYTES ((size_t)256 << 20) /* larger files are refused */

/* ---------------------------------------------------------------------
 * Growing arrays
 * ------------------------------------------------------------------- */

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
    text_report(loader->err, loader->errlen, loader->source, line, column,
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
    char *name = text_copy(text, length);
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
    char *cell = text_copy(text, length);
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
    struct indexed_text *sorted = text_sort(t->names, t->ncols, 1);
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
                    text_show(t->names[repeat]).text, original + 1);
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
        loader->table->header_line = loader->record_line;
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
        if (text_is_blank(c) || c == '\r' || c == '\n')
            return;
        loader->between_records = false;
        loader->record_line = loader->line;
    } else if (!loader->between_fields || text_is_blank(c)) {
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
    t->source = text_copy(name, strlen(name));
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
            text_report(err, errlen, path, 0, 0, "out of memory");
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
        text_report(err, errlen, path, 0, 0, "cannot read: %s",
                    strerror(errno));
    } else if (used > MAX_FILE_BYTES) {
        text_report(err, errlen, path, 0, 0,
                    "file too large (more than %zu MiB)",
                    MAX_FILE_BYTES >> 20);
    } else {
        *bytes = buffer;
        *length = used;
        return true;
    }
    free(buffer);
    return false;
}

/* "-" is standard input, named <stdin> in messages. It can be read only
 * once, so its bytes are kept for the life of the process: a lesson (L)
 * reopens the same data. */
static bool load_stdin(struct table *t, char *err, size_t errlen)
{
    static char *bytes;
    static size_t length;
    if (bytes == NULL && !read_stream(stdin, "<stdin>", &bytes, &length, err, errlen))
        return false;
    return table_load_buffer("<stdin>", bytes, length, t, err, errlen);
}

bool table_load_file(const char *path, struct table *t, char *err,
                     size_t errlen)
{
    memset(t, 0, sizeof *t);
    if (path == NULL)
        path = "";
    if (strcmp(path, "-") == 0)
        return load_stdin(t, err, errlen);
    FILE *file = fopen(path, "rb");
    if (file == NULL) {
        text_report(err, errlen, path, 0, 0, "cannot open: %s",
                    strerror(errno));
        return false;
    }
    struct stat status;
    if (fstat(fileno(file), &status) == 0 && S_ISDIR(status.st_mode)) {
        text_report(err, errlen, path, 0, 0, "is a directory");
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
