import Tensors

extension Tensor {
    static let methodNames = [
        "_is_view", "abs", "add", "add_", "all", "allclose", "any", "argmax", "backward", "bfloat16", "bool", "byte",
        "char", "half", "short", "type", "chunk",
        "clone", "contiguous", "cpu", "data_ptr", "detach", "dim", "div", "div_", "double", "eq", "equal",
        "exp", "expand", "fill_", "flatten", "float", "gather", "ge", "gt", "index_add", "index_add_",
        "index_select", "int", "is_contiguous", "item", "le", "log", "log_softmax", "long", "lt",
        "masked_fill", "masked_fill_", "matmul", "max", "mean", "min", "mul", "mul_", "narrow", "ne", "neg",
        "nelement", "nonzero", "numel", "numpy", "permute", "pow", "relu", "requires_grad_", "reshape",
        "retain_grad", "scatter", "scatter_", "scatter_add", "scatter_add_", "select", "sigmoid", "size",
        "softmax", "split", "sqrt", "squeeze", "storage_offset", "stride", "sub", "sub_", "sum", "t", "take",
        "tanh", "to", "tolist", "transpose", "unbind", "unsqueeze", "view", "where", "zero_",
    ] + randomMethodNames + TensorOperation.methodNames

    func attribute(_ name: String, interpreter: Interpreter) throws(ScriptError) -> Value? {
        switch name {
        case "shape": return .object(SizeObject(self.shape.dims))
        case "dtype": return .object(DTypeObject(self.dtype))
        case "data": return interpreter.wrap(self.detach())
        case "grad": return self.grad.map { interpreter.wrap($0) } ?? Value.none
        case "requires_grad": return .bool(self.requiresGrad)
        case "is_leaf": return .bool(self.isLeaf)
        case "grad_fn": return self.gradFnName.map { .object(GradFnObject($0)) } ?? Value.none
        case "T": return interpreter.wrap(try tensorCall { () throws(TensorError) in try self.t() })
        case "ndim": return .int(self.rank)
        case "itemsize": return .int(self.elementSize)
        case "nbytes": return .int(self.elementSize * self.count)
        case "device": return .object(DeviceObject("cpu"))
        case "is_cuda": return .bool(false)
        case "_base": return self.viewedTensor.map { .object($0) } ?? Value.none
        default:
            guard Tensor.methodNames.contains(name) else { return nil }
            return .builtin(BuiltinFunction(name, signature: "Tensor.\(name)(...)") { [self] (interpreter, arguments) throws(ScriptError) -> Value in
                guard let result = try callMethod(name, arguments, interpreter: interpreter) else {
                    throw .attributeError("'Tensor' object has no attribute '\(name)'")
                }
                return result
            })
        }
    }

