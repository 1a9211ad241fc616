import Rendering
extension Interpreter {
    /// Python's `repr(value)`.
    package func repr(_ value: Value) throws(ScriptError) -> String {
        switch value {
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .float(let d): return PythonFloat.repr(d)
        case .str(let s): return PythonString.repr(s)
        case .list(let list):
            return try containerRepr(list, placeholder: "[...]") { () throws(ScriptError) in
                "[" + (try list.items.map { (v) throws(ScriptError) in try repr(v) }).joined(separator: ", ") + "]"
            }
        case .tuple(let items):
            return try nestedRepr { () throws(ScriptError) in
                let parts = try items.map { (v) throws(ScriptError) in try repr(v) }
                return items.count == 1 ? "(\(parts[0]),)" : "(" + parts.joined(separator: ", ") + ")"
            }
        case .dict(let dict):
            return try containerRepr(dict, placeholder: "{...}") { () throws(ScriptError) in
                var parts: [String] = []
                for (k, v) in dict.items { parts.append(try repr(k) + ": " + repr(v)) }
                return "{" + parts.joined(separator: ", ") + "}"
            }
        case .set(let set):
            if set.storage.count == 0 { return set.isFrozen ? "frozenset()" : "set()" }
            let items = try nestedRepr { () throws(ScriptError) in
                "{" + (try set.storage.keys.map { (v) throws(ScriptError) in try repr(v) }).joined(separator: ", ") + "}"
            }
            return set.isFrozen ? "frozenset(\(items))" : items
        case .function(let function):
            return "<function \(function.qualifiedName) at \(addressText(of: function))>"
        case .builtin(let builtin):
            return "<built-in function \(builtin.name)>"
        case .boundMethod(let method):
            let name: String = switch method.function {
            case .function(let f): f.qualifiedName
            case .builtin(let b): b.name
            case .none, .bool, .int, .float, .str, .list, .tuple, .dict, .set, .boundMethod, .type, .instance, .module,
                 .object: "method"
            }
            if case .builtin = method.function {
                return "<built-in method \(name) of \(method.receiver.typeName) object at \(addressText(of: method))>"
            }
            return "<bound method \(name) of \(try repr(method.receiver))>"
        case .type(let type):
            if let meta = type.metaclass, let method = meta.lookup("__repr__"), case .function = method {
                return try nestedRepr { () throws(ScriptError) in
                    try checkedText(try callBound(method, receiver: value, Arguments()), from: "__repr__")
                }
            }
            return classRepr(type)
        case .instance(let instance):
            if let method = instance.type.lookup("__repr__"), case .function = method {
                return try nestedRepr { () throws(ScriptError) in
                    try checkedText(try callBound(method, receiver: value, Arguments()), from: "__repr__")
                }
            }
            if let payload = instance.payload { return try repr(payload) }
            if let kind = instance.type.exceptionKind, instance.type.lookup("__repr__") == nil {
                _ = kind
                let args = instance.attributes["args"].flatMap { v -> [Value]? in
                    if case .tuple(let items) = v { return items } else { return nil }
                } ?? []
                let inner = try args.map { (v) throws(ScriptError) in try repr(v) }.joined(separator: ", ")
                return "\(instance.type.name)(\(inner))"
            }
            if let base = instance.type.libraryBase, let text = try base.repr(instance, interpreter: self) {
                return text
            }
            return "<\(instance.type.module).\(instance.type.name) object at \(addressText(of: instance))>"
        case .module(let module):
            if let source = module.source {
                return source.isBundled ? "<module '\(module.name)' (built-in)>" : "<module '\(module.name)' from \(PythonString.repr(source.file))>"
            }
            return "<module '\(module.name)'>"
        case .object(let object):
            return try object.repr(interpreter: self)
        }
    }

    /// Python's `str(value)`.
    package func str(_ value: Value) throws(ScriptError) -> String {
        switch value {
        case .str(let s): return s
        case .object(let object): return try object.str(interpreter: self)
        case .type(let type):
            if let meta = type.metaclass, let method = meta.lookup("__str__"), case .function = method {
                return try nestedRepr { () throws(ScriptError) in
                    try checkedText(try callBound(method, receiver: value, Arguments()), from: "__str__")
                }
            }
            return try repr(value)
        case .instance(let instance):
            if let method = instance.type.lookup("__str__"), case .function = method {
                return try nestedRepr { () throws(ScriptError) in
                    try checkedText(try callBound(method, receiver: value, Arguments()), from: "__str__")
                }
            }
            // int, float, list, tuple and dict print their repr (a subclass's own __repr__ too),
            // unless a class put a built-in type's method there (IntEnum's `__str__ = int.__repr__`).
            if let payload = instance.payload {
                if let method = instance.type.lookup("__str__"), case .builtin = method {
                    return try checkedText(try callBound(method, receiver: value, Arguments()), from: "__str__")
                }
                if case .str(let text) = payload { return text }
            }
            if let kind = instance.type.exceptionKind {
                guard case .tuple(let args)? = instance.attributes["args"] else { return "" }
                if args.isEmpty { return "" }
                // KeyError shows its key as a repr (CPython's KeyError_str).
                if args.count == 1 { return kind.isSubkind(of: .keyError) ? try repr(args[0]) : try str(args[0]) }
                return try repr(.tuple(args))
            }
            return try repr(value)
        case .none, .bool, .int, .float, .list, .tuple, .dict, .set, .function, .builtin, .boundMethod, .module:
            return try repr(value)
        }
    }

    /// `<class 'module.Name'>`: a class's repr without a metaclass's own.
    func classRepr(_ type: TypeObject) -> String {
        type.module == "builtins" ? "<class '\(type.name)'>" : "<class '\(type.module).\(type.qualifiedName ?? type.name)'>"
    }

    /// The text a user `__str__` / `__repr__` returned, which must be a string.
    private func checkedText(_ result: Value, from method: String) throws(ScriptError) -> String {
        guard case .str(let text) = result else {
            throw .typeError("\(method) returned non-string (type \(result.typeName))")
        }
        return text
    }

    /// CPython's `Py_ReprEnter`: a container already being shown is `[...]` / `{...}`.
    private func containerRepr(_ container: AnyObject, placeholder: String,
                               _ body: () throws(ScriptError) -> String) throws(ScriptError) -> String {
        let id = ObjectIdentifier(container)
        guard reprInProgress.insert(id).inserted else { return placeholder }
        defer { reprInProgress.remove(id) }
        return try nestedRepr(body)
    }

    package func nestedRepr(_ body: () throws(ScriptError) -> String) throws(ScriptError) -> String {
        reprDepth += 1
        defer { reprDepth -= 1 }
        if reprDepth > Interpreter.recursionLimit {
            throw ScriptError(.recursionError, "maximum recursion depth exceeded while getting the repr of an object")
        }
        return try body()
    }
}
