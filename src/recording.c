/* recording.c - writing and reading record files (format in
 * recording.h): the settings by name through the settings table's own
 * parse and format functions, every number bounded as the command line
 * bounds it, strict line-numbered messages for every mistake, and
 * numbers that read back to the bits they were written from. */
#include "recording.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dataset.h"
#include "keymap.h"
#include "settings.h"
#include "util.h"

#define RECORD_MAGIC "descent-record 2"
#define RECORD_MAGIC_1 "descent-record 1"
#define RECORD_FILE_MAX ((size_t)256 << 20) /* bytes read from a file */
#define VALUE_MAX 16384                     /* one formatted setting (--weights
                                               of the widest network) */

/* ---------- writing ---------- */

static bool one_line(const char *s)
{
    return s != NULL && strpbrk(s, "\r\n") == NULL;
}

/* Writes the "set NAME VALUE" lines and the lesson lines of o to f.
 * false (nothing written) when a value holds a line break. */
static bool write_settings(FILE *f, const struct options *o)
{
    size_t count;
    const struct setting *rows = settings_table(&count);
    char value[VALUE_MAX];
    for (size_t pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < count; i++) {
            const struct setting *s = &rows[i];
            if (!(s->scope & SCOPE_RECORD) || !s->format ||
                !s->format(s, o, value, sizeof value))
                continue;
            if (!one_line(value))
                return false;
            if (pass == 1)
                fprintf(f, "set %s %s\n", s->name, value);
        }
        if (!one_line(o->lesson_name) || !one_line(o->caption[0]) ||
            !one_line(o->caption[1]))
            return false;
    }
    fprintf(f, "lesson-name %s\ncaption-1 %s\ncaption-2 %s\nexplicit ",
            o->lesson_name[0] ? o->lesson_name : "-", o->caption[0], o->caption[1]);
    bool any = false;
    for (size_t i = 0; i < count; i++) {
        if (o->explicit_setting[i]) {
            fprintf(f, "%s%s", any ? "," : "", rows[i].name);
            any = true;
        }
    }
    fputs(any ? "\n" : "-\n", f);
    return true;
}

bool recorder_open(struct recorder *rec, const char *path,
                   const struct options *o, char *err, size_t errlen)
{
    memset(rec, 0, sizeof *rec);
    rec->path = strdup(path);
    rec->file = rec->path ? fopen(path, "w") : NULL;
    if (rec->file == NULL) {
        snprintf(err, errlen, "%s: %s", path, rec->path ? strerror(errno) : "out of memory");
        free(rec->path);
        rec->path = NULL;
        return false;
    }
    FILE *f = rec->file;
    fprintf(f, RECORD_MAGIC "\n# descent --replay %s plays this back\n", path);
    if (!write_settings(f, o)) {
        fclose(f);
        remove(path);
        free(rec->path);
        memset(rec, 0, sizeof *rec);
        snprintf(err, errlen, "%s: cannot record a name with a line break", path);
        return false;
    }
    rec->failed = fflush(f) != 0 || ferror(f);
    rec->t0 = util_now_ms();
    return true;
}

void recorder_event(struct recorder *rec, struct record_event *e)
{
    if (rec->file == NULL)
        return;
    FILE *f = rec->file;
    e->ms = util_now_ms() - rec->t0;
    unsigned long long ms = (unsigned long long)(e->ms > 0 ? e->ms : 0);
    switch (e->kind) {
    case RECORD_KEY: {
        const char *label = keymap_label(e->key);
        if (label)
            fprintf(f, "key %zu %zu %llu %s\n", e->epoch, e->next, ms, label);
        else
            fprintf(f, "key %zu %zu %llu %d\n", e->epoch, e->next, ms, e->key);
        break;
    }
    case RECORD_CLICK_BOWL:
        fprintf(f, "click-bowl %zu %zu %llu %.17g %.17g\n", e->epoch, e->next, ms,
                e->x, e->y);
        break;
    case RECORD_CLICK_LANDSCAPE:
        fprintf(f, "click-landscape %zu %zu %llu %.17g %.17g\n", e->epoch, e->next, ms,
                e->x, e->y);
        break;
    case RECORD_CLICK_COST:
        fprintf(f, "click-cost %zu %zu %llu %zu\n", e->epoch, e->next, ms, e->picked);
        break;
    case RECORD_CLICK_OFF:
        fprintf(f, "click-off %zu %zu %llu\n", e->epoch, e->next, ms);
        break;
    case RECORD_END:
        fprintf(f, "end %zu %zu %llu", e->epoch, e->next, ms);
        for (size_t k = 0; k < e->nparams; k++)
            fprintf(f, " %.17g", e->params[k]);
        fputc('\n', f);
        break;
    }
    if (fflush(f) != 0 || ferror(f))
        rec->failed = true;
}

