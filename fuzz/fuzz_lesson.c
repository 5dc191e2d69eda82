/* fuzz_lesson.c - libFuzzer harness for the lesson parser: the input is
 * the text of a lesson file in memory (lesson_parse, not NUL-terminated).
 * A lesson that parses is then applied to default options (lesson_apply),
 * as --lesson does. Never prints, never exits; the lesson and options are
 * plain structs with nothing to free. */
#include <stddef.h>
#include <stdint.h>

#include "lesson.h"
#include "options.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* Both are large (a lesson holds 24 values of 1 KiB): keep them off
     * the stack. */
    static struct lesson lesson;
    static struct options options;
    char err[512];
    if (!lesson_parse("fuzz.lesson", "fuzz", NULL, (const char *)data, size,
                      &lesson, err, sizeof err))
        return 0;
    options_defaults(&options);
    (void)lesson_apply(&lesson, &options, err, sizeof err);
    return 0;
}
