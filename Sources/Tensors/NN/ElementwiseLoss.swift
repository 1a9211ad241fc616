import Glibc

/// The losses that score each element on its own and then reduce: `nn.L1Loss`,
/// `nn.SmoothL1Loss(beta)`, `nn.HuberLoss(delta)`, `nn.BCELoss` and `nn.BCEWithLogitsLoss`,
/// with ATen's CPU formulas and gradients.
public enum ElementwiseLossKind: Sendable {
    case l1
    case smoothL1(beta: Double)
    case huber(delta: Double)
    case binaryCrossEntropy
    case binaryCrossEntropyWithLogits

    /// The PyTorch class name.
    public var typeName: String {
        switch self {
        case .l1: "L1Loss"
        case .smoothL1: "SmoothL1Loss"
        case .huber: "HuberLoss"
        case .binaryCrossEntropy: "BCELoss"
        case .binaryCrossEntropyWithLogits: "BCEWithLogitsLoss"
        }
    }

    /// The `grad_fn` PyTorch gives the loss: L1 (and smooth L1 with beta 0) is composed of
    /// `abs` and the reduction there.
    func nodeName(_ reduction: Reduction) -> String {
        let l1Name = switch reduction {
        case .mean: "MeanBackward0"
        case .sum: "SumBackward0"
        case .none: "AbsBackward0"
        }
        return switch self {
        case .l1: l1Name
        case .smoothL1(let beta): beta == 0 ? l1Name : "SmoothL1LossBackward0"
        case .huber: "HuberLossBackward0"
        case .binaryCrossEntropy: "BinaryCrossEntropyBackward0"
        case .binaryCrossEntropyWithLogits: "BinaryCrossEntropyWithLogitsBackward0"
        }
    }

    /// Whether input and target must have the same size (PyTorch refuses broadcasting).
    public var needsSameSize: Bool {
        switch self {
        case .l1, .smoothL1, .huber: false
        case .binaryCrossEntropy, .binaryCrossEntropyWithLogits: true
        }
    }

    /// One element's loss.
    func value(_ x: Float, _ y: Float) -> Float {
        switch self {
        case .l1: return Swift.abs(x - y)
        case .smoothL1(let beta):
            let d = x - y, z = Swift.abs(d), b = Float(beta)
            return b == 0 ? z : z < b ? 0.5 * d * d / b : z - 0.5 * b
        case .huber(let delta):
            let d = x - y, z = Swift.abs(d), h = Float(delta)
            return z < h ? 0.5 * d * d : h * (z - 0.5 * h)
        case .binaryCrossEntropy:
            return (y - 1) * Swift.max(log1pf(-x), -100) - y * Swift.max(logf(x), -100)
        case .binaryCrossEntropyWithLogits:
            let logSigmoid = Swift.min(x, 0) - log1pf(expf(-Swift.abs(x)))
            return (1 - y) * x - logSigmoid
        }
    }

    /// The element's derivative with respect to the input.
    func derivative(_ x: Float, _ y: Float) -> Float {
        switch self {
        case .l1: return Self.sign(x - y)
        case .smoothL1(let beta):
            let d = x - y, b = Float(beta)
            return b != 0 && Swift.abs(d) < b ? d / b : Self.sign(d)
        case .huber(let delta):
            let d = x - y, h = Float(delta)
            return Swift.abs(d) < h ? d : h * Self.sign(d)
        case .binaryCrossEntropy:
            return (x - y) / Swift.max((1 - x) * x, 1e-12)
        case .binaryCrossEntropyWithLogits:
            return 1 / (1 + expf(-x)) - y
        }
    }

    static func sign(_ v: Float) -> Float { v > 0 ? 1 : v < 0 ? -1 : 0 }
}

/// An element-wise loss criterion (`nn.L1Loss()`, `nn.BCELoss()`, ...).
public final class ElementwiseLoss: LossModule {
    /// Which loss.
    public let kind: ElementwiseLossKind
    /// How the element losses combine.
    public let reduction: Reduction
    /// Training mode flag.
    public var isTraining = true

    /// Creates the loss.
    public init(_ kind: ElementwiseLossKind, reduction: Reduction = .mean) {
        self.kind = kind
        self.reduction = reduction
    }

