/// One recorded operation: the tensors it read and how to turn the gradient of its result into
/// gradients of those tensors. The closure sits next to the forward code of each operation.
final class GradNode {
    /// The PyTorch class name of the backward function (`MulBackward0`).
    let name: String
    /// The operands, in the order the backward closure returns their gradients.
    let inputs: [Tensor]
    /// Maps the result's gradient to one gradient per input (nil: none). Nil once released.
    var backward: ((Tensor) -> [Tensor?])?
    /// Whether the closure holds operand values that `backward()` releases (PyTorch's saved
    /// tensors); nodes that only need sizes (add, view, sum, ...) can be traversed again.
    let savesTensors: Bool
    /// Scratch state of a running `backward()`: set while the node is in the pass's order.
    /// Marks live in the nodes so the pass needs no identity-keyed set or dictionary.
    var isVisited = false
    /// Scratch state of a running `backward()`: the gradient of the result gathered so far.
    var pending: Tensor?
    /// Whether `pending` is a buffer this pass made (so further contributions add in place).
    var ownsPending = false

    init(name: String, inputs: [Tensor], savesTensors: Bool = true, backward: @escaping (Tensor) -> [Tensor?]) {
        self.name = name
        self.inputs = inputs
        self.savesTensors = savesTensors
        self.backward = backward
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
        gradFn = GradNode(name: name, inputs: inputs, savesTensors: savesTensors, backward: backward)
        requiresGradFlag = true
        return self
    }
}
