/// `nn.Linear(in_features, out_features, bias=True)`: `y = x W^T + b`.
public final class Linear: Module {
    /// Input feature count.
    public let inFeatures: Int
    /// Output feature count.
    public let outFeatures: Int
    /// `weight`, shape (out_features, in_features).
    public let weight: Tensor
    /// `bias`, shape (out_features), or nil.
    public let bias: Tensor?
    /// Training mode flag.
    public var isTraining = true

    /// Initialises as PyTorch's `reset_parameters`: the weight by `kaiming_uniform_` with
    /// a = sqrt(5), then the bias from U(-1/sqrt(in), 1/sqrt(in)).
    public init(inFeatures: Int, outFeatures: Int, bias: Bool = true, generator: Generator) throws(TensorError) {
        guard inFeatures >= 0, outFeatures >= 0 else {
            throw .runtime("Trying to create tensor with negative dimension \(min(inFeatures, outFeatures)): [\(outFeatures), \(inFeatures)]")
        }
        _ = try Shape.checkedCount([outFeatures, inFeatures])
        self.inFeatures = inFeatures
        self.outFeatures = outFeatures
        weight = try .initialised([outFeatures, inFeatures]) { (w) throws(TensorError) in
            try w.kaimingUniform(.leakyRelu(slope: 5.0.squareRoot()), generator: generator)
        }
        self.bias = bias ? try .uniformParameter([outFeatures], bound: Tensor.inverseSquareRoot(inFeatures), generator: generator) : nil
    }

    private init(inFeatures: Int, outFeatures: Int, weight: Tensor, bias: Tensor?) {
        self.inFeatures = inFeatures
        self.outFeatures = outFeatures
        self.weight = weight
        self.bias = bias
    }

    /// The same layer over `copier`'s parameters.
    public func copy(_ copier: any ModuleCopier) throws(TensorError) -> any Module {
        return inSameMode(Linear(inFeatures: inFeatures, outFeatures: outFeatures, weight: try copier.tensor(weight), bias: try copier.tensor(bias)))
    }

    /// "Linear"
    public var typeName: String { "Linear" }
    /// weight, bias
    public var ownParameters: [(name: String, tensor: Tensor)] {
        [("weight", weight)] + (bias.map { [("bias", $0)] } ?? [])
    }
    /// None.
    public var children: [(name: String, module: any Module)] { [] }
    /// `in_features=4, out_features=2, bias=True`
    public var extraRepr: String {
        "in_features=\(inFeatures), out_features=\(outFeatures), bias=\(bias == nil ? "False" : "True")"
    }

    /// Applies the layer to the last dimension of `input`.
    public func callAsFunction(_ input: Tensor) throws(TensorError) -> Tensor {
        try Functional.linear(input, weight: weight, bias: bias)
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
