extension Tensor {
    /// The sum of all elements (integers and booleans sum to int64), as PyTorch's CPU sum
    /// associates it for floats (see `CascadeSum`).
    public func sum() -> Tensor {
        switch storage {
        case .int64, .int32, .uint8, .bool:
            return Tensor(scalar: int64s.reduce(0, &+))
        case .float32: return reduceAll(Float.self, mean: false)
        case .float64: return reduceAll(Double.self, mean: false)
        }
    }

    /// The mean of all elements (float tensors only, as in PyTorch): the sum, then divided
    /// by the count, as ATen's CPU mean computes it.
    public func mean() throws(TensorError) -> Tensor {
        switch dtype {
        case .float32: return reduceAll(Float.self, mean: true)
        case .float64: return reduceAll(Double.self, mean: true)
        case .int64, .int32, .uint8, .bool: throw Tensor.meanDTypeError(dtype)
        }
    }

    private func reduceAll<T: FloatElement>(_: T.Type, mean: Bool) -> Tensor {
        let n = T(count)
        var total: T = cascadeSums(reduced: [Bool](repeating: true, count: rank), keepDim: false, count: 1)[0]
        if mean { total /= n }
        let source = shape
        return Tensor(shape: .scalar, values: [total]).recording(mean ? "MeanBackward0" : "SumBackward0", [self], savesTensors: false) { g in
            let value = T.values(of: g)[0]
            return [Tensor(shape: source, values: filledArray(mean ? value / n : value, count: source.count))]
        }
    }

    /// The float sums over the dimensions `reduced` marks, row-major in the output's shape:
    /// ATen's TensorIterator layout of this tensor's strides and its cascade sum.
    func cascadeSums<T: FloatElement>(reduced: [Bool], keepDim: Bool, count: Int) -> [T] {
        let offset = layout?.offset ?? 0
        var out = filledArray(T(0), count: count)
        T.elements(bufferElements).withUnsafeBufferPointer { pv in
            out.withUnsafeMutableBufferPointer { po in
                guard let input = pv.baseAddress, let o = po.baseAddress, self.count > 0 else { return }
                if layout == nil && !reduced.contains(false) {
                    // A contiguous tensor's dimensions all merge into one.
                    o[0] = CascadeSum.total(input, count: self.count)
                } else {
                    ReductionPlan(dims: shape.dims, strides: strides, reduced: reduced, keepDim: keepDim)
                        .parallelSum(T.SumVector.self, input + offset, into: o, outputs: count, threads: IntraOpThreads.current)
                }
            }
        }
        return out
    }

    /// Sums over `dim`, keeping it as size 1 when `keepDim`.
    public func sum(dim: Int, keepDim: Bool = false) throws(TensorError) -> Tensor {
        try reduce(dims: [dim], keepDim: keepDim, mean: false)
    }

    /// Sums over each of `dims` at once (`sum((0, 2))`; empty: every dimension).
    public func sum(dims: [Int], keepDim: Bool = false) throws(TensorError) -> Tensor {
        try reduce(dims: dims, keepDim: keepDim, mean: false)
    }

    /// The mean over `dim`.
    public func mean(dim: Int, keepDim: Bool = false) throws(TensorError) -> Tensor {
        try mean(dims: [dim], keepDim: keepDim)
    }

    /// The mean over each of `dims` at once (empty: every dimension).
    public func mean(dims: [Int], keepDim: Bool = false) throws(TensorError) -> Tensor {
        guard dtype.isFloatingPoint else { throw Tensor.meanDTypeError(dtype) }
        return try reduce(dims: dims, keepDim: keepDim, mean: true)
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

    func reduce(dims: [Int], keepDim: Bool, mean: Bool) throws(TensorError) -> Tensor {
        var reduced = [Bool](repeating: dims.isEmpty, count: rank)
        for d in try distinctDims(dims, mean ? "mean" : "sum") where rank > 0 { reduced[d] = true }
        var outDims: [Int] = []
        for (d, size) in shape.dims.enumerated() where keepDim || !reduced[d] { outDims.append(reduced[d] ? 1 : size) }
        let out = Shape(outDims)
        switch storage {
        case .float32: return reduce(Float.self, reduced: reduced, out: out, keepDim: keepDim, mean: mean)
        case .float64: return reduce(Double.self, reduced: reduced, out: out, keepDim: keepDim, mean: mean)
        case .int64, .int32, .uint8, .bool:
            let v = int64s
            var r = filledArray(Int64(0), count: out.count)
            let map = ReducedIndex(shape.dims, reduced: reduced)
            for (i, x) in v.enumerated() { r[map.output(of: i)] &+= x }
            return Tensor(shape: out, storage: .int64(r))
        }
    }

    private func reduce<T: FloatElement>(_: T.Type, reduced: [Bool], out: Shape, keepDim: Bool, mean: Bool) -> Tensor {
        var r: [T] = cascadeSums(reduced: reduced, keepDim: keepDim, count: out.count)
        // ATen's mean is the sum divided by the number of elements each output gathered.
        var gathered = 1
        for (d, size) in shape.dims.enumerated() where reduced[d] { gathered *= size }
        let n = T(gathered)
        if mean { for i in r.indices { r[i] /= n } }
        let source = shape
        let map = ReducedIndex(shape.dims, reduced: reduced)
        return Tensor(shape: out, values: r).recording(mean ? "MeanBackward1" : "SumBackward1", [self], savesTensors: false) { g in
            let gv = T.values(of: g)
            var grad = filledArray(T(0), count: source.count)
            for i in grad.indices { grad[i] = mean ? gv[map.output(of: i)] / n : gv[map.output(of: i)] }
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

/// Where each element of a row-major tensor lands in a row-major reduction of it.
struct ReducedIndex {
    private let dims: [Int]
    private let inStrides: [Int]
    private let outStrides: [Int]

    init(_ dims: [Int], reduced: [Bool]) {
        self.dims = dims
        inStrides = Shape(dims).strides
        var outStrides = [Int](repeating: 0, count: dims.count)
        var step = 1
        for d in stride(from: dims.count - 1, through: 0, by: -1) where !reduced[d] {
            outStrides[d] = step
            step *= dims[d]
        }
        self.outStrides = outStrides
    }

    /// The output position of input element `i`.
    func output(of i: Int) -> Int {
        var position = 0
        for d in dims.indices where outStrides[d] != 0 { position += (i / inStrides[d]) % dims[d] * outStrides[d] }
        return position
    }
}
