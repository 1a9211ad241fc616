// PyTorch's float32 element-wise kernels as ATen runs them on x86: the vector width of the
// CPU capability ATen selects (AVX512: 16 lanes, AVX2: 8, otherwise 8 lanes of C library
// calls), Sleef's u10 functions behind Vectorized<float>::exp/log/expm1/log1p, the scalar
// tail of cpu_kernel_vec's loops, and the association of vec::reduce_all's shuffles. Every
// multiply and add is written as ATen writes it; contraction into fused multiply-adds is
// off so the compiler cannot change a rounding.
#pragma STDC FP_CONTRACT OFF
#pragma clang fp contract(off)

#include "CSleef.h"

#include <immintrin.h>
#include <math.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

// Sleef's header declares the AVX2 and AVX512 entry points only to code compiled for those
// extensions; this file is compiled for the baseline and calls them from functions marked
// for the extension, after the CPU check, so it declares them itself.
__attribute__((target("avx512f"))) __m512 Sleef_expf16_u10avx512f(__m512);
__attribute__((target("avx512f"))) __m512 Sleef_logf16_u10avx512f(__m512);
__attribute__((target("avx512f"))) __m512 Sleef_expm1f16_u10avx512f(__m512);
__attribute__((target("avx512f"))) __m512 Sleef_log1pf16_u10avx512f(__m512);
__attribute__((target("avx512f"))) __m512d Sleef_tanhd8_u10avx512f(__m512d);
__attribute__((target("avx512f"))) __m512 Sleef_powf16_u10avx512f(__m512, __m512);
__attribute__((target("avx2"))) __m256 Sleef_expf8_u10avx2(__m256);
__attribute__((target("avx2"))) __m256 Sleef_powf8_u10avx2(__m256, __m256);
__attribute__((target("avx2"))) __m256 Sleef_logf8_u10avx2(__m256);
__attribute__((target("avx2"))) __m256 Sleef_expm1f8_u10avx2(__m256);
__attribute__((target("avx2"))) __m256 Sleef_log1pf8_u10avx2(__m256);
__attribute__((target("avx2"))) __m256d Sleef_tanhd4_u10avx2(__m256d);

enum { kDefault = 0, kAVX2 = 1, kAVX512 = 2 };
enum { kMaxLanes = 16 };

static _Atomic int cachedCapability = -1;

int recur_vector_capability(void) {
    int cap = atomic_load_explicit(&cachedCapability, memory_order_relaxed);
    if (cap >= 0) return cap;
    __builtin_cpu_init();
    // ATEN_CPU_CAPABILITY lowers the capability as it does PyTorch's (never raises it).
    const char *requested = getenv("ATEN_CPU_CAPABILITY");
    int ceiling = kAVX512;
    if (requested && strcmp(requested, "default") == 0) ceiling = kDefault;
    if (requested && strcmp(requested, "avx2") == 0) ceiling = kAVX2;
    // ATen's own test (cpuinfo): AVX512 needs F, BW, VL and DQ besides FMA; AVX2 needs FMA.
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
        __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512dq") &&
        __builtin_cpu_supports("fma")) {
        cap = kAVX512;
    } else if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) {
        cap = kAVX2;
    } else {
        cap = kDefault;
    }
    if (cap > ceiling) cap = ceiling;
    atomic_store_explicit(&cachedCapability, cap, memory_order_relaxed);
    return cap;
}

static inline long lanesOf(int cap) { return cap == kAVX512 ? 16 : 8; }

typedef enum { fnExp, fnLog, fnExpm1, fnLog1p } VectorFunction;

__attribute__((target("avx512f,avx512dq,avx512bw,avx512vl,fma")))
static void apply16(VectorFunction f, float *v) {
    __m512 x = _mm512_loadu_ps(v);
    switch (f) {
    case fnExp: x = Sleef_expf16_u10avx512f(x); break;
    case fnLog: x = Sleef_logf16_u10avx512f(x); break;
    case fnExpm1: x = Sleef_expm1f16_u10avx512f(x); break;
    case fnLog1p: x = Sleef_log1pf16_u10avx512f(x); break;
    }
    _mm512_storeu_ps(v, x);
}

