import Glibc

/// Element-wise functions beyond the activations: trigonometry, rounding, logarithms and
/// their derivatives, named as PyTorch names them.
public enum ElementwiseFunction: String, CaseIterable, Sendable {
    case sin, cos, tan, asin, acos, atan, sinh, cosh
    case floor, ceil, round, trunc, frac, sign
    case square, reciprocal, rsqrt, log1p, expm1, log2, log10

    /// PyTorch's backward node for the function.
    var nodeName: String {
        switch self {
        case .log1p: "Log1PBackward0"
        case .square: "PowBackward0"
        default: rawValue.prefix(1).uppercased() + rawValue.dropFirst() + "Backward0"
        }
    }

    /// Whether an integer input keeps its dtype (rounding is the identity on integers);
    /// the others compute in floating point.
    var keepsIntegers: Bool {
        switch self {
        case .floor, .ceil, .round, .trunc, .sign, .square: true
        case .sin, .cos, .tan, .asin, .acos, .atan, .sinh, .cosh, .frac, .reciprocal, .rsqrt, .log1p, .expm1,
             .log2, .log10: false
        }
    }

    func value(_ x: Float) -> Float {
        switch self {
        case .sin: sinf(x)
        case .cos: cosf(x)
        case .tan: tanf(x)
        case .asin: asinf(x)
        case .acos: acosf(x)
        case .atan: atanf(x)
        case .sinh: sinhf(x)
        case .cosh: coshf(x)
        case .floor: x.rounded(.down)
        case .ceil: x.rounded(.up)
        case .round: x.rounded(.toNearestOrEven)
        case .trunc: x.rounded(.towardZero)
        case .frac: x - x.rounded(.towardZero)
        case .sign: x > 0 ? 1 : (x < 0 ? -1 : (x.isNaN ? 0 : 0))
        case .square: x * x
        case .reciprocal: 1 / x
        case .rsqrt: 1 / sqrtf(x)
        case .log1p: log1pf(x)
        case .expm1: expm1f(x)
        case .log2: log2f(x)
        case .log10: log10f(x)
        }
    }

    /// The float32 kernel that reproduces ATen's (Sleef through `vec::map`), for the functions
    /// where `value` would differ from PyTorch.
    var float32Kernel: VectorMath.Unary? {
        switch self {
        case .log1p: VectorMath.log1p
        case .expm1: VectorMath.expm1
        case .sin, .cos, .tan, .asin, .acos, .atan, .sinh, .cosh, .floor, .ceil, .round, .trunc, .frac, .sign,
            .square, .reciprocal, .rsqrt, .log2, .log10:
            nil
        }
    }

    /// The function in double precision (float64 tensors).
    func value(_ x: Double) -> Double {
        switch self {
        case .sin: Glibc.sin(x)
        case .cos: Glibc.cos(x)
        case .tan: Glibc.tan(x)
        case .asin: Glibc.asin(x)
        case .acos: Glibc.acos(x)
        case .atan: Glibc.atan(x)
        case .sinh: Glibc.sinh(x)
        case .cosh: Glibc.cosh(x)
        case .floor: x.rounded(.down)
        case .ceil: x.rounded(.up)
        case .round: x.rounded(.toNearestOrEven)
        case .trunc: x.rounded(.towardZero)
        case .frac: x - x.rounded(.towardZero)
        case .sign: x > 0 ? 1 : (x < 0 ? -1 : 0)
        case .square: x * x
        case .reciprocal: 1 / x
        case .rsqrt: 1 / x.squareRoot()
        case .log1p: Glibc.log1p(x)
        case .expm1: Glibc.expm1(x)
        case .log2: Glibc.log2(x)
        case .log10: Glibc.log10(x)
        }
    }

    /// d value / dx in double precision.
    func derivative(_ x: Double, _ y: Double) -> Double {
        switch self {
        case .sin: Glibc.cos(x)
        case .cos: -Glibc.sin(x)
        case .tan: 1 + y * y
        case .asin: 1 / (1 - x * x).squareRoot()
        case .acos: -1 / (1 - x * x).squareRoot()
        case .atan: 1 / (1 + x * x)
        case .sinh: Glibc.cosh(x)
        case .cosh: Glibc.sinh(x)
        case .floor, .ceil, .round, .trunc, .sign: 0
        case .frac: 1
        case .square: 2 * x
        case .reciprocal: -y * y
        case .rsqrt: -0.5 * y * y * y
        case .log1p: 1 / (1 + x)
        case .expm1: y + 1
        case .log2: 1 / (x * M_LN2)
        case .log10: 1 / (x * M_LN10)
        }
    }

    /// d value / dx at `x`, where the value was `y`.
    func derivative(_ x: Float, _ y: Float) -> Float {
        switch self {
        case .sin: cosf(x)
        case .cos: -sinf(x)
        case .tan: 1 + y * y
        case .asin: 1 / sqrtf(1 - x * x)
        case .acos: -1 / sqrtf(1 - x * x)
        case .atan: 1 / (1 + x * x)
        case .sinh: coshf(x)
        case .cosh: sinhf(x)
        case .floor, .ceil, .round, .trunc, .sign: 0
        case .frac: 1
        case .square: 2 * x
        case .reciprocal: -y * y
        case .rsqrt: -0.5 * y * y * y
        case .log1p: 1 / (1 + x)
        case .expm1: y + 1
        case .log2: 1 / (x * Float(M_LN2))
        case .log10: 1 / (x * Float(M_LN10))
        }
    }
}

