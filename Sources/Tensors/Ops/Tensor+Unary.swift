import Glibc

extension Tensor {
    /// Hyperbolic tangent (float32: correctly rounded, see `VectorMath`).
    public func tanh() -> Tensor {
        tanhRowMajor().laidOut(like: self)
    }

    private func tanhRowMajor() -> Tensor {
        if dtype == .float64 {
            let out = Kernels.map(doubles) { Double.tanh($0) }
            return Tensor(shape: shape, values: out).recording("TanhBackward0", [self]) { g in
                [Tensor(shape: g.shape, values: Kernels.zip(g.doubles, out) { $0 * (1 - $1 * $1) })]
            }.saving(output: true)
        }
        let out = VectorMath.map(VectorMath.tanh, floats)
        return Tensor(shape: shape, floats: out).recording("TanhBackward0", [self]) { g in
            [Tensor(shape: g.shape, floats: VectorMath.zip(VectorMath.tanhBackward, g.floats, out))]
        }.saving(output: true)
    }

    /// max(x, 0); integer tensors stay integer.
    public func relu() throws(TensorError) -> Tensor {
        try reluRowMajor().laidOut(like: self)
    }

    private func reluRowMajor() throws(TensorError) -> Tensor {
        switch storage {
        case .int64(let v): return Tensor(shape: shape, storage: .int64(v.map { Swift.max($0, 0) }))
        case .int32(let v): return Tensor(shape: shape, storage: .int32(v.map { Swift.max($0, 0) }))
        case .uint8: return Tensor(shape: shape, storage: storage)
        case .bool: throw .other(.notImplementedError, "Boolean inputs not supported for relu")
        case .float64(let v): return relu(v)
        case .float32(let v): return relu(v)
        }
    }

    private func relu<T: FloatElement>(_ x: [T]) -> Tensor {
        let out = Kernels.map(x) { $0 > 0 ? $0 : 0 }
        return Tensor(shape: shape, values: out).recording("ReluBackward0", [self]) { g in
            [Tensor(shape: g.shape, values: Kernels.zip(T.values(of: g), out) { $1 > 0 ? $0 : 0 })]
        }.saving(output: true)
    }

    /// 1 / (1 + e^-x).
    public func sigmoid() -> Tensor {
        sigmoidRowMajor().laidOut(like: self)
    }

    private func sigmoidRowMajor() -> Tensor {
        switch dtype {
        case .float64: return sigmoid(Double.self)
        case .float32, .int64, .int32, .uint8, .bool:
            let out = VectorMath.map(VectorMath.sigmoid, floats)
            return Tensor(shape: shape, floats: out).recording("SigmoidBackward0", [self]) { g in
                [Tensor(shape: g.shape, floats: VectorMath.zip(VectorMath.sigmoidBackward, g.floats, out))]
            }.saving(output: true)
        }
    }

    private func sigmoid<T: FloatElement>(_: T.Type) -> Tensor {
        // ATen's formulas: 1 / (1 + e^-x), and a * (1 - y) * y for the gradient.
        let out = Kernels.map(T.values(of: self)) { x in 1 / (1 + T.exp(-x)) }
        return Tensor(shape: shape, values: out).recording("SigmoidBackward0", [self]) { g in
            [Tensor(shape: g.shape, values: Kernels.zip(T.values(of: g), out) { $0 * (1 - $1) * $1 })]
        }.saving(output: true)
    }

    /// e^x.
    public func exp() -> Tensor {
        expRowMajor().laidOut(like: self)
    }

    private func expRowMajor() -> Tensor {
        switch dtype {
        case .float64: return exp(Double.self)
        case .float32, .int64, .int32, .uint8, .bool: return exp(Float.self)
        }
    }

    private func exp<T: FloatElement>(_: T.Type) -> Tensor {
        let out = Kernels.map(T.values(of: self)) { T.exp($0) }
        return Tensor(shape: shape, values: out).recording("ExpBackward0", [self]) { g in
            [Tensor(shape: g.shape, values: Kernels.zip(T.values(of: g), out, *))]
        }.saving(output: true)
    }

