/// `nn.CrossEntropyLoss(ignore_index=-100, reduction="mean")` over class indices.
public final class CrossEntropyLoss: LossModule {
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

    /// The same criterion (its settings are all it holds).
    public func copy(_ copier: any ModuleCopier) throws(TensorError) -> any Module {
        inSameMode(CrossEntropyLoss(ignoreIndex: ignoreIndex, reduction: reduction))
    }

    /// "CrossEntropyLoss"
    public var typeName: String { "CrossEntropyLoss" }

    /// The loss of logits `input` (N, C) or (C,) against int64 `target`.
    public func callAsFunction(_ input: Tensor, _ target: Tensor) throws(TensorError) -> Tensor {
        try Functional.crossEntropy(input, target: target, ignoreIndex: ignoreIndex, reduction: reduction)
    }
}
