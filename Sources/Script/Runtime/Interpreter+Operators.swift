import Tensors

extension Interpreter {
    static let dunder: [BinaryOp: (String, String)] = [
        .add: ("__add__", "__radd__"), .subtract: ("__sub__", "__rsub__"),
        .multiply: ("__mul__", "__rmul__"), .divide: ("__truediv__", "__rtruediv__"),
        .floorDivide: ("__floordiv__", "__rfloordiv__"), .modulo: ("__mod__", "__rmod__"),
        .power: ("__pow__", "__rpow__"), .matmul: ("__matmul__", "__rmatmul__"),
        .bitAnd: ("__and__", "__rand__"), .bitOr: ("__or__", "__ror__"), .bitXor: ("__xor__", "__rxor__"),
        .shiftLeft: ("__lshift__", "__rlshift__"), .shiftRight: ("__rshift__", "__rrshift__"),
    ]

    package func binary(_ op: BinaryOp, _ left: Value, _ right: Value) throws(ScriptError) -> Value {
        switch (left, right) {
        case (.int(let a), .int(let b)): return try Arithmetic.int(op, a, b)
        case (.float(let a), .float(let b)): return try Arithmetic.float(op, a, b)
        case (.int(let a), .float(let b)): return try Arithmetic.float(op, Double(a), b)
        case (.float(let a), .int(let b)): return try Arithmetic.float(op, a, Double(b))
        case (.bool(let a), .bool(let b)) where op == .bitAnd || op == .bitOr || op == .bitXor:
            return .bool(op == .bitAnd ? a && b : op == .bitOr ? a || b : a != b)
        case (.list(let l), .bool(let b)) where op == .multiply, (.bool(let b), .list(let l)) where op == .multiply:
            return .list(ListObject(b ? l.items : []))
        case (.bool, _), (_, .bool):
            if let a = left.intLike, let b = right.intLike { return try Arithmetic.int(op, a, b) }
            if let a = left.numericValue, let b = right.numericValue { return try Arithmetic.float(op, a, b) }
        case (.str(let a), .str(let b)) where op == .add:
            guard MemoryBudget.allows(bytes: a.utf8.count + b.utf8.count) else { throw ScriptError(.memoryError, "") }
            return .str(a + b)
        case (.str(let a), _) where op == .modulo: return .str(try percentFormat(a, right))
        case (.list(let a), .list(let b)) where op == .add:
            try checkItems(a.items.count, b.items.count)
            return .list(ListObject(a.items + b.items))
        case (.tuple(let a), .tuple(let b)) where op == .add:
            try checkItems(a.count, b.count)
            return .tuple(a + b)
        case (.str(let s), .int(let n)) where op == .multiply, (.int(let n), .str(let s)) where op == .multiply:
            if n > 0 && s.utf8.count > 0 && n > Interpreter.maxContainerLength / s.utf8.count {
                throw ScriptError(.memoryError, "")
            }
            return .str(s.isEmpty ? "" : String(repeating: s, count: max(0, n)))
        case (.list(let l), .int(let n)) where op == .multiply, (.int(let n), .list(let l)) where op == .multiply:
            return .list(ListObject(try repeated(l.items, n)))
        case (.tuple(let t), .int(let n)) where op == .multiply, (.int(let n), .tuple(let t)) where op == .multiply:
            return .tuple(try repeated(t, n))
        case (.set(let a), .set(let b)):
            if let result = try setOperation(op, a, b) { return .set(result) }
        case (.dict(let a), .dict(let b)) where op == .bitOr:
            let merged = a.copy()
            for (k, v) in b.items { try merged.set(k, v) }
            return .dict(merged)
        default: break
        }
        if case .object(let object) = left, let result = try object.binary(op, right, reflected: false, interpreter: self) {
            return result
        }
        if case .object(let object) = right, let result = try object.binary(op, left, reflected: true, interpreter: self) {
            return result
        }
        if let result = try instanceBinary(op, left, right) { return result }
        // `"<" + name` with a str subclass: the operation on the values they carry.
        if carriesValue(left) || carriesValue(right) { return try binary(op, builtinValue(left), builtinValue(right)) }
        if op == .add, case .str = left {
            throw .typeError("can only concatenate str (not \"\(right.typeName)\") to str")
        }
        if op == .add, case .list = left {
            throw .typeError("can only concatenate list (not \"\(right.typeName)\") to list")
        }
        if op == .multiply, case .str = left, case .str = right {
            throw .typeError("can't multiply sequence by non-int of type 'str'")
        }
        throw .typeError("unsupported operand type(s) for \(op.rawValue): '\(left.typeName)' and '\(right.typeName)'")
    }

