/* settings_kinds.h - the kinds of value a settings-table row can hold:
 * for each, the function that checks and stores a value (kind_parse_*)
 * and the one that writes it back as text for record files
 * (kind_format_*), with the setting_parse_fn / setting_format_fn
 * contracts of settings.h. Private to settings_table.c and
 * settings_kinds.c. */
#ifndef DESCENT_SETTINGS_KINDS_H
#define DESCENT_SETTINGS_KINDS_H

#include <stdbool.h>
#include <stddef.h>

#include "settings.h"

bool kind_parse_text(const struct setting *s, struct options *o, const char *value, char *why, size_t whylen);
bool kind_format_text(const struct setting *s, const struct options *o, char *buf, size_t size);
bool kind_parse_data(const struct setting *s, struct options *o, const char *value, char *why, size_t whylen);
bool kind_parse_path(const struct setting *s, struct options *o, const char *value, char *why, size_t whylen);
bool kind_parse_classes(const struct setting *s, struct options *o, const char *value, char *why, size_t whylen);
bool kind_format_classes(const struct setting *s, const struct options *o, char *buf, size_t size);
bool kind_parse_lr_range(const struct setting *s, struct options *o, const char *value, char *why, size_t whylen);
bool kind_parse_positive(const struct setting *s, struct options *o, const char *value, char *why, size_t whylen);
bool kind_format_double(const struct setting *s, const struct options *o, char *buf, size_t size);
bool kind_parse_tenths(const struct setting *s, struct options *o, const char *value, char *why, size_t whylen);
bool kind_format_nonzero(const struct setting *s, const struct options *o, char *buf, size_t size);
bool kind_parse_features(const struct setting *s, struct options *o, const char *value, char *why, size_t whylen);
bool kind_parse_count(const struct setting *s, struct options *o, const char *value, char *why, size_t whylen);
bool kind_format_count(const struct setting *s, const struct options *o, char *buf, size_t size);
bool kind_format_points(const struct setting *s, const struct options *o, char *buf, size_t size);
bool kind_parse_count_or_full(const struct setting *s, struct options *o, const char *value, char *why, size_t whylen);
bool kind_format_count_or_full(const struct setting *s, const struct options *o, char *buf, size_t size);
bool kind_parse_on_off(const struct setting *s, struct options *o, const char *value, char *why, size_t whylen);
bool kind_format_on_off(const struct setting *s, const struct options *o, char *buf, size_t size);
bool kind_parse_flag(const struct setting *s, struct options *o, const char *value, char *why, size_t whylen);
bool kind_parse_view(const struct setting *s, struct options *o, const char *value, char *why, size_t whylen);
bool kind_parse_pair(const struct setting *s, struct options *o, const char *value, char *why, size_t whylen);
bool kind_format_pair(const struct setting *s, const struct options *o, char *buf, size_t size);
bool kind_parse_size(const struct setting *s, struct options *o, const char *value, char *why, size_t whylen);
/* The named-value kind (settings_names.c): an enum field spelt as one of
 * its list of names, e.g. --loss MSE. The complaint is the row's. */
bool kind_parse_name(const struct setting *s, struct options *o, const char *value, char *why, size_t whylen);
bool kind_format_name(const struct setting *s, const struct options *o, char *buf, size_t size);
bool kind_parse_delimiter(const struct setting *s, struct options *o, const char *value, char *why, size_t whylen);
bool kind_format_delimiter(const struct setting *s, const struct options *o, char *buf, size_t size);
bool kind_parse_decay_rate(const struct setting *s, struct options *o, const char *value, char *why, size_t whylen);

/* The hidden layer's (settings_network.c). */
bool kind_format_hidden(const struct setting *s, const struct options *o, char *buf, size_t size);
bool kind_format_hidden_activation(const struct setting *s, const struct options *o, char *buf, size_t size);
bool kind_parse_weights(const struct setting *s, struct options *o, const char *value, char *why, size_t whylen);
bool kind_format_weights(const struct setting *s, const struct options *o, char *buf, size_t size);

#endif
