import Glibc

/// `torch.optim.Adam(params, lr=0.001, betas=(0.9, 0.999), eps=1e-8, weight_decay=0)`.
public final class Adam: Optimizer {
    /// The parameters updated.
    public let parameters: [Tensor]
    /// Step size.
    public var learningRate: Double
    /// Decay rates of the first and second moment estimates.
    public var betas: (Double, Double)
    /// Added to the denominator for stability.
    public var eps: Double
    /// L2 penalty added to the gradient.
    public var weightDecay: Double
    /// AdamW: weight decay shrinks the parameters (`p *= 1 - lr*wd`) instead of adding to
    /// the gradient.
    public var decoupledWeightDecay = false
    /// Moment estimates per distinct parameter; `slot[i]` says which entry parameter i uses
    /// (a parameter listed twice shares one, as PyTorch keys its state by tensor).
    var moments: [AdamMoments?]
    let slot: [Int]

    /// Creates the optimizer; throws on the arguments PyTorch rejects.
    public init(_ parameters: [Tensor], lr: Double = 0.001, betas: (Double, Double) = (0.9, 0.999), eps: Double = 1e-8, weightDecay: Double = 0) throws(TensorError) {
        guard !parameters.isEmpty else { throw .value("optimizer got an empty parameter list") }
        guard lr >= 0 else { throw .value("Invalid learning rate: \(lr)") }
        guard eps >= 0 else { throw .value("Invalid epsilon value: \(eps)") }
        guard betas.0 >= 0, betas.0 < 1 else { throw .value("Invalid beta parameter at index 0: \(betas.0)") }
        guard betas.1 >= 0, betas.1 < 1 else { throw .value("Invalid beta parameter at index 1: \(betas.1)") }
        guard weightDecay >= 0 else { throw .value("Invalid weight_decay value: \(weightDecay)") }
        self.parameters = parameters
        learningRate = lr
        self.betas = betas
        self.eps = eps
        self.weightDecay = weightDecay
        var first: [ObjectIdentifier: Int] = [:]
        slot = parameters.indices.map { i in
            let key = ObjectIdentifier(parameters[i])
            if let j = first[key] { return j }
            first[key] = i
            return i
        }
        moments = Array(repeating: nil, count: parameters.count)
    }

    /// PyTorch's single-tensor update (see `update`).
    public func step() {
        // The scalars PyTorch passes to its kernels: Python floats (1 - beta computed in double)
        // converted to float32 once.
        let b2 = Float(betas.1)
        let weight = Float(1 - betas.0)
        let squareWeight = Float(1 - betas.1)
        let wd = Float(weightDecay)
        let epsilon = Float(eps)
        let decoupled = decoupledWeightDecay
        // Parameters usually share one step count: the bias corrections (two pow calls) are
        // computed when the count changes, not per parameter.
        var correctedStep = -1
        var bc1 = 0.0
        var bc2 = 0.0
        for (index, p) in parameters.enumerated() {
            guard let gradTensor = p.grad else { continue }
            let g = gradTensor.floats
            let s: AdamMoments
            if let existing = moments[slot[index]] {
                s = existing
            } else {
                s = AdamMoments(count: g.count)
                moments[slot[index]] = s
            }
            s.step += 1
            if s.step != correctedStep {
                correctedStep = s.step
                bc1 = 1 - Glibc.pow(betas.0, Double(s.step))
                bc2 = 1 - Glibc.pow(betas.1, Double(s.step))
            }
            if decoupledWeightDecay && weightDecay != 0 {
                let keep = Float(1 - learningRate * weightDecay)
                p.mutateFloats { values in for i in values.indices { values[i] *= keep } }
            }
            let stepSize = Float(learningRate / bc1)
            let bc2Sqrt = Float(bc2.squareRoot())
            p.mutateFloats { values in
                g.withUnsafeBufferPointer { grad in
                    s.m.withUnsafeMutableBufferPointer { m in
                        s.v.withUnsafeMutableBufferPointer { v in
                            values.withUnsafeMutableBufferPointer { p in
                                let n = Swift.min(p.count, grad.count, m.count, v.count)
                                guard n > 0, let pp = p.baseAddress, let pg = grad.baseAddress,
                                    let pm = m.baseAddress, let pv = v.baseAddress
                                else { return }
                                Self.update(
                                    pp, grad: pg, m: pm, v: pv, count: n,
                                    Scalars(
                                        weightDecay: decoupled ? 0 : wd, weight: weight, squareWeight: squareWeight,
                                        beta2: b2, bc2Sqrt: bc2Sqrt, eps: epsilon, stepSize: stepSize))
                            }
                        }
                    }
                }
            }
        }
    }
}

