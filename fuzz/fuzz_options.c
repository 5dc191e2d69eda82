/* fuzz_options.c - libFuzzer harness for the command line: the input is
 * cut at NUL bytes and line breaks into words, given to options_parse as
 * argv after "descent". options_parse must neither print, exit nor leak,
 * and must take any words, any number of times in one process. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "options.h"

#define MAX_WORDS 64

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* One copy of the input with every separator a NUL: the words. */
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    static char program[] = "descent";
    char *argv[MAX_WORDS + 2];
    int argc = 0;
    argv[argc++] = program;
    size_t start = 0;
    for (size_t i = 0; i <= size && argc <= MAX_WORDS; i++) {
        if (i == size || text[i] == '\0' || text[i] == '\n') {
            text[i] = '\0';
            if (i > start || (i < size && text[start] == '\0'))
                argv[argc++] = text + start;
            start = i + 1;
        }
    }
    argv[argc] = NULL;
    struct options *o = malloc(sizeof *o);
    if (o) {
        char err[1024];
        if (options_parse(argc, argv, o, err, sizeof err)) {
            /* What a lesson does to the parsed options, without files. */
            options_clear_lesson(o);
        } else if (strlen(err) == 0) {
            abort(); /* a failure always says why */
        }
        free(o);
    }
    free(text);
    return 0;
}
