/* view_status.c - the text around the panels: a lesson's caption at the
 * top (its two lines, re-wrapped when too wide), the status line with
 * its sparkline, the divergence banner, the notice, the help overlay
 * generated from the key table, and the notice of a screen too small. */
#include <stdio.h>
#include <string.h>

#include "keymap.h"
#include "view_cache.h"
#include "saturation.h"
#include "views_internal.h"


/* A lesson's caption, wrapped to the screen: at most two rows. */
#define CAPTION_ROWS 2
struct caption {
    char row[CAPTION_ROWS][640];
    int rows;
};

/* Drops whole UTF-8 characters from the end of text until it takes at
 * most max columns. */
static void cut_to_width(char *text, int max)
{
    while (text[0] && canvas_text_width(text) > max) {
        size_t len = strlen(text);
        do
            len--;
        while (len > 0 && ((unsigned char)text[len] & 0xC0) == 0x80);
        text[len] = '\0';
    }
}

/* Appends word (a UTF-8 string of `width` columns) to the caption rows
 * of at most max columns; returns false when it no longer fits. */
static bool caption_word(struct caption *cap, const char *word, int width,
                         int max)
{
    if (cap->rows == 0)
        cap->rows = 1;
    char *row = cap->row[cap->rows - 1];
    int used = canvas_text_width(row);
    if (used > 0 && used + 1 + width > max) {
        if (cap->rows == CAPTION_ROWS)
            return false;
        row = cap->row[cap->rows++];
        used = 0;
    }
    size_t len = strlen(row);
    snprintf(row + len, sizeof cap->row[0] - len, "%s%s", used > 0 ? " " : "", word);
    return true;
}

/* Word-wraps the texts (NULL ends) into at most two rows of width max;
 * what does not fit ends the second row with an ellipsis. */
static void caption_wrap(struct caption *cap, const char *const texts[], int max,
                         const char *ellipsis)
{
    memset(cap, 0, sizeof *cap);
    char word[256];
    bool clipped = false;
    for (size_t t = 0; texts[t] && !clipped; t++) {
        const char *q = texts[t];
        while (*q && !clipped) {
            while (*q == ' ')
                q++;
            size_t len = strcspn(q, " ");
            if (len == 0)
                break;
            snprintf(word, sizeof word, "%.*s", (int)(len < 255 ? len : 255), q);
            q += len;
            cut_to_width(word, max);  /* a word longer than a row */
            int w = canvas_text_width(word);
            if (!caption_word(cap, word, w, max))
                clipped = true;
        }
    }
    if (clipped) {
        char *row = cap->row[CAPTION_ROWS - 1];
        cut_to_width(row, max - canvas_text_width(ellipsis));
        size_t len = strlen(row);
        snprintf(row + len, sizeof cap->row[0] - len, "%s", ellipsis);
    }
}

/* The caption of s for a screen width columns wide (rows = 0: none). */
static void caption_of(const struct view_state *s, int width, bool utf8,
                       struct caption *cap)
{
    memset(cap, 0, sizeof *cap);
    if (!s->caption[0] || !s->caption[0][0])
        return;
    char name[160] = "";
    if (s->lesson && s->lesson[0] && s->caption_changed[0])
        snprintf(name, sizeof name, "lesson %s (%s changed since it began):", s->lesson,
                 s->caption_changed);
    else if (s->lesson && s->lesson[0])
        snprintf(name, sizeof name, "lesson %s:", s->lesson);
    const char *ellipsis = view_glyphs_for(utf8)->ellipsis;
    int max = width - 2;
    /* The author's two lines as they are when they fit, else re-wrapped. */
    char first[640];
    snprintf(first, sizeof first, "%s%s%s", name, name[0] ? " " : "", s->caption[0]);
    bool second = s->caption[1] && s->caption[1][0];
    if (canvas_text_width(first) <= max &&
        (!second || canvas_text_width(s->caption[1]) <= max)) {
        snprintf(cap->row[0], sizeof cap->row[0], "%s", first);
        cap->rows = 1;
        if (second) {
            snprintf(cap->row[1], sizeof cap->row[1], "%s", s->caption[1]);
            cap->rows = 2;
        }
        return;
    }
    const char *texts[4] = {name[0] ? name : NULL, s->caption[0],
                            second ? s->caption[1] : NULL, NULL};
    if (!texts[0]) {
        texts[0] = texts[1];
        texts[1] = texts[2];
        texts[2] = NULL;
    }
    caption_wrap(cap, texts, max, ellipsis);
}

