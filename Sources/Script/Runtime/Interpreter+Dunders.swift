/// Operators on instances of user classes, as CPython's `binary_op1` and `do_richcompare`
/// dispatch them: the left operand's method, then the right operand's reflected one (first,
/// when the right operand's class is a subclass that overrides it); `NotImplemented` passes
/// the turn on.
extension Interpreter {
    /// Whether `value` is the `NotImplemented` singleton.
    func isNotImplemented(_ value: Value) -> Bool {
        if case .object(let object) = value { return object === types.notImplemented }
        return false
    }

    /// `left op right` through the dunders of user classes; nil when neither operand is an
    /// instance of a user class or both answered `NotImplemented`.
    func instanceBinary(_ op: BinaryOp, _ left: Value, _ right: Value) throws(ScriptError) -> Value? {
        guard let names = Interpreter.dunder[op] else { return nil }
        return try dispatchPair(left, right, names.0, names.1)
    }

    /// `divmod(a, b)`: `__divmod__` / `__rdivmod__` of a user class in CPython's operand order;
    /// for numbers (and native objects such as arrays) the floor quotient and the remainder;
    /// CPython's TypeError for anything else.
    package func divmod(_ left: Value, _ right: Value) throws(ScriptError) -> Value {
        if let result = try dispatchPair(left, right, "__divmod__", "__rdivmod__") { return result }
        if carriesValue(left) || carriesValue(right) { return try divmod(builtinValue(left), builtinValue(right)) }
        func divisible(_ value: Value) -> Bool {
            switch value {
            case .int, .float, .bool, .object: true
            case .none, .str, .list, .tuple, .dict, .set, .function, .builtin, .boundMethod, .type, .instance, .module: false
            }
        }
        guard divisible(left), divisible(right) else {
            throw .typeError("unsupported operand type(s) for divmod(): '\(left.typeName)' and '\(right.typeName)'")
        }
        if case .float = left, right.numericValue == 0 { throw ScriptError(.zeroDivisionError, "float divmod()") }
        if case .float = right, right.numericValue == 0, left.numericValue != nil { throw ScriptError(.zeroDivisionError, "float divmod()") }
        return .tuple([try binary(.floorDivide, left, right), try binary(.modulo, left, right)])
    }

    /// `a op= b` through `__iadd__` and friends; nil when the class has none (or it returned
    /// `NotImplemented`), so the binary operator is used instead.
    func instanceInPlace(_ op: BinaryOp, _ current: Value, _ value: Value) throws(ScriptError) -> Value? {
        guard let names = Interpreter.dunder[op] else { return nil }
        let name = "__i" + names.0.dropFirst(2)
        guard let result = try callSpecial(current, name, [value]), !isNotImplemented(result) else { return nil }
        return result
    }

    /// A rich comparison between values where at least one is an instance of a user class;
    /// nil when neither defines the comparison.
    func instanceCompare(_ op: CompareOp, _ left: Value, _ right: Value) throws(ScriptError) -> Value? {
        guard let name = op.richName, let reflected = op.swapped.richName else { return nil }
        if let result = try dispatchPair(left, right, name, reflected) { return result }
        if op == .notEqual, let equal = try dispatchPair(left, right, "__eq__", "__eq__") {
            return .bool(!(try truth(equal)))
        }
        return nil
    }

    /// CPython's operand order for a pair of special methods.
    private func dispatchPair(_ left: Value, _ right: Value, _ name: String, _ reflected: String) throws(ScriptError) -> Value? {
        let leftType = userType(left), rightType = userType(right)
        guard leftType != nil || rightType != nil else { return nil }
        var reflectedTried = false
        if let rightType, let leftType, rightType !== leftType, rightType.isSubtype(of: leftType),
           rightType.lookup(reflected) != nil {
            reflectedTried = true
            if let result = try callSpecial(right, reflected, [left]), !isNotImplemented(result) { return result }
        }
        if leftType != nil, let result = try callSpecial(left, name, [right]), !isNotImplemented(result) {
            return result
        }
        if !reflectedTried, rightType != nil, let result = try callSpecial(right, reflected, [left]),
           !isNotImplemented(result) {
            return result
        }
        return nil
    }

    private func userType(_ value: Value) -> TypeObject? {
        if case .instance(let instance) = value { return instance.type }
        return nil
    }

    /// Whether instances of `type` can be dict keys: a class that defines `__eq__` without
    /// `__hash__` has no hash (Python sets `__hash__ = None` for it).
    static func isHashable(_ type: TypeObject) -> Bool {
        for candidate in type.mro {
            if let hash = candidate.namespace["__hash__"] { return !hash.isNone }
            if candidate.namespace["__eq__"] != nil { return false }
        }
        return true
    }

    /// `hash(x)` of an instance: its class's `__hash__` (which must return an int), or its
    /// identity.
    func instanceHash(_ value: Value) throws(ScriptError) -> Int? {
        guard case .instance(let instance) = value else { return nil }
        guard Interpreter.isHashable(instance.type) else { throw .typeError("unhashable type: '\(instance.type.name)'") }
        guard let result = try callSpecial(value, "__hash__") else { return nil }
        switch result {
        case .int(let i): return i == -1 ? -2 : i
        case .bool(let b): return b ? 1 : 0
        case .object(let big as BigIntObject):
            // CPython reduces a big hash as it hashes the int.
            let reduced = big.value.pythonHash
            return reduced == -1 ? -2 : reduced
        case .none, .float, .str, .list, .tuple, .dict, .set, .function, .builtin, .boundMethod, .type, .instance,
             .module, .object:
            throw .typeError("__hash__ method should return an integer")
        }
    }
}

extension UnaryOp {
    /// The special method of `-x`, `+x` and `~x` (`not x` asks `__bool__` through truth).
    var specialMethod: String? {
        switch self {
        case .negate: "__neg__"
        case .plus: "__pos__"
        case .invert: "__invert__"
        case .not: nil
        }
    }
}

extension CompareOp {
    /// The special method of a rich comparison.
    var richName: String? {
        switch self {
        case .less: "__lt__"
        case .lessEqual: "__le__"
        case .greater: "__gt__"
        case .greaterEqual: "__ge__"
        case .equal: "__eq__"
        case .notEqual: "__ne__"
        case .in, .notIn, .is, .isNot: nil
        }
    }
}

/// Python's `NotImplemented`: what a binary special method returns to let the other
/// operand try.
package final class NotImplementedObject: ScriptObject {
    package var typeName: String { "NotImplementedType" }
    package func repr(interpreter: Interpreter) throws(ScriptError) -> String { "NotImplemented" }
    package func truth(interpreter: Interpreter) throws(ScriptError) -> Bool? { true }
}
