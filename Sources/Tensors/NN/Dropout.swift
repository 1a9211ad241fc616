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
            // ATen's noise is `empty_like(input)`: laid out in the input's memory order when
            // that is a permutation of a dense layout (a batch_first RNN output), so the mask is
            // drawn in that order.
            let order = input.denseMemoryOrder
            noise = try Tensor.zeros(order.map { input.shape.dims[$0] }, dtype: input.dtype)
            try noise.bernoulli(probability: 1 - p, generator: generator)
            if order != Array(order.indices) {
                var inverse = order
                for (k, d) in order.enumerated() { inverse[d] = k }
                noise = noise.permuted(inverse, name: "PermuteBackward0")
            }
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

extension Tensor {
    /// The dimensions from the largest stride to the smallest when the elements are a
    /// permutation of a dense row-major block (PyTorch's non-overlapping and dense), else
    /// the identity (a new tensor like this one is then row-major).
    var denseMemoryOrder: [Int] {
        let identity = Array(0..<rank)
        guard layout != nil else { return identity }
        let own = strides
        let order = identity.sorted { own[$0] > own[$1] || (own[$0] == own[$1] && $0 < $1) }
        var expected = 1
        for d in order.reversed() where shape.dims[d] != 1 {
            guard own[d] == expected else { return identity }
            expected *= shape.dims[d]
        }
        return order
    }
}
