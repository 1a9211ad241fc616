import Glibc

/// An elementwise arithmetic operation with two operands.
public enum ArithmeticOp: Sendable {
    /// `a + b`
    case add
    /// `a - b`
    case sub
    /// `a * b`
    case mul
    /// `a / b` (true division: always float)
    case div
}

extension Tensor {
    /// `a + b` with broadcasting.
    public func add(_ other: Tensor) throws(TensorError) -> Tensor { try arithmetic(.add, other) }
    /// `a - b` with broadcasting.
    public func sub(_ other: Tensor) throws(TensorError) -> Tensor { try arithmetic(.sub, other) }
    /// `a * b` with broadcasting.
    public func mul(_ other: Tensor) throws(TensorError) -> Tensor { try arithmetic(.mul, other) }
    /// `a / b` with broadcasting (true division).
    public func div(_ other: Tensor) throws(TensorError) -> Tensor { try arithmetic(.div, other) }

    /// `a op scalar` with Python scalar promotion (an int tensor plus a float is float).
    public func arithmetic(_ op: ArithmeticOp, scalar: ScalarValue) throws(TensorError) -> Tensor {
        try Tensor.checkOperands(op, dtype, scalar.dtype)
        let type = Tensor.computeType(op, Tensor.resultType(self, scalar))
        return try arithmetic(op, Tensor.scalarOperand(scalar, dtype: type), name: nil, resultType: type)
    }

    /// The dtype `op` computes in: true division of integers computes in the default float dtype.
    static func computeType(_ op: ArithmeticOp, _ promoted: DType) -> DType {
        if case .div = op, !promoted.isFloatingPoint { return DefaultDType.current }
        return promoted
    }

    /// PyTorch's refusal of subtraction with a bool operand (a Python bool included).
    static func checkOperands(_ op: ArithmeticOp, _ a: DType, _ b: DType) throws(TensorError) {
        guard case .sub = op, a == .bool || b == .bool else { return }
        if a == .bool && b == .bool {
            throw .other(.notImplementedError, "Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or `logical_xor()` operator instead.")
        }
        throw .other(.notImplementedError, "Subtraction, the `-` operator, with a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.")
    }

    /// `scalar op a` (`1 - a` is `RsubBackward1`, `2 / a` is `MulBackward0`, as in PyTorch).
    public func reversedArithmetic(_ op: ArithmeticOp, scalar: ScalarValue) throws(TensorError) -> Tensor {
        try Tensor.checkOperands(op, scalar.dtype, dtype)
        let type = Tensor.computeType(op, Tensor.resultType(self, scalar))
        let lhs = Tensor.scalarOperand(scalar, dtype: type)
        let name: String? = switch op {
        case .add: "AddBackward0"
        case .sub: "RsubBackward1"
        case .mul: "MulBackward0"
        case .div: "MulBackward0"
        }
        return try lhs.arithmetic(op, self, name: name, resultType: type)
    }

    /// The promoted dtype of this tensor with a Python scalar (PyTorch's wrapped numbers).
    public static func resultType(_ tensor: Tensor, _ scalar: ScalarValue) -> DType {
        DType.resultType(tensor.dtype, tensor.tier, scalar.dtype, .scalar)
    }

    /// The promoted dtype of two tensors (`torch.result_type`).
    public static func resultType(_ a: Tensor, _ b: Tensor) -> DType {
        DType.resultType(a.dtype, a.tier, b.dtype, b.tier)
    }

    /// The promoted dtype of two Python numbers.
    public static func resultType(_ a: ScalarValue, _ b: ScalarValue) -> DType {
        DType.resultType(a.dtype, .scalar, b.dtype, .scalar)
    }

    /// How this tensor takes part in type promotion.
    var tier: OperandTier { rank == 0 ? .zeroDimensional : .dimensioned }

    /// A Python scalar as a zero-dimensional tensor of `dtype`.
    static func scalarOperand(_ scalar: ScalarValue, dtype: DType) -> Tensor {
        // One small array, made directly in the operand's dtype (this runs for every `t * 2`).
        let storage: TensorStorage = switch dtype {
        case .float32: .float32([scalar.floatValue])
        case .float64: .float64([scalar.doubleValue])
        case .int64: .int64([scalar.int64Value])
        case .int32: .int32([Int32(truncatingIfNeeded: scalar.int64Value)])
        case .uint8: .uint8([UInt8(truncatingIfNeeded: scalar.int64Value)])
        case .bool: .bool([scalar.boolValue])
        }
        return Tensor(shape: .scalar, storage: storage)
    }

    /// A Python scalar as an operand of `tensor` (of the dtype they promote to).
    public static func scalarOperand(_ scalar: ScalarValue, like tensor: Tensor) -> Tensor {
        scalarOperand(scalar, dtype: resultType(tensor, scalar))
    }

