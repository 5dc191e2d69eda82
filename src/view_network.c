/* view_network.c - the neuron panel when there is a hidden layer: the
 * network as a diagram. Inputs (one column each, by term name, and the
 * bias), each hidden unit (numbered, with g's name) on its row with the
 * edges into it marked by the sign and size of their weights (glyph and
 * colour), a small heatmap of its activation over the plotted plane where
 * there is room, its edge to the output, and the output unit (with act's
 * name); above it the formula of the unit picked with j and the cost and
 * accuracy. What does not fit is left out and said so. When every hidden
 * unit is the same (zeros init), it says why they never differentiate. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "network.h"
#include "keymap.h"
#include "util.h"
#include "view_cache.h"
#include "views_internal.h"

/* Weights at or above these magnitudes get the medium / thick glyph. */
#define EDGE_MEDIUM 0.5
#define EDGE_THICK 2.0

/* Edge glyphs (thin, medium, thick) and signs of a UTF-8 / ASCII screen. */
static const char *const edge_utf8[3] = {"─", "━", "█"};
static const char *const edge_ascii[3] = {"-", "=", "#"};

/* What an edge looks like: "━+" (two cells), in the class colour of the
 * side its weight pushes towards: positive towards the second class. */
static void draw_edge(struct canvas *c, int x, int y, double w)
{
    const char *const *glyphs = c->utf8 ? edge_utf8 : edge_ascii;
    if (!isfinite(w)) {
        canvas_text(c, x, y, 2, "?!", STYLE_WARN);
        return;
    }
    double m = fabs(w);
    int size = m >= EDGE_THICK ? 2 : m >= EDGE_MEDIUM ? 1 : 0;
    struct style st = w > 0 ? STYLE_CLASS1 : w < 0 ? STYLE_CLASS0 : STYLE_DIM;
    const char *sign = w > 0 ? "+" : w < 0 ? (c->utf8 ? "−" : "-") : "0";
    canvas_put(c, x, y, glyphs[size], st);
    canvas_put(c, x + 1, y, sign, st);
}

/* The name of input k: its term, or the plotted column. */
static const char *input_name(const struct dataset *d, size_t k)
{
    if (d->terms != NULL && d->term_name != NULL && d->term_name[k] != NULL)
        return d->term_name[k];
    const char *name = k == 0 ? d->x_name : d->y_name;
    return name ? name : "?";
}

/* " + 0.53·x1" / "-0.53·x1": one term of a formula into buf at *at. */
static void add_term(char *buf, size_t size, size_t *at, double v, int decimals,
                     const char *times, const char *input, bool utf8)
{
    if (*at >= size)
        return;
    bool first = *at == 0 || buf[*at - 1] == '(';
    bool negative = signbit(v) && !isnan(v);
    char num[32];
    if (isfinite(v) && fabs(v) < 1e5)
        snprintf(num, sizeof num, "%.*f", decimals, fabs(v));
    else
        plot_format_number(num, sizeof num, fabs(v), -1);
    const char *minus = utf8 ? "−" : "-";
    int n = snprintf(buf + *at, size - *at, "%s%s%s%s%s", first ? "" : negative ? " " : " + ",
                     first ? (negative ? minus : "") : negative ? minus : "",
                     first || !negative ? "" : " ", num, input ? times : "");
    if (n > 0)
        *at += (size_t)n;
    if (input && *at < size) {
        n = snprintf(buf + *at, size - *at, "%s", input);
        if (n > 0)
            *at += (size_t)n;
    }
}

/* The formula of the picked unit: "h2 = tanh(0.53·x1 − 1.20·x2 + 0.10)"
 * (unit 1..H) or "a = sigmoid(1.00·h1 − 1.00·h2 − 0.50)" (0: the output). */
