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
    private var states: [ObjectIdentifier: RMSpropState<Float>] = [:]
    private var doubleStates: [ObjectIdentifier: RMSpropState<Double>] = [:]

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
    /// with momentum `buf = m*buf + g/avg`, `p -= lr*buf`, else `p -= lr * g/avg`. float32
    /// parameters take PyTorch's float32 scalars, float64 ones its doubles.
    public func step() {
        for p in parameters where p.grad != nil {
            if p.dtype == .float64 {
                update(p, &doubleStates, Double.self)
            } else {
                update(p, &states, Float.self)
            }
        }
    }

    private func update<T: FloatElement>(_ p: Tensor, _ states: inout [ObjectIdentifier: RMSpropState<T>], _: T.Type) {
        guard let gradTensor = p.grad else { return }
        let (a, oneMinusA, e, wd, m, lr) = (T(alpha), T(1 - alpha), T(eps), T(weightDecay), T(momentum), T(learningRate))
        var g = T.values(of: gradTensor)
        let key = ObjectIdentifier(p)
        let state = states[key] ?? RMSpropState<T>(count: g.count)
        states[key] = state
        state.step += 1
        let values = T.values(of: p)
        if wd != 0 { for i in g.indices where i < values.count { g[i] += wd * values[i] } }
        var avg = filledArray(T(0), count: g.count)
        for i in g.indices where i < state.squareAverage.count {
            state.squareAverage[i] = state.squareAverage[i] * a + oneMinusA * g[i] * g[i]
        }
        if centered {
            if state.gradAverage == nil { state.gradAverage = filledArray(T(0), count: g.count) }
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
            var buffer = state.momentumBuffer ?? filledArray(T(0), count: g.count)
            for i in g.indices where i < buffer.count { buffer[i] = buffer[i] * m + g[i] / avg[i] }
            state.momentumBuffer = buffer
            p.mutateValues { (v: inout [T]) in for i in v.indices where i < buffer.count { v[i] += -lr * buffer[i] } }
        } else {
            p.mutateValues { (v: inout [T]) in for i in v.indices where i < g.count { v[i] += -lr * (g[i] / avg[i]) } }
        }
    }

    /// A parameter's state as PyTorch's `state_dict()` lists it; empty before its first update.
    public func state(of p: Tensor) -> [(name: String, values: Tensor)] {
        if let s = doubleStates[ObjectIdentifier(p)] { return entries(s, p) }
        return states[ObjectIdentifier(p)].map { entries($0, p) } ?? []
    }

    private func entries<T: FloatElement>(_ s: RMSpropState<T>, _ p: Tensor) -> [(name: String, values: Tensor)] {
        var result = [("step", stepTensor(s.step)), ("square_avg", stateTensor(s.squareAverage, like: p))]
        if let b = s.momentumBuffer { result.append(("momentum_buffer", stateTensor(b, like: p))) }
        if let g = s.gradAverage { result.append(("grad_avg", stateTensor(g, like: p))) }
        return result
    }

    /// Replaces the step count and averages.
    public func setState(of parameter: Tensor, _ entries: [String: Tensor]) throws(TensorError) {
        let key = ObjectIdentifier(parameter)
        states[key] = nil
        doubleStates[key] = nil
        guard !entries.isEmpty else { return }
        if parameter.dtype == .float64 {
            doubleStates[key] = try loaded(parameter, entries)
        } else {
            states[key] = try loaded(parameter, entries)
        }
    }

    private func loaded<T: FloatElement>(_ parameter: Tensor, _ entries: [String: Tensor]) throws(TensorError) -> RMSpropState<T> {
        let n = parameter.count
        let s = RMSpropState<T>(count: n)
        s.step = try stepEntry(entries)
        s.squareAverage = try stateEntry(entries, "square_avg", count: n)
        if entries["momentum_buffer"] != nil { s.momentumBuffer = try stateEntry(entries, "momentum_buffer", count: n) }
        if entries["grad_avg"] != nil { s.gradAverage = try stateEntry(entries, "grad_avg", count: n) }
        return s
    }
}

/// One parameter's RMSprop state, in its dtype.
final class RMSpropState<T: FloatElement> {
    var step = 0
    var squareAverage: [T]
    var momentumBuffer: [T]?
    var gradAverage: [T]?

    init(count: Int) { squareAverage = filledArray(T(0), count: count) }
}
