/* session.c - keeps the table, the selected samples, the trainer and the
 * bowl consistent while the user changes columns, classes and settings,
 * and remembers every finished epoch (rewind.c) so that the arrows can
 * walk back and forth through them exactly. */
#include "session.h"

#include "builtin.h"
#include "generate.h"
#include "settings.h"
#include "lab.h"
#include "trainer_fast.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool load_table(const struct options *o, struct table *t, char *err,
                       size_t errlen)
{
    const char *text;
    size_t len;
    if (o->data_path != NULL
        && strncmp(o->data_path, GENERATE_PREFIX, strlen(GENERATE_PREFIX)) == 0) {
        char *csv = NULL;
        if (!generate_csv(o->data_path + strlen(GENERATE_PREFIX), o->points,
                          o->noise, o->train.seed, &csv, &len, err, errlen))
            return false;
        bool ok = table_load_buffer(o->data_path, csv, len, t, err, errlen);
        free(csv);
        return ok;
    }
    if (builtin_table(o->data_path, &text, &len))
        return table_load_buffer(o->data_path, text, len, t, err, errlen);
    if (o->data_path)
        return table_load_file_delimited(o->data_path, o->delimiter, t, err,
                                         errlen);
    return table_load_buffer("iris.csv (built in)", iris_csv, iris_csv_len, t,
                             err, errlen);
}

bool session_data_is_file(const struct options *o)
{
    const char *text;
    size_t len;
    return o->data_path != NULL
           && strncmp(o->data_path, GENERATE_PREFIX, strlen(GENERATE_PREFIX)) != 0
           && !builtin_table(o->data_path, &text, &len);
}

/* Generated data has its own columns (x1, x2, label; x1, y for line;
 * x1, x2, y for plane): a selection naming columns the table lacks (the
 * Iris defaults) takes them instead, and a table with a y column and no
 * label is fitted by regression on y. */
static void adapt_to_table(const struct table *t, struct selection *sel)
{
    bool has_label = table_column(t, GENERATED_LABEL) >= 0;
    if (table_column(t, sel->x_column) < 0 && table_column(t, "x1") >= 0)
        sel->x_column = "x1";
    if (table_column(t, sel->y_column) < 0)
        sel->y_column = table_column(t, "x2") >= 0 ? "x2" : sel->x_column;
    if (!has_label && (sel->target_column == NULL || sel->target_column[0] == '\0')
        && table_column(t, "y") >= 0)
        sel->target_column = "y";
    if (table_column(t, "x2") < 0 && strcmp(sel->x_column, sel->y_column) == 0
        && (sel->features == NULL || sel->features[0] == '\0'))
        sel->features = sel->x_column; /* one input */
    if (!has_label || table_column(t, sel->label_column) >= 0)
        return;
    sel->label_column = GENERATED_LABEL;
    sel->class_a = "0";
    sel->class_b = "1";
}

/* Points the selection's strings at the dataset's own trimmed copies, so
 * they stay valid (and match the table) whatever the caller's strings were. */
static void anchor_selection(const struct dataset *d, struct selection *sel)
{
    sel->x_column = d->x_name;
    sel->y_column = d->y_name;
    if (d->regression) {
        sel->target_column = d->label_name;
        return;
    }
    sel->label_column = d->label_name;
    sel->class_a = d->class_name[0];
    sel->class_b = d->class_name[1];
}

/* Remembers the state as it stands (the end of an epoch) after the cursor. */
static void remember(struct session *s)
{
    struct rewind_entry e;
    trainer_state_save(&s->trainer, &e.trainer);
    e.bowl = bowl_mark(&s->bowl);
    rewind_push(&s->rewind, &e);
}

/* Forgets everything remembered and starts again from the state now. */
static void remember_from_here(struct session *s)
{
    rewind_clear(&s->rewind);
    remember(s);
}

/* The bowl changed outside training: the entry shown keeps the new one. */
static void remember_bowl(struct session *s)
{
    struct rewind_entry *e = rewind_current(&s->rewind);
    if (e)
        e->bowl = bowl_mark(&s->bowl);
}

/* The samples of sel in t, on the heap; NULL with err on bad input or
 * when out of memory. Free with free_samples. */
static struct dataset *select_samples(const struct table *t,
                                      const struct selection *sel, char *err,
                                      size_t errlen)
{
    struct dataset *d = calloc(1, sizeof *d);
    if (d == NULL) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    if (!dataset_select(t, sel, d, err, errlen)) {
        free(d);
        return NULL;
    }
    return d;
}

static void free_samples(struct dataset *d)
{
    if (d != NULL)
        dataset_free(d);
    free(d);
}

