extension Tensor {
    /// `nn.init.orthogonal_(tensor, gain)`: a (rows, numel/rows) matrix of standard normal
    /// draws (PyTorch's order), its QR factorisation's Q with each column's sign set by
    /// R's diagonal (which makes Q unique), transposed back for wide matrices, times `gain`.
    public func orthogonal(gain: Double = 1, generator: Generator) throws(TensorError) {
        guard rank >= 2 else { throw .value("Only tensors with 2 or more dimensions are supported") }
        guard count > 0 else { return }
        let rows = shape.dims[0]
        let cols = count / rows
        let draws = try Tensor.zeros([rows, cols])
        try draws.normal(mean: 0, std: 1, generator: generator)
        let a = draws.floats.map(Double.init)
        let wide = rows < cols
        let (m, n) = wide ? (cols, rows) : (rows, cols)
        // The m x n matrix to factor, column-major.
        var columns = [Double](repeating: 0, count: m * n)
        for i in 0..<m {
            for j in 0..<n { columns[j * m + i] = wide ? a[j * cols + i] : a[i * cols + j] }
        }
        let q = Tensor.orthonormalColumns(&columns, m: m, n: n)
        var values = [Float](repeating: 0, count: count)
        let g = Float(gain)
        for i in 0..<m {
            for j in 0..<n {
                let v = Float(q[j * m + i]) * g
                if wide { values[j * cols + i] = v } else { values[i * cols + j] = v }
            }
        }
        overwrite(with: .float32(values))
    }

    /// Householder QR of the column-major m x n matrix `a` (m >= n): returns Q's n columns
    /// (column-major), each multiplied by the sign of R's diagonal entry.
    static func orthonormalColumns(_ a: inout [Double], m: Int, n: Int) -> [Double] {
        var reflectors: [[Double]] = []
        var diagonal = [Double](repeating: 0, count: n)
        for k in 0..<n {
            var norm = 0.0
            for i in k..<m { norm += a[k * m + i] * a[k * m + i] }
            norm = norm.squareRoot()
            let x0 = a[k * m + k]
            let alpha = x0 > 0 ? -norm : norm
            var v = [Double](repeating: 0, count: m)
            for i in k..<m { v[i] = a[k * m + i] }
            v[k] -= alpha
            var vv = 0.0
            for i in k..<m { vv += v[i] * v[i] }
            if vv > 0 {
                // Apply I - 2 v v^T / (v^T v) to the remaining columns.
                for j in k..<n {
                    var dot = 0.0
                    for i in k..<m { dot += v[i] * a[j * m + i] }
                    let f = 2 * dot / vv
                    for i in k..<m { a[j * m + i] -= f * v[i] }
                }
            }
            diagonal[k] = a[k * m + k]
            reflectors.append(vv > 0 ? v.map { $0 / vv.squareRoot() } : [])
        }
        // Q = H_0 H_1 ... H_{n-1} applied to the first n columns of the identity.
        var q = [Double](repeating: 0, count: m * n)
        for j in 0..<n { q[j * m + j] = 1 }
        for k in stride(from: n - 1, through: 0, by: -1) {
            let v = reflectors[k]
            guard !v.isEmpty else { continue }
            for j in 0..<n {
                var dot = 0.0
                for i in k..<m { dot += v[i] * q[j * m + i] }
                for i in k..<m { q[j * m + i] -= 2 * dot * v[i] }
            }
        }
        for j in 0..<n where diagonal[j] < 0 {
            for i in 0..<m { q[j * m + i] = -q[j * m + i] }
        }
        return q
    }
}