    /// Natural logarithm.
    public func log() -> Tensor {
        logRowMajor().laidOut(like: self)
    }

    private func logRowMajor() -> Tensor {
        switch dtype {
        case .float64: return log(Double.self)
        case .float32, .int64, .int32, .uint8, .bool: return log(Float.self)
        }
    }

    private func log<T: FloatElement>(_: T.Type) -> Tensor {
        let x = T.values(of: self)
        return Tensor(shape: shape, values: Kernels.map(x) { T.log($0) }).recording("LogBackward0", [self]) { g in
            [Tensor(shape: g.shape, values: Kernels.zip(T.values(of: g), x, /))]
        }.saving(inputs: [0])
    }

    /// Square root.
    public func sqrt() -> Tensor {
        sqrtRowMajor().laidOut(like: self)
    }

    private func sqrtRowMajor() -> Tensor {
        switch dtype {
        case .float64: return sqrt(Double.self)
        case .float32, .int64, .int32, .uint8, .bool: return sqrt(Float.self)
        }
    }

    private func sqrt<T: FloatElement>(_: T.Type) -> Tensor {
        let out = Kernels.map(T.values(of: self)) { $0.squareRoot() }
        return Tensor(shape: shape, values: out).recording("SqrtBackward0", [self]) { g in
            [Tensor(shape: g.shape, values: Kernels.zip(T.values(of: g), out) { $0 / (2 * $1) })]
        }.saving(output: true)
    }

    /// |x|; integer tensors stay integer.
    public func abs() throws(TensorError) -> Tensor {
        try absRowMajor().laidOut(like: self)
    }

    private func absRowMajor() throws(TensorError) -> Tensor {
        // Two's complement, as PyTorch: the most negative integer is its own absolute value.
        switch storage {
        case .int64(let v): return Tensor(shape: shape, storage: .int64(v.map { $0 < 0 ? 0 &- $0 : $0 }))
        case .int32(let v): return Tensor(shape: shape, storage: .int32(v.map { $0 < 0 ? 0 &- $0 : $0 }))
        case .uint8: return Tensor(shape: shape, storage: storage)
        case .bool: throw .other(.notImplementedError, "\"abs_cpu\" not implemented for 'Bool'")
        case .float64(let v): return abs(v)
        case .float32(let v): return abs(v)
        }
    }

    private func abs<T: FloatElement>(_ x: [T]) -> Tensor {
        Tensor(shape: shape, values: Kernels.map(x) { Swift.abs($0) }).recording("AbsBackward0", [self]) { g in
            [Tensor(shape: g.shape, values: Kernels.zip(T.values(of: g), x) { x1, x2 in x2 > 0 ? x1 : (x2 < 0 ? -x1 : 0) })]
        }.saving(inputs: [0])
    }

    /// A copy that stays in the graph (`clone()`).
    public func clone() -> Tensor {
        cloneRowMajor().preservingLayout(of: self)
    }

    private func cloneRowMajor() -> Tensor {
        Tensor(shape: shape, storage: storage).recording("CloneBackward0", [self], savesTensors: false) { g in [g] }
    }

    /// The elements converted to `dtype` (`float()`, `double()`, `long()`, `to(dtype)`): the
    /// tensor itself when it has that dtype, as PyTorch returns it. Between floating dtypes the
    /// conversion is recorded (`ToCopyBackward0`), so gradients flow back in the source dtype.
    public func to(_ target: DType) -> Tensor {
        toRowMajor(target).preservingLayout(of: self)
    }

    private func toRowMajor(_ target: DType) -> Tensor {
        if target == dtype { return self }
        let result = Tensor(shape: shape, storage: storage.converted(to: target))
        guard target.isFloatingPoint, dtype.isFloatingPoint else { return result }
        let source = dtype
        return result.recording("ToCopyBackward0", [self], savesTensors: false) { g in
            [Tensor(shape: g.shape, storage: g.storage.converted(to: source))]
        }
    }
}
