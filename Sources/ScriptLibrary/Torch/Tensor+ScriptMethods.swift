import Tensors
import Script

extension Tensor {
    /// Every Tensor method, as `dir(t)` lists them.
    static let methodNames = TensorOperation.methodNames

    package func attribute(_ name: String, interpreter: Interpreter) throws(ScriptError) -> Value? {
        switch name {
        case "shape": return .object(SizeObject(self.shape.dims))
        case "dtype": return .object(DTypeObject(self.dtype))
        case "data": return interpreter.wrap(self.detach())
        case "grad": return self.grad.map { interpreter.wrap($0) } ?? Value.none
        case "requires_grad": return .bool(self.requiresGrad)
        case "is_leaf": return .bool(self.isLeaf)
        case "grad_fn": return self.gradFnName.map { .object(GradFnObject($0)) } ?? Value.none
        case "T":
            // numpy_T: the dimensions reversed by permute, with PyTorch's deprecation warnings.
            if self.rank == 0 {
                try interpreter.warn("Tensor.T is deprecated on 0-D tensors. This function is the identity in these cases.", category: .userWarning)
            } else if self.rank != 2 {
                try interpreter.warn("The use of `x.T` on tensors of dimension other than 2 to reverse their shape is deprecated and it will throw an error in a future release. Consider `x.mT` to transpose batches of matrices or `x.permute(*torch.arange(x.ndim - 1, -1, -1))` to reverse the dimensions of a tensor.", category: .userWarning)
            }
            return interpreter.wrap(try tensorCall { () throws(TensorError) in try self.permute(Array((0..<self.rank).reversed())) })
        case "ndim": return .int(self.rank)
        case "itemsize": return .int(self.elementSize)
        case "nbytes": return .int(self.elementSize * self.count)
        case "device": return .object(DeviceObject("cpu"))
        case "is_cuda": return .bool(false)
        case "_base": return self.viewedTensor.map { .object($0) } ?? Value.none
        // Named tensors are not provided: every dimension is unnamed, as PyTorch's default.
        case "name": return Value.none
        case "new":
            return .builtin(BuiltinFunction(name, signature: "Tensor.new(*args, dtype=None, device=None)") { [self] (interpreter, arguments) throws(ScriptError) -> Value in
                try self.legacyNew(arguments, interpreter: interpreter)
            })
        default:
            if let value = scriptAttributes?[name] { return value }
            guard let operation = TensorOperation.named[name], operation.isMethod else { return nil }
            return .builtin(BuiltinFunction(name, signature: "Tensor.\(name)" + operation.parameterText(asFunction: false)) { [self] (interpreter, arguments) throws(ScriptError) -> Value in
                try operation.call(self, arguments, interpreter: interpreter, asFunction: false)
            })
        }
    }

    package func setAttribute(_ name: String, _ value: Value, interpreter: Interpreter) throws(ScriptError) -> Bool {
        switch name {
        case "grad":
            let gradient = value.isNone ? nil : try interpreter.tensor(value)
            try tensorCall { () throws(TensorError) in try self.setGrad(gradient) }
        case "requires_grad":
            let flag = try interpreter.truth(value)
            try tensorCall { () throws(TensorError) in try self.setRequiresGrad(flag) }
        case "data":
            // `.data` is the tensor outside autograd: writing it is not an in-place operation
            // the graph sees, even on a leaf that requires grad.
            let source = try interpreter.tensor(value)
            let failure: TensorError? = GradMode.with(enabled: false) {
                do throws(TensorError) {
                    try self.assign([.ellipsis], value: source)
                    return nil
                } catch {
                    return error
                }
            }
            if let failure { throw ScriptError(failure) }
        default:
            try setScriptAttribute(name, value)
        }
        return true
    }

