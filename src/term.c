/* term.c - the terminal layer, the only file of descent that includes
 * curses (ncursesw). It owns the curses screen: probe the terminal, start
 * and restore the screen, colour pairs allocated on demand, copying a
 * struct canvas to the screen (only the cells that changed since the last
 * copy; curses then sends only what differs on the terminal) and reading
 * keys. The signal handlers are in term_signal.c: this file gives them
 * the bytes that put the terminal back and waits for keys in a way a stop
 * signal always interrupts.
 *
 * The size is the terminal's own (TIOCGWINSZ), never LINES/COLUMNS from
 * the environment, and what the program draws is capped at
 * TERM_MAX_WIDTH x TERM_MAX_HEIGHT cells. */
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

#include <langinfo.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>

#include "term.h"
#include "keymap.h"
#include "term_signal.h"
#include "theme.h"
#include "util.h"

/* Everything the terminal layer holds between term_init and term_restore
 * (and the few things that outlive a restore). */
struct term_state {
    SCREEN *screen;                /* NULL: not started */
    bool utf8;                     /* glyphs beyond ASCII reach the screen */
    bool colour;                   /* colour pairs are used */
    enum theme theme;              /* dark, light or mono (resolved) */
    bool default_colours;          /* use_default_colors() worked */
    short pair_of[COLOUR_COUNT][COLOUR_COUNT]; /* 0: not allocated */
    bool pair_failed[COLOUR_COUNT][COLOUR_COUNT];
    int next_pair;

    struct termios saved_modes;    /* the terminal's modes before init */
    bool saved_modes_valid;
    char reset[TERM_SIGNAL_RESET_MAX]; /* what a fatal signal writes */
    size_t reset_len;

    struct cell *shadow;           /* what the last blit put on stdscr */
    int shadow_width, shadow_height;
    bool repaint_all;              /* the shadow cannot be trusted */
    int click_x, click_y;          /* the last click's cell */
    bool atexit_registered;
};

static struct term_state term = {.repaint_all = true, .click_x = -1, .click_y = -1};

static void set_error(char *err, size_t errlen, const char *msg)
{
    if (err != NULL && errlen > 0)
        snprintf(err, errlen, "%s", msg);
}

/* "what (TERM=name)": a terminal that cannot be used, by its name. */
static void set_terminal_error(char *err, size_t errlen, const char *what)
{
    const char *name = getenv("TERM");
    if (err != NULL && errlen > 0)
        snprintf(err, errlen, "%s (TERM=%s)", what,
                 name != NULL && *name != '\0' ? name : "unset");
}

static bool locale_is_utf8(void)
{
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL &&
           (strcasecmp(codeset, "UTF-8") == 0 || strcasecmp(codeset, "utf8") == 0);
}

/* ---------- probe: is there a terminal that can show the screen? ---------- */

/* Checks stdin/stdout, saves the terminal's modes and decides on UTF-8.
 * The terminal is looked up before curses starts: a failed newterm leaks
 * inside ncurses, and a terminal that cannot move the cursor cannot show
 * the screen. Returns false with a message in err. */
static bool term_probe(bool ascii, char *err, size_t errlen)
{
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
    term.saved_modes_valid = tcgetattr(STDIN_FILENO, &term.saved_modes) == 0;
    term.utf8 = !ascii && locale_is_utf8();

#ifdef HAVE_TERMINFO_HEADER
    int status = 0;
    if (setupterm(NULL, STDOUT_FILENO, &status) != OK) {
        set_terminal_error(err, errlen, "cannot start the terminal");
        return false;
    }
    char *cup = tigetstr("cup");
    bool can_move = cup != NULL && cup != (char *)-1;
    del_curterm(cur_term);
    if (!can_move) {
        set_terminal_error(err, errlen, "the terminal cannot move its cursor");
        return false;
    }
#endif
    return true;
}

/* ---------- start: curses on ---------- */

/* Appends bytes to the sequence a fatal signal writes, if they fit. */
static void add_reset_bytes(const char *s, size_t len)
{
    if (term.reset_len + len > sizeof term.reset)
        return;
    memcpy(term.reset + term.reset_len, s, len);
    term.reset_len += len;
}

