import Tensors
import Script

/// What PyTorch's `default_collate` does with NumPy samples: arrays become tensors (sharing
/// memory, as `torch.as_tensor`) and are stacked; NumPy scalars become one tensor of their dtype.
package enum NumPyCollation {
    /// The batch, or nil when its first sample is not a NumPy array or scalar.
    static func collate(_ items: [Value], _ interpreter: Interpreter) throws(ScriptError) -> Value? {
        guard case .object(let first)? = items.first else { return nil }
        if first is NDArray {
            var tensors: [Value] = []
            for (position, item) in items.enumerated() {
                guard case .object(let o) = item, let array = o as? NDArray else {
                    throw .typeError("expected np.ndarray as element \(position) in argument 0, but got \(item.typeName)")
                }
                tensors.append(.object(array.tensor.sharingElements()))
            }
            return try DataCollation.collate(.list(ListObject(tensors)), interpreter)
        }
        if let scalar = first as? NumPyScalar {
            let data = try interpreter.nestedValues(.list(ListObject(items)))
            return .object(try tensorCall { () throws(TensorError) in try Tensor(data, dtype: scalar.dtype) })
        }
        return nil
    }
}
