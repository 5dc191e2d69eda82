/* fuzz_record.c - libFuzzer harness for the record file reader: the input
 * is a record file's text, parsed by recording_parse (the buffer entry
 * point recording_load uses) and, when it is accepted, applied to a set
 * of options as a replay does. Nothing may crash, leak or read past the
 * input (it is not NUL-terminated). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "options.h"
#include "recording.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct recording *r = malloc(sizeof *r);
    struct options *o = malloc(sizeof *o);
    if (r && o) {
        char err[1024] = "";
        if (recording_parse((const char *)data, size, "fuzz.rec", r, err, sizeof err)) {
            options_defaults(o);
            recording_apply(r, o);
            if (o->train.lr <= 0.0 || o->epochs > ((size_t)1 << 48))
                abort(); /* the command line's bounds hold */
            for (size_t i = 0; i < r->count; i++)
                if (r->events[i].epoch > ((size_t)1 << 48))
                    abort();
        } else if (strlen(err) == 0) {
            abort(); /* a refusal always says why */
        }
        recording_free(r);
    }
    free(r);
    free(o);
    return 0;
}
