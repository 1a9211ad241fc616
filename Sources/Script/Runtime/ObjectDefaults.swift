/// The methods every class inherits from `object` when it does not define them, as
/// attributes: `x.__eq__(y)` (identity, else NotImplemented), `x.__ne__(y)`, `x.__hash__()`
/// and, on the class, `__hash__` being None when the class defines `__eq__` without it.
extension Interpreter {
    func objectDefault(_ receiver: Value, instance: InstanceObject, _ name: String) -> Value? {
        let type = instance.type
        switch name {
        case "__eq__", "__ne__":
            return .builtin(BuiltinFunction(name) { [weak self] _, a throws(ScriptError) in
                try a.expect(name, 1...1)
                guard let self else { return .none }
                if case .instance(let other) = a.positional[0], other === instance {
                    return .bool(name == "__eq__")
                }
                if name == "__ne__", let equal = type.lookup("__eq__") {
                    let result = try callBound(equal, receiver: receiver, Arguments([a.positional[0]]))
                    if case .object(let object) = result, object === types.notImplemented { return result }
                    return .bool(!(try truth(result)))
                }
                return .object(types.notImplemented)
            })
        case "__hash__":
            guard Interpreter.isHashable(type) else { return Value.none }
            return .builtin(BuiltinFunction(name) { _, a throws(ScriptError) in
                try a.expect(name, 0...0)
                return .int(HashKey.pythonHash(receiver))
            })
        default:
            return nil
        }
    }

    /// `C.__hash__` for a class that does not define it: `object.__hash__`, or None when
    /// `__eq__` is defined without it (its instances are unhashable).
    func classHashDefault(_ type: TypeObject, _ name: String) -> Value? {
        guard name == "__hash__", type.exceptionKind == nil, type.libraryBase == nil else { return nil }
        guard Interpreter.isHashable(type) else { return Value.none }
        return .builtin(BuiltinFunction(name) { interpreter, a throws(ScriptError) in
            try a.expect(name, 1...1)
            guard case .instance(let instance) = a.positional[0], instance.type.isSubtype(of: type) else {
                throw .typeError("descriptor '__hash__' requires a '\(type.name)' object but received a '\(a.positional[0].typeName)'")
            }
            return .int(try interpreter.instanceHash(a.positional[0]) ?? HashKey.pythonHash(a.positional[0]))
        })
    }
}

/// `(5).__add__(3)`, `(2.5).__rtruediv__(1)`, `(-7).__abs__()`: the special methods of int,
/// bool and float as attributes. An operand of another kind gives NotImplemented, as
/// CPython's number methods do (`(3).__mul__(2.0)`).
extension Interpreter {
    static let numberBinary: [String: (op: BinaryOp, reflected: Bool)] = {
        var table: [String: (op: BinaryOp, reflected: Bool)] = [:]
        for (op, (name, reflected)) in dunder where op != .matmul {
            table[name] = (op, false)
            table[reflected] = (op, true)
        }
        return table
    }()

    static let numberComparisons: [String: CompareOp] = [
        "__eq__": .equal, "__ne__": .notEqual, "__lt__": .less, "__le__": .lessEqual, "__gt__": .greater, "__ge__": .greaterEqual,
    ]

    func numberMethod(_ receiver: Value, _ name: String) -> Value? {
        let isFloat: Bool
        switch receiver {
        case .int, .bool: isFloat = false
        case .float: isFloat = true
        case .object(let object) where object is BigIntObject: isFloat = false
        case .none, .str, .list, .tuple, .dict, .set, .function, .builtin, .boundMethod, .type, .instance, .module, .object:
            return nil
        }
        func accepts(_ other: Value) -> Bool {
            switch other {
            case .int, .bool: true
            case .float: isFloat
            case .object(let object): object is BigIntObject
            case .none, .str, .list, .tuple, .dict, .set, .function, .builtin, .boundMethod, .type, .instance, .module: false
            }
        }
        if let (op, reflected) = Self.numberBinary[name] {
            guard !(isFloat && [.bitAnd, .bitOr, .bitXor, .shiftLeft, .shiftRight].contains(op)) else { return nil }
            return .builtin(BuiltinFunction(name) { interpreter, a throws(ScriptError) in
                try a.expect(name, 1...1)
                let other = a.positional[0]
                guard accepts(other) else { return .object(interpreter.types.notImplemented) }
                return reflected ? try interpreter.binary(op, other, receiver) : try interpreter.binary(op, receiver, other)
            })
        }
        if let op = Self.numberComparisons[name] {
            return .builtin(BuiltinFunction(name) { interpreter, a throws(ScriptError) in
                try a.expect(name, 1...1)
                guard accepts(a.positional[0]) else { return .object(interpreter.types.notImplemented) }
                return try interpreter.compare(op, receiver, a.positional[0])
            })
        }
        let unary: ((Interpreter) throws(ScriptError) -> Value)? = switch name {
        case "__neg__": { interpreter throws(ScriptError) in try interpreter.unary(.negate, receiver) }
        case "__pos__": { interpreter throws(ScriptError) in try interpreter.unary(.plus, receiver) }
        case "__invert__" where !isFloat: { interpreter throws(ScriptError) in try interpreter.unary(.invert, receiver) }
        case "__abs__": { interpreter throws(ScriptError) in
            if case .float(let d) = receiver { return .float(d.magnitude) }
            return try interpreter.truth(try interpreter.compare(.less, receiver, .int(0))) ? try interpreter.unary(.negate, receiver) : try interpreter.unary(.plus, receiver)
        }
        case "__bool__": { interpreter throws(ScriptError) in .bool(try interpreter.truth(receiver)) }
        case "__float__": { interpreter throws(ScriptError) in
            try interpreter.call(interpreter.builtins["float"] ?? .none, Arguments([receiver]))
        }
        case "__int__": { interpreter throws(ScriptError) in
            try interpreter.call(interpreter.builtins["int"] ?? .none, Arguments([receiver]))
        }
        default: nil
        }
        guard let unary else { return nil }
        return .builtin(BuiltinFunction(name) { interpreter, a throws(ScriptError) in
            try a.expect(name, 0...0)
            return try unary(interpreter)
        })
    }
}