bool session_open(struct session *s, const struct options *o, char *err,
                  size_t errlen)
{
    memset(s, 0, sizeof *s);
    if (!load_table(o, &s->table, err, errlen))
        return false;
    s->selection = o->selection;
    s->selection.seed = o->train.seed;
    if (o->data_path != NULL
        && strncmp(o->data_path, GENERATE_PREFIX, strlen(GENERATE_PREFIX)) == 0)
        adapt_to_table(&s->table, &s->selection);
    else if (!options_classes_given(o))
        dataset_auto_classes(&s->table, &s->selection);
    s->data = select_samples(&s->table, &s->selection, err, errlen);
    if (s->data == NULL) {
        table_free(&s->table);
        return false;
    }
    anchor_selection(s->data, &s->selection);
    if (!settings_check_weights(o, s->data->nfeatures, err, errlen)) {
        free_samples(s->data);
        table_free(&s->table);
        return false;
    }
    struct train_config config = settings_train_config(o, s->data->regression);
    if (!trainer_init(&s->trainer, s->data, &config)) {
        snprintf(err, errlen, "out of memory");
        free_samples(s->data);
        table_free(&s->table);
        return false;
    }
    if (!rewind_init(&s->rewind, REWIND_CAPACITY, s->trainer.nparams)) {
        snprintf(err, errlen, "out of memory");
        trainer_free(&s->trainer);
        free_samples(s->data);
        table_free(&s->table);
        return false;
    }
    lab_start_point(o, &s->bowl_start_x, &s->bowl_start_y);
    bowl_start(&s->bowl, s->bowl_start_x, s->bowl_start_y, o->train.lr);
    bowl_configure(&s->bowl, &o->bowl_config);
    remember_from_here(s);
    return true;
}

void session_close(struct session *s)
{
    rewind_free(&s->rewind);
    trainer_free(&s->trainer);
    free_samples(s->data);
    s->data = NULL;
    table_free(&s->table);
}

bool session_reopen(struct session *s, const struct options *o, char *err,
                    size_t errlen)
{
    struct session *fresh = malloc(sizeof *fresh);
    if (fresh == NULL) {
        snprintf(err, errlen, "out of memory");
        return false;
    }
    if (!session_open(fresh, o, err, errlen)) {
        free(fresh);
        return false;
    }
    session_close(s);
    *s = *fresh;  /* a move: nothing points into the session itself */
    free(fresh);
    return true;
}

bool session_select(struct session *s, const struct selection *sel, char *err,
                    size_t errlen)
{
    struct trainer trainer;
    struct dataset *fresh = select_samples(&s->table, sel, err, errlen);
    if (fresh == NULL)
        return false;
    if (!trainer_init(&trainer, fresh, &s->trainer.config)) {
        free_samples(fresh);
        snprintf(err, errlen, "out of memory");
        return false;
    }
    if (trainer.nparams != s->rewind.nparams) {
        struct rewind ring;
        if (!rewind_init(&ring, REWIND_CAPACITY, trainer.nparams)) {
            trainer_free(&trainer);
            free_samples(fresh);
            snprintf(err, errlen, "out of memory");
            return false;
        }
        rewind_free(&s->rewind);
        s->rewind = ring;
    }
    bool standardize = sel->standardize; /* sel may point into the old data */
    trainer_free(&s->trainer);
    free_samples(s->data);
    s->data = fresh;
    s->trainer = trainer;
    anchor_selection(s->data, &s->selection);
    s->selection.standardize = standardize;
    bowl_restart(&s->bowl, s->bowl_start_x, s->bowl_start_y, s->trainer.config.lr);
    remember_from_here(s);
    return true;
}

/* A new lr: the bowl's descent starts again from its start point at the
 * new lr (docs/DESIGN.md: the path restarts when lr changes), so the
 * class sees the whole path of that lr: converge, oscillate, diverge. The
 * neuron goes on from its weights (trainer_configure). */
static void bowl_new_lr(struct session *s, double lr)
{
    bowl_restart(&s->bowl, s->bowl_start_x, s->bowl_start_y, lr);
    remember_bowl(s);
}

/* Before training: the future of a past epoch is forgotten, and a bowl
 * left at another lr, optimizer or schedule by rewinding restarts at the
 * trainer's. */
static void before_training(struct session *s)
{
    rewind_truncate(&s->rewind);
    const struct train_config *t = &s->trainer.config;
    struct bowl_config *b = &s->bowl.config;
    if (b->optimizer.kind != t->optimizer.kind || b->schedule.kind != t->schedule.kind) {
        struct bowl_config config = *b;
        config.optimizer = t->optimizer;
        config.schedule = t->schedule;
        bowl_configure(&s->bowl, &config);
        remember_bowl(s);
    }
    if (s->bowl.lr != s->trainer.config.lr)
        bowl_new_lr(s, s->trainer.config.lr);
}