/* Appends a terminfo string capability, if the terminal has it. */
static void add_reset_capability(const char *capname)
{
    char *s = tigetstr(capname);
    if (s != NULL && s != (char *)-1)
        add_reset_bytes(s, strlen(s));
}

/* What puts the terminal back without curses: attributes off, cursor
 * shown, keypad off, mouse reporting off, the normal screen. Handed to
 * the signal handlers with the saved modes. */
static void arm_reset(void)
{
    term.reset_len = 0;
    add_reset_capability("sgr0");
    add_reset_capability("cnorm");
    add_reset_capability("rmkx");
#ifdef NCURSES_MOUSE_VERSION
    /* xterm mouse modes: curses turns them on only for terminals with a
     * kmous capability */
    char *kmous = tigetstr("kmous");
    if (kmous != NULL && kmous != (char *)-1) {
        static const char mouse_off[] = "\033[?1000l\033[?1002l\033[?1006l";
        add_reset_bytes(mouse_off, sizeof mouse_off - 1);
    }
#endif
    add_reset_capability("rmcup");
    term_signal_arm(term.reset, term.reset_len,
                    term.saved_modes_valid ? &term.saved_modes : NULL);
}

/* Starts curses on stdin/stdout with the handlers in place; returns false
 * with a message in err, nothing left installed. */
static bool term_start(bool no_color, char *err, size_t errlen)
{
    /* Our handlers first, so curses leaves SIGINT/SIGTERM to us. */
    if (!term_signal_install()) {
        set_error(err, errlen, "cannot start the terminal (no pipe for signals)");
        return false;
    }
    /* The size from the terminal itself: a stale LINES/COLUMNS export
     * would draw a garbled screen, a huge one would allocate gigabytes. */
    use_env(FALSE);
    use_tioctl(TRUE);
    term.screen = newterm(NULL, stdout, stdin);
    if (term.screen == NULL) {
        term_signal_remove();
        set_terminal_error(err, errlen, "cannot start the terminal");
        return false;
    }
    set_term(term.screen);
    arm_reset();
    if (!term.atexit_registered) {
        atexit(term_restore);
        term.atexit_registered = true;
    }

    cbreak();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    leaveok(stdscr, TRUE);
    scrollok(stdscr, FALSE);
    curs_set(0);
    set_escdelay(25);

    if (term.theme == THEME_DETECT)
        term.theme = theme_detect(getenv("COLORFGBG"));
    term.colour = !no_color && term.theme != THEME_MONO && has_colors();
    if (term.colour) {
        start_color();
        term.default_colours = use_default_colors() == OK;
    }
    memset(term.pair_of, 0, sizeof term.pair_of);
    memset(term.pair_failed, 0, sizeof term.pair_failed);
    term.next_pair = 1;
#ifdef NCURSES_MOUSE_VERSION
    mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED, NULL);
    mouseinterval(0);
#endif
    term.click_x = term.click_y = -1;
    term.repaint_all = true;
    return true;
}

/* Chooses the colours; see term.h. */
void term_set_theme(enum theme theme)
{
    term.theme = theme;
}

/* Starts full-screen mode; see term.h. */
bool term_init(bool ascii, bool no_color, char *err, size_t errlen)
{
    if (term.screen != NULL)
        return true;
    return term_probe(ascii, err, errlen) && term_start(no_color, err, errlen);
}

/* ---------- restore: the terminal given back ---------- */

/* Ends curses: mouse reporting off, cursor shown, the normal screen and
 * the modes curses found. Write errors (a terminal gone) are ignored. */
static void term_stop(void)
{
    if (term.screen == NULL)
        return;
#ifdef NCURSES_MOUSE_VERSION
    mousemask(0, NULL); /* mouse reporting off before leaving */
#endif
    curs_set(1);
    endwin();
    delscreen(term.screen);
    term.screen = NULL;
    fflush(stdout);
    term_signal_disarm();
}

/* Leaves full-screen mode; idempotent. */
void term_restore(void)
{
    term_stop();
    term_signal_remove();
    free(term.shadow);
    term.shadow = NULL;
    term.shadow_width = term.shadow_height = 0;
    term.repaint_all = true;
}

/* ---------- what the program asks while it runs ---------- */

/* True when canvases should use UTF-8 glyphs. */
bool term_utf8(void)
{
    return term.utf8;
}

