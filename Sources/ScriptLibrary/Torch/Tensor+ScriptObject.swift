import Rendering
import Tensors
import Script

/// A tensor is a script value itself (no wrapper object per value): operators, indexing,
/// iteration along dim 0, PyTorch's repr.
extension Tensor: ScriptObject {
    /// A parameter's class is `Parameter` (torch.nn.parameter), a subclass of `Tensor`.
    package var typeName: String { isParameter ? "Parameter" : "Tensor" }

    package func repr(interpreter: Interpreter) throws(ScriptError) -> String { self.description }

    package func summary(interpreter: Interpreter) -> String? {
        let dims = self.shape.dims.map(String.init).joined(separator: "x")
        return "\(dims.isEmpty ? "scalar" : dims): \(self.count) elems, \(self.dtype)"
            + (self.requiresGrad ? ", requires_grad" : "")
    }

    package func length(interpreter: Interpreter) throws(ScriptError) -> Int? {
        guard self.rank > 0 else { throw .typeError("len() of a 0-d tensor") }
        return self.shape.dims[0]
    }

    package func makeIterator(interpreter: Interpreter) throws(ScriptError) -> (any ValueIterator)? {
        guard self.rank > 0 else { throw .typeError("iteration over a 0-d tensor") }
        return RowIterator(try tensorCall { () throws(TensorError) in try TensorRows(self) })
    }

    package func truth(interpreter: Interpreter) throws(ScriptError) -> Bool? {
        guard self.count == 1 else {
            throw .runtimeError("Boolean value of Tensor with more than one value is ambiguous")
        }
        return try tensorCall { () throws(TensorError) in try self.item() } != 0
    }

    package func index(interpreter: Interpreter) throws(ScriptError) -> Int? {
        guard self.count == 1, !self.dtype.isFloatingPoint else {
            throw .typeError("only integer tensors of a single element can be converted to an index")
        }
        return try interpreter.integerItem(self)
    }

    package func floatValue(interpreter: Interpreter) throws(ScriptError) -> Double? {
        guard self.count == 1 else {
            throw .valueError("only one element tensors can be converted to Python scalars")
        }
        // PyTorch warns only while grad mode is on (not under no_grad, as inside an optimizer's step).
        if requiresGrad && GradMode.isEnabled {
            try interpreter.warnOnce("Converting a tensor with requires_grad=True to a scalar may lead to unexpected behavior.\nConsider using tensor.detach() first.",
                             category: .userWarning)
        }
        return try tensorCall { () throws(TensorError) in try self.item() }
    }

    /// PyTorch's `Tensor.__format__`: a 0-d tensor formats as its Python number
    /// (`f"{loss:.4f}"`, `f"{x}"` is `2.5`); any other takes no format spec.
    package func format(_ spec: String, interpreter: Interpreter) throws(ScriptError) -> String? {
        guard rank == 0 else {
            if spec.isEmpty { return nil }
            throw .typeError("unsupported format string passed to Tensor.__format__")
        }
        let number: Value = switch try tensorCall({ () throws(TensorError) in try self.scalarValue() }) {
        case .int(let i): .int(Int(i))
        case .float(let d): .float(d)
        case .bool(let b): .bool(b)
        }
        return try interpreter.format(number, spec: spec)
    }

    package func item(_ key: Value, interpreter: Interpreter) throws(ScriptError) -> Value? {
        let components = try Tensor.indexComponents(key, interpreter: interpreter)
        return interpreter.wrap(try tensorCall { () throws(TensorError) in try self.subscript(components) })
    }

