/* term_signal.c - the signal handlers of the live program: what happens
 * to the terminal when a signal would end the process (see
 * term_signal.h). Handlers only touch volatile sig_atomic_t flags and
 * make async-signal-safe calls: write(2) of the reset bytes captured at
 * start, tcsetattr(3) of the saved modes, sigaction(2), raise(3). The
 * wait for input (poll(2) on stdin and the wake-up pipe) is here too, so
 * that no signal is slept through. */
#include "term_signal.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#ifndef NSIG
#define NSIG 65
#endif

/* Signals whose default action ends the process and that come from
 * outside (kill, the terminal, a timer, a limit): recorded for the loop. */
static const int stop_signals[] = {
    SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGPIPE, SIGALRM, SIGUSR1, SIGUSR2,
    SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ,
#ifdef SIGPOLL
    SIGPOLL,
#endif
#if defined(__linux__) && defined(SIGSTKFLT)
    SIGSTKFLT,
#endif
#if defined(__linux__) && defined(SIGPWR)
    SIGPWR,
#endif
};

/* Signals that say the program itself went wrong: the terminal is put
 * back from the handler, at once. */
static const int fatal_signals[] = {
    SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGTRAP, SIGSYS,
};

#define COUNT(a) (sizeof (a) / sizeof (a)[0])

static struct {
    volatile sig_atomic_t pending;  /* the stop signal received, or 0 */
    volatile sig_atomic_t resized;  /* SIGWINCH since the last take */
    volatile sig_atomic_t armed;    /* reset bytes to write on a fatal end */
    char reset[TERM_SIGNAL_RESET_MAX];
    size_t reset_len;
    struct termios modes;
    bool modes_valid;
    int wake[2];                    /* the self-pipe: -1 when closed */
    struct sigaction saved[NSIG];   /* the previous actions */
    bool installed[NSIG];
    bool active;
} sigstate = {.wake = {-1, -1}};

/* Gives the terminal back from a handler; only the first call writes. */
static void emergency_restore(void)
{
    if (!sigstate.armed)
        return;
    sigstate.armed = 0;
    const char *p = sigstate.reset;
    size_t left = sigstate.reset_len;
    while (left > 0) {
        ssize_t n = write(STDOUT_FILENO, p, left);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        p += n;
        left -= (size_t)n;
    }
    if (sigstate.modes_valid)
        tcsetattr(STDIN_FILENO, TCSANOW, &sigstate.modes);
}

/* Puts the action sig had before term_signal_install back. */
static void restore_action(int sig)
{
    if (sig > 0 && sig < NSIG && sigstate.installed[sig]) {
        sigaction(sig, &sigstate.saved[sig], NULL);
        sigstate.installed[sig] = false;
    }
}

/* Wakes the key wait (the pipe full: a wake-up is already there). */
static void wake_loop(void)
{
    if (sigstate.wake[1] >= 0) {
        ssize_t unused = write(sigstate.wake[1], "!", 1);
        (void)unused;
    }
}

static void on_fatal_signal(int sig, siginfo_t *info, void *context)
{
    (void)context;
    int saved_errno = errno;
    emergency_restore();
    restore_action(sig);
    /* A fault (si_code > 0) re-executes the instruction and meets the
     * previous action; a signal sent by a process (kill, abort) must be
     * sent again, and so must a trap or a seccomp refusal, which would
     * otherwise carry on after the instruction. */
    if (info == NULL || info->si_code <= 0 || sig == SIGTRAP || sig == SIGSYS)
        raise(sig);
    errno = saved_errno;
}

static void on_stop_signal(int sig)
{
    int saved_errno = errno;
    if (sigstate.pending == 0) {
        sigstate.pending = sig;
        wake_loop();
    } else {
        /* Asked again before the loop reacted: it may be stuck. */
        emergency_restore();
        restore_action(sig);
        raise(sig); /* delivered when this handler returns */
    }
    errno = saved_errno;
}

static void on_resize_signal(int sig)
{
    (void)sig;
    int saved_errno = errno;
    sigstate.resized = 1;
    wake_loop();
    errno = saved_errno;
}

static bool catch_signal(int sig, bool fatal)
{
    struct sigaction old, sa;
    if (sig <= 0 || sig >= NSIG || sigstate.installed[sig])
        return true;
    if (sigaction(sig, NULL, &old) != 0)
        return false;
    if (old.sa_handler == SIG_IGN)
        return true; /* ignored on entry (nohup, background): keep it so */
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    if (fatal) {
        sa.sa_sigaction = on_fatal_signal;
        sa.sa_flags = SA_SIGINFO;
    } else {
        sa.sa_handler = on_stop_signal;
        sa.sa_flags = 0; /* no SA_RESTART: a blocked wait returns */
    }
    if (sigaction(sig, &sa, &sigstate.saved[sig]) != 0)
        return false;
    sigstate.installed[sig] = true;
    return true;
}

