#ifndef RECUR_CNUMPY_H
#define RECUR_CNUMPY_H

/// NumPy's own element-wise loops where its results are not the C library's: the same
/// arithmetic, lane by lane, so Recur's arrays hold NumPy's bits (see docs/NUMPY.md).

/// `np.exp` of float32 as NumPy computes it on x86 with AVX2 or AVX512 (Cody-Waite reduction,
/// a rational minimax approximation, fused multiply-adds): `y[i] = exp(x[i])`. Returns the
/// flags NumPy's loop sets itself (2 overflow, 4 underflow; bits of `recur_numpy_fp_test`).
int recur_numpy_exp_f32(const float *x, float *y, long n);

/// `np.exp` of float64: NumPy's AVX512F routine (Tang's table method) when the processor has
/// AVX512F, else the C library's `exp`, as NumPy without AVX512; flags as above.
int recur_numpy_exp_f64(const double *x, double *y, long n);

/// `np.sin` (`cosine` 0) or `np.cos` (1) of float32 as NumPy computes them with FMA3: returns
/// 0 without writing when the processor has no fused multiply-add (NumPy then calls the C
/// library).
int recur_numpy_trigonometric_f32(const float *x, float *y, long n, int cosine);

/// `out[i] = x[i] op y[i]` for `op` 0 +, 1 -, 2 *, 3 / (IEEE operations, vectorised); `xn` and
/// `yn` are n or 1 as below.
void recur_numpy_arith_f32(const float *x, long xn, const float *y, long yn, float *out, long n, int op);
void recur_numpy_arith_f64(const double *x, long xn, const double *y, long yn, double *out, long n, int op);

/// `out[i] = x[i] op y[i]` as 0 or 1 (Swift's `Bool`): `op` 0 ==, 1 !=, 2 <, 3 <=, 4 >, 5 >=,
/// quiet as NumPy's comparisons. `xn` and `yn` are n or 1 (one element against every other).
void recur_numpy_compare_f32(const float *x, long xn, const float *y, long yn, unsigned char *out, long n, int op);
void recur_numpy_compare_f64(const double *x, long xn, const double *y, long yn, unsigned char *out, long n, int op);

/// The largest (or smallest) element of `x[0..<n]` (n > 0): NaN when any element is NaN.
float recur_numpy_extreme_f32(const float *x, long n, int largest);
double recur_numpy_extreme_f64(const double *x, long n, int largest);

/// The first position of the largest (or smallest) element of `x[0..<n]` (n > 0), or of the
/// first NaN: the extreme, then the first element equal to it.
long recur_numpy_arg_extreme_f32(const float *x, long n, int largest);
long recur_numpy_arg_extreme_f64(const double *x, long n, int largest);

/// The first position of `value` in `x` (NaN matches NaN); n when absent.
long recur_numpy_first_f32(const float *x, long n, float value);
long recur_numpy_first_f64(const double *x, long n, double value);

/// `y[i] = f(x[i])` for the functions exact in the element's precision: `op` 0 sqrt, 1 floor,
/// 2 ceil, 3 trunc, 4 rint (vector instructions where the processor has AVX2).
void recur_numpy_exact_f32(const float *x, float *y, long n, int op);
void recur_numpy_exact_f64(const double *x, double *y, long n, int op);

/// `target[r * columns + c] = source[r * rowStride + c * columnStride]` for a rows × columns
/// matrix of 4- or 8-byte elements, in cache-sized tiles (a transposed view's copy).
void recur_numpy_strided_copy_32(const void *source, void *target, long rows, long columns, long rowStride, long columnStride);
void recur_numpy_strided_copy_64(const void *source, void *target, long rows, long columns, long rowStride, long columnStride);

/// The processor's floating-point status flags NumPy checks after a ufunc, as bits of our own
/// (1 divide by zero, 2 overflow, 4 underflow, 8 invalid): cleared, read, and raised the way
/// NumPy's integer loops raise them (a division by zero).
void recur_numpy_fp_clear(void);
int recur_numpy_fp_test(void);
void recur_numpy_fp_raise(int bits);
void recur_numpy_fp_lower(int bits);

#endif
