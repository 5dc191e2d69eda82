/* key_echo.c - the yardstick for bench/tui_bench.sh's key times: a
 * program that answers a key at once. It puts the terminal in raw mode
 * and, for every byte it reads, appends a line "KEY_US" to FILE: the
 * CLOCK_REALTIME microseconds (the clock of `date +%s%N`) right after the
 * read, so that the bench can time tmux delivering a key alone, the same
 * way it times descent. Ends on q or end of input.
 * Usage: key_echo FILE */

#include <stdio.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: key_echo FILE\n");
        return 2;
    }
    FILE *log = fopen(argv[1], "w");
    if (log == NULL) {
        perror(argv[1]);
        return 1;
    }
    setvbuf(log, NULL, _IOLBF, 0);
    struct termios saved, raw;
    int tty = tcgetattr(0, &saved) == 0;
    if (tty) {
        raw = saved;
        raw.c_lflag &= (tcflag_t)~(ICANON | ECHO);
        raw.c_cc[VMIN] = 1;
        raw.c_cc[VTIME] = 0;
        tcsetattr(0, TCSANOW, &raw);
    }
    printf("epoch: ready\n");
    fflush(stdout);
    unsigned char c;
    while (read(0, &c, 1) == 1) {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        fprintf(log, "%lld\n", (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000);
        if (c == 'q')
            break;
    }
    if (tty)
        tcsetattr(0, TCSANOW, &saved);
    fclose(log);
    return 0;
}
