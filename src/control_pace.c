/* control_pace.c - how fast the live run trains: a frame's training,
 * minibatch by minibatch, a large batch piece by piece, within its time
 * budget (so an epoch and a batch may span frames, bit for bit the same
 * run), and the speed keys ] and [, from
 * 65536 epochs a frame down to one, then the slow pace of 15 to 1 epochs
 * a second. */
#include "control.h"

#include "control_internal.h"
#include "util.h"

/* The slow pace below one epoch per frame (about 30 per second), in
 * epochs per second: ] goes up it towards one epoch per frame. */
static const unsigned slow_speeds[] = {1, 2, 4, 8, 15};
#define SLOW_SPEEDS (sizeof slow_speeds / sizeof slow_speeds[0])

unsigned control_change_speed(struct control *c, int dir)
{
    unsigned *eps = &c->epochs_per_second;
    if (dir > 0 && *eps == 0 && c->epochs_per_frame >= MAX_EPOCHS_PER_FRAME) {
        control_notice(c, "speed is already the fastest: %u epochs per frame",
                       c->epochs_per_frame);
        return CONTROL_REDRAW;
    }
    if (dir < 0 && *eps == slow_speeds[0]) {
        control_notice(c, "speed is already the slowest: 1 epoch per second");
        return CONTROL_REDRAW;
    }
    size_t i = 0;
    while (*eps > 0 && i < SLOW_SPEEDS && slow_speeds[i] < *eps)
        i++;
    if (dir > 0 && *eps > 0)
        *eps = i + 1 < SLOW_SPEEDS ? slow_speeds[i + 1] : 0;
    else if (dir > 0 && c->epochs_per_frame < MAX_EPOCHS_PER_FRAME)
        c->epochs_per_frame *= 2;
    else if (dir < 0 && *eps > 0)
        *eps = i > 0 ? slow_speeds[i - 1] : slow_speeds[0];
    else if (dir < 0 && c->epochs_per_frame > MIN_EPOCHS_PER_FRAME)
        c->epochs_per_frame /= 2;
    else if (dir < 0)
        *eps = slow_speeds[SLOW_SPEEDS - 1];
    c->epoch_due_ms = 0.0; /* the new pace starts at once */
    if (*eps > 0)
        control_notice(c, "speed: %u epoch%s per second%s", *eps,
                       *eps == 1 ? "" : "s", *eps == slow_speeds[0] ? " (the slowest)" : "");
    else
        control_notice(c, "speed: %u epoch%s per frame", c->epochs_per_frame,
                       c->epochs_per_frame == 1 ? "" : "s");
    return CONTROL_REDRAW;
}

/* Samples trained between two looks at the clock: at batch 1 a look
 * after every batch would cost as much as the batch. */
#define CLOCK_EVERY_SAMPLES 4096u

/* The most samples of one batch summed before the clock may be read: a
 * larger batch spans frames (trainer_step_part), so a frame's training
 * ends at most one piece after its budget (about 0.25 ms with a hidden
 * layer of 8 units). A multiple of NEURON_LANES. */
#define TRAIN_PIECE_SAMPLES 4096u

/* Slow speeds (below one epoch per frame): whether the next epoch may
 * begin now; an epoch under way always goes on. Sets when the one after
 * it may begin. */
static bool slow_epoch_due(struct control *c)
{
    if (c->epochs_per_second == 0 || c->session.trainer.next > 0
        || trainer_batch_in_progress(&c->session.trainer))
        return true;
    double now = util_now_ms(), period = 1000.0 / c->epochs_per_second;
    if (now < c->epoch_due_ms)
        return false;
    c->epoch_due_ms = c->epoch_due_ms + period < now ? now + period
                                                     : c->epoch_due_ms + period;
    return true;
}

void control_train_frame(struct control *c, double budget_ms,
                         const struct position *stop)
{
    double start = util_now_ms();
    struct position here = control_position(c);
    if (!slow_epoch_due(c))
        return;
    unsigned epochs = c->epochs_per_second > 0 ? 1u : c->epochs_per_frame;
    struct position end = {here.epoch + epochs, 0};
    if (stop != NULL && position_before(*stop, end))
        end = *stop;
    size_t batch = trainer_batch_size(&c->session.trainer), samples = 0;
    while (position_before(control_position(c), end) && !control_blocked(c)) {
        if (batch > TRAIN_PIECE_SAMPLES) {
            /* A large batch, a piece at a time: it may span frames. */
            session_step_part(&c->session, TRAIN_PIECE_SAMPLES);
            samples += TRAIN_PIECE_SAMPLES;
        } else {
            /* Up to the next look at the clock or the stop in this epoch,
             * in one call (the batch-1 loop at batch 1): the same
             * minibatches. */
            struct position now = control_position(c);
            size_t want = CLOCK_EVERY_SAMPLES - samples, trained;
            if (now.epoch == end.epoch && end.next - now.next < want)
                want = end.next - now.next;
            session_step_samples(&c->session, want, &trained);
            samples += trained;
        }
        if (samples >= CLOCK_EVERY_SAMPLES) {
            samples = 0;
            if (util_now_ms() - start > budget_ms)
                break;
        }
    }
    control_check_stops(c);
}
