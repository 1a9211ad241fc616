// NumPy's own exp loops, lane for lane: float32 as NumPy computes it with AVX2 or AVX512
// (the same bits either way, and through the C library's fmaf without AVX2), float64 as
// NumPy's AVX512F routine computes it (Tang's table method). Contraction is off: every
// fused multiply-add below is one NumPy's loop has, and no other.
#pragma STDC FP_CONTRACT OFF
#pragma clang fp contract(off)

#include "CNumPy.h"
#include "NumPyCPU.h"

#include <immintrin.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

// The flags NumPy's loops set themselves (bits of recur_numpy_fp_test).
enum { kOverflowFlag = 2, kUnderflowFlag = 4 };

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
static inline __attribute__((always_inline)) float expLane(float x, int *flags) {
    int isNaN = x != x, big = x >= kMax, small = x <= kMin;
    if (big && x != INFINITY) *flags |= kOverflowFlag;
    if (small && x != -INFINITY) *flags |= kUnderflowFlag;
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

// The reduction and the rational approximation of one vector, `W` 256 or 512: the quotient
// P(r)/Q(r) for the rounded quadrant `q` of `v`, as NumPy's loop computes it in both widths.
#define EXP_QUOTIENT(W, v, q, quotient)                                                           \
    q = _mm##W##_mul_ps(v, _mm##W##_set1_ps(kLog2E));                                             \
    q = _mm##W##_sub_ps(_mm##W##_add_ps(q, _mm##W##_set1_ps(kMagic)), _mm##W##_set1_ps(kMagic));   \
    {                                                                                             \
        __typeof__(v) r = _mm##W##_fmadd_ps(q, _mm##W##_set1_ps(kLn2High), v);                    \
        r = _mm##W##_fmadd_ps(q, _mm##W##_set1_ps(kLn2Low), r);                                   \
        r = _mm##W##_fmadd_ps(q, _mm##W##_setzero_ps(), r);                                       \
        __typeof__(v) num = _mm##W##_fmadd_ps(_mm##W##_set1_ps(kP5), r, _mm##W##_set1_ps(kP4));   \
        num = _mm##W##_fmadd_ps(num, r, _mm##W##_set1_ps(kP3));                                   \
        num = _mm##W##_fmadd_ps(num, r, _mm##W##_set1_ps(kP2));                                   \
        num = _mm##W##_fmadd_ps(num, r, _mm##W##_set1_ps(kP1));                                   \
        num = _mm##W##_fmadd_ps(num, r, _mm##W##_set1_ps(kP0));                                   \
        __typeof__(v) den = _mm##W##_fmadd_ps(_mm##W##_set1_ps(kQ2), r, _mm##W##_set1_ps(kQ1));   \
        den = _mm##W##_fmadd_ps(den, r, _mm##W##_set1_ps(kQ0));                                   \
        quotient = _mm##W##_div_ps(num, den);                                                     \
    }

__attribute__((target("avx2,fma")))
static int expAVX2(const float *x, float *y, long n) {
    const __m256 vmax = _mm256_set1_ps(kMax), vmin = _mm256_set1_ps(kMin), zero = _mm256_setzero_ps();
    const __m256 inf = _mm256_set1_ps(INFINITY), ninf = _mm256_set1_ps(-INFINITY);
    __m256 overflow = zero, underflow = zero;
    int flags = 0;
    long i = 0;
    for (; i + 8 <= n; i += 8) {
        __m256 v = _mm256_loadu_ps(x + i);
        __m256 nanMask = _mm256_cmp_ps(v, v, _CMP_NEQ_UQ);
        v = _mm256_blendv_ps(v, zero, nanMask);
        __m256 bigMask = _mm256_cmp_ps(v, vmax, _CMP_GE_OQ);
        __m256 smallMask = _mm256_cmp_ps(v, vmin, _CMP_LE_OQ);
        overflow = _mm256_or_ps(overflow, _mm256_xor_ps(bigMask, _mm256_cmp_ps(v, inf, _CMP_EQ_OQ)));
        underflow = _mm256_or_ps(underflow, _mm256_xor_ps(smallMask, _mm256_cmp_ps(v, ninf, _CMP_EQ_OQ)));
        v = _mm256_blendv_ps(v, zero, _mm256_or_ps(smallMask, bigMask));
        __m256 q, poly;
        EXP_QUOTIENT(256, v, q, poly)
        __m256i qi = _mm256_cvtps_epi32(q);
        __m256i clamped = _mm256_max_epi32(qi, _mm256_set1_epi32(-125));
        __m256i shift = _mm256_sub_epi32(clamped, qi);
        __m256i bits = _mm256_add_epi32(_mm256_castps_si256(poly), _mm256_slli_epi32(clamped, 23));
        __m256 divisor = _mm256_cvtepi32_ps(_mm256_sllv_epi32(_mm256_set1_epi32(1), shift));
        __m256 scaled = _mm256_div_ps(_mm256_castsi256_ps(bits), divisor);
        scaled = _mm256_blendv_ps(scaled, _mm256_set1_ps(NAN), nanMask);
        scaled = _mm256_blendv_ps(scaled, inf, bigMask);
        scaled = _mm256_blendv_ps(scaled, zero, smallMask);
        _mm256_storeu_ps(y + i, scaled);
    }
    if (_mm256_movemask_ps(overflow)) flags |= kOverflowFlag;
    if (_mm256_movemask_ps(underflow)) flags |= kUnderflowFlag;
    for (; i < n; i++) y[i] = expLane(x[i], &flags);
    return flags;
}

// The same arithmetic in 16 lanes, with the scaling done by scalef as NumPy's AVX512 loop does
// (the last partial vector through a masked load and store: masked ones throughout are slower).
__attribute__((target("avx512f")))
static int expAVX512(const float *x, float *y, long n) {
    const __m512 vmax = _mm512_set1_ps(kMax), vmin = _mm512_set1_ps(kMin), zero = _mm512_setzero_ps();
    const __m512 inf = _mm512_set1_ps(INFINITY), ninf = _mm512_set1_ps(-INFINITY);
    __mmask16 overflow = 0, underflow = 0;
    for (long i = 0; i < n; i += 16) {
        __mmask16 load = n - i >= 16 ? 0xFFFF : (__mmask16)((1u << (n - i)) - 1);
        __m512 v = load == 0xFFFF ? _mm512_loadu_ps(x + i) : _mm512_maskz_loadu_ps(load, x + i);
        __mmask16 nanMask = _mm512_cmp_ps_mask(v, v, _CMP_NEQ_UQ);
        v = _mm512_mask_blend_ps(nanMask, v, zero);
        __mmask16 bigMask = _mm512_cmp_ps_mask(v, vmax, _CMP_GE_OQ);
        __mmask16 smallMask = _mm512_cmp_ps_mask(v, vmin, _CMP_LE_OQ);
        overflow |= bigMask ^ _mm512_cmp_ps_mask(v, inf, _CMP_EQ_OQ);
        underflow |= smallMask ^ _mm512_cmp_ps_mask(v, ninf, _CMP_EQ_OQ);
        v = _mm512_mask_blend_ps(nanMask | smallMask | bigMask, v, zero);
        __m512 q, poly;
        EXP_QUOTIENT(512, v, q, poly)
        poly = _mm512_scalef_ps(poly, q);
        poly = _mm512_mask_blend_ps(nanMask, poly, _mm512_set1_ps(NAN));
        poly = _mm512_mask_blend_ps(bigMask, poly, inf);
        poly = _mm512_mask_blend_ps(smallMask, poly, zero);
        if (load == 0xFFFF) _mm512_storeu_ps(y + i, poly);
        else _mm512_mask_storeu_ps(y + i, load, poly);
    }
    return (overflow ? kOverflowFlag : 0) | (underflow ? kUnderflowFlag : 0);
}

int recur_numpy_exp_f32(const float *x, float *y, long n) {
    if (cnumpyHasAVX512()) return expAVX512(x, y, n);
    if (cnumpyHasAVX2()) return expAVX2(x, y, n);
    int flags = 0;
    for (long i = 0; i < n; i++) y[i] = expLane(x[i], &flags);
    return flags;
}

// NumPy's float64 exp for AVX512F (npy_simd_data.h): 2^(j/32) as a head and a tail, ln 2 / 32
// split in two, and the polynomial for exp(r) - 1 on [-ln2/64, ln2/64].
static const uint64_t kTableTop[32] = {
    0x3FF0000000000000, 0x3FF059B0D3158540, 0x3FF0B5586CF98900, 0x3FF11301D0125B40,
    0x3FF172B83C7D5140, 0x3FF1D4873168B980, 0x3FF2387A6E756200, 0x3FF29E9DF51FDEC0,
    0x3FF306FE0A31B700, 0x3FF371A7373AA9C0, 0x3FF3DEA64C123400, 0x3FF44E0860618900,
    0x3FF4BFDAD5362A00, 0x3FF5342B569D4F80, 0x3FF5AB07DD485400, 0x3FF6247EB03A5580,
    0x3FF6A09E667F3BC0, 0x3FF71F75E8EC5F40, 0x3FF7A11473EB0180, 0x3FF82589994CCE00,
    0x3FF8ACE5422AA0C0, 0x3FF93737B0CDC5C0, 0x3FF9C49182A3F080, 0x3FFA5503B23E2540,
    0x3FFAE89F995AD380, 0x3FFB7F76F2FB5E40, 0x3FFC199BDD855280, 0x3FFCB720DCEF9040,
    0x3FFD5818DCFBA480, 0x3FFDFC97337B9B40, 0x3FFEA4AFA2A490C0, 0x3FFF50765B6E4540,
};
static const uint64_t kTableTail[32] = {
    0x0000000000000000, 0x3D0A1D73E2A475B4, 0x3CEEC5317256E308, 0x3CF0A4EBBF1AED93,
    0x3D0D6E6FBE462876, 0x3D053C02DC0144C8, 0x3D0C3360FD6D8E0B, 0x3D009612E8AFAD12,
    0x3CF52DE8D5A46306, 0x3CE54E28AA05E8A9, 0x3D011ADA0911F09F, 0x3D068189B7A04EF8,
    0x3D038EA1CBD7F621, 0x3CBDF0A83C49D86A, 0x3D04AC64980A8C8F, 0x3CD2C7C3E81BF4B7,
    0x3CE921165F626CDD, 0x3D09EE91B8797785, 0x3CDB5F54408FDB37, 0x3CF28ACF88AFAB35,
    0x3CFB5BA7C55A192D, 0x3D027A280E1F92A0, 0x3CF01C7C46B071F3, 0x3CFC8B424491CAF8,
    0x3D06AF439A68BB99, 0x3CDBAA9EC206AD4F, 0x3CFC2220CB12A092, 0x3D048A81E5E8F4A5,
    0x3CDC976816BAD9B8, 0x3CFEB968CAC39ED3, 0x3CF9858F73A18F5E, 0x3C99D3E12DD8A18B,
};

// One table of 32 doubles as four vectors, indexed by the low five bits of each lane.
__attribute__((target("avx512f")))
static inline __m512d lookup32(const uint64_t *table, __m512i j) {
    const double *t = (const double *)table;
    __m512d lo = _mm512_permutex2var_pd(_mm512_loadu_pd(t), j, _mm512_loadu_pd(t + 8));
    __m512d hi = _mm512_permutex2var_pd(_mm512_loadu_pd(t + 16), j, _mm512_loadu_pd(t + 24));
    __mmask8 upper = _mm512_test_epi64_mask(j, _mm512_set1_epi64(0x10));
    return _mm512_mask_blend_pd(upper, lo, hi);
}

// exp of lanes with no special case: the table, the reduction and the polynomial.
__attribute__((target("avx512f")))
static inline __m512d tangCore(__m512d v) {
    const __m512d shift = _mm512_set1_pd(0x1.8p52);
    __m512d kd = _mm512_add_pd(_mm512_mul_pd(v, _mm512_set1_pd(0x1.71547652b82fep+5)), shift);
    __m512i ki = _mm512_castpd_si512(kd);
    kd = _mm512_sub_pd(kd, shift);
    __m512d r1 = _mm512_fmadd_pd(kd, _mm512_set1_pd(-0x1.62e42fefp-6), v);
    __m512d r2 = _mm512_mul_pd(kd, _mm512_set1_pd(-0x1.473de6af278edp-39));
    __m512d r = _mm512_add_pd(r1, r2);
    __m512d q = _mm512_fmadd_pd(_mm512_set1_pd(0x1.6c1728d739765p-10), r, _mm512_set1_pd(0x1.11115b7aa905ep-7));
    q = _mm512_fmadd_pd(q, r, _mm512_set1_pd(0x1.5555555545d4ep-5));
    q = _mm512_fmadd_pd(q, r, _mm512_set1_pd(0x1.5555555548f7cp-3));
    q = _mm512_fmadd_pd(q, r, _mm512_set1_pd(0x1p-1));
    q = _mm512_mul_pd(q, r);
    __m512d p = _mm512_add_pd(r1, _mm512_fmadd_pd(r, q, r2));
    __m512i j = _mm512_and_epi64(ki, _mm512_set1_epi64(0x1f));
    __m512d top = lookup32(kTableTop, j), tail = lookup32(kTableTail, j);
    __m512d result = _mm512_add_pd(_mm512_fmadd_pd(_mm512_add_pd(top, tail), p, tail), top);
    return _mm512_scalef_pd(result, _mm512_div_pd(kd, _mm512_set1_pd(32)));
}

// Vectors with no NaN, no input past the thresholds and none near zero (almost all of them)
// skip NumPy's masking, which then changes nothing.
__attribute__((target("avx512f")))
static int expAVX512d(const double *x, double *y, long n) {
    const __m512d zero = _mm512_setzero_pd(), inf = _mm512_set1_pd(INFINITY);
    const __m512d high = _mm512_set1_pd(0x1.62e42fefa39efp+9), low = _mm512_set1_pd(-0x1.74910d52d3053p+9);
    const __m512i noSign = _mm512_set1_epi64(0x7FFFFFFFFFFFFFFF);
    __mmask8 overflow = 0, underflow = 0;
    for (long i = 0; i < n; i += 8) {
        __mmask8 load = n - i >= 8 ? 0xFF : (__mmask8)((1u << (n - i)) - 1);
        __m512d v = load == 0xFF ? _mm512_loadu_pd(x + i) : _mm512_maskz_loadu_pd(load, x + i);
        __mmask8 nanMask = _mm512_cmp_pd_mask(v, v, _CMP_NEQ_UQ);
        v = _mm512_mask_blend_pd(nanMask, v, zero);
        __mmask8 bigMask = _mm512_cmp_pd_mask(v, high, _CMP_GT_OQ);
        __mmask8 smallMask = _mm512_cmp_pd_mask(v, low, _CMP_LT_OQ);
        __m512d magnitude = _mm512_castsi512_pd(_mm512_and_epi64(_mm512_castpd_si512(v), noSign));
        __mmask8 nearZero = _mm512_cmp_pd_mask(magnitude, _mm512_set1_pd(0x1p-54), _CMP_LT_OQ) ^ nanMask;
        __mmask8 special = nanMask | smallMask | bigMask | nearZero;
        __m512d result;
        if (special == 0) {
            result = tangCore(v);
        } else {
            overflow |= bigMask ^ _mm512_cmp_pd_mask(v, inf, _CMP_EQ_OQ);
            underflow |= smallMask ^ _mm512_cmp_pd_mask(v, _mm512_set1_pd(-INFINITY), _CMP_EQ_OQ);
            v = _mm512_mask_blend_pd(special, v, zero);
            result = tangCore(v);
            result = _mm512_mask_blend_pd(nearZero, result, _mm512_add_pd(v, _mm512_set1_pd(1.0)));
            result = _mm512_mask_blend_pd(nanMask, result, _mm512_set1_pd(NAN));
            result = _mm512_mask_blend_pd(bigMask, result, inf);
            result = _mm512_mask_blend_pd(smallMask, result, zero);
        }
        if (load == 0xFF) _mm512_storeu_pd(y + i, result);
        else _mm512_mask_storeu_pd(y + i, load, result);
    }
    return (overflow ? kOverflowFlag : 0) | (underflow ? kUnderflowFlag : 0);
}

int recur_numpy_exp_f64(const double *x, double *y, long n) {
    if (cnumpyHasAVX512()) return expAVX512d(x, y, n);
    // Without AVX512F NumPy calls the C library element by element, and so does Recur.
    for (long i = 0; i < n; i++) y[i] = exp(x[i]);
    return 0;
}
