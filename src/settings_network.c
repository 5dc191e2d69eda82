/* settings_network.c - the hidden layer's settings (docs/DESIGN.md "A
 * hidden layer"): the kinds of value of --hidden, --hidden-activation and
 * --weights for the settings table, and the check of --weights' count
 * once the data set fixes the number of inputs. */
#include "settings_kinds.h"

#include <stdio.h>
#include <string.h>

#include "dataset.h"
#include "network.h"

/* --hidden, written only when there is a hidden layer: record files of
 * runs without one stay as they were. */
bool kind_format_hidden(const struct setting *s, const struct options *o,
                        char *buf, size_t size)
{
    return o->train.hidden != 0 && kind_format_count(s, o, buf, size);
}

/* Written only when it is not the default (tanh). */
bool kind_format_hidden_activation(const struct setting *s, const struct options *o,
                                   char *buf, size_t size)
{
    return o->train.hidden_activation != HIDDEN_TANH && kind_format_name(s, o, buf, size);
}

/* A comma list of finite numbers, at most NETWORK_PARAMS_MAX; the count
 * is checked against the run's P later (settings_check_weights). */
bool kind_parse_weights(const struct setting *s, struct options *o,
                        const char *value, char *why, size_t whylen)
{
    struct weight_list list = {0};
    const char *p = value;
    for (;;) {
        size_t len = strcspn(p, ",");
        char number[128];
        if (len == 0 || len >= sizeof number || list.count == NETWORK_PARAMS_MAX)
            break;
        memcpy(number, p, len);
        number[len] = '\0';
        if (!parse_number(number, &list.value[list.count]))
            break;
        list.count++;
        if (p[len] == '\0') {
            o->weights = list;
            return true;
        }
        p += len + 1;
    }
    snprintf(why, whylen, "\"%s\" %s", value, s->complaint);
    return false;
}

/* The numbers with %.17g (they read back to the same bits); nothing when
 * none were given. */
bool kind_format_weights(const struct setting *s, const struct options *o,
                         char *buf, size_t size)
{
    (void)s;
    size_t used = 0;
    if (o->weights.count == 0 || size == 0)
        return false;
    for (size_t k = 0; k < o->weights.count; k++) {
        int n = snprintf(buf + used, size - used, "%s%.17g", k ? "," : "",
                         o->weights.value[k]);
        if (n < 0 || (size_t)n >= size - used)
            return false;
        used += (size_t)n;
    }
    return true;
}

bool settings_check_weights(const struct options *o, size_t nfeatures,
                            char *err, size_t errlen)
{
    size_t hidden = o->train.hidden, p = network_param_count(nfeatures, hidden);
    if (o->weights.count == 0 || o->weights.count == p)
        return true;
    /* The order, every name when they are few, else its outline. */
    char order[512], first[16], last[16];
    size_t used = 0;
    order[0] = '\0';
    if (p <= 24) {
        for (size_t k = 0; k < p; k++) {
            char name[16];
            network_param_name(nfeatures, hidden, k, name, sizeof name);
            int n = snprintf(order + used, sizeof order - used, "%s%s", k ? "," : "", name);
            if (n < 0 || (size_t)n >= sizeof order - used)
                break;
            used += (size_t)n;
        }
    } else if (hidden > 0) {
        network_param_name(nfeatures, hidden, network_output_offset(nfeatures, hidden) - 1,
                           last, sizeof last);
        snprintf(order, sizeof order, "h1_w1,...,h1_b,...,%s, then w1,...,w%zu,b", last,
                 hidden);
    } else {
        network_param_name(nfeatures, 0, 0, first, sizeof first);
        network_param_name(nfeatures, 0, p - 2, last, sizeof last);
        snprintf(order, sizeof order, "%s,...,%s,b", first, last);
    }
    snprintf(err, errlen, "--weights: expected %zu numbers (%s), got %zu", p, order,
             o->weights.count);
    return false;
}
