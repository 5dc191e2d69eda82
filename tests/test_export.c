/* test_export.c - the `s` key's files: the CSV has a row per history
 * record, the text is the screen, the SVG is well-formed XML (checked by
 * a small parser here: balanced tags, quoted attributes, only the five
 * XML entities, finite numbers) with the class names escaped; both right
 * views; an unwritable place gives "FILE: reason". Saving is safe: a
 * taken name (a planted symlink too) moves the save to the next name and
 * is never followed; a full disk or a path through a file leaves no file
 * at all. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "bowl.h"
#include "canvas.h"
#include "dataset.h"
#include "export.h"
#include "save_file.h"
#include "train_csv.h"
#include "trainer.h"
#include "views.h"

struct fixture {
    char dir[64];
    struct table table;
    struct dataset data;
    struct trainer trainer;
    struct bowl bowl;
    struct view_state view;
    struct canvas canvas;
};

/* A CSV whose second class has a name full of XML's special characters. */
static const char tricky_csv[] =
    "x1,x2,label\n"
    "1,1,plain\n"
    "1.5,0.5,plain\n"
    "2,1.2,plain\n"
    "4,4,\"a<b&\"\"c\"\"\"\n"
    "4.5,3.5,\"a<b&\"\"c\"\"\"\n"
    "5,4.4,\"a<b&\"\"c\"\"\"\n";

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    snprintf(f->dir, sizeof f->dir, "/tmp/descent-export-XXXXXX");
    assert_non_null(mkdtemp(f->dir));
    char path[128], err[256];
    snprintf(path, sizeof path, "%s/tricky.csv", f->dir);
    FILE *out = fopen(path, "w");
    assert_non_null(out);
    fputs(tricky_csv, out);
    assert_int_equal(fclose(out), 0);
    assert_true(table_load_file(path, &f->table, err, sizeof err));
    struct selection sel = {"x1", "x2", "label", "plain", "a<b&\"c\"", false, NULL, NULL, 0, 0};
    assert_true(dataset_select(&f->table, &sel, &f->data, err, sizeof err));
    struct train_config cfg = train_config_default();
    assert_true(trainer_init(&f->trainer, &f->data, &cfg));
    bowl_start(&f->bowl, 5, 5, 0.1);
    for (int i = 0; i < 40; i++) {
        trainer_epoch(&f->trainer);
        bowl_step(&f->bowl);
    }
    f->view = (struct view_state){
        .trainer = &f->trainer, .data = &f->data, .bowl = &f->bowl,
        .log_cost = true, .epochs_per_frame = 1,
    };
    assert_true(canvas_init(&f->canvas, 100, 30, true));
    views_render(&f->canvas, &f->view);
    *state = f;
    return 0;
}

/* Removes dir and everything in it (files, symlinks, directories). */
static void remove_tree(const char *dir)
{
    DIR *d = opendir(dir);
    if (d == NULL)
        return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        char path[512];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        struct stat st;
        if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
            chmod(path, 0755);
            remove_tree(path);
        } else {
            unlink(path);
        }
    }
    closedir(d);
    rmdir(dir);
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    remove_tree(f->dir);
    canvas_free(&f->canvas);
    trainer_free(&f->trainer);
    dataset_free(&f->data);
    table_free(&f->table);
    free(f);
    return 0;
}

/* The whole file (caller frees). */
static char *slurp(const char *path)
{
    FILE *in = fopen(path, "rb");
    assert_non_null(in);
    fseek(in, 0, SEEK_END);
    long n = ftell(in);
    fseek(in, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)n, in), (size_t)n);
    buf[n] = '\0';
    fclose(in);
    return buf;
}

/* ---------- a small XML checker ---------- */

/* The attributes that hold numbers: only digits, signs, dots, exponents,
 * separators and path commands may appear in them. */
