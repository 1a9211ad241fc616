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

    /// One element's loss, by ATen's CPU formulas, times its weight (1 without `weight=`);
    /// `posWeight` scales BCE with logits' positive term (`pos_weight=`), whose
    /// `log_sigmoid(x)` the caller passes (`logSigmoids`).
    func value<T: FloatElement>(_ x: T, _ y: T, weight: T, posWeight: T?, logSigmoid: T = 0) -> T {
        switch self {
        case .binaryCrossEntropy:
            return unweighted(x, y) * weight
        case .binaryCrossEntropyWithLogits:
            var logSigmoid = logSigmoid
            if let posWeight { logSigmoid = logSigmoid * ((posWeight - 1) * y + 1) }
            return ((1 - y) * x - logSigmoid) * weight
        case .l1, .smoothL1, .huber:
            return unweighted(x, y)
        }
    }

    private func unweighted<T: FloatElement>(_ x: T, _ y: T) -> T {
        switch self {
        case .l1: return Swift.abs(x - y)
        case .smoothL1(let beta):
            let z = Swift.abs(x - y), b = T(beta)
            return b == 0 ? z : z < b ? 0.5 * z * z / b : z - 0.5 * b
        case .huber(let delta):
            let z = Swift.abs(x - y), h = T(delta)
            return z < h ? 0.5 * z * z : h * (z - 0.5 * h)
        case .binaryCrossEntropy:
            return (y - 1) * Swift.max(T.log1p(-x), -100) - y * Swift.max(T.log(x), -100)
        case .binaryCrossEntropyWithLogits:
            return (1 - y) * x - Self.logSigmoids([x])[0]
        }
    }

    /// `log_sigmoid` of each element, `min(x, 0) - log1p(exp(-|x|))`: float32 by ATen's
    /// vectorised kernel (`VectorMath`, Sleef's functions on every lane), float64 with the C
    /// library's functions (ATen's Sleef double ones round differently on some elements).
    static func logSigmoids<T: FloatElement>(_ x: [T]) -> [T] {
        if let floats = x as? [Float], let result = VectorMath.map(VectorMath.logSigmoid, floats) as? [T] { return result }
        return x.map { v in Swift.min(v, 0) - T.log1p(T.exp(-Swift.abs(v))) }
    }

    /// The element's gradient with respect to the input, from the loss's gradient `g` (the
    /// element's, or the reduced loss's), by ATen's backward formulas and in their order: L1
    /// through `mean`'s division then `abs`'s sign; smooth L1, Huber and BCE by their
    /// backward kernels (`norm` is 1/count under `mean`), BCE with logits by its composite
    /// backward (`(sigmoid(x) - y) * g`, then divided by the count).
    func gradient<T: FloatElement>(_ x: T, _ y: T, _ g: T, count: Int, reduction: Reduction, weight: T = 1, posWeight: T? = nil) -> T {
        let mean = reduction == .mean
        let norm = T(mean ? 1 / Double(count) : 1)
        switch self {
        case .l1: return (mean ? g / T(count) : g) * Self.sign(x - y)
        case .smoothL1(let beta):
            let d = x - y, b = T(beta)
            if b == 0 { return ElementwiseLossKind.l1.gradient(x, y, g, count: count, reduction: reduction) }
            return d <= -b ? -norm * g : d >= b ? norm * g : norm * d * g / b
        case .huber(let delta):
            let d = x - y, h = T(delta)
            return d <= -h ? -norm * g * h : d >= h ? norm * g * h : norm * d * g
        case .binaryCrossEntropy:
            // ATen's EPSILON is a float constant: 1e-12 rounded to float32.
            let r = g * (x - y) / Swift.max((1 - x) * x, T(Float(1e-12))) * weight
            return mean ? r / T(count) : r
        case .binaryCrossEntropyWithLogits:
            let sigmoid = 1 / (1 + T.exp(-x))
            var r = sigmoid - y
            if let posWeight {
                let t = posWeight * y
                r = (t + 1 - y) * sigmoid - t
            }
            r = r * g * weight
            return mean ? r / T(count) : r
        }
    }

    static func sign<T: FloatElement>(_ v: T) -> T { v > 0 ? 1 : v < 0 ? -1 : 0 }
}

