// PyTorch's vectorised normal fill (normal_fill_16_AVX2 with avx_mathfun.h's log256_ps and
// sincos256_ps), eight lanes at a time when the CPU has AVX2 and FMA, one lane at a time
// through fmaf otherwise: the same operations and the same fused multiply-adds either way,
// so the bits do not depend on the path. Nothing else may be contracted.
#pragma STDC FP_CONTRACT OFF
#pragma clang fp contract(off)

#include "CSleef.h"

#include <immintrin.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

static inline uint32_t bitsOf(float x) { uint32_t b; memcpy(&b, &x, 4); return b; }
static inline float floatOf(uint32_t b) { float x; memcpy(&x, &b, 4); return x; }

// Cephes logf for x in (0, 1], as log256_ps computes it.
static inline float logLane(float input) {
    float x = input > floatOf(0x00800000) ? input : floatOf(0x00800000);
    int32_t exponent = (int32_t)(bitsOf(x) >> 23) - 0x7F;
    x = floatOf((bitsOf(x) & ~0x7F800000u) | bitsOf(0.5f));
    float e = (float)exponent + 1.0f;
    int below = x < 0.707106781186547524f;
    float tmp = below ? x : 0.0f;
    x = x - 1.0f;
    e = e - (below ? 1.0f : 0.0f);
    x = x + tmp;
    float z = x * x;
    float y = 7.0376836292E-2f;
    y = fmaf(y, x, -1.1514610310E-1f);
    y = fmaf(y, x, 1.1676998740E-1f);
    y = fmaf(y, x, -1.2420140846E-1f);
    y = fmaf(y, x, 1.4249322787E-1f);
    y = fmaf(y, x, -1.6668057665E-1f);
    y = fmaf(y, x, 2.0000714765E-1f);
    y = fmaf(y, x, -2.4999993993E-1f);
    y = fmaf(y, x, 3.3333331174E-1f);
    y = y * x;
    y = fmaf(y, z, e * -2.12194440e-4f);
    y = fmaf(-z, 0.5f, y);
    x = x + y;
    return fmaf(e, 0.693359375f, x);
}

// Cephes sinf and cosf together, as sincos256_ps computes them.
static inline void sinCosLane(float input, float *sinOut, float *cosOut) {
    uint32_t signSin = bitsOf(input) & 0x80000000u;
    float x = floatOf(bitsOf(input) & 0x7FFFFFFFu);
    int32_t j = (int32_t)(x * 1.27323954473516f);
    j = (j + 1) & ~1;
    float y = (float)j;
    uint32_t swapSin = (uint32_t)(j & 4) << 29;
    int sinPolynomial = (j & 2) == 0;
    x = fmaf(y, -0.78515625f, x);
    x = fmaf(y, -2.4187564849853515625e-4f, x);
    x = fmaf(y, -3.77489497744594108e-8f, x);
    uint32_t signCos = (uint32_t)(~(j - 2) & 4) << 29;
    signSin ^= swapSin;
    float z = x * x;
    float c = 2.443315711809948E-005f;
    c = fmaf(c, z, -1.388731625493765E-003f);
    c = fmaf(c, z, 4.166664568298827E-002f);
    c = c * z;
    c = fmaf(c, z, -(z * 0.5f));
    c = c + 1.0f;
    float s = -1.9515295891E-4f;
    s = fmaf(s, z, 8.3321608736E-3f);
    s = fmaf(s, z, -1.6666654611E-1f);
    s = s * z;
    s = fmaf(s, x, x);
    float sin2 = sinPolynomial ? s : 0.0f;
    float sin1 = sinPolynomial ? 0.0f : c;
    float sinValue = sin1 + sin2;
    float cosValue = (c - sin1) + (s - sin2);
    *sinOut = floatOf(bitsOf(sinValue) ^ signSin);
    *cosOut = floatOf(bitsOf(cosValue) ^ signCos);
}

