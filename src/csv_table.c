/* csv_table.c - reads a CSV file or buffer with libcsv into a struct table
 * (table_load_file, table_load_buffer; see dataset.h). The text goes to
 * libcsv in blocks of TABLE_BLOCK_BYTES; a file is read block by block,
 * never whole, and each value is stored as it comes (table.c: parsed once
 * as a number, its text kept once).
 *
 * Errors are values: a failing function writes one line
 * "FILE:LINE[:COLUMN]: reason" into the caller's buffer. LINE is the
 * physical line where the offending record starts (for a quote or NUL
 * error: where the field starts), COLUMN the 1-based field number.
 *
 * Lines: libcsv does not say where it is in the text, so lines are
 * counted from what it reports, in order: with CSV_REPALL_NL every line
 * break outside quotes (ending a record or not, with its byte), and each
 * field's text, which holds the line breaks of a quoted field. LF, CRLF
 * and a lone CR each end one line; an LF reported right after a CR is that
 * CR's own line end, unless blanks came between them (libcsv skips blanks
 * without a report), so a CR followed by a blank ends a slice of the block
 * and the CR is forgotten. Only blanks come between a report and the start
 * of the next field or record, so the count at the last report is the
 * line where the current field (and, for a first field, its record)
 * starts: the line messages name.
 *
 * Decisions worth knowing:
 * - libcsv trims blanks (spaces, tabs) around unquoted fields and skips
 *   lines that hold only blanks; blanks inside quotes are kept.
 * - A UTF-8 byte order mark at the start of the text is skipped.
 * - The field delimiter is a comma unless the caller names another
 *   (--delimiter); then numbers may have a decimal comma. With the comma,
 *   a header of one field holding ";" or a tab is refused with a hint. */

#include "table_internal.h"
#include "text_util.h"

#include <csv.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* What the libcsv callbacks need to build the table and to say where a
 * problem is. */
struct loader {
    struct table *table;
    const char *source;
    char delimiter;         /* between fields: ',' unless --delimiter */
    char *err;
    size_t errlen;
    bool failed;

    size_t line;            /* line of the parser's position */
    bool cr_reported;       /* the last report was a CR, nothing since */
    size_t record_line;     /* line where the current record starts */
    size_t fields_in_record;
    char last_non_blank;    /* the last byte fed that is not a blank */
    bool started;           /* a first byte was seen (BOM check) */