    func setAttribute(_ name: String, _ value: Value, interpreter: Interpreter) throws(ScriptError) -> Bool {
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
            return false
        }
        return true
    }

    func callMethod(_ name: String, _ arguments: Arguments, interpreter: Interpreter) throws(ScriptError) -> Value? {
        func wrap(_ body: () throws(TensorError) -> Tensor) throws(ScriptError) -> Value {
            interpreter.wrap(try tensorCall(body))
        }
        func dim(_ index: Int = 0) throws(ScriptError) -> Int? { try interpreter.intArgument(a.value(index, "dim"), "dim") }
        func keepDim(_ index: Int = 1) throws(ScriptError) -> Bool { try interpreter.boolArgument(a.value(index, "keepdim"), default: false) }
        /// The `other` argument when it is a Python number: it promotes as PyTorch's wrapped numbers do.
        func otherScalar() throws(ScriptError) -> ScalarValue? {
            try a.value(0, "other").flatMap { (v) throws(ScriptError) in try interpreter.scalar(v) }
        }
        func other() throws(ScriptError) -> Tensor {
            guard let value = a.value(0, "other") else { throw .typeError("\(name)() missing 1 required positional arguments: \"other\"") }
            return try Tensor.operand(value, like: self, interpreter: interpreter)
        }
        guard let method = TensorMethod.named[name] else {
            if let operation = TensorOperation.named[name], operation.isMethod {
                return try operation.call(self, arguments, interpreter: interpreter, asFunction: false)
            }
            return try randomMethod(name, arguments, interpreter: interpreter)
        }
        let a = try TorchSignature.checked(arguments, method: method)
        switch method {
        case .size:
            guard let d = try dim() else { return .object(SizeObject(self.shape.dims)) }
            return .int(try tensorCall { () throws(TensorError) in try self.size(d) })
        case .dim: return .int(self.rank)
        case .numel, .nelement: return .int(self.count)
        case .view:
            let dims = try interpreter.dims(a.positional)
            return try wrap { () throws(TensorError) in try self.view(dims) }
        case .reshape:
            let dims = try interpreter.dims(a.positional)
            return try wrap { () throws(TensorError) in try self.reshape(dims) }
        case .float: return interpreter.wrap(self.to(.float32))
        case .double: return interpreter.wrap(self.to(.float64))
        case .long: return interpreter.wrap(self.to(.int64))
        case .int: return interpreter.wrap(self.to(.int32))
        case .byte: return interpreter.wrap(self.to(.uint8))
        case .bool: return interpreter.wrap(self.to(.bool))
        case .half, .short, .char, .bfloat16:
            let dtype = DTypeObject(unsupported: method == .half ? "float16" : method == .short ? "int16" : method == .char ? "int8" : "bfloat16")
            _ = try dtype.provided()
            return .object(self)
        case .type:
            guard let target = a.value(0, "dtype") else { return .str("torch.\(self.dtype.scalarTypeName)Tensor") }
            let dtype = try Tensor.legacyType(target, interpreter: interpreter)
            return dtype == self.dtype ? .object(self) : interpreter.wrap(self.to(dtype))
        case .item:
            switch try tensorCall({ () throws(TensorError) in try self.scalarValue() }) {
            case .int(let i): return .int(Int(i))
            case .float(let d): return .float(d)
            case .bool(let b): return .bool(b)
            }
        case .tolist: return try Tensor.list(of: self)
        case .numpy:
            if self.requiresGrad {
                throw .runtimeError("Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.")
            }
            return .object(NDArray(self.sharingElements()))
        case .backward:
            let gradient = try a.value(0, "gradient").flatMap { (v) throws(ScriptError) -> Tensor? in v.isNone ? nil : try interpreter.tensor(v) }
            let retain = try interpreter.boolArgument(a.keyword("retain_graph"), default: false)
            try tensorCall { () throws(TensorError) in try self.backward(gradient: gradient, retainGraph: retain) }
            return Value.none
        case .detach: return interpreter.wrap(self.detach())
        case .clone: return interpreter.wrap(self.clone())
        case .cpu: return .object(self)
        case .stride, .isContiguous, .contiguous, .storageOffset, .dataPtr, .isView, .narrow, .select, .split, .chunk,
             .unbind:
            return try callViewMethod(method, name, a, interpreter: interpreter)
        case .indexSelect, .gather, .take, .scatter, .scatter_, .scatterAdd, .scatterAdd_, .indexAdd, .indexAdd_,
             .maskedFill, .maskedFill_, .nonzero, .where_:
            return try callIndexingMethod(method, name, a, interpreter: interpreter)
        case .cuda: throw ScriptError(.assertionError, "Torch not compiled with CUDA enabled")
        case .to:
            var result = self
            for value in a.positional + a.keywords.filter({ $0.name == "dtype" || $0.name == "device" }).map(\.value) {
                if let dtype = try? interpreter.dtype(value) {
                    result = result.to(dtype)
                } else {
                    try DeviceObject.check(value, interpreter: interpreter)
                }
            }
            return result === self ? .object(self) : interpreter.wrap(result)
        case .requiresGrad_:
            let flag = try interpreter.boolArgument(a.value(0, "requires_grad"), default: true)
            try tensorCall { () throws(TensorError) in try self.setRequiresGrad(flag) }
            return .object(self)
        case .retainGrad:
            try tensorCall { () throws(TensorError) in try self.retainGrad() }
            return Value.none
        case .zero_, .fill_:
            let value: Value = name == "zero_" ? .int(0) : (a.value(0, "value") ?? .int(0))
            let source = try Tensor.operand(value, like: self, interpreter: interpreter)
            try tensorCall { () throws(TensorError) in try self.write(source, name: name == "zero_" ? "ZeroBackward0" : "FillBackward0") }
            return .object(self)
        case .add_, .sub_, .mul_, .div_:
            let o = try other()
            let op: ArithmeticOp = method == .add_ ? .add : method == .sub_ ? .sub : method == .mul_ ? .mul : .div
            _ = try tensorCall { () throws(TensorError) in try self.checkInPlace(writing: o) }
            let scalar = try otherScalar()
            let alpha = try a.keyword("alpha").flatMap { (v) throws(ScriptError) in try interpreter.scalar(v) }
            let result = try tensorCall { () throws(TensorError) in
                if let alpha, method == .add_ || method == .sub_ { return try self.addingScaled(o, alpha: alpha, subtract: method == .sub_) }
                if let scalar { return try self.arithmetic(op, scalar: scalar) }
                return try self.arithmetic(op, o)
            }
            guard Tensor.canCast(result.dtype, to: self.dtype) else {
                throw .runtimeError("result type \(Tensor.typeWord(result.dtype)) can't be cast to the desired output type \(Tensor.typeWord(self.dtype))")
            }
            try tensorCall { () throws(TensorError) in try self.write(result) }
            return .object(self)
        case .max, .min:
            if case .object(let object)? = a.value(0, "dim"), let other = object as? Tensor {
                // `torch.max(a, b)`: the element-wise form.
                return try wrap { () throws(TensorError) in try self.binary(method == .max ? .maximum : .minimum, other) }
            }
            if let d = try dim() {
                let keep = try keepDim()
                let pair = try tensorCall { () throws(TensorError) in
                    name == "max" ? try self.max(dim: d, keepDim: keep) : try self.min(dim: d, keepDim: keep)
                }
                return .object(ReturnTypesObject(name, values: pair.values, indices: pair.indices))
            }
            if name == "max" { return try wrap { () throws(TensorError) in try self.max() } }
            return try wrap { () throws(TensorError) in try self.neg().max().neg() }
        case .argmax:
            let d = try dim()
            let keep = try keepDim()
            return try wrap { () throws(TensorError) in try self.argmax(dim: d, keepDim: keep) }
        case .sum, .mean:
            // `dtype=` converts the input first, as PyTorch does.
            let source = try interpreter.dtype(a.keyword("dtype")).map { self.to($0) } ?? self
            if let given = a.value(0, "dim"), case .tuple = given {
                return try reduceDims(source, given, mean: method == .mean, keep: try keepDim(), interpreter)
            }
            if let given = a.value(0, "dim"), case .list = given {
                return try reduceDims(source, given, mean: method == .mean, keep: try keepDim(), interpreter)
            }
            if let d = try dim() {
                let keep = try keepDim()
                return try wrap { () throws(TensorError) in
                    name == "sum" ? try source.sum(dim: d, keepDim: keep) : try source.mean(dim: d, keepDim: keep)
                }
            }
            return try wrap { () throws(TensorError) in name == "sum" ? source.sum() : try source.mean() }
        case .softmax, .logSoftmax:
            guard let d = try dim() else { throw .typeError("\(name)() missing 1 required positional argument: 'dim'") }
            return try wrap { () throws(TensorError) in name == "softmax" ? try self.softmax(dim: d) : try self.logSoftmax(dim: d) }
        case .tanh: return interpreter.wrap(self.tanh())
        case .relu: return try wrap { () throws(TensorError) in try self.relu() }
        case .sigmoid: return interpreter.wrap(self.sigmoid())
        case .exp: return interpreter.wrap(self.exp())
        case .log: return interpreter.wrap(self.log())
        case .sqrt: return interpreter.wrap(self.sqrt())
        case .abs: return try wrap { () throws(TensorError) in try self.abs() }
        case .neg: return try wrap { () throws(TensorError) in try self.neg() }
        case .pow:
            guard let e = a.value(0, "exponent"), let s = try interpreter.scalar(e) else {
                throw .typeError("pow(): exponent must be a number")
            }
            return try wrap { () throws(TensorError) in try self.pow(s) }
        case .t: return try wrap { () throws(TensorError) in try self.t() }
        case .transpose:
            guard let first = a.value(0, "dim0"), let second = a.value(1, "dim1") else {
                throw .typeError("transpose() missing required argument 'dim1' (pos 2)")
            }
            let d0 = try interpreter.indexValue(first), d1 = try interpreter.indexValue(second)
            return try wrap { () throws(TensorError) in try self.transpose(d0, d1) }
        case .permute:
            let order = try interpreter.dims(a.positional)
            return try wrap { () throws(TensorError) in try self.permute(order) }
        case .unsqueeze:
            guard let d = try dim() else { throw .typeError("unsqueeze() missing 1 required positional argument: 'dim'") }
            return try wrap { () throws(TensorError) in try self.unsqueeze(d) }
        case .squeeze:
            let d = try dim()
            return try wrap { () throws(TensorError) in try self.squeeze(d) }
        case .flatten:
            let start = try interpreter.intArgument(a.value(0, "start_dim"), "start_dim") ?? 0
            let end = try interpreter.intArgument(a.value(1, "end_dim"), "end_dim") ?? -1
            return try wrap { () throws(TensorError) in try self.flatten(startDim: start, endDim: end) }
        case .expand:
            let dims = try interpreter.dims(a.positional)
            return try wrap { () throws(TensorError) in try self.expand(dims) }
        case .add, .sub, .mul, .div:
            if method == .add || method == .sub, let alpha = try a.keyword("alpha").flatMap({ (v) throws(ScriptError) in try interpreter.scalar(v) }) {
                let o = try other()
                return try wrap { () throws(TensorError) in try self.addingScaled(o, alpha: alpha, subtract: method == .sub) }
            }
            let op: ArithmeticOp = name == "add" ? .add : name == "sub" ? .sub : name == "mul" ? .mul : .div
            if let s = try otherScalar() { return try wrap { () throws(TensorError) in try self.arithmetic(op, scalar: s) } }
            let o = try other()
            return try wrap { () throws(TensorError) in try self.arithmetic(op, o) }
        case .matmul:
            let o = try other()
            return try wrap { () throws(TensorError) in try self.matmul(o) }
        case .eq, .ne, .lt, .le, .gt, .ge:
            let o = try other()
            let op: ComparisonOp = switch name {
            case "eq": .eq
            case "ne": .ne
            case "lt": .lt
            case "le": .le
            case "gt": .gt
            default: .ge
            }
            if let s = try otherScalar() { return try wrap { () throws(TensorError) in try self.compare(op, scalar: s) } }
            return try wrap { () throws(TensorError) in try self.compare(op, o) }
        case .any, .all:
            if let d = try dim() {
                // any: some element is nonzero; all: no element is zero.
                let keep = try keepDim()
                let counted: ComparisonOp = method == .any ? .ne : .eq
                return try wrap { () throws(TensorError) in
                    let hits = try self.compare(counted, scalar: .int(0)).to(.int64).sum(dim: d, keepDim: keep)
                    return try hits.compare(method == .any ? .gt : .eq, scalar: .int(0))
                }
            }
            let flags = self.to(.bool).bools
            let answer = method == .any ? flags.contains(true) : flags.allSatisfy { $0 }
            return interpreter.wrap(Tensor(scalar: Float(answer ? 1 : 0)).to(.bool))
        case .allclose:
            let o = try other()
            let rtol = try interpreter.doubleArgument(a.value(1, "rtol"), "rtol") ?? 1e-5
            let atol = try interpreter.doubleArgument(a.value(2, "atol"), "atol") ?? 1e-8
            let equalNaN = try interpreter.boolArgument(a.value(3, "equal_nan"), default: false)
            return .bool(try tensorCall { () throws(TensorError) in try self.allClose(o, rtol: rtol, atol: atol, equalNaN: equalNaN) })
        case .equal:
            return .bool(self.equals(try other()))
        }
    }
}

