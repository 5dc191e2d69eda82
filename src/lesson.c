/* lesson.c - reading lessons (the format of assets/lessons/README) into
 * name = value pairs and applying them to the options. Every value goes
 * through options_set, the command line's own checks, so a lesson cannot
 * set what --NAME could not. */
#include "lesson.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "builtin.h"
#include "settings.h"
#include "util.h"

#define LESSON_SUFFIX ".lesson"

size_t lesson_count(void)
{
    return builtin_lessons_count;
}

const char *lesson_name_at(size_t i)
{
    return i < builtin_lessons_count ? builtin_lessons[i].name : NULL;
}

/* Writes "SOURCE:LINE: " and the formatted reason into err. */
__attribute__((format(printf, 5, 6)))
static bool report(char *err, size_t errlen, const char *source, size_t line,
                   const char *format, ...)
{
    int used = snprintf(err, errlen, "%s:%zu: ", source, line);
    if (used >= 0 && (size_t)used < errlen) {
        va_list ap;
        va_start(ap, format);
        vsnprintf(err + used, errlen - (size_t)used, format, ap);
        va_end(ap);
    }
    return false;
}

/* Checks one line (n bytes): valid UTF-8, no control character but tab. */
static bool check_text(const char *line, size_t n, const char *source,
                       size_t number, char *err, size_t errlen)
{
    const unsigned char *s = (const unsigned char *)line;
    for (size_t i = 0; i < n;) {
        if (s[i] < 0x20 && s[i] != '\t')
            return report(err, errlen, source, number,
                          "control character 0x%02x (not text)", s[i]);
        if (s[i] == 0x7f)
            return report(err, errlen, source, number,
                          "control character 0x7f (not text)");
        uint32_t cp;
        int len = util_utf8_decode(line + i, n - i, &cp);
        if (len == 0)
            return report(err, errlen, source, number, "not UTF-8 text");
        i += (size_t)len;
    }
    return true;
}

/* Trims blanks (space, tab) at both ends of [*begin, *end). */
static void trim(const char **begin, const char **end)
{
    while (*begin < *end && (**begin == ' ' || **begin == '\t'))
        (*begin)++;
    while (*end > *begin && ((*end)[-1] == ' ' || (*end)[-1] == '\t'))
        (*end)--;
}

/* Copies [begin, end) into buf of size bytes; false if it does not fit. */
static bool copy_span(char *buf, size_t size, const char *begin, const char *end)
{
    size_t n = (size_t)(end - begin);
    if (n >= size)
        return false;
    memcpy(buf, begin, n);
    buf[n] = '\0';
    return true;
}

/* The setting called key, or -1. */
static int find_setting(const struct lesson *l, const char *key)
{
    for (size_t i = 0; i < l->settings; i++)
        if (strcmp(l->key[i], key) == 0)
            return (int)i;
    return -1;
}

/* A file named relative to the lesson: dir/value (a built-in table or a
 * generated data set is no file). */
static bool resolve_data(const char *dir, char *value, size_t size)
{
    if (!dir || !*dir || value[0] == '/' ||
        strncmp(value, BUILTIN_PREFIX, strlen(BUILTIN_PREFIX)) == 0 ||
        strncmp(value, GENERATE_PREFIX, strlen(GENERATE_PREFIX)) == 0)
        return true;
    char joined[sizeof ((struct lesson *)0)->value[0]];
    int n = snprintf(joined, sizeof joined, "%s/%s", dir, value);
    if (n < 0 || (size_t)n >= sizeof joined || (size_t)n >= size)
        return false;
    memcpy(value, joined, (size_t)n + 1);
    return true;
}

/* The columns valid UTF-8 text in [begin, end) takes on the screen. */
static size_t text_columns(const char *begin, const char *end)
{
    size_t columns = 0;
    while (begin < end) {
        uint32_t cp;
        int len = util_utf8_decode(begin, (size_t)(end - begin), &cp);
        if (len == 0)
            len = 1;
        columns += (size_t)util_char_width(cp);
        begin += len;
    }
    return columns;
}

/* One "caption = text" line. */
static bool parse_caption(struct lesson *l, const char *begin, const char *end,
                          const char *source, size_t number, size_t *captions,
                          char *err, size_t errlen)
{
    if (begin == end)
        return report(err, errlen, source, number, "caption has no text");
    if (*captions == 2)
        return report(err, errlen, source, number,
                      "a third caption line (two at most)");
    size_t columns = text_columns(begin, end);
    if (columns > CAPTION_COLUMNS_MAX)
        return report(err, errlen, source, number,
                      "caption line is %zu columns wide (%d at most; a wide "
                      "character such as CJK counts 2)",
                      columns, CAPTION_COLUMNS_MAX);
    if (!copy_span(l->caption[*captions], sizeof l->caption[0], begin, end))
        return report(err, errlen, source, number,
                      "caption line is %zu bytes long (%d at most)",
                      (size_t)(end - begin), CAPTION_BYTES_MAX);
    (*captions)++;
    return true;
}