__attribute__((target("avx2,fma")))
static void apply8(VectorFunction f, float *v) {
    __m256 x = _mm256_loadu_ps(v);
    switch (f) {
    case fnExp: x = Sleef_expf8_u10avx2(x); break;
    case fnLog: x = Sleef_logf8_u10avx2(x); break;
    case fnExpm1: x = Sleef_expm1f8_u10avx2(x); break;
    case fnLog1p: x = Sleef_log1pf8_u10avx2(x); break;
    }
    _mm256_storeu_ps(v, x);
}

static inline float scalarFunction(VectorFunction f, float x) {
    switch (f) {
    case fnExp: return expf(x);
    case fnLog: return logf(x);
    case fnExpm1: return expm1f(x);
    case fnLog1p: return log1pf(x);
    }
    return x;
}

/// Vectorized<float>::exp() and friends over one vector of `lanesOf(cap)` lanes, in place.
static void applyLanes(int cap, VectorFunction f, float *v) {
    switch (cap) {
    case kAVX512: apply16(f, v); return;
    case kAVX2: apply8(f, v); return;
    default:
        for (int i = 0; i < 8; i++) v[i] = scalarFunction(f, v[i]);
        return;
    }
}

/// vec::map: whole vectors, then the rest loaded into a zeroed vector (Vec::loadu(ptr, count)).
static void mapFunction(VectorFunction f, const float *x, float *y, long n) {
    int cap = recur_vector_capability();
    long w = lanesOf(cap), i = 0;
    float v[kMaxLanes];
    for (; i + w <= n; i += w) {
        memcpy(v, x + i, (size_t)w * sizeof(float));
        applyLanes(cap, f, v);
        memcpy(y + i, v, (size_t)w * sizeof(float));
    }
    if (i < n) {
        memset(v, 0, sizeof v);
        memcpy(v, x + i, (size_t)(n - i) * sizeof(float));
        applyLanes(cap, f, v);
        memcpy(y + i, v, (size_t)(n - i) * sizeof(float));
    }
}

void recur_expm1_f32(const float *x, float *y, long n) { mapFunction(fnExpm1, x, y, n); }

// log_sigmoid (ATen's vectorised kernel): vec::minimum(x, 0) (NaN-propagating, +0 on a tie)
// minus log1p(exp(-|x|)), every vector through the vector functions, the last one loaded
// partially (Vec::loadu(ptr, count)).
void recur_log_sigmoid_f32(const float *x, float *y, long n) {
    int cap = recur_vector_capability();
    long w = lanesOf(cap);
    float v[kMaxLanes];
    for (long i = 0; i < n; i += w) {
        long count = n - i < w ? n - i : w;
        for (long k = 0; k < w; k++) v[k] = -fabsf(k < count ? x[i + k] : 0.0f);
        applyLanes(cap, fnExp, v);
        applyLanes(cap, fnLog1p, v);
        for (long k = 0; k < count; k++) {
            float a = x[i + k];
            float minimum = isnan(a) ? a : (a < 0.0f ? a : 0.0f);
            y[i + k] = minimum - v[k];
        }
    }
}
void recur_log1p_f32(const float *x, float *y, long n) { mapFunction(fnLog1p, x, y, n); }

/// Where cpu_kernel_vec's vector loop stops: it takes blocks of two vectors and leaves the
/// rest to the scalar lambda.
static inline long vectorBlocksEnd(long w, long n) { return n < 2 * w ? 0 : n - n % (2 * w); }

