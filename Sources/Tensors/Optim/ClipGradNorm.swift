import Glibc

/// `torch.nn.utils.clip_grad_norm_(parameters, max_norm, norm_type=2.0)`: scales all gradients
/// so their joint norm is at most `maxNorm`; returns the norm before clipping, in float64
/// when every gradient is float64 (as PyTorch stacks the per-gradient norms), else float32.
public func clipGradNorm(_ parameters: [Tensor], maxNorm: Double, normType: Double = 2) -> Tensor {
    let grads = parameters.compactMap(\.grad)
    guard !grads.isEmpty else { return Tensor(scalar: Float(0)) }
    if grads.allSatisfy({ $0.dtype == .float64 }) { return clipGradNorm(parameters, maxNorm: maxNorm, normType: normType, Double.self) }
    return clipGradNorm(parameters, maxNorm: maxNorm, normType: normType, Float.self)
}

private func clipGradNorm<T: FloatElement>(_ parameters: [Tensor], maxNorm: Double, normType: Double, _: T.Type) -> Tensor {
    let grads = parameters.compactMap(\.grad)
    let total: T
    if normType.isInfinite {
        total = grads.map { T.values(of: $0).map { Swift.abs($0) }.max() ?? 0 }.max() ?? 0
    } else {
        let p = T(normType)
        var acc: T = 0
        for g in grads {
            var norm: T = 0
            for v in T.values(of: g) { norm += T.pow(Swift.abs(v), p) }
            acc += T.pow(T.pow(norm, 1 / p), p)
        }
        total = T.pow(acc, 1 / p)
    }
    let coefficient = T(maxNorm) / (total + T(1e-6))
    if coefficient < 1 {
        for p in parameters {
            guard let g = p.grad else { continue }
            p.grad = g.dtype == .float64
                ? Tensor(shape: g.shape, values: g.doubles.map { $0 * Double(coefficient) })
                : Tensor(shape: g.shape, floats: g.floats.map { $0 * Float(coefficient) })
        }
    }
    return Tensor(shape: .scalar, values: [total])
}
