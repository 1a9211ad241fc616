extension Functional {
    /// `F.nll_loss(input, target, ignore_index=-100, reduction="mean")` over log-probabilities
    /// of shape (N, C) or (C,).
    public static func nllLoss(_ input: Tensor, target: Tensor, ignoreIndex: Int64 = -100, reduction: Reduction = .mean) throws(TensorError) -> Tensor {
        guard target.dtype == .int64 else {
            throw .runtime("expected scalar type Long but found \(Tensor.typeWord(target.dtype))")
        }
        guard input.rank == 1 || input.rank == 2 else {
            throw .value("Expected 2 or more dimensions (got \(input.rank))")
        }
        let batched = input.rank == 2
        let n = batched ? input.shape.dims[0] : 1
        let c = input.shape.dims[input.rank - 1]
        if batched {
            guard target.rank == 1, target.shape.dims[0] == n else {
                if target.rank != 1 {
                    throw .runtime("0D or 1D target tensor expected, multi-target not supported")
                }
                throw .value("Expected input batch_size (\(n)) to match target batch_size (\(target.shape.dims[0])).")
            }
        } else {
            guard target.rank == 0 else {
                throw .runtime("0D or 1D target tensor expected, multi-target not supported")
            }
        }
        let labels = target.int64s
        for l in labels where l != ignoreIndex && (l < 0 || l >= c) {
            throw .index("Target \(l) is out of bounds.")
        }
        let x = input.floats
        var losses = [Float](repeating: 0, count: n)
        var weightSum: Float = 0
        for i in 0..<n where labels[i] != ignoreIndex {
            losses[i] = -x[i * c + Int(labels[i])]
            weightSum += 1
        }
        let value: [Float]
        let outShape: Shape
        switch reduction {
        case .none:
            value = losses
            outShape = batched ? Shape([n]) : .scalar
        case .sum:
            value = [losses.reduce(0, +)]
            outShape = .scalar
        case .mean:
            value = [losses.reduce(0, +) / weightSum]
            outShape = .scalar
        }
        let inShape = input.shape
        return Tensor(shape: outShape, floats: value).recording("NllLossBackward0", [input]) { g in
            let gv = g.floats
            var grad = [Float](repeating: 0, count: inShape.count)
            for i in 0..<n where labels[i] != ignoreIndex {
                let scale: Float = switch reduction {
                case .none: gv[i]
                case .sum: gv[0]
                case .mean: gv[0] / weightSum
                }
                grad[i * c + Int(labels[i])] = -scale
            }
            return [Tensor(shape: inShape, floats: grad)]
        }
    }

    /// `F.cross_entropy(input, target, ignore_index=-100, reduction="mean")`: log_softmax then NLL.
    public static func crossEntropy(_ input: Tensor, target: Tensor, ignoreIndex: Int64 = -100, reduction: Reduction = .mean) throws(TensorError) -> Tensor {
        guard input.dtype == .float32 else {
            throw .runtime("\"log_softmax_lastdim_kernel_impl\" not implemented for '\(Tensor.typeWord(input.dtype))'")
        }
        guard input.rank == 1 || input.rank == 2 else {
            throw .value("Expected 2 or more dimensions (got \(input.rank))")
        }
        return try nllLoss(input.logSoftmax(dim: input.rank == 2 ? 1 : 0), target: target, ignoreIndex: ignoreIndex, reduction: reduction)
    }

    /// `F.mse_loss(input, target, reduction="mean")`.
    public static func mseLoss(_ input: Tensor, target: Tensor, reduction: Reduction = .mean) throws(TensorError) -> Tensor {
        let out = try Shape.broadcast(input.shape, target.shape)
        let a = input.floats
        let b = target.floats
        let diff = Kernels.broadcast(a, input.shape, b, target.shape, out: out, -)
        let squares = diff.map { $0 * $0 }
        let n = Float(out.count)
        let value: Tensor = switch reduction {
        case .none: Tensor(shape: out, floats: squares)
        case .sum: Tensor(scalar: squares.reduce(0, +))
        case .mean: Tensor(scalar: squares.reduce(0, +) / n)
        }
        let sa = input.shape
        let sb = target.shape
        let needA = input.requiresGradFlag
        let needB = target.requiresGradFlag
        return value.recording("MseLossBackward0", [input, target]) { g in
            let gv = g.floats
            let d: [Float] = switch reduction {
            case .none: Kernels.zip(diff, gv) { 2 * $0 * $1 }
            case .sum: diff.map { 2 * $0 * gv[0] }
            case .mean: diff.map { 2 * $0 * gv[0] / n }
            }
            return [
                needA ? Tensor(shape: sa, floats: Kernels.sum(d, from: out, to: sa)) : nil,
                needB ? Tensor(shape: sb, floats: Kernels.sum(d.map { -$0 }, from: out, to: sb)) : nil,
            ]
        }
    }
}