// Sigmoid: the vector lambda ((0 - x).exp() + 1).reciprocal(), the scalar 1 / (1 + std::exp(-x)).
void recur_sigmoid_f32(const float *x, float *y, long n) {
    int cap = recur_vector_capability();
    long w = lanesOf(cap), end = vectorBlocksEnd(w, n);
    float v[kMaxLanes];
    for (long i = 0; i < end; i += w) {
        for (long k = 0; k < w; k++) v[k] = 0.0f - x[i + k];
        applyLanes(cap, fnExp, v);
        for (long k = 0; k < w; k++) y[i + k] = 1.0f / (v[k] + 1.0f);
    }
    for (long i = end; i < n; i++) y[i] = 1.0f / (1.0f + expf(-x[i]));
}

__attribute__((target("avx512f,avx512dq,avx512bw,avx512vl,fma")))
static void pow16(const float *a, const float *b, float *y) {
    _mm512_storeu_ps(y, Sleef_powf16_u10avx512f(_mm512_loadu_ps(a), _mm512_loadu_ps(b)));
}

__attribute__((target("avx2,fma")))
static void pow8(const float *a, const float *b, float *y) {
    _mm256_storeu_ps(y, Sleef_powf8_u10avx2(_mm256_loadu_ps(a), _mm256_loadu_ps(b)));
}

// pow of two tensors: the vector lambda base.pow(exp) (Sleef's pow), the scalar std::pow.
void recur_pow_f32(const float *a, const float *b, float *y, long n) {
    int cap = recur_vector_capability();
    long w = lanesOf(cap), end = vectorBlocksEnd(w, n);
    for (long i = 0; i < end; i += w) {
        switch (cap) {
        case kAVX512: pow16(a + i, b + i, y + i); break;
        case kAVX2: pow8(a + i, b + i, y + i); break;
        default: for (long k = 0; k < w; k++) y[i + k] = powf(a[i + k], b[i + k]); break;
        }
    }
    for (long i = end; i < n; i++) y[i] = powf(a[i], b[i]);
}

// tanh_backward: a * (1 - b * b) in both lambdas; sigmoid_backward: a * (1 - b) * b. GCC
// builds ATen's AVX2 and AVX512 kernels with FMA and contracts 1 - b * b into one fused
// multiply-add there (in the scalar lambda too); sigmoid_backward has nothing to contract.
// The fused loops are compiled for FMA (only called when the CPU has it), so fmaf is one
// instruction and the loops vectorise.
__attribute__((target("avx2,fma")))
static void tanhBackwardFused(const float *g, const float *y, float *out, long n) {
    for (long i = 0; i < n; i++) out[i] = g[i] * fmaf(-y[i], y[i], 1.0f);
}

void recur_tanh_backward_f32(const float *g, const float *y, float *out, long n) {
    if (recur_vector_capability() == kDefault) {
        for (long i = 0; i < n; i++) out[i] = g[i] * (1.0f - y[i] * y[i]);
    } else {
        tanhBackwardFused(g, y, out, n);
    }
}

__attribute__((target("avx2,fma")))
static void multiplyAddFused(const float *a, const float *b, const float *c, float *out, long n) {
    for (long i = 0; i < n; i++) out[i] = fmaf(a[i], b[i], c[i]);
}

void recur_multiply_add_f32(const float *a, const float *b, const float *c, float *out, long n) {
    if (recur_vector_capability() == kDefault) {
        for (long i = 0; i < n; i++) out[i] = a[i] * b[i] + c[i];
    } else {
        multiplyAddFused(a, b, c, out, n);
    }
}

__attribute__((target("avx2,fma")))
static void scaledAddFused(float alpha, const float *x, const float *y, float *out, long n) {
    for (long i = 0; i < n; i++) out[i] = fmaf(alpha, x[i], y[i]);
}

void recur_scaled_add_f32(float alpha, const float *x, const float *y, float *out, long n) {
    if (recur_vector_capability() == kDefault) {
        for (long i = 0; i < n; i++) out[i] = alpha * x[i] + y[i];
    } else {
        scaledAddFused(alpha, x, y, out, n);
    }
}

