// The reductions behind max/argmax, vectorised for AVX2 when the CPU has it.

#include "CNumPy.h"
#include "NumPyCPU.h"

#include <immintrin.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

// Extremes: four vectors of max/min (independent, so the loop is not bound by one chain of
// dependent instructions) and a NaN flag. Values only move, so the result is exact. A
// position is then the first element equal to the extreme: a second pass that stops there,
// faster than carrying positions through the lanes.
__attribute__((target("avx2")))
static float extremeAVX2f(const float *x, long n, int largest) {
    __m256 b0 = _mm256_set1_ps(x[0]), b1 = b0, b2 = b0, b3 = b0, nan = _mm256_setzero_ps();
    long i = 0;
    for (; i + 32 <= n; i += 32) {
        __m256 v0 = _mm256_loadu_ps(x + i), v1 = _mm256_loadu_ps(x + i + 8);
        __m256 v2 = _mm256_loadu_ps(x + i + 16), v3 = _mm256_loadu_ps(x + i + 24);
        nan = _mm256_or_ps(nan, _mm256_or_ps(_mm256_cmp_ps(v0, v1, _CMP_UNORD_Q), _mm256_cmp_ps(v2, v3, _CMP_UNORD_Q)));
        if (largest) {
            b0 = _mm256_max_ps(b0, v0); b1 = _mm256_max_ps(b1, v1); b2 = _mm256_max_ps(b2, v2); b3 = _mm256_max_ps(b3, v3);
        } else {
            b0 = _mm256_min_ps(b0, v0); b1 = _mm256_min_ps(b1, v1); b2 = _mm256_min_ps(b2, v2); b3 = _mm256_min_ps(b3, v3);
        }
    }
    if (_mm256_movemask_ps(nan)) return NAN;
    float lanes[32];
    _mm256_storeu_ps(lanes, b0);
    _mm256_storeu_ps(lanes + 8, b1);
    _mm256_storeu_ps(lanes + 16, b2);
    _mm256_storeu_ps(lanes + 24, b3);
    float result = lanes[0];
    for (int k = 1; k < 32; k++) result = largest ? (lanes[k] > result ? lanes[k] : result) : (lanes[k] < result ? lanes[k] : result);
    for (; i < n; i++) {
        if (x[i] != x[i]) return NAN;
        result = largest ? (x[i] > result ? x[i] : result) : (x[i] < result ? x[i] : result);
    }
    return result;
}

__attribute__((target("avx2")))
static double extremeAVX2d(const double *x, long n, int largest) {
    __m256d b0 = _mm256_set1_pd(x[0]), b1 = b0, b2 = b0, b3 = b0, nan = _mm256_setzero_pd();
    long i = 0;
    for (; i + 16 <= n; i += 16) {
        __m256d v0 = _mm256_loadu_pd(x + i), v1 = _mm256_loadu_pd(x + i + 4);
        __m256d v2 = _mm256_loadu_pd(x + i + 8), v3 = _mm256_loadu_pd(x + i + 12);
        nan = _mm256_or_pd(nan, _mm256_or_pd(_mm256_cmp_pd(v0, v1, _CMP_UNORD_Q), _mm256_cmp_pd(v2, v3, _CMP_UNORD_Q)));
        if (largest) {
            b0 = _mm256_max_pd(b0, v0); b1 = _mm256_max_pd(b1, v1); b2 = _mm256_max_pd(b2, v2); b3 = _mm256_max_pd(b3, v3);
        } else {
            b0 = _mm256_min_pd(b0, v0); b1 = _mm256_min_pd(b1, v1); b2 = _mm256_min_pd(b2, v2); b3 = _mm256_min_pd(b3, v3);
        }
    }
    if (_mm256_movemask_pd(nan)) return NAN;
    double lanes[16];
    _mm256_storeu_pd(lanes, b0);
    _mm256_storeu_pd(lanes + 4, b1);
    _mm256_storeu_pd(lanes + 8, b2);
    _mm256_storeu_pd(lanes + 12, b3);
    double result = lanes[0];
    for (int k = 1; k < 16; k++) result = largest ? (lanes[k] > result ? lanes[k] : result) : (lanes[k] < result ? lanes[k] : result);
    for (; i < n; i++) {
        if (x[i] != x[i]) return NAN;
        result = largest ? (x[i] > result ? x[i] : result) : (x[i] < result ? x[i] : result);
    }
    return result;
}

