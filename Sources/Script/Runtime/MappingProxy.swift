/// `C.__dict__`: a read-only view of a class's namespace, as CPython's `mappingproxy`.
package final class MappingProxy: ScriptObject {
    package let type: TypeObject
    package init(_ type: TypeObject) { self.type = type }

    package var typeName: String { "mappingproxy" }

    /// The names in the order the class body bound them, then any set on the class since.
    package var names: [String] {
        var seen = Set<String>()
        var names: [String] = []
        for name in type.definitionOrder where type.namespace[name] != nil && seen.insert(name).inserted { names.append(name) }
        for name in type.namespace.keys.sorted() where !seen.contains(name) { names.append(name) }
        return names
    }

    /// The entries now, as a plain dict.
    package func snapshot() throws(ScriptError) -> DictObject {
        let dict = DictObject()
        for name in names {
            if let value = type.namespace[name] { try dict.set(.str(name), value) }
        }
        return dict
    }

    package func item(_ key: Value, interpreter: Interpreter) throws(ScriptError) -> Value? {
        guard case .str(let name) = key, let value = type.namespace[name] else {
            throw .keyError(key, repr: try interpreter.repr(key))
        }
        return value
    }

    package func setItem(_ key: Value, _ value: Value, interpreter: Interpreter) throws(ScriptError) -> Bool {
        throw .typeError("'mappingproxy' object does not support item assignment")
    }

    package func deleteItem(_ key: Value, interpreter: Interpreter) throws(ScriptError) -> Bool {
        throw .typeError("'mappingproxy' object does not support item deletion")
    }

    package func length(interpreter: Interpreter) throws(ScriptError) -> Int? { type.namespace.count }
    package func truth(interpreter: Interpreter) throws(ScriptError) -> Bool? { !type.namespace.isEmpty }
    package func makeIterator(interpreter: Interpreter) throws(ScriptError) -> (any ValueIterator)? {
        ArrayIterator(names.map { .str($0) })
    }
    package func repr(interpreter: Interpreter) throws(ScriptError) -> String {
        "mappingproxy(" + (try interpreter.repr(.dict(try snapshot()))) + ")"
    }

    package func compare(_ op: CompareOp, _ other: Value, interpreter: Interpreter) throws(ScriptError) -> Value? {
        switch op {
        case .in, .notIn:
            guard case .str(let name) = other else { return .bool(op == .notIn) }
            return .bool((type.namespace[name] != nil) == (op == .in))
        case .equal, .notEqual:
            let otherPlain: Value = if case .object(let o as MappingProxy) = other { .dict(try o.snapshot()) } else { other }
            return .bool(try interpreter.equal(.dict(try snapshot()), otherPlain) == (op == .equal))
        case .less, .lessEqual, .greater, .greaterEqual, .is, .isNot:
            return nil
        }
    }

    package static let methodNames = ["copy", "get", "items", "keys", "values"]
    package var attributeNames: [String] { MappingProxy.methodNames }

    package func attribute(_ name: String, interpreter: Interpreter) throws(ScriptError) -> Value? {
        guard MappingProxy.methodNames.contains(name) else { return nil }
        return .builtin(BuiltinFunction(name) { [self] interpreter, a throws(ScriptError) in
            try callMethod(name, a, interpreter: interpreter) ?? .none
        })
    }

    package func callMethod(_ method: String, _ a: Arguments, interpreter: Interpreter) throws(ScriptError) -> Value? {
        guard MappingProxy.methodNames.contains(method) else { return nil }
        if method == "copy" {
            try a.expect("copy", 0...0)
            return .dict(try snapshot())
        }
        return try interpreter.callMethod(.dict(try snapshot()), method, a)
    }
}
