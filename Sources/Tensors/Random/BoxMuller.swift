import CSleef

/// PyTorch's vectorised normal fill for float tensors of 16 or more elements, lane for lane.
///
/// PyTorch draws all the uniforms first, then turns each block of 16 into 16 normals with
/// Box-Muller, using Cephes polynomial `log` and `sincos` (its `avx_mathfun.h`) compiled
/// with fused multiply-adds. `recur_box_muller_f32` (CSleef) does the same operations in the
/// same order, each fused where the compiler fuses them there, so the bits are the same on
/// any machine: eight lanes at a time with AVX2 and FMA, through `fmaf` without them.
enum BoxMuller {
    /// Normals for `data[0..<count]` (count >= 16), the uniforms already in place; the last,
    /// partial block is redrawn as 16 fresh uniforms over the tail, as PyTorch does.
    static func fill(_ data: UnsafeMutablePointer<Float>, count: Int, mean: Float, std: Float, generator: Generator) {
        recur_box_muller_f32(data, count / 16, mean, std)
        if count % 16 != 0 {
            let tail = data + count - 16
            generator.fillUniformFloats(UnsafeMutableBufferPointer(start: tail, count: 16))
            recur_box_muller_f32(tail, 1, mean, std)
        }
    }
}
