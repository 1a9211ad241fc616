// Comparisons of float arrays into 0/1 bytes (Swift's Bool), in vector lanes: the mask a vector
// comparison gives is spread to bytes (AVX512's down-converting moves, or BMI2's pdep after
// AVX2), which the compiler does not find from a scalar loop.

#include "CNumPy.h"
#include "NumPyCPU.h"

#include <immintrin.h>
#include <stdint.h>
#include <string.h>

// NumPy's predicates: ordered and quiet, but != is true for NaN.
#define PREDICATES(f) f(0, _CMP_EQ_OQ, ==) f(1, _CMP_NEQ_UQ, !=) f(2, _CMP_LT_OQ, <) \
                      f(3, _CMP_LE_OQ, <=) f(4, _CMP_GT_OQ, >) f(5, _CMP_GE_OQ, >=)

// One loop per (type, predicate, instruction set); `xs`/`ys` are 0 for an operand of one element.
#define LOOP(isa, name, type, width, load, set1, cmp, spread, kind, symbol)                    \
    __attribute__((target(isa)))                                                               \
    static void name(const type *x, long xs, const type *y, long ys, unsigned char *out, long n) { \
        long i = 0;                                                                            \
        if (xs && ys) {                                                                        \
            for (; i + width <= n; i += width) spread(out + i, cmp(load(x + i), load(y + i), kind)); \
        } else if (xs) {                                                                       \
            const __typeof__(load(x)) s = set1(y[0]);                                          \
            for (; i + width <= n; i += width) spread(out + i, cmp(load(x + i), s, kind));     \
        } else {                                                                               \
            const __typeof__(load(x)) s = set1(x[0]);                                          \
            for (; i + width <= n; i += width) spread(out + i, cmp(s, load(y + i), kind));     \
        }                                                                                      \
        for (; i < n; i++) out[i] = x[i * xs] symbol y[i * ys];                                \
    }

__attribute__((target("avx512f")))
static inline void spread16(unsigned char *out, __mmask16 m) {
    _mm_storeu_si128((__m128i *)out, _mm512_cvtepi32_epi8(_mm512_maskz_set1_epi32(m, 1)));
}

// float64 in AVX512 takes two vectors per step, so one down-converting move spreads 16 lanes.
typedef struct { __m512d low, high; } PairF64;

__attribute__((target("avx512f")))
static inline PairF64 loadPair(const double *p) {
    PairF64 pair = {_mm512_loadu_pd(p), _mm512_loadu_pd(p + 8)};
    return pair;
}

__attribute__((target("avx512f")))
static inline PairF64 setPair(double v) {
    PairF64 pair = {_mm512_set1_pd(v), _mm512_set1_pd(v)};
    return pair;
}

#define comparePair(a, b, kind) \
    (__mmask16)(_mm512_cmp_pd_mask((a).low, (b).low, kind) | ((unsigned)_mm512_cmp_pd_mask((a).high, (b).high, kind) << 8))

__attribute__((target("avx2,bmi2")))
static inline void spreadAVX2f(unsigned char *out, __m256 m) {
    uint64_t bytes = _pdep_u64((unsigned)_mm256_movemask_ps(m), 0x0101010101010101ull);
    memcpy(out, &bytes, 8);
}

__attribute__((target("avx2,bmi2")))
static inline void spreadAVX2d(unsigned char *out, __m256d m) {
    uint32_t bytes = (uint32_t)_pdep_u64((unsigned)_mm256_movemask_pd(m), 0x01010101ull);
    memcpy(out, &bytes, 4);
}

#define DEFINE(k, kind, symbol)                                                                 \
    LOOP("avx512f", cmpF32AVX512_##k, float, 16, _mm512_loadu_ps, _mm512_set1_ps, _mm512_cmp_ps_mask, spread16, kind, symbol) \
    LOOP("avx512f", cmpF64AVX512_##k, double, 16, loadPair, setPair, comparePair, spread16, kind, symbol)                 \
    LOOP("avx2,bmi2", cmpF32AVX2_##k, float, 8, _mm256_loadu_ps, _mm256_set1_ps, _mm256_cmp_ps, spreadAVX2f, kind, symbol)      \
    LOOP("avx2,bmi2", cmpF64AVX2_##k, double, 4, _mm256_loadu_pd, _mm256_set1_pd, _mm256_cmp_pd, spreadAVX2d, kind, symbol)
PREDICATES(DEFINE)
#undef DEFINE

typedef void (*LoopF32)(const float *, long, const float *, long, unsigned char *, long);
typedef void (*LoopF64)(const double *, long, const double *, long, unsigned char *, long);

#define SCALAR(k, kind, symbol)                                                                  \
    static void cmpF32_##k(const float *x, long xs, const float *y, long ys, unsigned char *out, long n) {   \
        for (long i = 0; i < n; i++) out[i] = x[i * xs] symbol y[i * ys];                        \
    }                                                                                            \
    static void cmpF64_##k(const double *x, long xs, const double *y, long ys, unsigned char *out, long n) { \
        for (long i = 0; i < n; i++) out[i] = x[i * xs] symbol y[i * ys];                        \
    }
PREDICATES(SCALAR)
#undef SCALAR

#define TABLE(type, table, loop) static const type table[6] = {loop##_0, loop##_1, loop##_2, loop##_3, loop##_4, loop##_5};
TABLE(LoopF32, loopsF32AVX512, cmpF32AVX512)
TABLE(LoopF32, loopsF32AVX2, cmpF32AVX2)
TABLE(LoopF32, loopsF32, cmpF32)
TABLE(LoopF64, loopsF64AVX512, cmpF64AVX512)
TABLE(LoopF64, loopsF64AVX2, cmpF64AVX2)
TABLE(LoopF64, loopsF64, cmpF64)
#undef TABLE

void recur_numpy_compare_f32(const float *x, long xn, const float *y, long yn, unsigned char *out, long n, int op) {
    if (op < 0 || op > 5 || n <= 0) return;
    const LoopF32 *loops = cnumpyHasAVX512() ? loopsF32AVX512 : cnumpyHasAVX2() ? loopsF32AVX2 : loopsF32;
    loops[op](x, xn == 1 && n != 1 ? 0 : 1, y, yn == 1 && n != 1 ? 0 : 1, out, n);
}

void recur_numpy_compare_f64(const double *x, long xn, const double *y, long yn, unsigned char *out, long n, int op) {
    if (op < 0 || op > 5 || n <= 0) return;
    const LoopF64 *loops = cnumpyHasAVX512() ? loopsF64AVX512 : cnumpyHasAVX2() ? loopsF64AVX2 : loopsF64;
    loops[op](x, xn == 1 && n != 1 ? 0 : 1, y, yn == 1 && n != 1 ? 0 : 1, out, n);
}