/* True when colours reach the screen. */
bool term_colour(void)
{
    return term.screen != NULL && term.colour;
}

/* The current size in cells, capped (0 x 0 before init). */
void term_size(int *width, int *height)
{
    int w = 0, h = 0;
    if (term.screen != NULL)
        getmaxyx(stdscr, h, w);
    if (width)
        *width = w < TERM_MAX_WIDTH ? w : TERM_MAX_WIDTH;
    if (height)
        *height = h < TERM_MAX_HEIGHT ? h : TERM_MAX_HEIGHT;
}

/* The cell of the last click; false before any. */
bool term_last_click(int *x, int *y)
{
    if (x)
        *x = term.click_x;
    if (y)
        *y = term.click_y;
    return term.click_x >= 0 && term.click_y >= 0;
}

/* The signal that asked to stop, or 0. */
int term_stop_signal(void)
{
    return term_signal_pending();
}

/* ---------- blit: a canvas onto the screen ---------- */

static short curses_colour(int colour, bool background)
{
    static const short table[COLOUR_COUNT] = {
        -1, COLOR_BLACK, COLOR_RED, COLOR_GREEN, COLOR_YELLOW,
        COLOR_BLUE, COLOR_MAGENTA, COLOR_CYAN, COLOR_WHITE,
    };
    short c = table[colour];
    if (c < 0 && !term.default_colours)
        c = background ? COLOR_BLACK : COLOR_WHITE;
    return c;
}

/* The colour pair for fg on bg, allocated the first time it is used;
 * pair 0 (the terminal's default) when colours are off or run out. */
static short pair_for(int fg, int bg)
{
    if (!term.colour)
        return 0;
    if (fg < 0 || fg >= COLOUR_COUNT)
        fg = COLOUR_DEFAULT;
    if (bg < 0 || bg >= COLOUR_COUNT)
        bg = COLOUR_DEFAULT;
    if (fg == COLOUR_DEFAULT && bg == COLOUR_DEFAULT && term.default_colours)
        return 0;
    if (term.pair_of[fg][bg] != 0 || term.pair_failed[fg][bg])
        return term.pair_of[fg][bg];
    if (term.next_pair < COLOR_PAIRS && term.next_pair <= 32767 &&
        init_pair((short)term.next_pair, curses_colour(fg, false),
                  curses_colour(bg, true)) == OK) {
        term.pair_of[fg][bg] = (short)term.next_pair++;
    } else {
        term.pair_failed[fg][bg] = true;
    }
    return term.pair_of[fg][bg];
}

/* The character a glyph is shown as, and in *span how many columns it
 * takes on the screen (1 or 2): a space for an empty glyph or a control
 * character, '?' for a malformed one or any non-ASCII glyph when the
 * terminal is not UTF-8. A character the canvas counts as two columns
 * is shown as such only when the C library agrees (wcwidth); otherwise
 * it becomes '?' (and its continuation cell a space). */
static wchar_t glyph_char(const struct cell *c, int *span)
{
    uint32_t cp;
    *span = 1;
    if (c->glyph[0] == '\0')
        return L' ';
    if (util_utf8_decode(c->glyph, strnlen(c->glyph, sizeof c->glyph), &cp) == 0)
        return L'?';
    if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0))
        return L' ';
    if (!term.utf8 && cp >= 0x80)
        return L'?';
    if (util_char_width(cp) == 2) {
        if (wcwidth((wchar_t)cp) != 2)
            return L'?';
        *span = 2;
    }
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

/* The columns a cell takes on the screen with room columns left. */
static int cell_columns(const struct cell *c, int room)
{
    if ((unsigned char)c->glyph[0] < 0x80)
        return 1;
    int span;
    glyph_char(c, &span);
    return span <= room ? span : 1;
}

/* Writes one cell with the wide-character API and returns the columns it
 * took: 2 for a wide character with room for both halves (curses moves
 * past both), else 1. */