static void unit_formula(char *buf, size_t size, const struct trainer *t, size_t unit,
                         int decimals, bool utf8)
{
    const struct view_glyphs *g = view_glyphs_for(utf8);
    size_t n = t->data->nfeatures, hidden = t->config.hidden;
    const double *w;
    size_t inputs;
    int head;
    if (unit > 0) {
        w = t->theta + network_unit_offset(n, unit - 1);
        inputs = n;
        head = snprintf(buf, size, "h%zu = %s(", unit,
                        hidden_activation_name(t->config.hidden_activation));
    } else {
        w = t->theta + network_output_offset(n, hidden);
        inputs = hidden;
        head = snprintf(buf, size, "a = %s(", activation_name(t->config.activation));
    }
    if (head < 0 || (size_t)head >= size)
        return;
    size_t at = (size_t)head;
    for (size_t i = 0; i < inputs; i++) {
        char name[24];
        snprintf(name, sizeof name, "%s%zu", unit > 0 ? "x" : "h", i + 1);
        add_term(buf, size, &at, w[i], decimals, g->times, name, utf8);
    }
    add_term(buf, size, &at, w[inputs], decimals, g->times, NULL, utf8);
    if (at + 1 < size)
        snprintf(buf + at, size - at, ")");
}

/* True when every hidden unit has the same parameters, bit for bit, and
 * so has every output weight: then every unit gets the same gradient. */
static bool units_symmetric(const struct trainer *t)
{
    size_t n = t->data->nfeatures, hidden = t->config.hidden;
    if (hidden < 2)
        return false;
    const double *first = t->theta + network_unit_offset(n, 0);
    const double *out = t->theta + network_output_offset(n, hidden);
    for (size_t j = 1; j < hidden; j++) {
        if (!util_same_bits(out[j], out[0]))
            return false;
        const double *unit = t->theta + network_unit_offset(n, j);
        for (size_t i = 0; i <= n; i++)
            if (!util_same_bits(unit[i], first[i]))
                return false;
    }
    return true;
}

/* The lines of text above and below the diagram. */
#define NETWORK_LINES 8
struct lines {
    char text[NETWORK_LINES][256];
    struct style style[NETWORK_LINES];
    int count;
};

static void add_line(struct lines *l, int width, struct style st, const char *longer,
                     const char *shorter)
{
    if (l->count >= NETWORK_LINES)
        return;
    const char *pick = shorter && canvas_text_width(longer) > width ? shorter : longer;
    snprintf(l->text[l->count], sizeof l->text[0], "%s", pick);
    l->style[l->count++] = st;
}

/* text on one line when it fits in width, else cut at the last blank
 * that leaves the first part within width and the rest on a second line,
 * indented. */
static void add_wrapped(struct lines *l, int width, struct style st, const char *text)
{
    size_t cut = 0;
    char head[256];
    if (canvas_text_width(text) > width) {
        for (size_t i = 1; text[i] != '\0' && i < sizeof head; i++) {
            if (text[i] != ' ')
                continue;
            memcpy(head, text, i);
            head[i] = '\0';
            if (canvas_text_width(head) > width)
                break;
            cut = i;
        }
    }
    if (cut == 0) {
        add_line(l, width, st, text, NULL);
        return;
    }
    memcpy(head, text, cut);
    head[cut] = '\0';
    add_line(l, width, st, head, NULL);
    char rest[256];
    snprintf(rest, sizeof rest, "    %s", text + cut + 1);
    add_line(l, width, st, rest, NULL);
}

/* How the diagram is laid out in a given width. */
struct diagram {
    int col_w;          /* columns per input's edge (2 cells and a gap or more) */
    bool long_labels;   /* "1 tanh" (else "h1", g named in the header) */
    int heat_w, heat_h; /* heatmap cells per unit; 0: none */
    int block;          /* rows per unit */
    size_t shown;       /* units drawn (the rest counted in a line) */
    bool names;         /* header: the inputs' names (else x1 .. xN) */
};

