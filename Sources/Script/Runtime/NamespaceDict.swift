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
package final class NamespaceDict: DeclaredObject {
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

    package static let declaration = NativeType<NamespaceDict>(methods: [
        NativeMethod("clear", "()", .noArguments, doc: "D.clear() -> None.  Remove all items from D.") { d, _, _ throws(ScriptError) in
            for name in d.store.storedNames { _ = d.store.unstore(name) }
            return .none
        },
        NativeMethod("copy", "()", .noArguments, doc: "D.copy() -> a shallow copy of D") { d, _, _ throws(ScriptError) in
            .dict(try d.snapshot())
        },
        NativeMethod("get", "(key, default=None, /)", .clinic, doc: "Return the value for key if key is in the dictionary, else default.") {
            d, a, _ throws(ScriptError) in
            guard case .str(let name) = a.required(0), let value = d.store.storedValue(name) else { return a[1] ?? .none }
            return value
        },
        NativeMethod("items", "()", .noArguments, doc: "D.items() -> a set-like object providing a view on D's items") { d, _, interpreter throws(ScriptError) in
            try interpreter.callMethod(.dict(try d.snapshot()), "items", Arguments())
        },
        NativeMethod("keys", "()", .noArguments, doc: "D.keys() -> a set-like object providing a view on D's keys") { d, _, interpreter throws(ScriptError) in
            try interpreter.callMethod(.dict(try d.snapshot()), "keys", Arguments())
        },
        NativeMethod("pop", "(key, default=<unrepresentable>, /)", .clinic,
                     doc: "D.pop(k[,d]) -> v, remove specified key and return the corresponding value.") { d, a, interpreter throws(ScriptError) in
            if case .str(let name) = a.required(0), let value = d.store.storedValue(name) {
                _ = d.store.unstore(name)
                return value
            }
            if let fallback = a[1] { return fallback }
            throw .keyError(a.required(0), repr: try interpreter.repr(a.required(0)))
        },
        NativeMethod("setdefault", "(key, default=None, /)", .clinic,
                     doc: "Insert key with a value of default if key is not in the dictionary.") { d, a, interpreter throws(ScriptError) in
            if case .str(let name) = a.required(0), let value = d.store.storedValue(name) { return value }
            let value = a[1] ?? .none
            _ = try d.setItem(a.required(0), value, interpreter: interpreter)
            return value
        },
        NativeMethod("update", "(other=(), /, **kwargs)", .clinic, doc: "D.update([E, ]**F) -> None.  Update D from dict/iterable E and F.") {
            d, a, interpreter throws(ScriptError) in
            if let source = a[0] {
                let plain: Value = if case .object(let o as NamespaceDict) = source { .dict(try o.snapshot()) } else { source }
                for (k, v) in try d.pairs(plain, interpreter) { _ = try d.setItem(k, v, interpreter: interpreter) }
            }
            for entry in a.extraKeywords { d.store.store(entry.name, entry.value) }
            return .none
        },
        NativeMethod("values", "()", .noArguments, doc: "D.values() -> an object providing a view on D's values") { d, _, interpreter throws(ScriptError) in
            try interpreter.callMethod(.dict(try d.snapshot()), "values", Arguments())
        },
    ])

    /// The (key, value) pairs of a mapping or an iterable of pairs.
    private func pairs(_ source: Value, _ interpreter: Interpreter) throws(ScriptError) -> [(Value, Value)] {
        guard case .dict(let dict) = try Constructors.dict(interpreter, Arguments([source])) else { return [] }
        return dict.items
    }
}
