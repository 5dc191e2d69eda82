/* view_neuron.c - the neuron panel: the live formula with numbers, the
 * activation and loss, the cost, gradient and accuracy (test accuracy
 * with a test split, r2 in regression), the update rule and settings, and
 * the optimizer and its last step when not sgd, and the first sample of
 * each class worked through, in order of importance
 * (what does not fit the height is left out); a picked epoch's numbers on
 * top. With --features, one line per parameter (its value, its term and
 * its gradient), the lines that do not fit elided with a count. */
#include <math.h>
#include <stdio.h>

#include "landscape.h"
#include "view_cache.h"
#include "views_internal.h"

/* A number with fixed decimals while reasonable, %.3g when huge. */
static void fmt_fixed(char *buf, size_t len, double v, int decimals)
{
    if (isfinite(v) && fabs(v) < 1e5)
        snprintf(buf, len, "%.*f", decimals, v == 0 ? 0.0 : v);
    else
        plot_format_number(buf, len, v, -1);
}


static const char *activation_formula(enum activation act)
{
    switch (act) {
    case ACT_SIGMOID: return "1/(1+e^-z)";
    case ACT_LINEAR: return "z";
    case ACT_RELU: return "max(0, z)";
    case ACT_STEP: return "1 if z >= 0, else 0";
    default: return "?";
    }
}

static const char *loss_formula(enum loss loss, bool utf8)
{
    switch (loss) {
    case LOSS_MSE: return utf8 ? "½(a−y)²" : "(a-y)^2/2";
    case LOSS_MAE: return "|a-y|";
    case LOSS_BCE: return utf8 ? "−y·ln a − (1−y)·ln(1−a)" : "-y*ln a - (1-y)*ln(1-a)";
    default: return "?";
    }
}

/* "+ 1.72" / "- 0.31": a signed term of the formula. A true zero is
 * "0"; a value that is not zero but would round to it ("-0.00") keeps
 * its first `tiny` significant digits ("- 2.2e-16"). */
static void signed_term(char *buf, size_t len, double v, int decimals,
                        bool first, int tiny)
{
    char num[32];
    bool negative = signbit(v) && !isnan(v) && v != 0;
    if (v == 0)
        snprintf(num, sizeof num, "0");
    else if (fabs(v) < 0.5 * pow(10.0, -decimals))
        snprintf(num, sizeof num, "%.*g", tiny, fabs(v));
    else
        fmt_fixed(num, sizeof num, fabs(v), decimals);
    if (first)
        snprintf(buf, len, "%s%s", negative ? "-" : "", num);
    else
        snprintf(buf, len, " %s %s", negative ? "-" : "+", num);
}

/* The neuron panel's text, one line per entry, in order of importance:
 * what does not fit the panel's height is left out. */
#define NEURON_LINES 80
struct text_lines {
    char text[NEURON_LINES][256];
    struct style style[NEURON_LINES];
    int count;
    int width;      /* columns available */
};

/* Adds the first of the candidates (NULL-terminated, longest first) that
 * fits the width, or the last one clipped. */
static void add_line(struct text_lines *l, struct style st, const char *longer,
                     const char *shorter)
{
    if (l->count >= NEURON_LINES)
        return;
    const char *pick = longer;
    if (shorter && canvas_text_width(longer) > l->width)
        pick = shorter;
    snprintf(l->text[l->count], sizeof l->text[0], "%s", pick);
    l->style[l->count++] = st;
}

