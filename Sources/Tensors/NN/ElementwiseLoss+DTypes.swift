extension Functional {
    /// The element-wise losses of operands that are not both float32 or both float64, as
    /// PyTorch computes them: L1 subtracts in the promoted dtype (integers as `abs(input -
    /// target)`, so only `mean` fails); smooth L1 and MSE compute in the promoted dtype, which
    /// must be floating; Huber computes in the promoted dtype into a result of the input's
    /// (and its backward refuses the mix, as ATen's does); BCE with logits computes into the
    /// target's dtype. Nil when the operands share a float dtype (or for BCE, which refuses
    /// every mix) and the caller's own path applies.
    static func mixedDTypeLoss(
        _ kind: ElementwiseLossKind, _ input: Tensor, target: Tensor, reduction: Reduction, weight: Tensor?, posWeight: Tensor?
    ) throws(TensorError) -> Tensor? {
        let (i, t) = (input.dtype, target.dtype)
        if i == t && i.isFloatingPoint { return nil }
        let common = DType.promoted(i, t)
        switch kind {
        case .binaryCrossEntropy:
            return nil
        case .l1, .smoothL1(beta: 0):
            // F.smooth_l1_loss with beta 0 is l1_loss, which is `(input - target).abs()` reduced.
            try Tensor.checkOperands(.sub, i, t)
            if common.isFloatingPoint {
                return try elementwiseLoss(kind, input.to(common), target: target.to(common), reduction: reduction, weight: weight, posWeight: posWeight)
            }
            let errors = try input.arithmetic(.sub, target).abs()
            switch reduction {
            case .none: return errors
            case .sum: return errors.sum()
            case .mean: throw Tensor.meanDTypeError(common)
            }
        case .smoothL1:
            guard common.isFloatingPoint else { throw notImplemented("smooth_l1_cpu", common) }
            return try elementwiseLoss(kind, input.to(common), target: target.to(common), reduction: reduction, weight: weight, posWeight: posWeight)
        case .huber(let delta):
            return try mixedHuber(delta: delta, input, target: target, common: common, reduction: reduction)
        case .binaryCrossEntropyWithLogits:
            return try mixedLogits(input, target: target, common: common, reduction: reduction, weighted: weight != nil || posWeight != nil)
        }
    }

    /// `mse_loss` of operands whose promoted dtype is not floating: ATen's kernel refuses it.
    static func checkMSEDTypes(_ input: Tensor, _ target: Tensor) throws(TensorError) {
        let common = DType.promoted(input.dtype, target.dtype)
        guard common.isFloatingPoint else { throw notImplemented("mse_cpu", common) }
    }

    /// ATen's dispatch error for a kernel without a `dtype` version.
    static func notImplemented(_ kernel: String, _ dtype: DType) -> TensorError {
        .other(.notImplementedError, "\"\(kernel)\" not implemented for '\(dtype.scalarTypeName)'")
    }

    /// c10's `canCast`: floating to integral, and anything but bool to bool, are refused.
    static func canCast(_ from: DType, to: DType) -> Bool {
        if from.isFloatingPoint && !to.isFloatingPoint { return false }
        return from == .bool || to != .bool
    }

    static func castError(_ from: DType, _ to: DType) -> TensorError {
        .runtime("result type \(from.scalarTypeName) can't be cast to the desired output type \(to.scalarTypeName)")
    }

    /// `huber_loss` into `empty_like(input)`: the element losses in the promoted dtype, rounded
    /// to the input's, then reduced in it. Its backward kernel requires one dtype throughout,
    /// so a backward pass through the result raises ATen's error.
    private static func mixedHuber(
        delta: Double, _ input: Tensor, target: Tensor, common: DType, reduction: Reduction
    ) throws(TensorError) -> Tensor {
        let (i, t) = (input.dtype, target.dtype)
        guard canCast(common, to: i) else { throw castError(common, i) }
        guard common.isFloatingPoint else { throw notImplemented("huber_cpu", common) }
        let out = try Shape.broadcast(input.shape, target.shape)
        let x = try input.expandedValues(out), y = try target.expandedValues(out)
        let kind = ElementwiseLossKind.huber(delta: delta)
        let losses: TensorStorage = common == .float64
            ? .float64(zip(x, y).map { kind.value($0, $1, weight: 1, posWeight: nil) })
            : .float32(zip(x, y).map { kind.value(Float($0), Float($1), weight: 1, posWeight: nil) })
        let loss = Tensor(shape: out, storage: losses.converted(to: i))
        let value = try reduced(loss, reduction)
        return value.recordingFunction("HuberLossBackward0", [input, target]) { _ throws(TensorError) in
            throw .runtime("Found dtype \(t.scalarTypeName) but expected \(i.scalarTypeName)")
        }
    }

    /// `binary_cross_entropy_with_logits` of a float input and a target of the other float
    /// dtype, in ATen's steps: `log_sigmoid(input)` in the input's dtype, then `(1 - target)
    /// .mul_(input).sub_(log_sigmoid)` in place in the target's dtype (each step computed in
    /// double and rounded to it), reduced in the target's dtype. The input's gradient is
    /// `sigmoid(input).sub_(target).mul_(grad)` in the input's dtype (a reduced loss's 0-dim
    /// gradient converted to it first, as a 0-dim operand does not promote), divided by the
    /// count under `mean`.
    private static func mixedLogits(
        _ input: Tensor, target: Tensor, common: DType, reduction: Reduction, weighted: Bool
    ) throws(TensorError) -> Tensor {
        let (i, t) = (input.dtype, target.dtype)
        guard i.isFloatingPoint else { throw notImplemented("log_sigmoid_cpu", i) }
        if t == .bool { try Tensor.checkOperands(.sub, .bool, .bool) }
        guard canCast(common, to: t) else { throw castError(common, t) }
        if weighted {
            throw .other(.notImplementedError, "BCEWithLogitsLoss with weight or pos_weight of a \(i) input and a \(t) target is not supported in Recur; give both the same dtype")
        }
        if target.requiresGradFlag {
            throw .other(.notImplementedError, "the derivative of BCEWithLogitsLoss with respect to its target is not supported in Recur")
        }
        return i == .float32
            ? try mixedLogits(input, target: target, reduction: reduction, Float.self, Double.self)
            : try mixedLogits(input, target: target, reduction: reduction, Double.self, Float.self)
    }

    private static func mixedLogits<I: FloatElement, T: FloatElement>(
        _ input: Tensor, target: Tensor, reduction: Reduction, _: I.Type, _: T.Type
    ) throws(TensorError) -> Tensor {
        let x = I.values(of: input), y = T.values(of: target)
        var losses = filledArray(T(0), count: x.count)
        let logSigmoid = ElementwiseLossKind.logSigmoids(x)
        for k in losses.indices {
            let scaled = T(Double(1 - y[k]) * Double(x[k]))
            losses[k] = T(Double(scaled) - Double(logSigmoid[k]))
        }
        let loss = Tensor(shape: target.shape, storage: T.storage(losses))
        let value = try reduced(loss, reduction)
        let count = x.count
        return value.recording(ElementwiseLossKind.binaryCrossEntropyWithLogits.nodeName(reduction), [input, target]) { g in
            let gv = T.values(of: g)
            var d = filledArray(I(0), count: count)
            for k in d.indices {
                let sigmoid = 1 / (1 + I.exp(-x[k]))
                var r = I(Double(sigmoid) - Double(y[k]))
                r = reduction == .none ? I(Double(r) * Double(k < gv.count ? gv[k] : 0)) : r * I(Double(gv.first ?? 0))
                d[k] = reduction == .mean ? r / I(count) : r
            }
            return [Tensor(shape: input.shape, values: d), nil]
        }
    }

    /// ATen's `apply_loss_reduction`: the loss itself, its sum or its mean.
    static func reduced(_ loss: Tensor, _ reduction: Reduction) throws(TensorError) -> Tensor {
        switch reduction {
        case .none: loss
        case .sum: loss.sum()
        case .mean: try loss.mean()
        }
    }
}

extension Tensor {
    /// The elements broadcast to `shape`, as doubles (exact for every dtype Recur has, int64
    /// values up to 2^53).
    fileprivate func expandedValues(_ shape: Shape) throws(TensorError) -> [Double] {
        (self.shape == shape ? self : try GradMode.withoutGrad { () throws(TensorError) in try expand(shape.dims) }).doubles
    }
}
