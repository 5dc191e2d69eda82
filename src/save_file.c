/* save_file.c - files saved so that nothing partial or foreign is ever
 * touched: write a temporary file next to the final one, flush, fsync,
 * close, then link it to a name that does not exist yet (see
 * save_file.h). */
#define _GNU_SOURCE   /* renameat2 and RENAME_NOREPLACE, where glibc has them */

#include "save_file.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_SUFFIX 999     /* base-2 ... base-999 */
#define MAX_TEMP_TRIES 100 /* temporary names tried per file */

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif

/* One file of the set on its way to its final name. */
struct pending {
    char temp[PATH_MAX];
    char final[PATH_MAX];
    bool have_temp;    /* the temporary file exists */
    bool published;    /* the final name is ours */
    bool by_rename;    /* published by rename: the temporary is gone */
};

static bool report(char *err, size_t errlen, const char *path, int code)
{
    snprintf(err, errlen, "%s: %s", path, strerror(code ? code : EIO));
    return false;
}

/* stem = base (n == 1) or base-n; false if it does not fit. */
static bool make_stem(char *stem, size_t stemlen, const char *base, int n)
{
    int w = n == 1 ? snprintf(stem, stemlen, "%s", base)
                   : snprintf(stem, stemlen, "%s-%d", base, n);
    return w >= 0 && (size_t)w < stemlen;
}

/* Sets every final name for stem. false with err if one is too long. */
static bool name_files(struct pending *files, size_t count, const char *stem,
                       const char *const *extensions, char *err, size_t errlen)
{
    for (size_t i = 0; i < count; i++) {
        int w = snprintf(files[i].final, sizeof files[i].final, "%s%s", stem,
                         extensions[i]);
        if (w < 0 || (size_t)w >= sizeof files[i].final - 32)
            return report(err, errlen, stem, ENAMETOOLONG);
    }
    return true;
}

/* 1 when no final name exists (lstat: a symlink exists, even dangling),
 * 0 when one does, -1 with err when one cannot be looked up. */
static int names_free(const struct pending *files, size_t count, char *err,
                      size_t errlen)
{
    for (size_t i = 0; i < count; i++) {
        struct stat st;
        if (lstat(files[i].final, &st) == 0)
            return 0;
        if (errno != ENOENT) {
            report(err, errlen, files[i].final, errno);
            return -1;
        }
    }
    return 1;
}

/* Moves stem on from suffix *n to the first one whose names are all free
 * (*n itself included) and names the files after it. */
static bool find_free_stem(struct pending *files, size_t count, const char *base,
                           const char *const *extensions, int *n, char *stem,
                           size_t stemlen, char *err, size_t errlen)
{
    for (; *n <= MAX_SUFFIX; ++*n) {
        if (!make_stem(stem, stemlen, base, *n))
            return report(err, errlen, base, ENAMETOOLONG);
        if (!name_files(files, count, stem, extensions, err, errlen))
            return false;
        int free_names = names_free(files, count, err, errlen);
        if (free_names < 0)
            return false;
        if (free_names > 0)
            return true;
    }
    snprintf(err, errlen, "%s%s: every name up to -%d is taken", base,
             extensions[0], MAX_SUFFIX);
    return false;
}

/* A write error's reason: errno as the failed write left it, unless a
 * maths function set it since (ERANGE, EDOM) or nothing did. */
static int write_error(void)
{
    int code = errno;
    return code == 0 || code == ERANGE || code == EDOM ? EIO : code;
}