/* One "key = value" line other than a caption; scratch checks the value. */
static bool parse_setting(struct lesson *l, const char *key, const char *begin,
                          const char *end, const char *dir, const char *source,
                          size_t number, struct options *scratch, char *err,
                          size_t errlen)
{
    char why[512];
    char value[sizeof l->value[0]];
    bool fits = copy_span(value, sizeof value, begin, end);
    switch (options_set(scratch, key, fits ? value : "", why, sizeof why)) {
    case SETTING_UNKNOWN:
        return report(err, errlen, source, number,
                      "unknown setting \"%s\" (settings: caption, %s)", key,
                      options_setting_names());
    case SETTING_COMMAND_LINE_ONLY:
        return report(err, errlen, source, number,
                      "\"%s\" is a command-line option, not a lesson setting",
                      key);
    case SETTING_OK:
    case SETTING_BAD_VALUE:
        break;
    }
    int first = find_setting(l, key);
    if (first >= 0)
        return report(err, errlen, source, number,
                      "%s is set twice (first on line %u)", key, l->line[first]);
    if (begin == end)
        return report(err, errlen, source, number, "%s has no value", key);
    if (!fits)
        return report(err, errlen, source, number,
                      "%s: the value is too long (%zu bytes at most)", key,
                      sizeof value - 1);
    if (options_set(scratch, key, value, why, sizeof why) != SETTING_OK)
        return report(err, errlen, source, number, "%s: %s", key, why);
    const struct setting *row = settings_find(key);
    if (row && (row->scope & SCOPE_PATH) && !resolve_data(dir, value, sizeof value))
        return report(err, errlen, source, number,
                      "%s: the path is too long with the lesson's directory", key);
    if (l->settings == LESSON_SETTINGS_MAX)
        return report(err, errlen, source, number, "too many settings");
    size_t i = l->settings++;
    strcpy(l->key[i], key);
    strcpy(l->value[i], value);
    l->line[i] = (unsigned)number;
    return true;
}

/* One line of n bytes (no line break). */
static bool parse_line(struct lesson *l, const char *line, size_t n,
                       const char *dir, const char *source, size_t number,
                       size_t *captions, struct options *scratch, char *err,
                       size_t errlen)
{
    if (n > 0 && line[n - 1] == '\r')
        n--;
    if (!check_text(line, n, source, number, err, errlen))
        return false;
    const char *begin = line, *end = line + n;
    trim(&begin, &end);
    if (begin == end || *begin == '#')
        return true;
    const char *equals = memchr(begin, '=', (size_t)(end - begin));
    if (!equals)
        return report(err, errlen, source, number,
                      "no \"=\" (a line is \"key = value\" or a # comment)");
    const char *key_end = equals, *value_begin = equals + 1;
    trim(&begin, &key_end);
    trim(&value_begin, &end);
    char key[32];
    if (begin == key_end)
        return report(err, errlen, source, number, "no setting name before \"=\"");
    if (!copy_span(key, sizeof key, begin, key_end))
        return report(err, errlen, source, number,
                      "unknown setting \"%.32s...\" (settings: caption, %s)",
                      begin, options_setting_names());
    if (strcmp(key, "caption") == 0)
        return parse_caption(l, value_begin, end, source, number, captions, err,
                             errlen);
    return parse_setting(l, key, value_begin, end, dir, source, number, scratch,
                         err, errlen);
}

bool lesson_parse(const char *source, const char *name, const char *dir,
                  const char *text, size_t len, struct lesson *out, char *err,
                  size_t errlen)
{
    memset(out, 0, sizeof *out);
    snprintf(out->name, sizeof out->name, "%s", name);
    snprintf(out->source, sizeof out->source, "%s", source);
    if (len == 0)
        return report(err, errlen, source, 1, "empty file");
    if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) {
        text += 3;
        len -= 3;
    }
    struct options *scratch = malloc(sizeof *scratch);
    if (!scratch) {
        snprintf(err, errlen, "out of memory");
        return false;
    }
    options_defaults(scratch);
    size_t captions = 0, number = 0;
    bool ok = true;
    for (size_t at = 0; ok && at < len;) {
        const char *newline = memchr(text + at, '\n', len - at);
        size_t n = newline ? (size_t)(newline - (text + at)) : len - at;
        ok = parse_line(out, text + at, n, dir, source, ++number, &captions,
                        scratch, err, errlen);
        at += n + (newline != NULL);
    }
    free(scratch);
    if (ok && captions == 0)
        ok = report(err, errlen, source, number > 0 ? number : 1,
                    "no caption (a lesson needs \"caption = what to watch\")");
    return ok;
}

