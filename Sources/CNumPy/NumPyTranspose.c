// Copies of a strided matrix (a transposed view) into row-major order, in tiles that keep both
// sides in the first-level cache: the writes run along rows, the reads along the source's
// contiguous axis. Elements are moved as bits, so one loop serves every dtype of a width.

#include "CNumPy.h"

#include <stdint.h>

#define TRANSPOSE(name, type)                                                                     \
    void name(const void *from, void *to, long rows, long columns, long rowStride, long columnStride) { \
        const type *source = from;                                                                \
        type *target = to;                                                                        \
        const long tile = 32;                                                                     \
        for (long r0 = 0; r0 < rows; r0 += tile) {                                                \
            long r1 = r0 + tile < rows ? r0 + tile : rows;                                        \
            for (long c0 = 0; c0 < columns; c0 += tile) {                                         \
                long c1 = c0 + tile < columns ? c0 + tile : columns;                              \
                for (long r = r0; r < r1; r++) {                                                  \
                    const type *row = source + r * rowStride;                                     \
                    type *out = target + r * columns;                                             \
                    for (long c = c0; c < c1; c++) out[c] = row[c * columnStride];                \
                }                                                                                 \
            }                                                                                     \
        }                                                                                         \
    }

TRANSPOSE(recur_numpy_strided_copy_32, uint32_t)
TRANSPOSE(recur_numpy_strided_copy_64, uint64_t)
