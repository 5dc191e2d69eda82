/* term.c - the terminal layer, the only file of descent that includes
 * curses (ncursesw). It owns the curses screen: start and restore, colour
 * pairs allocated on demand, copying a struct canvas to the screen (only
 * the cells that changed since the last copy; curses then sends only what
 * differs on the terminal), reading keys, and the signal handlers.
 *
 * Signals: SIGINT, SIGTERM and SIGHUP only set a flag the event loop
 * polls (term_stop_signal); nothing is drawn in a handler. Fatal signals
 * (SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT) put the terminal back with
 * async-signal-safe calls only - write() of the terminfo strings captured
 * at start, tcsetattr() of the saved modes - then let the signal take its
 * previous course. */
#include <curses.h> /* also declares tigetstr */
/* setupterm and del_curterm live in ncurses' term.h, which -Iinclude
 * would shadow with ours: reach it through its directory when there. */
#ifdef __has_include
#if __has_include(<ncursesw/term.h>)
#include <ncursesw/term.h>
#define HAVE_TERMINFO_HEADER
#elif __has_include(<ncurses/term.h>)
#include <ncurses/term.h>
#define HAVE_TERMINFO_HEADER
#endif
#endif

#include <errno.h>
#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>

#include "term.h"
#include "keymap.h"

/* Signals that ask the program to stop, and those that kill it. */
static const int stop_signals[] = {SIGINT, SIGTERM, SIGHUP};
static const int fatal_signals[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};
#define NSTOP (sizeof stop_signals / sizeof stop_signals[0])
#define NFATAL (sizeof fatal_signals / sizeof fatal_signals[0])

static volatile sig_atomic_t stop_requested; /* the signal number, or 0 */
static volatile sig_atomic_t screen_active;  /* between init and restore */

static struct sigaction saved_stop[NSTOP];
static struct sigaction saved_fatal[NFATAL];
static bool handlers_installed;

static struct termios saved_modes; /* the terminal's modes before init */
static bool saved_modes_valid;
static char fatal_reset[512];      /* sgr0, cnorm, rmkx, rmcup */
static size_t fatal_reset_len;

static SCREEN *screen;
static bool use_utf8;
static bool use_colour;
static bool default_colours;       /* use_default_colors() worked */
static short pair_of[COLOUR_COUNT][COLOUR_COUNT]; /* 0: not allocated */
static bool pair_failed[COLOUR_COUNT][COLOUR_COUNT];
static int next_pair = 1;

static struct cell *shadow;        /* what the last blit put on stdscr */
static int shadow_width, shadow_height;
static bool repaint_all = true;    /* the shadow cannot be trusted */
static bool atexit_registered;
static int click_x = -1, click_y = -1; /* the last click's cell */

static void on_stop_signal(int sig)
{
    stop_requested = sig;
}

static void on_fatal_signal(int sig, siginfo_t *info, void *context)
{
    (void)context;
    if (screen_active) {
        screen_active = 0;
        if (fatal_reset_len > 0) {
            ssize_t unused = write(STDOUT_FILENO, fatal_reset, fatal_reset_len);
            (void)unused;
        }
        if (saved_modes_valid)
            tcsetattr(STDIN_FILENO, TCSANOW, &saved_modes);
    }
    for (size_t i = 0; i < NFATAL; i++)
        if (fatal_signals[i] == sig)
            sigaction(sig, &saved_fatal[i], NULL);
    /* A fault re-executes the instruction and meets the previous action;
     * a signal sent by a process (kill, abort) must be sent again. */
    if (info == NULL || info->si_code <= 0)
        raise(sig);
}

static void install_handlers(void)
{
    struct sigaction sa;

    stop_requested = 0;
    for (size_t i = 0; i < NSTOP; i++) {
        sigaction(stop_signals[i], NULL, &saved_stop[i]);
        if (saved_stop[i].sa_handler == SIG_IGN)
            continue; /* ignored on entry (nohup, background): keep it so */
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_stop_signal;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = 0; /* no SA_RESTART: a blocked wait returns */
        sigaction(stop_signals[i], &sa, NULL);
    }
    for (size_t i = 0; i < NFATAL; i++) {
        memset(&sa, 0, sizeof sa);
        sa.sa_sigaction = on_fatal_signal;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_SIGINFO;
        sigaction(fatal_signals[i], &sa, &saved_fatal[i]);
    }
    handlers_installed = true;
}

