/* frame.c - the --dump-frame mode: the same control, session and views as
 * the live screen, trained to --epochs, paused, rendered once into a
 * canvas and written as text. */
#include "frame.h"

#include <stdlib.h>

#include "canvas.h"
#include "control.h"
#include "views.h"

bool frame_dump(const struct options *o, FILE *out, char *err, size_t errlen)
{
    struct control *run = malloc(sizeof *run);
    if (run == NULL) {
        snprintf(err, errlen, "out of memory");
        return false;
    }
    if (!control_open(run, o, err, errlen)) {
        free(run);
        return false;
    }
    /* Whole epochs up to the limit; a divergence stops them, as on screen. */
    struct position limit = {o->epochs, 0};
    while (control_step_toward(run, limit))
        ;
    control_pause(run);

    struct canvas c;
    bool ok = false;
    if (!canvas_init(&c, o->dump_width, o->dump_height, !o->ascii)) {
        snprintf(err, errlen, "out of memory for a %dx%d frame", o->dump_width,
                 o->dump_height);
    } else {
        struct view_state v;
        control_view_state(run, &v);
        views_render(&c, &v);
        ok = canvas_dump(&c, out);
        if (!ok)
            snprintf(err, errlen, "cannot write the frame");
    }
    canvas_free(&c);
    control_close(run);
    free(run);
    return ok;
}
