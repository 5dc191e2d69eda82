/* schedule.c - the learning-rate schedules of schedule.h. */
#include "schedule.h"

#include <math.h>
#include <string.h>

static const char *const names[SCHEDULE_COUNT] = {"constant", "step", "exp", "cosine"};

struct schedule schedule_default(void)
{
    return (struct schedule){SCHEDULE_CONSTANT, 0.5, 100};
}

double schedule_lr(const struct schedule *s, double lr, size_t epoch)
{
    size_t e = epoch ? epoch - 1 : 0, k = s->every ? s->every : 1;
    switch (s->kind) {
    case SCHEDULE_STEP:
        return lr * pow(s->decay, (double)(e / k));
    case SCHEDULE_EXP:
        return lr * pow(s->decay, (double)e / (double)k);
    case SCHEDULE_COSINE:
        return lr * (0.5 * (1.0 + cos(M_PI * (double)(e % k) / (double)k)));
    case SCHEDULE_CONSTANT:
    case SCHEDULE_COUNT:
        break;
    }
    return lr;
}

const char *schedule_name(enum schedule_kind k)
{
    return (unsigned)k < SCHEDULE_COUNT ? names[k] : "?";
}

bool schedule_parse(const char *name, enum schedule_kind *k)
{
    for (int i = 0; i < SCHEDULE_COUNT; i++)
        if (strcmp(name, names[i]) == 0) {
            *k = (enum schedule_kind)i;
            return true;
        }
    return false;
}