static void remove_handlers(void)
{
    if (!handlers_installed)
        return;
    for (size_t i = 0; i < NSTOP; i++)
        sigaction(stop_signals[i], &saved_stop[i], NULL);
    for (size_t i = 0; i < NFATAL; i++)
        sigaction(fatal_signals[i], &saved_fatal[i], NULL);
    handlers_installed = false;
}

/* Appends a terminfo string capability, if the terminal has it, to the
 * sequence the fatal handler writes. */
static void capture_reset_string(const char *capname)
{
    char *s = tigetstr(capname);
    if (s == NULL || s == (char *)-1)
        return;
    size_t len = strlen(s);
    if (fatal_reset_len + len >= sizeof fatal_reset)
        return;
    memcpy(fatal_reset + fatal_reset_len, s, len);
    fatal_reset_len += len;
}

static bool locale_is_utf8(void)
{
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL &&
           (strcasecmp(codeset, "UTF-8") == 0 || strcasecmp(codeset, "utf8") == 0);
}

static void set_error(char *err, size_t errlen, const char *msg)
{
    if (err != NULL && errlen > 0)
        snprintf(err, errlen, "%s", msg);
}

/* Starts full-screen mode; see term.h. */
bool term_init(bool ascii, bool no_color, char *err, size_t errlen)
{
    if (screen != NULL)
        return true;
    /* Data from a pipe (--data -): the keys come from the terminal, as in less. */
    if (!isatty(STDIN_FILENO) && isatty(STDOUT_FILENO) &&
        freopen("/dev/tty", "r", stdin) == NULL) {
        set_error(err, errlen, "cannot open /dev/tty for the keys");
        return false;
    }
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
        set_error(err, errlen, "not a terminal (try --headless or --dump-frame WxH)");
        return false;
    }
    saved_modes_valid = tcgetattr(STDIN_FILENO, &saved_modes) == 0;
    use_utf8 = !ascii && locale_is_utf8();

    /* Look the terminal up first: a failed newterm leaks inside ncurses,
     * and a terminal that cannot move the cursor cannot show the screen. */
    const char *name = getenv("TERM");
    char msg[160];
    snprintf(msg, sizeof msg, "cannot start the terminal (TERM=%s)",
             name != NULL && *name != '\0' ? name : "unset");
#ifdef HAVE_TERMINFO_HEADER
    int status = 0;
    if (setupterm(NULL, STDOUT_FILENO, &status) != OK) {
        set_error(err, errlen, msg);
        return false;
    }
    char *cup = tigetstr("cup");
    bool can_move = cup != NULL && cup != (char *)-1;
    del_curterm(cur_term);
    if (!can_move) {
        snprintf(msg, sizeof msg, "the terminal cannot move its cursor (TERM=%s)",
                 name != NULL ? name : "unset");
        set_error(err, errlen, msg);
        return false;
    }
#endif

    /* Our handlers first, so curses leaves SIGINT/SIGTERM to us. */
    install_handlers();
    screen = newterm(NULL, stdout, stdin);
    if (screen == NULL) {
        remove_handlers();
        set_error(err, errlen, msg);
        return false;
    }
    set_term(screen);
    screen_active = 1;
    if (!atexit_registered) {
        atexit(term_restore);
        atexit_registered = true;
    }

    cbreak();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    leaveok(stdscr, TRUE);
    scrollok(stdscr, FALSE);
    curs_set(0);
    set_escdelay(25);

    use_colour = !no_color && has_colors();
    if (use_colour) {
        start_color();
        default_colours = use_default_colors() == OK;
    }
    memset(pair_of, 0, sizeof pair_of);
    memset(pair_failed, 0, sizeof pair_failed);
    next_pair = 1;

    fatal_reset_len = 0;
    capture_reset_string("sgr0");
    capture_reset_string("cnorm");
    capture_reset_string("rmkx");
    capture_reset_string("rmcup");