int view_caption_rows(const struct view_state *s, int width, bool utf8)
{
    struct caption cap;
    caption_of(s, width, utf8, &cap);
    return cap.rows;
}

void view_caption_draw(struct canvas *c, const struct view_state *s)
{
    struct caption cap;
    caption_of(s, c->width, c->utf8, &cap);
    for (int i = 0; i < cap.rows; i++) {
        canvas_fill(c, (struct rect){0, i, c->width, 1}, " ", STYLE_CAPTION);
        canvas_text(c, 1, i, c->width - 2, cap.row[i], STYLE_CAPTION);
    }
}

/* The status line; *help_dropped when "? help" did not fit on it. */
static void draw_status(struct canvas *c, const struct view_layout *l,
                        const struct view_state *s, bool *help_dropped)
{
    const struct trainer *t = s->trainer;
    const struct view_glyphs *g = view_glyphs_for(c->utf8);
    char cost[32], batch[32], speed[32];
    struct view_numbers own;
    double shown = t->epoch > 0 ? t->last_cost
                                : view_cache_numbers(s->cache, t, &own)->cost;
    plot_format_number(cost, sizeof cost, shown, -1);
    if (t->config.batch == 0)
        snprintf(batch, sizeof batch, "full");
    else
        snprintf(batch, sizeof batch, "%zu", t->config.batch);
    if (s->epochs_per_second > 0)
        snprintf(speed, sizeof speed, "%u epoch%s/s", s->epochs_per_second,
                 s->epochs_per_second == 1 ? "" : "s");
    else
        snprintf(speed, sizeof speed, "%u/frame", s->epochs_per_frame);
    const char *state = s->finished ? g->done : s->running ? g->running : g->paused;
    char parts[9][64];
    if (s->rewound && s->newest_epoch > 0)
        snprintf(parts[0], 64, "%s epoch %zu of %zu", g->back, t->epoch, s->newest_epoch);
    else if (s->rewound)
        snprintf(parts[0], 64, "%s epoch %zu (rewound)", g->back, t->epoch);
    else
        snprintf(parts[0], 64, "epoch %zu", t->epoch);
    /* the epoch's cost (the mean during it, as the cost plot); before
     * the first epoch, C at the current weights (the neuron panel's) */
    snprintf(parts[1], 64, "%s %s", t->epoch > 0 ? "epoch cost" : "C(now)", cost);
    snprintf(parts[2], 64, "lr %g", trainer_current_lr(t)); /* the schedule's */
    snprintf(parts[3], 64, "loss %s", loss_name(t->config.loss));
    snprintf(parts[4], 64, "batch %s", batch);
    snprintf(parts[5], 64, "act %s", activation_name(t->config.activation));
    snprintf(parts[6], 64, "speed %s", speed);
    snprintf(parts[7], 64, "%s", state);
    snprintf(parts[8], 64, "%s help", keymap_label_for(ACTION_HELP));
    /* Fit: two spaces apart; else drop speed; else one space; else move
     * "? help" to the frame. */
    static const struct { int gap; bool speed, help; } tries[] = {
        {2, true, true}, {2, false, true}, {1, false, true}, {1, false, false},
    };
    char line[640];
    int width = 0;
    size_t k;
    for (k = 0; k < sizeof tries / sizeof tries[0]; k++) {
        line[0] = '\0';
        for (int i = 0; i < 9; i++) {
            if ((i == 6 && !tries[k].speed) || (i == 8 && !tries[k].help))
                continue;
            if (line[0])
                strcat(line, tries[k].gap == 2 ? "  " : " ");
            strcat(line, parts[i]);
        }
        width = canvas_text_width(line);
        if (width <= c->width)
            break;
    }
    if (k == sizeof tries / sizeof tries[0])
        k--;
    *help_dropped = !tries[k].help;
    canvas_text(c, 0, l->status_row, c->width, line, STYLE_TEXT);
    if (s->rewound)   /* the past: its epoch stands out */
        canvas_text(c, 0, l->status_row, c->width, parts[0],
                    style_of(COLOUR_MAGENTA, ATTR_BOLD | ATTR_REVERSE));
    int room = c->width - width - 2;
    if (room >= 8) {
        const struct history *h = &t->history;
        int w = room > 60 ? 60 : room;
        struct plot_series costs = view_cost_series(h);
        plot_sparkline(c, width + 2, l->status_row, w, &costs, s->log_cost,
                       STYLE_COST, STYLE_BAD);
    }
}

/* The = prompt in place of the status line: "lr = TEXT_", then why the
 * last Enter was refused, or how to finish. */