/// An element-wise loss criterion (`nn.L1Loss()`, `nn.BCELoss()`, ...).
public final class ElementwiseLoss: LossModule {
    /// Which loss.
    public let kind: ElementwiseLossKind
    /// How the element losses combine.
    public let reduction: Reduction
    /// The elements' weights (`weight=` of BCELoss and BCEWithLogitsLoss), if any.
    public let weight: Tensor?
    /// The positive examples' weights (`pos_weight=` of BCEWithLogitsLoss), if any.
    public let posWeight: Tensor?
    /// Training mode flag.
    public var isTraining = true

    /// Creates the loss.
    public init(_ kind: ElementwiseLossKind, reduction: Reduction = .mean, weight: Tensor? = nil, posWeight: Tensor? = nil) {
        self.kind = kind
        self.reduction = reduction
        self.weight = weight
        self.posWeight = posWeight
    }

    /// The same criterion (its settings are all it holds; weights are shared, as a
    /// shallow copy shares them).
    public func copy(_ copier: any ModuleCopier) throws(TensorError) -> any Module {
        inSameMode(ElementwiseLoss(kind, reduction: reduction, weight: weight, posWeight: posWeight))
    }

    /// "L1Loss", "BCELoss", ...
    public var typeName: String { kind.typeName }

    /// The reduced loss of `input` against `target`.
    public func callAsFunction(_ input: Tensor, _ target: Tensor) throws(TensorError) -> Tensor {
        try Functional.elementwiseLoss(kind, input, target: target, reduction: reduction, weight: weight, posWeight: posWeight)
    }
}

extension Functional {
    /// `F.l1_loss`, `F.smooth_l1_loss`, `F.huber_loss`, `F.binary_cross_entropy` and
    /// `F.binary_cross_entropy_with_logits`: the element losses (broadcast where PyTorch
    /// allows it), weighted (`weight` for the BCE losses, `posWeight` for BCE with logits;
    /// neither records a gradient), reduced, as one node named as PyTorch names it.
    public static func elementwiseLoss(
        _ kind: ElementwiseLossKind, _ input: Tensor, target: Tensor, reduction: Reduction = .mean,
        weight: Tensor? = nil, posWeight: Tensor? = nil
    ) throws(TensorError) -> Tensor {
        switch kind {
        case .l1, .smoothL1, .huber:
            if weight != nil || posWeight != nil { throw .other(.notImplementedError, "\(kind.typeName): weight is not supported in Recur (BCELoss and BCEWithLogitsLoss take it)") }
        case .binaryCrossEntropy:
            if posWeight != nil { throw .other(.notImplementedError, "BCELoss has no pos_weight") }
        case .binaryCrossEntropyWithLogits:
            break
        }
        if kind.needsSameSize && input.shape != target.shape {
            if case .binaryCrossEntropy = kind {
                throw .value("Using a target size (\(target.shape.description)) that is different to the input size (\(input.shape.description)) is deprecated. Please ensure they have the same size.")
            }
            throw .value("Target size (\(target.shape.description)) must be the same as input size (\(input.shape.description))")
        }
        if let mixed = try mixedDTypeLoss(kind, input, target: target, reduction: reduction, weight: weight, posWeight: posWeight) {
            return mixed
        }
        let floats: Set<DType> = [.float32, .float64]
        // Only BCE reaches here with operands other than one float dtype: ATen's kernel wants
        // the target in the input's dtype, and a float one.
        guard input.dtype == target.dtype else {
            throw .runtime("Found dtype \(Tensor.typeName(target.dtype)) but expected \(Tensor.typeName(input.dtype))")
        }
        guard floats.contains(input.dtype) else { throw notImplemented("binary_cross_entropy", input.dtype) }
        if case .binaryCrossEntropy = kind, target.requiresGradFlag {
            throw .other(.notImplementedError, "the derivative of BCELoss with respect to its target is not supported in Recur")
        }
        if case .binaryCrossEntropyWithLogits = kind, target.requiresGradFlag {
            throw .other(.notImplementedError, "the derivative of BCEWithLogitsLoss with respect to its target is not supported in Recur")
        }
        let weights = (weight, posWeight)
        return input.dtype == .float64
            ? try elementwiseLoss(kind, input, target: target, reduction: reduction, weights, Double.self)
            : try elementwiseLoss(kind, input, target: target, reduction: reduction, weights, Float.self)
    }