static void fill16Lanes(float *data, float mean, float std) {
    const float twoPi = (float)(2.0 * M_PI);
    for (int j = 0; j < 8; j++) {
        float radius = sqrtf(-2.0f * logLane(1.0f - data[j]));
        float s, c;
        sinCosLane(twoPi * data[j + 8], &s, &c);
        data[j] = fmaf(radius * c, std, mean);
        data[j + 8] = fmaf(radius * s, std, mean);
    }
}

__attribute__((target("avx2,fma")))
static __m256 log8(__m256 input) {
    const __m256 minNormal = _mm256_castsi256_ps(_mm256_set1_epi32(0x00800000));
    __m256 x = _mm256_max_ps(input, minNormal);
    __m256i exponent = _mm256_sub_epi32(_mm256_srli_epi32(_mm256_castps_si256(x), 23), _mm256_set1_epi32(0x7F));
    x = _mm256_castsi256_ps(_mm256_or_si256(_mm256_and_si256(_mm256_castps_si256(x), _mm256_set1_epi32(~0x7F800000)),
                                            _mm256_castps_si256(_mm256_set1_ps(0.5f))));
    __m256 one = _mm256_set1_ps(1.0f);
    __m256 e = _mm256_add_ps(_mm256_cvtepi32_ps(exponent), one);
    __m256 below = _mm256_cmp_ps(x, _mm256_set1_ps(0.707106781186547524f), _CMP_LT_OS);
    __m256 tmp = _mm256_and_ps(x, below);
    x = _mm256_sub_ps(x, one);
    e = _mm256_sub_ps(e, _mm256_and_ps(one, below));
    x = _mm256_add_ps(x, tmp);
    __m256 z = _mm256_mul_ps(x, x);
    __m256 y = _mm256_set1_ps(7.0376836292E-2f);
    y = _mm256_fmadd_ps(y, x, _mm256_set1_ps(-1.1514610310E-1f));
    y = _mm256_fmadd_ps(y, x, _mm256_set1_ps(1.1676998740E-1f));
    y = _mm256_fmadd_ps(y, x, _mm256_set1_ps(-1.2420140846E-1f));
    y = _mm256_fmadd_ps(y, x, _mm256_set1_ps(1.4249322787E-1f));
    y = _mm256_fmadd_ps(y, x, _mm256_set1_ps(-1.6668057665E-1f));
    y = _mm256_fmadd_ps(y, x, _mm256_set1_ps(2.0000714765E-1f));
    y = _mm256_fmadd_ps(y, x, _mm256_set1_ps(-2.4999993993E-1f));
    y = _mm256_fmadd_ps(y, x, _mm256_set1_ps(3.3333331174E-1f));
    y = _mm256_mul_ps(y, x);
    y = _mm256_fmadd_ps(y, z, _mm256_mul_ps(e, _mm256_set1_ps(-2.12194440e-4f)));
    y = _mm256_fmadd_ps(_mm256_sub_ps(_mm256_setzero_ps(), z), _mm256_set1_ps(0.5f), y);
    x = _mm256_add_ps(x, y);
    return _mm256_fmadd_ps(e, _mm256_set1_ps(0.693359375f), x);
}

