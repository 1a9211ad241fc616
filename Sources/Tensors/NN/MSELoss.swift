/// `nn.MSELoss(reduction="mean")`.
public final class MSELoss: LossModule {
    /// How squared errors combine.
    public let reduction: Reduction
    /// Training mode flag.
    public var isTraining = true

    /// Creates the loss.
    public init(reduction: Reduction = .mean) {
        self.reduction = reduction
    }

    /// The same criterion (its settings are all it holds).
    public func copy(_ copier: any ModuleCopier) throws(TensorError) -> any Module {
        inSameMode(MSELoss(reduction: reduction))
    }

    /// "MSELoss"
    public var typeName: String { "MSELoss" }

    /// The mean (or sum, or elementwise) squared error.
    public func callAsFunction(_ input: Tensor, _ target: Tensor) throws(TensorError) -> Tensor {
        try Functional.mseLoss(input, target: target, reduction: reduction)
    }
}