    /// MemoryError when a container of `a + b` values would not fit.
    func checkItems(_ a: Int, _ b: Int) throws(ScriptError) {
        let (total, overflow) = a.addingReportingOverflow(b)
        guard !overflow, total <= Int.max / MemoryLayout<Value>.stride,
              MemoryBudget.allows(bytes: total * MemoryLayout<Value>.stride) else { throw ScriptError(.memoryError, "") }
    }

    package func repeated(_ items: [Value], _ n: Int) throws(ScriptError) -> [Value] {
        guard n > 0, !items.isEmpty else { return [] }
        if items.count > 0 && n > Interpreter.maxContainerLength / items.count {
            throw ScriptError(.memoryError, "")
        }
        var result: [Value] = []
        result.reserveCapacity(items.count * n)
        for _ in 0..<n { result.append(contentsOf: items) }
        return result
    }

    func setOperation(_ op: BinaryOp, _ a: SetObject, _ b: SetObject) throws(ScriptError) -> SetObject? {
        // The result is of the left operand's type (`frozenset | set` is a frozenset).
        let result = SetObject(frozen: a.isFrozen)
        switch op {
        case .bitOr:
            for k in a.storage.keys + b.storage.keys { try result.storage.set(k, .none) }
        case .bitAnd:
            for k in a.storage.keys where try b.storage.get(k) != nil { try result.storage.set(k, .none) }
        case .subtract:
            for k in a.storage.keys where try b.storage.get(k) == nil { try result.storage.set(k, .none) }
        case .bitXor:
            for k in a.storage.keys where try b.storage.get(k) == nil { try result.storage.set(k, .none) }
            for k in b.storage.keys where try a.storage.get(k) == nil { try result.storage.set(k, .none) }
        case .add, .multiply, .divide, .floorDivide, .modulo, .power, .matmul, .shiftLeft, .shiftRight:
            return nil
        }
        return result
    }

    package func unary(_ op: UnaryOp, _ value: Value) throws(ScriptError) -> Value {
        if op == .not { return .bool(!(try truth(value))) }
        switch (op, value) {
        case (.negate, .int(let i)):
            let (r, overflow) = (0).subtractingReportingOverflow(i)
            if overflow { return .integer(-BigInteger(i)) }
            return .int(r)
        case (.negate, .float(let d)): return .float(-d)
        case (.negate, .bool(let b)): return .int(b ? -1 : 0)
        case (.plus, .int), (.plus, .float): return value
        case (.plus, .bool(let b)): return .int(b ? 1 : 0)
        case (.invert, .int(let i)): return .int(~i)
        case (.invert, .bool(let b)): return .int(b ? -2 : -1)
        case (_, .object(let object)):
            if let result = try object.unary(op, interpreter: self) { return result }
        case (_, .instance):
            if let name = op.specialMethod, let result = try callSpecial(value, name) { return result }
        default: break
        }
        throw .typeError("bad operand type for unary \(op.rawValue): '\(value.typeName)'")
    }

    package func truth(_ value: Value) throws(ScriptError) -> Bool {
        switch value {
        case .none: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .float(let d): return d != 0
        case .str(let s): return !s.isEmpty
        case .list(let l): return !l.items.isEmpty
        case .tuple(let t): return !t.isEmpty
        case .dict(let d): return d.count > 0
        case .set(let s): return s.storage.count > 0
        case .object(let object):
            if let b = try object.truth(interpreter: self) { return b }
            if let n = try object.length(interpreter: self) { return n > 0 }
            return true
        case .instance:
            return try instanceTruth(value)
        case .type:
            return hasMetaclass(value) ? try instanceTruth(value) : true
        case .function, .builtin, .boundMethod, .module: return true
        }
    }
}

extension Value {
    /// Ints and bools as ints.
    package var intLike: Int? {
        switch self {
        case .int(let i): i
        case .bool(let b): b ? 1 : 0
        case .none, .float, .str, .list, .tuple, .dict, .set, .function, .builtin, .boundMethod, .type, .instance,
             .module, .object: nil
        }
    }
}