    private static func elementwiseLoss<T: FloatElement>(
        _ kind: ElementwiseLossKind, _ input: Tensor, target: Tensor, reduction: Reduction,
        _ weights: (weight: Tensor?, posWeight: Tensor?), _: T.Type
    ) throws(TensorError) -> Tensor {
        let out = try Shape.broadcast(input.shape, target.shape)
        let x = T.values(of: input.shape == out ? input : try input.expand(out.dims))
        let y = T.values(of: target.shape == out ? target : try target.expand(out.dims))
        if case .binaryCrossEntropy = kind {
            // ATen checks each element's input, then its target, in order.
            for (a, b) in zip(x, y) {
                guard a >= 0 && a <= 1 else { throw .runtime("all elements of input should be between 0 and 1") }
                guard b >= 0 && b <= 1 else { throw .runtime("all elements of target should be between 0 and 1") }
            }
        }
        // pos_weight meets the target first ((pos_weight - 1) * target), then the input.
        if let posWeight = weights.posWeight { _ = try Shape.broadcast(posWeight.shape, target.shape) }
        let w = try weights.weight.map { (t) throws(TensorError) in T.values(of: try t.broadcastInPlace(to: out)) }
        let pw = try weights.posWeight.map { (t) throws(TensorError) in T.values(of: try t.broadcastInPlace(to: out)) }
        var losses = filledArray(T(0), count: x.count)
        let logSigmoid: [T] = if case .binaryCrossEntropyWithLogits = kind { ElementwiseLossKind.logSigmoids(x) } else { [] }
        for i in losses.indices {
            losses[i] = kind.value(x[i], y[i], weight: w?[i] ?? 1, posWeight: pw?[i], logSigmoid: i < logSigmoid.count ? logSigmoid[i] : 0)
        }
        let value: Tensor = switch reduction {
        case .none: Tensor(shape: out, values: losses)
        case .sum: Tensor(shape: .scalar, values: [CascadeSum.total(losses)])
        case .mean: Tensor(shape: .scalar, values: [CascadeSum.total(losses) / T(out.count)])
        }
        let (inputShape, targetShape) = (input.shape, target.shape)
        let (needInput, needTarget) = (input.requiresGradFlag, target.requiresGradFlag)
        return value.recording(kind.nodeName(reduction), [input, target]) { g in
            let gv = T.values(of: g)
            var d = filledArray(T(0), count: x.count)
            for i in d.indices {
                let upstream = reduction == .none ? (i < gv.count ? gv[i] : 0) : gv.first ?? 0
                d[i] = kind.gradient(x[i], y[i], upstream, count: out.count, reduction: reduction, weight: w?[i] ?? 1, posWeight: pw?[i])
            }
            // L1, smooth L1 and Huber depend on input - target only.
            return [
                needInput ? Tensor(shape: inputShape, values: Kernels.sum(d, from: out, to: inputShape)) : nil,
                needTarget ? Tensor(shape: targetShape, values: Kernels.sum(d.map { -$0 }, from: out, to: targetShape)) : nil,
            ]
        }
    }
}

extension Tensor {
    /// This tensor expanded to `shape` as an in-place operation into a tensor of that shape
    /// broadcasts it (`loss.mul_(weight)`), with ATen's errors when it cannot.
    fileprivate func broadcastInPlace(to shape: Shape) throws(TensorError) -> Tensor {
        let own = self.shape.dims, dims = shape.dims
        guard own.count <= dims.count else {
            let broadcast = try Shape.broadcast(self.shape, shape)
            throw .runtime("output with shape \(shape.listDescription) doesn't match the broadcast shape \(broadcast.listDescription)")
        }
        for k in stride(from: own.count, to: 0, by: -1) {
            let (size, target) = (own[own.count - k], dims[dims.count - k])
            if size != target && size != 1 {
                throw .runtime("Attempting to broadcast a dimension of length \(size) at -\(k)! Mismatching argument at index 1 had \(self.shape.description); but expected shape should be broadcastable to \(shape.listDescription)")
            }
        }
        return try expand(dims)
    }
}
