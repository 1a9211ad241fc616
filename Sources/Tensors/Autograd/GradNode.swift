/// One recorded operation: the tensors it read and how to turn the gradient of its result into
/// gradients of those tensors. The closure sits next to the forward code of each operation.
final class GradNode {
    /// The PyTorch class name of the backward function (`MulBackward0`); an operation built
    /// from another renames its node.
    var name: String
    /// The operands, in the order the backward closure returns their gradients.
    private(set) var inputs: [Tensor]
    /// The operands' nodes when this node was recorded (PyTorch's edges): an in-place write
    /// gives a tensor a new node, and earlier consumers must still reach the old one. The
    /// first three live inline, so recording allocates nothing more than before.
    let edge0: GradNode?, edge1: GradNode?, edge2: GradNode?
    let moreEdges: [GradNode?]
    /// The shape of the result this node produced.
    let outputShape: Shape
    /// The tensor whose gradient `backward` keeps (`retain_grad()`); that tensor holds this
    /// node, so it outlives the pass that reads this.
    unowned(unsafe) var retainer: Tensor?
    /// Maps the result's gradient to one gradient per input (nil: none). Nil once released.
    /// Only a caller-supplied backward (`autograd.Function`) can fail.
    var backward: ((Tensor) throws(TensorError) -> [Tensor?])?
    /// Whether the closure holds operand values that `backward()` releases (PyTorch's saved
    /// tensors); nodes that only need sizes (add, view, sum, ...) can be traversed again.
    let savesTensors: Bool
    /// The tensors this node's backward reads, with their storage versions when recorded
    /// (PyTorch's saved variables): an in-place write since then makes `backward` fail.
    var saved: [SavedTensor] = []
    /// The operation's name when PyTorch has no derivative for it (`floor_divide`): such a
    /// node shows as `NotImplemented`, and a backward pass through it fails.
    var missingDerivative: String?
    /// Scratch state of a running `backward()`: set while the node is in the pass's order.
    /// Marks live in the nodes so the pass needs no identity-keyed set or dictionary.
    var isVisited = false
    /// Scratch state of a running `backward()`: the gradient of the result gathered so far.
    var pending: Tensor?
    /// Whether `pending` is a buffer this pass made (so further contributions add in place).
    var ownsPending = false

    init(name: String, inputs: [Tensor], outputShape: Shape, savesTensors: Bool = true,
         backward: @escaping (Tensor) throws(TensorError) -> [Tensor?]) {
        self.name = name
        self.inputs = inputs
        self.outputShape = outputShape
        let count = inputs.count
        edge0 = count > 0 ? inputs[0].gradFn : nil
        edge1 = count > 1 ? inputs[1].gradFn : nil
        edge2 = count > 2 ? inputs[2].gradFn : nil
        moreEdges = count > 3 ? inputs[3...].map(\.gradFn) : []
        self.savesTensors = savesTensors
        self.backward = backward
    }
}

/// A tensor a node's backward reads: its storage and the version it had when recorded.
struct SavedTensor {
    let buffer: TensorBuffer
    let version: Int
    /// The operand's position in the node's inputs; nil for the node's own result.
    let input: Int?
    let shape: Shape
    let dtype: DType
}

extension GradNode {
    /// Replaces operand `tensor` by `replacement` (a tensor that writes itself in place takes
    /// this node: its operand slot must not point back at it, or the two would keep each
    /// other alive).
    func replaceInput(_ tensor: Tensor, with replacement: Tensor) {
        for i in inputs.indices where inputs[i] === tensor { inputs[i] = replacement }
    }

    /// PyTorch's error when a saved tensor was modified in place after it was recorded.
    func checkSavedVersions() throws(TensorError) {
        for entry in saved where entry.buffer.version != entry.version {
            let typeName = "torch.\(entry.dtype.scalarTypeName)Tensor"
            let producer: String? = if let i = entry.input { inputs[i].gradFn?.name } else { name }
            let which = producer.map { ", which is output 0 of " + GradNode.operationName($0) } ?? ""
            throw .runtime("one of the variables needed for gradient computation has been modified by an inplace operation: [\(typeName) \(entry.shape.listDescription)]\(which), is at version \(entry.buffer.version); expected version \(entry.version) instead. Hint: enable anomaly detection to find the operation that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True, check_nan=False).")
        }
    }

    /// The node's class as `grad_fn.name()` gives it: C++ nodes outside the generated set
    /// keep their namespace.
    static func qualifiedName(_ node: String) -> String {
        node == "CopySlices" || node == "CopyBackwards" ? "torch::autograd::" + node : node
    }

    /// `ExpBackward0` -> `Exp`: how PyTorch names the operation behind a node.
    static func operationName(_ node: String) -> String {
        guard let range = node.firstRange(of: "Backward") else { return qualifiedName(node) }
        return String(node[..<range.lowerBound])
    }

    /// The node of operand `i` when this node was recorded (nil: a leaf).
    @inline(__always)
    func edge(_ i: Int) -> GradNode? {
        switch i {
        case 0: edge0
        case 1: edge1
        case 2: edge2
        default: moreEdges[i - 3]
        }
    }
}

extension Tensor {
    /// Whether an operation over `inputs` must be recorded.
    @inline(__always)
    static func needsGraph(_ inputs: Tensor...) -> Bool {
        guard GradMode.enabled else { return false }
        for input in inputs where input.requiresGradFlag { return true }
        return false
    }

    /// Attaches a backward node to `self` (a fresh result) when any input requires grad.
    @discardableResult
    func recording(
        _ name: String, _ inputs: [Tensor], savesTensors: Bool = true, _ backward: @escaping (Tensor) -> [Tensor?]
    ) -> Tensor {
        guard GradMode.enabled, inputs.contains(where: { $0.requiresGradFlag }) else { return self }
        gradFn = GradNode(name: name, inputs: inputs, outputShape: shape, savesTensors: savesTensors, backward: backward)
        requiresGradFlag = true
        return self
    }

    /// This tensor as the result of a function whose gradient `backward` computes, one per
    /// input (`torch.autograd.Function`); unchanged when no input requires grad or grad mode
    /// is off.
    public func recordingFunction(_ name: String, _ inputs: [Tensor],
                                  _ backward: @escaping (Tensor) throws(TensorError) -> [Tensor?]) -> Tensor {
        guard GradMode.enabled, inputs.contains(where: { $0.requiresGradFlag }) else { return self }
        gradFn = GradNode(name: name, inputs: inputs, outputShape: shape, backward: backward)
        requiresGradFlag = true
        return self
    }

    /// Marks the operands at `inputs` (and this result, `output`) as read by this tensor's
    /// node, so that modifying them in place before `backward` fails as in PyTorch.
    @discardableResult
    func saving(inputs indices: [Int] = [], output: Bool = false) -> Tensor {
        guard let node = gradFn else { return self }
        for i in indices where i < node.inputs.count {
            let operand = node.inputs[i]
            let buffer = operand.buffer
            node.saved.append(SavedTensor(buffer: buffer, version: buffer.version, input: i, shape: operand.shape, dtype: operand.dtype))
        }
        if output {
            let buffer = self.buffer
            node.saved.append(SavedTensor(buffer: buffer, version: buffer.version, input: nil, shape: shape, dtype: dtype))
        }
        return self
    }
}
