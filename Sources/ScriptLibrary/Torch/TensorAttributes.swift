import Tensors
import Script

/// The attributes a script sets on a tensor (`t.note = 1`), as PyTorch keeps them in the
/// tensor's `__dict__`: in assignment order, saved by `torch.save` and restored by `torch.load`.
package final class TensorAttributes {
    private(set) var entries: [(name: String, value: Value)] = []

    /// Tensor properties PyTorch defines without a setter: assigning one raises its AttributeError.
    static let readOnly: Set<String> = ["shape", "dtype", "is_leaf", "grad_fn", "T", "mT", "H", "mH", "ndim", "itemsize", "nbytes",
                                        "device", "is_cuda", "_base", "name", "layout", "is_sparse", "is_quantized"]

    subscript(name: String) -> Value? {
        get { entries.first { $0.name == name }?.value }
        set {
            if let index = entries.firstIndex(where: { $0.name == name }) {
                if let newValue { entries[index].value = newValue } else { entries.remove(at: index) }
            } else if let newValue {
                entries.append((name, newValue))
            }
        }
    }

    package var isEmpty: Bool { entries.isEmpty }
}

extension Tensor {
    /// The tensor's script attributes, made on first assignment.
    var scriptAttributes: TensorAttributes? { bindingAttributes as? TensorAttributes }

    /// Sets `name` (a new tensor attribute, or one set before).
    func setScriptAttribute(_ name: String, _ value: Value) throws(ScriptError) {
        guard !TensorAttributes.readOnly.contains(name) else {
            throw ScriptError(.attributeError, "attribute '\(name)' of 'torch._C.TensorBase' objects is not writable")
        }
        let attributes = scriptAttributes ?? TensorAttributes()
        attributes[name] = value
        bindingAttributes = attributes
    }
}