// The same in 16 (or 8) lanes of AVX512, four vectors at a time.
#define EXTREME_AVX512(name, type, vtype, lanes, suffix)                                                \
    __attribute__((target("avx512f")))                                                             \
    static type name(const type *x, long n, int largest) {                                        \
        vtype b0 = _mm512_set1_p##suffix(x[0]), b1 = b0, b2 = b0, b3 = b0;                \
        __mmask16 nan = 0;                                                                         \
        long i = 0;                                                                                \
        for (; i + 4 * lanes <= n; i += 4 * lanes) {                                               \
            vtype v0 = _mm512_loadu_p##suffix(x + i), v1 = _mm512_loadu_p##suffix(x + i + lanes); \
            vtype v2 = _mm512_loadu_p##suffix(x + i + 2 * lanes), v3 = _mm512_loadu_p##suffix(x + i + 3 * lanes); \
            nan |= _mm512_cmp_p##suffix##_mask(v0, v1, _CMP_UNORD_Q) | _mm512_cmp_p##suffix##_mask(v2, v3, _CMP_UNORD_Q); \
            if (largest) {                                                                         \
                b0 = _mm512_max_p##suffix(b0, v0); b1 = _mm512_max_p##suffix(b1, v1);              \
                b2 = _mm512_max_p##suffix(b2, v2); b3 = _mm512_max_p##suffix(b3, v3);              \
            } else {                                                                               \
                b0 = _mm512_min_p##suffix(b0, v0); b1 = _mm512_min_p##suffix(b1, v1);              \
                b2 = _mm512_min_p##suffix(b2, v2); b3 = _mm512_min_p##suffix(b3, v3);              \
            }                                                                                      \
        }                                                                                          \
        if (nan) return NAN;                                                                       \
        type all[4 * lanes];                                                                       \
        _mm512_storeu_p##suffix(all, b0);                                                          \
        _mm512_storeu_p##suffix(all + lanes, b1);                                                  \
        _mm512_storeu_p##suffix(all + 2 * lanes, b2);                                              \
        _mm512_storeu_p##suffix(all + 3 * lanes, b3);                                              \
        type result = all[0];                                                                      \
        for (int k = 1; k < 4 * lanes; k++) result = largest ? (all[k] > result ? all[k] : result) : (all[k] < result ? all[k] : result); \
        for (; i < n; i++) {                                                                       \
            if (x[i] != x[i]) return NAN;                                                          \
            result = largest ? (x[i] > result ? x[i] : result) : (x[i] < result ? x[i] : result); \
        }                                                                                          \
        return result;                                                                             \
    }

// The first position equal to `value` (not NaN): four vectors compared per step, the exact lane
// found only in the step that holds it.
#define FIRST_AVX512(name, type, vtype, lanes, suffix)                                                \
    __attribute__((target("avx512f")))                                                             \
    static long name(const type *x, long n, type value) {                                          \
        vtype target = _mm512_set1_p##suffix(value);                                      \
        long i = 0;                                                                                \
        for (; i + 4 * lanes <= n; i += 4 * lanes) {                                               \
            unsigned m0 = _mm512_cmp_p##suffix##_mask(_mm512_loadu_p##suffix(x + i), target, _CMP_EQ_OQ); \
            unsigned m1 = _mm512_cmp_p##suffix##_mask(_mm512_loadu_p##suffix(x + i + lanes), target, _CMP_EQ_OQ); \
            unsigned m2 = _mm512_cmp_p##suffix##_mask(_mm512_loadu_p##suffix(x + i + 2 * lanes), target, _CMP_EQ_OQ); \
            unsigned m3 = _mm512_cmp_p##suffix##_mask(_mm512_loadu_p##suffix(x + i + 3 * lanes), target, _CMP_EQ_OQ); \
            if (m0 | m1 | m2 | m3) {                                                               \
                if (m0) return i + __builtin_ctz(m0);                                              \
                if (m1) return i + lanes + __builtin_ctz(m1);                                      \
                if (m2) return i + 2 * lanes + __builtin_ctz(m2);                                  \
                return i + 3 * lanes + __builtin_ctz(m3);                                          \
            }                                                                                      \
        }                                                                                          \
        for (; i < n; i++) if (x[i] == value) return i;                                            \
        return n;                                                                                  \
    }

