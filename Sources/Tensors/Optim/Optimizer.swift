/// What `torch.optim` optimizers share: the parameters they update, `zero_grad()`, `step()`.
public protocol Optimizer: AnyObject {
    /// The parameters updated by `step()`.
    var parameters: [Tensor] { get }
    /// The learning rate (settable, as `param_groups[0]["lr"]`).
    var learningRate: Double { get set }
    /// Applies one update from the current gradients; parameters without a grad are skipped.
    func step()
}

extension Optimizer {
    /// Clears every parameter's gradient (`zero_grad()`, which sets them to None).
    public func zeroGrad() {
        for p in parameters { p.grad = nil }
    }
}
