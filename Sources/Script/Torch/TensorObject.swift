import Tensors

/// A tensor as a script value: operators, indexing, iteration along dim 0, PyTorch's repr.
final class TensorObject: ScriptObject {
    let tensor: Tensor
    /// Made by `nn.Parameter(...)`: registered as a parameter when assigned to a module.
    let isParameter: Bool
    init(_ tensor: Tensor, isParameter: Bool = false) {
        self.tensor = tensor
        self.isParameter = isParameter
    }

    var typeName: String { "Tensor" }

    func repr(interpreter: Interpreter) throws(ScriptError) -> String { tensor.description }

    func summary(interpreter: Interpreter) -> String? {
        let dims = tensor.shape.dims.map(String.init).joined(separator: "x")
        return "\(dims.isEmpty ? "scalar" : dims): \(tensor.count) elems, \(tensor.dtype)"
            + (tensor.requiresGrad ? ", requires_grad" : "")
    }

    func length(interpreter: Interpreter) throws(ScriptError) -> Int? {
        guard tensor.rank > 0 else { throw .typeError("len() of a 0-d tensor") }
        return tensor.shape.dims[0]
    }

    func makeIterator(interpreter: Interpreter) throws(ScriptError) -> (any ValueIterator)? {
        guard tensor.rank > 0 else { throw .typeError("iteration over a 0-d tensor") }
        return RowIterator(try tensorCall { () throws(TensorError) in try TensorRows(tensor) })
    }

    func truth(interpreter: Interpreter) throws(ScriptError) -> Bool? {
        guard tensor.count == 1 else {
            throw .runtimeError("Boolean value of Tensor with more than one value is ambiguous")
        }
        return try tensorCall { () throws(TensorError) in try tensor.item() } != 0
    }

    func index(interpreter: Interpreter) throws(ScriptError) -> Int? {
        guard tensor.count == 1, tensor.dtype != .float32 else {
            throw .typeError("only integer tensors of a single element can be converted to an index")
        }
        return try interpreter.integerItem(tensor)
    }

    func floatValue(interpreter: Interpreter) throws(ScriptError) -> Double? {
        guard tensor.count == 1 else {
            throw .valueError("only one element tensors can be converted to Python scalars")
        }
        return try tensorCall { () throws(TensorError) in try tensor.item() }
    }

    func item(_ key: Value, interpreter: Interpreter) throws(ScriptError) -> Value? {
        let components = try TensorObject.indexComponents(key, interpreter: interpreter)
        return interpreter.wrap(try tensorCall { () throws(TensorError) in try tensor.subscript(components) })
    }

    func setItem(_ key: Value, _ value: Value, interpreter: Interpreter) throws(ScriptError) -> Bool {
        let components = try TensorObject.indexComponents(key, interpreter: interpreter)
        let source = try TensorObject.operand(value, like: tensor, interpreter: interpreter)
        try tensorCall { () throws(TensorError) in try tensor.assign(components, value: source) }
        return true
    }

    /// Python's subscript forms as tensor index components.
    static func indexComponents(_ key: Value, interpreter: Interpreter) throws(ScriptError) -> [TensorIndex] {
        let parts: [Value]
        if case .tuple(let items) = key { parts = items } else { parts = [key] }
        var components: [TensorIndex] = []
        for part in parts {
            switch part {
            case .none: components.append(.newAxis)
            case .int(let i): components.append(.index(i))
            case .bool(let b): components.append(.index(b ? 1 : 0))
            case .list:
                components.append(.tensor(try interpreter.tensor(part)))
            case .object(let object):
                if let slice = object as? SliceObject {
                    func bound(_ v: Value) throws(ScriptError) -> Int? { v.isNone ? nil : try interpreter.indexValue(v) }
                    components.append(.slice(start: try bound(slice.lower), end: try bound(slice.upper), step: try bound(slice.step)))
                } else if object is EllipsisObject {
                    components.append(.ellipsis)
                } else if let t = object as? TensorObject {
                    if t.tensor.rank == 0 && t.tensor.dtype == .int64 {
                        components.append(.index(try interpreter.integerItem(t.tensor)))
                    } else {
                        components.append(.tensor(t.tensor))
                    }
                } else {
                    throw .indexError("only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are valid indices (got \(part.typeName))")
                }
            default:
                throw .indexError("only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are valid indices (got \(part.typeName))")
            }
        }
        return components
    }

    /// A right-hand operand as a tensor (numbers become 0-d tensors of a matching dtype).
    static func operand(_ value: Value, like tensor: Tensor, interpreter: Interpreter) throws(ScriptError) -> Tensor {
        switch value {
        case .int(let i): return tensor.dtype == .int64 ? Tensor(scalar: Int64(i)) : Tensor(scalar: Float(i))
        case .float(let d): return Tensor(scalar: Float(d))
        case .bool(let b): return Tensor(scalar: Float(b ? 1 : 0))
        default: return try interpreter.tensor(value)
        }
    }

