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
    /// Clears every parameter's gradient (`zero_grad(set_to_none)`): sets them to None, or
    /// zeroes them in place when `setToNone` is false.
    public func zeroGrad(setToNone: Bool = true) {
        for p in parameters { p.clearGrad(setToNone: setToNone) }
    }
}
