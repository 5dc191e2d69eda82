/* app.h - the live terminal program: the event loop that trains one
 * session, reads keys through the key table and redraws the views. */
#ifndef DESCENT_APP_H
#define DESCENT_APP_H

#include <stddef.h>

#include "options.h"

/* Runs the TUI on the controlling terminal until the user quits.
 * Returns 0 after q or Esc. Returns 2 with a one-line message in err (no
 * "descent: " prefix) when the data cannot be loaded or the terminal
 * cannot start; the terminal is already restored when it returns.
 * On a stop signal (SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, ...: see
 * term_signal.h) it restores the terminal, closes the record file, frees
 * everything and then re-raises the signal with its default action, so
 * the process ends with the usual status (130, 143, 129, 131, ...) and
 * app_run does not return. A terminal that goes away counts as SIGHUP.
 * (A signal ignored when the program started stays ignored.) */
int app_run(const struct options *o, char *err, size_t errlen);

#endif
