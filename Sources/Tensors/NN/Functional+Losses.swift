import Glibc

extension Functional {
    /// `F.nll_loss(input, target, ignore_index=-100, reduction="mean")` over log-probabilities
    /// of shape (N, C), (C,) or (N, C, d1, ..., dk).
    public static func nllLoss(_ input: Tensor, target: Tensor, ignoreIndex: Int64 = -100, reduction: Reduction = .mean) throws(TensorError) -> Tensor {
        if input.rank >= 3 {
            return try overPositions(input, target: target, reduction: reduction) { rows, labels throws(TensorError) in
                try nllLossRows(rows, target: labels, ignoreIndex: ignoreIndex, reduction: reduction, name: "NllLoss2DBackward0")
            }
        }
        return try nllLossRows(input, target: target, ignoreIndex: ignoreIndex, reduction: reduction, name: "NllLossBackward0")
    }

    static func nllLossRows(_ input: Tensor, target: Tensor, ignoreIndex: Int64, reduction: Reduction, name: String) throws(TensorError) -> Tensor {
        let targets = try NLLTargets(input: input, target: target, ignoreIndex: ignoreIndex, reduction: reduction)
        if input.dtype == .float64 { return nllLossRows(input, targets, name: name, Double.self) }
        return nllLossRows(input, targets, name: name, Float.self)
    }

    private static func nllLossRows<T: FloatElement>(_ input: Tensor, _ targets: NLLTargets, name: String, _: T.Type) -> Tensor {
        let (value, outShape) = targets.loss(T.values(of: input))
        guard Tensor.needsGraph(input) else { return Tensor(shape: outShape, values: value) }
        let inShape = input.shape
        return Tensor(shape: outShape, values: value).recording(name, [input]) { g in
            [Tensor(shape: inShape, values: targets.gradient(T.values(of: g), count: inShape.count))]
        }
    }

    /// `F.cross_entropy(input, target, ignore_index=-100, reduction="mean")` over scores of
    /// shape (N, C), (C,) or (N, C, d1, ..., dk): log_softmax then NLL, recorded as one node that applies both backward rules in the same arithmetic as
    /// the two separate ones.
    public static func crossEntropy(_ input: Tensor, target: Tensor, ignoreIndex: Int64 = -100, reduction: Reduction = .mean) throws(TensorError) -> Tensor {
        if input.dtype == .float64 {
            // PyTorch's own composition: log_softmax over the class dimension, then NLL.
            guard input.rank > 0 else { throw .value("Expected 2 or more dimensions (got 0)") }
            return try nllLoss(try input.logSoftmax(dim: input.rank == 1 ? 0 : 1), target: target, ignoreIndex: ignoreIndex, reduction: reduction)
        }
        guard input.dtype == .float32 else {
            throw .runtime("\"log_softmax_lastdim_kernel_impl\" not implemented for '\(Tensor.typeWord(input.dtype))'")
        }
        if input.rank >= 3 {
            return try overPositions(input, target: target, reduction: reduction) { rows, labels throws(TensorError) in
                try crossEntropyRows(rows, target: labels, ignoreIndex: ignoreIndex, reduction: reduction, name: "NllLoss2DBackward0")
            }
        }
        return try crossEntropyRows(input, target: target, ignoreIndex: ignoreIndex, reduction: reduction, name: "NllLossBackward0")
    }

    /// Scores of (N, C, d1, ..., dk) against targets of (N, d1, ..., dk), as PyTorch's
    /// K-dimensional losses take them: the classes moved last, one row per position, then
    /// `rowsLoss` over the rows; an unreduced loss comes back in the targets' shape.
    static func overPositions(
        _ input: Tensor, target: Tensor, reduction: Reduction,
        _ rowsLoss: (Tensor, Tensor) throws(TensorError) -> Tensor
    ) throws(TensorError) -> Tensor {
        let dims = input.shape.dims
        let expected = Shape([dims[0]] + dims[2...])
        guard target.shape == expected else {
            throw .runtime("Expected target size \(expected.listDescription), got \(target.shape.listDescription)")
        }
        let rows = try input.permute([0] + Array(2..<dims.count) + [1]).reshape([-1, dims[1]])
        let loss = try rowsLoss(rows, try target.reshape([-1]))
        guard case .none = reduction else { return loss }
        // PyTorch's 4-D kernel returns the map itself; for other ranks it views its result.
        return loss.reshaped(expected, name: dims.count == 4 ? "NllLoss2DBackward0" : "ViewBackward0")
    }

