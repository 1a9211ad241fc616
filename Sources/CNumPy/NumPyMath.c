// NumPy's float32 exp and the reductions behind max/argmax, vectorised for AVX2 when the CPU
// has it (with the C library's fmaf otherwise: the same roundings, only slower). Contraction
// is off: every fused multiply-add below is one NumPy's loop has, and no other.
#pragma STDC FP_CONTRACT OFF
#pragma clang fp contract(off)

#include "CNumPy.h"

#include <immintrin.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

// NumPy's constants for its float32 exp (npy_simd_data.h): ln 2 split for Cody-Waite, the
// rounding magic number, and the rational approximation P(x)/Q(x) of exp on [-ln2/2, ln2/2].
static const float kMax = 88.72283935546875f;
static const float kMin = -103.97208404541015625f;
static const float kLog2E = 1.442695040888963407359924681001892137f;
static const float kMagic = 0x1.800000p+23f;
static const float kLn2High = -6.93145752e-1f;
static const float kLn2Low = -1.42860677e-6f;
static const float kP0 = 9.999999999980870924916e-01f;
static const float kP1 = 7.257664613233124478488e-01f;
static const float kP2 = 2.473615434895520810817e-01f;
static const float kP3 = 5.114512081637298353406e-02f;
static const float kP4 = 6.757896990527504603057e-03f;
static const float kP5 = 5.082762527590693718096e-04f;
static const float kQ0 = 1.0f;
static const float kQ1 = -2.742335390411667452936e-01f;
static const float kQ2 = 2.159509375685829852307e-02f;

// One lane of NumPy's simd_exp_FLOAT. The scaling by 2^q adds q to the exponent bits, and
// for q below -125 divides by the rest of the power of two (one rounding: AVX512's scalef).
static inline __attribute__((always_inline)) float expLane(float x) {
    int isNaN = x != x, big = x >= kMax, small = x <= kMin;
    float xs = (isNaN | big | small) ? 0.0f : x;
    float q = xs * kLog2E;
    q = (q + kMagic) - kMagic;
    float r = fmaf(q, kLn2High, xs);
    r = fmaf(q, kLn2Low, r);
    r = fmaf(q, 0.0f, r);
    float num = fmaf(kP5, r, kP4);
    num = fmaf(num, r, kP3);
    num = fmaf(num, r, kP2);
    num = fmaf(num, r, kP1);
    num = fmaf(num, r, kP0);
    float den = fmaf(kQ2, r, kQ1);
    den = fmaf(den, r, kQ0);
    float poly = num / den;
    int qi = (int)q;
    int clamped = qi < -125 ? -125 : qi;
    uint32_t bits;
    memcpy(&bits, &poly, 4);
    bits += (uint32_t)clamped << 23;
    float scaled;
    memcpy(&scaled, &bits, 4);
    scaled = scaled / (float)(1 << (clamped - qi));
    return isNaN ? NAN : big ? INFINITY : small ? 0.0f : scaled;
}