/* Writes file which into a new temporary file next to its final name. */
static bool write_temp(struct pending *p, size_t which, save_write_fn *write,
                       void *context, char *err, size_t errlen)
{
    int fd = -1;
    for (unsigned k = 0; fd < 0 && k < MAX_TEMP_TRIES; k++) {
        snprintf(p->temp, sizeof p->temp, "%s.tmp-%ld-%u", p->final,
                 (long)getpid(), k);
        fd = open(p->temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                  0644);
        if (fd < 0 && errno != EEXIST)
            return report(err, errlen, p->final, errno);
    }
    if (fd < 0)
        return report(err, errlen, p->final, EEXIST);
    p->have_temp = true;
    FILE *f = fdopen(fd, "w");
    if (f == NULL) {
        int code = errno;
        close(fd);
        return report(err, errlen, p->final, code);
    }
    errno = 0;
    bool ok = write(which, f, context);
    int code = ok ? 0 : (errno ? errno : ENOMEM);
    if (ok && (fflush(f) != 0 || ferror(f))) {
        ok = false;
        code = write_error();
    }
    if (ok && fsync(fileno(f)) != 0) {
        ok = false;
        code = errno;
    }
    if (fclose(f) != 0 && ok) {
        ok = false;
        code = errno;
    }
    return ok ? true : report(err, errlen, p->final, code);
}

/* Gives p its final name unless something is there (errno EEXIST then). */
static bool publish(struct pending *p)
{
    if (link(p->temp, p->final) == 0) {
        p->published = true;
        return true;
    }
#ifdef RENAME_NOREPLACE
    /* No hard links here (a FAT stick, say): an exclusive rename. */
    if (errno == EPERM || errno == ENOSYS || errno == EOPNOTSUPP
        || errno == EMLINK) {
        int link_errno = errno;
        if (renameat2(AT_FDCWD, p->temp, AT_FDCWD, p->final, RENAME_NOREPLACE) == 0) {
            p->published = p->by_rename = true;
            p->have_temp = false;
            return true;
        }
        if (errno == EINVAL || errno == ENOSYS)
            errno = link_errno;
    }
#endif
    return false;
}

/* Takes back the final names published; a renamed file goes back to its
 * temporary name, so the set can be published under another stem. */
static void unpublish(struct pending *files, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        struct pending *p = &files[i];
        if (!p->published)
            continue;
        if (p->by_rename) {
            if (rename(p->final, p->temp) == 0)
                p->have_temp = true;
            else
                unlink(p->final);
        } else {
            unlink(p->final);
        }
        p->published = p->by_rename = false;
    }
}

static void remove_temps(struct pending *files, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (files[i].have_temp) {
            unlink(files[i].temp);
            files[i].have_temp = false;
        }
}

/* Makes the new names durable: fsync of the directory of path. Best
 * effort: the files are complete whatever happens here. */
static void sync_directory(const char *path)
{
    char dir[PATH_MAX];
    const char *slash = strrchr(path, '/');
    if (slash == NULL)
        snprintf(dir, sizeof dir, ".");
    else if (slash == path)
        snprintf(dir, sizeof dir, "/");
    else
        snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path);
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
}

/* Publishes every file under the current stem, or under the next free
 * one when a name was taken meanwhile. */
static bool publish_all(struct pending *files, size_t count, const char *base,
                        const char *const *extensions, int n, char *stem,
                        size_t stemlen, char *err, size_t errlen)
{
    for (;;) {
        size_t done = 0;
        while (done < count && publish(&files[done]))
            done++;
        if (done == count)
            return true;
        int code = errno;
        unpublish(files, count);
        if (code != EEXIST)
            return report(err, errlen, files[done].final, code);
        n++;
        if (!find_free_stem(files, count, base, extensions, &n, stem, stemlen,
                            err, errlen))
            return false;
    }
}

bool save_files(const char *base, const char *const *extensions, size_t count,
                save_write_fn *write, void *context, char *stem, size_t stemlen,
                char *err, size_t errlen)
{
    struct pending files[SAVE_FILES_MAX];
    if (count == 0 || count > SAVE_FILES_MAX)
        return report(err, errlen, base, EINVAL);
    memset(files, 0, sizeof files);
    int n = 1;
    bool ok = find_free_stem(files, count, base, extensions, &n, stem, stemlen,
                             err, errlen);
    for (size_t i = 0; ok && i < count; i++)
        ok = write_temp(&files[i], i, write, context, err, errlen);
    if (ok)
        ok = publish_all(files, count, base, extensions, n, stem, stemlen, err,
                         errlen);
    remove_temps(files, count);
    if (ok)
        sync_directory(files[0].final);
    return ok;
}
