/// `torch.optim.Adagrad(params, lr=0.01, lr_decay=0, weight_decay=0,
/// initial_accumulator_value=0, eps=1e-10)`.
public final class Adagrad: Optimizer {
    /// The parameters updated.
    public let parameters: [Tensor]
    /// Step size.
    public var learningRate: Double
    /// Step size decay: step t uses `lr / (1 + (t-1) * lr_decay)`.
    public var learningRateDecay: Double
    /// L2 penalty added to the gradient.
    public var weightDecay: Double
    /// Added to the denominator for stability.
    public var eps: Double
    private var states: [ObjectIdentifier: AdagradState<Float>] = [:]
    private var doubleStates: [ObjectIdentifier: AdagradState<Double>] = [:]

    /// Creates the optimizer with every accumulator at `initialAccumulatorValue`; throws on
    /// the arguments PyTorch rejects.
    public init(
        _ parameters: [Tensor], lr: Double = 0.01, lrDecay: Double = 0, weightDecay: Double = 0,
        initialAccumulatorValue: Double = 0, eps: Double = 1e-10
    ) throws(TensorError) {
        guard !parameters.isEmpty else { throw .value("optimizer got an empty parameter list") }
        guard lr >= 0 else { throw .value("Invalid learning rate: \(lr)") }
        guard lrDecay >= 0 else { throw .value("Invalid lr_decay value: \(lrDecay)") }
        guard weightDecay >= 0 else { throw .value("Invalid weight_decay value: \(weightDecay)") }
        guard initialAccumulatorValue >= 0 else { throw .value("Invalid initial_accumulator_value value: \(initialAccumulatorValue)") }
        guard eps >= 0 else { throw .value("Invalid epsilon value: \(eps)") }
        self.parameters = parameters
        learningRate = lr
        learningRateDecay = lrDecay
        self.weightDecay = weightDecay
        self.eps = eps
        // PyTorch fills the state when the optimizer is made.
        for p in parameters {
            let key = ObjectIdentifier(p)
            if p.dtype == .float64 {
                doubleStates[key] = AdagradState(sum: filledArray(initialAccumulatorValue, count: p.count))
            } else {
                states[key] = AdagradState(sum: filledArray(Float(initialAccumulatorValue), count: p.count))
            }
        }
    }

    /// PyTorch's single-tensor update: `clr = lr / (1 + (step-1) * lr_decay)`, `sum += g*g`,
    /// `p -= clr * g / (sqrt(sum) + eps)`, in the parameter's dtype.
    public func step() {
        for p in parameters {
            if p.dtype == .float64 {
                update(p, doubleStates[ObjectIdentifier(p)], Double.self)
            } else {
                update(p, states[ObjectIdentifier(p)], Float.self)
            }
        }
    }

    private func update<T: FloatElement>(_ p: Tensor, _ state: AdagradState<T>?, _: T.Type) {
        guard let gradTensor = p.grad, let state else { return }
        let (wd, e) = (T(weightDecay), T(eps))
        var g = T.values(of: gradTensor)
        state.step += 1
        let values = T.values(of: p)
        if wd != 0 { for i in g.indices where i < values.count { g[i] += wd * values[i] } }
        let clr = T(learningRate / (1 + Double(state.step - 1) * learningRateDecay))
        for i in g.indices where i < state.sum.count { state.sum[i] += g[i] * g[i] }
        let sum = state.sum
        p.mutateValues { (v: inout [T]) in
            for i in v.indices where i < g.count && i < sum.count { v[i] += -clr * (g[i] / (sum[i].squareRoot() + e)) }
        }
    }

    /// A parameter's state as PyTorch's `state_dict()` lists it (`step`, `sum`).
    public func state(of p: Tensor) -> [(name: String, values: Tensor)] {
        if let s = doubleStates[ObjectIdentifier(p)] { return [("step", stepTensor(s.step)), ("sum", stateTensor(s.sum, like: p))] }
        guard let s = states[ObjectIdentifier(p)] else { return [] }
        return [("step", stepTensor(s.step)), ("sum", stateTensor(s.sum, like: p))]
    }

    /// Replaces the step count and the accumulated squares.
    public func setState(of parameter: Tensor, _ entries: [String: Tensor]) throws(TensorError) {
        let key = ObjectIdentifier(parameter)
        states[key] = nil
        doubleStates[key] = nil
        guard !entries.isEmpty else { return }
        let step = try stepEntry(entries)
        if parameter.dtype == .float64 {
            doubleStates[key] = AdagradState(sum: try stateEntry(entries, "sum", count: parameter.count), step: step)
        } else {
            states[key] = AdagradState(sum: try stateEntry(entries, "sum", count: parameter.count), step: step)
        }
    }
}

/// One parameter's Adagrad state, in its dtype.
final class AdagradState<T: FloatElement> {
    var step: Int
    var sum: [T]

    init(sum: [T], step: Int = 0) {
        self.sum = sum
        self.step = step
    }
}