static void draw_prompt(struct canvas *c, const struct view_layout *l,
                        const struct view_state *s)
{
    char line[64];
    snprintf(line, sizeof line, "lr = %s_", s->prompt);
    int x = canvas_text(c, 0, l->status_row, c->width, line, STYLE_TITLE);
    if (x >= c->width)
        return;
    char rest[160];
    if (s->prompt_error)
        snprintf(rest, sizeof rest, "  %s (Enter applies, %s cancels)", s->prompt_error,
                 keymap_label_for(ACTION_CLOSE));
    else
        snprintf(rest, sizeof rest, "  Enter applies, %s cancels",
                 keymap_label_for(ACTION_CLOSE));
    canvas_text(c, x, l->status_row, c->width - x, rest,
                s->prompt_error ? STYLE_WARN : STYLE_TEXT);
}

/* Text centred on a row, between x0 and x0 + w. */
static void centred(struct canvas *c, int x0, int w, int y, const char *text,
                    struct style st)
{
    int tw = canvas_text_width(text);
    int x = x0 + (w - tw) / 2;
    if (x < x0)
        x = x0;
    canvas_text(c, x, y, x0 + w - x, text, st);
}

/* The help overlay: every key of the table with its line, in as many
 * columns as fit whole; when they do not all fit, page (of the pages;
 * it wraps) of them, the title saying ? turns the page. */
static void draw_help(struct canvas *c, unsigned page)
{
    size_t count;
    const struct key_binding *keys = keymap_table(&count);
    if (count == 0)
        return;
    int label_w = 0, help_w = 0;
    for (size_t i = 0; i < count; i++) {
        int lw = canvas_text_width(keys[i].label), hw = canvas_text_width(keys[i].help);
        if (lw > label_w)
            label_w = lw;
        if (hw > help_w)
            help_w = hw;
    }
    int max_rows = c->height - 3;
    if (max_rows < 1)
        return;
    int entry = label_w + 2 + help_w;
    int cols_fit = (c->width - 4 + 3) / (entry + 3); /* whole entries side by side */
    if (cols_fit < 1)
        cols_fit = 1;
    size_t per_page = (size_t)cols_fit * (size_t)max_rows;
    size_t pages = (count + per_page - 1) / per_page, first = 0;
    if (pages > 1) {
        first = (size_t)(page % pages) * per_page;
        count = count - first < per_page ? count - first : per_page;
        keys += first;
    }
    int rows = (int)count < max_rows ? (int)count : max_rows;
    int cols = ((int)count + rows - 1) / rows;
    rows = ((int)count + cols - 1) / cols;
    int max_entry = (c->width - 4 - 3 * (cols - 1)) / cols;
    if (entry > max_entry)
        entry = max_entry;
    if (entry < label_w + 3)
        return;
    char title[64] = "keys";
    if (pages > 1)
        snprintf(title, sizeof title, "keys %zu/%zu: %s next page", first / per_page + 1,
                 pages, keymap_label_for(ACTION_HELP));
    int bw = cols * entry + 3 * (cols - 1) + 4, bh = rows + 2;
    if (canvas_text_width(title) + 4 > bw)
        bw = canvas_text_width(title) + 4;
    struct rect box = {(c->width - bw) / 2, (c->height - 1 - bh) / 2, bw, bh};
    canvas_fill(c, box, " ", STYLE_TEXT);
    /* A fresh box: clear the cells so it does not join the panels. */
    for (int y = box.y; y < box.y + box.h; y++)
        for (int x = box.x; x < box.x + box.w; x++) {
            struct cell *cell = canvas_cell(c, x, y);
            if (cell)
                cell->kind = CELL_TEXT;
        }
    canvas_box(c, box, title, STYLE_TITLE);
    for (size_t i = 0; i < count; i++) {
        int col = (int)i / rows, row = (int)i % rows;
        int x = box.x + 2 + col * (entry + 3), y = box.y + 1 + row;
        canvas_text(c, x, y, label_w, keys[i].label, STYLE_TITLE);
        canvas_text(c, x + label_w + 2, y, entry - label_w - 2, keys[i].help, STYLE_TEXT);
    }
}

/* The notice for a screen under the minimum: the longest wording that
 * fits the width, clipped if even the shortest does not. */