/// `sum`/`mean` over several dimensions (`x.sum(dim=(0, 1))`), one at a time from the last.
private func reduceDims(_ source: Tensor, _ given: Value, mean: Bool, keep: Bool, _ interpreter: Interpreter) throws(ScriptError) -> Value {
    let listed = try interpreter.iterate(given).map { (v) throws(ScriptError) in try interpreter.indexValue(v, container: "dim") }
    var result = source
    let dims = try tensorCall { () throws(TensorError) in try source.distinctDims(listed, mean ? "mean" : "sum") }
    for d in dims.sorted(by: >) {
        result = try tensorCall { () throws(TensorError) in mean ? try result.mean(dim: d, keepDim: keep) : try result.sum(dim: d, keepDim: keep) }
    }
    return .object(result)
}

/// `torch.return_types.max(values=..., indices=...)`: unpacks as a pair.
final class ReturnTypesObject: ScriptObject {
    let name: String
    let values: Tensor
    let indices: Tensor
    init(_ name: String, values: Tensor, indices: Tensor) {
        self.name = name
        self.values = values
        self.indices = indices
    }
    var typeName: String { name }
    func repr(interpreter: Interpreter) throws(ScriptError) -> String {
        "torch.return_types.\(name)(\nvalues=\(values.description),\nindices=\(indices.description))"
    }
    func makeIterator(interpreter: Interpreter) throws(ScriptError) -> (any ValueIterator)? {
        ArrayIterator([interpreter.wrap(values), interpreter.wrap(indices)])
    }
    func length(interpreter: Interpreter) throws(ScriptError) -> Int? { 2 }
    func item(_ key: Value, interpreter: Interpreter) throws(ScriptError) -> Value? {
        let i = try interpreter.normalize(try interpreter.indexValue(key, container: "tuple"), count: 2, "tuple")
        return interpreter.wrap(i == 0 ? values : indices)
    }
    func attribute(_ name: String, interpreter: Interpreter) throws(ScriptError) -> Value? {
        switch name {
        case "values": interpreter.wrap(values)
        case "indices": interpreter.wrap(indices)
        default: nil
        }
    }
    var attributeNames: [String] { ["indices", "values"] }
}

/// `tensor.grad_fn`: names the backward node as PyTorch does.
final class GradFnObject: ScriptObject {
    let name: String
    init(_ name: String) { self.name = name }
    var typeName: String { name }
    func repr(interpreter: Interpreter) throws(ScriptError) -> String { "<\(name) object at \(addressText(of: self))>" }
    func attribute(_ attribute: String, interpreter: Interpreter) throws(ScriptError) -> Value? {
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
