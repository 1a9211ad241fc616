/// `torch.optim.RMSprop(params, lr=0.01, alpha=0.99, eps=1e-8, weight_decay=0, momentum=0,
/// centered=False)`.
public final class RMSprop: Optimizer {
    /// The parameters updated.
    public let parameters: [Tensor]
    /// Step size.
    public var learningRate: Double
    /// Smoothing constant of the squared-gradient average.
    public var alpha: Double
    /// Added to the denominator for stability.
    public var eps: Double
    /// L2 penalty added to the gradient.
    public var weightDecay: Double
    /// Momentum factor.
    public var momentum: Double
    /// Whether the gradient is normalised by its estimated variance (the average subtracted).
    public var centered: Bool
    private var states: [ObjectIdentifier: RMSpropState] = [:]

    /// Creates the optimizer; throws on the arguments PyTorch rejects.
    public init(
        _ parameters: [Tensor], lr: Double = 0.01, alpha: Double = 0.99, eps: Double = 1e-8, weightDecay: Double = 0,
        momentum: Double = 0, centered: Bool = false
    ) throws(TensorError) {
        guard !parameters.isEmpty else { throw .value("optimizer got an empty parameter list") }
        guard lr >= 0 else { throw .value("Invalid learning rate: \(lr)") }
        guard eps >= 0 else { throw .value("Invalid epsilon value: \(eps)") }
        guard momentum >= 0 else { throw .value("Invalid momentum value: \(momentum)") }
        guard weightDecay >= 0 else { throw .value("Invalid weight_decay value: \(weightDecay)") }
        guard alpha >= 0 else { throw .value("Invalid alpha value: \(alpha)") }
        self.parameters = parameters
        learningRate = lr
        self.alpha = alpha
        self.eps = eps
        self.weightDecay = weightDecay
        self.momentum = momentum
        self.centered = centered
    }

    /// PyTorch's single-tensor update: `sq = alpha*sq + (1-alpha)*g*g`, centred `ga =
    /// lerp(ga, g, 1-alpha)` and `avg = sqrt(sq - ga*ga)`, else `avg = sqrt(sq)`; `avg += eps`;
    /// with momentum `buf = m*buf + g/avg`, `p -= lr*buf`, else `p -= lr * g/avg`.
    public func step() {
        let (a, oneMinusA, e, wd, m, lr) = (Float(alpha), Float(1 - alpha), Float(eps), Float(weightDecay), Float(momentum), Float(learningRate))
        for p in parameters {
            guard let gradTensor = p.grad else { continue }
            var g = gradTensor.floats
            let key = ObjectIdentifier(p)
            let state = states[key] ?? RMSpropState(count: g.count)
            states[key] = state
            state.step += 1
            let values = p.floats
            if wd != 0 { for i in g.indices where i < values.count { g[i] += wd * values[i] } }
            var avg = filledArray(Float(0), count: g.count)
            for i in g.indices where i < state.squareAverage.count {
                state.squareAverage[i] = state.squareAverage[i] * a + oneMinusA * g[i] * g[i]
            }
            if centered {
                if state.gradAverage == nil { state.gradAverage = filledArray(Float(0), count: g.count) }
                for i in g.indices {
                    let ga = state.gradAverage?[i] ?? 0
                    let updated = oneMinusA < 0.5 ? ga + oneMinusA * (g[i] - ga) : g[i] - (g[i] - ga) * (1 - oneMinusA)
                    state.gradAverage?[i] = updated
                    avg[i] = (state.squareAverage[i] + -1 * updated * updated).squareRoot() + e
                }
            } else {
                for i in g.indices { avg[i] = state.squareAverage[i].squareRoot() + e }
            }
            if m > 0 {
                var buffer = state.momentumBuffer ?? filledArray(Float(0), count: g.count)
                for i in g.indices where i < buffer.count { buffer[i] = buffer[i] * m + g[i] / avg[i] }
                state.momentumBuffer = buffer
                p.mutateFloats { v in for i in v.indices where i < buffer.count { v[i] += -lr * buffer[i] } }
            } else {
                p.mutateFloats { v in for i in v.indices where i < g.count { v[i] += -lr * (g[i] / avg[i]) } }
            }
        }
    }

    /// A parameter's state as PyTorch's `state_dict()` lists it; empty before its first update.
    public func state(of p: Tensor) -> [(name: String, values: [Float])] {
        guard let s = states[ObjectIdentifier(p)] else { return [] }
        var result: [(name: String, values: [Float])] = [("step", [Float(s.step)]), ("square_avg", s.squareAverage)]
        if let b = s.momentumBuffer { result.append(("momentum_buffer", b)) }
        if let g = s.gradAverage { result.append(("grad_avg", g)) }
        return result
    }

    /// Replaces the step count and averages.
    public func setState(of parameter: Tensor, _ entries: [String: [Float]]) throws(TensorError) {
        guard !entries.isEmpty else {
            states[ObjectIdentifier(parameter)] = nil
            return
        }
        let n = parameter.count
        let s = RMSpropState(count: n)
        s.step = try stepEntry(entries)
        s.squareAverage = try stateEntry(entries, "square_avg", count: n)
        if entries["momentum_buffer"] != nil { s.momentumBuffer = try stateEntry(entries, "momentum_buffer", count: n) }
        if entries["grad_avg"] != nil { s.gradAverage = try stateEntry(entries, "grad_avg", count: n) }
        states[ObjectIdentifier(parameter)] = s
    }
}

/// One parameter's RMSprop state.
final class RMSpropState {
    var step = 0
    var squareAverage: [Float]
    var momentumBuffer: [Float]?
    var gradAverage: [Float]?

    init(count: Int) { squareAverage = filledArray(Float(0), count: count) }
}
