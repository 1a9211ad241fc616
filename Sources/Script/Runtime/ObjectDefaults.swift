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
