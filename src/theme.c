/* theme.c - the dark, light and mono themes (theme.h): how a style the
 * views draw is shown on the terminal, and the light background a
 * terminal announces in COLORFGBG. term.c is the only caller on screen;
 * tests read the same functions. */
#include "theme.h"

#include <stdlib.h>
#include <string.h>

static const char *const names[THEME_COUNT] = {
    [THEME_DETECT] = "detect", [THEME_DARK] = "dark", [THEME_LIGHT] = "light",
    [THEME_MONO] = "mono",
};

bool theme_parse(const char *text, enum theme *theme)
{
    for (int t = THEME_DARK; t < THEME_COUNT; t++)
        if (text != NULL && strcmp(text, names[t]) == 0) {
            *theme = (enum theme)t;
            return true;
        }
    return false;
}

const char *theme_name(enum theme theme)
{
    return theme >= 0 && theme < THEME_COUNT ? names[theme] : "?";
}

enum theme theme_detect(const char *colorfgbg)
{
    if (colorfgbg == NULL)
        return THEME_DARK;
    const char *last = strrchr(colorfgbg, ';');
    if (last == NULL)
        return THEME_DARK;
    last++;
    char *end;
    long bg = strtol(last, &end, 10);
    if (end == last || *end != '\0')
        return THEME_DARK;
    return bg == 7 || bg == 15 ? THEME_LIGHT : THEME_DARK;
}

struct style theme_style(enum theme theme, struct style st)
{
    switch (theme) {
    case THEME_LIGHT:
        if (st.fg == COLOUR_WHITE)
            st.fg = COLOUR_BLACK;
        else if (st.fg == COLOUR_YELLOW)
            st.fg = COLOUR_RED;
        st.attr = (unsigned char)(st.attr & ~ATTR_DIM);
        return st;
    case THEME_MONO:
        st.fg = COLOUR_DEFAULT;
        st.bg = COLOUR_DEFAULT;
        return st;
    default:
        return st;
    }
}
