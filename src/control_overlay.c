/* control_overlay.c - what opens over the normal screen and how it
 * closes: the = prompt that types a learning rate on the status line, z
 * (one panel on the whole screen, the next one each time) and Esc, which
 * closes whichever is open and never quits. Like control.c it has no
 * screen: the views read the prompt and the zoom through
 * control_view_state. While the prompt is open every key comes here, so
 * a record file holds the typed characters as keys and a replay types
 * them again. */
#include <string.h>

#include "control_internal.h"
#include "number.h"

/* The panels' names in the order z shows them. */
static const char *const zoom_names[ZOOM_COUNT] = {
    [ZOOM_NONE] = "off", [ZOOM_DATA] = "data plot", [ZOOM_COST] = "cost plot",
    [ZOOM_NEURON] = "neuron", [ZOOM_RIGHT] = "right panel",
};

static void prompt_close(struct control *c)
{
    memset(&c->prompt, 0, sizeof c->prompt);
}

/* Why text (typed at the prompt) is not a learning rate, into
 * c->prompt.error; false when it is one (stored in *lr). */
static bool prompt_refuse(struct control *c, const char *text, double *lr)
{
    char *error = c->prompt.error;
    size_t size = sizeof c->prompt.error;
    double v = 0.0;
    enum number_status status = number_check(text, &v);
    if (status == NUMBER_EMPTY)
        snprintf(error, size, "type a number, e.g. 0.03");
    else if (status == NUMBER_NOT_A_NUMBER)
        snprintf(error, size, "not a number: type e.g. 0.03 or 2e-3");
    else if (status == NUMBER_NOT_FINITE)
        snprintf(error, size, "not finite: type a number such as 0.03");
    else if (status == NUMBER_OUT_OF_RANGE || (status == NUMBER_OK && v > LR_MAX))
        snprintf(error, size, "too big: at most %g", LR_MAX);
    else if (status == NUMBER_UNDERFLOW || !(v > 0.0))
        snprintf(error, size, "must be above 0");
    else if (v < LR_MIN)
        snprintf(error, size, "too small: at least %g", LR_MIN);
    else {
        *lr = v;
        return false;
    }
    return true;
}

/* Enter: the typed rate applied (the prompt closes) or refused (the
 * prompt stays open with the reason). */
static unsigned prompt_enter(struct control *c)
{
    /* spaces around the number are forgiven */
    const char *text = c->prompt.text;
    while (*text == ' ')
        text++;
    char trimmed[LR_PROMPT_MAX + 1];
    snprintf(trimmed, sizeof trimmed, "%s", text);
    size_t len = strlen(trimmed);
    while (len > 0 && trimmed[len - 1] == ' ')
        trimmed[--len] = '\0';
    double lr;
    if (prompt_refuse(c, trimmed, &lr))
        return CONTROL_REDRAW;
    struct session *s = &c->session;
    struct train_config config = s->trainer.config;
    prompt_close(c);
    if (lr == config.lr) {
        control_notice(c, "lr stays %g", lr);
        return CONTROL_REDRAW;
    }
    config.lr = lr;
    session_configure(s, &config);
    control_notice(c, "lr %g (typed)", lr);
    return CONTROL_REDRAW;
}

unsigned control_prompt_key(struct control *c, int key)
{
    struct lr_prompt *p = &c->prompt;
    size_t len = strlen(p->text);
    if (key == KEY_CODE_ESCAPE) {
        prompt_close(c);
        control_notice(c, "lr unchanged: %g", c->session.trainer.config.lr);
        return CONTROL_REDRAW;
    }
    if (key == KEY_CODE_ENTER || key == '\n')
        return prompt_enter(c);
    if (key == KEY_CODE_BACKSPACE || key == '\b') {
        if (len > 0)
            p->text[len - 1] = '\0';
        p->error[0] = '\0';
        return CONTROL_REDRAW;
    }
    if (key >= 0x20 && key < 0x7f) {
        if (len >= LR_PROMPT_MAX) {
            snprintf(p->error, sizeof p->error, "at most %d characters", LR_PROMPT_MAX);
            return CONTROL_REDRAW;
        }
        p->text[len] = (char)key;
        p->text[len + 1] = '\0';
        p->error[0] = '\0';
        return CONTROL_REDRAW;
    }
    return CONTROL_NONE; /* arrows, clicks' codes: the prompt ignores them */
}

unsigned control_overlay_action(struct control *c, enum action action)
{
    struct view_switches *v = &c->view;
    switch (action) {
    case ACTION_LR_PROMPT:
        prompt_close(c);
        c->prompt.open = true;
        control_notice(c, "type a learning rate: Enter applies, %s cancels",
                       keymap_label_for(ACTION_CLOSE));
        return CONTROL_REDRAW;
    case ACTION_ZOOM:
        v->zoom = (enum zoom_panel)((v->zoom + 1) % ZOOM_COUNT);
        if (v->zoom == ZOOM_NONE)
            control_notice(c, "zoom off: every panel");
        else
            control_notice(c, "zoom: %s (%s: next, %s: back)", zoom_names[v->zoom],
                           keymap_label_for(ACTION_ZOOM), keymap_label_for(ACTION_CLOSE));
        return CONTROL_REDRAW;
    case ACTION_CLOSE:
        if (v->zoom != ZOOM_NONE) {
            v->zoom = ZOOM_NONE;
            control_notice(c, "zoom off: every panel");
        } else {
            control_notice(c, "%s closes the help, the lr prompt or a zoom; %s quits",
                           keymap_label_for(ACTION_CLOSE), keymap_label_for(ACTION_QUIT));
        }
        return CONTROL_REDRAW;
    default:
        return CONTROL_NONE;
    }
}