    static func crossEntropyRows(_ input: Tensor, target: Tensor, ignoreIndex: Int64, reduction: Reduction, name: String) throws(TensorError) -> Tensor {
        guard input.rank == 1 || input.rank == 2 else {
            throw .value("Expected 2 or more dimensions (got \(input.rank))")
        }
        let targets = try NLLTargets(input: input, target: target, ignoreIndex: ignoreIndex, reduction: reduction)
        let (n, c) = (targets.rows, targets.classes)
        let y = VectorMath.rows(VectorMath.logSoftmaxRows, input.floats, rows: n, size: c)
        let (value, outShape) = targets.loss(y)
        guard Tensor.needsGraph(input) else { return Tensor(shape: outShape, floats: value) }
        let inShape = input.shape
        return Tensor(shape: outShape, floats: value).recording(name, [input]) { g in
            // d(nll)/dy is -scale at each row's label; log_softmax's backward kernel then gives
            // gy - exp(y) * sum(gy) per row.
            let gy = targets.gradient(g.floats, count: inShape.count)
            let grad = VectorMath.rowsBackward(VectorMath.logSoftmaxBackwardRows, gradient: gy, output: y, rows: n, size: c)
            return [Tensor(shape: inShape, floats: grad)]
        }
    }

    /// `F.mse_loss(input, target, reduction="mean")`.
    public static func mseLoss(_ input: Tensor, target: Tensor, reduction: Reduction = .mean) throws(TensorError) -> Tensor {
        let out = try Shape.broadcast(input.shape, target.shape)
        try checkMSEDTypes(input, target)
        // Operands of different dtypes meet in the promoted one, as ATen's TensorIterator does.
        if Tensor.resultType(input, target) == .float64 { return mseLoss(input, target, out: out, reduction: reduction, Double.self) }
        return mseLoss(input, target, out: out, reduction: reduction, Float.self)
    }

    private static func mseLoss<T: FloatElement>(_ input: Tensor, _ target: Tensor, out: Shape, reduction: Reduction, _: T.Type) -> Tensor {
        let a = T.values(of: input)
        let b = T.values(of: target)
        let diff = Kernels.broadcast(a, input.shape, b, target.shape, out: out, -)
        let squares = diff.map { $0 * $0 }
        let n = T(out.count)
        let value: Tensor = switch reduction {
        case .none: Tensor(shape: out, values: squares)
        case .sum: Tensor(shape: .scalar, values: [CascadeSum.total(squares)])
        case .mean: Tensor(shape: .scalar, values: [CascadeSum.total(squares) / n])
        }
        let sa = input.shape
        let sb = target.shape
        let needA = input.requiresGradFlag
        let needB = target.requiresGradFlag
        return value.recording("MseLossBackward0", [input, target]) { g in
            let gv = T.values(of: g)
            // mse_loss_backward: norm * (input - target) * grad, norm = 2 / numel under mean
            // (formed in double, then rounded to the dtype).
            let norm = T(reduction == .mean ? 2 / Double(out.count) : 2)
            let d: [T] = switch reduction {
            case .none: Kernels.zip(diff, gv) { norm * $0 * $1 }
            case .sum, .mean: diff.map { norm * $0 * gv[0] }
            }
            return [
                needA ? Tensor(shape: sa, values: Kernels.sum(d, from: out, to: sa)) : nil,
                needB ? Tensor(shape: sb, values: Kernels.sum(d.map { -$0 }, from: out, to: sb)) : nil,
            ]
        }
    }
}

/// Validated class-index targets of an NLL loss over (N, C) or (C,) log-probabilities.
struct NLLTargets {
    let labels: [Int64]
    let rows: Int
    let classes: Int
    let batched: Bool
    let ignoreIndex: Int64
    let reduction: Reduction