#ifdef NCURSES_MOUSE_VERSION
    mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED, NULL);
    mouseinterval(0);
    /* xterm mouse modes off, for the fatal handler (curses turns them on
     * only for terminals with a kmous capability) */
    char *kmous = tigetstr("kmous");
    static const char mouse_off[] = "\033[?1000l\033[?1002l\033[?1006l";
    if (kmous != NULL && kmous != (char *)-1 &&
        fatal_reset_len + sizeof mouse_off - 1 < sizeof fatal_reset) {
        memcpy(fatal_reset + fatal_reset_len, mouse_off, sizeof mouse_off - 1);
        fatal_reset_len += sizeof mouse_off - 1;
    }
#endif
    click_x = click_y = -1;

    repaint_all = true;
    return true;
}

/* True when canvases should use UTF-8 glyphs. */
bool term_colour(void)
{
    return screen != NULL && use_colour;
}

bool term_utf8(void)
{
    return use_utf8;
}

/* The current size in cells (0 x 0 before init). */
void term_size(int *width, int *height)
{
    int w = 0, h = 0;
    if (screen != NULL)
        getmaxyx(stdscr, h, w);
    if (width)
        *width = w;
    if (height)
        *height = h;
}

static short curses_colour(int colour, bool background)
{
    static const short table[COLOUR_COUNT] = {
        -1, COLOR_BLACK, COLOR_RED, COLOR_GREEN, COLOR_YELLOW,
        COLOR_BLUE, COLOR_MAGENTA, COLOR_CYAN, COLOR_WHITE,
    };
    short c = table[colour];
    if (c < 0 && !default_colours)
        c = background ? COLOR_BLACK : COLOR_WHITE;
    return c;
}

/* The colour pair for fg on bg, allocated the first time it is used;
 * pair 0 (the terminal's default) when colours are off or run out. */
static short pair_for(int fg, int bg)
{
    if (!use_colour)
        return 0;
    if (fg < 0 || fg >= COLOUR_COUNT)
        fg = COLOUR_DEFAULT;
    if (bg < 0 || bg >= COLOUR_COUNT)
        bg = COLOUR_DEFAULT;
    if (fg == COLOUR_DEFAULT && bg == COLOUR_DEFAULT && default_colours)
        return 0;
    if (pair_of[fg][bg] != 0 || pair_failed[fg][bg])
        return pair_of[fg][bg];
    if (next_pair < COLOR_PAIRS && next_pair <= 32767 &&
        init_pair((short)next_pair, curses_colour(fg, false),
                  curses_colour(bg, true)) == OK) {
        pair_of[fg][bg] = (short)next_pair++;
    } else {
        pair_failed[fg][bg] = true;
    }
    return pair_of[fg][bg];
}

/* The first code point of a UTF-8 glyph; a space for an empty glyph or a
 * control character, '?' for a malformed one (or any non-ASCII glyph
 * when the terminal is not UTF-8). */
static wchar_t glyph_char(const char *g)
{
    int len;
    uint32_t cp = utf8_decode(g, &len);
    if (len == 0)
        return L' ';
    if (cp == 0xFFFD)
        return L'?';
    if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0))
        return L' ';
    if (!use_utf8 && cp >= 0x80)
        return L'?';
    return (wchar_t)cp;
}

static attr_t curses_attr(unsigned attr)
{
    attr_t a = A_NORMAL;
    if (attr & ATTR_BOLD)
        a |= A_BOLD;
    if (attr & ATTR_DIM)
        a |= A_DIM;
    if (attr & ATTR_REVERSE)
        a |= A_REVERSE;
    if (attr & ATTR_UNDERLINE)
        a |= A_UNDERLINE;
    return a;
}

static bool same_cell(const struct cell *a, const struct cell *b)
{
    return a->fg == b->fg && a->bg == b->bg && a->attr == b->attr &&
           strncmp(a->glyph, b->glyph, sizeof a->glyph) == 0;
}

