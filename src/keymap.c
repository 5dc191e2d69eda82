/* keymap.c - the key table: what each key does and the line of help that
 * says so. The actions (control.c) look keys up here, and the notices and
 * captions that name a key take its label from here; the help overlay and
 * the README's key list are generated from the same rows, so they can
 * never disagree. Only keys that do something are listed; each help line
 * fits the two-column overlay at 80x24 (28 characters at most). */
#include "keymap.h"

#include <string.h>

static const struct key_binding bindings[] = {
    {' ', "space", ACTION_PAUSE, "pause / resume"},
    {'n', "n", ACTION_EPOCH, "one epoch (pauses first)"},
    {'.', ".", ACTION_BATCH_STEP, "one minibatch (pauses first)"},
    {'+', "+", ACTION_LR_UP, "lr up 1-2-5, bowl restarts"},
    {'-', "-", ACTION_LR_DOWN, "lr down 1-2-5, bowl restarts"},
    {'=', "=", ACTION_LR_PROMPT, "type a learning rate"},
    {'l', "l", ACTION_LOSS, "next loss: MSE MAE BCE"},
    {'a', "a", ACTION_ACTIVATION, "next activation function"},
    {'b', "b", ACTION_BATCH_UP, "batch up: 1 4 8 16 32 full"},
    {'B', "B", ACTION_BATCH_DOWN, "batch down"},
    {']', "]", ACTION_FASTER, "faster: epochs/frame x2"},
    {'[', "[", ACTION_SLOWER, "slower, down to 1 epoch/s"},
    {'r', "r", ACTION_RESET, "reset: same seed, same run"},
    {'i', "i", ACTION_INIT, "init zeros<>uniform, reset"},
    {'x', "x", ACTION_X_FEATURE, "next x feature (resets)"},
    {'y', "y", ACTION_Y_FEATURE, "next y feature (resets)"},
    {'c', "c", ACTION_CLASSES, "next class pair (resets)"},
    {'g', "g", ACTION_COST_SCALE, "cost plot: log <> linear"},
    {'u', "u", ACTION_COST_UPDATES, "cost plot: epoch <> update"},
    {'d', "d", ACTION_REGIONS, "decision regions on / off"},
    {'v', "v", ACTION_VIEW, "right panel: bowl/landscape"},
    {'w', "w", ACTION_PAIR, "landscape: next weight pair"},
    {'t', "t", ACTION_TEST, "test points/curve on / off"},
    {'z', "z", ACTION_ZOOM, "zoom a panel (again: next)"},
    {'m', "m", ACTION_MESH, "right panel: contours/3D"},
    {'<', "<", ACTION_TURN_LEFT, "3D: turn 15 degrees left"},
    {'>', ">", ACTION_TURN_RIGHT, "3D: turn 15 degrees right"},
    {'(', "(", ACTION_TILT_DOWN, "3D: tilt 10 degrees down"},
    {')', ")", ACTION_TILT_UP, "3D: tilt 10 degrees up"},
    {'o', "o", ACTION_OPTIMIZER, "next optimizer (surface)"},
    {'f', "f", ACTION_SURFACE, "next surface"},
    {'k', "k", ACTION_KAPPA_UP, "stretched bowl: kappa x2"},
    {'K', "K", ACTION_KAPPA_DOWN, "stretched bowl: kappa /2"},
    {'R', "R", ACTION_RACE, "race every optimizer"},
    {'h', "h", ACTION_HIDDEN, "hidden units 0 1 2 3 4 8"},
    {'H', "H", ACTION_HIDDEN_ACTIVATION, "next hidden activation"},
    {'j', "j", ACTION_UNIT, "next unit's formula"},
    {'F', "F", ACTION_LR_FIND, "LR range test (curve)"},
    {KEY_CODE_ENTER, "Enter", ACTION_LR_FIND_APPLY, "range test: use its lr"},
    {KEY_CODE_LEFT, "Left", ACTION_BACK, "back one epoch (pauses)"},
    {KEY_CODE_RIGHT, "Right", ACTION_FORWARD, "forward one epoch (pauses)"},
    {'L', "L", ACTION_LESSON, "next lesson"},
    {'s', "s", ACTION_SAVE, "save .csv .txt .svg here"},
    {'?', "?", ACTION_HELP, "keys (? pages, others close)"},
    {'q', "q", ACTION_QUIT, "quit"},
    {KEY_CODE_ESCAPE, "Esc", ACTION_CLOSE, "close overlay/prompt/zoom"},
};

/* The whole table in help order; its length goes to *count. */
const struct key_binding *keymap_table(size_t *count)
{
    if (count)
        *count = sizeof bindings / sizeof bindings[0];
    return bindings;
}

/* The key of the row labelled label (exact), or -1. */
int keymap_key_of_label(const char *label)
{
    for (size_t i = 0; i < sizeof bindings / sizeof bindings[0]; i++)
        if (strcmp(bindings[i].label, label) == 0)
            return bindings[i].key;
    return -1;
}

/* The label of the first row bound to key, or NULL. */
const char *keymap_label(int key)
{
    for (size_t i = 0; i < sizeof bindings / sizeof bindings[0]; i++)
        if (bindings[i].key == key)
            return bindings[i].label;
    return NULL;
}

/* The label of the first row doing action, or "?" when none does. */
const char *keymap_label_for(enum action action)
{
    for (size_t i = 0; i < sizeof bindings / sizeof bindings[0]; i++)
        if (bindings[i].action == action)
            return bindings[i].label;
    return "?";
}

/* The action of the first row bound to key, or ACTION_NONE. */
enum action keymap_lookup(int key)
{
    for (size_t i = 0; i < sizeof bindings / sizeof bindings[0]; i++)
        if (bindings[i].key == key)
            return bindings[i].action;
    return ACTION_NONE;
}