__attribute__((target("avx2,fma")))
static void sinCos8(__m256 input, __m256 *sinOut, __m256 *cosOut) {
    const __m256i signBit = _mm256_set1_epi32((int)0x80000000u);
    __m256i signSin = _mm256_and_si256(_mm256_castps_si256(input), signBit);
    __m256 x = _mm256_castsi256_ps(_mm256_andnot_si256(signBit, _mm256_castps_si256(input)));
    __m256i j = _mm256_cvttps_epi32(_mm256_mul_ps(x, _mm256_set1_ps(1.27323954473516f)));
    j = _mm256_and_si256(_mm256_add_epi32(j, _mm256_set1_epi32(1)), _mm256_set1_epi32(~1));
    __m256 y = _mm256_cvtepi32_ps(j);
    __m256i swapSin = _mm256_slli_epi32(_mm256_and_si256(j, _mm256_set1_epi32(4)), 29);
    __m256 sinPolynomial = _mm256_castsi256_ps(_mm256_cmpeq_epi32(_mm256_and_si256(j, _mm256_set1_epi32(2)), _mm256_setzero_si256()));
    x = _mm256_fmadd_ps(y, _mm256_set1_ps(-0.78515625f), x);
    x = _mm256_fmadd_ps(y, _mm256_set1_ps(-2.4187564849853515625e-4f), x);
    x = _mm256_fmadd_ps(y, _mm256_set1_ps(-3.77489497744594108e-8f), x);
    __m256i signCos = _mm256_slli_epi32(_mm256_andnot_si256(_mm256_sub_epi32(j, _mm256_set1_epi32(2)), _mm256_set1_epi32(4)), 29);
    signSin = _mm256_xor_si256(signSin, swapSin);
    __m256 z = _mm256_mul_ps(x, x);
    __m256 c = _mm256_set1_ps(2.443315711809948E-005f);
    c = _mm256_fmadd_ps(c, z, _mm256_set1_ps(-1.388731625493765E-003f));
    c = _mm256_fmadd_ps(c, z, _mm256_set1_ps(4.166664568298827E-002f));
    c = _mm256_mul_ps(c, z);
    c = _mm256_fmadd_ps(c, z, _mm256_sub_ps(_mm256_setzero_ps(), _mm256_mul_ps(z, _mm256_set1_ps(0.5f))));
    c = _mm256_add_ps(c, _mm256_set1_ps(1.0f));
    __m256 s = _mm256_set1_ps(-1.9515295891E-4f);
    s = _mm256_fmadd_ps(s, z, _mm256_set1_ps(8.3321608736E-3f));
    s = _mm256_fmadd_ps(s, z, _mm256_set1_ps(-1.6666654611E-1f));
    s = _mm256_mul_ps(s, z);
    s = _mm256_fmadd_ps(s, x, x);
    __m256 sin2 = _mm256_and_ps(sinPolynomial, s);
    __m256 sin1 = _mm256_andnot_ps(sinPolynomial, c);
    __m256 sinValue = _mm256_add_ps(sin1, sin2);
    __m256 cosValue = _mm256_add_ps(_mm256_sub_ps(c, sin1), _mm256_sub_ps(s, sin2));
    *sinOut = _mm256_castsi256_ps(_mm256_xor_si256(_mm256_castps_si256(sinValue), signSin));
    *cosOut = _mm256_castsi256_ps(_mm256_xor_si256(_mm256_castps_si256(cosValue), signCos));
}

__attribute__((target("avx2,fma")))
static void fill16AVX2(float *data, long blocks, float mean, float std) {
    const __m256 twoPi = _mm256_set1_ps((float)(2.0 * M_PI)), one = _mm256_set1_ps(1.0f), minusTwo = _mm256_set1_ps(-2.0f);
    const __m256 meanV = _mm256_set1_ps(mean), stdV = _mm256_set1_ps(std);
    for (long b = 0; b < blocks; b++, data += 16) {
        __m256 radius = _mm256_sqrt_ps(_mm256_mul_ps(minusTwo, log8(_mm256_sub_ps(one, _mm256_loadu_ps(data)))));
        __m256 s, c;
        sinCos8(_mm256_mul_ps(twoPi, _mm256_loadu_ps(data + 8)), &s, &c);
        _mm256_storeu_ps(data, _mm256_fmadd_ps(_mm256_mul_ps(radius, c), stdV, meanV));
        _mm256_storeu_ps(data + 8, _mm256_fmadd_ps(_mm256_mul_ps(radius, s), stdV, meanV));
    }
}

void recur_box_muller_f32(float *data, long blocks, float mean, float std) {
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) {
        fill16AVX2(data, blocks, mean, std);
        return;
    }
    for (long b = 0; b < blocks; b++) fill16Lanes(data + 16 * b, mean, std);
}
