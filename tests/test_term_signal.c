/* test_term_signal.c - the signal handlers of the terminal layer
 * (term_signal.h) without a terminal: a stop signal is recorded and wakes
 * the key wait; SIGWINCH is reported once; a signal ignored on entry
 * stays ignored; removing puts the previous actions back. The ways the
 * process ends (a fatal signal, a second stop signal) run in a child
 * whose stdout is a pipe: the armed reset bytes must come out of it and
 * the child must die of the signal itself. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "term_signal.h"

static bool wake_readable(void)
{
    struct pollfd p = {.fd = term_signal_wake_fd(), .events = POLLIN};
    return p.fd >= 0 && poll(&p, 1, 0) == 1 && (p.revents & POLLIN);
}

static void test_stop_signal_recorded(void **state)
{
    (void)state;
    assert_true(term_signal_install());
    assert_int_equal(term_signal_pending(), 0);
    assert_false(wake_readable());
    raise(SIGUSR1);
    assert_int_equal(term_signal_pending(), SIGUSR1);
    assert_true(wake_readable());
    term_signal_drain();
    assert_false(wake_readable());
    term_signal_remove();
    /* still readable after remove, for the caller to re-raise */
    assert_int_equal(term_signal_pending(), SIGUSR1);
    assert_int_equal(term_signal_wake_fd(), -1);
    /* a new install starts clean */
    assert_true(term_signal_install());
    assert_int_equal(term_signal_pending(), 0);
    term_signal_remove();
}

static void test_resize_reported_once(void **state)
{
    (void)state;
    assert_true(term_signal_install());
    assert_false(term_signal_take_resize());
    raise(SIGWINCH);
    assert_true(wake_readable());
    assert_true(term_signal_take_resize());
    assert_false(term_signal_take_resize());
    assert_int_equal(term_signal_pending(), 0);
    term_signal_remove();
}

static void test_request_keeps_first(void **state)
{
    (void)state;
    assert_true(term_signal_install());
    term_signal_request(SIGHUP);
    term_signal_request(SIGTERM);
    assert_int_equal(term_signal_pending(), SIGHUP);
    term_signal_remove();
}

static void test_previous_actions_back(void **state)
{
    (void)state;
    struct sigaction ign, old;
    memset(&ign, 0, sizeof ign);
    ign.sa_handler = SIG_IGN;
    sigemptyset(&ign.sa_mask);
    sigaction(SIGUSR2, &ign, &old);

    assert_true(term_signal_install());
    raise(SIGUSR2); /* ignored on entry: stays ignored */
    assert_int_equal(term_signal_pending(), 0);
    struct sigaction now;
    sigaction(SIGTERM, NULL, &now);
    assert_true(now.sa_handler != SIG_DFL && now.sa_handler != SIG_IGN);
    sigaction(SIGSEGV, NULL, &now);
    assert_true(now.sa_handler != SIG_DFL);
    term_signal_remove();

    sigaction(SIGTERM, NULL, &now);
    assert_true(now.sa_handler == SIG_DFL);
    sigaction(SIGUSR2, NULL, &now);
    assert_true(now.sa_handler == SIG_IGN);
    sigaction(SIGUSR2, &old, NULL);
}

/* In a child: stdout to the pipe, no core file, sig's default action as
 * the program would find it. */
static void child_setup(int fds[2], int sig)
{
    struct rlimit none = {0, 0};
    setrlimit(RLIMIT_CORE, &none);
    close(fds[0]);
    dup2(fds[1], STDOUT_FILENO);
    signal(sig, SIG_DFL);
}

/* Runs a child with stdout on a pipe: it installs, arms "RESET" and
 * raises sig (twice when twice is true). Returns the child's wait status
 * and what it wrote in out. */
static int run_child(int sig, bool twice, char *out, size_t outlen)
{
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        child_setup(fds, sig);
        if (!term_signal_install())
            _exit(3);
        term_signal_arm("RESET", 5, NULL);
        raise(sig);
        if (twice)
            raise(sig);
        _exit(0);
    }
    close(fds[1]);
    size_t got = 0;
    ssize_t n;
    while (got + 1 < outlen && (n = read(fds[0], out + got, outlen - 1 - got)) > 0)
        got += (size_t)n;
    out[got] = '\0';
    close(fds[0]);
    int status = 0;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    return status;
}

static void test_fatal_signal_writes_reset_and_dies(void **state)
{
    (void)state;
    char out[64];
    int status = run_child(SIGABRT, false, out, sizeof out);
    assert_true(WIFSIGNALED(status));
    assert_int_equal(WTERMSIG(status), SIGABRT);
    assert_string_equal(out, "RESET");
}

static void test_one_stop_signal_waits_for_the_loop(void **state)
{
    (void)state;
    char out[64];
    int status = run_child(SIGUSR1, false, out, sizeof out);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
    assert_string_equal(out, "");
}

static void test_second_stop_signal_ends_at_once(void **state)
{
    (void)state;
    char out[64];
    int status = run_child(SIGQUIT, true, out, sizeof out);
    assert_true(WIFSIGNALED(status));
    assert_int_equal(WTERMSIG(status), SIGQUIT);
    assert_string_equal(out, "RESET");
}

static void test_disarmed_writes_nothing(void **state)
{
    (void)state;
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        child_setup(fds, SIGABRT);
        if (!term_signal_install())
            _exit(3);
        term_signal_arm("RESET", 5, NULL);
        term_signal_disarm(); /* the screen was given back normally */
        raise(SIGABRT);
        _exit(0);
    }
    close(fds[1]);
    char buf[16];
    assert_int_equal(read(fds[0], buf, sizeof buf), 0);
    close(fds[0]);
    int status = 0;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFSIGNALED(status));
    assert_int_equal(WTERMSIG(status), SIGABRT);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_stop_signal_recorded),
        cmocka_unit_test(test_resize_reported_once),
        cmocka_unit_test(test_request_keeps_first),
        cmocka_unit_test(test_previous_actions_back),
        cmocka_unit_test(test_fatal_signal_writes_reset_and_dies),
        cmocka_unit_test(test_one_stop_signal_waits_for_the_loop),
        cmocka_unit_test(test_second_stop_signal_ends_at_once),
        cmocka_unit_test(test_disarmed_writes_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
