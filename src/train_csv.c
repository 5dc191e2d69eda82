/* train_csv.c - one training run's CSV header and rows (train_csv.h). */
#include "train_csv.h"

#include <string.h>

/* A schedule other than constant adds the lr column, last. */
static bool lr_column(const struct trainer *t)
{
    return t->config.schedule.kind != SCHEDULE_CONSTANT;
}

size_t train_csv_width(const struct trainer *t)
{
    return 1 + t->nparams + 1 + (t->data->n_test > 0 ? 2 : 0) + (lr_column(t) ? 1 : 0);
}

int train_csv_header(FILE *out, const struct trainer *t)
{
    char line[64 + 8 * TRAIN_CSV_VALUES_MAX] = "epoch,cost";
    size_t used = strlen(line);
    for (size_t k = 0; k < t->nparams && used + 16 < sizeof line; k++) {
        line[used++] = ',';
        trainer_param_name(t, k, line + used, sizeof line - used);
        used += strlen(line + used);
    }
    bool regression = t->data->regression;
    snprintf(line + used, sizeof line - used, "%s%s%s\n",
             regression ? ",r2" : ",accuracy",
             t->data->n_test == 0 ? ""
             : regression         ? ",test_cost,test_r2"
                                  : ",test_cost,test_accuracy",
             lr_column(t) ? ",lr" : "");
    return fputs(line, out);
}

void train_csv_values(const struct trainer *t, double *values)
{
    size_t k = 0;
    values[k++] = t->last_cost;
    for (size_t j = 0; j < t->nparams; j++)
        values[k++] = t->theta[j];
    bool regression = t->data->regression;
    values[k++] = regression ? trainer_r2(t) : trainer_accuracy(t);
    if (t->data->n_test > 0) {
        values[k++] = trainer_test_cost(t);
        values[k++] = regression ? trainer_test_r2(t) : trainer_test_accuracy(t);
    }
    if (lr_column(t)) /* the lr the epoch just finished trained at */
        values[k++] = schedule_lr(&t->config.schedule, t->config.lr, t->epoch);
}

int train_csv_row(FILE *out, size_t epoch, const double *values, size_t count)
{
    int total = fprintf(out, "%zu", epoch);
    for (size_t k = 0; total >= 0 && k < count; k++) {
        int n = fprintf(out, ",%.17g", values[k]);
        total = n < 0 ? n : total + n;
    }
    if (total >= 0) {
        int n = fputc('\n', out) == EOF ? -1 : 1;
        total = n < 0 ? n : total + n;
    }
    return total;
}
