/// `nn.LayerNorm(normalized_shape, eps=1e-5, elementwise_affine=True, bias=True)`: each
/// row over the last dimensions normalised to zero mean and unit (biased) variance, then
/// scaled by `weight` and shifted by `bias` (ones and zeros at first).
public final class LayerNorm: Module {
    /// The trailing dimensions normalised together.
    public let normalizedShape: [Int]
    /// Added to the variance.
    public let eps: Double
    /// `weight` (and `bias`), or nil without `elementwise_affine`.
    public let weight: Tensor?
    /// The shift, or nil.
    public let bias: Tensor?
    /// Training mode flag.
    public var isTraining = true

    /// Creates the layer; PyTorch's parameters start at ones and zeros.
    public init(normalizedShape: [Int], eps: Double = 1e-5, elementwiseAffine: Bool = true, bias: Bool = true) throws(TensorError) {
        guard normalizedShape.allSatisfy({ $0 >= 0 }) else { throw .runtime("Trying to create tensor with negative dimension") }
        let n = try Shape.checkedCount(normalizedShape)
        self.normalizedShape = normalizedShape
        self.eps = eps
        // In the default dtype, as PyTorch's `torch.empty` then `ones_`/`zeros_`.
        let dtype = DefaultDType.current
        weight = elementwiseAffine ? Tensor.parameter(normalizedShape, TensorStorage.float32(filledArray(Float(1), count: n)).converted(to: dtype)) : nil
        self.bias = elementwiseAffine && bias ? Tensor.parameter(normalizedShape, TensorStorage.zeros(dtype, count: n)) : nil
    }

    private init(normalizedShape: [Int], eps: Double, weight: Tensor?, bias: Tensor?) {
        self.normalizedShape = normalizedShape
        self.eps = eps
        self.weight = weight
        self.bias = bias
    }

    /// The same layer over `copier`'s parameters.
    public func copy(_ copier: any ModuleCopier) throws(TensorError) -> any Module {
        return inSameMode(LayerNorm(normalizedShape: normalizedShape, eps: eps, weight: try copier.tensor(weight), bias: try copier.tensor(bias)))
    }

    /// "LayerNorm"
    public var typeName: String { "LayerNorm" }
    /// weight, bias.
    public var ownParameters: [(name: String, tensor: Tensor)] {
        (weight.map { [("weight", $0)] } ?? []) + (bias.map { [("bias", $0)] } ?? [])
    }
    /// None.
    public var children: [(name: String, module: any Module)] { [] }
    /// `(4,), eps=1e-05, elementwise_affine=True, bias=True`
    public var extraRepr: String {
        let dims = normalizedShape.count == 1 ? "(\(normalizedShape[0]),)" : "(" + normalizedShape.map(String.init).joined(separator: ", ") + ")"
        return "\(dims), eps=\(eps), elementwise_affine=\(weight != nil ? "True" : "False"), bias=\(bias != nil ? "True" : "False")"
    }

    /// The normalised input.
    public func forward(_ first: Tensor, _ second: Tensor?) throws(TensorError) -> Tensor? {
        second == nil ? try Functional.layerNorm(first, normalizedShape: normalizedShape, weight: weight, bias: bias, eps: eps) : nil
    }

    /// `forward(input)`.
    public func forward(_ inputs: [Tensor]) throws(TensorError) -> [Tensor] {
        try Tensor.expectCount(inputs, 1...1, typeName)
        return [try Functional.layerNorm(inputs[0], normalizedShape: normalizedShape, weight: weight, bias: bias, eps: eps)]
    }
}