/* One sample worked through: its features, z, a and the prediction. */
static void sample_line(struct text_lines *l, const struct view_state *s,
                        const struct view_glyphs *g, size_t i, bool utf8)
{
    const struct trainer *t = s->trainer;
    const struct dataset *d = s->data;
    double features[LANDSCAPE_PARAMS_MAX];
    dataset_features_of(d, i, features);
    double z = neuron_sum(t->theta, d->nfeatures, features);
    double a = activation_value(t->config.activation, z);
    int k = d->y[i] >= 0.5;
    int predicted = a >= 0.5;
    char zs[24], as[24], line[256], shorter[256];
    plot_format_number(zs, sizeof zs, z, -1);
    plot_format_number(as, sizeof as, a, -1);
    const char *name = d->class_name[k] ? d->class_name[k] : "?";
    const char *verdict = isnan(a) ? "?" : predicted == k ? "right" : "WRONG";
    snprintf(line, sizeof line, "sample %zu (%s): x1 %g, x2 %g %s z = %s, a = %s: %s",
             i + 1, name, d->x1[i], d->x2[i], utf8 ? "→" : "->", zs, as, verdict);
    snprintf(shorter, sizeof shorter, "#%zu %s: z %s, a %s: %s", i + 1, name, zs,
             as, verdict);
    (void)g;
    add_line(l, predicted == k ? STYLE_DIM : STYLE_WARN, line, shorter);
}

/* With --features: one line per parameter, "w3 = 0.1234  x1*x2  dC/dw3
 * -0.0012", the bias last, as many as rows leaves room for; when they do
 * not all fit, the last row says how many are left out. */
static void parameter_lines(struct text_lines *l, const struct view_state *s,
                            const double *gradient, int rows, int decimals,
                            const char *dd)
{
    const struct trainer *t = s->trainer;
    const struct dataset *d = s->data;
    size_t nparams = t->nparams;
    size_t shown = nparams;
    if (rows < 1)
        return;
    if ((size_t)rows < nparams)
        shown = (size_t)rows - 1;
    size_t width = 1;
    for (size_t k = 0; k + 1 < nparams && k < shown; k++) {
        size_t w = (size_t)canvas_text_width(d->term_name[k]);
        width = w > width ? w : width;
    }
    if (width > 24)
        width = 24;
    for (size_t k = 0; k < shown; k++) {
        char name[16], value[32], grad[32], a[256], b[256];
        neuron_param_name(d->nfeatures, k, name, sizeof name);
        fmt_fixed(value, sizeof value, t->theta[k], decimals);
        plot_format_number(grad, sizeof grad, gradient[k], -1);
        const char *term = k + 1 < nparams ? d->term_name[k] : "";
        int pad = (int)width - canvas_text_width(term);
        snprintf(a, sizeof a, "%-3s = %10s  %s%*s  %sC/%s%s %s", name, value, term,
                 pad > 0 ? pad : 0, "", dd, dd, name, grad);
        snprintf(b, sizeof b, "%s %s %s", name, value, term);
        add_line(l, k + 1 < nparams ? STYLE_TEXT : STYLE_DIM, a, b);
    }
    if (shown < nparams) {
        char a[96];
        snprintf(a, sizeof a, "... %zu more (w%zu .. b not shown)", nparams - shown,
                 shown + 1);
        add_line(l, STYLE_DIM, a, NULL);
    }
}

/* The accuracy line's test part: " test 93.3%" with a test split. */
static void test_part(char *buf, size_t size, const struct trainer *t,
                      const struct view_state *s)
{
    buf[0] = '\0';
    if (s->data->n_test == 0 || s->test_hidden)
        return;
    if (s->data->regression)
        snprintf(buf, size, "   test r2 %.4f", trainer_test_r2(t));
    else
        snprintf(buf, size, "   test %.1f%%", 100.0 * trainer_test_accuracy(t));
}

