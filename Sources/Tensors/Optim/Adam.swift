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
    var moments: [AdamMoments<Float>?]
    /// The same for float64 parameters.
    var doubleMoments: [AdamMoments<Double>?]
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
        doubleMoments = Array(repeating: nil, count: parameters.count)
    }

    /// PyTorch's single-tensor update (see `update`), in each parameter's dtype.
    public func step() {
        // Parameters usually share one step count: the bias corrections (two pow calls) are
        // computed when the count changes, not per parameter.
        var corrections = BiasCorrections()
        for index in parameters.indices where parameters[index].grad != nil {
            if parameters[index].dtype == .float64 {
                update(index, &doubleMoments, &corrections, Double.self)
            } else {
                update(index, &moments, &corrections, Float.self)
            }
        }
    }

    /// `1 - beta^step` for both betas, for the last step count seen.
    struct BiasCorrections {
        var step = -1
        var first = 0.0
        var second = 0.0
    }

    private func update<T: OptimizerElement>(
        _ index: Int, _ moments: inout [AdamMoments<T>?], _ corrections: inout BiasCorrections, _: T.Type
    ) {
        let p = parameters[index]
        guard let gradTensor = p.grad else { return }
        // The scalars PyTorch passes to its kernels: Python floats (1 - beta computed in double)
        // converted to the parameter's dtype once.
        let g = T.values(of: gradTensor)
        let s: AdamMoments<T>
        if let existing = moments[slot[index]] {
            s = existing
        } else {
            s = AdamMoments(count: g.count)
            moments[slot[index]] = s
        }
        s.step += 1
        if s.step != corrections.step {
            corrections = BiasCorrections(
                step: s.step, first: 1 - Glibc.pow(betas.0, Double(s.step)), second: 1 - Glibc.pow(betas.1, Double(s.step)))
        }
        if decoupledWeightDecay && weightDecay != 0 {
            let keep = T(1 - learningRate * weightDecay)
            p.mutateValues { (values: inout [T]) in for i in values.indices { values[i] *= keep } }
        }
        let scalars = Scalars<T>(
            weightDecay: decoupledWeightDecay ? 0 : T(weightDecay), weight: T(1 - betas.0), squareWeight: T(1 - betas.1),
            beta2: T(betas.1), bc2Sqrt: T(corrections.second.squareRoot()), eps: T(eps), stepSize: T(learningRate / corrections.first))
        p.mutateValues { (values: inout [T]) in
            g.withUnsafeBufferPointer { grad in
                s.m.withUnsafeMutableBufferPointer { m in
                    s.v.withUnsafeMutableBufferPointer { v in
                        values.withUnsafeMutableBufferPointer { p in
                            let n = Swift.min(p.count, grad.count, m.count, v.count)
                            guard n > 0, let pp = p.baseAddress, let pg = grad.baseAddress,
                                let pm = m.baseAddress, let pv = v.baseAddress
                            else { return }
                            Self.update(pp, grad: pg, m: pm, v: pv, count: n, scalars)
                        }
                    }
                }
            }
        }
    }
}

extension Adam {
    /// The scalars of one update in the parameter's dtype, as PyTorch passes them to its kernels.
    struct Scalars<T: OptimizerElement> {
        let weightDecay: T
        let weight: T
        let squareWeight: T
        let beta2: T
        let bc2Sqrt: T
        let eps: T
        let stepSize: T
    }

    /// PyTorch's single-tensor Adam, kernel by kernel: `grad.add(param, alpha=wd)`,
    /// `exp_avg.lerp_(grad, 1 - beta1)`, `exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1 -
    /// beta2)`, `denom = sqrt / bc2_sqrt + eps`, `param.addcdiv_(exp_avg, denom,
    /// value=-step_size)`, each multiply-add fused where ATen's is.
    static func update<T: OptimizerElement>(
        _ p: UnsafeMutablePointer<T>, grad: UnsafePointer<T>, m: UnsafeMutablePointer<T>,
        v: UnsafeMutablePointer<T>, count n: Int, _ k: Scalars<T>
    ) {
        withUnsafeTemporaryAllocation(of: T.self, capacity: 2 * n) { scratch in
            guard let g = scratch.baseAddress else { return }
            let t = g + n
            if k.weightDecay != 0 {
                T.scaledAdd(k.weightDecay, p, grad, into: g, count: n)
            } else {
                g.update(from: grad, count: n)
            }
            for i in 0..<n { t[i] = g[i] - m[i] }
            if k.weight < 0.5 {
                T.scaledAdd(k.weight, t, m, into: m, count: n)
            } else {
                T.scaledAdd(k.weight - 1, t, g, into: m, count: n)
            }
            for i in 0..<n { t[i] = k.squareWeight * g[i] }
            for i in 0..<n { v[i] *= k.beta2 }
            T.multiplyAdd(t, g, v, into: v, count: n)
            for i in 0..<n { t[i] = m[i] / (v[i].squareRoot() / k.bc2Sqrt + k.eps) }
            T.scaledAdd(-k.stepSize, t, p, into: p, count: n)
        }
    }

    /// `step`, `exp_avg` and `exp_avg_sq`; empty before the parameter's first update.
    public func state(of parameter: Tensor) -> [(name: String, values: Tensor)] {
        guard let index = parameters.firstIndex(where: { $0 === parameter }) else { return [] }
        if let s = doubleMoments[slot[index]] { return entries(s, parameter) }
        return moments[slot[index]].map { entries($0, parameter) } ?? []
    }

    private func entries<T: FloatElement>(_ s: AdamMoments<T>, _ p: Tensor) -> [(name: String, values: Tensor)] {
        [("step", stepTensor(s.step)), ("exp_avg", stateTensor(s.m, like: p)), ("exp_avg_sq", stateTensor(s.v, like: p))]
    }

    /// Replaces the step count and moment estimates.
    public func setState(of parameter: Tensor, _ entries: [String: Tensor]) throws(TensorError) {
        guard let index = parameters.firstIndex(where: { $0 === parameter }) else { return }
        moments[slot[index]] = nil
        doubleMoments[slot[index]] = nil
        guard !entries.isEmpty else { return }
        if parameter.dtype == .float64 {
            doubleMoments[slot[index]] = try loaded(parameter, entries)
        } else {
            moments[slot[index]] = try loaded(parameter, entries)
        }
    }

    private func loaded<T: FloatElement>(_ parameter: Tensor, _ entries: [String: Tensor]) throws(TensorError) -> AdamMoments<T> {
        let s = AdamMoments<T>(count: parameter.count)
        s.step = try stepEntry(entries)
        s.m = try stateEntry(entries, "exp_avg", count: parameter.count)
        s.v = try stateEntry(entries, "exp_avg_sq", count: parameter.count)
        return s
    }
}

/// One parameter's Adam state: the step count and the first and second moment estimates.
final class AdamMoments<T: FloatElement> {
    var step = 0
    var m: [T]
    var v: [T]

    init(count: Int) {
        m = filledArray(T(0), count: count)
        v = filledArray(T(0), count: count)
    }
}