extension Functional {
    /// `F.layer_norm(input, normalized_shape, weight, bias, eps)`, one node
    /// (`NativeLayerNormBackward0`) with the gradients of input, weight and bias.
    public static func layerNorm(
        _ input: Tensor, normalizedShape: [Int], weight: Tensor?, bias: Tensor?, eps: Double = 1e-5
    ) throws(TensorError) -> Tensor {
        let k = normalizedShape.count
        let dims = input.shape.dims
        guard k > 0, dims.count >= k, Array(dims.suffix(k)) == normalizedShape else {
            let expected = "[*, " + normalizedShape.map(String.init).joined(separator: ", ") + "]"
            throw .runtime("Given normalized_shape=\(normalizedShape), expected input with shape \(expected), but got input of size\(input.shape.listDescription)")
        }
        guard input.dtype.isFloatingPoint else { throw .runtime("expected scalar type Float but found \(Tensor.typeName(input.dtype))") }
        for t in [weight, bias] {
            // ATen's CPU kernel accepts float32 input with float32 parameters only, or all alike.
            if let t, t.dtype != input.dtype {
                throw .runtime(input.dtype == .float32
                    ? "mixed dtype (CPU): expect parameter to have scalar type of Float" : "mixed dtype (CPU): all inputs must share same datatype.")
            }
        }
        for (name, t) in [("weight", weight), ("bias", bias)] {
            if let t, t.shape.dims != normalizedShape {
                throw .runtime("Expected \(name) to be of same shape as normalized_shape, but got \(name) of shape \(t.shape.listDescription) and normalized_shape = \(normalizedShape)")
            }
        }
        if input.dtype == .float64 {
            return normalizedRows(input, normalizedShape: normalizedShape, weight: weight, bias: bias, eps: eps, Double.self)
        }
        return normalizedRows(input, normalizedShape: normalizedShape, weight: weight, bias: bias, eps: eps, Float.self)
    }

    /// Layer normalisation of the rows of `input` in `T`, the moments accumulated in double.
    private static func normalizedRows<T: FloatElement>(
        _ input: Tensor, normalizedShape: [Int], weight: Tensor?, bias: Tensor?, eps: Double, _: T.Type
    ) -> Tensor {
        let width = normalizedShape.reduce(1, *)
        let rows = width == 0 ? 0 : input.count / width
        let x = T.values(of: input)
        let w = weight.map { T.values(of: $0) }
        let b = bias.map { T.values(of: $0) }
        var out = filledArray(T(0), count: x.count)
        var normalized = filledArray(T(0), count: x.count)
        var rstds = filledArray(T(0), count: rows)
        for r in 0..<rows {
            let base = r * width
            var sum = 0.0
            for j in 0..<width { sum += Double(x[base + j]) }
            let mean = sum / Double(width)
            var squares = 0.0
            for j in 0..<width {
                let d = Double(x[base + j]) - mean
                squares += d * d
            }
            let rstd = T(1 / (squares / Double(width) + eps).squareRoot())
            rstds[r] = rstd
            for j in 0..<width {
                let xhat = (x[base + j] - T(mean)) * rstd
                normalized[base + j] = xhat
                out[base + j] = xhat * (w?[j] ?? 1) + (b?[j] ?? 0)
            }
        }
        let result = Tensor(shape: input.shape, values: out)
        let operands = [input] + (weight.map { [$0] } ?? []) + (bias.map { [$0] } ?? [])
        let (hasWeight, hasBias, shape) = (weight != nil, bias != nil, input.shape)
        return result.recording("NativeLayerNormBackward0", operands) { g in
            let gv = T.values(of: g)
            var dx = filledArray(T(0), count: gv.count)
            var dw = filledArray(T(0), count: width)
            var db = filledArray(T(0), count: width)
            for r in 0..<rows {
                let base = r * width
                var meanDy = T(0)
                var meanDyXhat = T(0)
                for j in 0..<width {
                    let dy = gv[base + j] * (w?[j] ?? 1)
                    meanDy += dy
                    meanDyXhat += dy * normalized[base + j]
                    dw[j] += gv[base + j] * normalized[base + j]
                    db[j] += gv[base + j]
                }
                meanDy /= T(width)
                meanDyXhat /= T(width)
                for j in 0..<width {
                    let dy = gv[base + j] * (w?[j] ?? 1)
                    dx[base + j] = rstds[r] * (dy - meanDy - normalized[base + j] * meanDyXhat)
                }
            }
            var grads: [Tensor?] = [Tensor(shape: shape, values: dx)]
            if hasWeight { grads.append(Tensor(shape: Shape(normalizedShape), values: dw)) }
            if hasBias { grads.append(Tensor(shape: Shape(normalizedShape), values: db)) }
            return grads
        }
    }
}