static int put_cell(int y, int x, int room, const struct cell *c)
{
    int span;
    wchar_t text[2] = {glyph_char(c, &span), L'\0'};
    if (span > room) {
        text[0] = L'?';
        span = 1;
    }
    /* The theme shows the drawn style; half-block shading keeps its
     * colours (top and bottom halves must stay alike). */
    struct style st = {c->fg, c->bg, c->attr};
    if (c->kind != CELL_HALF)
        st = theme_style(term.theme, st);
    cchar_t cc;
    setcchar(&cc, text, curses_attr(st.attr), pair_for(st.fg, st.bg), NULL);
    /* The bottom-right cell reports ERR (the cursor cannot advance) but is
     * written all the same. */
    mvwadd_wch(stdscr, y, x, &cc);
    return span;
}

/* Says so, outside the canvas, when the terminal is larger than the
 * program draws. */
static void put_cap_notice(int rows, int cols, const struct canvas *c)
{
    char notice[64];
    snprintf(notice, sizeof notice, "descent draws at most %dx%d cells",
             TERM_MAX_WIDTH, TERM_MAX_HEIGHT);
    if (rows > c->height && c->height >= TERM_MAX_HEIGHT)
        mvwaddnstr(stdscr, c->height, 0, notice, cols);
    else if (cols > c->width && c->width >= TERM_MAX_WIDTH)
        mvwaddnstr(stdscr, 0, c->width, notice, cols - c->width);
}

/* Makes the shadow the canvas's size; on failure there is none and every
 * blit repaints everything. */
static void resize_shadow(const struct canvas *c)
{
    size_t n = (size_t)c->width * (size_t)c->height;
    struct cell *fresh = realloc(term.shadow, n > 0 ? n * sizeof *fresh : 1);
    if (fresh == NULL) {
        free(term.shadow);
        term.shadow = NULL;
        term.shadow_width = term.shadow_height = 0;
        return;
    }
    term.shadow = fresh;
    term.shadow_width = c->width;
    term.shadow_height = c->height;
}

/* Copies the canvas to the screen; see term.h. */
void term_blit(const struct canvas *c)
{
    if (term.screen == NULL || c == NULL || c->cells == NULL)
        return;
    int rows, cols;
    getmaxyx(stdscr, rows, cols);

    bool all = term.repaint_all || term.shadow == NULL ||
               term.shadow_width != c->width || term.shadow_height != c->height;
    if (all) {
        resize_shadow(c);
        if (c->width < cols || c->height < rows) {
            werase(stdscr);
            put_cap_notice(rows, cols, c);
        }
    }
    int h = c->height < rows ? c->height : rows;
    int w = c->width < cols ? c->width : cols;
    for (int y = 0; y < h; y++) {
        const struct cell *row = &c->cells[(size_t)y * (size_t)c->width];
        struct cell *seen = term.shadow ? &term.shadow[(size_t)y * (size_t)c->width] : NULL;
        bool left_wide = false; /* the cell to the left shows two columns */
        bool force = false;     /* rewrite this cell even if unchanged */
        for (int x = 0; x < w; x++) {
            const struct cell *cell = &row[x];
            bool changed = all || seen == NULL || !same_cell(cell, &seen[x]);
            if (seen != NULL)
                seen[x] = *cell;
            if (left_wide && cell->glyph[0] == '\0') {
                left_wide = force = false; /* its right half: curses moved past */
                continue;
            }
            bool next_continues = x + 1 < w && row[x + 1].glyph[0] == '\0';
            int span = 1;
            if (changed || force)
                span = put_cell(y, x, w - x, cell);
            else if (next_continues) /* only then does the width matter */
                span = cell_columns(cell, w - x);
            left_wide = span == 2;
            /* A wide character shown narrow: its continuation cell must
             * be written (as a space) even when it did not change. */
            force = span == 1 && next_continues;
        }
    }
    term.repaint_all = term.shadow == NULL;
    wnoutrefresh(stdscr);
    doupdate();
}

/* ---------- keys ---------- */

/* The most bytes of an escape sequence read to swallow it. */
#define ESCAPE_SEQUENCE_MAX 32

/* After an Esc byte: Esc alone (nothing follows within curses' Esc
 * delay) is the Esc key; Esc with bytes right behind it is Alt+key or a
 * sequence curses does not know (a CSI "Esc [ ... final" or an SS3
 * "Esc O x"), swallowed whole so that none of its bytes acts as a key.
 * Returns KEY_CODE_ESCAPE or TERM_KEY_NONE. */
