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
    /// `alpha` is one multiply-add, fused where ATen's kernel is (`VectorMath.scaledAdd`).
    public func step() {
        let lr = Float(-learningRate)
        let wd = Float(weightDecay)
        let m = Float(momentum)
        let keep = Float(1 - dampening)
        for p in parameters {
            guard let gradTensor = p.grad else { continue }
            var g = gradTensor.floats
            if wd != 0 { g = VectorMath.scaledAdd(wd, p.floats, g) }
            if m != 0 {
                let key = ObjectIdentifier(p)
                if let previous = buffers[key] {
                    let buf = VectorMath.scaledAdd(keep, g, previous.map { $0 * m })
                    buffers[key] = buf
                    g = nesterov ? VectorMath.scaledAdd(m, buf, g) : buf
                } else {
                    buffers[key] = g
                    if nesterov { g = VectorMath.scaledAdd(m, g, g) }
                }
            }
            let step = g
            p.mutateFloats { v in
                v.withUnsafeMutableBufferPointer { pv in
                    step.withUnsafeBufferPointer { pg in
                        guard let value = pv.baseAddress, let grad = pg.baseAddress else { return }
                        VectorMath.scaledAdd(lr, grad, value, into: value, count: Swift.min(pv.count, pg.count))
                    }
                }
            }
        }
    }

    /// `momentum_buffer` once the parameter has had a momentum update.
    public func state(of parameter: Tensor) -> [(name: String, values: [Float])] {
        buffers[ObjectIdentifier(parameter)].map { [("momentum_buffer", $0)] } ?? []
    }

    /// Replaces the momentum buffer.
    public func setState(of parameter: Tensor, _ entries: [String: [Float]]) throws(TensorError) {
        guard entries["momentum_buffer"] != nil else {
            buffers[ObjectIdentifier(parameter)] = nil
            return
        }
        buffers[ObjectIdentifier(parameter)] = try stateEntry(entries, "momentum_buffer", count: parameter.count)
    }
}
