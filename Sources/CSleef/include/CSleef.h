#ifndef RECUR_CSLEEF_H
#define RECUR_CSLEEF_H

/// PyTorch's CPU kernels for float32 element-wise math, with the vector width and the
/// functions ATen picks on this CPU (see docs/TENSORS.md, "Element-wise math").

/// The ATen CPU capability this process emulates: 0 default (8 lanes, C library), 1 AVX2
/// (8 lanes, Sleef), 2 AVX512 (16 lanes, Sleef). Decided once from the CPU's features.
int recur_vector_capability(void);

/// sigmoid as ATen's vectorised loop: blocks of two vectors through Sleef's exp, the tail
/// through the C library's expf.
void recur_sigmoid_f32(const float *x, float *y, long n);

/// pow of two float32 arrays as ATen's tensor-tensor pow: blocks of two vectors through
/// Sleef's pow, the tail through the C library's powf.
void recur_pow_f32(const float *a, const float *b, float *y, long n);

/// tanh correctly rounded (computed in double precision).
void recur_tanh_f32(const float *x, float *y, long n);

/// expm1 and log1p as ATen's vml map: every element through Sleef (vectors, then a
/// zero-padded partial vector).
void recur_expm1_f32(const float *x, float *y, long n);
void recur_log1p_f32(const float *x, float *y, long n);
/// log_sigmoid as ATen's vectorised kernel computes it: min(x, 0) - log1p(exp(-|x|)), through
/// Sleef's exp and log1p on every lane.
void recur_log_sigmoid_f32(const float *x, float *y, long n);

/// softmax and log_softmax of `rows` contiguous rows of `size` elements (ATen's last-dim kernels).
void recur_softmax_rows_f32(const float *x, float *y, long rows, long size);
void recur_log_softmax_rows_f32(const float *x, float *y, long rows, long size);

/// Their backward kernels over contiguous rows: `gradient` of the output, `output` the
/// forward result.
void recur_softmax_backward_rows_f32(const float *gradient, const float *output, float *result, long rows, long size);
void recur_log_softmax_backward_rows_f32(const float *gradient, const float *output, float *result, long rows, long size);

/// tanh_backward `g * (1 - y * y)` and sigmoid_backward `g * (1 - y) * y` as ATen's
/// vectorised loops.
void recur_tanh_backward_f32(const float *g, const float *y, float *out, long n);
void recur_sigmoid_backward_f32(const float *g, const float *y, float *out, long n);

/// `a * b + c` element by element, one fused multiply-add where ATen's AVX2 and AVX512
/// kernels have one (GCC contracts them there), separately under the default capability.
void recur_multiply_add_f32(const float *a, const float *b, const float *c, float *out, long n);

/// `alpha * x + y` element by element, fused as `recur_multiply_add_f32` (ATen's `add` with
/// `alpha`, `lerp_`, `addcdiv_`).
void recur_scaled_add_f32(float alpha, const float *x, const float *y, float *out, long n);

/// PyTorch's Box-Muller normal fill over `blocks` blocks of 16 uniforms at `data`: the first 8
/// of each block give radii, the last 8 angles (Cephes log and sincos, fused as ATen's AVX2
/// build fuses them), then `normal * std + mean` in place. Eight lanes with AVX2 and FMA, the
/// same arithmetic one lane at a time otherwise.
void recur_box_muller_f32(float *data, long blocks, float mean, float std);

#endif
