/// `nn.Dropout(p=0.5, inplace=False)`: in training, zeroes each element with probability p
/// and scales the rest by 1/(1-p), with PyTorch's mask for the same generator state.
public final class Dropout: StatelessModule {
    /// The probability of zeroing an element.
    public let p: Double
    /// Whether the mask is applied to the input itself.
    public let inplace: Bool
    /// Training mode flag: evaluation mode passes the input through.
    public var isTraining = true
    let generator: Generator

    /// Creates the layer; `p` must lie in [0, 1].
    public init(p: Double = 0.5, inplace: Bool = false, generator: Generator) throws(TensorError) {
        try Functional.checkDropout(p)
        self.p = p
        self.inplace = inplace
        self.generator = generator
    }

    /// The same layer (its settings are all it holds).
    public func copy(_ copier: any ModuleCopier) throws(TensorError) -> any Module {
        inSameMode(try Dropout(p: p, inplace: inplace, generator: generator))
    }

    /// "Dropout"
    public var typeName: String { "Dropout" }
    /// `p=0.5, inplace=False`
    public var extraRepr: String { "p=\(p), inplace=\(inplace ? "True" : "False")" }

    /// Applies dropout in training mode; returns `input` itself in evaluation mode.
    public func callAsFunction(_ input: Tensor) throws(TensorError) -> Tensor {
        try Functional.dropout(input, p: p, training: isTraining, inplace: inplace, generator: generator)
    }

    /// `forward(input)` without arrays; nil for two inputs (`forward` reports the error).
    public func forward(_ first: Tensor, _ second: Tensor?) throws(TensorError) -> Tensor? {
        second == nil ? try self(first) : nil
    }

    /// `forward(input)`.
    public func forward(_ inputs: [Tensor]) throws(TensorError) -> [Tensor] {
        try Tensor.expectCount(inputs, 1...1, typeName)
        return [try self(inputs[0])]
    }
}

extension Functional {
    /// `F.dropout(input, p, training, inplace)`: ATen's CPU algorithm, a float noise tensor
    /// filled by `bernoulli_(1 - p)`, divided by `1 - p`, multiplied into the input.
    public static func dropout(_ input: Tensor, p: Double = 0.5, training: Bool = true, inplace: Bool = false,
                               generator: Generator) throws(TensorError) -> Tensor {
        try checkDropout(p)
        if p == 0 || !training || input.count == 0 { return input }
        guard input.dtype.isFloatingPoint else {
            throw .runtime("result type Float can't be cast to the desired output type \(Tensor.typeName(input.dtype))")
        }
        // The noise has the input's dtype (float64 noise is divided in double precision).
        var noise: Tensor
        if p == 1 {
            noise = try Tensor.zeros([], dtype: input.dtype)
        } else {
            noise = try Tensor.zeros(input.shape.dims, dtype: input.dtype)
            try noise.bernoulli(probability: 1 - p, generator: generator)
            if input.dtype == .float64 {
                noise = try noise.arithmetic(.div, scalar: .float(1 - p))
            } else {
                let scale = Float(1 - p)
                noise.mutateFloats { values in
                    for i in values.indices { values[i] /= scale }
                }
            }
        }
        guard inplace else { return try input.mul(noise) }
        if input.requiresGrad && GradMode.isEnabled {
            throw .runtime(input.isLeaf ? "a leaf Variable that requires grad is being used in an in-place operation."
                           : "in-place dropout of a tensor in an autograd graph is not supported in Recur; use inplace=False")
        }
        let product = try input.mul(noise)
        input.overwrite(with: product.storage)
        return input
    }

    static func checkDropout(_ p: Double) throws(TensorError) {
        guard p >= 0, p <= 1 else { throw .value("dropout probability has to be between 0 and 1, but got \(p)") }
    }
}