void view_too_small_draw(struct canvas *c)
{
    char msg[4][160];
    int w = VIEWS_MIN_WIDTH, h = VIEWS_MIN_HEIGHT;
    snprintf(msg[0], sizeof msg[0], "descent needs at least %dx%d %s this terminal is %dx%d",
             w, h, c->utf8 ? "—" : "--", c->width, c->height);
    snprintf(msg[1], sizeof msg[1], "need %dx%d, have %dx%d", w, h, c->width, c->height);
    snprintf(msg[2], sizeof msg[2], "need %dx%d", w, h);
    snprintf(msg[3], sizeof msg[3], "%dx%d", w, h);
    int k = 0;
    while (k < 3 && canvas_text_width(msg[k]) > c->width)
        k++;
    canvas_text(c, 0, 0, c->width, msg[k], STYLE_WARN);
}

/* The vanishing-gradient banner on row y when t is stuck on a saturated
 * activation (saturation.h): the longest wording that fits the width.
 * True when it was drawn. */
static bool stuck_banner(struct canvas *c, int y, const struct trainer *t)
{
    struct saturation sat;
    if (!saturation_stuck(t, &sat))
        return false;
    const char *dash = view_glyphs_for(c->utf8)->dash;
    const char *lr = keymap_label_for(ACTION_LR_DOWN), *reset = keymap_label_for(ACTION_RESET);
    bool relu = t->config.activation == ACT_RELU;
    /* Lowering lr alone does not unstick it: the weights must move back
     * (reset), or (sigmoid) a loss whose gradient does not vanish with
     * the slope. A dead relu has no slope under any loss. */
    char bce[48] = "";
    if (!relu && t->config.loss != LOSS_BCE)
        snprintf(bce, sizeof bce, ", or loss BCE (%s)", keymap_label_for(ACTION_LOSS));
    const char *what = relu ? "relu dead (z <= 0, slope 0)" : "sigmoid saturated (a near 0 or 1)";
    char text[3][240];
    snprintf(text[0], sizeof text[0],
             " VANISHING GRADIENT: %s on %zu of %zu samples, so every gradient is ~0 %s"
             " lower lr (%s) and reset (%s)%s ",
             what, sat.saturated, sat.checked, dash, lr, reset, bce);
    snprintf(text[1], sizeof text[1],
             " VANISHING GRADIENT: %zu/%zu %s %s lower lr (%s), reset (%s)%s ",
             sat.saturated, sat.checked, relu ? "dead" : "saturated", dash, lr, reset,
             bce[0] ? ", BCE" : "");
    snprintf(text[2], sizeof text[2], " VANISHING GRADIENT: %s %s lower lr (%s), reset (%s) ",
             relu ? "relu dead" : "saturated", dash, lr, reset);
    int k = 0;
    while (k < 2 && canvas_text_width(text[k]) > c->width)
        k++;
    centred(c, 0, c->width, y, text[k], style_of(COLOUR_RED, ATTR_BOLD | ATTR_REVERSE));
    return true;
}

void view_status_draw(struct canvas *c, const struct view_layout *l,
                      const struct view_state *s)
{
    bool help_dropped = false;
    if (s->prompt)
        draw_prompt(c, l, s);
    else
        draw_status(c, l, s, &help_dropped);
    int bottom = l->status_row - 1;
    if (help_dropped) {
        char help[32];
        snprintf(help, sizeof help, "%s help", keymap_label_for(ACTION_HELP));
        canvas_text(c, c->width - 9, bottom, 6, help, STYLE_TITLE);
    }
    const struct trainer *t = s->trainer;
    int notice_row = bottom;
    if (t->diverged) {
        char banner[160];
        snprintf(banner, sizeof banner,
                 " DIVERGED at epoch %zu %s lower the learning rate (%s) and reset (%s) ",
                 t->diverged_epoch, view_glyphs_for(c->utf8)->dash,
                 keymap_label_for(ACTION_LR_DOWN), keymap_label_for(ACTION_RESET));
        centred(c, 0, c->width, bottom, banner,
                style_of(COLOUR_RED, ATTR_BOLD | ATTR_REVERSE));
        notice_row = l->panel[PANEL_COST].h > 0 ? l->panel[PANEL_COST].y
                                                : l->caption_rows;
    } else if (stuck_banner(c, bottom, t)) {
        notice_row = l->panel[PANEL_COST].h > 0 ? l->panel[PANEL_COST].y
                                                : l->caption_rows;
    }
    if (s->notice && *s->notice) {
        char text[256];
        snprintf(text, sizeof text, " %s ", s->notice);
        /* the whole border row, short of "? help" when it sits there */
        int room = c->width - (help_dropped && notice_row == bottom ? 13 : 4);
        canvas_text(c, 2, notice_row, room, text,
                    style_of(COLOUR_DEFAULT, ATTR_REVERSE));
    }
    if (s->help)
        draw_help(c, s->help_page);
}
