/* control_internal.h - what control.c and control_select.c share, and
 * nobody else: the notice line, the state after a reset, and the x, y, c
 * actions with the table caches they keep. */
#ifndef DESCENT_CONTROL_INTERNAL_H
#define DESCENT_CONTROL_INTERNAL_H

#include <stdbool.h>

#include "control.h"
#include "keymap.h"

/* printf into c->notice (one transient line). */
void control_notice(struct control *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* After a reset (r, i, x, y, c): the limit and the divergence are gone;
 * a run paused by them starts again. */
void control_after_reset(struct control *c);

/* x / y: the next numeric column after the current one on that axis,
 * skipping the label column and the other axis' column; c: the next pair
 * (i < j, in order of first appearance) of distinct values of the label
 * column. Both reset the training; the notice says what happened. */
unsigned control_cycle_feature(struct control *c, bool x_axis);
unsigned control_cycle_classes(struct control *c);

/* o, f, k, K, R (control_lab.c): the surface's optimizer, the surface,
 * the stretched bowl's kappa, the race; the notice says what happened. */
unsigned control_lab_action(struct control *c, enum action action);
/* The race on (allocated; false when out of memory) or off (freed). */
bool control_lab_open(struct control *c, bool race);
/* F, Enter (control_lab_action) and Esc: the range test's curve closed
 * (freed; a notice says so when one was shown), and after action a shown
 * curve run again when what it depends on changed: the activation, loss,
 * batch, shuffle, init or seed, or the data (x, y, c, L). */
unsigned control_lab_close_lr_find(struct control *c);
void control_lab_follow_lr_find(struct control *c, enum action action);

/* Forgets the cached numeric columns and classes (a new table). */
void control_forget_table(struct control *c);

#endif
