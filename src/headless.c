/* headless.c - the --headless modes: the same trainer and bowl as the
 * screen (and the range test of F), printed as CSV rows with every digit
 * (%.17g) for checking.
 * Every write is checked: the first one that fails (a closed pipe, a full
 * disk) stops the run, so `| head -1` or `>/dev/full` end at once. */
#include "headless.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bowl.h"
#include "lab.h"
#include "lr_find.h"
#include "session.h"
#include "train_csv.h"

/* Epochs (or steps) between two flushes: a closed pipe or a full disk is
 * noticed within this many, however rare the rows (--every). */
#define EPOCHS_PER_FLUSH 64

static bool wanted(size_t i, size_t every, size_t last)
{
    return i % every == 0 || i == last;
}

/* Called after each row written to out (printed is the printf result;
 * the row stands for `every` epochs, counted in *since_flush): flushes
 * every EPOCHS_PER_FLUSH epochs and reports the first failure in err. */
static bool row_written(FILE *out, int printed, size_t every, size_t *since_flush,
                        char *err, size_t errlen)
{
    bool ok = printed >= 0 && !ferror(out);
    *since_flush = every >= EPOCHS_PER_FLUSH ? every : *since_flush + every;
    if (ok && *since_flush >= EPOCHS_PER_FLUSH) {
        *since_flush = 0;
        ok = fflush(out) == 0;
    }
    if (!ok)
        snprintf(err, errlen, "cannot write the output: %s",
                 strerror(errno ? errno : EIO));
    return ok;
}

bool headless_train(const struct options *o, FILE *out, char *err, size_t errlen)
{
    struct session s;
    if (!session_open(&s, o, err, errlen))
        return false;
    char rows[256];
    if (o->verbose && dataset_rows_summary(&s.table, s.data, rows, sizeof rows) > 0)
        fprintf(stderr, "descent: %s\n", rows); /* stdout stays the CSV */
    struct trainer *t = &s.trainer;
    size_t since_flush = 0;
    errno = 0;
    bool ok = row_written(out, train_csv_header(out, t), EPOCHS_PER_FLUSH,
                          &since_flush, err, errlen);
    double values[TRAIN_CSV_VALUES_MAX];
    size_t width = train_csv_width(t);
    for (size_t e = 1; ok && e <= o->epochs; e++) {
        trainer_epoch(t);
        if (!wanted(e, o->every, o->epochs))
            continue;
        train_csv_values(t, values);
        int printed = train_csv_row(out, t->epoch, values, width);
        ok = row_written(out, printed, o->every, &since_flush, err, errlen);
    }
    session_close(&s);
    return ok;
}

/* --race with --headless --bowl: step,optimizer,x,y,f, one row per
 * optimizer per printed step. */
static bool headless_race(const struct options *o, FILE *out, char *err, size_t errlen)
{
    struct race *r = malloc(sizeof *r);
    if (!r) {
        snprintf(err, errlen, "out of memory");
        return false;
    }
    double x, y;
    lab_start_point(o, &x, &y);
    race_start(r, &o->bowl_config, x, y, o->train.lr);
    size_t since_flush = 0;
    errno = 0;
    bool ok = row_written(out, fputs("step,optimizer,x,y,f\n", out), EPOCHS_PER_FLUSH,
                          &since_flush, err, errlen);
    for (size_t k = 0; ok; k++) {
        if (wanted(k, o->every, o->epochs))
            for (int i = 0; ok && i < OPTIMIZER_COUNT; i++) {
                const struct bowl *b = &r->lanes[i];
                int printed = fprintf(out, "%zu,%s,%.17g,%.17g,%.17g\n", k,
                                      optimizer_name((enum optimizer_kind)i), b->x,
                                      b->y, bowl_value(b, b->x, b->y));
                ok = row_written(out, printed, i + 1 == OPTIMIZER_COUNT ? o->every : 0,
                                 &since_flush, err, errlen);
            }
        if (k == o->epochs)
            break;
        race_step(r);
    }
    free(r);
    return ok;
}

/* "# suggested lr: X (what)", X "none" when NaN. */
static int print_suggestion(FILE *out, double lr, const char *what)
{
    if (isnan(lr))
        return fprintf(out, "# suggested lr: none (%s)\n", what);
    return fprintf(out, "# suggested lr: %.17g (%s)\n", lr, what);
}

bool headless_lr_find(const struct options *o, FILE *out, char *err, size_t errlen)
{
    struct session s;
    if (!session_open(&s, o, err, errlen))
        return false;
    struct lr_find f;
    bool ok = lr_find_run(s.data, &s.trainer.config, &o->lr_find_config, &f, err, errlen);
    session_close(&s);
    if (!ok)
        return false;
    size_t since_flush = 0;
    errno = 0;
    ok = row_written(out, fputs("step,lr,cost,smoothed_cost\n", out), EPOCHS_PER_FLUSH,
                     &since_flush, err, errlen);
    for (size_t i = 0; ok && i < f.len; i++) {
        const struct lr_find_row *r = &f.rows[i];
        int printed = fprintf(out, "%zu,%.17g,%.17g,%.17g\n", i, r->lr, r->cost, r->smoothed);
        ok = row_written(out, printed, 1, &since_flush, err, errlen);
    }
    char verdict[256];
    lr_find_verdict_text(&f, verdict, sizeof verdict);
    if (ok)
        ok = row_written(out, print_suggestion(out, lr_find_steepest_lr(&f), "steepest"),
                         0, &since_flush, err, errlen);
    if (ok)
        ok = row_written(out, print_suggestion(out, lr_find_minimum_lr(&f), "minimum/10"),
                         0, &since_flush, err, errlen);
    if (ok)
        ok = row_written(out, fprintf(out, "# verdict: %s\n", verdict), 0, &since_flush,
                         err, errlen);
    lr_find_free(&f);
    return ok;
}

bool headless_bowl(const struct options *o, FILE *out, char *err, size_t errlen)
{
    if (o->race)
        return headless_race(o, out, err, errlen);
    struct bowl *b = malloc(sizeof *b);
    if (!b) {
        snprintf(err, errlen, "out of memory");
        return false;
    }
    double x, y;
    lab_start_point(o, &x, &y);
    bowl_start(b, x, y, o->train.lr);
    bowl_configure(b, &o->bowl_config);
    /* a schedule adds the lr of epoch k (the step that led to row k;
     * row 0 shows epoch 1's) */
    bool lr_column = o->bowl_config.schedule.kind != SCHEDULE_CONSTANT;
    size_t since_flush = 0;
    errno = 0;
    bool ok = row_written(out, fputs(lr_column ? "step,x,y,f,lr\n" : "step,x,y,f\n", out),
                          EPOCHS_PER_FLUSH, &since_flush, err, errlen);
    for (size_t k = 0; ok; k++) {
        if (wanted(k, o->every, o->epochs)) {
            double f = bowl_value(b, b->x, b->y);
            int printed = lr_column
                ? fprintf(out, "%zu,%.17g,%.17g,%.17g,%.17g\n", k, b->x, b->y, f,
                          schedule_lr(&b->config.schedule, b->lr, k))
                : fprintf(out, "%zu,%.17g,%.17g,%.17g\n", k, b->x, b->y, f);
            ok = row_written(out, printed, o->every, &since_flush, err, errlen);
        }
        if (k == o->epochs)
            break;
        bowl_step(b);
    }
    free(b);
    return ok;
}
