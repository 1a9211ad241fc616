import Glibc

/// `torch.nn.utils.clip_grad_norm_(parameters, max_norm, norm_type=2.0)`: scales all gradients
/// so their joint norm is at most `maxNorm`; returns the norm before clipping.
public func clipGradNorm(_ parameters: [Tensor], maxNorm: Double, normType: Double = 2) -> Tensor {
    let grads = parameters.compactMap(\.grad)
    guard !grads.isEmpty else { return Tensor(scalar: Float(0)) }
    let total: Float
    if normType.isInfinite {
        total = grads.map { $0.floats.map { Swift.abs($0) }.max() ?? 0 }.max() ?? 0
    } else {
        let p = Float(normType)
        var acc: Float = 0
        for g in grads {
            var norm: Float = 0
            for v in g.floats { norm += powf(Swift.abs(v), p) }
            acc += powf(powf(norm, 1 / p), p)
        }
        total = powf(acc, 1 / p)
    }
    let coefficient = Float(maxNorm) / (total + 1e-6)
    if coefficient < 1 {
        for p in parameters {
            guard let g = p.grad else { continue }
            p.grad = Tensor(shape: g.shape, floats: g.floats.map { $0 * coefficient })
        }
    }
    return Tensor(scalar: total)
}