EXTREME_AVX512(extremeAVX512f, float, __m512, 16, s)
EXTREME_AVX512(extremeAVX512d, double, __m512d, 8, d)
FIRST_AVX512(firstAVX512f, float, __m512, 16, s)
FIRST_AVX512(firstAVX512d, double, __m512d, 8, d)

float recur_numpy_extreme_f32(const float *x, long n, int largest) {
    if (cnumpyHasAVX512()) return extremeAVX512f(x, n, largest);
    if (cnumpyHasAVX2()) return extremeAVX2f(x, n, largest);
    float result = x[0];
    for (long i = 0; i < n; i++) {
        if (x[i] != x[i]) return NAN;
        result = largest ? (x[i] > result ? x[i] : result) : (x[i] < result ? x[i] : result);
    }
    return result;
}

double recur_numpy_extreme_f64(const double *x, long n, int largest) {
    if (cnumpyHasAVX512()) return extremeAVX512d(x, n, largest);
    if (cnumpyHasAVX2()) return extremeAVX2d(x, n, largest);
    double result = x[0];
    for (long i = 0; i < n; i++) {
        if (x[i] != x[i]) return NAN;
        result = largest ? (x[i] > result ? x[i] : result) : (x[i] < result ? x[i] : result);
    }
    return result;
}

// A position in one pass over memory: the extreme of each chunk (small enough to stay in the
// second-level cache), the first chunk holding the overall extreme (or a NaN) remembered, and
// only that chunk searched again for its first position.
#define ARG_EXTREME(name, type, extreme, first)                                                    \
    long name(const type *x, long n, int largest) {                                                \
        const long chunk = 32768;                                                                  \
        type best = 0;                                                                             \
        long bestStart = 0, bestLength = 0;                                                        \
        for (long start = 0; start < n; start += chunk) {                                          \
            long length = n - start < chunk ? n - start : chunk;                                   \
            type m = extreme(x + start, length, largest);                                          \
            if (m != m) return start + first(x + start, length, m);                                \
            if (bestLength == 0 || (largest ? m > best : m < best)) {                              \
                best = m;                                                                          \
                bestStart = start;                                                                 \
                bestLength = length;                                                               \
            }                                                                                      \
        }                                                                                          \
        return bestStart + first(x + bestStart, bestLength, best);                                 \
    }

ARG_EXTREME(recur_numpy_arg_extreme_f32, float, recur_numpy_extreme_f32, recur_numpy_first_f32)
ARG_EXTREME(recur_numpy_arg_extreme_f64, double, recur_numpy_extreme_f64, recur_numpy_first_f64)

__attribute__((target("avx2")))
static long firstAVX2f(const float *x, long n, float value) {
    __m256 target = _mm256_set1_ps(value);
    long i = 0;
    for (; i + 8 <= n; i += 8) {
        int mask = _mm256_movemask_ps(_mm256_cmp_ps(_mm256_loadu_ps(x + i), target, _CMP_EQ_OQ));
        if (mask) return i + __builtin_ctz(mask);
    }
    for (; i < n; i++) if (x[i] == value) return i;
    return n;
}

__attribute__((target("avx2")))
static long firstAVX2d(const double *x, long n, double value) {
    __m256d target = _mm256_set1_pd(value);
    long i = 0;
    for (; i + 4 <= n; i += 4) {
        int mask = _mm256_movemask_pd(_mm256_cmp_pd(_mm256_loadu_pd(x + i), target, _CMP_EQ_OQ));
        if (mask) return i + __builtin_ctz(mask);
    }
    for (; i < n; i++) if (x[i] == value) return i;
    return n;
}

long recur_numpy_first_f32(const float *x, long n, float value) {
    if (value != value) {
        for (long i = 0; i < n; i++) if (x[i] != x[i]) return i;
        return n;
    }
    if (cnumpyHasAVX512()) return firstAVX512f(x, n, value);
    if (cnumpyHasAVX2()) return firstAVX2f(x, n, value);
    for (long i = 0; i < n; i++) if (x[i] == value) return i;
    return n;
}

long recur_numpy_first_f64(const double *x, long n, double value) {
    if (value != value) {
        for (long i = 0; i < n; i++) if (x[i] != x[i]) return i;
        return n;
    }
    if (cnumpyHasAVX512()) return firstAVX512d(x, n, value);
    if (cnumpyHasAVX2()) return firstAVX2d(x, n, value);
    for (long i = 0; i < n; i++) if (x[i] == value) return i;
    return n;
}