/* The columns the diagram takes laid out as dg over n inputs. */
static int diagram_width(const struct diagram *dg, size_t n, const struct trainer *t)
{
    int label = dg->long_labels
                    ? 3 + canvas_text_width(hidden_activation_name(t->config.hidden_activation))
                    : 2;
    int out = 4 + canvas_text_width(activation_name(t->config.activation));
    return dg->col_w * (int)(n + 1) + 2 + label + 1 + (dg->heat_w ? dg->heat_w + 1 : 0)
           + 3 + out;
}

/* The rows the diagram takes with shown units: the header, then a block
 * per unit, the last without its gap. */
static int diagram_rows(const struct diagram *dg, size_t shown)
{
    if (shown == 0)
        return 1;
    int last = dg->heat_h > 1 ? dg->heat_h : 1;
    return 1 + (int)(shown - 1) * dg->block + last;
}

/* The data window the heatmaps show, in r: the plotted points' range
 * (training and shown test points) padded by 6% each side, as the data
 * panel's before its axes round the ticks. */
static void plane_of(const struct view_state *s, struct rect r, struct plot *p)
{
    const struct dataset *d = s->data;
    size_t count = d->n + (d->n_test > 0 && !s->test_hidden ? d->n_test : 0);
    double lo[2], hi[2];
    const double *v[2] = {d->x1, d->x2};
    for (int k = 0; k < 2; k++) {
        if (!util_finite_range(v[k], count, &lo[k], &hi[k])) {
            lo[k] = -1;
            hi[k] = 1;
        }
        double pad = (hi[k] - lo[k]) * 0.06;
        if (pad == 0)
            pad = 0.5;
        lo[k] -= pad;
        hi[k] += pad;
    }
    plot_init(p, r, lo[0], hi[0], lo[1], hi[1]);
}

/* Draws the diagram laid out as dg from row y of in (the picked unit's
 * label highlighted: 0 the output's); returns the rows it took. */
static int draw_diagram(struct canvas *c, struct rect in, int y, const struct diagram *dg,
                        const struct view_state *s, size_t picked)
{
    const struct trainer *t = s->trainer;
    const struct dataset *d = s->data;
    size_t n = d->nfeatures, hidden = t->config.hidden;
    const char *gname = hidden_activation_name(t->config.hidden_activation);
    int x0 = in.x, right = in.x + in.w;
    /* header: the inputs, then the units' and the output's columns */
    for (size_t k = 0; k <= n; k++) {
        char name[16];
        const char *label = name;
        if (k == n)
            label = "b";
        else if (dg->names)
            label = input_name(d, k);
        else
            snprintf(name, sizeof name, "x%zu", k + 1);
        canvas_text(c, x0 + dg->col_w * (int)k, y, dg->col_w - 1, label, STYLE_DIM);
    }
    int ux = x0 + dg->col_w * (int)(n + 1);
    canvas_text(c, ux + 2, y, right - ux - 2, dg->long_labels ? "units" : gname, STYLE_DIM);
    int label_w = dg->long_labels ? 3 + canvas_text_width(gname) : 2;
    int hx = ux + 2 + label_w + 1;              /* heatmap */
    int ox = hx + (dg->heat_w ? dg->heat_w + 1 : 0); /* edge to the output */
    int bx = ox + 2;                            /* the bracket */
    canvas_text(c, bx + 2, y, right - bx - 2, "output", STYLE_DIM);
    y++;
    struct plot plane;
    plane_of(s, in, &plane);
    int first_row = y, last_row = y;
    for (size_t j = 0; j < dg->shown; j++) {
        int row = y + (int)j * dg->block;
        const double *v = t->theta + network_unit_offset(n, j);
        for (size_t k = 0; k <= n; k++)
            draw_edge(c, x0 + dg->col_w * (int)k, row, v[k]);
        canvas_put(c, ux, row, c->utf8 ? "▶" : ">", STYLE_DIM);
        char label[32];
        if (dg->long_labels)
            snprintf(label, sizeof label, "%zu %s", j + 1, gname);
        else
            snprintf(label, sizeof label, "h%zu", j + 1);
        struct style st = picked == j + 1 ? STYLE_CAPTION : STYLE_TITLE;
        canvas_text(c, ux + 2, row, label_w, label, st);
        if (dg->heat_w > 0) {
            struct rect heat = {hx, row, dg->heat_w, dg->heat_h};
            view_units_draw_heat(c, heat, &plane, t, j, s->colour);
        }
        draw_edge(c, ox, row, t->theta[network_output_offset(n, hidden) + j]);
        last_row = row;
    }
    /* the bracket joining the units' edges into the output */
    int mid = (first_row + last_row) / 2;
    for (int row = first_row; row <= last_row; row++) {
        unsigned arms = 0;
        bool unit = (row - first_row) % dg->block == 0;
        if (unit)
            arms |= BOX_LEFT;
        if (row > first_row)
            arms |= BOX_UP;
        if (row < last_row)
            arms |= BOX_DOWN;
        if (row == mid)
            arms |= BOX_RIGHT;
        canvas_join(c, bx, row, arms, STYLE_DIM);
    }
    char out[64];
    snprintf(out, sizeof out, "a %s", activation_name(t->config.activation));
    canvas_put(c, bx + 1, mid, c->utf8 ? "▶" : ">", STYLE_DIM);
    int w = 1 + canvas_text(c, bx + 3, mid, right - bx - 3, out,
                        picked == 0 ? STYLE_CAPTION : STYLE_TITLE);
    if (bx + 3 + w + 3 <= right) {
        canvas_text(c, bx + 3 + w, mid, 1, "b", STYLE_DIM);
        draw_edge(c, bx + 4 + w, mid, t->theta[t->nparams - 1]);
    }
    return diagram_rows(dg, dg->shown);
}

