/* sample_index.h - the type of a sample's position in a dataset, used by
 * sample orders and shuffles: 32 bits, half the memory of a size_t on
 * large data, so a dataset holds at most SAMPLE_INDEX_MAX samples. */
#ifndef DESCENT_SAMPLE_INDEX_H
#define DESCENT_SAMPLE_INDEX_H

#include <stdint.h>

typedef uint32_t sample_index;
#define SAMPLE_INDEX_MAX UINT32_MAX

#endif