void session_epoch(struct session *s)
{
    before_training(s);
    trainer_epoch(&s->trainer);
    bowl_step(&s->bowl);
    remember(s);
}

void session_step_batch(struct session *s)
{
    before_training(s);
    if (trainer_step_batch(&s->trainer)) {
        bowl_step(&s->bowl);
        remember(s);
    }
}

bool session_step_samples(struct session *s, size_t samples, size_t *trained)
{
    before_training(s);
    if (!trainer_step_samples(&s->trainer, samples, trained))
        return false;
    bowl_step(&s->bowl);
    remember(s);
    return true;
}

enum trainer_progress session_step_part(struct session *s, size_t max_samples)
{
    before_training(s);
    enum trainer_progress done = trainer_step_part(&s->trainer, max_samples);
    if (done == TRAINER_EPOCH_DONE) {
        bowl_step(&s->bowl);
        remember(s);
    }
    return done;
}

void session_configure(struct session *s, const struct train_config *config)
{
    bool new_lr = config->lr != s->trainer.config.lr;
    trainer_configure(&s->trainer, config);
    if (new_lr)
        bowl_new_lr(s, config->lr);
}

void session_configure_optimizer(struct session *s, const struct optimizer_params *p)
{
    struct train_config config = s->trainer.config;
    config.optimizer = *p;
    trainer_configure(&s->trainer, &config);
}

void session_reset(struct session *s)
{
    trainer_reset(&s->trainer);
    bowl_restart(&s->bowl, s->bowl_start_x, s->bowl_start_y, s->trainer.config.lr);
    remember_from_here(s);
}

void session_bowl_restart(struct session *s, double x, double y)
{
    s->bowl_start_x = x;
    s->bowl_start_y = y;
    bowl_restart(&s->bowl, x, y, s->trainer.config.lr);
    remember_bowl(s);
}

void session_set_pair(struct session *s, size_t a, double va, size_t b, double vb)
{
    trainer_set_pair(&s->trainer, a, va, b, vb);
    if (s->trainer.next != 0)
        return; /* mid-epoch: the entry of the epoch's start stays */
    if (rewind_move(&s->rewind, -1))
        remember(s);             /* replaces the entry shown */
    else
        remember_from_here(s);
}

/* Moves the trainer and the bowl to entry e, going back or forward. */
static void go_to(struct session *s, const struct rewind_entry *e, bool back)
{
    if (back)
        trainer_state_back(&s->trainer, &e->trainer);
    else
        trainer_state_forward(&s->trainer, &e->trainer);
    bowl_restore(&s->bowl, &e->bowl);
}

bool session_back(struct session *s)
{
    struct rewind *r = &s->rewind;
    if (s->trainer.next > 0 && rewind_current(r) != NULL) {
        go_to(s, rewind_current(r), true); /* drop the partial epoch */
        return true;
    }
    const struct rewind_entry *e = rewind_peek(r, -1);
    if (e == NULL)
        return false;
    go_to(s, e, true);
    rewind_move(r, -1);
    return true;
}

bool session_forward(struct session *s)
{
    struct rewind *r = &s->rewind;
    const struct rewind_entry *e = s->trainer.next == 0 ? rewind_peek(r, 1) : NULL;
    if (e == NULL)
        return false;
    go_to(s, e, false);
    rewind_move(r, 1);
    return true;
}

bool session_rewound(const struct session *s)
{
    return rewind_is_back(&s->rewind);
}

size_t session_newest_epoch(const struct session *s)
{
    const struct rewind_entry *e = rewind_newest(&s->rewind);
    return e ? e->trainer.epoch : s->trainer.epoch;
}

bool session_retrain(struct session *s, const struct train_config *config,
                     char *err, size_t errlen)
{
    struct trainer trainer;
    if (!trainer_init(&trainer, s->data, config)) {
        snprintf(err, errlen, "out of memory");
        return false;
    }
    if (trainer.nparams != s->rewind.nparams) {
        struct rewind ring;
        if (!rewind_init(&ring, REWIND_CAPACITY, trainer.nparams)) {
            trainer_free(&trainer);
            snprintf(err, errlen, "out of memory");
            return false;
        }
        rewind_free(&s->rewind);
        s->rewind = ring;
    }
    trainer_free(&s->trainer);
    s->trainer = trainer;
    bowl_restart(&s->bowl, s->bowl_start_x, s->bowl_start_y, s->trainer.config.lr);
    remember_from_here(s);
    return true;
}