__attribute__((target("avx2,fma")))
static void expAVX2(const float *x, float *y, long n) {
    const __m256 vmax = _mm256_set1_ps(kMax), vmin = _mm256_set1_ps(kMin), zero = _mm256_setzero_ps();
    const __m256 log2e = _mm256_set1_ps(kLog2E), magic = _mm256_set1_ps(kMagic);
    long i = 0;
    for (; i + 8 <= n; i += 8) {
        __m256 v = _mm256_loadu_ps(x + i);
        __m256 nanMask = _mm256_cmp_ps(v, v, _CMP_NEQ_UQ);
        __m256 bigMask = _mm256_cmp_ps(v, vmax, _CMP_GE_OQ);
        __m256 smallMask = _mm256_cmp_ps(v, vmin, _CMP_LE_OQ);
        v = _mm256_blendv_ps(v, zero, _mm256_or_ps(_mm256_or_ps(nanMask, smallMask), bigMask));
        __m256 q = _mm256_mul_ps(v, log2e);
        q = _mm256_sub_ps(_mm256_add_ps(q, magic), magic);
        __m256 r = _mm256_fmadd_ps(q, _mm256_set1_ps(kLn2High), v);
        r = _mm256_fmadd_ps(q, _mm256_set1_ps(kLn2Low), r);
        r = _mm256_fmadd_ps(q, zero, r);
        __m256 num = _mm256_fmadd_ps(_mm256_set1_ps(kP5), r, _mm256_set1_ps(kP4));
        num = _mm256_fmadd_ps(num, r, _mm256_set1_ps(kP3));
        num = _mm256_fmadd_ps(num, r, _mm256_set1_ps(kP2));
        num = _mm256_fmadd_ps(num, r, _mm256_set1_ps(kP1));
        num = _mm256_fmadd_ps(num, r, _mm256_set1_ps(kP0));
        __m256 den = _mm256_fmadd_ps(_mm256_set1_ps(kQ2), r, _mm256_set1_ps(kQ1));
        den = _mm256_fmadd_ps(den, r, _mm256_set1_ps(kQ0));
        __m256 poly = _mm256_div_ps(num, den);
        __m256i qi = _mm256_cvtps_epi32(q);
        __m256i clamped = _mm256_max_epi32(qi, _mm256_set1_epi32(-125));
        __m256i shift = _mm256_sub_epi32(clamped, qi);
        __m256i bits = _mm256_add_epi32(_mm256_castps_si256(poly), _mm256_slli_epi32(clamped, 23));
        __m256 divisor = _mm256_cvtepi32_ps(_mm256_sllv_epi32(_mm256_set1_epi32(1), shift));
        __m256 scaled = _mm256_div_ps(_mm256_castsi256_ps(bits), divisor);
        scaled = _mm256_blendv_ps(scaled, _mm256_set1_ps(NAN), nanMask);
        scaled = _mm256_blendv_ps(scaled, _mm256_set1_ps(INFINITY), bigMask);
        scaled = _mm256_blendv_ps(scaled, zero, smallMask);
        _mm256_storeu_ps(y + i, scaled);
    }
    for (; i < n; i++) y[i] = expLane(x[i]);
}

static int hasAVX2(void) {
    static int cached = -1;
    if (cached < 0) {
        __builtin_cpu_init();
        cached = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    }
    return cached;
}

void recur_numpy_exp_f32(const float *x, float *y, long n) {
    if (hasAVX2()) {
        expAVX2(x, y, n);
        return;
    }
    for (long i = 0; i < n; i++) y[i] = expLane(x[i]);
}

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

float recur_numpy_extreme_f32(const float *x, long n, int largest) {
    if (hasAVX2()) return extremeAVX2f(x, n, largest);
    float result = x[0];
    for (long i = 0; i < n; i++) {
        if (x[i] != x[i]) return NAN;
        result = largest ? (x[i] > result ? x[i] : result) : (x[i] < result ? x[i] : result);
    }
    return result;
}

double recur_numpy_extreme_f64(const double *x, long n, int largest) {
    if (hasAVX2()) return extremeAVX2d(x, n, largest);
    double result = x[0];
    for (long i = 0; i < n; i++) {
        if (x[i] != x[i]) return NAN;
        result = largest ? (x[i] > result ? x[i] : result) : (x[i] < result ? x[i] : result);
    }
    return result;
}

long recur_numpy_arg_extreme_f32(const float *x, long n, int largest) {
    return recur_numpy_first_f32(x, n, recur_numpy_extreme_f32(x, n, largest));
}

long recur_numpy_arg_extreme_f64(const double *x, long n, int largest) {
    return recur_numpy_first_f64(x, n, recur_numpy_extreme_f64(x, n, largest));
}

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
    if (hasAVX2()) return firstAVX2f(x, n, value);
    for (long i = 0; i < n; i++) if (x[i] == value) return i;
    return n;
}

long recur_numpy_first_f64(const double *x, long n, double value) {
    if (value != value) {
        for (long i = 0; i < n; i++) if (x[i] != x[i]) return i;
        return n;
    }
    if (hasAVX2()) return firstAVX2d(x, n, value);
    for (long i = 0; i < n; i++) if (x[i] == value) return i;
    return n;
}
