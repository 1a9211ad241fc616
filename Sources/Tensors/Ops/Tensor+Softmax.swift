import Glibc

extension Tensor {
    /// softmax along `dim`, computed after subtracting the maximum so it never overflows.
    public func softmax(dim: Int) throws(TensorError) -> Tensor {
        if dtype == .float64 { return try softmax(dim: dim, Double.self) }
        return try softmax(dim: dim, Float.self)
    }

    private func softmax<T: FloatElement>(dim: Int, _: T.Type) throws(TensorError) -> Tensor {
        let (y, outer, size, inner): ([T], Int, Int, Int) = try normalizedExponentials(dim: dim, log: false)
        return Tensor(shape: shape, values: y).recording("SoftmaxBackward0", [self]) { g in
            let gv = T.values(of: g)
            if inner == 1, let grad = T.normalizedRowsBackward(gradient: gv, output: y, rows: outer, size: size, log: false) {
                return [Tensor(shape: g.shape, values: grad)]
            }
            var grad = filledArray(T(0), count: gv.count)
            for o in 0..<outer {
                for k in 0..<inner {
                    var dot: T = 0
                    for s in 0..<size { let i = (o * size + s) * inner + k; dot += gv[i] * y[i] }
                    for s in 0..<size { let i = (o * size + s) * inner + k; grad[i] = y[i] * (gv[i] - dot) }
                }
            }
            return [Tensor(shape: g.shape, values: grad)]
        }
    }

    /// log(softmax) along `dim` as `x - max - log(sum(exp(x - max)))`.
    public func logSoftmax(dim: Int) throws(TensorError) -> Tensor {
        if dtype == .float64 { return try logSoftmax(dim: dim, Double.self) }
        return try logSoftmax(dim: dim, Float.self)
    }

    private func logSoftmax<T: FloatElement>(dim: Int, _: T.Type) throws(TensorError) -> Tensor {
        let (y, outer, size, inner): ([T], Int, Int, Int) = try normalizedExponentials(dim: dim, log: true)
        return Tensor(shape: shape, values: y).recording("LogSoftmaxBackward0", [self]) { g in
            let gv = T.values(of: g)
            if inner == 1, let grad = T.normalizedRowsBackward(gradient: gv, output: y, rows: outer, size: size, log: true) {
                return [Tensor(shape: g.shape, values: grad)]
            }
            var grad = filledArray(T(0), count: gv.count)
            for o in 0..<outer {
                for k in 0..<inner {
                    var total: T = 0
                    for s in 0..<size { total += gv[(o * size + s) * inner + k] }
                    for s in 0..<size { let i = (o * size + s) * inner + k; grad[i] = gv[i] - T.exp(y[i]) * total }
                }
            }
            return [Tensor(shape: g.shape, values: grad)]
        }
    }

    func normalizedExponentials<T: FloatElement>(dim: Int, log: Bool) throws(TensorError) -> ([T], Int, Int, Int) {
        let d = try shape.normalize(dim: dim)
        guard dtype.isFloatingPoint else {
            let kernel = (log ? "log_softmax" : "softmax") + (rank == 0 || d == rank - 1 ? "_lastdim_kernel_impl" : "_kernel_impl")
            throw .other(.notImplementedError, "\"\(kernel)\" not implemented for '\(dtype.scalarTypeName)'")
        }
        let (outer, size, inner) = shape.split(at: d)
        let x = T.values(of: self)
        if inner == 1 {
            if let y = T.normalizedRows(x, rows: outer, size: size, log: log) { return (y, outer, size, inner) }
            return (Tensor.rowExponentials(x, rows: outer, size: size, log: log), outer, size, inner)
        }
        var y = x
        for o in 0..<outer {
            for k in 0..<inner {
                var m = -T.infinity
                for s in 0..<size { m = Swift.max(m, x[(o * size + s) * inner + k]) }
                var total: T = 0
                for s in 0..<size {
                    let i = (o * size + s) * inner + k
                    let e = T.exp(x[i] - m)
                    total += e
                    if !log { y[i] = e }
                }
                if log {
                    let lse = T.log(total) + m
                    for s in 0..<size { let i = (o * size + s) * inner + k; y[i] = x[i] - lse }
                } else {
                    for s in 0..<size { y[(o * size + s) * inner + k] /= total }
                }
            }
        }
        return (y, outer, size, inner)
    }

    /// The contiguous case (the last dimension): one pass per row over raw buffers.
    static func rowExponentials<T: FloatElement>(_ x: [T], rows: Int, size: Int, log: Bool) -> [T] {
        x.withUnsafeBufferPointer { px in
            makeArray(rows * size) { out in
                for r in 0..<rows {
                    let row = r * size
                    var m = -T.infinity
                    for s in 0..<size { m = Swift.max(m, px[row + s]) }
                    var total: T = 0
                    for s in 0..<size {
                        let e = T.exp(px[row + s] - m)
                        out[row + s] = e
                        total += e
                    }
                    if log {
                        let lse = T.log(total) + m
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
