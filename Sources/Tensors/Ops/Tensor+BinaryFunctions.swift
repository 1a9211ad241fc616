import Glibc

/// Element-wise functions of two tensors beyond the four arithmetic operators, with
/// broadcasting and PyTorch's type promotion.
public enum BinaryFunction: String, CaseIterable, Sendable {
    /// Python's `%`: the remainder takes the divisor's sign.
    case remainder
    /// C's `fmod`: the remainder takes the dividend's sign.
    case fmod
    /// `//`: the quotient rounded down.
    case floorDivide = "floor_divide"
    case maximum
    case minimum

    /// PyTorch's node: its overload with a Python number comes first (`Backward0`).
    func nodeName(numberOperand: Bool) -> String {
        switch self {
        case .remainder: numberOperand ? "RemainderBackward0" : "RemainderBackward1"
        case .fmod: numberOperand ? "FmodBackward0" : "FmodBackward1"
        case .floorDivide: "NotImplemented"
        case .maximum: "MaximumBackward0"
        case .minimum: "MinimumBackward0"
        }
    }

    func value(_ a: Float, _ b: Float) -> Float {
        switch self {
        case .remainder:
            let r = fmodf(a, b)
            return r != 0 && (r < 0) != (b < 0) ? r + b : r
        case .fmod: return fmodf(a, b)
        case .floorDivide: return (a / b).rounded(.down)
        case .maximum: return a.isNaN || b.isNaN ? .nan : Swift.max(a, b)
        case .minimum: return a.isNaN || b.isNaN ? .nan : Swift.min(a, b)
        }
    }

    func value(_ a: Int64, _ b: Int64) throws(TensorError) -> Int64 {
        switch self {
        case .remainder, .fmod, .floorDivide:
            guard b != 0 else { throw .runtime("ZeroDivisionError") }
            if b == -1 { return self == .floorDivide ? 0 &- a : 0 }
            let (q, r) = a.quotientAndRemainder(dividingBy: b)
            let adjust = r != 0 && (r < 0) != (b < 0)
            switch self {
            case .remainder: return adjust ? r + b : r
            case .fmod: return r
            default: return adjust ? q - 1 : q
            }
        case .maximum: return Swift.max(a, b)
        case .minimum: return Swift.min(a, b)
        }
    }
}

extension Tensor {
    /// `function(self, other)` element by element, broadcasting; `numberOperand` when
    /// `other` came from a Python number (PyTorch records another overload).
    public func binary(_ function: BinaryFunction, _ other: Tensor, numberOperand: Bool = false) throws(TensorError) -> Tensor {
        try binaryRowMajor(function, other, numberOperand: numberOperand).laidOut(like: self, other)
    }

    private func binaryRowMajor(_ function: BinaryFunction, _ other: Tensor, numberOperand: Bool = false) throws(TensorError) -> Tensor {
        // `//` and `%` without a gradient follow every dtype's promotion (`floorDivision`).
        if !Tensor.needsGraph(self, other) {
            switch function {
            case .floorDivide: return try floorDivision(.floorDivide, other)
            case .remainder: return try floorDivision(.remainder, other)
            case .fmod, .maximum, .minimum: break
            }
        }
        // The rest computes in float32 or int64 only: other dtypes are refused, not converted.
        let wider: Set<DType> = [.float64, .int32, .uint8]
        if wider.contains(dtype) || wider.contains(other.dtype) {
            throw .other(.notImplementedError, "torch.\(function.rawValue) on \(dtype) and \(other.dtype) tensors is not supported in Recur (float32, int64 and bool only)")
        }
        let out = try Shape.broadcast(shape, other.shape)
        try MemoryBudget.reserve(out.dims, elementSize: 8)
        let sa = shape, sb = other.shape
        if dtype != .float32 && other.dtype != .float32 {
            if (function == .maximum || function == .minimum) && dtype == .bool && other.dtype == .bool {
                let values = Kernels.broadcast(bools, sa, other.bools, sb, out: out) { function == .maximum ? ($0 || $1) : ($0 && $1) }
                return Tensor(shape: out, storage: .bool(values))
            }
            let a = int64s, b = other.int64s
            var failed = false
            let values = Kernels.broadcast(a, sa, b, sb, out: out) { x, y -> Int64 in
                do { return try function.value(x, y) } catch { failed = true; return 0 }
            }
            if failed { throw .runtime("ZeroDivisionError") }
            return Tensor(shape: out, storage: .int64(values))
        }
        let a = floats, b = other.floats
        let result = Tensor(shape: out, floats: Kernels.broadcast(a, sa, b, sb, out: out, function.value))
        guard Tensor.needsGraph(self, other) else { return result }
        let name = function.nodeName(numberOperand: numberOperand)
        if function == .floorDivide {
            let recorded = result.recording(name, [self, other], savesTensors: false) { _ in [nil, nil] }
            recorded.gradFn?.missingDerivative = function.rawValue
            return recorded
        }
        let needA = requiresGradFlag, needB = other.requiresGradFlag
        return result.recording(name, [self, other]) { g in
            let gv = g.floats
            // Each operand's share of the gradient, before summing over broadcast dimensions.
            let shareA: (Float, Float, Float) -> Float
            let shareB: (Float, Float, Float) -> Float
            switch function {
            case .remainder:
                shareA = { g, _, _ in g }
                shareB = { g, x, y in -g * (x / y).rounded(.down) }
            case .fmod:
                shareA = { g, _, _ in g }
                shareB = { g, x, y in -g * (x / y).rounded(.towardZero) }
            case .maximum, .minimum:
                let larger = function == .maximum
                shareA = { g, x, y in x == y ? g / 2 : ((x > y) == larger ? g : 0) }
                shareB = { g, x, y in x == y ? g / 2 : ((y > x) == larger ? g : 0) }
            case .floorDivide:
                shareA = { _, _, _ in 0 }
                shareB = { _, _, _ in 0 }
            }
            let ea = Kernels.broadcast(a, sa, b, sb, out: out) { x, _ in x }
            let eb = Kernels.broadcast(a, sa, b, sb, out: out) { _, y in y }
            let ga = needA ? Kernels.sum((0..<gv.count).map { shareA(gv[$0], ea[$0], eb[$0]) }, from: out, to: sa) : nil
            let gb = needB ? Kernels.sum((0..<gv.count).map { shareB(gv[$0], ea[$0], eb[$0]) }, from: out, to: sb) : nil
            return [ga.map { Tensor(shape: sa, floats: $0) }, gb.map { Tensor(shape: sb, floats: $0) }]
        }.saving(inputs: [0, 1])
    }
}

