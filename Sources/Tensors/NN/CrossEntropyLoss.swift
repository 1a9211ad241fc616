/// `nn.CrossEntropyLoss(ignore_index=-100, reduction="mean")` over class indices.
public final class CrossEntropyLoss: Module {
    /// Targets equal to this index contribute nothing.
    public let ignoreIndex: Int64
    /// How per-sample losses combine.
    public let reduction: Reduction
    /// Training mode flag.
    public var isTraining = true

    /// Creates the loss.
    public init(ignoreIndex: Int64 = -100, reduction: Reduction = .mean) {
        self.ignoreIndex = ignoreIndex
        self.reduction = reduction
    }

    /// "CrossEntropyLoss"
    public var typeName: String { "CrossEntropyLoss" }
    /// None.
    public var ownParameters: [(name: String, tensor: Tensor)] { [] }
    /// None.
    public var children: [(name: String, module: any Module)] { [] }
    /// Empty, as PyTorch prints it.
    public var extraRepr: String { "" }

    /// The loss of logits `input` (N, C) or (C,) against int64 `target`.
    public func callAsFunction(_ input: Tensor, _ target: Tensor) throws(TensorError) -> Tensor {
        try Functional.crossEntropy(input, target: target, ignoreIndex: ignoreIndex, reduction: reduction)
    }

    /// `forward(input, target)`.
    public func forward(_ inputs: [Tensor]) throws(TensorError) -> [Tensor] {
        try Tensor.expectCount(inputs, 2...2, typeName)
        return [try self(inputs[0], inputs[1])]
    }
}