static int read_escape(void)
{
    wtimeout(stdscr, 0);
    int ch = wgetch(stdscr);
    if (ch == ERR)
        return KEY_CODE_ESCAPE;
    if (ch == '[' || ch == 'O') {
        for (int i = 0; i < ESCAPE_SEQUENCE_MAX; i++) {
            int next = wgetch(stdscr);
            if (next == ERR || ch == 'O' || (next >= 0x40 && next <= 0x7e))
                break;
        }
    }
    return TERM_KEY_NONE;
}

/* What a curses key becomes for the program (TERM_KEY_NONE: nothing). */
static int translate_key(int ch)
{
    switch (ch) {
    case KEY_RESIZE: /* curses' own, should it ever send one */
        term.repaint_all = true;
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
    case KEY_BACKSPACE:
        return KEY_CODE_BACKSPACE;
    case KEY_ENTER:
        return KEY_CODE_ENTER;
    case 27:
        return read_escape();
#ifdef NCURSES_MOUSE_VERSION
    case KEY_MOUSE: {
        MEVENT ev;
        if (getmouse(&ev) != OK || !(ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED)))
            return TERM_KEY_NONE;
        term.click_x = ev.x;
        term.click_y = ev.y;
        return KEY_CODE_MOUSE;
    }
#endif
    default:
        if (ch >= 0 && ch < 256)
            return ch;
        return TERM_KEY_NONE;
    }
}

/* True when the terminal's size is not the one curses has: a resize
 * while the program was stopped (Ctrl-Z) sends SIGWINCH to the shell,
 * not to it. */
static bool size_changed(void)
{
    struct winsize ws;
    return ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 &&
           ws.ws_col > 0 && is_term_resized(ws.ws_row, ws.ws_col);
}

/* Takes the terminal's new size (after SIGWINCH): curses resizes its
 * screens; the next blit rewrites every cell and curses repaints them
 * all, since the terminal may have reflowed or cleared what was on it. */
static void apply_resize(void)
{
    struct winsize ws;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 && ws.ws_col > 0)
        resize_term(ws.ws_row, ws.ws_col);
    term.repaint_all = true;
    clearok(curscr, TRUE);
}

/* Turns of "readable, yet nothing read" before the input counts as dead. */
#define DEAD_INPUT_TURNS 1000

/* Reads one key; see term.h. */
int term_read_key(int timeout_ms)
{
    if (term.screen == NULL)
        return TERM_KEY_NONE;
    double deadline = util_now_ms() + (timeout_ms > 0 ? timeout_ms : 0);
    int dead_turns = 0;
    wtimeout(stdscr, 0);
    for (;;) {
        if (term_signal_pending() != 0)
            return TERM_KEY_NONE;
        if (term_signal_take_resize()) {
            apply_resize();
            return TERM_KEY_RESIZE;
        }
        /* curses first: it may hold keys already read (the rest of a
         * sequence it could not match). */
        int ch = wgetch(stdscr);
        if (ch != ERR)
            return translate_key(ch);
        int left = -1;
        if (timeout_ms >= 0) {
            double ms = ceil(deadline - util_now_ms());
            if (ms <= 0.0)
                return TERM_KEY_NONE;
            left = (int)ms;
        }
        switch (term_signal_wait_input(left)) {
        case TERM_WAIT_TIMEOUT:
            return TERM_KEY_NONE;
        case TERM_WAIT_INTERRUPTED: /* a signal: maybe back from Ctrl-Z */
            if (size_changed()) {
                apply_resize();
                return TERM_KEY_RESIZE;
            }
            continue;
        case TERM_WAIT_GONE:
            /* Nothing will ever come: end as a hangup would, rather than
             * spin on a dead terminal (SIGHUP may be ignored). */
            term_signal_request(SIGHUP);
            return TERM_KEY_NONE;
        case TERM_WAIT_INPUT:
            ch = wgetch(stdscr);
            if (ch != ERR)
                return translate_key(ch);
            /* A mouse event curses filtered out is consumed and gives
             * ERR; input that is there but never readable is not. */
            if (term_signal_input_empty() && ++dead_turns >= DEAD_INPUT_TURNS) {
                term_signal_request(SIGHUP);
                return TERM_KEY_NONE;
            }
            continue;
        }
    }
}