    /// The same criterion (its settings are all it holds).
    public func copy(_ copier: any ModuleCopier) throws(TensorError) -> any Module {
        inSameMode(ElementwiseLoss(kind, reduction: reduction))
    }

    /// "L1Loss", "BCELoss", ...
    public var typeName: String { kind.typeName }

    /// The reduced loss of `input` against `target`.
    public func callAsFunction(_ input: Tensor, _ target: Tensor) throws(TensorError) -> Tensor {
        try Functional.elementwiseLoss(kind, input, target: target, reduction: reduction)
    }
}

extension Functional {
    /// `F.l1_loss`, `F.smooth_l1_loss`, `F.huber_loss`, `F.binary_cross_entropy` and
    /// `F.binary_cross_entropy_with_logits`: the element losses (broadcast where PyTorch
    /// allows it), reduced, as one node named as PyTorch names it.
    public static func elementwiseLoss(
        _ kind: ElementwiseLossKind, _ input: Tensor, target: Tensor, reduction: Reduction = .mean
    ) throws(TensorError) -> Tensor {
        if kind.needsSameSize && input.shape != target.shape {
            if case .binaryCrossEntropy = kind {
                throw .value("Using a target size (\(target.shape.description)) that is different to the input size (\(input.shape.description)) is deprecated. Please ensure they have the same size.")
            }
            throw .value("Target size (\(target.shape.description)) must be the same as input size (\(input.shape.description))")
        }
        if input.dtype == .float64 && target.dtype == .float64 {
            throw .other(.notImplementedError, "\(kind.typeName) on torch.float64 tensors is not supported in Recur, which computes it in float32 (mse_loss, nll_loss and cross_entropy take float64)")
        }
        guard input.dtype == .float32, target.dtype == .float32 else {
            throw .runtime("Found dtype \(Tensor.typeName(target.dtype == .float32 ? input.dtype : target.dtype)) but expected Float")
        }
        if case .binaryCrossEntropy = kind, target.requiresGradFlag {
            throw .other(.notImplementedError, "the derivative of BCELoss with respect to its target is not supported in Recur")
        }
        if case .binaryCrossEntropyWithLogits = kind, target.requiresGradFlag {
            throw .other(.notImplementedError, "the derivative of BCEWithLogitsLoss with respect to its target is not supported in Recur")
        }
        let out = try Shape.broadcast(input.shape, target.shape)
        let x = input.shape == out ? input.floats : try input.expand(out.dims).floats
        let y = target.shape == out ? target.floats : try target.expand(out.dims).floats
        if case .binaryCrossEntropy = kind, x.contains(where: { !($0 >= 0 && $0 <= 1) }) {
            throw .runtime("all elements of input should be between 0 and 1")
        }
        var losses = filledArray(Float(0), count: x.count)
        for i in losses.indices { losses[i] = kind.value(x[i], y[i]) }
        let n = Float(out.count)
        let value: Tensor = switch reduction {
        case .none: Tensor(shape: out, floats: losses)
        case .sum: Tensor(scalar: CascadeSum.total(losses))
        case .mean: Tensor(scalar: CascadeSum.total(losses) / n)
        }
        let (inputShape, targetShape) = (input.shape, target.shape)
        let (needInput, needTarget) = (input.requiresGradFlag, target.requiresGradFlag)
        return value.recording(kind.nodeName(reduction), [input, target]) { g in
            let gv = g.floats
            var d = filledArray(Float(0), count: x.count)
            for i in d.indices {
                let scale: Float = switch reduction {
                case .none: i < gv.count ? gv[i] : 0
                case .sum: gv.first ?? 0
                case .mean: (gv.first ?? 0) / n
                }
                d[i] = kind.derivative(x[i], y[i]) * scale
            }
            // L1, smooth L1 and Huber depend on input - target only.
            return [
                needInput ? Tensor(shape: inputShape, floats: Kernels.sum(d, from: out, to: inputShape)) : nil,
                needTarget ? Tensor(shape: targetShape, floats: Kernels.sum(d.map { -$0 }, from: out, to: targetShape)) : nil,
            ]
        }
    }
}
