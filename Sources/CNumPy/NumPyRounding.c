#include <immintrin.h>
#include "CNumPy.h"

// sqrt, floor, ceil, trunc and rint are exact in every precision, so any instruction that
// computes them gives NumPy's bits. Compiled for AVX2 (vsqrtps, vroundps) when the processor
// has it, else the same loops for the baseline instruction set.

#define LOOPS(name, type, SQRT, FLOOR, CEIL, TRUNC, RINT)                       \
    static void name(const type *x, type *y, long n, int op) {                 \
        switch (op) {                                                           \
        case 0: for (long i = 0; i < n; i++) y[i] = SQRT(x[i]); break;          \
        case 1: for (long i = 0; i < n; i++) y[i] = FLOOR(x[i]); break;         \
        case 2: for (long i = 0; i < n; i++) y[i] = CEIL(x[i]); break;          \
        case 3: for (long i = 0; i < n; i++) y[i] = TRUNC(x[i]); break;         \
        default: for (long i = 0; i < n; i++) y[i] = RINT(x[i]); break;         \
        }                                                                       \
    }

__attribute__((target("avx2")))
LOOPS(exactF32AVX2, float, __builtin_sqrtf, __builtin_floorf, __builtin_ceilf, __builtin_truncf, __builtin_rintf)
__attribute__((target("avx2")))
LOOPS(exactF64AVX2, double, __builtin_sqrt, __builtin_floor, __builtin_ceil, __builtin_trunc, __builtin_rint)
LOOPS(exactF32, float, __builtin_sqrtf, __builtin_floorf, __builtin_ceilf, __builtin_truncf, __builtin_rintf)
LOOPS(exactF64, double, __builtin_sqrt, __builtin_floor, __builtin_ceil, __builtin_trunc, __builtin_rint)

// sqrt with explicit vector instructions: the C library's errno rules keep the compiler from
// vectorising a loop of sqrtf calls.
__attribute__((target("avx2")))
static void sqrtF32AVX2(const float *x, float *y, long n) {
    long i = 0;
    for (; i + 8 <= n; i += 8) _mm256_storeu_ps(y + i, _mm256_sqrt_ps(_mm256_loadu_ps(x + i)));
    for (; i < n; i++) _mm_store_ss(y + i, _mm_sqrt_ss(_mm_load_ss(x + i)));
}

__attribute__((target("avx2")))
static void sqrtF64AVX2(const double *x, double *y, long n) {
    long i = 0;
    for (; i + 4 <= n; i += 4) _mm256_storeu_pd(y + i, _mm256_sqrt_pd(_mm256_loadu_pd(x + i)));
    for (; i < n; i++) _mm_store_sd(y + i, _mm_sqrt_sd(_mm_setzero_pd(), _mm_load_sd(x + i)));
}

static int hasAVX2(void) {
    static int cached = -1;
    if (cached < 0) {
        __builtin_cpu_init();
        cached = __builtin_cpu_supports("avx2");
    }
    return cached;
}

void recur_numpy_exact_f32(const float *x, float *y, long n, int op) {
    if (!hasAVX2()) exactF32(x, y, n, op);
    else if (op == 0) sqrtF32AVX2(x, y, n);
    else exactF32AVX2(x, y, n, op);
}

void recur_numpy_exact_f64(const double *x, double *y, long n, int op) {
    if (!hasAVX2()) exactF64(x, y, n, op);
    else if (op == 0) sqrtF64AVX2(x, y, n);
    else exactF64AVX2(x, y, n, op);
}
