/* frame.c - the --dump-frame mode: the same session and views as the
 * live screen, rendered once into a canvas and written as text. */
#include "frame.h"

#include "canvas.h"
#include "session.h"
#include "views.h"

bool frame_dump(const struct options *o, FILE *out, char *err, size_t errlen)
{
    struct session s;
    if (!session_open(&s, o, err, errlen))
        return false;
    for (size_t i = 0; i < o->epochs && !s.trainer.diverged; i++)
        session_epoch(&s);

    struct canvas c;
    if (!canvas_init(&c, o->dump_width, o->dump_height, !o->ascii)) {
        snprintf(err, errlen, "out of memory for a %dx%d frame", o->dump_width,
                 o->dump_height);
        session_close(&s);
        return false;
    }
    struct view_state v = {
        .trainer = &s.trainer,
        .data = &s.data,
        .bowl = &s.bowl,
        .running = false,
        .finished = false,
        .log_cost = true,
        .regions = o->regions,
        .right = o->landscape ? RIGHT_LANDSCAPE : RIGHT_BOWL,
        .help = false,
        .epochs_per_frame = o->epochs_per_frame,
        .notice = NULL,
        .colour = false,
        .caption = {o->caption[0][0] ? o->caption[0] : NULL,
                    o->caption[1][0] ? o->caption[1] : NULL},
        .lesson = o->lesson_name[0] ? o->lesson_name : NULL,
    };
    views_render(&c, &v);
    bool ok = canvas_dump(&c, out);
    canvas_free(&c);
    session_close(&s);
    if (!ok)
        snprintf(err, errlen, "cannot write the frame");
    return ok;
}