    bool header_done;
    size_t header_end_line;
    size_t names_capacity, line_runs_capacity;
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

/* ---------------------------------------------------------------------
 * Lines
 * ------------------------------------------------------------------- */

/* The line ends inside a field's text (a quoted field may hold some). */
static size_t count_line_ends(const char *text, size_t length)
{
    size_t count = 0;
    for (size_t i = 0; i < length; i++)
        if (text[i] == '\n'
            || (text[i] == '\r' && (i + 1 == length || text[i + 1] != '\n')))
            count++;
    return count;
}

/* libcsv reported a line break (or, c = -1, the end of the text). */
static void count_reported_break(struct loader *loader, int c)
{
    if (c == '\n' && loader->cr_reported) {
        loader->cr_reported = false; /* the LF of a CRLF */
        return;
    }
    if (c == '\r' || c == '\n')
        loader->line++;
    loader->cr_reported = c == '\r';
}

/* Notes that data row row starts on line, starting a new run of lines
 * when it is not on the line after the previous row's. */
static void note_row_line(struct loader *loader, size_t row, size_t line)
{
    struct table *t = loader->table;
    if (t->line_run_count > 0) {
        const struct table_line_run *last = &t->line_runs[t->line_run_count - 1];
        if (last->line + (row - last->first_row) == line)
            return;
    }
    struct table_line_run *runs = table_grow(t->line_runs,
        &loader->line_runs_capacity, t->line_run_count + 1, sizeof *runs);
    if (runs == NULL) {
        loader_out_of_memory(loader);
        return;
    }
    t->line_runs = runs;
    t->line_runs[t->line_run_count++] = (struct table_line_run){row, line};
}

/* ---------------------------------------------------------------------
 * Header and rows
 * ------------------------------------------------------------------- */

static void add_name(struct loader *loader, const char *text, size_t length)
{
    struct table *t = loader->table;
    char **names = table_grow(t->names, &loader->names_capacity, t->ncols + 1,
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

/* libcsv calls this at the end of each field. */
static void on_field(void *data, size_t length, void *context)
{
    struct loader *loader = context;
    if (loader->failed)
        return;
    const char *text = data;
    size_t column = ++loader->fields_in_record;
    if (column == 1)
        loader->record_line = loader->line;
    loader->cr_reported = false;
    loader->line += count_line_ends(text, length);
    struct table *t = loader->table;
    if (!loader->header_done) {
        add_name(loader, text, length);
    } else if (column <= t->ncols) { /* extra fields are only counted */
        if (!table_column_store(&t->columns[column - 1], t->nrows, text,
                                length, loader->record_line))
            loader_out_of_memory(loader);
    }
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

/* A header of one field read with the comma, holding a semicolon or a
 * tab, is a file separated by those: refused, naming the option. */
static void check_header_delimiter(struct loader *loader)
{
    const struct table *t = loader->table;
    if (loader->failed || loader->delimiter != ',' || t->ncols != 1)
        return;
    if (strchr(t->names[0], ';'))
        loader_fail(loader, loader->record_line, 0,
                    "the header is one field that holds \";\": for columns"
                    " separated by \";\", use --delimiter ';'");
    else if (strchr(t->names[0], '\t'))
        loader_fail(loader, loader->record_line, 0,
                    "the header is one field that holds tabs: for columns"
                    " separated by tabs, use --delimiter tab");
}

static void finish_header(struct loader *loader)
{
    struct table *t = loader->table;
    loader->header_done = true;
    loader->header_end_line = loader->line;
    t->header_line = loader->record_line;
    check_header_names(loader);
    check_header_delimiter(loader);
    if (loader->failed)
        return;
    t->columns = calloc(t->ncols, sizeof *t->columns);
    if (t->columns == NULL) {
        loader_out_of_memory(loader);
        return;
    }
    for (size_t i = 0; i < t->ncols; i++) {
        table_column_start(&t->columns[i]);
        t->columns[i].decimal_comma = loader->delimiter != ',';
    }
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
    note_row_line(loader, t->nrows, loader->record_line);
    t->nrows++;
}

/* libcsv calls this at the end of each record (the header first), and,
 * with no field before it, for a line break outside any record. */
static void on_record(int terminator, void *context)
{
    struct loader *loader = context;
    if (loader->failed)
        return;
    if (loader->fields_in_record > 0) {
        if (loader->header_done)
            finish_data_row(loader);
        else
            finish_header(loader);
        loader->fields_in_record = 0;
    }
    count_reported_break(loader, terminator);
}

/* ---------------------------------------------------------------------
 * Feeding libcsv
 * ------------------------------------------------------------------- */

/* Reports a stop of libcsv inside text, at byte stop of it. */
static void report_parser_error(struct loader *loader, int status,
                                const char *text, size_t stop)
{
    size_t column = loader->fields_in_record + 1;
    if (status == CSV_ENOMEM) {
        loader_out_of_memory(loader);
        return;
    }
    if (status == CSV_ETOOBIG) {
        loader_fail(loader, loader->line, column, "field too large");
        return;
    }
    /* libcsv refuses a quote in an unquoted field, and anything but a
     * blank, a comma or a line break after the closing quote of a quoted
     * one. In the second case, and only then, the last byte before the
     * refused one that is not a blank is that closing quote. */
    char before = loader->last_non_blank;
    for (size_t i = stop; i-- > 0;) {
        if (!text_is_blank(text[i])) {
            before = text[i];
            break;
        }
    }
    if (before == '"')
        loader_fail(loader, loader->line, column,
                    "text after the closing quote of a quoted field");
    else
        loader_fail(loader, loader->line, column,
                    "quote inside an unquoted field (quote the whole field"
                    " and double the quotes inside it)");
}

/* Hands length bytes (no NUL among them) to libcsv in one call. */
static void parse_slice(struct loader *loader, struct csv_parser *parser,
                        const char *text, size_t length)
{
    if (length == 0)
        return;
    size_t parsed = csv_parse(parser, text, length, on_field, on_record,
                              loader);
    if (loader->failed)
        return;
    if (parsed != length) {
        report_parser_error(loader, csv_error(parser), text, parsed);
        return;
    }
    for (size_t i = length; i-- > 0;) {
        if (!text_is_blank(text[i])) {
            loader->last_non_blank = text[i];
            break;
        }
    }
}

/* Hands a block of text to libcsv, in slices that end after each CR that
 * a blank follows (see the top of the file) and before a NUL byte. */
static void parse_block(struct loader *loader, struct csv_parser *parser,
                        const char *text, size_t length)
{
    if (!loader->started) {
        loader->started = true;
        if (length >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
            text += 3; /* a UTF-8 byte order mark */
            length -= 3;
        }
    }
    if (length > 0 && text_is_blank(text[0]) && loader->last_non_blank == '\r'
        && loader->cr_reported)
        loader->cr_reported = false; /* a CR at the end of the last block */
    const char *nul = memchr(text, '\0', length);
    size_t usable = nul != NULL ? (size_t)(nul - text) : length;
    size_t from = 0;
    const char *cr = memchr(text, '\r', usable);
    while (cr != NULL && !loader->failed) {
        size_t at = (size_t)(cr - text) + 1;
        if (at < usable && text_is_blank(text[at])) {
            parse_slice(loader, parser, text + from, at - from);
            loader->cr_reported = false;
            from = at;
        }
        cr = at < usable ? memchr(text + at, '\r', usable - at) : NULL;
    }
    if (!loader->failed)
        parse_slice(loader, parser, text + from, usable - from);
    if (nul != NULL && !loader->failed)
        loader_fail(loader, loader->line, loader->fields_in_record + 1,
                    "contains a NUL byte (is this a text file?)");
}

/* Ends the text: the last record, if no line break ends it. */
static void parse_end(struct loader *loader, struct csv_parser *parser)
{
    if (loader->failed)
        return;
    /* csv_fini ends a last record that has no final line break. Its error
     * status is reset on return, so only its return value tells. */
    if (csv_fini(parser, on_field, on_record, loader) != 0)
        loader_fail(loader, loader->line, loader->fields_in_record + 1,
                    "unterminated quoted field (the closing quote is"
                    " missing)");
}

/* The checks of a whole text, once parsed, and the table's final shape. */
static void finish_table(struct loader *loader)
{
    struct table *t = loader->table;
    if (!loader->failed && !loader->header_done)
        loader_fail(loader, 1, 0, "empty file");
    if (!loader->failed && t->nrows == 0)
        loader_fail(loader, loader->header_end_line + 1, 0,
                    "no data rows (header only)");
    if (!loader->failed)
        for (size_t i = 0; i < t->ncols; i++)
            table_column_trim(&t->columns[i], t->nrows);
}

/* Starts a load of t from source: the table zeroed with its name, libcsv
 * ready. false with err filled when out of memory (then t is zeroed). */
static bool loader_start(struct loader *loader, struct csv_parser *parser,
                         const char *source, char delimiter, struct table *t,
                         char *err, size_t errlen)
{
    memset(t, 0, sizeof *t);
    if (err != NULL && errlen > 0)
        err[0] = '\0';
    *loader = (struct loader){
        .table = t, .source = source, .delimiter = delimiter, .err = err,
        .errlen = errlen, .line = 1,
    };
    t->source = text_copy(source, strlen(source));
    if (t->source == NULL) {
        loader_out_of_memory(loader);
        return false;
    }
    if (csv_init(parser, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL
                         | CSV_APPEND_NULL) != 0) {
        loader_out_of_memory(loader);
        table_free(t);
        return false;
    }
    csv_set_delim(parser, (unsigned char)delimiter);
    return true;
}

/* Ends a load: true with the table, or false with err and t zeroed. */
static bool loader_end(struct loader *loader, struct csv_parser *parser)
{
    csv_free(parser);
    finish_table(loader);
    if (loader->failed) {
        table_free(loader->table);
        return false;
    }
    return true;
}

bool table_load_buffer_delimited(const char *name, const char *buf,
                                 size_t len, char delimiter, struct table *t,
                                 char *err, size_t errlen)
{
    struct loader loader;
    struct csv_parser parser;
    if (!loader_start(&loader, &parser, name != NULL ? name : "(input)",
                      delimiter, t, err, errlen))
        return false;
    if (buf == NULL)
        len = 0;
    for (size_t from = 0; from < len && !loader.failed;
         from += TABLE_BLOCK_BYTES) {
        size_t length = len - from < TABLE_BLOCK_BYTES ? len - from
                                                       : TABLE_BLOCK_BYTES;
        parse_block(&loader, &parser, buf + from, length);
    }
    parse_end(&loader, &parser);
    return loader_end(&loader, &parser);
}

bool table_load_buffer(const char *name, const char *buf, size_t len,
                       struct table *t, char *err, size_t errlen)
{
    return table_load_buffer_delimited(name, buf, len, ',', t, err, errlen);
}

/* Reads all of an open stream into a new buffer (not NUL-terminated):
 * as much as memory holds, like a file. */
static bool read_stream(FILE *file, const char *path, char **bytes,
                        size_t *length, char *err, size_t errlen)
{
    size_t capacity = 0, used = 0;
    char *buffer = NULL;
    for (;;) {
        if (used == capacity) {
            size_t grown_capacity = capacity ? capacity * 2 : TABLE_BLOCK_BYTES;
            char *grown = grown_capacity > capacity ? realloc(buffer, grown_capacity) : NULL;
            if (grown == NULL) {
                text_report(err, errlen, path, 0, 0, "out of memory");
                free(buffer);
                return false;
            }
            buffer = grown;
            capacity = grown_capacity;
        }
        size_t got = fread(buffer + used, 1, capacity - used, file);
        used += got;
        if (got == 0)
            break;
    }
    if (ferror(file)) {
        text_report(err, errlen, path, 0, 0, "cannot read: %s",
                    strerror(errno));
        free(buffer);
        return false;
    }
    *bytes = buffer;
    *length = used;
    return true;
}

/* "-" is standard input, named <stdin> in messages. It can be read only
 * once, so its bytes are kept for the life of the process: a lesson (L)
 * reopens the same data. */
static bool load_stdin(char delimiter, struct table *t, char *err,
                       size_t errlen)
{
    static char *bytes;
    static size_t length;
    if (bytes == NULL && !read_stream(stdin, "<stdin>", &bytes, &length, err, errlen))
        return false;
    return table_load_buffer_delimited("<stdin>", bytes, length, delimiter, t,
                                       err, errlen);
}

bool table_load_file(const char *path, struct table *t, char *err,
                     size_t errlen)
{
    return table_load_file_delimited(path, ',', t, err, errlen);
}

bool table_load_file_delimited(const char *path, char delimiter,
                               struct table *t, char *err, size_t errlen)
{
    memset(t, 0, sizeof *t);
    if (path == NULL)
        path = "";
    if (strcmp(path, "-") == 0)
        return load_stdin(delimiter, t, err, errlen);
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
    char *block = malloc(TABLE_BLOCK_BYTES);
    if (block == NULL) {
        text_report(err, errlen, path, 0, 0, "out of memory");
        fclose(file);
        return false;
    }
    struct loader loader;
    struct csv_parser parser;
    bool ok = loader_start(&loader, &parser, path, delimiter, t, err, errlen);
    while (ok && !loader.failed) {
        size_t got = fread(block, 1, TABLE_BLOCK_BYTES, file);
        if (got > 0)
            parse_block(&loader, &parser, block, got);
        if (got < TABLE_BLOCK_BYTES)
            break;
    }
    if (ok && !loader.failed && ferror(file))
        loader_fail(&loader, 0, 0, "cannot read: %s", strerror(errno));
    if (ok) {
        parse_end(&loader, &parser);
        ok = loader_end(&loader, &parser);
    }
    free(block);
    fclose(file);
    return ok;
}
