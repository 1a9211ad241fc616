/// `nn.MSELoss(reduction="mean")`.
public final class MSELoss: Module {
    /// How squared errors combine.
    public let reduction: Reduction
    /// Training mode flag.
    public var isTraining = true

    /// Creates the loss.
    public init(reduction: Reduction = .mean) {
        self.reduction = reduction
    }

    /// "MSELoss"
    public var typeName: String { "MSELoss" }
    /// None.
    public var ownParameters: [(name: String, tensor: Tensor)] { [] }
    /// None.
    public var children: [(name: String, module: any Module)] { [] }
    /// Empty, as PyTorch prints it.
    public var extraRepr: String { "" }

    /// The mean (or sum, or elementwise) squared error.
    public func callAsFunction(_ input: Tensor, _ target: Tensor) throws(TensorError) -> Tensor {
        try Functional.mseLoss(input, target: target, reduction: reduction)
    }

    /// `forward(input, target)`.
    public func forward(_ inputs: [Tensor]) throws(TensorError) -> [Tensor] {
        try Tensor.expectCount(inputs, 2...2, typeName)
        return [try self(inputs[0], inputs[1])]
    }
}