/* Reads the lesson file at path. */
static bool read_file(const char *path, struct lesson *out, char *err,
                      size_t errlen)
{
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        snprintf(err, errlen, "%s: is a directory", path);
        return false;
    }
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errlen, "%s: cannot open: %s", path, strerror(errno));
        return false;
    }
    char *text = malloc(LESSON_FILE_MAX + 1);
    if (!text) {
        fclose(f);
        snprintf(err, errlen, "out of memory");
        return false;
    }
    size_t len = fread(text, 1, LESSON_FILE_MAX + 1, f);
    bool failed = ferror(f) != 0;
    fclose(f);
    bool ok = false;
    if (failed)
        snprintf(err, errlen, "%s: cannot read: %s", path, strerror(errno));
    else if (len > LESSON_FILE_MAX)
        snprintf(err, errlen, "%s: too large for a lesson (%d bytes at most)",
                 path, LESSON_FILE_MAX);
    else {
        /* The name: the base name without ".lesson"; the directory, for
         * a data file named relative to the lesson. */
        const char *slash = strrchr(path, '/');
        const char *base = slash ? slash + 1 : path;
        size_t base_len = strlen(base), suffix = strlen(LESSON_SUFFIX);
        if (base_len > suffix && strcmp(base + base_len - suffix, LESSON_SUFFIX) == 0)
            base_len -= suffix;
        char name[sizeof out->name];
        snprintf(name, sizeof name, "%.*s", (int)base_len, base);
        char dir[sizeof out->value[0]] = "";
        if (slash)
            snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path);
        if (slash == path)
            snprintf(dir, sizeof dir, "/");
        ok = lesson_parse(path, name, dir[0] ? dir : NULL, text, len, out, err,
                          errlen);
    }
    free(text);
    return ok;
}

static bool is_file_name(const char *name)
{
    size_t len = strlen(name), suffix = strlen(LESSON_SUFFIX);
    return strchr(name, '/') ||
           (len >= suffix && strcmp(name + len - suffix, LESSON_SUFFIX) == 0);
}

bool lesson_find(const char *name, struct lesson *out, char *err, size_t errlen)
{
    if (is_file_name(name))
        return read_file(name, out, err, errlen);
    for (size_t i = 0; i < builtin_lessons_count; i++) {
        const struct builtin_file *b = &builtin_lessons[i];
        if (strcmp(b->name, name) == 0) {
            char source[sizeof out->source];
            snprintf(source, sizeof source, "%s" LESSON_SUFFIX " (built in)", b->name);
            return lesson_parse(source, b->name, NULL, b->text, b->len, out, err,
                                errlen);
        }
    }
    int used = snprintf(err, errlen, "unknown lesson \"%s\" (lessons:", name);
    for (size_t i = 0; i < builtin_lessons_count && used >= 0 && (size_t)used < errlen; i++)
        used += snprintf(err + used, errlen - (size_t)used, "%s %s",
                         i ? "," : "", builtin_lessons[i].name);
    if (used >= 0 && (size_t)used < errlen)
        snprintf(err + used, errlen - (size_t)used, ")");
    return false;
}

bool lesson_apply(const struct lesson *l, struct options *o, char *err,
                  size_t errlen)
{
    options_clear_lesson(o);
    char why[512];
    for (size_t i = 0; i < l->settings; i++) {
        if (options_explicit(o, l->key[i]))
            continue;
        why[0] = '\0';
        if (options_set(o, l->key[i], l->value[i], why, sizeof why) != SETTING_OK) {
            if (strcmp(why, "") == 0)
                snprintf(why, sizeof why, "not a lesson setting");
            options_clear_lesson(o);
            return report(err, errlen, l->source, l->line[i], "%s: %s",
                          l->key[i], why);
        }
    }
    snprintf(o->lesson_name, sizeof o->lesson_name, "%s", l->name);
    for (int k = 0; k < 2; k++)
        snprintf(o->caption[k], sizeof o->caption[k], "%s", l->caption[k]);
    return true;
}

bool lesson_list(FILE *out, char *err, size_t errlen)
{
    struct lesson *l = malloc(sizeof *l);
    if (!l) {
        snprintf(err, errlen, "out of memory");
        return false;
    }
    bool ok = true;
    for (size_t i = 0; ok && i < lesson_count(); i++) {
        ok = lesson_find(lesson_name_at(i), l, err, errlen);
        if (ok)
            fprintf(out, "%-18s %s\n", l->name, l->caption[0]);
    }
    free(l);
    return ok;
}

bool lesson_use(struct options *o, char *err, size_t errlen)
{
    if (!o->lesson_arg)
        return true;
    struct lesson *l = malloc(sizeof *l);
    if (!l) {
        snprintf(err, errlen, "out of memory");
        return false;
    }
    bool ok = lesson_find(o->lesson_arg, l, err, errlen) &&
              lesson_apply(l, o, err, errlen);
    free(l);
    return ok;
}
