import Tensors
import Script

extension Tensor {
    /// `t.new(...)`, the legacy constructor old tutorials call (`weight.new(n, b, h).zero_()`):
    /// a tensor of this one's dtype, with no arguments empty, given sizes (ints or a
    /// `torch.Size`) zero-filled (PyTorch leaves it uninitialised), given a list or tuple
    /// holding that data.
    func legacyNew(_ a: Arguments, interpreter: Interpreter) throws(ScriptError) -> Value {
        try a.expect("new", 0...Int.max, keywords: ["dtype", "device", "requires_grad"])
        let dtype = try interpreter.dtype(a.keyword("dtype")) ?? self.dtype
        if let device = a.keyword("device") { try DeviceObject.check(device, interpreter: interpreter) }
        let made: Tensor
        switch a.positional.first {
        case .list?, .tuple?:
            guard a.positional.count == 1 else { throw .typeError("new() received an invalid combination of arguments") }
            let data = try interpreter.nestedValues(a.positional[0])
            made = try tensorCall { () throws(TensorError) in try Tensor(data, dtype: dtype) }
        case .object(let size as SizeObject)?:
            guard a.positional.count == 1 else { throw .typeError("new() received an invalid combination of arguments") }
            made = try tensorCall { () throws(TensorError) in try Tensor.zeros(size.dims, dtype: dtype) }
        case .object(let source as Tensor)?:
            guard a.positional.count == 1, source.dtype == dtype else {
                throw .typeError("new(): expected a tensor of dtype \(dtype) (got \(source.dtype))")
            }
            // PyTorch's `new(tensor)` aliases the tensor's elements.
            made = source.detach()
        default:
            let dims = a.positional.isEmpty ? [0] : try interpreter.dims(a.positional)
            made = try tensorCall { () throws(TensorError) in try Tensor.zeros(dims, dtype: dtype) }
        }
        if try interpreter.boolArgument(a.keyword("requires_grad"), default: false) {
            try tensorCall { () throws(TensorError) in try made.setRequiresGrad(true) }
        }
        return .object(made)
    }
}
