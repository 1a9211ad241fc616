// Element-wise + - * / of float arrays in the widest vectors the processor has. Each element is
// one IEEE operation, so the width changes the speed only: the bits and the flags raised are the
// same in every loop. Swift's baseline target stops at SSE2, which halves division's rate.

#include "CNumPy.h"
#include "NumPyCPU.h"

// One loop per (type, operation, instruction set), vectorised by the compiler; `xs`/`ys` are 0
// for an operand of one element (read once, outside the loop).
#define ARITH_LOOP(isa, name, type, symbol)                                                       \
    __attribute__((target(isa)))                                                                \
    static void name(const type *restrict x, long xs, const type *restrict y, long ys, type *restrict out, long n) { \
        if (xs && ys) {                                                                         \
            for (long i = 0; i < n; i++) out[i] = x[i] symbol y[i];                             \
        } else if (xs) {                                                                        \
            const type s = y[0];                                                                \
            for (long i = 0; i < n; i++) out[i] = x[i] symbol s;                                \
        } else {                                                                                \
            const type s = x[0];                                                                \
            for (long i = 0; i < n; i++) out[i] = s symbol y[i];                                \
        }                                                                                       \
    }

#define ARITH_SET(isa, suffix)                                                                  \
    ARITH_LOOP(isa, addF32##suffix, float, +) ARITH_LOOP(isa, subF32##suffix, float, -)         \
    ARITH_LOOP(isa, mulF32##suffix, float, *) ARITH_LOOP(isa, divF32##suffix, float, /)         \
    ARITH_LOOP(isa, addF64##suffix, double, +) ARITH_LOOP(isa, subF64##suffix, double, -)       \
    ARITH_LOOP(isa, mulF64##suffix, double, *) ARITH_LOOP(isa, divF64##suffix, double, /)      \
    static void (*const loopsF32##suffix[4])(const float *restrict, long, const float *restrict, long, float *restrict, long) = \
        {addF32##suffix, subF32##suffix, mulF32##suffix, divF32##suffix};                       \
    static void (*const loopsF64##suffix[4])(const double *restrict, long, const double *restrict, long, double *restrict, long) = \
        {addF64##suffix, subF64##suffix, mulF64##suffix, divF64##suffix};

ARITH_SET("avx512f", AVX512)
ARITH_SET("avx2", AVX2)
ARITH_SET("sse2", Base)

#define ARITH_ENTRY(name, type, table)                                                             \
    void name(const type *x, long xn, const type *y, long yn, type *out, long n, int op) {            \
        if (op < 0 || op > 3 || n <= 0) return;                                                       \
        long xs = xn == 1 && n != 1 ? 0 : 1, ys = yn == 1 && n != 1 ? 0 : 1;                          \
        if (cnumpyHasAVX512()) table##AVX512[op](x, xs, y, ys, out, n);                               \
        else if (cnumpyHasAVX2()) table##AVX2[op](x, xs, y, ys, out, n);                              \
        else table##Base[op](x, xs, y, ys, out, n);                                                   \
    }

ARITH_ENTRY(recur_numpy_arith_f32, float, loopsF32)
ARITH_ENTRY(recur_numpy_arith_f64, double, loopsF64)
