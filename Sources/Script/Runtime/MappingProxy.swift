/// `C.__dict__`: a read-only view of a class's namespace, as CPython's `mappingproxy`.
package final class MappingProxy: DeclaredObject {
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

    /// A method that reads the mapping as a plain dict.
    private static func reading(_ name: String, _ signature: String, _ convention: NativeSignature.Convention, doc: String) -> NativeMethod<MappingProxy> {
        NativeMethod(name, signature, convention, doc: doc) { proxy, a, interpreter throws(ScriptError) in
            try interpreter.callMethod(.dict(try proxy.snapshot()), name, Arguments(a.values.compactMap { $0 }))
        }
    }

    package static let declaration = NativeType<MappingProxy>(methods: [
        NativeMethod("copy", "()", .noArguments, doc: "D.copy() -> a shallow copy of D") { proxy, _, _ throws(ScriptError) in
            .dict(try proxy.snapshot())
        },
        reading("get", "(key, default=None, /)", .clinic, doc: "Return the value for key if key is in the mapping, else default."),
        reading("items", "()", .noArguments, doc: "D.items() -> a set-like object providing a view on D's items"),
        reading("keys", "()", .noArguments, doc: "D.keys() -> a set-like object providing a view on D's keys"),
        reading("values", "()", .noArguments, doc: "D.values() -> an object providing a view on D's values"),
    ])
}
