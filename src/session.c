/* session.c - keeps the table, the selected samples, the trainer and the
 * bowl consistent while the user changes columns, classes and settings. */
#include "session.h"

#include <stdio.h>
#include <string.h>

static bool load_table(const struct options *o, struct table *t, char *err,
                       size_t errlen)
{
    if (o->data_path)
        return table_load_file(o->data_path, t, err, errlen);
    return table_load_buffer("iris.csv (built in)", iris_csv, iris_csv_len, t,
                             err, errlen);
}

/* Points the selection's strings at the dataset's own trimmed copies, so
 * they stay valid (and match the table) whatever the caller's strings were. */
static void anchor_selection(const struct dataset *d, struct selection *sel)
{
    sel->x_column = d->x_name;
    sel->y_column = d->y_name;
    sel->label_column = d->label_name;
    sel->class_a = d->class_name[0];
    sel->class_b = d->class_name[1];
}

bool session_open(struct session *s, const struct options *o, char *err,
                  size_t errlen)
{
    memset(s, 0, sizeof *s);
    if (!load_table(o, &s->table, err, errlen))
        return false;
    s->selection = o->selection;
    if (!dataset_select(&s->table, &s->selection, &s->data, err, errlen)) {
        table_free(&s->table);
        return false;
    }
    anchor_selection(&s->data, &s->selection);
    if (!trainer_init(&s->trainer, &s->data, &o->train)) {
        snprintf(err, errlen, "out of memory");
        dataset_free(&s->data);
        table_free(&s->table);
        return false;
    }
    s->bowl_start_x = o->start_x;
    s->bowl_start_y = o->start_y;
    bowl_start(&s->bowl, s->bowl_start_x, s->bowl_start_y, o->train.lr);
    return true;
}

void session_close(struct session *s)
{
    trainer_free(&s->trainer);
    dataset_free(&s->data);
    table_free(&s->table);
}

bool session_select(struct session *s, const struct selection *sel, char *err,
                    size_t errlen)
{
    struct dataset fresh;
    struct trainer trainer;
    if (!dataset_select(&s->table, sel, &fresh, err, errlen))
        return false;
    if (!trainer_init(&trainer, &fresh, &s->trainer.config)) {
        dataset_free(&fresh);
        snprintf(err, errlen, "out of memory");
        return false;
    }
    bool standardize = sel->standardize; /* sel may point into the old data */
    trainer_free(&s->trainer);
    dataset_free(&s->data);
    s->data = fresh;
    s->trainer = trainer;
    s->trainer.data = &s->data; /* the dataset moved into the session */
    anchor_selection(&s->data, &s->selection);
    s->selection.standardize = standardize;
    bowl_start(&s->bowl, s->bowl_start_x, s->bowl_start_y, s->trainer.config.lr);
    return true;
}

void session_epoch(struct session *s)
{
    trainer_epoch(&s->trainer);
    bowl_step(&s->bowl);
}

void session_step_batch(struct session *s)
{
    if (trainer_step_batch(&s->trainer))
        bowl_step(&s->bowl);
}

void session_configure(struct session *s, const struct train_config *config)
{
    bool new_lr = config->lr != s->trainer.config.lr;
    trainer_configure(&s->trainer, config);
    if (new_lr)
        bowl_start(&s->bowl, s->bowl_start_x, s->bowl_start_y, config->lr);
}

void session_reset(struct session *s)
{
    trainer_reset(&s->trainer);
    bowl_start(&s->bowl, s->bowl_start_x, s->bowl_start_y, s->trainer.config.lr);
}
