// NumPy's float32 sin and cos where the processor has fused multiply-adds (its Cody-Waite
// reduction to [-pi/4, pi/4] and polynomials, the C library's sinf/cosf past the reduction's
// range): every lane is computed on its own, so one lane at a time gives NumPy's bits.
// Contraction is off: the fused multiply-adds below are those of NumPy's compiled loop.
#pragma STDC FP_CONTRACT OFF
#pragma clang fp contract(off)

#include "CNumPy.h"
#include "NumPyCPU.h"

#include <math.h>

__attribute__((target("fma")))
static inline float trigonometricLane(float input, int cosine) {
    // NumPy's range of the reduction, its constants (npy_simd_data.h) and its polynomials.
    const float limit = cosine ? 71476.0625f : 117435.992f;
    if (input != input) return NAN;
    if (!(fabsf(input) <= limit)) return cosine ? cosf(input) : sinf(input);
    // NumPy's build contracts its multiply and the rounding addition into one fused step.
    float quadrant = __builtin_fmaf(input, 0x1.45f306p-1f, 0x1.800000p+23f) - 0x1.800000p+23f;
    float r = __builtin_fmaf(quadrant, -0x1.921fb0p+00f, input);
    r = __builtin_fmaf(quadrant, -0x1.5110b4p-22f, r);
    r = __builtin_fmaf(quadrant, -0x1.846988p-48f, r);
    float r2 = r * r;
    float c = __builtin_fmaf(0x1.98e616p-16f, r2, -0x1.6c06dcp-10f);
    c = __builtin_fmaf(c, r2, 0x1.55553cp-05f);
    c = __builtin_fmaf(c, r2, -0x1.000000p-01f);
    c = __builtin_fmaf(c, r2, 0x1.000000p+00f);
    float s = __builtin_fmaf(0x1.7d3bbcp-19f, r2, -0x1.a06bbap-13f);
    s = __builtin_fmaf(s, r2, 0x1.11119ap-07f);
    s = __builtin_fmaf(s, r2, -0x1.555556p-03f);
    s = __builtin_fmaf(s, r2, 0.0f);
    s = __builtin_fmaf(s, r, r);
    int k = (int)quadrant + (cosine ? 1 : 0);
    float result = (k & 1) == 0 ? s : c;
    // NumPy negates by subtracting from zero (so a zero result comes out +0).
    return (k & 2) ? 0.0f - result : result;
}

__attribute__((target("fma")))
static void trigonometricFMA(const float *x, float *y, long n, int cosine) {
    for (long i = 0; i < n; i++) y[i] = trigonometricLane(x[i], cosine);
}

int recur_numpy_trigonometric_f32(const float *x, float *y, long n, int cosine) {
    // Without fused multiply-adds NumPy calls the C library, and so does the caller.
    if (!cnumpyHasFMA()) return 0;
    trigonometricFMA(x, y, n, cosine);
    return 1;
}
