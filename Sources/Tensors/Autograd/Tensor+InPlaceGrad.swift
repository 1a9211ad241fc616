extension Tensor {
    /// A `grad_fn` class name as `grad_fn.name()` returns it (`torch::autograd::CopySlices`).
    public static func qualifiedNodeName(_ name: String) -> String { GradNode.qualifiedName(name) }

    /// Records an in-place write for autograd, as PyTorch does: the written tensor's base
    /// gets a `CopySlices` node (the overwritten positions take the value's gradient, the
    /// others pass through to the base's previous node), and a written view gets a node that
    /// reads that region of the base (`AsStridedBackward0`). A whole non-view tensor written
    /// with a recorded result (`y += x`) takes that result's node; otherwise a write into the
    /// tensor itself records `name` (`FillBackward0`, `IndexPutBackward0`, ...).
    /// `positions` are the buffer positions written, in the row-major order of `value`
    /// broadcast to `regionShape`.
    /// `name`: the node a write into this tensor itself (not a view) records; `adopting`:
    /// a whole-tensor write of a recorded result takes that result's node.
    func recordInPlace(value: Tensor, regionShape: Shape, positions writtenPositions: @autoclosure () -> [Int], name: String, adopting: Bool) throws(TensorError) {
        let base = viewBase ?? self
        // A strided base (an element-wise result laid out as PyTorch lays it, a detached
        // transpose): buffer positions become the base's row-major indices, which the
        // gradients use; an overlapping one (expanded) cannot be written element by element.
        var logical: [Int: Int]?
        if let layout = base.layout {
            var index: [Int: Int] = [:]
            for (i, p) in layout.positions(base.shape.dims).enumerated() where index.updateValue(i, forKey: p) != nil {
                throw .other(.notImplementedError, "in-place writes that autograd records into a view of an overlapping (expanded) tensor are not supported in Recur")
            }
            logical = index
        }
        // `adopting` writes cover the whole tensor.
        if adopting, base === self, value.shape == shape, let node = value.gradFn {
            node.replaceInput(self, with: standIn())
            gradFn = node
            requiresGradFlag = true
            return
        }
        let positions = logical.map { index in writtenPositions().map { index[$0] ?? 0 } } ?? writtenPositions()
        let baseShape = base.shape, valueShape = value.shape
        let node = GradNode(name: base === self ? name : "CopySlices", inputs: [base.standIn(), value], outputShape: baseShape, savesTensors: false) { g in
            func grads<T: FloatElement>(_ all: [T]) -> [Tensor?] {
                var kept = all
                for p in positions where p < kept.count { kept[p] = 0 }
                let written = positions.map { $0 < all.count ? all[$0] : 0 }
                return [Tensor(shape: baseShape, values: kept),
                        Tensor(shape: valueShape, values: Kernels.sum(written, from: regionShape, to: valueShape))]
            }
            return g.dtype == .float64 ? grads(g.doubles) : grads(g.floats)
        }
        base.gradFn = node
        base.requiresGradFlag = true
        guard base !== self else { return }
        let ownPositions = layout?.positions(shape.dims) ?? Array(0..<count)
        let own = logical.map { index in ownPositions.map { index[$0] ?? 0 } } ?? ownPositions
        gradFn = GradNode(name: "AsStridedBackward0", inputs: [base], outputShape: shape, savesTensors: false) { g in
            [g.scatterAdded(at: own, into: baseShape)]
        }
        requiresGradFlag = true
    }

    /// This tensor's place in the graph before an in-place write (its node, whether it
    /// requires grad), as a separate object the write's node can hold without a cycle.
    func standIn() -> Tensor {
        // Only its node and flag are read: the node's edge leads on, and a tensor without a
        // node that requires grad (a leaf) cannot be written in place while recording.
        let previous = Tensor(scalar: Float(0))
        previous.gradFn = gradFn
        previous.requiresGradFlag = requiresGradFlag
        return previous
    }
}