extension Tensor {
    /// `function` applied to every element, with its gradient.
    public func elementwise(_ function: ElementwiseFunction) -> Tensor {
        elementwiseRowMajor(function).laidOut(like: self)
    }

    private func elementwiseRowMajor(_ function: ElementwiseFunction) -> Tensor {
        if !dtype.isFloatingPoint && function.keepsIntegers {
            let v = int64s
            // Integer results keep the input's integer dtype (a bool's square is int64).
            switch function {
            case .sign: return Tensor(shape: shape, storage: .int64(v.map { $0.signum() })).to(dtype)
            case .square: return Tensor(shape: shape, storage: .int64(v.map { $0 &* $0 })).to(dtype == .bool ? .int64 : dtype)
            default: return Tensor(shape: shape, storage: storage)
            }
        }
        if dtype == .float64 {
            let x = doubles
            let y = x.map(function.value)
            return Tensor(shape: shape, values: y).recording(function.nodeName, [self]) { g in
                let gv = g.doubles
                return [Tensor(shape: g.shape, values: (0..<x.count).map { gv[$0] * function.derivative(x[$0], y[$0]) })]
            }.saving(inputs: [0])
        }
        let x = floats
        let y = function.float32Kernel.map { VectorMath.map($0, x) } ?? x.map(function.value)
        return Tensor(shape: shape, floats: y).recording(function.nodeName, [self]) { g in
            [Tensor(shape: g.shape, floats: (0..<x.count).map { g.floats[$0] * function.derivative(x[$0], y[$0]) })]
        }.saving(inputs: [0])
    }

    /// Each element limited to [`minimum`, `maximum`] (`clamp`, `clip`); a bound may be
    /// missing but not both. The result type follows PyTorch's promotion with the bounds.
    public func clamp(min minimum: ScalarValue?, max maximum: ScalarValue?) throws(TensorError) -> Tensor {
        try clampRowMajor(min: minimum, max: maximum).laidOut(like: self)
    }

    private func clampRowMajor(min minimum: ScalarValue?, max maximum: ScalarValue?) throws(TensorError) -> Tensor {
        guard minimum != nil || maximum != nil else {
            throw .runtime("torch.clamp: At least one of 'min' or 'max' must not be None")
        }
        let floatBound = [minimum, maximum].contains { if case .float? = $0 { true } else { false } }
        if !dtype.isFloatingPoint && !floatBound {
            let v = int64s
            let lo = minimum.map(\.int64Value), hi = maximum.map(\.int64Value)
            let out = v.map { e -> Int64 in
                var r = e
                if let lo { r = Swift.max(r, lo) }
                if let hi { r = Swift.min(r, hi) }
                return r
            }
            // Integer bounds keep an integer tensor's dtype (a bool's result is int64).
            return Tensor(shape: shape, storage: .int64(out)).to(dtype == .bool ? .int64 : dtype)
        }
        if dtype == .float64 { return clamped(Double.self, minimum, maximum) }
        return clamped(Float.self, minimum, maximum)
    }

    private func clamped<T: FloatElement>(_: T.Type, _ minimum: ScalarValue?, _ maximum: ScalarValue?) -> Tensor {
        let x = T.values(of: self)
        let lo = minimum.map { T($0.doubleValue) }, hi = maximum.map { T($0.doubleValue) }
        let y = x.map { e -> T in
            if e.isNaN { return e }
            var r = e
            if let lo { r = r < lo ? lo : r }
            if let hi { r = r > hi ? hi : r }
            return r
        }
        return Tensor(shape: shape, values: y).recording("ClampBackward1", [self]) { g in
            let gv = T.values(of: g)
            return [Tensor(shape: g.shape, values: (0..<x.count).map { k in
                let e = x[k]
                let inside = (lo.map { e >= $0 } ?? true) && (hi.map { e <= $0 } ?? true)
                return inside ? gv[k] : 0
            })]
        }.saving(inputs: [0])
    }

    /// Rounded half to even at `decimals` places (`round(decimals=)`), as PyTorch computes
    /// it in float32: scaled by a power of ten, rounded, scaled back.
    public func roundedTo(decimals: Int) throws(TensorError) -> Tensor {
        try roundedToRowMajor(decimals: decimals).laidOut(like: self)
    }

    private func roundedToRowMajor(decimals: Int) throws(TensorError) -> Tensor {
        switch dtype {
        case .float32: return rounded(Float.self, decimals: decimals)
        case .float64: return rounded(Double.self, decimals: decimals)
        case .int64, .int32, .uint8, .bool: return elementwise(.round)
        }
    }

    private func rounded<T: FloatElement>(_: T.Type, decimals: Int) -> Tensor {
        let scale = T.pow(10, T(Swift.min(Swift.max(decimals, -400), 400).magnitude))
        let y = T.values(of: self).map { x in
            decimals > 0 ? (x * scale).rounded(.toNearestOrEven) / scale : (x / scale).rounded(.toNearestOrEven) * scale
        }
        return Tensor(shape: shape, values: y).recording("RoundBackward1", [self], savesTensors: false) { g in
            [Tensor(shape: g.shape, values: [T](repeating: 0, count: g.count))]
        }
    }
}