static bool numeric_attribute(const char *name, size_t len)
{
    static const char *const names[] = {"x", "y", "x1", "y1", "x2", "y2", "cx", "cy",
                                        "r", "width", "height", "points", "d",
                                        "stroke-width", "font-size", "viewBox"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strlen(names[i]) == len && strncmp(names[i], name, len) == 0)
            return true;
    return false;
}

/* An entity at q ('&'): true when it is one of the five; *len its length. */
static bool known_entity(const char *q, size_t *len)
{
    static const char *const entities[] = {"&amp;", "&lt;", "&gt;", "&quot;", "&apos;"};
    for (size_t i = 0; i < 5; i++)
        if (strncmp(q, entities[i], strlen(entities[i])) == 0) {
            *len = strlen(entities[i]);
            return true;
        }
    return false;
}

/* Checks that xml is well-formed in the subset an SVG file uses. Returns
 * NULL when it is, else what is wrong. */
static const char *xml_check(const char *xml)
{
    static char why[160];
    char stack[64][32];
    int depth = 0, roots = 0;
    const char *q = xml;
    if (strncmp(q, "<?xml ", 6) == 0) {
        q = strstr(q, "?>");
        if (!q)
            return "unterminated declaration";
        q += 2;
    }
    while (*q) {
        if (*q != '<') {
            if (*q == '&') {
                size_t len;
                if (!known_entity(q, &len))
                    return "unknown entity in text";
                q += len;
                continue;
            }
            if (*q == '>')
                return "bare > in text";
            if (depth == 0 && !isspace((unsigned char)*q))
                return "text outside the root";
            q++;
            continue;
        }
        if (strncmp(q, "<!--", 4) == 0) {
            q = strstr(q, "-->");
            if (!q)
                return "unterminated comment";
            q += 3;
            continue;
        }
        bool closing = q[1] == '/';
        q += closing ? 2 : 1;
        size_t nl = strspn(q, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_:");
        if (nl == 0 || nl >= 32)
            return "bad tag name";
        char name[32];
        memcpy(name, q, nl);
        name[nl] = '\0';
        q += nl;
        if (closing) {
            if (*q != '>')
                return "bad closing tag";
            q++;
            if (depth == 0 || strcmp(stack[depth - 1], name) != 0) {
                snprintf(why, sizeof why, "</%s> does not close the open tag", name);
                return why;
            }
            depth--;
            continue;
        }
        /* Attributes: name="value", each value free of < and bare &. */
        for (;;) {
            size_t ws = strspn(q, " \t\r\n");
            q += ws;
            if (*q == '>' || (q[0] == '/' && q[1] == '>'))
                break;
            if (ws == 0)
                return "attributes not separated";
            size_t an = strspn(q, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_:");
            if (an == 0)
                return "bad attribute name";
            const char *aname = q;
            q += an;
            if (q[0] != '=' || q[1] != '"') {
                snprintf(why, sizeof why, "attribute %.*s not quoted", (int)an, aname);
                return why;
            }
            q += 2;
            const char *value = q;
            while (*q && *q != '"') {
                if (*q == '<')
                    return "< in an attribute";
                if (*q == '&') {
                    size_t len;
                    if (!known_entity(q, &len))
                        return "unknown entity in an attribute";
                    q += len;
                    continue;
                }
                q++;
            }
            if (!*q)
                return "unterminated attribute";
            if (numeric_attribute(aname, an)) {
                for (const char *v = value; v < q; v++)
                    if (!strchr("0123456789.-+eE ,MLZmlz", *v)) {
                        snprintf(why, sizeof why, "attribute %.*s=\"%.*s\" is not numbers",
                                 (int)an, aname, (int)(q - value > 40 ? 40 : q - value),
                                 value);
                        return why;
                    }
            }
            q++;
        }
        if (*q == '/') {
            q += 2;
            if (depth == 0)
                roots++;
            continue;
        }
        q++;
        if (depth == 0)
            roots++;
        if (depth == 64)
            return "too deep";
        snprintf(stack[depth++], sizeof stack[0], "%s", name);
    }
    if (depth != 0)
        return "unclosed tags at the end";
    if (roots != 1)
        return "not exactly one root element";
    return NULL;
}

static void test_checker_catches(void **state)
{
    (void)state;
    assert_null(xml_check("<?xml version=\"1.0\"?>\n<svg a=\"1\"><g><text>a &amp; b</text></g></svg>\n"));
    assert_non_null(xml_check("<svg><g></svg></g>"));
    assert_non_null(xml_check("<svg a=1></svg>"));
    assert_non_null(xml_check("<svg><text>a & b</text></svg>"));
    assert_non_null(xml_check("<svg><text>&nbsp;</text></svg>"));
    assert_non_null(xml_check("<svg><text>a<b</text></svg>"));
    assert_non_null(xml_check("<svg><line x1=\"nan\"/></svg>"));
    assert_non_null(xml_check("<svg><line x1=\"-inf\"/></svg>"));
    assert_non_null(xml_check("<svg></svg><svg></svg>"));
    assert_non_null(xml_check("<svg>"));
}

/* Counts the lines of a text. */
static size_t lines_of(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += *s == '\n';
    return n;
}

/* The CSV --headless prints for the fixture's run (a fresh trainer with
 * the same settings, its rows written by train_csv.h as headless.c
 * writes them, one per epoch). Valid until the next call. */
static const char *headless_rows(const struct fixture *f)
{
    static char *buf;
    size_t len = 0;
    free(buf);
    buf = NULL;
    FILE *out = open_memstream(&buf, &len);
    assert_non_null(out);
    struct trainer t;
    assert_true(trainer_init(&t, &f->data, &f->trainer.config));
    train_csv_header(out, &t);
    double values[TRAIN_CSV_VALUES_MAX];
    while (t.epoch < f->trainer.epoch) {
        trainer_epoch(&t);
        train_csv_values(&t, values);
        train_csv_row(out, t.epoch, values, train_csv_width(&t));
    }
    trainer_free(&t);
    assert_int_equal(fclose(out), 0);
    assert_true(strncmp(buf, "epoch,cost,w1,w2,b,accuracy\n", 28) == 0);
    return buf;
}

static void check_files(struct fixture *f, const char *stem)
{
    char path[160];
    snprintf(path, sizeof path, "%s/%s.csv", f->dir, stem);
    char *csv = slurp(path);
    assert_string_equal(csv, headless_rows(f));
    free(csv);

    snprintf(path, sizeof path, "%s/%s.txt", f->dir, stem);
    char *txt = slurp(path);
    assert_int_equal(lines_of(txt), (size_t)f->canvas.height);
    assert_non_null(strstr(txt, "epoch 40"));
    free(txt);

    snprintf(path, sizeof path, "%s/%s.svg", f->dir, stem);
    char *svg = slurp(path);
    const char *why = xml_check(svg);
    if (why)
        fail_msg("%s: %s", path, why);
    assert_non_null(strstr(svg, "viewBox=\"0 0 1200 800\""));
    assert_non_null(strstr(svg, "a&lt;b&amp;&quot;c&quot;"));
    assert_null(strstr(svg, "a<b"));
    assert_non_null(strstr(svg, "<circle"));
    assert_non_null(strstr(svg, "<polyline"));
    assert_non_null(strstr(svg, "z = "));
    free(svg);
}

static void test_bowl_export(void **state)
{
    struct fixture *f = *state;
    char base[128], stem[160], err[256] = "";
    snprintf(base, sizeof base, "%s/run", f->dir);
    assert_true(export_save(base, &f->view, &f->canvas, stem, sizeof stem, err,
                            sizeof err));
    assert_string_equal(stem, base);
    check_files(f, "run");
    char path[160];
    snprintf(path, sizeof path, "%s/run.svg", f->dir);
    char *svg = slurp(path);
    assert_non_null(strstr(svg, "bowl"));
    free(svg);
}

static void test_landscape_export(void **state)
{
    struct fixture *f = *state;
    f->view.right = RIGHT_LANDSCAPE;
    views_render(&f->canvas, &f->view);
    char base[128], stem[160], err[256] = "";
    snprintf(base, sizeof base, "%s/land", f->dir);
    assert_true(export_save(base, &f->view, &f->canvas, stem, sizeof stem, err,
                            sizeof err));
    check_files(f, "land");
    char path[160];
    snprintf(path, sizeof path, "%s/land.svg", f->dir);
    char *svg = slurp(path);
    assert_non_null(strstr(svg, "cost landscape"));
    assert_true(strstr(svg, "<line") != NULL);
    free(svg);
}

/* Diverged weights: the numbers in the picture stay finite. */
static void test_nonfinite_export(void **state)
{
    struct fixture *f = *state;
    f->trainer.theta[0] = NAN;
    f->trainer.theta[1] = INFINITY;
    f->trainer.theta[2] = -1e308;
    f->trainer.history.records[3].cost = INFINITY;
    f->trainer.history.records[4].cost = NAN;
    f->bowl.x = 1e300;
    f->bowl.y = NAN;
    char base[128], stem[160], err[256] = "";
    snprintf(base, sizeof base, "%s/run", f->dir);
    for (int k = 0; k < 4; k++) {   /* bowl, landscape; contours, 3D mesh */
        f->view.right = k & 1 ? RIGHT_LANDSCAPE : RIGHT_BOWL;
        f->view.mesh = k >= 2;
        f->view.mesh_turn = 30;
        f->view.mesh_tilt = 50;
        assert_true(export_save(base, &f->view, NULL, stem, sizeof stem, err,
                                sizeof err));
        char path[200];
        snprintf(path, sizeof path, "%s.svg", stem);
        char *svg = slurp(path);
        const char *why = xml_check(svg);
        if (why)
            fail_msg("%s", why);
        free(svg);
    }
}

static void test_unwritable(void **state)
{
    struct fixture *f = *state;
    char base[128], stem[160], err[256] = "";
    snprintf(base, sizeof base, "%s/no/such/dir/run", f->dir);
    assert_false(export_save(base, &f->view, &f->canvas, stem, sizeof stem, err,
                             sizeof err));
    char want[200];
    snprintf(want, sizeof want, "%s.csv: No such file or directory", base);
    assert_string_equal(err, want);
}

/* The names in dir, sorted, joined by spaces ("" when empty). */
static void list_dir(const char *dir, char *out, size_t outlen)
{
    struct dirent **names;
    int n = scandir(dir, &names, NULL, alphasort);
    assert_true(n >= 0);
    out[0] = '\0';
    for (int i = 0; i < n; i++) {
        if (names[i]->d_name[0] != '.') {
            size_t used = strlen(out);
            snprintf(out + used, outlen - used, "%s%s", used ? " " : "",
                     names[i]->d_name);
        }
        free(names[i]);
    }
    free(names);
}

/* Two saves with one name: the second is base-2; no temporary file stays. */
static void test_second_save(void **state)
{
    struct fixture *f = *state;
    char base[128], stem[160], err[256] = "", want[200], files[512];
    snprintf(base, sizeof base, "%s/run", f->dir);
    assert_true(export_save(base, &f->view, &f->canvas, stem, sizeof stem, err,
                            sizeof err));
    assert_true(export_save(base, &f->view, &f->canvas, stem, sizeof stem, err,
                            sizeof err));
    snprintf(want, sizeof want, "%s-2", base);
    assert_string_equal(stem, want);
    check_files(f, "run-2");
    list_dir(f->dir, files, sizeof files);
    assert_string_equal(files, "run-2.csv run-2.svg run-2.txt run.csv run.svg"
                               " run.txt tricky.csv");
    struct stat st;
    assert_int_equal(stat(want, &st), -1); /* stem only, no file "run-2" */
    snprintf(want, sizeof want, "%s-2.svg", base);
    assert_int_equal(stat(want, &st), 0);
    mode_t mask = umask(022);
    umask(mask);
    assert_int_equal(st.st_mode & 0777, 0644 & ~mask);
}

/* A symlink planted at a name (to a victim file, or dangling) is a taken
 * name: never followed, never replaced; the save goes to the next name. */
static void test_planted_symlink(void **state)
{
    struct fixture *f = *state;
    char victim[128], link_path[128], dangling[128];
    snprintf(victim, sizeof victim, "%s/victim", f->dir);
    FILE *out = fopen(victim, "w");
    assert_non_null(out);
    fputs("precious\n", out);
    assert_int_equal(fclose(out), 0);
    snprintf(link_path, sizeof link_path, "%s/run.txt", f->dir);
    assert_int_equal(symlink(victim, link_path), 0);
    snprintf(link_path, sizeof link_path, "%s/run-2.svg", f->dir);
    snprintf(dangling, sizeof dangling, "%s/nowhere", f->dir);
    assert_int_equal(symlink(dangling, link_path), 0);

    char base[128], stem[160], err[256] = "", want[200], files[512];
    snprintf(base, sizeof base, "%s/run", f->dir);
    assert_true(export_save(base, &f->view, &f->canvas, stem, sizeof stem, err,
                            sizeof err));
    snprintf(want, sizeof want, "%s-3", base);
    assert_string_equal(stem, want);
    check_files(f, "run-3");
    char *text = slurp(victim);
    assert_string_equal(text, "precious\n");
    free(text);
    list_dir(f->dir, files, sizeof files);
    assert_string_equal(files, "run-2.svg run-3.csv run-3.svg run-3.txt run.txt"
                               " tricky.csv victim");
}

/* save_files with a writer that plants a symlink at a final name while
 * the files are written (someone racing the save): the set moves on to
 * the next stem; the symlink and its target stay as they were. */
struct race {
    char victim[128], plant[160];
};

static bool racing_writer(size_t which, FILE *f, void *context)
{
    struct race *r = context;
    if (which == 1 && symlink(r->victim, r->plant) != 0)
        return false;
    return fprintf(f, "file %zu\n", which) > 0;
}

static void test_race_for_a_name(void **state)
{
    struct fixture *f = *state;
    struct race r;
    snprintf(r.victim, sizeof r.victim, "%s/victim", f->dir);
    FILE *out = fopen(r.victim, "w");
    assert_non_null(out);
    fputs("precious\n", out);
    assert_int_equal(fclose(out), 0);
    snprintf(r.plant, sizeof r.plant, "%s/set.b", f->dir);
    static const char *const ext[] = {".a", ".b"};
    char base[128], stem[160], err[256] = "", files[512];
    snprintf(base, sizeof base, "%s/set", f->dir);
    assert_true(save_files(base, ext, 2, racing_writer, &r, stem, sizeof stem,
                           err, sizeof err));
    list_dir(f->dir, files, sizeof files);
    assert_string_equal(files, "set-2.a set-2.b set.b tricky.csv victim");
    char path[200];
    snprintf(path, sizeof path, "%s-2.b", base);
    char *text = slurp(path);
    assert_string_equal(text, "file 1\n");
    free(text);
    text = slurp(r.victim);
    assert_string_equal(text, "precious\n");
    free(text);
    struct stat st;
    assert_int_equal(lstat(r.plant, &st), 0);
    assert_true(S_ISLNK(st.st_mode));
}

/* Runs export_save in a child whose files may not pass limit bytes (a
 * full disk as write(2) sees it: EFBIG, SIGXFSZ ignored). Returns what
 * the child reports: "ok" or the error line. */
static void save_with_size_limit(struct fixture *f, const char *base, rlim_t limit,
                                 char *report, size_t reportlen)
{
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        close(fds[0]);
        signal(SIGXFSZ, SIG_IGN);
        struct rlimit rl = {limit, limit};
        char stem[160], err[256] = "";
        if (setrlimit(RLIMIT_FSIZE, &rl) != 0)
            snprintf(err, sizeof err, "setrlimit failed");
        else if (export_save(base, &f->view, &f->canvas, stem, sizeof stem, err,
                             sizeof err))
            snprintf(err, sizeof err, "ok");
        ssize_t w = write(fds[1], err, strlen(err));
        _exit(w < 0);
    }
    close(fds[1]);
    ssize_t n = read(fds[0], report, reportlen - 1);
    close(fds[0]);
    report[n > 0 ? n : 0] = '\0';
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

/* A disk that fills up at the last file: an error naming it, no file of
 * the save left behind (the first two were complete, but only as
 * temporary files). */
static void test_full_disk(void **state)
{
    struct fixture *f = *state;
    char base[128], stem[160], err[256] = "", path[200];
    snprintf(base, sizeof base, "%s/probe", f->dir);
    assert_true(export_save(base, &f->view, &f->canvas, stem, sizeof stem, err,
                            sizeof err));
    off_t size[3];
    static const char *const ext[] = {".csv", ".txt", ".svg"};
    for (int i = 0; i < 3; i++) {
        struct stat st;
        snprintf(path, sizeof path, "%s%s", base, ext[i]);
        assert_int_equal(stat(path, &st), 0);
        size[i] = st.st_size;
        unlink(path);
    }
    off_t room = size[0] > size[1] ? size[0] : size[1];
    assert_true(size[2] > room); /* the SVG is the one that does not fit */

    char report[300], want[300], files[512];
    snprintf(base, sizeof base, "%s/run", f->dir);
    save_with_size_limit(f, base, (rlim_t)room, report, sizeof report);
    snprintf(want, sizeof want, "%s.svg: File too large", base);
    assert_string_equal(report, want);
    list_dir(f->dir, files, sizeof files);
    assert_string_equal(files, "tricky.csv");

    /* the first file too large: the same, at the first file */
    save_with_size_limit(f, base, 16, report, sizeof report);
    snprintf(want, sizeof want, "%s.csv: File too large", base);
    assert_string_equal(report, want);
    list_dir(f->dir, files, sizeof files);
    assert_string_equal(files, "tricky.csv");
}

/* A directory that cannot be written: a path through a regular file
 * (root may write anywhere else), and a mode 0555 directory when not
 * root. The error names the first file; nothing is left. */
static void test_unwritable_directory(void **state)
{
    struct fixture *f = *state;
    char base[128], stem[160], err[256] = "", want[200], files[512];
    snprintf(base, sizeof base, "%s/tricky.csv/run", f->dir);
    assert_false(export_save(base, &f->view, &f->canvas, stem, sizeof stem, err,
                             sizeof err));
    snprintf(want, sizeof want, "%s.csv: Not a directory", base);
    assert_string_equal(err, want);
    list_dir(f->dir, files, sizeof files);
    assert_string_equal(files, "tricky.csv");

    if (geteuid() == 0) {
        print_message("skip read-only directory: running as root\n");
        return;
    }
    char dir[100];
    snprintf(dir, sizeof dir, "%s/ro", f->dir);
    assert_int_equal(mkdir(dir, 0555), 0);
    snprintf(base, sizeof base, "%s/run", dir);
    assert_false(export_save(base, &f->view, &f->canvas, stem, sizeof stem, err,
                             sizeof err));
    snprintf(want, sizeof want, "%s.csv: Permission denied", base);
    assert_string_equal(err, want);
    list_dir(dir, files, sizeof files);
    assert_string_equal(files, "");
}

/* Text that is not UTF-8 (a surrogate, an overlong form, a stray byte)
 * becomes '?' byte by byte in the SVG; real UTF-8 passes. */
static void test_svg_text_utf8(void **state)
{
    struct fixture *f = *state;
    free(f->data.class_name[1]);
    f->data.class_name[1] = strdup("\xC3\xA9t\xC3\xA9|\xED\xA0\x80|\xC0\xAF|\xFF|\x01|");
    assert_non_null(f->data.class_name[1]);
    char base[128], stem[160], err[256] = "", path[200];
    snprintf(base, sizeof base, "%s/run", f->dir);
    assert_true(export_save(base, &f->view, &f->canvas, stem, sizeof stem, err,
                            sizeof err));
    snprintf(path, sizeof path, "%s.svg", stem);
    char *svg = slurp(path);
    assert_null(xml_check(svg));
    assert_non_null(strstr(svg, ">\xC3\xA9t\xC3\xA9|???|??|?|?|</text>"));
    free(svg);
}

/* Counts the occurrences of needle in s. */
static size_t count_in(const char *s, const char *needle)
{
    size_t n = 0;
    for (const char *q = strstr(s, needle); q; q = strstr(q + 1, needle))
        n++;
    return n;
}

/* The saved SVG keeps runs of spaces (xml:space="preserve" on the root)
 * and, when the screen shows them, the decision regions: 48 x 48 cells
 * under the points, each in the colour of the class the neuron predicts
 * at its centre (both classes' colours present after 40 epochs). */
static void test_svg_regions_and_spaces(void **state)
{
    struct fixture *f = *state;
    char base[128], stem[160], err[256] = "";
    snprintf(base, sizeof base, "%s/regions", f->dir);
    f->view.regions = true;
    assert_true(export_save(base, &f->view, NULL, stem, sizeof stem, err, sizeof err));
    char path[200];
    snprintf(path, sizeof path, "%s.svg", stem);
    char *svg = slurp(path);
    const char *why = xml_check(svg);
    if (why)
        fail_msg("%s", why);
    assert_non_null(strstr(svg, "<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert_non_null(strstr(strstr(svg, "<svg "), "xml:space=\"preserve\">"));
    assert_non_null(strstr(svg, "   accuracy "));
    const char *g = strstr(svg, "<g opacity=\"0.18\"");
    assert_non_null(g);
    const char *end = strstr(g, "</g>");
    assert_non_null(end);
    size_t len = (size_t)(end - g);
    char *regions = strndup(g, len);
    assert_int_equal(count_in(regions, "<rect "), 48 * 48);
    size_t second = count_in(regions, "fill=\"#e07b00\"");
    assert_true(second > 0 && second < 48 * 48);
    free(regions);
    assert_true(g < strstr(svg, "<circle")); /* the points over the regions */
    free(svg);
    f->view.regions = false;
    assert_true(export_save(base, &f->view, NULL, stem, sizeof stem, err, sizeof err));
    snprintf(path, sizeof path, "%s.svg", stem);
    svg = slurp(path);
    assert_null(strstr(svg, "<g opacity=\"0.18\""));
    free(svg);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_checker_catches),
        cmocka_unit_test_setup_teardown(test_bowl_export, setup, teardown),
        cmocka_unit_test_setup_teardown(test_landscape_export, setup, teardown),
        cmocka_unit_test_setup_teardown(test_nonfinite_export, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unwritable, setup, teardown),
        cmocka_unit_test_setup_teardown(test_second_save, setup, teardown),
        cmocka_unit_test_setup_teardown(test_planted_symlink, setup, teardown),
        cmocka_unit_test_setup_teardown(test_race_for_a_name, setup, teardown),
        cmocka_unit_test_setup_teardown(test_full_disk, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unwritable_directory, setup, teardown),
        cmocka_unit_test_setup_teardown(test_svg_text_utf8, setup, teardown),
        cmocka_unit_test_setup_teardown(test_svg_regions_and_spaces, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
