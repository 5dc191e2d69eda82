/* headless.c - the --headless modes: the same trainer and bowl as the
 * screen, printed as CSV rows with every digit (%.17g) for checking. */
#include "headless.h"

#include <stdlib.h>

#include "bowl.h"
#include "session.h"

static bool wanted(size_t i, size_t every, size_t last)
{
    return i % every == 0 || i == last;
}

bool headless_train(const struct options *o, FILE *out, char *err, size_t errlen)
{
    struct session s;
    if (!session_open(&s, o, err, errlen))
        return false;
    struct trainer *t = &s.trainer;
    fputs("epoch,cost,w1,w2,b,accuracy\n", out);
    for (size_t e = 1; e <= o->epochs; e++) {
        trainer_epoch(t);
        if (wanted(e, o->every, o->epochs))
            fprintf(out, "%zu,%.17g,%.17g,%.17g,%.17g,%.17g\n", t->epoch,
                    t->last_cost, t->neuron.w1, t->neuron.w2, t->neuron.b,
                    trainer_accuracy(t));
    }
    session_close(&s);
    return true;
}

bool headless_bowl(const struct options *o, FILE *out, char *err, size_t errlen)
{
    (void)err;
    (void)errlen;
    struct bowl *b = malloc(sizeof *b);
    if (!b) {
        snprintf(err, errlen, "out of memory");
        return false;
    }
    bowl_start(b, o->start_x, o->start_y, o->train.lr);
    fputs("step,x,y,f\n", out);
    for (size_t k = 0;; k++) {
        if (wanted(k, o->every, o->epochs))
            fprintf(out, "%zu,%.17g,%.17g,%.17g\n", k, b->x, b->y, bowl_f(b->x, b->y));
        if (k == o->epochs)
            break;
        bowl_step(b);
    }
    free(b);
    return true;
}