extension Adam {
    /// The float32 scalars of one update, as PyTorch passes them to its kernels.
    struct Scalars {
        let weightDecay: Float
        let weight: Float
        let squareWeight: Float
        let beta2: Float
        let bc2Sqrt: Float
        let eps: Float
        let stepSize: Float
    }

    /// PyTorch's single-tensor Adam, kernel by kernel: `grad.add(param, alpha=wd)`,
    /// `exp_avg.lerp_(grad, 1 - beta1)`, `exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1 -
    /// beta2)`, `denom = sqrt / bc2_sqrt + eps`, `param.addcdiv_(exp_avg, denom,
    /// value=-step_size)`, each multiply-add fused where ATen's is.
    static func update(
        _ p: UnsafeMutablePointer<Float>, grad: UnsafePointer<Float>, m: UnsafeMutablePointer<Float>,
        v: UnsafeMutablePointer<Float>, count n: Int, _ k: Scalars
    ) {
        withUnsafeTemporaryAllocation(of: Float.self, capacity: 2 * n) { scratch in
            guard let g = scratch.baseAddress else { return }
            let t = g + n
            if k.weightDecay != 0 {
                VectorMath.scaledAdd(k.weightDecay, p, grad, into: g, count: n)
            } else {
                g.update(from: grad, count: n)
            }
            for i in 0..<n { t[i] = g[i] - m[i] }
            if k.weight < 0.5 {
                VectorMath.scaledAdd(k.weight, t, m, into: m, count: n)
            } else {
                VectorMath.scaledAdd(k.weight - 1, t, g, into: m, count: n)
            }
            for i in 0..<n { t[i] = k.squareWeight * g[i] }
            for i in 0..<n { v[i] *= k.beta2 }
            VectorMath.multiplyAdd(t, g, v, into: v, count: n)
            for i in 0..<n { t[i] = m[i] / (v[i].squareRoot() / k.bc2Sqrt + k.eps) }
            VectorMath.scaledAdd(-k.stepSize, t, p, into: p, count: n)
        }
    }

    /// `step`, `exp_avg` and `exp_avg_sq`; empty before the parameter's first update.
    public func state(of parameter: Tensor) -> [(name: String, values: [Float])] {
        guard let index = parameters.firstIndex(where: { $0 === parameter }), let s = moments[slot[index]] else { return [] }
        return [("step", [Float(s.step)]), ("exp_avg", s.m), ("exp_avg_sq", s.v)]
    }

    /// Replaces the step count and moment estimates.
    public func setState(of parameter: Tensor, _ entries: [String: [Float]]) throws(TensorError) {
        guard let index = parameters.firstIndex(where: { $0 === parameter }) else { return }
        guard !entries.isEmpty else {
            moments[slot[index]] = nil
            return
        }
        let s = AdamMoments(count: parameter.count)
        s.step = try stepEntry(entries)
        s.m = try stateEntry(entries, "exp_avg", count: parameter.count)
        s.v = try stateEntry(entries, "exp_avg_sq", count: parameter.count)
        moments[slot[index]] = s
    }
}

/// One parameter's Adam state: the step count and the first and second moment estimates.
final class AdamMoments {
    var step = 0
    var m: [Float]
    var v: [Float]

    init(count: Int) {
        m = filledArray(Float(0), count: count)
        v = filledArray(Float(0), count: count)
    }
}
