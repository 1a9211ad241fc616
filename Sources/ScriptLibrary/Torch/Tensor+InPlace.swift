import Tensors
import Script

extension Tensor: InPlaceObject {
    /// `self op= operand` given the out-of-place `result`; nil when the result is not a tensor.
    package func inPlace(_ op: BinaryOp, _ operand: Value, result: Value, interpreter: Interpreter) throws(ScriptError) -> Value? {
        guard case .object(let updated as Tensor) = result else { return nil }
        return try augmented(with: updated)
    }
}

extension Tensor {
    /// `self op= value` given the out-of-place result: PyTorch's `__iadd__` family writes into
    /// `self`, so every name bound to it (a module's parameter, an alias, a view's base) sees
    /// the change; autograd records the write (the result's node, or `CopySlices` on the base
    /// of a view), and a leaf that requires grad is refused, as PyTorch refuses to modify it.
    func augmented(with result: Tensor) throws(ScriptError) -> Value {
        try checkWritable(result.dtype)
        guard result.shape.dims == shape.dims else {
            func list(_ dims: [Int]) -> String { "[" + dims.map(String.init).joined(separator: ", ") + "]" }
            throw .runtimeError("output with shape \(list(shape.dims)) doesn't match the broadcast shape \(list(result.shape.dims))")
        }
        try tensorCall { () throws(TensorError) in try self.write(result) }
        return .object(self)
    }

    /// PyTorch's error when a result of `resultType` cannot be written into this tensor.
    func checkWritable(_ resultType: DType) throws(ScriptError) {
        guard Tensor.canCast(resultType, to: dtype) else {
            throw .runtimeError("result type \(Tensor.typeWord(resultType)) can't be cast to the desired output type \(Tensor.typeWord(dtype))")
        }
    }

    /// PyTorch's same-kind casting rule for results written into an existing tensor.
    static func canCast(_ from: DType, to: DType) -> Bool {
        from.category <= to.category
    }

    /// The scalar type's name in PyTorch's casting errors.
    static func typeWord(_ dtype: DType) -> String { dtype.scalarTypeName }
}