    package func callMethod(_ name: String, _ arguments: Arguments, interpreter: Interpreter) throws(ScriptError) -> Value? {
        guard let operation = TensorOperation.named[name], operation.isMethod else { return nil }
        return try operation.call(self, arguments, interpreter: interpreter, asFunction: false)
    }
}

/// `torch.return_types.max(values=..., indices=...)`: unpacks as a pair.
package final class ReturnTypesObject: ScriptObject, UnpackableObject {
    package let name: String
    package let values: Tensor
    package let indices: Tensor
    init(_ name: String, values: Tensor, indices: Tensor) {
        self.name = name
        self.values = values
        self.indices = indices
    }
    package var typeName: String { name }
    package func repr(interpreter: Interpreter) throws(ScriptError) -> String {
        "torch.return_types.\(name)(\nvalues=\(values.description),\nindices=\(indices.description))"
    }
    package func makeIterator(interpreter: Interpreter) throws(ScriptError) -> (any ValueIterator)? {
        ArrayIterator([interpreter.wrap(values), interpreter.wrap(indices)])
    }
    package func length(interpreter: Interpreter) throws(ScriptError) -> Int? { 2 }
    package func item(_ key: Value, interpreter: Interpreter) throws(ScriptError) -> Value? {
        let i = try interpreter.normalize(try interpreter.indexValue(key, container: "tuple"), count: 2, "tuple")
        return interpreter.wrap(i == 0 ? values : indices)
    }
    package func attribute(_ name: String, interpreter: Interpreter) throws(ScriptError) -> Value? {
        switch name {
        case "values": interpreter.wrap(values)
        case "indices": interpreter.wrap(indices)
        default: nil
        }
    }
    package var attributeNames: [String] { ["indices", "values"] }
    package func unpacked(interpreter: Interpreter) -> [Value] { [interpreter.wrap(values), interpreter.wrap(indices)] }
}

/// `tensor.grad_fn`: names the backward node as PyTorch does.
package final class GradFnObject: ScriptObject {
    package let name: String
    init(_ name: String) { self.name = name }
    package var typeName: String { name }
    package func repr(interpreter: Interpreter) throws(ScriptError) -> String { "<\(name) object at \(addressText(of: self))>" }
    package func attribute(_ attribute: String, interpreter: Interpreter) throws(ScriptError) -> Value? {
        attribute == "name" ? .builtin(BuiltinFunction("name") { [name] _, _ throws(ScriptError) in .str(Tensor.qualifiedNodeName(name)) }) : nil
    }
}

extension Tensor {
    /// The legacy tensor types (`torch.DoubleTensor`) with their dtypes.
    static let legacyTypes: [(name: String, dtype: DType)] = DType.allCases.map { ("\($0.scalarTypeName)Tensor", $0) }

    /// `t.type(x)`'s target: a dtype, a legacy type (`torch.DoubleTensor`) or its name as a string.
    static func legacyType(_ value: Value, interpreter: Interpreter) throws(ScriptError) -> DType {
        switch value {
        case .str(let text):
            let name = text.hasPrefix("torch.") ? String(text.dropFirst(6)) : text
            if let match = legacyTypes.first(where: { $0.name == name }) { return match.dtype }
            throw .valueError("invalid type: '\(text)'")
        case .builtin(let function):
            if let match = legacyTypes.first(where: { $0.name == function.name }) { return match.dtype }
        case .type(let type) where type.name == "Tensor":
            return DefaultDType.current
        case .none, .int, .float, .bool, .list, .tuple, .dict, .set, .function, .boundMethod, .type, .instance, .module, .object:
            break
        }
        if let dtype = try? interpreter.dtype(value) { return dtype }
        throw .typeError("type() received an invalid combination of arguments - got (\(value.typeName)), but expected one of:\n * (torch.dtype dtype, bool non_blocking = False, *, torch.memory_format memory_format = torch.preserve_format)\n * (str dtype, bool non_blocking = False, *, torch.memory_format memory_format = torch.preserve_format)\n")
    }
}
