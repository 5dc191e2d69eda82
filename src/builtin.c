/* builtin.c - finding the files compiled into the binary by name. */
#include "builtin.h"

#include <stdio.h>
#include <string.h>

#include "dataset.h"

bool builtin_table(const char *name, const char **text, size_t *len)
{
    size_t prefix = strlen(BUILTIN_PREFIX);
    if (!name || strncmp(name, BUILTIN_PREFIX, prefix) != 0)
        return false;
    name += prefix;
    if (strcmp(name, "iris") == 0) {
        *text = iris_csv;
        *len = iris_csv_len;
        return true;
    }
    for (size_t i = 0; i < builtin_tables_count; i++)
        if (strcmp(builtin_tables[i].name, name) == 0) {
            *text = builtin_tables[i].text;
            *len = builtin_tables[i].len;
            return true;
        }
    return false;
}

const char *builtin_table_names(void)
{
    static char names[256];
    if (!names[0]) {
        size_t used = 0;
        for (size_t i = 0; i <= builtin_tables_count && used < sizeof names; i++)
            used += (size_t)snprintf(names + used, sizeof names - used,
                                     "%s" BUILTIN_PREFIX "%s", i ? ", " : "",
                                     i < builtin_tables_count ? builtin_tables[i].name
                                                              : "iris");
    }
    return names;
}