static bool make_wake_pipe(void)
{
    if (pipe(sigstate.wake) != 0) {
        sigstate.wake[0] = sigstate.wake[1] = -1;
        return false;
    }
    for (int i = 0; i < 2; i++) {
        int fl = fcntl(sigstate.wake[i], F_GETFL);
        fcntl(sigstate.wake[i], F_SETFL, fl < 0 ? O_NONBLOCK : fl | O_NONBLOCK);
        fcntl(sigstate.wake[i], F_SETFD, FD_CLOEXEC);
    }
    return true;
}

/* Installs the handlers; see term_signal.h. */
bool term_signal_install(void)
{
    if (sigstate.active)
        return true;
    sigstate.pending = 0;
    if (!make_wake_pipe())
        return false;
    sigstate.active = true;
    for (size_t i = 0; i < COUNT(stop_signals); i++)
        catch_signal(stop_signals[i], false);
#if defined(SIGRTMIN) && defined(SIGRTMAX)
    for (int sig = SIGRTMIN; sig <= SIGRTMAX; sig++)
        catch_signal(sig, false);
#endif
    for (size_t i = 0; i < COUNT(fatal_signals); i++)
        catch_signal(fatal_signals[i], true);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_resize_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigstate.resized = 0;
    if (sigaction(SIGWINCH, &sa, &sigstate.saved[SIGWINCH]) == 0)
        sigstate.installed[SIGWINCH] = true;
    return true;
}

/* Puts the previous actions back; see term_signal.h. */
void term_signal_remove(void)
{
    if (!sigstate.active)
        return;
    sigstate.armed = 0;
    for (int sig = 1; sig < NSIG; sig++)
        restore_action(sig);
    for (int i = 0; i < 2; i++) {
        if (sigstate.wake[i] >= 0)
            close(sigstate.wake[i]);
        sigstate.wake[i] = -1;
    }
    sigstate.active = false;
}

/* Arms the fatal path; see term_signal.h. */
void term_signal_arm(const char *reset, size_t len, const struct termios *modes)
{
    sigstate.armed = 0; /* a handler never sees half a copy */
    if (reset == NULL || len > sizeof sigstate.reset)
        len = 0;
    if (len > 0)
        memcpy(sigstate.reset, reset, len);
    sigstate.reset_len = len;
    sigstate.modes_valid = modes != NULL;
    if (modes != NULL)
        sigstate.modes = *modes;
    sigstate.armed = 1;
}

/* Disarms the fatal path; see term_signal.h. */
void term_signal_disarm(void)
{
    sigstate.armed = 0;
}

/* The recorded stop signal; see term_signal.h. */
int term_signal_pending(void)
{
    return sigstate.pending;
}

/* Records a stop request; see term_signal.h. */
void term_signal_request(int sig)
{
    if (sigstate.pending == 0)
        sigstate.pending = sig;
}

/* The wake-up descriptor; see term_signal.h. */
int term_signal_wake_fd(void)
{
    return sigstate.wake[0];
}

/* Empties the wake-up pipe; see term_signal.h. */
void term_signal_drain(void)
{
    char buf[64];
    if (sigstate.wake[0] < 0)
        return;
    while (read(sigstate.wake[0], buf, sizeof buf) > 0)
        continue;
}

/* The resize flag, cleared; see term_signal.h. */
bool term_signal_take_resize(void)
{
    if (!sigstate.resized)
        return false;
    sigstate.resized = 0;
    return true;
}

enum term_wait term_signal_wait_input(int timeout_ms)
{
    struct pollfd fds[2] = {
        {.fd = STDIN_FILENO, .events = POLLIN},
        {.fd = term_signal_wake_fd(), .events = POLLIN},
    };
    int n = poll(fds, fds[1].fd >= 0 ? 2 : 1, timeout_ms < 0 ? -1 : timeout_ms);
    if (n < 0)
        return TERM_WAIT_INTERRUPTED; /* EINTR: SIGWINCH, SIGTSTP/SIGCONT, ... */
    if (n == 0)
        return TERM_WAIT_TIMEOUT;
    if (fds[0].revents & (POLLHUP | POLLERR | POLLNVAL))
        return TERM_WAIT_GONE;
    if (fds[1].fd >= 0 && (fds[1].revents & POLLIN)) {
        term_signal_drain();
        return TERM_WAIT_INTERRUPTED;
    }
    return TERM_WAIT_INPUT;
}

bool term_signal_input_empty(void)
{
    int pending = 0;
    return ioctl(STDIN_FILENO, FIONREAD, &pending) != 0 || pending <= 0;
}
