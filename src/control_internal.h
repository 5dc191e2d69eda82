/* control_internal.h - what control.c and control_select.c share, and
 * nobody else: the notice line, the state after a reset, and the x, y, c
 * actions with the table caches they keep; the pace (control_pace.c). */
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

/* The learning rates +, - and = may set. */
#define LR_MIN 1e-6
#define LR_MAX 1e6

/* Esc, = and z (control_overlay.c): close what is open, open the
 * learning-rate prompt, zoom the next panel; the notice says what
 * happened. control_prompt_key takes every key while the prompt is open
 * (Enter applies, Esc cancels, Backspace, printable characters). */
unsigned control_overlay_action(struct control *c, enum action action);
unsigned control_prompt_key(struct control *c, int key);
/* The speeds ] and [ move between: epochs per frame. */
#define MIN_EPOCHS_PER_FRAME 1u
#define MAX_EPOCHS_PER_FRAME 65536u

/* Whether training may go on (false at the epoch limit or diverged), and
 * the pause that follows training when it may not. */
bool control_blocked(const struct control *c);
void control_check_stops(struct control *c);

/* ] (dir > 0) and [ (control_pace.c): epochs per frame x2 / /2 down to
 * 1, then the slow pace down to 1 epoch per second; the notice says the
 * new speed. */
unsigned control_change_speed(struct control *c, int dir);
/* h, H, j (control_hidden.c): the number of hidden units (a fresh run),
 * their activation (the weights stay), the unit whose formula the network
 * panel shows; the notice says what happened. */
unsigned control_hidden_action(struct control *c, enum action action);

/* Forgets the cached numeric columns and classes (a new table). */
void control_forget_table(struct control *c);

#endif
