/// An elementwise comparison producing a bool tensor.
public enum ComparisonOp: Sendable {
    /// `==`
    case eq
    /// `!=`
    case ne
    /// `<`
    case lt
    /// `<=`
    case le
    /// `>`
    case gt
    /// `>=`
    case ge
}

extension Tensor {
    /// Compares elementwise with broadcasting; the result has dtype bool and no grad.
    public func compare(_ op: ComparisonOp, _ other: Tensor) throws(TensorError) -> Tensor {
        try compareRowMajor(op, other).laidOut(like: self, other)
    }

    private func compareRowMajor(_ op: ComparisonOp, _ other: Tensor) throws(TensorError) -> Tensor {
        try compare(op, other, in: DType.resultType(dtype, tier, other.dtype, other.tier))
    }

    /// Compares every element with a scalar.
    public func compare(_ op: ComparisonOp, scalar: ScalarValue) throws(TensorError) -> Tensor {
        try compareRowMajor(op, scalar: scalar).laidOut(like: self)
    }

    private func compareRowMajor(_ op: ComparisonOp, scalar: ScalarValue) throws(TensorError) -> Tensor {
        let type = Tensor.resultType(self, scalar)
        return try compare(op, Tensor.scalarOperand(scalar, dtype: type), in: type)
    }

    /// Compares after converting both operands to `type`, as PyTorch's comparison kernels do.
    func compare(_ op: ComparisonOp, _ other: Tensor, in type: DType) throws(TensorError) -> Tensor {
        let out = try Shape.broadcast(shape, other.shape)
        let values: [Bool] = switch type {
        case .float32: Kernels.broadcast(floats, shape, other.floats, other.shape, out: out, Tensor.predicate(op))
        case .float64: Kernels.broadcast(doubles, shape, other.doubles, other.shape, out: out, Tensor.predicate(op))
        case .int64, .int32, .uint8, .bool:
            Kernels.broadcast(storage.converted(to: type).int64s, shape, other.storage.converted(to: type).int64s, other.shape, out: out, Tensor.predicate(op))
        }
        return Tensor(shape: out, storage: .bool(values))
    }

    static func predicate<T: Comparable>(_ op: ComparisonOp) -> (T, T) -> Bool {
        switch op {
        case .eq: return { $0 == $1 }
        case .ne: return { $0 != $1 }
        case .lt: return { $0 < $1 }
        case .le: return { $0 <= $1 }
        case .gt: return { $0 > $1 }
        case .ge: return { $0 >= $1 }
        }
    }

    /// Elementwise logical not of a bool tensor (`~mask`, `logical_not()`).
    public func logicalNot() -> Tensor {
        logicalNotRowMajor().laidOut(like: self)
    }

    private func logicalNotRowMajor() -> Tensor {
        Tensor(shape: shape, storage: .bool(bools.map { !$0 }))
    }

    /// Whether every element of two tensors agrees within `rtol`/`atol` (`allclose`), with
    /// broadcasting: equal values (infinities included) always agree, NaNs only with
    /// `equalNaN`, others when |a - b| <= atol + rtol * |b|.
    public func allClose(_ other: Tensor, rtol: Double = 1e-5, atol: Double = 1e-8, equalNaN: Bool = false) throws(TensorError) -> Bool {
        let out = try Shape.broadcast(shape, other.shape)
        let close = Kernels.broadcast(doubles, shape, other.doubles, other.shape, out: out) { a, b in
            if a == b || (equalNaN && a.isNaN && b.isNaN) { return true }
            return Swift.abs(a - b) <= atol + rtol * Swift.abs(b)
        }
        return !close.contains(false)
    }

    /// Whether two tensors have the same shape and equal elements (`torch.equal`; no
    /// broadcasting, values compared after type promotion).
    public func equals(_ other: Tensor) -> Bool {
        guard shape == other.shape, let same = try? compare(.eq, other) else { return false }
        return !same.bools.contains(false)
    }
}