void recur_sigmoid_backward_f32(const float *g, const float *y, float *out, long n) {
    for (long i = 0; i < n; i++) out[i] = g[i] * (1.0f - y[i]) * y[i];
}

__attribute__((target("avx512f,avx512dq,avx512bw,avx512vl,fma")))
static void tanh8(const float *x, float *y) {
    __m512d d = _mm512_cvtps_pd(_mm256_loadu_ps(x));
    _mm256_storeu_ps(y, _mm512_cvtpd_ps(Sleef_tanhd8_u10avx512f(d)));
}

__attribute__((target("avx2,fma")))
static void tanh4(const float *x, float *y) {
    __m256d d = _mm256_cvtps_pd(_mm_loadu_ps(x));
    _mm_storeu_ps(y, _mm256_cvtpd_ps(Sleef_tanhd4_u10avx2(d)));
}

// PyTorch's tanh is MKL's (VML, high accuracy), which no open library reproduces; the
// correctly rounded value is what it returns for all but about one input in a thousand.
// Sleef's double tanh (within 1 double ulp) rounded to float is correctly rounded except
// when the exact value lies within 2^-29 ulp of a rounding boundary.
void recur_tanh_f32(const float *x, float *y, long n) {
    int cap = recur_vector_capability();
    long i = 0;
    if (cap == kAVX512) {
        for (; i + 8 <= n; i += 8) tanh8(x + i, y + i);
    } else if (cap == kAVX2) {
        for (; i + 4 <= n; i += 4) tanh4(x + i, y + i);
    }
    for (; i < n; i++) y[i] = (float)tanh((double)x[i]);
}

// ---- softmax and log_softmax over the last dimension (ATen's _vec_*softmax_lastdim) ----

typedef enum { reduceSum, reduceMax } Reduction;

static inline float combine(Reduction r, float a, float b) {
    switch (r) {
    case reduceSum: return a + b;
    case reduceMax: {
        // vec::maximum: the larger, or NaN when either is.
        if (isnan(a) || isnan(b)) return NAN;
        return a > b ? a : b;
    }
    }
    return a;
}

/// vec_reduce_all over a full vector: the shuffles halve the width each step (AVX512 and
/// AVX2); the default capability folds the lanes in order.
static float reduceLanes(int cap, Reduction r, float *v, long count) {
    long w = lanesOf(cap);
    if (count < w || cap == kDefault) {
        float acc = v[0];
        for (long i = 1; i < count; i++) acc = combine(r, acc, v[i]);
        return acc;
    }
    for (long off = w / 2; off >= 1; off /= 2)
        for (long i = 0; i < off; i++) v[i] = combine(r, v[i], v[i + off]);
    return v[0];
}

typedef enum { mapIdentity, mapExpShifted, mapProduct } ReduceMap;

/// vec::reduce_all, map_reduce_all and map2_reduce_all over one row: the first vector, the
/// whole vectors folded in, the partial vector folded into its leading lanes, then the lanes.
static float reduceRow(int cap, Reduction r, ReduceMap m, const float *x, const float *z, float shift, long size) {
    long w = lanesOf(cap);
    float acc[kMaxLanes], v[kMaxLanes];
    long first = size < w ? size : w;
    memset(acc, 0, sizeof acc);
    memcpy(acc, x, (size_t)first * sizeof(float));
    switch (m) {
    case mapIdentity: break;
    case mapExpShifted:
        for (long k = 0; k < w; k++) acc[k] = acc[k] - shift;
        applyLanes(cap, fnExp, acc);
        break;
    case mapProduct:
        for (long k = 0; k < first; k++) acc[k] = acc[k] * z[k];
        break;
    }
    if (size < w) return reduceLanes(cap, r, acc, size);
    long d = w;
    while (d < size) {
        long count = size - d < w ? size - d : w;
        memset(v, 0, sizeof v);
        memcpy(v, x + d, (size_t)count * sizeof(float));
        switch (m) {
        case mapIdentity: break;
        case mapExpShifted:
            for (long k = 0; k < w; k++) v[k] = v[k] - shift;
            applyLanes(cap, fnExp, v);
            break;
        case mapProduct:
            for (long k = 0; k < count; k++) v[k] = v[k] * z[d + k];
            break;
        }
        for (long k = 0; k < count; k++) acc[k] = combine(r, acc[k], v[k]);
        d += count;
    }
    return reduceLanes(cap, r, acc, w);
}

