/// `C.__dict__`: a read-only view of a class's namespace, as CPython's `mappingproxy`.
final class MappingProxy: ScriptObject {
    let type: TypeObject
    init(_ type: TypeObject) { self.type = type }

    var typeName: String { "mappingproxy" }

    /// The names in the order the class body bound them, then any set on the class since.
    var names: [String] {
        var seen = Set<String>()
        var names: [String] = []
        for name in type.definitionOrder where type.namespace[name] != nil && seen.insert(name).inserted { names.append(name) }
        for name in type.namespace.keys.sorted() where !seen.contains(name) { names.append(name) }
        return names
    }

    /// The entries now, as a plain dict.
    func snapshot() throws(ScriptError) -> DictObject {
        let dict = DictObject()
        for name in names {
            if let value = type.namespace[name] { try dict.set(.str(name), value) }
        }
        return dict
    }

    func item(_ key: Value, interpreter: Interpreter) throws(ScriptError) -> Value? {
        guard case .str(let name) = key, let value = type.namespace[name] else {
            throw .keyError(key, repr: try interpreter.repr(key))
        }
        return value
    }

    func setItem(_ key: Value, _ value: Value, interpreter: Interpreter) throws(ScriptError) -> Bool {
        throw .typeError("'mappingproxy' object does not support item assignment")
    }

    func deleteItem(_ key: Value, interpreter: Interpreter) throws(ScriptError) -> Bool {
        throw .typeError("'mappingproxy' object does not support item deletion")
    }

    func length(interpreter: Interpreter) throws(ScriptError) -> Int? { type.namespace.count }
    func truth(interpreter: Interpreter) throws(ScriptError) -> Bool? { !type.namespace.isEmpty }
    func makeIterator(interpreter: Interpreter) throws(ScriptError) -> (any ValueIterator)? {
        ArrayIterator(names.map { .str($0) })
    }
    func repr(interpreter: Interpreter) throws(ScriptError) -> String {
        "mappingproxy(" + (try interpreter.repr(.dict(try snapshot()))) + ")"
    }

    func compare(_ op: CompareOp, _ other: Value, interpreter: Interpreter) throws(ScriptError) -> Value? {
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

    static let methodNames = ["copy", "get", "items", "keys", "values"]
    var attributeNames: [String] { MappingProxy.methodNames }

    func attribute(_ name: String, interpreter: Interpreter) throws(ScriptError) -> Value? {
        guard MappingProxy.methodNames.contains(name) else { return nil }
        return .builtin(BuiltinFunction(name) { [self] interpreter, a throws(ScriptError) in
            try callMethod(name, a, interpreter: interpreter) ?? .none
        })
    }

    func callMethod(_ method: String, _ a: Arguments, interpreter: Interpreter) throws(ScriptError) -> Value? {
        guard MappingProxy.methodNames.contains(method) else { return nil }
        if method == "copy" {
            try a.expect("copy", 0...0)
            return .dict(try snapshot())
        }
        return try interpreter.callMethod(.dict(try snapshot()), method, a)
    }
}