    package func setItem(_ key: Value, _ value: Value, interpreter: Interpreter) throws(ScriptError) -> Bool {
        let components = try Tensor.indexComponents(key, interpreter: interpreter)
        if case .str = value { throw .typeError("can't assign a str to a torch.\(self.dtype.scalarTypeName)Tensor") }
        let source = try Tensor.operand(value, like: self, interpreter: interpreter)
        try tensorCall { () throws(TensorError) in try self.assign(components, value: source) }
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
            case .bool(let b):
                // PyTorch reads a bool as a 0-d mask: a new dimension of size 1 (True) or 0.
                components.append(.tensor(try tensorCall { () throws(TensorError) in try Tensor(bools: [b], shape: .scalar) }))
            case .list:
                components.append(.tensor(try interpreter.tensor(part)))
            case .object(let object):
                if let slice = object as? SliceObject {
                    func bound(_ v: Value) throws(ScriptError) -> Int? { v.isNone ? nil : try interpreter.indexValue(v) }
                    components.append(.slice(start: try bound(slice.lower), end: try bound(slice.upper), step: try bound(slice.step)))
                } else if object is EllipsisObject {
                    components.append(.ellipsis)
                } else if let t = object as? Tensor {
                    if t.rank == 0 && (t.dtype == .int64 || t.dtype == .int32) {
                        components.append(.index(try interpreter.integerItem(t)))
                    } else {
                        components.append(.tensor(t))
                    }
                } else {
                    throw .indexError("only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are valid indices (got \(part.typeName))")
                }
            case .str:
                // PyTorch tries to build an index tensor from the string.
                throw .typeError("new(): invalid data type 'str'")
            case .float, .tuple, .dict, .set, .function, .builtin, .boundMethod, .type, .instance,
                 .module:
                throw .indexError("only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are valid indices (got \(part.typeName))")
            }
        }
        return components
    }

    /// A right-hand operand as a tensor (numbers become 0-d tensors of a matching dtype).
    static func operand(_ value: Value, like tensor: Tensor, interpreter: Interpreter) throws(ScriptError) -> Tensor {
        switch value {
        case .int(let i): return Tensor.scalarOperand(.int(Int64(i)), like: tensor)
        case .float(let d): return Tensor.scalarOperand(.float(d), like: tensor)
        case .bool(let b): return Tensor.scalarOperand(.bool(b), like: tensor)
        case .none, .str, .list, .tuple, .dict, .set, .function, .builtin, .boundMethod, .type, .instance,
             .module, .object:
            return try interpreter.tensor(value)
        }
    }

    package func binary(_ op: BinaryOp, _ other: Value, reflected: Bool, interpreter: Interpreter) throws(ScriptError) -> Value? {
        if op == .matmul {
            // `@` takes only tensors: anything else is Python's unsupported-operand TypeError.
            guard case .object(let object) = other, let o = object as? Tensor else { return nil }
            return interpreter.wrap(try tensorCall { () throws(TensorError) in reflected ? try o.matmul(self) : try self.matmul(o) })
        }
        if op == .power {
            if let s = try interpreter.scalar(other) {
                return interpreter.wrap(try tensorCall { () throws(TensorError) in
                    reflected ? try Tensor.pow(base: s, self) : try self.pow(s)
                })
            }
            guard case .object(let object) = other, let o = object as? Tensor else { return nil }
            return interpreter.wrap(try tensorCall { () throws(TensorError) in reflected ? try o.pow(self) : try self.pow(o) })
        }
        if op == .modulo || op == .floorDivide {
            let function: BinaryFunction = op == .modulo ? .remainder : .floorDivide
            let o: Tensor
            let number = try interpreter.scalar(other) != nil
            if number {
                o = try Tensor.operand(other, like: self, interpreter: interpreter)
            } else if case .object(let object) = other, let t = object as? Tensor {
                o = t
            } else {
                return nil
            }
            return interpreter.wrap(try tensorCall { () throws(TensorError) in
                reflected ? try o.binary(function, self) : try self.binary(function, o, numberOperand: number)
            })
        }
        let arithmetic: ArithmeticOp
        switch op {
        case .add: arithmetic = .add
        case .subtract: arithmetic = .sub
        case .multiply: arithmetic = .mul
        case .divide: arithmetic = .div
        case .floorDivide, .modulo, .power, .matmul, .bitAnd, .bitOr, .bitXor, .shiftLeft,
             .shiftRight: return nil
        }
        if let s = try interpreter.scalar(other) {
            return interpreter.wrap(try tensorCall { () throws(TensorError) in
                reflected ? try self.reversedArithmetic(arithmetic, scalar: s) : try self.arithmetic(arithmetic, scalar: s)
            })
        }
        guard case .object(let object) = other, let o = (object as? Tensor) else { return nil }
        return interpreter.wrap(try tensorCall { () throws(TensorError) in
            reflected ? try o.arithmetic(arithmetic, self) : try self.arithmetic(arithmetic, o)
        })
    }

    package func unary(_ op: UnaryOp, interpreter: Interpreter) throws(ScriptError) -> Value? {
        switch op {
        case .negate: return interpreter.wrap(try tensorCall { () throws(TensorError) in try self.neg() })
        case .plus: return .object(self)
        case .invert, .not: return nil
        }
    }

    package func compare(_ op: CompareOp, _ other: Value, interpreter: Interpreter) throws(ScriptError) -> Value? {
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
        if let s = try interpreter.scalar(other) {
            return interpreter.wrap(try tensorCall { () throws(TensorError) in try self.compare(comparison, scalar: s) })
        }
        guard case .object(let object) = other, let o = (object as? Tensor) else {
            if op == .equal { return .bool(false) }
            if op == .notEqual { return .bool(true) }
            return nil
        }
        return interpreter.wrap(try tensorCall { () throws(TensorError) in try self.compare(comparison, o) })
    }

    /// `tolist()`: nested Python lists of ints, floats or bools.
    package static func list(of tensor: Tensor) throws(ScriptError) -> Value {
        let dims = tensor.shape.dims
        try NestedListBudget.check(dims)
        let flat: [Value]
        switch tensor.dtype {
        case .float32: flat = tensor.floats.map { .float(Double($0)) }
        case .float64: flat = tensor.doubles.map { .float($0) }
        case .int64, .int32, .uint8: flat = tensor.int64s.map { .int(Int($0)) }
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

    package var attributeNames: [String] { Tensor.methodNames + Tensor.propertyNames }

    /// A bounded HTML table of the elements.
    package func richDisplay(interpreter: Interpreter) -> [(mime: String, data: String)] {
        [("text/html", TensorDisplay(tensor: self).html())]
    }

    static let propertyNames = ["T", "data", "device", "dtype", "grad", "grad_fn", "is_leaf", "ndim",
                                "requires_grad", "shape"]
}

/// Iterates a tensor along dimension 0 (`for row in tensor`).
package final class RowIterator: ValueIterator {
    package var rows: TensorRows
    init(_ rows: TensorRows) { self.rows = rows }
    package func next(interpreter: Interpreter) throws(ScriptError) -> Value? {
        guard let row = rows.next() else { return nil }
        return .object(row)
    }
}