/// One element of vec::map's Vectorized<float>::exp() or log() (lanes are independent).
static float vectorScalar(int cap, VectorFunction f, float x) {
    float v[kMaxLanes] = {0};
    v[0] = x;
    applyLanes(cap, f, v);
    return v[0];
}

void recur_softmax_rows_f32(const float *x, float *y, long rows, long size) {
    int cap = recur_vector_capability();
    long w = lanesOf(cap);
    float v[kMaxLanes];
    for (long r = 0; r < rows; r++) {
        const float *in = x + r * size;
        float *out = y + r * size;
        float max = reduceRow(cap, reduceMax, mapIdentity, in, NULL, 0, size);
        for (long d = 0; d < size; d += w) {
            long count = size - d < w ? size - d : w;
            memset(v, 0, sizeof v);
            for (long k = 0; k < count; k++) v[k] = in[d + k] - max;
            applyLanes(cap, fnExp, v);
            memcpy(out + d, v, (size_t)count * sizeof(float));
        }
        float sum = reduceRow(cap, reduceSum, mapIdentity, out, NULL, 0, size);
        sum = 1 / sum;
        for (long k = 0; k < size; k++) out[k] = out[k] * sum;
    }
}

void recur_log_softmax_rows_f32(const float *x, float *y, long rows, long size) {
    int cap = recur_vector_capability();
    for (long r = 0; r < rows; r++) {
        const float *in = x + r * size;
        float *out = y + r * size;
        float max = reduceRow(cap, reduceMax, mapIdentity, in, NULL, 0, size);
        float sum = reduceRow(cap, reduceSum, mapExpShifted, in, NULL, max, size);
        float logSum = vectorScalar(cap, fnLog, sum);
        // x - max - log(sum), in this order (ATen keeps it for large inputs).
        for (long k = 0; k < size; k++) out[k] = in[k] - max - logSum;
    }
}

void recur_softmax_backward_rows_f32(const float *gradient, const float *output, float *result, long rows, long size) {
    int cap = recur_vector_capability();
    for (long r = 0; r < rows; r++) {
        const float *g = gradient + r * size, *o = output + r * size;
        float *out = result + r * size;
        float sum = reduceRow(cap, reduceSum, mapProduct, g, o, 0, size);
        for (long k = 0; k < size; k++) out[k] = (g[k] - sum) * o[k];
    }
}

void recur_log_softmax_backward_rows_f32(const float *gradient, const float *output, float *result, long rows, long size) {
    int cap = recur_vector_capability();
    long w = lanesOf(cap);
    float v[kMaxLanes];
    for (long r = 0; r < rows; r++) {
        const float *g = gradient + r * size, *o = output + r * size;
        float *out = result + r * size;
        float sum = reduceRow(cap, reduceSum, mapIdentity, g, NULL, 0, size);
        for (long d = 0; d < size; d += w) {
            long count = size - d < w ? size - d : w;
            memset(v, 0, sizeof v);
            memcpy(v, o + d, (size_t)count * sizeof(float));
            applyLanes(cap, fnExp, v);
            // x - exp(y) * sum, contracted into one fused multiply-add by GCC in the vector builds.
            if (cap == kDefault) {
                for (long k = 0; k < count; k++) out[d + k] = g[d + k] - v[k] * sum;
            } else {
                scaledAddFused(-sum, v, g + d, out + d, count);
            }
        }
    }
}