/* Picks the richest layout that fits in width columns and rows rows. */
static struct diagram lay_out(const struct view_state *s, int width, int rows)
{
    const struct trainer *t = s->trainer;
    const struct dataset *d = s->data;
    size_t n = d->nfeatures, hidden = t->config.hidden;
    struct diagram dg = {.col_w = 3, .long_labels = true, .block = 1, .names = false};
    int names_w = 3;
    for (size_t k = 0; k < n; k++) {
        int w = canvas_text_width(input_name(d, k)) + 1;
        names_w = w > names_w ? w : names_w;
    }
    static const int heights[] = {3, 2};
    for (size_t h = 0; h < sizeof heights / sizeof heights[0]; h++) {
        struct diagram try = dg;
        try.heat_h = heights[h];
        try.heat_w = 3 * heights[h];
        try.block = heights[h] + (heights[h] >= 3 ? 1 : 0);
        if (diagram_width(&try, n, t) <= width && diagram_rows(&try, hidden) <= rows) {
            dg = try;
            break;
        }
    }
    if (diagram_width(&dg, n, t) > width)
        dg.long_labels = false;
    if (names_w <= 9) {
        struct diagram try = dg;
        try.col_w = names_w;
        try.names = true;
        if (diagram_width(&try, n, t) <= width)
            dg = try;
    }
    size_t fit = rows > 1 ? (size_t)(rows - 1) : 0;
    dg.shown = hidden <= fit ? hidden : fit > 0 ? fit - 1 : 0;
    return dg;
}

