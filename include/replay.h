/* replay.h - playing a record file back (recording.h): each event is
 * applied through control.c exactly at the training position it was
 * recorded at, so the run reaches the same weights bit for bit at any
 * speed. The TUI (app.c) paces the events; replay_headless needs no
 * terminal. */
#ifndef DESCENT_REPLAY_H
#define DESCENT_REPLAY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "control.h"
#include "options.h"
#include "recording.h"

/* Applies one recorded event (not the end line) to c, as the key or
 * click did when recorded; returns CONTROL_* flags. The caller has
 * brought c to the event's position first (control_step_toward). */
unsigned replay_apply(struct control *c, const struct record_event *e);

/* The position an event was recorded at. */
struct position replay_position(const struct record_event *e);

/* Plays the record file at path without a terminal, starting from o with
 * the recorded settings in place of o's, up to its last event (a quit
 * ends its events), then on to the run's last epoch (--epochs when given
 * on the command line, else the recorded epochs; 0: none), and writes the run's CSV as --headless does: the header
 * epoch,cost,w1,w2,b,accuracy and a row for every o->every-th epoch of
 * the run and the last. Rows are streamed: a row is written once it is
 * older than REWIND_CAPACITY epochs (no rewind can reach it), the rest
 * at the end, so memory does not grow with the epochs; epochs undone by
 * the left arrow or a reset are left out unless already written (a
 * reset after more than REWIND_CAPACITY epochs: the rows written stay,
 * the new run's follow). When the file has an end line, the final
 * position and weights must be its own, bit for bit. false with err
 * ("FILE:LINE: reason") on a bad file or an event the run cannot reach;
 * nothing is written then, except the rows streamed before a late
 * failure of a run longer than REWIND_CAPACITY epochs. */
bool replay_headless(const struct options *o, const char *path, FILE *out,
                     char *err, size_t errlen);

#endif
