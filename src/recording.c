/* recording.c - writing and reading record files (format in
 * recording.h): strict, line-numbered messages for every mistake, and
 * numbers that read back to the bits they were written from. */
#include "recording.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dataset.h"
#include "keymap.h"
#include "neuron.h"

#define RECORD_MAGIC "descent-record 1"

static double clock_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* ---------- writing ---------- */

static bool one_line(const char *s)
{
    return s != NULL && strpbrk(s, "\r\n") == NULL;
}

bool recorder_open(struct recorder *rec, const char *path,
                   const struct options *o, char *err, size_t errlen)
{
    memset(rec, 0, sizeof *rec);
    const struct selection *sel = &o->selection;
    const char *texts[] = {o->data_path ? o->data_path : "-", sel->x_column,
                           sel->y_column, sel->label_column, sel->class_a,
                           sel->class_b, o->lesson_name, o->caption[0],
                           o->caption[1]};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        if (!one_line(texts[i])) {
            snprintf(err, errlen, "%s: cannot record a name with a line break", path);
            return false;
        }
    }
    rec->path = strdup(path);
    rec->file = rec->path ? fopen(path, "w") : NULL;
    if (rec->file == NULL) {
        snprintf(err, errlen, "%s: %s", path, rec->path ? strerror(errno) : "out of memory");
        free(rec->path);
        rec->path = NULL;
        return false;
    }
    const struct train_config *t = &o->train;
    FILE *f = rec->file;
    fprintf(f, RECORD_MAGIC "\n# descent --replay %s plays this back\n", path);
    fprintf(f, "data %s\nx %s\ny %s\nlabel %s\nclass-a %s\nclass-b %s\n",
            texts[0], texts[1], texts[2], texts[3], texts[4], texts[5]);
    fprintf(f, "standardize %s\nactivation %s\nloss %s\nlr %.17g\n",
            sel->standardize ? "on" : "off", activation_name(t->activation),
            loss_name(t->loss), t->lr);
    if (t->batch == 0)
        fprintf(f, "batch full\n");
    else
        fprintf(f, "batch %zu\n", t->batch);
    fprintf(f, "shuffle %s\ninit %s\nseed %llu\nstart %.17g,%.17g\nepochs %zu\n",
            t->shuffle ? "on" : "off", init_name(t->init),
            (unsigned long long)t->seed, o->start_x, o->start_y, o->epochs);
    fprintf(f, "lesson %s\ncaption-1 %s\ncaption-2 %s\nexplicit %llu\n",
            o->lesson_name[0] ? o->lesson_name : "-", o->caption[0], o->caption[1],
            (unsigned long long)o->explicit_options);
    rec->failed = fflush(f) != 0 || ferror(f);
    rec->t0 = clock_ms();
    return true;
}

