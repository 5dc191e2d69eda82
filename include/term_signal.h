/* term_signal.h - the signal side of the terminal layer: every signal
 * whose default action ends the process gives the terminal back before
 * the process ends. No curses here (term.c owns the screen); one set of
 * handlers per process, so the state is global.
 *
 * Two kinds of signal:
 *  - stop signals (SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGPIPE, SIGALRM,
 *    SIGUSR1, SIGUSR2, SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ, SIGPOLL,
 *    Linux's SIGSTKFLT and SIGPWR, the real-time signals) only record
 *    the signal and wake the key wait; the loop then restores the
 *    terminal, frees what it holds and re-raises the signal with its
 *    previous action. A second stop signal before the loop has reacted
 *    does what a fatal one does.
 *  - fatal signals (SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGTRAP,
 *    SIGSYS) write the armed reset bytes and put the saved terminal modes
 *    back at once (write(2) and tcsetattr(3) only), then take their
 *    previous course.
 * SIGWINCH is caught here too (curses then leaves it alone): it sets a
 * flag and wakes the key wait, so a resize is never slept through.
 * A signal ignored when the handlers were installed stays ignored. */
#ifndef DESCENT_TERM_SIGNAL_H
#define DESCENT_TERM_SIGNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <termios.h>

/* Installs the handlers and the pipe that wakes the key wait, clearing
 * any earlier request. Returns false when the pipe cannot be made (no
 * handler is installed then). */
bool term_signal_install(void);

/* Puts the previous actions back and closes the pipe; the recorded
 * signal stays readable with term_signal_pending. Safe to call when
 * nothing is installed. */
void term_signal_remove(void);

/* The longest reset sequence term_signal_arm keeps. */
#define TERM_SIGNAL_RESET_MAX 1024

/* From now on a fatal signal (or a second stop signal) writes reset[0..len)
 * to stdout and sets modes (when not NULL) on stdin before the process
 * ends. The bytes and modes are copied; len is at most
 * TERM_SIGNAL_RESET_MAX (a longer sequence is not written at all). */
void term_signal_arm(const char *reset, size_t len, const struct termios *modes);

/* The screen has been given back normally: nothing to write any more. */
void term_signal_disarm(void);

/* The stop signal received since term_signal_install, or 0. */
int term_signal_pending(void);

/* Records sig as if it had been received (used when the terminal goes
 * away without a SIGHUP); ignored when a signal is already recorded. */
void term_signal_request(int sig);

/* The descriptor that becomes readable when a stop signal or SIGWINCH
 * arrives: for select(2) beside stdin. -1 when the handlers are not
 * installed. */
int term_signal_wake_fd(void);

/* Reads whatever is in the wake-up pipe, so that the next select(2)
 * waits again; call it before looking at the flags. */
void term_signal_drain(void);

/* True (once) when SIGWINCH arrived since the last call. */
bool term_signal_take_resize(void);

/* What term_signal_wait_input saw. */
enum term_wait {
    TERM_WAIT_INPUT,       /* stdin has something to read */
    TERM_WAIT_TIMEOUT,     /* nothing within the time */
    TERM_WAIT_INTERRUPTED, /* a stop signal, SIGWINCH or another signal */
    TERM_WAIT_GONE         /* the terminal hung up, or stdin is closed */
};

/* Waits up to timeout_ms (< 0: no limit) for input on stdin or a wake-up
 * from a stop signal or SIGWINCH. A signal that arrives before the wait
 * starts has already written to the wake-up pipe, so none is ever slept
 * through; the pipe is drained when it woke the wait. */
enum term_wait term_signal_wait_input(int timeout_ms);

/* True when stdin has nothing to read although a wait said it had: after
 * many such turns in a row the caller may take the input as dead (a read
 * error that poll does not report as a hangup). */
bool term_signal_input_empty(void);

#endif