    /// Applies `op` elementwise with broadcasting and PyTorch's type promotion.
    public func arithmetic(_ op: ArithmeticOp, _ other: Tensor) throws(TensorError) -> Tensor {
        try arithmetic(op, other, name: nil)
    }

    func arithmetic(_ op: ArithmeticOp, _ other: Tensor, name: String?) throws(TensorError) -> Tensor {
        try Tensor.checkOperands(op, dtype, other.dtype)
        return try arithmetic(op, other, name: name, resultType: DType.resultType(dtype, tier, other.dtype, other.tier))
    }

    func arithmetic(_ op: ArithmeticOp, _ other: Tensor, name: String?, resultType promoted: DType) throws(TensorError) -> Tensor {
        try arithmeticRowMajor(op, other, name: name, resultType: promoted).laidOut(like: self, other)
    }

    private func arithmeticRowMajor(_ op: ArithmeticOp, _ other: Tensor, name: String?, resultType promoted: DType) throws(TensorError) -> Tensor {
        let out = try Shape.broadcast(shape, other.shape)
        let resultType = Tensor.computeType(op, promoted)
        try MemoryBudget.reserve(out.dims, elementSize: resultType.elementSize)
        let sa = shape
        let sb = other.shape
        switch resultType {
        case .int64, .int32, .uint8:
            // Integer arithmetic wraps in the result's width; computing in int64 and
            // truncating gives the same bits for add, sub and mul.
            let a = int64s
            let b = other.int64s
            let values: [Int64] = switch op {
            case .add: Kernels.broadcast(a, sa, b, sb, out: out, &+)
            case .sub: Kernels.broadcast(a, sa, b, sb, out: out, &-)
            case .mul: Kernels.broadcast(a, sa, b, sb, out: out, &*)
            case .div: []
            }
            return Tensor(shape: out, storage: TensorStorage.int64(values).converted(to: resultType))
        case .bool:
            let a = bools
            let b = other.bools
            switch op {
            case .add: return Tensor(shape: out, storage: .bool(Kernels.broadcast(a, sa, b, sb, out: out) { $0 || $1 }))
            case .mul: return Tensor(shape: out, storage: .bool(Kernels.broadcast(a, sa, b, sb, out: out) { $0 && $1 }))
            // `checkOperands` refused subtraction; division computes in a float dtype.
            case .sub, .div: return Tensor(shape: out, floats: [])
            }
        case .float32:
            return floatArithmetic(op, other, out: out, name: name, Float.self)
        case .float64:
            return floatArithmetic(op, other, out: out, name: name, Double.self)
        }
    }

    /// Floating-point arithmetic in `T`, recorded for autograd.
    @inline(__always)
    func floatArithmetic<T: FloatElement>(_ op: ArithmeticOp, _ other: Tensor, out: Shape, name: String?, _: T.Type) -> Tensor {
        let sa = shape
        let sb = other.shape
        let a = T.values(of: self)
        let b = T.values(of: other)
        let values: [T]
        switch op {
        case .add: values = Kernels.broadcast(a, sa, b, sb, out: out, +)
        case .sub: values = Kernels.broadcast(a, sa, b, sb, out: out, -)
        case .mul: values = Kernels.broadcast(a, sa, b, sb, out: out, *)
        case .div: values = Kernels.broadcast(a, sa, b, sb, out: out, /)
        }
        let result = Tensor(shape: out, values: values)
        guard Tensor.needsGraph(self, other) else { return result }
        let defaultName = switch op {
        case .add: "AddBackward0"
        case .sub: "SubBackward0"
        case .mul: "MulBackward0"
        case .div: "DivBackward0"
        }
        let needA = requiresGradFlag
        let needB = other.requiresGradFlag
        let saves = switch op {
        case .add, .sub: false
        case .mul, .div: true
        }
        // PyTorch saves what the gradients read: a product each operand for the other's
        // gradient, a quotient the divisor (and the dividend for the divisor's gradient).
        let savedInputs: [Int] = switch op {
        case .add, .sub: []
        case .mul: (needB ? [0] : []) + (needA ? [1] : [])
        case .div: (needB ? [0, 1] : [1])
        }
        return result.recording(name ?? defaultName, [self, other], savesTensors: saves) { g in
            // a + b without broadcasting passes its gradient through to both operands.
            if case .add = op, sa == out, sb == out { return [needA ? g : nil, needB ? g : nil] }
            let gv = T.values(of: g)
            var ga: [T]?
            var gb: [T]?
            switch op {
            case .add:
                if needA { ga = Kernels.sum(gv, from: out, to: sa) }
                if needB { gb = Kernels.sum(gv, from: out, to: sb) }
            case .sub:
                if needA { ga = Kernels.sum(gv, from: out, to: sa) }
                if needB { gb = Kernels.sum(Kernels.map(gv) { -$0 }, from: out, to: sb) }
            case .mul:
                if needA { ga = Kernels.sum(Kernels.broadcast(gv, out, b, sb, out: out, *), from: out, to: sa) }
                if needB { gb = Kernels.sum(Kernels.broadcast(gv, out, a, sa, out: out, *), from: out, to: sb) }
            case .div:
                if needA { ga = Kernels.sum(Kernels.broadcast(gv, out, b, sb, out: out, /), from: out, to: sa) }
                if needB {
                    let q = Kernels.broadcast(a, sa, b, sb, out: out) { x, y in -x / (y * y) }
                    gb = Kernels.sum(Kernels.zip(gv, q, *), from: out, to: sb)
                }
            }
            return [ga.map { Tensor(shape: sa, values: $0) }, gb.map { Tensor(shape: sb, values: $0) }]
        }.saving(inputs: savedInputs)
    }

