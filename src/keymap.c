/* keymap.c - the key table: what each key does and the line of help that
 * says so. The event loop (app.c) looks keys up here; the help overlay and
 * the README's key list are generated from the same rows, so the three can
 * never disagree. Only keys that do something are listed. */
#include "keymap.h"

static const struct key_binding bindings[] = {
    {' ', "space", ACTION_PAUSE, "pause / resume"},
    {'n', "n", ACTION_EPOCH, "one epoch (pauses first)"},
    {'.', ".", ACTION_BATCH_STEP, "one minibatch update (pauses first)"},
    {'+', "+", ACTION_LR_UP, "learning rate up the 1-2-5 ladder"},
    {'-', "-", ACTION_LR_DOWN, "learning rate down the 1-2-5 ladder"},
    {'l', "l", ACTION_LOSS, "loss: MSE > MAE > BCE"},
    {'a', "a", ACTION_ACTIVATION, "activation: sigmoid > linear > relu > step"},
    {'b', "b", ACTION_BATCH_UP, "batch size up: 1 4 8 16 32 full"},
    {'B', "B", ACTION_BATCH_DOWN, "batch size down"},
    {']', "]", ACTION_FASTER, "faster: epochs per frame x2"},
    {'[', "[", ACTION_SLOWER, "slower: epochs per frame /2"},
    {'r', "r", ACTION_RESET, "reset weights and history (same seed)"},
    {'i', "i", ACTION_INIT, "init zeros <> uniform(-1,1), then reset"},
    {'x', "x", ACTION_X_FEATURE, "next feature on the x axis (resets)"},
    {'y', "y", ACTION_Y_FEATURE, "next feature on the y axis (resets)"},
    {'c', "c", ACTION_CLASSES, "next pair of classes (resets)"},
    {'g', "g", ACTION_COST_SCALE, "cost plot: log <> linear"},
    {'d', "d", ACTION_REGIONS, "decision regions on / off"},
    {'?', "?", ACTION_HELP, "this help (any key closes it)"},
    {'q', "q", ACTION_QUIT, "quit"},
    {KEY_CODE_ESCAPE, "Esc", ACTION_QUIT, "quit"},
};

/* The whole table in help order; its length goes to *count. */
const struct key_binding *keymap_table(size_t *count)
{
    if (count)
        *count = sizeof bindings / sizeof bindings[0];
    return bindings;
}

/* The action of the first row bound to key, or ACTION_NONE. */
enum action keymap_lookup(int key)
{
    for (size_t i = 0; i < sizeof bindings / sizeof bindings[0]; i++)
        if (bindings[i].key == key)
            return bindings[i].action;
    return ACTION_NONE;
}
