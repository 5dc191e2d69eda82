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
 * On SIGINT, SIGTERM or SIGHUP it restores the terminal, frees everything
 * and then re-raises the signal with its default action, so the process
 * ends with the usual status (130, 143, 129) and app_run does not return.
 * (A signal ignored when the program started stays ignored.) */
int app_run(const struct options *o, char *err, size_t errlen);

#endif