    init(input: Tensor, target: Tensor, ignoreIndex: Int64, reduction: Reduction) throws(TensorError) {
        guard target.dtype == .int64 else {
            throw .runtime("expected scalar type Long but found \(Tensor.typeWord(target.dtype))")
        }
        guard input.rank == 1 || input.rank == 2 else {
            throw .value("Expected 2 or more dimensions (got \(input.rank))")
        }
        let batched = input.rank == 2
        let n = batched ? input.shape.dims[0] : 1
        let c = input.shape.dims[input.rank - 1]
        // PyTorch's checks, in its order: the batch sizes, then the target's rank.
        if batched {
            if target.rank == 0 && n == 0 { throw .index("Dimension specified as 0 but tensor has no dimensions") }
            let targetBatch = target.rank == 0 ? 0 : target.shape.dims[0]
            guard targetBatch == n else {
                throw .value("Expected input batch_size (\(n)) to match target batch_size (\(targetBatch)).")
            }
            guard target.rank == 1 else { throw .runtime("0D or 1D target tensor expected, multi-target not supported") }
        } else {
            guard target.rank <= 1 else { throw .runtime("0D or 1D target tensor expected, multi-target not supported") }
            // One class label, or a 1-element list of it.
            if target.rank == 1 && target.shape.dims[0] != 1 {
                throw .value("For 1D input, 1D target must have size 1, but got target size: \(target.shape.dims[0])")
            }
        }
        let labels = target.int64s
        for l in labels where l != ignoreIndex && (l < 0 || l >= c) {
            throw .index("Target \(l) is out of bounds.")
        }
        self.labels = labels
        self.rows = n
        self.classes = c
        self.batched = batched
        self.ignoreIndex = ignoreIndex
        self.reduction = reduction
    }

    /// How many rows count (those whose label is not ignored).
    func weightSum<T: FloatElement>() -> T {
        var total: T = 0
        for l in labels where l != ignoreIndex { total += 1 }
        return total
    }

    /// The reduced loss of log-probabilities `x` and its shape.
    func loss<T: FloatElement>(_ x: [T]) -> ([T], Shape) {
        guard case .none = reduction else {
            // PyTorch's cascade sum (nll_loss_out_frame): eight levels of partial sums, level
            // j + 1 taking level j's whenever the row index is a multiple of 16^(j+1) (so row 0
            // lands in level 1); ignored rows are skipped; the levels are added first to last.
            let levelPower = Swift.max(4, (rows <= 2 ? 1 : Int.bitWidth - (rows - 1).leadingZeroBitCount) / 8)
            let levelMask = (1 << levelPower) - 1
            let total = withUnsafeTemporaryAllocation(of: T.self, capacity: 8) { sums -> T in
                sums.initialize(repeating: 0)
                for b in 0..<rows where labels[b] != ignoreIndex {
                    sums[0] -= x[b * classes + Int(labels[b])]
                    for j in 0..<(sums.count - 1) {
                        if b & (levelMask << (j * levelPower)) != 0 { break }
                        sums[j + 1] += sums[j]
                        sums[j] = 0
                    }
                }
                return sums.reduce(T(0), +)
            }
            return ([reduction == .mean ? total / weightSum() : total], .scalar)
        }
        var losses = filledArray(T(0), count: rows)
        for i in 0..<rows where labels[i] != ignoreIndex {
            losses[i] = -x[i * classes + Int(labels[i])]
        }
        return (losses, batched ? Shape([rows]) : .scalar)
    }

    /// The gradient with respect to the log-probabilities (`count` elements) from the loss's.
    func gradient<T: FloatElement>(_ gv: [T], count: Int) -> [T] {
        var grad = filledArray(T(0), count: count)
        let total: T = weightSum()
        for i in 0..<rows where labels[i] != ignoreIndex {
            let scale: T = switch reduction {
            case .none: gv[i]
            case .sum: gv[0]
            case .mean: gv[0] / total
            }
            grad[i * classes + Int(labels[i])] = -scale
        }
        return grad
    }
}
