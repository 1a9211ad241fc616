import Glibc

extension Tensor {
    /// softmax along `dim`, computed after subtracting the maximum so it never overflows.
    public func softmax(dim: Int) throws(TensorError) -> Tensor {
        let (y, outer, size, inner) = try normalizedExponentials(dim: dim, log: false)
        return Tensor(shape: shape, floats: y).recording("SoftmaxBackward0", [self]) { g in
            let gv = g.floats
            var grad = filledArray(Float(0), count: gv.count)
            for o in 0..<outer {
                for k in 0..<inner {
                    var dot: Float = 0
                    for s in 0..<size { let i = (o * size + s) * inner + k; dot += gv[i] * y[i] }
                    for s in 0..<size { let i = (o * size + s) * inner + k; grad[i] = y[i] * (gv[i] - dot) }
                }
            }
            return [Tensor(shape: g.shape, floats: grad)]
        }
    }

    /// log(softmax) along `dim` as `x - max - log(sum(exp(x - max)))`.
    public func logSoftmax(dim: Int) throws(TensorError) -> Tensor {
        let (y, outer, size, inner) = try normalizedExponentials(dim: dim, log: true)
        return Tensor(shape: shape, floats: y).recording("LogSoftmaxBackward0", [self]) { g in
            let gv = g.floats
            var grad = filledArray(Float(0), count: gv.count)
            for o in 0..<outer {
                for k in 0..<inner {
                    var total: Float = 0
                    for s in 0..<size { total += gv[(o * size + s) * inner + k] }
                    for s in 0..<size { let i = (o * size + s) * inner + k; grad[i] = gv[i] - expf(y[i]) * total }
                }
            }
            return [Tensor(shape: g.shape, floats: grad)]
        }
    }

    func normalizedExponentials(dim: Int, log: Bool) throws(TensorError) -> ([Float], Int, Int, Int) {
        guard dtype == .float32 else {
            throw .runtime("\(log ? "log_softmax" : "softmax") is not implemented for '\(dtype == .int64 ? "Long" : "Bool")'")
        }
        let d = try shape.normalize(dim: dim)
        let (outer, size, inner) = shape.split(at: d)
        let x = floats
        if inner == 1 {
            return (Tensor.rowExponentials(x, rows: outer, size: size, log: log), outer, size, inner)
        }
        var y = x
        for o in 0..<outer {
            for k in 0..<inner {
                var m = -Float.infinity
                for s in 0..<size { m = Swift.max(m, x[(o * size + s) * inner + k]) }
                var total: Float = 0
                for s in 0..<size {
                    let i = (o * size + s) * inner + k
                    let e = expf(x[i] - m)
                    total += e
                    if !log { y[i] = e }
                }
                if log {
                    let lse = logf(total) + m
                    for s in 0..<size { let i = (o * size + s) * inner + k; y[i] = x[i] - lse }
                } else {
                    for s in 0..<size { y[(o * size + s) * inner + k] /= total }
                }
            }
        }
        return (y, outer, size, inner)
    }

    /// The contiguous case (the last dimension): one pass per row over raw buffers.
    static func rowExponentials(_ x: [Float], rows: Int, size: Int, log: Bool) -> [Float] {
        x.withUnsafeBufferPointer { px in
            makeFloats(rows * size) { out in
                for r in 0..<rows {
                    let row = r * size
                    var m = -Float.infinity
                    for s in 0..<size { m = Swift.max(m, px[row + s]) }
                    var total: Float = 0
                    for s in 0..<size {
                        let e = expf(px[row + s] - m)
                        out[row + s] = e
                        total += e
                    }
                    if log {
                        let lse = logf(total) + m
                        for s in 0..<size { out[row + s] = px[row + s] - lse }
                    } else {
                        let scale = 1 / total
                        for s in 0..<size { out[row + s] *= scale }
                    }
                }
            }
        }
    }
}