extension Tensor {
    /// `self + alpha * other` (`add(other, alpha=)`), or `self - alpha * other` when
    /// `subtract`: one fused multiply-add per element, as PyTorch's CPU kernel computes it.
    public func addingScaled(_ other: Tensor, alpha: ScalarValue, subtract: Bool) throws(TensorError) -> Tensor {
        try addingScaledRowMajor(other, alpha: alpha, subtract: subtract).laidOut(like: self, other)
    }

    private func addingScaledRowMajor(_ other: Tensor, alpha: ScalarValue, subtract: Bool) throws(TensorError) -> Tensor {
        if Tensor.resultType(self, other) == .float64 { return try addingScaledFloats(other, alpha: alpha, subtract: subtract, Double.self) }
        for operand in [self, other] where operand.dtype == .int32 || operand.dtype == .uint8 {
            throw .other(.notImplementedError, "add and sub with alpha= on \(operand.dtype) tensors are not supported in Recur yet (float32, float64, int64 and bool)")
        }
        let out = try Shape.broadcast(shape, other.shape)
        try MemoryBudget.reserve(out.dims, elementSize: 8)
        let sa = shape, sb = other.shape
        if dtype != .float32 && other.dtype != .float32 {
            guard case .float = alpha else {
                let k = subtract ? 0 &- alpha.int64Value : alpha.int64Value
                let values = Kernels.broadcast(int64s, sa, other.int64s, sb, out: out) { $0 &+ k &* $1 }
                return Tensor(shape: out, storage: .int64(values))
            }
            throw .runtime("For integral input tensors, argument alpha must not be a floating point number.")
        }
        return try addingScaledFloats(other, alpha: alpha, subtract: subtract, Float.self)
    }
}

extension Tensor {
    /// `addingScaled` with a float result of `T`: one fused multiply-add per element, as
    /// ATen's vectorised kernels (`fmadd`); each gradient takes its operand's dtype.
    private func addingScaledFloats<T: FloatElement>(_ other: Tensor, alpha: ScalarValue, subtract: Bool, _: T.Type) throws(TensorError) -> Tensor {
        let out = try Shape.broadcast(shape, other.shape)
        try MemoryBudget.reserve(out.dims, elementSize: 8)
        let sa = shape, sb = other.shape
        let k = T(subtract ? -alpha.doubleValue : alpha.doubleValue)
        let result = Tensor(shape: out, values: Kernels.broadcast(T.values(of: self), sa, T.values(of: other), sb, out: out) { $0.addingProduct(k, $1) })
        guard Tensor.needsGraph(self, other) else { return result }
        let needA = requiresGradFlag, needB = other.requiresGradFlag
        return result.recording(subtract ? "SubBackward0" : "AddBackward0", [self, other], savesTensors: false) { g in
            let gv = T.values(of: g)
            return [needA ? Tensor(shape: sa, values: Kernels.sum(gv, from: out, to: sa)) : nil,
                    needB ? Tensor(shape: sb, values: Kernels.sum(gv.map { $0 * k }, from: out, to: sb)) : nil]
        }
    }
}