    /// `-a`.
    public func neg() throws(TensorError) -> Tensor {
        try negRowMajor().laidOut(like: self)
    }

    private func negRowMajor() throws(TensorError) -> Tensor {
        switch storage {
        case .int64(let v): return Tensor(shape: shape, storage: .int64(v.map { 0 &- $0 }))
        case .int32(let v): return Tensor(shape: shape, storage: .int32(v.map { 0 &- $0 }))
        case .uint8(let v): return Tensor(shape: shape, storage: .uint8(v.map { 0 &- $0 }))
        case .bool:
            throw .other(.notImplementedError, "Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.")
        case .float32(let v): return negated(v)
        case .float64(let v): return negated(v)
        }
    }

    private func negated<T: FloatElement>(_ v: [T]) -> Tensor {
        Tensor(shape: shape, values: Kernels.map(v) { -$0 }).recording("NegBackward0", [self], savesTensors: false) { g in
            [Tensor(shape: g.shape, values: Kernels.map(T.values(of: g)) { -$0 })]
        }
    }

    /// `a ** exponent` for a scalar exponent.
    public func pow(_ exponent: ScalarValue) throws(TensorError) -> Tensor {
        try powRowMajor(exponent).laidOut(like: self)
    }

    private func powRowMajor(_ exponent: ScalarValue) throws(TensorError) -> Tensor {
        let type = Tensor.resultType(self, exponent)
        if !type.isFloatingPoint {
            guard exponent.int64Value >= 0 || exponent.dtype == .bool else {
                throw .runtime("Integers to negative integer powers are not allowed.")
            }
            let e = exponent.int64Value
            // Squaring keeps huge exponents cheap; overflow wraps as in PyTorch.
            let powers = TensorStorage.int64(int64s.map { Tensor.integerPower($0, e) })
            return Tensor(shape: shape, storage: powers.converted(to: type == .bool ? .int64 : type))
        }
        switch type {
        case .float64: return floatPow(exponent, Double.self)
        case .float32, .int64, .int32, .uint8, .bool: return floatPow(exponent, Float.self)
        }
    }

    private func floatPow<T: FloatElement>(_ exponent: ScalarValue, _: T.Type) -> Tensor {
        let p: T = switch exponent {
        case .float(let v): T(v)
        case .int(let v): T(v)
        case .bool(let v): v ? 1 : 0
        }
        let x = T.values(of: self)
        let result = Tensor(shape: shape, values: Kernels.map(x) { T.pow($0, p) })
        return result.recording("PowBackward0", [self]) { g in
            let d = Kernels.map(x) { p == 0 ? 0 : p * T.pow($0, p - 1) }
            return [Tensor(shape: g.shape, values: Kernels.zip(T.values(of: g), d, *))]
        }
    }

    /// `a + b`
    public static func + (a: Tensor, b: Tensor) throws(TensorError) -> Tensor { try a.add(b) }
    /// `a - b`
    public static func - (a: Tensor, b: Tensor) throws(TensorError) -> Tensor { try a.sub(b) }
    /// `a * b`
    public static func * (a: Tensor, b: Tensor) throws(TensorError) -> Tensor { try a.mul(b) }
    /// `a / b`
    public static func / (a: Tensor, b: Tensor) throws(TensorError) -> Tensor { try a.div(b) }
    /// `a + s`
    public static func + (a: Tensor, s: Double) throws(TensorError) -> Tensor { try a.arithmetic(.add, scalar: .float(s)) }
    /// `a - s`
    public static func - (a: Tensor, s: Double) throws(TensorError) -> Tensor { try a.arithmetic(.sub, scalar: .float(s)) }
    /// `a * s`
    public static func * (a: Tensor, s: Double) throws(TensorError) -> Tensor { try a.arithmetic(.mul, scalar: .float(s)) }
    /// `a / s`
    public static func / (a: Tensor, s: Double) throws(TensorError) -> Tensor { try a.arithmetic(.div, scalar: .float(s)) }
}