void view_neuron_draw(struct canvas *c, const struct rect box,
                        const struct view_state *s)
{
    const struct trainer *t = s->trainer;
    const struct dataset *d = s->data;
    const struct view_glyphs *g = view_glyphs_for(c->utf8);
    if (t->config.hidden > 0) {
        view_network_draw(c, box, s);
        return;
    }
    canvas_box(c, box, "neuron", STYLE_FRAME);
    struct rect in = view_inner(box);
    if (in.w < 10 || in.h < 3)
        return;
    bool wide = in.w >= 50;
    bool listed = d->terms != NULL; /* one line per parameter */
    const struct neuron two = neuron_two_of(t->theta, t->nparams), *n = &two;
    struct view_numbers own;
    const struct view_numbers *num = view_cache_numbers(s->cache, t, &own);
    const double *gradient = num->gradient;
    double cost = num->cost;
    struct gradient grad = gradient_two_of(gradient, t->nparams);
    double accuracy = num->score;
    enum activation act = t->config.activation;
    enum loss loss = t->config.loss;
    const char *dd = g->partial;
    struct text_lines l = {.count = 0, .width = in.w};
    char a[256], b[256];

    const struct epoch_record *picked =
        s->picked ? view_record_of(&t->history, s->picked_epoch) : NULL;
    if (picked) {
        char pc[24], p1[24], p2[24], pb[24];
        const double *theta =
            history_params(&t->history, (size_t)(picked - t->history.records));
        struct neuron was = neuron_two_of(theta, t->nparams);
        plot_format_number(pc, sizeof pc, picked->cost, -1);
        plot_format_number(p1, sizeof p1, was.w1, -1);
        plot_format_number(p2, sizeof p2, was.w2, -1);
        plot_format_number(pb, sizeof pb, was.b, -1);
        struct style st = style_of(COLOUR_MAGENTA, ATTR_REVERSE);
        if (listed)
            snprintf(a, sizeof a, "epoch %zu: epoch cost %s  w1 = %s ... b = %s",
                     picked->epoch, pc, p1, pb);
        else
            snprintf(a, sizeof a, "epoch %zu: epoch cost %s  w1 = %s  w2 = %s  b = %s",
                     picked->epoch, pc, p1, p2, pb);
        if (canvas_text_width(a) <= in.w) {
            add_line(&l, st, a, NULL);
        } else {
            snprintf(a, sizeof a, "epoch %zu: epoch cost %s", picked->epoch, pc);
            add_line(&l, st, a, NULL);
            snprintf(a, sizeof a, "w1 %s  w2 %s  b %s", p1, p2, pb);
            if (!listed)
                add_line(&l, st, a, NULL);
        }
    }

    char w1[40], w2[40], bb[40];
    int dec = wide ? 4 : 2;
    if (listed) {
        /* every term when they fit, else the first and the last */
        int at = snprintf(a, sizeof a, "z =");
        for (size_t k = 0; k < d->nfeatures && at > 0 && (size_t)at < sizeof a; k++)
            at += snprintf(a + at, sizeof a - (size_t)at, " w%zu%s%s +", k + 1, g->times,
                           d->term_name[k]);
        if (at > 0 && (size_t)at < sizeof a)
            snprintf(a + at, sizeof a - (size_t)at, " b");
        if (canvas_text_width(a) > in.w)
            snprintf(a, sizeof a, "z = w1%s%s + ... + w%zu%s%s + b   (%zu inputs)", g->times,
                     d->term_name[0], d->nfeatures, g->times,
                     d->term_name[d->nfeatures - 1], d->nfeatures);
        snprintf(b, sizeof b, "z = w%s(%zu input%s) + b", g->times, d->nfeatures,
                 d->nfeatures == 1 ? "" : "s");
        add_line(&l, STYLE_TITLE, a, b);
    } else {
        for (int tiny = 2; tiny >= 1; tiny--) { /* 1 digit when 2 do not fit */
            signed_term(w1, sizeof w1, n->w1, dec, true, tiny);
            signed_term(w2, sizeof w2, n->w2, dec, false, tiny);
            signed_term(bb, sizeof bb, n->b, dec, false, tiny);
            snprintf(a, sizeof a, "z = %s%sx1%s%sx2%s", w1, g->times, w2, g->times, bb);
            if (canvas_text_width(a) <= in.w)
                break;
        }
        add_line(&l, STYLE_TITLE, a, NULL);
    }

    snprintf(a, sizeof a, "a = %s(z) = %s   loss %s", activation_name(act),
             activation_formula(act), loss_name(loss));
    snprintf(b, sizeof b, "a = %s(z)   loss %s", activation_name(act), loss_name(loss));
    add_line(&l, STYLE_TEXT, a, b);

    char cs[32], g1[32], g2[32], g3[32], test[48];
    plot_format_number(cs, sizeof cs, cost, -1);
    plot_format_number(g1, sizeof g1, grad.dw1, -1);
    plot_format_number(g2, sizeof g2, grad.dw2, -1);
    plot_format_number(g3, sizeof g3, grad.db, -1);
    test_part(test, sizeof test, t, s);
    if (d->regression) {
        snprintf(a, sizeof a, "C(now) = mean %s = %s   r2 %.4f%s", loss_formula(loss, c->utf8),
                 cs, accuracy, test);
        snprintf(b, sizeof b, "C(now) = %s   r2 %.4f%s", cs, accuracy, test);
    } else if (num->rows < d->n) { /* large data: over a sample of the rows */
        snprintf(a, sizeof a, "C(now) = mean %s = %s   accuracy %.1f%% (%zu-row sample)%s",
                 loss_formula(loss, c->utf8), cs, 100.0 * accuracy, num->rows, test);
        snprintf(b, sizeof b, "C(now) = %s   accuracy %.1f%% (sample)%s", cs,
                 100.0 * accuracy, test);
    } else {
        size_t right = (size_t)(accuracy * (double)d->n + 0.5);
        snprintf(a, sizeof a, "C(now) = mean %s = %s   accuracy %.1f%% (%zu of %zu)%s",
                 loss_formula(loss, c->utf8), cs, 100.0 * accuracy, right, d->n, test);
        snprintf(b, sizeof b, "C(now) = %s   accuracy %.1f%%%s", cs, 100.0 * accuracy, test);
        if (canvas_text_width(b) > in.w) /* C at the current weights, not the epoch's */
            snprintf(b, sizeof b, "C(now) %s  acc %.1f%%%s", cs, 100.0 * accuracy, test);
    }
    add_line(&l, STYLE_TEXT, a, b);

    if (listed) {
        parameter_lines(&l, s, gradient, in.h - l.count, dec, dd);
    } else {
        snprintf(a, sizeof a, "gradient  %sC/%sw1 %s   %sC/%sw2 %s   %sC/%sb %s", dd, dd,
                 g1, dd, dd, g2, dd, dd, g3);
        if (canvas_text_width(a) <= in.w) {
            add_line(&l, STYLE_TEXT, a, NULL);
        } else {
            snprintf(a, sizeof a, "%sC/%sw1 = %s", dd, dd, g1);
            add_line(&l, STYLE_TEXT, a, NULL);
            snprintf(a, sizeof a, "%sC/%sw2 = %s", dd, dd, g2);
            add_line(&l, STYLE_TEXT, a, NULL);
            snprintf(a, sizeof a, "%sC/%sb  = %s", dd, dd, g3);
            add_line(&l, STYLE_TEXT, a, NULL);
        }
    }
    enum optimizer_kind kind = t->config.optimizer.kind;
    if (kind != OPTIMIZER_SGD) {
        /* the optimizer and the length of the last step it took */
        char step[32];
        plot_format_number(step, sizeof step, t->optimizer.step_size, -1);
        snprintf(a, sizeof a, "optimizer %s   last step |%s| = %s", optimizer_name(kind),
                 c->utf8 ? "Δθ" : "d theta", step);
        snprintf(b, sizeof b, "%s  step %s", optimizer_name(kind), step);
        add_line(&l, STYLE_TEXT, a, b);
    }
    if (act == ACT_STEP) {
        add_line(&l, STYLE_WARN,
                 "step: its gradient is 0, so it cannot learn by gradient descent",
                 "step: its gradient is 0, so it");
        if (canvas_text_width(l.text[l.count - 1]) < 40)
            add_line(&l, STYLE_WARN, "cannot learn by gradient descent", NULL);
    }
    if (listed) {
        bool one = d->plot_column[0] == d->plot_column[1];
        snprintf(a, sizeof a, "plotted: %s%s%s%s", d->x_name ? d->x_name : "?",
                 one ? "" : ", ", one ? "" : d->y_name ? d->y_name : "?",
                 d->standardized ? "   terms standardised" : "");
        add_line(&l, STYLE_DIM, a, NULL);
    } else {
        snprintf(a, sizeof a, "x1 = %s   x2 = %s%s", d->x_name ? d->x_name : "?",
                 d->y_name ? d->y_name : "?", d->standardized ? " (standardised)" : "");
        snprintf(b, sizeof b, "x1 %s   x2 %s", d->x_name ? d->x_name : "?",
                 d->y_name ? d->y_name : "?");
        add_line(&l, STYLE_DIM, a, b);
    }
    if (in.h >= 12) {
        if (d->regression) {
            snprintf(a, sizeof a, "y = target %s: the neuron fits its value",
                     d->label_name ? d->label_name : "?");
            add_line(&l, STYLE_DIM, a, NULL);
        } else {
            const char *c0 = d->class_name[0] ? d->class_name[0] : "?";
            const char *c1 = d->class_name[1] ? d->class_name[1] : "?";
            snprintf(a, sizeof a, "y = 0 for %s, 1 for %s: predicts %s when a %s 0.5",
                     c0, c1, c1, g->geq);
            snprintf(b, sizeof b, "predicts %s when a %s 0.5", c1, g->geq);
            add_line(&l, STYLE_DIM, a, b);
        }
        char batch[48];
        if (t->config.batch == 0)
            snprintf(batch, sizeof batch, "full (%zu samples)", d->n);
        else
            snprintf(batch, sizeof batch, "%zu of %zu samples", trainer_batch_size(t), d->n);
        snprintf(a, sizeof a, "update w %s w %s lr%s%sC/%sw   lr %g, batch %s",
                 c->utf8 ? "←" : "<-", c->utf8 ? "−" : "-", g->times, dd, dd,
                 trainer_current_lr(t), batch);
        if (kind != OPTIMIZER_SGD) {
            snprintf(a, sizeof a, "update by %s   lr %g, batch %s", optimizer_name(kind),
                     trainer_current_lr(t), batch);
            snprintf(b, sizeof b, "update by %s", optimizer_name(kind));
        }
        snprintf(b, sizeof b, "update w %s w %s lr%s%sC/%sw", c->utf8 ? "←" : "<-",
                 c->utf8 ? "−" : "-", g->times, dd, dd);
        add_line(&l, STYLE_DIM, a, b);
        snprintf(a, sizeof a, "init %s, seed %llu, shuffle %s", init_name(t->config.init),
                 (unsigned long long)t->config.seed, t->config.shuffle ? "on" : "off");
        add_line(&l, STYLE_DIM, a, NULL);
    }
    if (in.h >= 16 && d->n > 0 && !d->regression) {
        /* The first sample of each class, worked through. */
        add_line(&l, STYLE_TEXT, "", NULL);
        size_t first[2] = {d->n, d->n};
        for (size_t i = 0; i < d->n && (first[0] == d->n || first[1] == d->n); i++) {
            int k = d->y[i] >= 0.5;
            if (first[k] == d->n)
                first[k] = i;
        }
        for (int k = 0; k < 2; k++)
            if (first[k] < d->n)
                sample_line(&l, s, g, first[k], c->utf8);
    }
    for (int i = 0; i < l.count && i < in.h; i++)
        canvas_text(c, in.x, in.y + i, in.w, l.text[i], l.style[i]);
}