    func binary(_ op: BinaryOp, _ other: Value, reflected: Bool, interpreter: Interpreter) throws(ScriptError) -> Value? {
        let tensor = self.tensor
        if op == .matmul {
            let o = try interpreter.tensor(other)
            return interpreter.wrap(try tensorCall { () throws(TensorError) in reflected ? try o.matmul(tensor) : try tensor.matmul(o) })
        }
        if op == .power {
            if !reflected, let s = try interpreter.scalar(other) {
                return interpreter.wrap(try tensorCall { () throws(TensorError) in try tensor.pow(s) })
            }
            return nil
        }
        let arithmetic: ArithmeticOp
        switch op {
        case .add: arithmetic = .add
        case .subtract: arithmetic = .sub
        case .multiply: arithmetic = .mul
        case .divide: arithmetic = .div
        case .floorDivide, .modulo, .power, .matmul, .bitAnd, .bitOr, .bitXor, .shiftLeft, .shiftRight: return nil
        }
        if let s = try interpreter.scalar(other) {
            return interpreter.wrap(try tensorCall { () throws(TensorError) in
                reflected ? try tensor.reversedArithmetic(arithmetic, scalar: s) : try tensor.arithmetic(arithmetic, scalar: s)
            })
        }
        guard case .object(let object) = other, let o = (object as? TensorObject)?.tensor else { return nil }
        return interpreter.wrap(try tensorCall { () throws(TensorError) in
            reflected ? try o.arithmetic(arithmetic, tensor) : try tensor.arithmetic(arithmetic, o)
        })
    }

    func unary(_ op: UnaryOp, interpreter: Interpreter) throws(ScriptError) -> Value? {
        switch op {
        case .negate: return interpreter.wrap(try tensorCall { () throws(TensorError) in try tensor.neg() })
        case .plus: return .object(self)
        case .invert, .not: return nil
        }
    }

    func compare(_ op: CompareOp, _ other: Value, interpreter: Interpreter) throws(ScriptError) -> Value? {
        let comparison: ComparisonOp
        switch op {
        case .equal: comparison = .eq
        case .notEqual: comparison = .ne
        case .less: comparison = .lt
        case .lessEqual: comparison = .le
        case .greater: comparison = .gt
        case .greaterEqual: comparison = .ge
        case .in, .notIn:
            let found = try interpreter.truth(try interpreter.callMethod(
                try compare(.equal, other, interpreter: interpreter) ?? .bool(false), "any", Arguments()))
            return .bool(op == .in ? found : !found)
        case .is, .isNot: return nil
        }
        let tensor = self.tensor
        if let s = try interpreter.scalar(other) {
            return interpreter.wrap(try tensorCall { () throws(TensorError) in try tensor.compare(comparison, scalar: s) })
        }
        guard case .object(let object) = other, let o = (object as? TensorObject)?.tensor else {
            if op == .equal { return .bool(false) }
            if op == .notEqual { return .bool(true) }
            return nil
        }
        return interpreter.wrap(try tensorCall { () throws(TensorError) in try tensor.compare(comparison, o) })
    }

    /// `tolist()`: nested Python lists of ints, floats or bools.
    static func list(of tensor: Tensor) throws(ScriptError) -> Value {
        let dims = tensor.shape.dims
        let flat: [Value]
        switch tensor.dtype {
        case .float32: flat = tensor.floats.map { .float(Double($0)) }
        case .int64: flat = tensor.int64s.map { .int(Int($0)) }
        case .bool: flat = tensor.bools.map { .bool($0) }
        }
        if dims.isEmpty { return flat.first ?? Value.none }
        func build(_ level: Int, _ offset: Int) -> Value {
            let stride = dims[(level + 1)...].reduce(1, *)
            if level == dims.count - 1 {
                return .list(ListObject(Array(flat[offset..<(offset + dims[level])])))
            }
            return .list(ListObject((0..<dims[level]).map { build(level + 1, offset + $0 * stride) }))
        }
        return build(0, 0)
    }

    var attributeNames: [String] { TensorObject.methodNames + TensorObject.propertyNames }

    static let propertyNames = ["T", "data", "device", "dtype", "grad", "grad_fn", "is_leaf", "ndim",
                                "requires_grad", "shape"]
}

/// Iterates a tensor along dimension 0 (`for row in tensor`).
final class RowIterator: ValueIterator {
    var rows: TensorRows
    init(_ rows: TensorRows) { self.rows = rows }
    func next(interpreter: Interpreter) throws(ScriptError) -> Value? { rows.next().map(interpreter.wrap) }
}
