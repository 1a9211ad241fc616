import Glibc

extension Tensor {
    /// Hyperbolic tangent (vectorised).
    public func tanh() -> Tensor {
        var y = floats
        y.withUnsafeMutableBufferPointer { p in
            if let base = p.baseAddress { VectorMath.tanh(base, count: p.count) }
        }
        let out = y
        return Tensor(shape: shape, floats: out).recording("TanhBackward0", [self]) { g in
            [Tensor(shape: g.shape, floats: Kernels.zip(g.floats, out) { $0 * (1 - $1 * $1) })]
        }.saving(output: true)
    }

    /// max(x, 0); integer tensors stay integer.
    public func relu() -> Tensor {
        if case .int64(let v) = storage { return Tensor(shape: shape, storage: .int64(v.map { Swift.max($0, 0) })) }
        let out = Kernels.map(floats) { $0 > 0 ? $0 : 0 }
        return Tensor(shape: shape, floats: out).recording("ReluBackward0", [self]) { g in
            [Tensor(shape: g.shape, floats: Kernels.zip(g.floats, out) { $1 > 0 ? $0 : 0 })]
        }.saving(output: true)
    }

    /// 1 / (1 + e^-x).
    public func sigmoid() -> Tensor {
        let out = Kernels.map(floats) { x in x >= 0 ? 1 / (1 + expf(-x)) : expf(x) / (1 + expf(x)) }
        return Tensor(shape: shape, floats: out).recording("SigmoidBackward0", [self]) { g in
            [Tensor(shape: g.shape, floats: Kernels.zip(g.floats, out) { $0 * $1 * (1 - $1) })]
        }.saving(output: true)
    }

    /// e^x.
    public func exp() -> Tensor {
        let out = Kernels.map(floats) { expf($0) }
        return Tensor(shape: shape, floats: out).recording("ExpBackward0", [self]) { g in
            [Tensor(shape: g.shape, floats: Kernels.zip(g.floats, out, *))]
        }.saving(output: true)
    }

    /// Natural logarithm.
    public func log() -> Tensor {
        let x = floats
        return Tensor(shape: shape, floats: Kernels.map(x) { logf($0) }).recording("LogBackward0", [self]) { g in
            [Tensor(shape: g.shape, floats: Kernels.zip(g.floats, x, /))]
        }.saving(inputs: [0])
    }

    /// Square root.
    public func sqrt() -> Tensor {
        let out = Kernels.map(floats) { sqrtf($0) }
        return Tensor(shape: shape, floats: out).recording("SqrtBackward0", [self]) { g in
            [Tensor(shape: g.shape, floats: Kernels.zip(g.floats, out) { $0 / (2 * $1) })]
        }.saving(output: true)
    }

    /// |x|; integer tensors stay integer.
    public func abs() -> Tensor {
        // Two's complement, as PyTorch: the most negative int64 is its own absolute value.
        if case .int64(let v) = storage { return Tensor(shape: shape, storage: .int64(v.map { $0 < 0 ? 0 &- $0 : $0 })) }
        let x = floats
        return Tensor(shape: shape, floats: Kernels.map(x) { Swift.abs($0) }).recording("AbsBackward0", [self]) { g in
            [Tensor(shape: g.shape, floats: Kernels.zip(g.floats, x) { x1, x2 in x2 > 0 ? x1 : (x2 < 0 ? -x1 : 0) })]
        }.saving(inputs: [0])
    }

    /// A copy that stays in the graph (`clone()`).
    public func clone() -> Tensor {
        Tensor(shape: shape, storage: storage).recording("CloneBackward0", [self], savesTensors: false) { g in [g] }
    }

    /// The elements converted to `dtype` (`float()`, `long()`, `bool()`, `to(dtype)`).
    /// Converting to float32 from float32 returns the tensor itself, as PyTorch does.
    public func to(_ target: DType) -> Tensor {
        if target == dtype { return self }
        return Tensor(shape: shape, storage: storage.converted(to: target))
    }
}
