extension Tensor {
    /// The sum of all elements (integers and booleans sum to int64).
    public func sum() -> Tensor {
        switch storage {
        case .int64, .int32, .uint8, .bool:
            return Tensor(scalar: int64s.reduce(0, &+))
        case .float32(let v): return total(v)
        case .float64(let v): return total(v)
        }
    }

    private func total<T: FloatElement>(_ v: [T]) -> Tensor {
        var total: T = 0
        for x in v { total += x }
        let source = shape
        return Tensor(shape: .scalar, values: [total]).recording("SumBackward0", [self], savesTensors: false) { g in
            [Tensor(shape: source, values: filledArray(T.values(of: g)[0], count: source.count))]
        }
    }

    /// Sums over `dim`, keeping it as size 1 when `keepDim`.
    public func sum(dim: Int, keepDim: Bool = false) throws(TensorError) -> Tensor {
        try reduce(dim: dim, keepDim: keepDim, mean: false)
    }

    /// The mean of all elements (float tensors only, as in PyTorch).
    public func mean() throws(TensorError) -> Tensor {
        switch storage {
        case .float32(let v): return mean(v)
        case .float64(let v): return mean(v)
        case .int64, .int32, .uint8, .bool: throw Tensor.meanDTypeError(dtype)
        }
    }

    private func mean<T: FloatElement>(_ v: [T]) -> Tensor {
        let n = T(count)
        var total: T = 0
        for x in v { total += x }
        let source = shape
        return Tensor(shape: .scalar, values: [total / n]).recording("MeanBackward0", [self], savesTensors: false) { g in
            [Tensor(shape: source, values: filledArray(T.values(of: g)[0] / n, count: source.count))]
        }
    }

    /// The mean over `dim`.
    public func mean(dim: Int, keepDim: Bool = false) throws(TensorError) -> Tensor {
        guard dtype.isFloatingPoint else { throw Tensor.meanDTypeError(dtype) }
        return try reduce(dim: dim, keepDim: keepDim, mean: true)
    }

    static func meanDTypeError(_ dtype: DType) -> TensorError {
        .other(.notImplementedError, "mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: \(dtype.scalarTypeName)")
    }

    func reducedShape(_ d: Int, keepDim: Bool) -> Shape {
        guard rank > 0 else { return .scalar }
        var dims = shape.dims
        if keepDim { dims[d] = 1 } else { dims.remove(at: d) }
        return Shape(dims)
    }

    func reduce(dim: Int, keepDim: Bool, mean: Bool) throws(TensorError) -> Tensor {
        let d = try shape.normalize(dim: dim)
        let (outer, size, inner) = shape.split(at: d)
        let out = reducedShape(d, keepDim: keepDim)
        switch storage {
        case .float32(let v): return reduce(v, outer: outer, size: size, inner: inner, out: out, mean: mean)
        case .float64(let v): return reduce(v, outer: outer, size: size, inner: inner, out: out, mean: mean)
        case .int64, .int32, .uint8, .bool:
            let v = int64s
            var r = filledArray(Int64(0), count: outer * inner)
            for o in 0..<outer { for s in 0..<size { for k in 0..<inner { r[o * inner + k] &+= v[(o * size + s) * inner + k] } } }
            return Tensor(shape: out, storage: .int64(r))
        }
    }

    private func reduce<T: FloatElement>(_ v: [T], outer: Int, size: Int, inner: Int, out: Shape, mean: Bool) -> Tensor {
        var r = filledArray(T(0), count: outer * inner)
        v.withUnsafeBufferPointer { pv in
            r.withUnsafeMutableBufferPointer { pr in
                for o in 0..<outer { for s in 0..<size { for k in 0..<inner { pr[o * inner + k] += pv[(o * size + s) * inner + k] } } }
                if mean { for i in 0..<pr.count { pr[i] /= T(size) } }
            }
        }
        let source = shape
        return Tensor(shape: out, values: r).recording(mean ? "MeanBackward1" : "SumBackward1", [self], savesTensors: false) { g in
            let gv = T.values(of: g)
            let scale: T = mean ? 1 / T(size) : 1
            var grad = filledArray(T(0), count: source.count)
            for o in 0..<outer { for s in 0..<size { for k in 0..<inner { grad[(o * size + s) * inner + k] = gv[o * inner + k] * scale } } }
            return [Tensor(shape: source, values: grad)]
        }
    }

    /// The largest element; the gradient is shared evenly among ties (`max()`).
    public func max() throws(TensorError) -> Tensor {
        guard count > 0 else {
            throw .runtime("max(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.")
        }
        switch storage {
        case .int64(let v): return Tensor(scalar: v.max() ?? 0)
        case .int32(let v): return Tensor(shape: .scalar, storage: .int32([v.max() ?? 0]))
        case .uint8(let v): return Tensor(shape: .scalar, storage: .uint8([v.max() ?? 0]))
        case .bool(let v): return Tensor(shape: .scalar, storage: .bool([v.contains(true)]))
        case .float32(let v): return largest(v)
        case .float64(let v): return largest(v)
        }
    }

