/// Names and values kept somewhere other than a dict (a module's global slots, an
/// instance's attribute table) that `globals()` and `obj.__dict__` show as one.
package protocol NameStore: AnyObject {
    /// The bound names, in the store's order.
    var storedNames: [String] { get }
    func storedValue(_ name: String) -> Value?
    func store(_ name: String, _ value: Value)
    /// Unbinds `name`; false when it was not bound.
    func unstore(_ name: String) -> Bool
}

/// A module's globals by name.
package final class GlobalsStore: NameStore {
    let scope: Scope
    package let symbols: SymbolTable
    init(_ scope: Scope, _ symbols: SymbolTable) {
        self.scope = scope
        self.symbols = symbols
    }
    package var storedNames: [String] { scope.entries.map { symbols.name($0.id) } }
    package func storedValue(_ name: String) -> Value? { symbols.existing(name).flatMap { scope.local($0) } }
    package func store(_ name: String, _ value: Value) { scope.setLocal(symbols.intern(name), value) }
    package func unstore(_ name: String) -> Bool { symbols.existing(name).map { scope.removeLocal($0) } ?? false }
}

/// An instance's attributes by name.
package final class InstanceStore: NameStore {
    package let instance: InstanceObject
    init(_ instance: InstanceObject) { self.instance = instance }
    package var storedNames: [String] { instance.attributes.keys }
    package func storedValue(_ name: String) -> Value? { instance.attributes[name] }
    package func store(_ name: String, _ value: Value) { instance.attributes[name] = value }
    package func unstore(_ name: String) -> Bool { instance.attributes.removeValue(forKey: name) != nil }
}

/// `globals()` and `obj.__dict__`: a dict whose reads and writes go to the names themselves,
/// so `globals()['x'] = 1` binds `x` and `obj.__dict__['y'] = 2` sets `obj.y`, as in CPython.
package final class NamespaceDict: ScriptObject {
    package let store: any NameStore
    init(_ store: any NameStore) { self.store = store }

    package var typeName: String { "dict" }

    /// The entries now, as a plain dict.
    package func snapshot() throws(ScriptError) -> DictObject {
        let dict = DictObject()
        for name in store.storedNames {
            if let value = store.storedValue(name) { try dict.set(.str(name), value) }
        }
        return dict
    }

    private func name(_ key: Value, interpreter: Interpreter) throws(ScriptError) -> String {
        guard case .str(let name) = key else { throw .keyError(key, repr: try interpreter.repr(key)) }
        return name
    }

    package func item(_ key: Value, interpreter: Interpreter) throws(ScriptError) -> Value? {
        guard let value = store.storedValue(try name(key, interpreter: interpreter)) else {
            throw .keyError(key, repr: try interpreter.repr(key))
        }
        return value
    }

    package func setItem(_ key: Value, _ value: Value, interpreter: Interpreter) throws(ScriptError) -> Bool {
        guard case .str(let name) = key else {
            throw ScriptError(.notImplementedError, "Recur keeps only str keys in a namespace dict, not \(key.typeName)")
        }
        store.store(name, value)
        return true
    }

    package func deleteItem(_ key: Value, interpreter: Interpreter) throws(ScriptError) -> Bool {
        guard store.unstore(try name(key, interpreter: interpreter)) else { throw .keyError(key, repr: try interpreter.repr(key)) }
        return true
    }

    package func length(interpreter: Interpreter) throws(ScriptError) -> Int? { store.storedNames.count }
    package func truth(interpreter: Interpreter) throws(ScriptError) -> Bool? { !store.storedNames.isEmpty }
    package func makeIterator(interpreter: Interpreter) throws(ScriptError) -> (any ValueIterator)? {
        ArrayIterator(store.storedNames.map { .str($0) })
    }
    package func repr(interpreter: Interpreter) throws(ScriptError) -> String { try interpreter.repr(.dict(try snapshot())) }

    package func compare(_ op: CompareOp, _ other: Value, interpreter: Interpreter) throws(ScriptError) -> Value? {
        switch op {
        case .in, .notIn:
            guard case .str(let name) = other else { return .bool(op == .notIn) }
            return .bool((store.storedValue(name) != nil) == (op == .in))
        case .equal, .notEqual:
            let plain = Value.dict(try snapshot())
            let otherPlain: Value = if case .object(let o as NamespaceDict) = other { .dict(try o.snapshot()) } else { other }
            return .bool(try interpreter.equal(plain, otherPlain) == (op == .equal))
        case .less, .lessEqual, .greater, .greaterEqual, .is, .isNot:
            return nil
        }
    }

    package static let methodNames = ["clear", "copy", "get", "items", "keys", "pop", "setdefault", "update", "values"]
    package var attributeNames: [String] { NamespaceDict.methodNames }

    package func attribute(_ name: String, interpreter: Interpreter) throws(ScriptError) -> Value? {
        guard NamespaceDict.methodNames.contains(name) else { return nil }
        return .builtin(BuiltinFunction(name) { [self] interpreter, a throws(ScriptError) in
            try callMethod(name, a, interpreter: interpreter) ?? .none
        })
    }

    package func callMethod(_ method: String, _ a: Arguments, interpreter: Interpreter) throws(ScriptError) -> Value? {
        switch method {
        case "get":
            try a.expect("get", 1...2)
            guard case .str(let name) = a.positional[0], let value = store.storedValue(name) else {
                return a.positional.count == 2 ? a.positional[1] : .none
            }
            return value
        case "setdefault":
            try a.expect("setdefault", 1...2)
            if case .str(let name) = a.positional[0], let value = store.storedValue(name) { return value }
            let value = a.positional.count == 2 ? a.positional[1] : .none
            _ = try setItem(a.positional[0], value, interpreter: interpreter)
            return value
        case "pop":
            try a.expect("pop", 1...2)
            if case .str(let name) = a.positional[0], let value = store.storedValue(name) {
                _ = store.unstore(name)
                return value
            }
            if a.positional.count == 2 { return a.positional[1] }
            throw .keyError(a.positional[0], repr: try interpreter.repr(a.positional[0]))
        case "update":
            try a.expect("update", 0...1, keywords: a.keywords.map(\.name))
            if let source = a.positional.first {
                let plain: Value = if case .object(let o as NamespaceDict) = source { .dict(try o.snapshot()) } else { source }
                for (k, v) in try pairs(plain, interpreter) { _ = try setItem(k, v, interpreter: interpreter) }
            }
            for entry in a.keywords { store.store(entry.name, entry.value) }
            return Value.none
        case "clear":
            try a.expect("clear", 0...0)
            for name in store.storedNames { _ = store.unstore(name) }
            return Value.none
        case "copy":
            try a.expect("copy", 0...0)
            return .dict(try snapshot())
        case "keys", "values", "items":
            try a.expect(method, 0...0)
            return try interpreter.callMethod(.dict(try snapshot()), method, Arguments())
        default:
            return nil
        }
    }

    /// The (key, value) pairs of a mapping or an iterable of pairs.
    private func pairs(_ source: Value, _ interpreter: Interpreter) throws(ScriptError) -> [(Value, Value)] {
        guard case .dict(let dict) = try Constructors.dict(interpreter, Arguments([source])) else { return [] }
        return dict.items
    }
}
