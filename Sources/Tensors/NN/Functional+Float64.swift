/// `F.linear` over float64 operands: one dgemm over all leading dimensions with the bias
/// as C's starting value, as the float32 path computes it, and plain gradient tensors
/// (float64 models are small; the float32 path's direct accumulation into leaves is not
/// worth a second copy here).
extension Functional {
    static func linearFloat64(
        _ input: Tensor, weight: Tensor, bias: Tensor?, rows: Int, k: Int, out: Int, name: String
    ) throws(TensorError) -> Tensor {
        if let bias, bias.dtype != .float64 {
            throw .runtime("self and mat2 must have the same dtype, but got \(Tensor.typeWord(bias.dtype)) and Double")
        }
        let x = input.doubles
        let w = weight.doubles
        var y = filledArray(Double(0), count: rows * out)
        if let b = bias?.doubles {
            for r in 0..<rows { for j in 0..<out { y[r * out + j] = b[j] } }
        }
        y.withUnsafeMutableBufferPointer { py in
            x.withUnsafeBufferPointer { px in
                w.withUnsafeBufferPointer { pw in
                    guard let c = py.baseAddress, let a = px.baseAddress, let bb = pw.baseAddress else { return }
                    BLAS.dgemm(a, transposeA: false, bb, transposeB: true, c, m: rows, n: out, k: k, beta: bias == nil ? 0 : 1)
                }
            }
        }
        try Cancellation.checkpoint()
        var dims = input.shape.dims
        dims[dims.count - 1] = out
        let inShape = input.shape
        let (needInput, needWeight, needBias) = (input.requiresGradFlag, weight.requiresGradFlag, bias?.requiresGradFlag ?? false)
        let inputs = [input, weight] + (bias.map { [$0] } ?? [])
        return Tensor(shape: Shape(dims), values: y).recording(name, inputs) { g in
            let gv = g.doubles
            let gx = needInput ? Double.product(gv, transposeA: false, w, transposeB: false, m: rows, n: k, k: out) : nil
            let gw = needWeight ? Double.product(gv, transposeA: true, x, transposeB: false, m: out, n: k, k: rows) : nil
            var result: [Tensor?] = [
                gx.map { Tensor(shape: inShape, values: $0) },
                gw.map { Tensor(shape: weight.shape, values: $0) },
            ]
            if bias != nil {
                result.append(needBias ? Tensor(shape: Shape([out]), values: Kernels.sum(gv, from: Shape([rows, out]), to: Shape([out]))) : nil)
            }
            return result
        }
    }
}