void view_network_draw(struct canvas *c, const struct rect box, const struct view_state *s)
{
    const struct trainer *t = s->trainer;
    const struct dataset *d = s->data;
    size_t n = d->nfeatures, hidden = t->config.hidden;
    char title[96];
    snprintf(title, sizeof title, "network: %zu-%zu-1, %s units", n, hidden,
             hidden_activation_name(t->config.hidden_activation));
    canvas_box(c, box, title, STYLE_FRAME);
    struct rect in = view_inner(box);
    if (in.w < 10 || in.h < 3)
        return;
    size_t picked = s->unit <= hidden ? s->unit : 0;
    struct lines top = {.count = 0}, bottom = {.count = 0};
    char a[256], b[256];
    unit_formula(a, sizeof a, t, picked, in.w >= 50 ? 4 : 2, c->utf8);
    add_wrapped(&top, in.w, STYLE_TITLE, a);
    struct view_numbers own;
    const struct view_numbers *num = view_cache_numbers(s->cache, t, &own);
    const char *sample = num->rows < d->n ? " (sample)" : "";
    char cs[32], test[48] = "";
    plot_format_number(cs, sizeof cs, num->cost, -1);
    if (d->n_test > 0 && !s->test_hidden)
        snprintf(test, sizeof test, "   test %.1f%%", 100.0 * trainer_test_accuracy(t));
    if (d->regression) {
        snprintf(a, sizeof a, "C(now) = %s   r2 %.4f%s%s", cs, num->score, sample, test);
        add_line(&top, in.w, STYLE_TEXT, a, NULL);
    } else {
        double accuracy = num->score;
        size_t right = (size_t)(accuracy * (double)num->rows + 0.5);
        snprintf(a, sizeof a, "C(now) = %s   accuracy %.1f%% (%zu of %zu)%s", cs,
                 100.0 * accuracy, right, num->rows, test);
        snprintf(b, sizeof b, "C(now) = %s   accuracy %.1f%%%s%s", cs, 100.0 * accuracy,
                 sample, test);
        add_line(&top, in.w, STYLE_TEXT, a, b);
    }
    if (units_symmetric(t)) {
        add_line(&top, in.w, STYLE_WARN,
                 "all units are the same: each gets the same gradient (symmetry),",
                 "all units equal: same gradient,");
        add_line(&top, in.w, STYLE_WARN,
                 "so they never differentiate; i: a random init breaks it",
                 "never differ (symmetry). i: init");
    }
    int rows = in.h - top.count;
    struct diagram dg = lay_out(s, in.w, rows - 1);
    if (diagram_width(&dg, n, t) > in.w) {
        add_line(&bottom, in.w, STYLE_DIM, "diagram: widen the terminal", NULL);
        dg.shown = 0;
    } else if (dg.shown < hidden) {
        snprintf(a, sizeof a, "units %zu-%zu%s not shown: enlarge the terminal",
                 dg.shown + 1, hidden, dg.heat_w == 0 ? " and heatmaps" : "");
        snprintf(b, sizeof b, "units %zu-%zu: enlarge", dg.shown + 1, hidden);
        add_line(&bottom, in.w, STYLE_DIM, a, b);
    } else if (dg.heat_w == 0) {
        add_line(&bottom, in.w, STYLE_DIM, "heatmaps: widen the terminal", "heatmaps: widen");
    }
    for (int i = 0; i < top.count && i < in.h; i++)
        canvas_text(c, in.x, in.y + i, in.w, top.text[i], top.style[i]);
    int y = in.y + top.count;
    if (dg.shown > 0)
        y += draw_diagram(c, in, y, &dg, s, picked);
    /* the key and a legend where there is room */
    const char *const *glyphs = c->utf8 ? edge_utf8 : edge_ascii;
    snprintf(a, sizeof a, "edges %s |w|<%g  %s <%g  %s more, + or %s by sign   %s: next formula",
             glyphs[0], EDGE_MEDIUM, glyphs[1], EDGE_THICK, glyphs[2], c->utf8 ? "−" : "-",
             keymap_label_for(ACTION_UNIT));
    snprintf(b, sizeof b, "%s: next unit's formula", keymap_label_for(ACTION_UNIT));
    add_line(&bottom, in.w, STYLE_DIM, a, b);
    if (!dg.names && n <= 2) {
        snprintf(a, sizeof a, "x1 = %s   x2 = %s%s", input_name(d, 0),
                 n > 1 ? input_name(d, 1) : "-", d->standardized ? " (standardised)" : "");
        add_line(&bottom, in.w, STYLE_DIM, a, NULL);
    }
    for (int i = 0; i < bottom.count && y + i < in.y + in.h; i++)
        canvas_text(c, in.x, y + i, in.w, bottom.text[i], bottom.style[i]);
}