void recorder_event(struct recorder *rec, struct record_event *e)
{
    if (rec->file == NULL)
        return;
    FILE *f = rec->file;
    e->ms = clock_ms() - rec->t0;
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
    case RECORD_CLICK_COST:
        fprintf(f, "click-cost %zu %zu %llu %zu\n", e->epoch, e->next, ms, e->picked);
        break;
    case RECORD_CLICK_OFF:
        fprintf(f, "click-off %zu %zu %llu\n", e->epoch, e->next, ms);
        break;
    case RECORD_END:
        fprintf(f, "end %zu %zu %llu %.17g %.17g %.17g\n", e->epoch, e->next, ms,
                e->w1, e->w2, e->b);
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

enum setting {
    SET_DATA, SET_X, SET_Y, SET_LABEL, SET_CLASS_A, SET_CLASS_B,
    SET_STANDARDIZE, SET_ACTIVATION, SET_LOSS, SET_LR, SET_BATCH, SET_SHUFFLE,
    SET_INIT, SET_SEED, SET_START, SET_EPOCHS, SET_LESSON, SET_CAPTION_1,
    SET_CAPTION_2, SET_EXPLICIT, SET_COUNT
};

static const char *const setting_names[SET_COUNT] = {
    "data", "x", "y", "label", "class-a", "class-b", "standardize",
    "activation", "loss", "lr", "batch", "shuffle", "init", "seed", "start",
    "epochs", "lesson", "caption-1", "caption-2", "explicit",
};

struct reader {
    struct recording *r;
    unsigned line;
    char *err;
    size_t errlen;
    bool seen[SET_COUNT];
    size_t cap;
};

static bool bad(struct reader *rd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static bool bad(struct reader *rd, const char *fmt, ...)
{
    char what[300];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    snprintf(rd->err, rd->errlen, "%s:%u: %s", rd->r->path, rd->line, what);
    return false;
}

/* A whole number of digits only, no sign, within max. */
static bool parse_whole(const char *s, uint64_t max, uint64_t *out)
{
    if (*s == '\0')
        return false;
    uint64_t v = 0;
    for (; *s; s++) {
        if (*s < '0' || *s > '9')
            return false;
        unsigned d = (unsigned)(*s - '0');
        if (v > (max - d) / 10)
            return false;
        v = v * 10 + d;
    }
    *out = v;
    return true;
}

static bool parse_on_off(const char *s, bool *out)
{
    if (strcmp(s, "on") == 0 || strcmp(s, "off") == 0) {
        *out = s[1] == 'n';
        return true;
    }
    return false;
}

static bool read_setting(struct reader *rd, enum setting k, const char *v)
{
    struct recording *r = rd->r;
    const char *name = setting_names[k];
    uint64_t whole;
    if (rd->seen[k])
        return bad(rd, "%s given twice", name);
    rd->seen[k] = true;
    switch (k) {
    case SET_DATA: case SET_X: case SET_Y: case SET_LABEL:
    case SET_CLASS_A: case SET_CLASS_B:
        if (*v == '\0')
            return bad(rd, "%s: empty", name);
        if (k == SET_DATA && strcmp(v, "-") == 0) {
            r->builtin_data = true;
            return true;
        }
        r->text[k] = strdup(v);
        if (r->text[k] == NULL)
            return bad(rd, "out of memory");
        return true;
    case SET_LESSON: case SET_CAPTION_1: case SET_CAPTION_2: {
        char *dst = k == SET_LESSON ? r->lesson_name : r->caption[k - SET_CAPTION_1];
        size_t cap = k == SET_LESSON ? sizeof r->lesson_name : sizeof r->caption[0];
        if (strlen(v) >= cap)
            return bad(rd, "%s: longer than %zu characters", name, cap - 1);
        if (k != SET_LESSON || strcmp(v, "-") != 0)
            strcpy(dst, v);
        return true;
    }
    case SET_EXPLICIT:
        if (!parse_whole(v, UINT64_MAX, &whole))
            return bad(rd, "explicit: \"%s\" is not a whole number", v);
        r->explicit_options = whole;
        return true;
    case SET_STANDARDIZE:
        return parse_on_off(v, &r->standardize) ||
               bad(rd, "standardize: \"%s\" is not on or off", v);
    case SET_SHUFFLE:
        return parse_on_off(v, &r->train.shuffle) ||
               bad(rd, "shuffle: \"%s\" is not on or off", v);
    case SET_ACTIVATION:
        return activation_parse(v, &r->train.activation) ||
               bad(rd, "activation: unknown \"%s\" (sigmoid, linear, relu, step)", v);
    case SET_LOSS:
        return loss_parse(v, &r->train.loss) ||
               bad(rd, "loss: unknown \"%s\" (MSE, MAE, BCE)", v);
    case SET_INIT:
        return init_parse(v, &r->train.init) ||
               bad(rd, "init: unknown \"%s\" (zeros, uniform)", v);
    case SET_LR:
        if (!parse_number(v, &r->train.lr) || !(r->train.lr > 0.0))
            return bad(rd, "lr: \"%s\" is not a number > 0", v);
        return true;
    case SET_BATCH:
        if (strcmp(v, "full") == 0) {
            r->train.batch = 0;
            return true;
        }
        if (!parse_whole(v, SIZE_MAX, &whole) || whole == 0)
            return bad(rd, "batch: \"%s\" is not a whole number > 0 or full", v);
        r->train.batch = (size_t)whole;
        return true;
    case SET_SEED:
        if (!parse_whole(v, UINT64_MAX, &whole))
            return bad(rd, "seed: \"%s\" is not a whole number", v);
        r->train.seed = whole;
        return true;
    case SET_EPOCHS:
        if (!parse_whole(v, SIZE_MAX, &whole))
            return bad(rd, "epochs: \"%s\" is not a whole number", v);
        r->epochs = (size_t)whole;
        return true;
    case SET_START: {
        const char *comma = strchr(v, ',');
        char first[128];
        if (comma == NULL || (size_t)(comma - v) >= sizeof first)
            return bad(rd, "start: \"%s\" is not X,Y", v);
        memcpy(first, v, (size_t)(comma - v));
        first[comma - v] = '\0';
        if (!parse_number(first, &r->start_x) || !parse_number(comma + 1, &r->start_y))
            return bad(rd, "start: \"%s\" is not two numbers X,Y", v);
        return true;
    }
    default:
        return bad(rd, "unknown setting");
    }
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
        {"click-cost", RECORD_CLICK_COST, 4, "click-cost EPOCH SAMPLES MS EPOCH"},
        {"click-off", RECORD_CLICK_OFF, 3, "click-off EPOCH SAMPLES MS"},
        {"end", RECORD_END, 6, "end EPOCH SAMPLES MS W1 W2 B"},
    };
    size_t f = 0;
    while (f < sizeof forms / sizeof forms[0] && strcmp(forms[f].word, word) != 0)
        f++;
    if (f == sizeof forms / sizeof forms[0])
        return bad(rd, "unknown line \"%s\"", word);
    struct recording *r = rd->r;
    if (r->has_end)
        return bad(rd, "%s after the end line", word);
    for (size_t k = 0; k < SET_COUNT; k++)
        if (!rd->seen[k])
            return bad(rd, "setting \"%s\" missing before the first event",
                       setting_names[k]);

    char *fields[8];
    size_t n = split(rest, fields, 7);
    if (n != forms[f].fields)
        return bad(rd, "%s: wants %s", word, forms[f].form);
    struct record_event e;
    memset(&e, 0, sizeof e);
    e.kind = forms[f].kind;
    e.line = rd->line;
    uint64_t v[3];
    for (int i = 0; i < 3; i++)
        if (!parse_whole(fields[i], SIZE_MAX, &v[i]))
            return bad(rd, "%s: \"%s\" is not a whole number (%s)", word, fields[i],
                       forms[f].form);
    e.epoch = (size_t)v[0];
    e.next = (size_t)v[1];
    e.ms = (double)v[2];
    switch (e.kind) {
    case RECORD_KEY: {
        int key = keymap_key_of_label(fields[3]);
        uint64_t code;
        if (key < 0) {
            if (!parse_whole(fields[3], 0x10ffff, &code))
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
    case RECORD_CLICK_COST:
        if (!parse_whole(fields[3], SIZE_MAX, &v[0]))
            return bad(rd, "click-cost: \"%s\" is not an epoch", fields[3]);
        e.picked = (size_t)v[0];
        break;
    case RECORD_CLICK_OFF:
        break;
    case RECORD_END:
        /* the weights may have diverged: inf and nan are allowed here */
        for (int i = 0; i < 3; i++) {
            char *stop;
            double w = strtod(fields[3 + i], &stop);
            if (*stop != '\0' || stop == fields[3 + i])
                return bad(rd, "end: \"%s\" is not a number", fields[3 + i]);
            *(i == 0 ? &e.w1 : i == 1 ? &e.w2 : &e.b) = w;
        }
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
    for (int k = 0; k < SET_COUNT; k++) {
        if (strcmp(line, setting_names[k]) == 0) {
            if (rd->r->count > 0 || rd->r->has_end)
                return bad(rd, "setting \"%s\" after the events", line);
            return read_setting(rd, (enum setting)k, rest);
        }
    }
    return read_event(rd, line, rest);
}

bool recording_load(const char *path, struct recording *r, char *err,
                    size_t errlen)
{
    memset(r, 0, sizeof *r);
    r->path = strdup(path);
    if (r->path == NULL) {
        snprintf(err, errlen, "%s: out of memory", path);
        return false;
    }
    r->train = train_config_default();
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return false;
    }
    struct reader rd = {.r = r, .line = 0, .err = err, .errlen = errlen};
    char *line = NULL;
    size_t size = 0;
    ssize_t len;
    bool ok = true;
    while (ok && (len = getline(&line, &size, f)) >= 0) {
        rd.line++;
        if (len > 0 && line[len - 1] == '\n')
            line[--len] = '\0';
        if (len > 0 && line[len - 1] == '\r')
            line[--len] = '\0';
        if (strlen(line) != (size_t)len)
            ok = bad(&rd, "a NUL byte in the line");
        else
            ok = read_line(&rd, line);
    }
    if (ok && ferror(f)) {
        snprintf(err, errlen, "%s: %s", path, errno ? strerror(errno) : "read error");
        ok = false;
    }
    free(line);
    fclose(f);
    if (ok && rd.line == 0) {
        rd.line = 1;
        ok = bad(&rd, "empty file, not a descent record");
    }
    for (int k = 0; ok && k < SET_COUNT; k++) {
        if (!rd.seen[k]) {
            rd.line++;
            ok = bad(&rd, "setting \"%s\" missing", setting_names[k]);
        }
    }
    return ok;
}

void recording_free(struct recording *r)
{
    free(r->path);
    for (size_t i = 0; i < sizeof r->text / sizeof r->text[0]; i++)
        free(r->text[i]);
    free(r->events);
    memset(r, 0, sizeof *r);
}

void recording_apply(const struct recording *r, struct options *o)
{
    o->data_path = r->builtin_data ? NULL : r->text[SET_DATA];
    o->selection.x_column = r->text[SET_X];
    o->selection.y_column = r->text[SET_Y];
    o->selection.label_column = r->text[SET_LABEL];
    o->selection.class_a = r->text[SET_CLASS_A];
    o->selection.class_b = r->text[SET_CLASS_B];
    o->selection.standardize = r->standardize;
    o->train = r->train;
    o->start_x = r->start_x;
    o->start_y = r->start_y;
    o->epochs = r->epochs;
    o->explicit_options = r->explicit_options;
    snprintf(o->lesson_name, sizeof o->lesson_name, "%s", r->lesson_name);
    for (int i = 0; i < 2; i++)
        snprintf(o->caption[i], sizeof o->caption[i], "%s", r->caption[i]);
}
