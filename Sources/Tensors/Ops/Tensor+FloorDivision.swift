/// Python's `//` and `%` on tensors (`floor_divide`, `remainder`).
public enum FloorDivisionOp: Sendable {
    /// `a // b`: the quotient rounded toward negative infinity.
    case floorDivide
    /// `a % b`: the remainder with the divisor's sign.
    case remainder
}

extension Tensor {
    /// `a // b` or `a % b` with broadcasting and PyTorch's type promotion (no float
    /// conversion: integers stay integers).
    public func floorDivision(_ op: FloorDivisionOp, _ other: Tensor) throws(TensorError) -> Tensor {
        try floorDivisionRowMajor(op, other).laidOut(like: self, other)
    }

    private func floorDivisionRowMajor(_ op: FloorDivisionOp, _ other: Tensor) throws(TensorError) -> Tensor {
        try floorDivision(op, other, resultType: Tensor.resultType(self, other))
    }

    /// `a // s` or `a % s` for a Python number.
    public func floorDivision(_ op: FloorDivisionOp, scalar: ScalarValue) throws(TensorError) -> Tensor {
        try floorDivisionRowMajor(op, scalar: scalar).laidOut(like: self)
    }

    private func floorDivisionRowMajor(_ op: FloorDivisionOp, scalar: ScalarValue) throws(TensorError) -> Tensor {
        let type = Tensor.resultType(self, scalar)
        return try floorDivision(op, Tensor.scalarOperand(scalar, dtype: type), resultType: type)
    }

    /// `s // a` or `s % a` for a Python number.
    public func reversedFloorDivision(_ op: FloorDivisionOp, scalar: ScalarValue) throws(TensorError) -> Tensor {
        let type = Tensor.resultType(self, scalar)
        return try Tensor.scalarOperand(scalar, dtype: type).floorDivision(op, self, resultType: type)
    }

    func floorDivision(_ op: FloorDivisionOp, _ other: Tensor, resultType: DType) throws(TensorError) -> Tensor {
        let out = try Shape.broadcast(shape, other.shape)
        try MemoryBudget.reserve(out.dims, elementSize: resultType.elementSize)
        if case .remainder = op, Tensor.needsGraph(self, other) {
            throw .other(.notImplementedError, "the gradient of remainder (%) is not supported in Recur")
        }
        let (sa, sb) = (shape, other.shape)
        switch resultType {
        case .float32:
            return Tensor(shape: out, values: Kernels.broadcast(floats, sa, other.floats, sb, out: out, Tensor.floatRule(op)))
        case .float64:
            return Tensor(shape: out, values: Kernels.broadcast(doubles, sa, other.doubles, sb, out: out, Tensor.floatRule(op)))
        case .int64, .int32, .uint8:
            let a = storage.converted(to: resultType).int64s
            let b = other.storage.converted(to: resultType).int64s
            if b.contains(0) { throw .runtime("ZeroDivisionError") }
            let values = Kernels.broadcast(a, sa, b, sb, out: out, Tensor.integerRule(op))
            return Tensor(shape: out, storage: TensorStorage.int64(values).converted(to: resultType))
        case .bool:
            let kernel = switch op {
            case .floorDivide: "div_floor_cpu"
            case .remainder: "remainder_cpu"
            }
            throw .other(.notImplementedError, "\"\(kernel)\" not implemented for 'Bool'")
        }
    }

    /// ATen's `div_floor_floating` and floating `remainder`.
    static func floatRule<T: FloatElement>(_ op: FloorDivisionOp) -> (T, T) -> T {
        switch op {
        case .floorDivide:
            return { a, b in
                if b == 0 { return a / b }
                let mod = a.truncatingRemainder(dividingBy: b)
                var div = (a - mod) / b
                if mod != 0 && (b < 0) != (mod < 0) { div -= 1 }
                guard div != 0 else { return T(signOf: a / b, magnitudeOf: 0) }
                var floored = div.rounded(.down)
                if div - floored > 0.5 { floored += 1 }
                return floored
            }
        case .remainder:
            return { a, b in
                var mod = a.truncatingRemainder(dividingBy: b)
                if mod != 0 && (b < 0) != (mod < 0) { mod += b }
                return mod
            }
        }
    }

    /// Python's integer `//` and `%` (divisors are checked nonzero first); `min // -1` wraps.
    static func integerRule(_ op: FloorDivisionOp) -> (Int64, Int64) -> Int64 {
        switch op {
        case .floorDivide:
            return { a, b in
                if b == -1 { return 0 &- a }
                let q = a / b
                return a % b != 0 && (a < 0) != (b < 0) ? q - 1 : q
            }
        case .remainder:
            return { a, b in
                if b == -1 { return 0 }
                let r = a % b
                return r != 0 && (r < 0) != (b < 0) ? r + b : r
            }
        }
    }
}
