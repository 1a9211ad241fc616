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
        if dtype != .float32 && function.keepsIntegers {
            let v = int64s
            switch function {
            case .sign: return Tensor(shape: shape, storage: .int64(v.map { $0.signum() })).to(dtype == .bool ? .bool : .int64)
            case .square: return Tensor(shape: shape, storage: .int64(v.map { $0 &* $0 }))
            default: return Tensor(shape: shape, storage: storage)
            }
        }
        let x = floats
        let y = x.map(function.value)
        return Tensor(shape: shape, floats: y).recording(function.nodeName, [self]) { g in
            [Tensor(shape: g.shape, floats: (0..<x.count).map { g.floats[$0] * function.derivative(x[$0], y[$0]) })]
        }.saving(inputs: [0])
    }

    /// Each element limited to [`minimum`, `maximum`] (`clamp`, `clip`); a bound may be
    /// missing but not both. The result type follows PyTorch's promotion with the bounds.
    public func clamp(min minimum: ScalarValue?, max maximum: ScalarValue?) throws(TensorError) -> Tensor {
        guard minimum != nil || maximum != nil else {
            throw .runtime("torch.clamp: At least one of 'min' or 'max' must not be None")
        }
        let floatBound = [minimum, maximum].contains { if case .float? = $0 { true } else { false } }
        if dtype != .float32 && !floatBound {
            let v = int64s
            let lo = minimum.map(\.int64Value), hi = maximum.map(\.int64Value)
            let out = v.map { e -> Int64 in
                var r = e
                if let lo { r = Swift.max(r, lo) }
                if let hi { r = Swift.min(r, hi) }
                return r
            }
            return Tensor(shape: shape, storage: .int64(out))
        }
        let x = floats
        let lo = minimum.map(\.floatValue), hi = maximum.map(\.floatValue)
        let y = x.map { e -> Float in
            if e.isNaN { return e }
            var r = e
            if let lo { r = r < lo ? lo : r }
            if let hi { r = r > hi ? hi : r }
            return r
        }
        return Tensor(shape: shape, floats: y).recording("ClampBackward1", [self]) { g in
            [Tensor(shape: g.shape, floats: (0..<x.count).map { k in
                let e = x[k]
                let inside = (lo.map { e >= $0 } ?? true) && (hi.map { e <= $0 } ?? true)
                return inside ? g.floats[k] : 0
            })]
        }.saving(inputs: [0])
    }

    /// Rounded half to even at `decimals` places (`round(decimals=)`), as PyTorch computes
    /// it in float32: scaled by a power of ten, rounded, scaled back.
    public func roundedTo(decimals: Int) throws(TensorError) -> Tensor {
        guard dtype == .float32 else { return elementwise(.round) }
        let scale = powf(10, Float(Swift.min(Swift.max(decimals, -40), 40).magnitude))
        let y = floats.map { x in
            decimals > 0 ? (x * scale).rounded(.toNearestOrEven) / scale : (x / scale).rounded(.toNearestOrEven) * scale
        }
        return Tensor(shape: shape, floats: y).recording("RoundBackward1", [self], savesTensors: false) { g in
            [Tensor(shape: g.shape, floats: [Float](repeating: 0, count: g.count))]
        }
    }
}