bool recorder_close(struct recorder *rec, char *err, size_t errlen)
{
    bool ok = true;
    if (rec->file != NULL) {
        ok = !rec->failed && !ferror(rec->file);
        if (fclose(rec->file) != 0)
            ok = false;
        if (!ok)
            snprintf(err, errlen, "%s: cannot write the record file", rec->path);
    }
    free(rec->path);
    memset(rec, 0, sizeof *rec);
    return ok;
}

/* ---------- reading ---------- */

/* The lines other than settings and events. */
enum meta { META_LESSON, META_CAPTION_1, META_CAPTION_2, META_EXPLICIT, META_COUNT };
static const char *const meta_names[META_COUNT] = {
    "lesson-name", "caption-1", "caption-2", "explicit",
};

struct reader {
    struct recording *r;
    unsigned line;
    char *err;
    size_t errlen;
    bool seen_meta[META_COUNT];
    bool seen_setting[OPTIONS_SETTINGS_MAX];
    size_t cap;
};

static bool bad(struct reader *rd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static bool bad(struct reader *rd, const char *fmt, ...)
{
    char what[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    snprintf(rd->err, rd->errlen, "%s:%u: %s", rd->r->path, rd->line, what);
    return false;
}

/* "set NAME VALUE": through the row's own parse function. */
static bool read_set(struct reader *rd, char *rest)
{
    char *space = strchr(rest, ' ');
    if (space == NULL || space == rest)
        return bad(rd, "set: wants set NAME VALUE");
    *space = '\0';
    const char *name = rest, *value = space + 1;
    const struct setting *s = settings_find(name);
    if (s == NULL)
        return bad(rd, "set: unknown setting \"%s\"", name);
    if (!(s->scope & SCOPE_RECORD))
        return bad(rd, "set: \"%s\" is not a setting of record files", name);
    size_t i = settings_index(s);
    if (rd->seen_setting[i])
        return bad(rd, "%s given twice", name);
    rd->seen_setting[i] = true;
    char why[400];
    if (!s->parse(s, &rd->r->settings, value, why, sizeof why))
        return bad(rd, "%s: %s", name, why);
    return true;
}

/* "explicit NAME,NAME" or "explicit -": the options the command line gave. */
static bool read_explicit(struct reader *rd, char *names)
{
    if (strcmp(names, "-") == 0)
        return true;
    for (char *name = names; name;) {
        char *comma = strchr(name, ',');
        if (comma)
            *comma = '\0';
        const struct setting *s = settings_find(name);
        if (s == NULL)
            return bad(rd, "explicit: unknown setting \"%s\"", name);
        rd->r->settings.explicit_setting[settings_index(s)] = true;
        name = comma ? comma + 1 : NULL;
    }
    return true;
}

static bool read_meta(struct reader *rd, enum meta k, char *v)
{
    struct options *o = &rd->r->settings;
    if (rd->seen_meta[k])
        return bad(rd, "%s given twice", meta_names[k]);
    rd->seen_meta[k] = true;
    switch (k) {
    case META_LESSON:
        if (strlen(v) >= sizeof o->lesson_name)
            return bad(rd, "%s: longer than %zu bytes", meta_names[k],
                       sizeof o->lesson_name - 1);
        if (strcmp(v, "-") != 0)
            strcpy(o->lesson_name, v);
        return true;
    case META_CAPTION_1:
    case META_CAPTION_2:
        if (strlen(v) > CAPTION_BYTES_MAX)
            return bad(rd, "%s: longer than %d bytes", meta_names[k], CAPTION_BYTES_MAX);
        strcpy(o->caption[k - META_CAPTION_1], v);
        return true;
    case META_EXPLICIT:
    case META_COUNT:
        break;
    }
    return read_explicit(rd, v);
}

/* Splits s at single spaces into at most max fields; the count, or
 * max + 1 when there are more. */
static size_t split(char *s, char **fields, size_t max)
{
    size_t n = 0;
    char *p = s;
    while (*p) {
        if (n == max)
            return max + 1;
        fields[n++] = p;
        char *space = strchr(p, ' ');
        if (space == NULL)
            break;
        *space = '\0';
        p = space + 1;
        if (*p == '\0')
            return max + 1; /* a trailing space: an empty field */
    }
    return n;
}

static bool read_event(struct reader *rd, const char *word, char *rest)
{
    static const struct {
        const char *word;
        enum record_kind kind;
        size_t fields;
        const char *form;
    } forms[] = {
        {"key", RECORD_KEY, 4, "key EPOCH SAMPLES MS KEY"},
        {"click-bowl", RECORD_CLICK_BOWL, 5, "click-bowl EPOCH SAMPLES MS X Y"},
        {"click-landscape", RECORD_CLICK_LANDSCAPE, 5, "click-landscape EPOCH SAMPLES MS X Y"},
        {"click-cost", RECORD_CLICK_COST, 4, "click-cost EPOCH SAMPLES MS EPOCH"},
        {"click-off", RECORD_CLICK_OFF, 3, "click-off EPOCH SAMPLES MS"},
        {"end", RECORD_END, 0, "end EPOCH SAMPLES MS W1 .. WN B"},
    };
    size_t f = 0;
    while (f < sizeof forms / sizeof forms[0] && strcmp(forms[f].word, word) != 0)
        f++;
    if (f == sizeof forms / sizeof forms[0])
        return bad(rd, "unknown line \"%s\"", word);
    struct recording *r = rd->r;
    if (r->has_end)
        return bad(rd, "%s after the end line", word);

    char *fields[RECORD_PARAMS_MAX + 5];
    size_t n = split(rest, fields, RECORD_PARAMS_MAX + 4);
    bool fits = forms[f].fields == 0 ? n >= 5 && n <= RECORD_PARAMS_MAX + 3
                                     : n == forms[f].fields;
    if (!fits)
        return bad(rd, "%s: wants %s", word, forms[f].form);
    struct record_event e;
    memset(&e, 0, sizeof e);
    e.kind = forms[f].kind;
    e.line = rd->line;
    uint64_t v[3];
    for (int i = 0; i < 3; i++)
        if (!settings_parse_count(fields[i], 0, UINT64_MAX, &v[i]))
            return bad(rd, "%s: \"%s\" is not a whole number (%s)", word, fields[i],
                       forms[f].form);
    /* The bounds of the command line: no epoch past --epochs' largest,
     * nor past the run's own limit when it has one. */
    size_t limit = r->settings.epochs;
    if (v[0] > SETTINGS_EPOCHS_MAX || v[1] > SETTINGS_EPOCHS_MAX)
        return bad(rd, "%s: \"%s\" is past the largest epoch (2^48)", word,
                   fields[v[0] > SETTINGS_EPOCHS_MAX ? 0 : 1]);
    if (limit > 0 && v[0] > limit)
        return bad(rd, "%s: epoch %s is past the run's last epoch (set epochs %zu)",
                   word, fields[0], limit);
    e.epoch = (size_t)v[0];
    e.next = (size_t)v[1];
    e.ms = (double)v[2];
    switch (e.kind) {
    case RECORD_KEY: {
        int key = keymap_key_of_label(fields[3]);
        uint64_t code;
        if (key < 0) {
            if (!settings_parse_count(fields[3], 0, 0x10ffff, &code))
                return bad(rd, "key: unknown key \"%s\"", fields[3]);
            key = (int)code;
        }
        e.key = key;
        break;
    }
    case RECORD_CLICK_BOWL:
        if (!parse_number(fields[3], &e.x) || !parse_number(fields[4], &e.y))
            return bad(rd, "click-bowl: the point is not two finite numbers");
        break;
    case RECORD_CLICK_LANDSCAPE:
        if (!parse_number(fields[3], &e.x) || !parse_number(fields[4], &e.y))
            return bad(rd, "click-landscape: the point is not two finite numbers");
        break;
    case RECORD_CLICK_COST:
        if (!settings_parse_count(fields[3], 0, SETTINGS_EPOCHS_MAX, &v[0]))
            return bad(rd, "click-cost: \"%s\" is not an epoch", fields[3]);
        e.picked = (size_t)v[0];
        break;
    case RECORD_CLICK_OFF:
        break;
    case RECORD_END:
        /* the weights may have diverged: inf and nan are allowed here */
        for (size_t i = 3; i < n; i++) {
            char *stop;
            double w = strtod(fields[i], &stop);
            if (*stop != '\0' || stop == fields[i])
                return bad(rd, "end: \"%s\" is not a number", fields[i]);
            r->end_params[e.nparams++] = w;
        }
        e.params = r->end_params;
        r->end = e;
        r->has_end = true;
        return true;
    }
    if (r->count == rd->cap) {
        size_t cap = rd->cap ? 2 * rd->cap : 64;
        struct record_event *more = realloc(r->events, cap * sizeof *more);
        if (more == NULL)
            return bad(rd, "out of memory");
        r->events = more;
        rd->cap = cap;
    }
    r->events[r->count++] = e;
    return true;
}

static bool read_line(struct reader *rd, char *line)
{
    if (rd->line == 1) {
        if (strcmp(line, RECORD_MAGIC_1) == 0)
            return bad(rd, "a version 1 record file; this descent reads version 2 "
                           "(settings by name): record the run again");
        if (strcmp(line, RECORD_MAGIC) != 0)
            return bad(rd, "not a descent record file (the first line must be \""
                           RECORD_MAGIC "\")");
        return true;
    }
    if (line[0] == '\0' || line[0] == '#')
        return true;
    char *space = strchr(line, ' ');
    static char none[] = "";
    char *rest = none;
    if (space != NULL) {
        *space = '\0';
        rest = space + 1;
    }
    bool events = rd->r->count > 0 || rd->r->has_end;
    if (strcmp(line, "set") == 0) {
        if (events)
            return bad(rd, "setting \"%.*s\" after the events",
                       (int)strcspn(rest, " "), rest);
        return read_set(rd, rest);
    }
    for (int k = 0; k < META_COUNT; k++) {
        if (strcmp(line, meta_names[k]) == 0) {
            if (events)
                return bad(rd, "\"%s\" after the events", line);
            return read_meta(rd, (enum meta)k, rest);
        }
    }
    return read_event(rd, line, rest);
}

bool recording_parse(const char *text, size_t len, const char *source,
                     struct recording *r, char *err, size_t errlen)
{
    memset(r, 0, sizeof *r);
    options_defaults(&r->settings);
    r->path = strdup(source);
    if (r->path == NULL) {
        snprintf(err, errlen, "%s: out of memory", source);
        return false;
    }
    struct reader rd = {.r = r, .line = 0, .err = err, .errlen = errlen};
    if (len == 0) {
        rd.line = 1;
        return bad(&rd, "empty file, not a descent record");
    }
    char *line = malloc(len + 1);
    if (line == NULL) {
        snprintf(err, errlen, "%s: out of memory", source);
        return false;
    }
    bool ok = true;
    for (size_t at = 0; ok && at < len;) {
        const char *newline = memchr(text + at, '\n', len - at);
        size_t n = newline ? (size_t)(newline - (text + at)) : len - at;
        memcpy(line, text + at, n);
        line[n] = '\0';
        at += n + (newline != NULL);
        rd.line++;
        if (n > 0 && line[n - 1] == '\r')
            line[--n] = '\0';
        if (memchr(line, '\0', n) != NULL)
            ok = bad(&rd, "a NUL byte in the line");
        else
            ok = read_line(&rd, line);
    }
    free(line);
    return ok;
}

bool recording_load(const char *path, struct recording *r, char *err,
                    size_t errlen)
{
    memset(r, 0, sizeof *r);
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return false;
    }
    size_t cap = 65536, len = 0;
    char *text = malloc(cap);
    bool ok = text != NULL;
    while (ok) {
        if (len == cap) {
            char *more = cap < RECORD_FILE_MAX ? realloc(text, 2 * cap) : NULL;
            ok = more != NULL;
            if (ok) {
                text = more;
                cap *= 2;
            }
        }
        if (!ok) {
            snprintf(err, errlen, cap < RECORD_FILE_MAX ? "%s: out of memory"
                                                        : "%s: too large for a record file",
                     path);
            break;
        }
        size_t got = fread(text + len, 1, cap - len, f);
        len += got;
        if (got == 0) {
            if (ferror(f)) {
                snprintf(err, errlen, "%s: %s", path, errno ? strerror(errno) : "read error");
                ok = false;
            }
            break;
        }
    }
    fclose(f);
    if (ok)
        ok = recording_parse(text, len, path, r, err, errlen);
    free(text);
    return ok;
}

void recording_free(struct recording *r)
{
    free(r->path);
    free(r->events);
    memset(r, 0, sizeof *r);
}

void recording_apply(const struct recording *r, struct options *o)
{
    size_t count;
    const struct setting *rows = settings_table(&count);
    for (size_t i = 0; i < count; i++)
        if (rows[i].scope & SCOPE_RECORD)
            memcpy((char *)o + rows[i].offset,
                   (const char *)&r->settings + rows[i].offset, rows[i].size);
    memcpy(o->explicit_setting, r->settings.explicit_setting,
           sizeof o->explicit_setting);
    snprintf(o->lesson_name, sizeof o->lesson_name, "%s", r->settings.lesson_name);
    for (int i = 0; i < 2; i++)
        snprintf(o->caption[i], sizeof o->caption[i], "%s", r->settings.caption[i]);
}
