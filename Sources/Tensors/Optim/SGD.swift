/// `torch.optim.SGD(params, lr, momentum=0, dampening=0, weight_decay=0, nesterov=False)`.
public final class SGD: Optimizer {
    /// The parameters updated.
    public let parameters: [Tensor]
    /// Step size.
    public var learningRate: Double
    /// Momentum factor.
    public var momentum: Double
    /// Dampening for momentum.
    public var dampening: Double
    /// L2 penalty added to the gradient.
    public var weightDecay: Double
    /// Whether to use Nesterov momentum.
    public var nesterov: Bool
    private var buffers: [ObjectIdentifier: [Float]] = [:]
    private var doubleBuffers: [ObjectIdentifier: [Double]] = [:]

    /// Creates the optimizer; throws on the arguments PyTorch rejects.
    public init(_ parameters: [Tensor], lr: Double = 0.001, momentum: Double = 0, dampening: Double = 0, weightDecay: Double = 0, nesterov: Bool = false) throws(TensorError) {
        guard !parameters.isEmpty else { throw .value("optimizer got an empty parameter list") }
        guard lr >= 0 else { throw .value("Invalid learning rate: \(lr)") }
        guard momentum >= 0 else { throw .value("Invalid momentum value: \(momentum)") }
        guard weightDecay >= 0 else { throw .value("Invalid weight_decay value: \(weightDecay)") }
        if nesterov && (momentum <= 0 || dampening != 0) {
            throw .value("Nesterov momentum requires a momentum and zero dampening")
        }
        self.parameters = parameters
        learningRate = lr
        self.momentum = momentum
        self.dampening = dampening
        self.weightDecay = weightDecay
        self.nesterov = nesterov
    }

    /// PyTorch's update, op by op: `g = g.add(p, alpha=wd)`, `buf.mul_(m).add_(g, alpha=1-d)`,
    /// `g = g.add(buf, alpha=m)` (Nesterov) or `buf`, `p.add_(g, alpha=-lr)`; each `add` with
    /// `alpha` is one multiply-add, fused where ATen's kernel is (`OptimizerElement`), in the
    /// parameter's dtype.
    public func step() {
        for p in parameters {
            if p.dtype == .float64 {
                update(p, &doubleBuffers, Double.self)
            } else {
                update(p, &buffers, Float.self)
            }
        }
    }

    private func update<T: OptimizerElement>(_ p: Tensor, _ buffers: inout [ObjectIdentifier: [T]], _: T.Type) {
        guard let gradTensor = p.grad else { return }
        let lr = T(-learningRate)
        let wd = T(weightDecay)
        let m = T(momentum)
        let keep = T(1 - dampening)
        var g = T.values(of: gradTensor)
        if wd != 0 { g = T.scaledAdd(wd, T.values(of: p), g) }
        if m != 0 {
            let key = ObjectIdentifier(p)
            if let previous = buffers[key] {
                let buf = T.scaledAdd(keep, g, previous.map { $0 * m })
                buffers[key] = buf
                g = nesterov ? T.scaledAdd(m, buf, g) : buf
            } else {
                buffers[key] = g
                if nesterov { g = T.scaledAdd(m, g, g) }
            }
        }
        let step = g
        p.mutateValues { (v: inout [T]) in
            v.withUnsafeMutableBufferPointer { pv in
                step.withUnsafeBufferPointer { pg in
                    guard let value = pv.baseAddress, let grad = pg.baseAddress else { return }
                    T.scaledAdd(lr, grad, value, into: value, count: Swift.min(pv.count, pg.count))
                }
            }
        }
    }

    /// `momentum_buffer` once the parameter has had a momentum update.
    public func state(of parameter: Tensor) -> [(name: String, values: Tensor)] {
        let key = ObjectIdentifier(parameter)
        if let b = doubleBuffers[key] { return [("momentum_buffer", stateTensor(b, like: parameter))] }
        return buffers[key].map { [("momentum_buffer", stateTensor($0, like: parameter))] } ?? []
    }

    /// Replaces the momentum buffer.
    public func setState(of parameter: Tensor, _ entries: [String: Tensor]) throws(TensorError) {
        let key = ObjectIdentifier(parameter)
        buffers[key] = nil
        doubleBuffers[key] = nil
        guard entries["momentum_buffer"] != nil else { return }
        if parameter.dtype == .float64 {
            doubleBuffers[key] = try stateEntry(entries, "momentum_buffer", count: parameter.count)
        } else {
            buffers[key] = try stateEntry(entries, "momentum_buffer", count: parameter.count)
        }
    }
}
