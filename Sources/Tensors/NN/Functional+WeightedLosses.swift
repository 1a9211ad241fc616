/// The regression losses `F.l1_loss`, `F.mse_loss` and `F.huber_loss` take a `weight=`
/// (PyTorch 2.15); PyTorch composes the weighted forms in Python from tensor operations.
public enum WeightedLoss: Sendable {
    case l1
    case mse
    case huber(delta: Double)
}

extension Functional {
    /// A weighted regression loss composed as PyTorch's `torch.nn.functional` composes it:
    /// the operands broadcast, `weight` of exactly the input's size, the element losses
    /// (`abs(input - target)`, `pow(input - target, 2)`, `huber_loss(..., 'none')`) times the
    /// weight, then the sum, the mean (Huber) or the sum divided by the weights' sum (L1, MSE).
    /// Autograd records those operations, so the gradient names are theirs.
    public static func weightedLoss(
        _ loss: WeightedLoss, _ input: Tensor, target: Tensor, weight: Tensor, reduction: Reduction
    ) throws(TensorError) -> Tensor {
        // torch.broadcast_tensors returns an operand of the broadcast shape itself.
        let out = try Shape.broadcast(input.shape, target.shape)
        let x = input.shape == out ? input : try input.expand(out.dims)
        let y = target.shape == out ? target : try target.expand(out.dims)
        guard weight.shape == input.shape else { throw .value("Weights and input must have the same size.") }
        let unweighted: Tensor = switch loss {
        case .l1: try x.arithmetic(.sub, y).abs()
        case .mse: try x.arithmetic(.sub, y).pow(.int(2))
        case .huber(let delta): try elementwiseLoss(.huber(delta: delta), x, target: y, reduction: .none)
        }
        let weighted = try unweighted.arithmetic(.mul, weight)
        switch (reduction, loss) {
        case (.none, _): return weighted
        case (.sum, _): return weighted.sum()
        case (.mean, .huber): return try weighted.mean()
        case (.mean, .l1), (.mean, .mse): return try weighted.sum().arithmetic(.div, weight.sum())
        }
    }
}