    private func largest<T: FloatElement>(_ v: [T]) -> Tensor {
        let m = v.max() ?? 0
        let source = shape
        return Tensor(shape: .scalar, values: [m]).recording("MaxBackward1", [self]) { g in
            let ties = T(v.reduce(0) { $0 + ($1 == m ? 1 : 0) })
            let share = T.values(of: g)[0] / ties
            return [Tensor(shape: source, values: v.map { $0 == m ? share : 0 })]
        }
    }

    /// The largest values along `dim` and their indices (first occurrence), as `max(dim)`.
    public func max(dim: Int, keepDim: Bool = false) throws(TensorError) -> (values: Tensor, indices: Tensor) {
        try extreme(dim: dim, keepDim: keepDim, largest: true)
    }

    /// The smallest values along `dim` and their indices, as `min(dim)`.
    public func min(dim: Int, keepDim: Bool = false) throws(TensorError) -> (values: Tensor, indices: Tensor) {
        try extreme(dim: dim, keepDim: keepDim, largest: false)
    }

    /// The index of the largest element along `dim`, or of the flattened tensor when nil.
    public func argmax(dim: Int? = nil, keepDim: Bool = false) throws(TensorError) -> Tensor {
        if dtype == .bool { throw .other(.notImplementedError, "argmax(): does not support bool input") }
        guard let dim else {
            let flat = try view([-1])
            return try flat.extreme(dim: 0, keepDim: false, largest: true).indices
        }
        return try extreme(dim: dim, keepDim: keepDim, largest: true).indices
    }

    func extreme(dim: Int, keepDim: Bool, largest: Bool) throws(TensorError) -> (values: Tensor, indices: Tensor) {
        let d = try shape.normalize(dim: dim)
        let (outer, size, inner) = shape.split(at: d)
        guard size > 0 else {
            throw .index("max(): Expected reduction dim \(d) to have non-zero size.")
        }
        let out = reducedShape(d, keepDim: keepDim)
        if dtype == .float64 { return extreme(doubles, outer: outer, size: size, inner: inner, out: out, largest: largest) }
        if dtype != .float32 {
            // Integers compare exactly as doubles (int64 beyond 2^53 aside); the values are
            // gathered from the tensor's own storage.
            let (_, indices) = extreme(doubles, outer: outer, size: size, inner: inner, out: out, largest: largest)
            let best = indices.int64s
            let offsets = (0..<(outer * inner)).map { r in (r / inner * size + Int(best[r])) * inner + r % inner }
            return (Tensor(shape: out, storage: storage.gather(offsets)), indices)
        }
        return extreme(floats, outer: outer, size: size, inner: inner, out: out, largest: largest)
    }

    private func extreme<T: FloatElement>(
        _ v: [T], outer: Int, size: Int, inner: Int, out: Shape, largest: Bool
    ) -> (values: Tensor, indices: Tensor) {
        // One pass finds each position's winner (first occurrence; NaN wins, as in PyTorch).
        var best = filledArray(Int64(0), count: outer * inner)
        let picked = v.withUnsafeBufferPointer { pv in
            makeArray(outer * inner) { (pick: UnsafeMutableBufferPointer<T>) in
                best.withUnsafeMutableBufferPointer { pb in
                    for o in 0..<outer {
                        for k in 0..<inner {
                            var bi = 0
                            var bv = pv[o * size * inner + k]
                            for s in 1..<Swift.max(size, 1) {
                                let x = pv[(o * size + s) * inner + k]
                                if largest ? (x > bv || (x.isNaN && !bv.isNaN)) : (x < bv || (x.isNaN && !bv.isNaN)) {
                                    bv = x
                                    bi = s
                                }
                            }
                            pb[o * inner + k] = Int64(bi)
                            pick[o * inner + k] = bv
                        }
                    }
                }
            }
        }
        let indices = Tensor(shape: out, storage: .int64(best))
        let values = Tensor(shape: out, values: picked)
        guard Tensor.needsGraph(self) else { return (values, indices) }
        let source = shape
        values.recording(largest ? "MaxBackward0" : "MinBackward0", [self]) { g in
            var grad = filledArray(T(0), count: source.count)
            for (r, x) in T.values(of: g).enumerated() where r < best.count {
                grad[(r / inner * size + Int(best[r])) * inner + r % inner] += x
            }
            return [Tensor(shape: source, values: grad)]
        }
        return (values, indices)
    }
}
