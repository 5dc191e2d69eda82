/* cost_log.c - the per-update costs and setting marks of cost_log.h:
 * plain arrays, the older half dropped when the updates fill up. */
#include "cost_log.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool cost_log_init(struct cost_log *log)
{
    memset(log, 0, sizeof *log);
    log->updates = malloc(COST_LOG_UPDATES * sizeof *log->updates);
    return log->updates != NULL;
}

void cost_log_free(struct cost_log *log)
{
    free(log->updates);
    log->updates = NULL;
    log->len = 0;
    log->nmarks = 0;
}

void cost_log_clear(struct cost_log *log)
{
    log->len = 0;
    log->nmarks = 0;
}

void cost_log_add(struct cost_log *log, size_t position, double cost)
{
    if (cost_log_room(log) == 0)
        return;
    log->updates[log->len].position = position;
    log->updates[log->len].cost = cost;
    log->len++;
}

size_t cost_log_room(struct cost_log *log)
{
    if (!log->updates)
        return 0;
    if (log->len == COST_LOG_UPDATES) {
        size_t keep = COST_LOG_UPDATES / 2;
        memmove(log->updates, log->updates + (log->len - keep), keep * sizeof *log->updates);
        log->len = keep;
    }
    return COST_LOG_UPDATES - log->len;
}

void cost_log_mark(struct cost_log *log, size_t position, double lr_before,
                   double lr_after, enum loss loss_before, enum loss loss_after,
                   enum activation act_before, enum activation act_after,
                   size_t batch_before, size_t batch_after)
{
    char text[4][32];
    unsigned kinds = 0;
    if (lr_before != lr_after) {
        snprintf(text[MARK_LR], sizeof text[0], "lr %g", lr_after);
        kinds |= 1u << MARK_LR;
    }
    if (loss_before != loss_after) {
        snprintf(text[MARK_LOSS], sizeof text[0], "%s", loss_name(loss_after));
        kinds |= 1u << MARK_LOSS;
    }
    if (act_before != act_after) {
        snprintf(text[MARK_ACTIVATION], sizeof text[0], "%s", activation_name(act_after));
        kinds |= 1u << MARK_ACTIVATION;
    }
    if (batch_before != batch_after) {
        if (batch_after == 0)
            snprintf(text[MARK_BATCH], sizeof text[0], "batch full");
        else
            snprintf(text[MARK_BATCH], sizeof text[0], "batch %zu", batch_after);
        kinds |= 1u << MARK_BATCH;
    }
    if (!kinds || position == 0)
        return; /* nothing trained yet: nothing to mark */
    struct setting_mark *m = log->nmarks ? &log->marks[log->nmarks - 1] : NULL;
    if (!m || m->position != position) {
        if (log->nmarks == COST_LOG_MARKS) {
            memmove(log->marks, log->marks + 1, (COST_LOG_MARKS - 1) * sizeof log->marks[0]);
            log->nmarks--;
        }
        m = &log->marks[log->nmarks++];
        memset(m, 0, sizeof *m);
        m->position = position;
    }
    for (int k = 0; k < 4; k++)
        if (kinds & (1u << k))
            memcpy(m->text[k], text[k], sizeof text[k]);
    m->kinds |= kinds;
}

void cost_log_label(const struct setting_mark *m, char *buf, size_t size)
{
    size_t len = 0;
    if (size == 0)
        return;
    buf[0] = '\0';
    for (int k = 0; k < 4 && len < size; k++)
        if (m->kinds & (1u << k)) {
            int w = snprintf(buf + len, size - len, "%s%s", len ? ", " : "", m->text[k]);
            if (w < 0)
                break;
            len += (size_t)w;
        }
}

void cost_log_cut(struct cost_log *log, size_t position)
{
    while (log->len > 0 && log->updates[log->len - 1].position > position)
        log->len--;
    for (size_t i = 0; i < log->nmarks; i++)
        if (log->marks[i].position > position)
            log->marks[i].position = position;
}

size_t cost_log_last_loss_change(const struct cost_log *log)
{
    for (size_t i = log->nmarks; i-- > 0;)
        if (log->marks[i].kinds & (1u << MARK_LOSS))
            return log->marks[i].position;
    return 0;
}
