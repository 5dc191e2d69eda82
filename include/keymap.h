/* keymap.h - the key table: one row per key binding, read by the event
 * loop (what a key does) and by the help overlay and README (what it says). */
#ifndef DESCENT_KEYMAP_H
#define DESCENT_KEYMAP_H

#include <stddef.h>

enum action {
    ACTION_NONE,
    ACTION_PAUSE,        /* space */
    ACTION_EPOCH,        /* n */
    ACTION_BATCH_STEP,   /* . */
    ACTION_LR_UP,        /* + */
    ACTION_LR_DOWN,      /* - */
    ACTION_LOSS,         /* l */
    ACTION_ACTIVATION,   /* a */
    ACTION_BATCH_UP,     /* b */
    ACTION_BATCH_DOWN,   /* B */
    ACTION_FASTER,       /* ] */
    ACTION_SLOWER,       /* [ */
    ACTION_RESET,        /* r */
    ACTION_INIT,         /* i */
    ACTION_X_FEATURE,    /* x */
    ACTION_Y_FEATURE,    /* y */
    ACTION_CLASSES,      /* c */
    ACTION_VIEW,         /* v */
    ACTION_MESH,         /* m */
    ACTION_TURN_LEFT,    /* < */
    ACTION_TURN_RIGHT,   /* > */
    ACTION_TILT_DOWN,    /* ( */
    ACTION_TILT_UP,      /* ) */
    ACTION_OPTIMIZER,    /* o */
    ACTION_SURFACE,      /* f */
    ACTION_KAPPA_UP,     /* k */
    ACTION_KAPPA_DOWN,   /* K */
    ACTION_RACE,         /* R */
    ACTION_LR_FIND,      /* F */
    ACTION_LR_FIND_APPLY, /* Enter */
    ACTION_COST_SCALE,   /* g */
    ACTION_COST_UPDATES, /* u */
    ACTION_REGIONS,      /* d */
    ACTION_PAIR,         /* w */
    ACTION_TEST,         /* t */
    ACTION_HIDDEN,       /* h */
    ACTION_HIDDEN_ACTIVATION, /* H */
    ACTION_UNIT,         /* j */
    ACTION_BACK,         /* left arrow */
    ACTION_FORWARD,      /* right arrow */
    ACTION_LESSON,       /* L */
    ACTION_SAVE,         /* s */
    ACTION_HELP,         /* ? */
    ACTION_QUIT,         /* q */
    ACTION_CLOSE,        /* Esc: closes an overlay, the prompt, the zoom */
    ACTION_LR_PROMPT,    /* = */
    ACTION_ZOOM,         /* z */
    ACTION_COUNT
};

/* Key codes beyond bytes, independent of curses (term.c translates). */
enum {
    KEY_CODE_LEFT = 0x1001,
    KEY_CODE_RIGHT,
    KEY_CODE_UP,
    KEY_CODE_DOWN,
    KEY_CODE_MOUSE,      /* a click; term_last_click says where */
    KEY_CODE_ESCAPE = 27,
    KEY_CODE_ENTER = 13,     /* Enter, as the terminal sends it with nonl */
    KEY_CODE_BACKSPACE = 127
};

struct key_binding {
    int key;            /* a byte like 'n', or a KEY_CODE_* */
    const char *label;  /* how the key is written: "space", "+", "Esc" */
    enum action action;
    const char *help;   /* one short line: "pause / resume" */
};

/* The whole table, in help order; *count receives its length. */
const struct key_binding *keymap_table(size_t *count);

/* The action bound to a key, or ACTION_NONE. */
enum action keymap_lookup(int key);

/* The key whose row has this label ("space", "Left"), or -1. */
int keymap_key_of_label(const char *label);

/* The label of a bound key, or NULL when the key is not in the table. */
const char *keymap_label(int key);

/* The label of the (first) key doing action, for text that names it
 * ("lower the learning rate (-)"); "?" when no key does. Never NULL. */
const char *keymap_label_for(enum action action);

#endif
