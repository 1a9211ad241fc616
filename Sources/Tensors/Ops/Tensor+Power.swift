import CSleef
import Glibc

extension Tensor {
    /// `a ** b` elementwise with broadcasting, `b` a tensor (`torch.pow(t, t)`); a number base
    /// comes as a 0-d tensor from `pow(base:_:)`.
    public func pow(_ exponent: Tensor) throws(TensorError) -> Tensor {
        try powRowMajor(exponent).laidOut(like: self, exponent)
    }

    private func powRowMajor(_ exponent: Tensor) throws(TensorError) -> Tensor {
        try pow(exponent, name: "PowBackward1", numberBase: nil)
    }

    /// `base ** t` for a Python number base (`2 ** t`, `torch.pow(2, t)`).
    public static func pow(base: ScalarValue, _ exponent: Tensor) throws(TensorError) -> Tensor {
        try Tensor.powRowMajor(base: base, exponent).laidOut(like: exponent)
    }

    private static func powRowMajor(base: ScalarValue, _ exponent: Tensor) throws(TensorError) -> Tensor {
        try scalarOperand(base, like: exponent).pow(exponent, name: "PowBackward2", numberBase: base.doubleValue)
    }

    /// `numberBase` is the Python number a base came from: its gradient is not taken, and
    /// the exponent's uses its logarithm in double precision, as PyTorch's Scalar log.
    private func pow(_ exponent: Tensor, name: String, numberBase: Double?) throws(TensorError) -> Tensor {
        let type = DType.resultType(dtype, tier, exponent.dtype, exponent.tier)
        let out = try Shape.broadcast(shape, exponent.shape)
        try MemoryBudget.reserve(out.dims, elementSize: type.elementSize)
        switch type {
        case .bool:
            throw .other(.notImplementedError, "\"pow\" not implemented for 'Bool'")
        case .int64, .int32, .uint8:
            // In int64 with wrapping, then narrowed: the low bits of a product depend only on
            // the low bits of its factors, so this is the narrow type's arithmetic.
            let values = Kernels.broadcast(int64s, shape, exponent.int64s, exponent.shape, out: out, Tensor.integerPower)
            return Tensor(shape: out, storage: TensorStorage.int64(values).converted(to: type))
        case .float32:
            return floatPower(exponent, out: out, name: name, numberBase: numberBase, Float.self)
        case .float64:
            return floatPower(exponent, out: out, name: name, numberBase: numberBase, Double.self)
        }
    }

    /// float32 pow as ATen computes it: the operands laid out in the output's shape, and each
    /// run of elements TensorIterator's inner loop covers (its dimensions coalesced from the
    /// innermost while every operand's strides allow) through `recur_pow_f32`.
    static func sleefPower(_ a: [Float], _ sa: Shape, _ b: [Float], _ sb: Shape, out: Shape) -> [Float] {
        let n = out.count
        guard n > 0 else { return [] }
        let x = sa == out ? a : Kernels.broadcast(a, sa, a, sa, out: out) { value, _ in value }
        let y = sb == out ? b : Kernels.broadcast(b, sb, b, sb, out: out) { value, _ in value }
        let inner = innerLoopLength(out, [sa, sb])
        var result = [Float](repeating: 0, count: n)
        x.withUnsafeBufferPointer { px in
            y.withUnsafeBufferPointer { py in
                result.withUnsafeMutableBufferPointer { pr in
                    guard let bx = px.baseAddress, let by = py.baseAddress, let br = pr.baseAddress else { return }
                    var start = 0
                    while start < n {
                        recur_pow_f32(bx + start, by + start, br + start, inner)
                        start += inner
                    }
                }
            }
        }
        return result
    }

    /// How many consecutive output elements one call of TensorIterator's inner loop covers:
    /// the innermost dimensions whose strides chain for every operand (a broadcast dimension
    /// has stride 0, so it chains only with other broadcast ones).
    static func innerLoopLength(_ out: Shape, _ operands: [Shape]) -> Int {
        let rank = out.rank
        guard rank > 0 else { return 1 }
        let strides = operands.map { operand -> [Int] in
            let offset = rank - operand.rank
            var result = [Int](repeating: 0, count: rank)
            var running = 1
            for d in stride(from: operand.rank - 1, through: 0, by: -1) {
                result[d + offset] = operand.dims[d] == 1 ? 0 : running
                running *= operand.dims[d]
            }
            return result
        }
        var length = out.dims[rank - 1]
        var d = rank - 1
        while d > 0 {
            let size = out.dims[d]
            guard strides.allSatisfy({ $0[d - 1] == $0[d] * size }) || out.dims[d - 1] == 1 else { break }
            length *= out.dims[d - 1]
            d -= 1
        }
        return Swift.max(length, 1)
    }

    /// ATen's integer power: by squaring, wrapping; a negative exponent gives 0 except for
    /// the bases 1 and -1.
    static func integerPower(_ base: Int64, _ exponent: Int64) -> Int64 {
        if exponent < 0 {
            if base == 1 { return 1 }
            if base == -1 { return exponent % 2 == 0 ? 1 : -1 }
            return 0
        }
        var result: Int64 = 1
        var square = base
        var remaining = exponent
        while remaining > 0 {
            if remaining & 1 == 1 { result = result &* square }
            square = square &* square
            remaining >>= 1
        }
        return result
    }

    /// PyTorch's gradients: `exponent * a^(exponent - 1)` (zero where the exponent is zero)
    /// for the base, `result * log(a)` (zero where a is zero and the exponent not negative)
    /// for the exponent, each times the incoming gradient and summed over broadcast dimensions.
    private func floatPower<T: FloatElement>(_ exponent: Tensor, out: Shape, name: String, numberBase: Double?, _: T.Type) -> Tensor {
        let sa = shape, sb = exponent.shape
        let a = T.values(of: self), b = T.values(of: exponent)
        let values: [T]
        if T.self == Float.self, let fa = a as? [Float], let fb = b as? [Float],
           let powered = Tensor.sleefPower(fa, sa, fb, sb, out: out) as? [T] {
            values = powered
        } else {
            values = Kernels.broadcast(a, sa, b, sb, out: out) { T.pow($0, $1) }
        }
        let result = Tensor(shape: out, values: values)
        guard Tensor.needsGraph(self, exponent) else { return result }
        let needBase = requiresGradFlag && numberBase == nil
        let needExponent = exponent.requiresGradFlag
        return result.recording(name, numberBase == nil ? [self, exponent] : [exponent]) { g in
            let gv = T.values(of: g)
            var gradients: [Tensor?] = []
            if numberBase == nil {
                gradients.append(needBase ? Tensor(shape: sa, values: Kernels.sum(Kernels.zip(gv, Kernels.broadcast(a, sa, b, sb, out: out) { x, p in
                    p == 0 ? 0 : p * T.pow(x, p - 1)
                }, *), from: out, to: sa)) : nil)
            }
            if needExponent {
                let numberLog = numberBase.map { T(Glibc.log($0)) }
                let slope = Kernels.broadcast(a, sa, values, out, out: out) { x, r in
                    x == 0 ? (0, r) : (numberLog ?? T.log(x), r)
                }
                let masked = Kernels.broadcast(a, sa, b, sb, out: out) { x, p in x == 0 && p >= 0 }
                var d = [T](repeating: 0, count: gv.count)
                for i in d.indices where !masked[i] { d[i] = gv[i] * (slope[i].1 * slope[i].0) }
                gradients.append(Tensor(shape: sb, values: Kernels.sum(d, from: out, to: sb)))
            } else {
                gradients.append(nil)
            }
            return gradients
        }
    }
}
