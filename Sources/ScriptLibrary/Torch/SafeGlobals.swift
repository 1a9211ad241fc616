import Script
/// `torch.serialization.add_safe_globals`, `safe_globals`, `get_safe_globals` and
/// `clear_safe_globals`: the classes and functions a weights-only `torch.load` may name
/// besides PyTorch's own, kept per workspace as PyTorch keeps them per process. Loading
/// builds an allowlisted class as PyTorch's unpickler does (`cls.__new__(cls, *args)`,
/// then `__setstate__` or its `__dict__` updated; never `__init__`) and calls an
/// allowlisted function.
package enum SafeGlobals {
    static func fill(_ interpreter: Interpreter, _ module: ModuleObject) {
        module.namespace["add_safe_globals"] = .builtin(BuiltinFunction("add_safe_globals", signature: "add_safe_globals(safe_globals)",
            doc: "Marks the given globals as safe for weights_only load.") { interpreter, a throws(ScriptError) in
            try a.expect("add_safe_globals", 1...1, keywords: ["safe_globals"])
            add(try interpreter.iterate(a.value(0, "safe_globals") ?? .none), interpreter)
            return .none
        })
        module.namespace["get_safe_globals"] = .builtin(BuiltinFunction("get_safe_globals", signature: "get_safe_globals()",
            doc: "Returns the list of user-added globals that are safe for weights_only load.") { interpreter, a throws(ScriptError) in
            try a.expect("get_safe_globals", 0...0)
            return .list(ListObject(interpreter.torch.safeGlobals))
        })
        module.namespace["clear_safe_globals"] = .builtin(BuiltinFunction("clear_safe_globals", signature: "clear_safe_globals()",
            doc: "Clears the list of globals that are safe for weights_only load.") { interpreter, a throws(ScriptError) in
            try a.expect("clear_safe_globals", 0...0)
            interpreter.torch.safeGlobals = []
            return .none
        })
        let manager = BuiltinFunction("safe_globals", signature: "safe_globals(safe_globals)",
            doc: "Context-manager that adds certain globals as safe for weights_only load.") { interpreter, a throws(ScriptError) in
            try a.expect("safe_globals", 1...1, keywords: ["safe_globals"])
            return .object(SafeGlobalsObject(try interpreter.iterate(a.value(0, "safe_globals") ?? .none)))
        }
        let type = TypeObject(name: "safe_globals", bases: [interpreter.types.object], kind: .builtin, constructor: manager,
                              module: "torch.serialization")
        interpreter.types.registerNative(type, forTypeName: "safe_globals")
        module.namespace["safe_globals"] = .type(type)
    }

    /// Adds entries not already there (PyTorch keeps a set).
    package static func add(_ entries: [Value], _ interpreter: Interpreter) {
        for entry in entries where !interpreter.torch.safeGlobals.contains(where: { same($0, entry) }) {
            interpreter.torch.safeGlobals.append(entry)
        }
    }

    /// Removes the entries (leaving a `safe_globals` block).
    static func remove(_ entries: [Value], _ interpreter: Interpreter) {
        interpreter.torch.safeGlobals.removeAll { kept in entries.contains { same(kept, $0) } }
    }

    /// Set membership as PyTorch's set sees it: a class or function by identity, a
    /// `(global, name)` pair by its items.
    private static func same(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.tuple(let x), .tuple(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
        case (.str(let x), .str(let y)):
            return x == y
        default:
            guard let x = a.identity, let y = b.identity else { return false }
            return x == y
        }
    }

    /// The allowlist by full path (`_get_user_allowed_globals`): a pair gives its own path,
    /// anything else `{__module__}.{__qualname__}`; malformed pairs raise PyTorch's errors.
    static func byPath(_ interpreter: Interpreter) throws(ScriptError) -> [String: Value] {
        var result: [String: Value] = [:]
        for entry in interpreter.torch.safeGlobals {
            if case .tuple(let items) = entry {
                guard items.count == 2 else {
                    throw .valueError("Expected tuple of length 2 (global, str of callable full path), but got tuple of length: \(items.count)")
                }
                guard case .str(let path) = items[1] else {
                    throw .typeError("Expected second item in tuple to be str of callable full path, but got: <class '\(items[1].typeName)'>")
                }
                result[path] = items[0]
            } else {
                let module = try interpreter.attribute(entry, "__module__")
                let name = try interpreter.attribute(entry, "__qualname__")
                result[try interpreter.str(module) + "." + (try interpreter.str(name))] = entry
            }
        }
        return result
    }

    /// Whether `value` is one of the allowlisted globals (by identity, as PyTorch's `in
    /// _get_user_allowed_globals().values()`).
    package static func contains(_ value: Value, _ interpreter: Interpreter) throws(ScriptError) -> Bool {
        guard let identity = value.identity else { return false }
        return try byPath(interpreter).values.contains { $0.identity == identity }
    }
}

/// `with torch.serialization.safe_globals([...]):` adds the globals for the block and
/// removes them after it.
package final class SafeGlobalsObject: ScriptObject {
    package let entries: [Value]
    init(_ entries: [Value]) { self.entries = entries }

    package var typeName: String { "safe_globals" }

    package func repr(interpreter: Interpreter) throws(ScriptError) -> String {
        "<torch.serialization.safe_globals object at \(addressText(of: self))>"
    }

    package func enter(interpreter: Interpreter) throws(ScriptError) -> Value? {
        SafeGlobals.add(entries, interpreter)
        return Value.none
    }

    package func exit(interpreter: Interpreter) throws(ScriptError) {
        SafeGlobals.remove(entries, interpreter)
    }
}