static void put_cell(int y, int x, const struct cell *c)
{
    wchar_t text[2] = {glyph_char(c->glyph), L'\0'};
    cchar_t cc;
    setcchar(&cc, text, curses_attr(c->attr), pair_for(c->fg, c->bg), NULL);
    /* The bottom-right cell reports ERR (the cursor cannot advance) but is
     * written all the same. */
    mvwadd_wch(stdscr, y, x, &cc);
}

/* Copies the canvas to the screen; see term.h. */
void term_blit(const struct canvas *c)
{
    if (screen == NULL || c == NULL || c->cells == NULL)
        return;
    int rows, cols;
    getmaxyx(stdscr, rows, cols);

    bool all = repaint_all || shadow == NULL || shadow_width != c->width ||
               shadow_height != c->height;
    if (all) {
        size_t n = (size_t)c->width * (size_t)c->height;
        struct cell *fresh = realloc(shadow, n > 0 ? n * sizeof *fresh : 1);
        if (fresh == NULL) {
            free(shadow);
            shadow = NULL;
            shadow_width = shadow_height = 0;
        } else {
            shadow = fresh;
            shadow_width = c->width;
            shadow_height = c->height;
        }
        if (c->width < cols || c->height < rows)
            werase(stdscr);
    }
    int h = c->height < rows ? c->height : rows;
    int w = c->width < cols ? c->width : cols;
    for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
            size_t i = (size_t)y * (size_t)c->width + (size_t)x;
            const struct cell *cell = &c->cells[i];
            if (!all && shadow != NULL && same_cell(cell, &shadow[i]))
                continue;
            put_cell(y, x, cell);
            if (shadow != NULL)
                shadow[i] = *cell;
        }
    }
    repaint_all = shadow == NULL;
    wnoutrefresh(stdscr);
    doupdate();
}

/* Reads one key; see term.h. */
int term_read_key(int timeout_ms)
{
    if (screen == NULL)
        return TERM_KEY_NONE;
    wtimeout(stdscr, timeout_ms < 0 ? -1 : timeout_ms);
    int ch = wgetch(stdscr);
    switch (ch) {
    case ERR:
        return TERM_KEY_NONE;
    case KEY_RESIZE:
        /* The terminal may have reflowed or cleared what was on it: the
         * next blit rewrites every cell and curses repaints them all. */
        repaint_all = true;
        clearok(curscr, TRUE);
        return TERM_KEY_RESIZE;
    case KEY_LEFT:
        return KEY_CODE_LEFT;
    case KEY_RIGHT:
        return KEY_CODE_RIGHT;
    case KEY_UP:
        return KEY_CODE_UP;
    case KEY_DOWN:
        return KEY_CODE_DOWN;
#ifdef NCURSES_MOUSE_VERSION
    case KEY_MOUSE: {
        MEVENT ev;
        if (getmouse(&ev) != OK || !(ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED)))
            return TERM_KEY_NONE;
        click_x = ev.x;
        click_y = ev.y;
        return KEY_CODE_MOUSE;
    }
#endif
    default:
        if (ch >= 0 && ch < 256)
            return ch;
        return TERM_KEY_NONE;
    }
}

/* The cell of the last click; false before any. */
bool term_last_click(int *x, int *y)
{
    if (x)
        *x = click_x;
    if (y)
        *y = click_y;
    return click_x >= 0 && click_y >= 0;
}

/* The signal that asked to stop, or 0. */
int term_stop_signal(void)
{
    return stop_requested;
}

/* Leaves full-screen mode; idempotent. */
void term_restore(void)
{
    if (screen != NULL) {
        screen_active = 0;
#ifdef NCURSES_MOUSE_VERSION
        mousemask(0, NULL); /* mouse reporting off before leaving */
#endif
        curs_set(1);
        endwin();
        delscreen(screen);
        screen = NULL;
        fflush(stdout);
    }
    remove_handlers();
    free(shadow);
    shadow = NULL;
    shadow_width = shadow_height = 0;
    repaint_all = true;
}
