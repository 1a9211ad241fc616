/// `pickle` for plain data: `dumps` / `dump` write protocol 4 (the default) or 5 as CPython
/// does, `loads` / `load` read any protocol CPython writes. Only data goes through: objects of
/// classes and functions are refused both ways, so loading a file never runs code.
package enum PickleModule {
    static let defaultProtocol = 4
    static let highestProtocol = 5

    package static func fill(_ interpreter: Interpreter, _ module: ModuleObject) throws(ScriptError) {
        func add(_ name: String, _ signature: String, _ doc: String, _ body: @escaping BuiltinFunction.Body) {
            module.namespace[name] = .builtin(BuiltinFunction(name, signature: "pickle.\(signature)", doc: doc, body))
        }
        module.namespace["DEFAULT_PROTOCOL"] = .int(defaultProtocol)
        module.namespace["HIGHEST_PROTOCOL"] = .int(highestProtocol)
        let base = TypeObject(name: "PickleError", bases: [interpreter.types.exception(.exception)], kind: .user, module: "_pickle")
        module.namespace["PickleError"] = .type(base)
        for name in ["PicklingError", "UnpicklingError"] {
            module.namespace[name] = .type(TypeObject(name: name, bases: [base], kind: .user, module: "_pickle"))
        }
        add("dumps", "dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None)",
            "Return the pickled representation of the object as a bytes object.") { interpreter, a throws(ScriptError) in
            try a.expect("dumps", 1...2, keywords: ["protocol", "fix_imports"])
            return .object(BytesObject(try pickle(a.positional[0], a.value(1, "protocol"), interpreter)))
        }
        add("dump", "dump(obj, file, protocol=None, *, fix_imports=True, buffer_callback=None)",
            "Write a pickled representation of obj to the open file object file.") { interpreter, a throws(ScriptError) in
            try a.expect("dump", 2...3, keywords: ["protocol", "fix_imports"])
            let bytes = try pickle(a.positional[0], a.value(2, "protocol"), interpreter)
            _ = try interpreter.callMethod(a.positional[1], "write", Arguments([.object(BytesObject(bytes))]))
            return .none
        }
        add("loads", "loads(data, /, *, fix_imports=True, encoding='ASCII', errors='strict', buffers=())",
            "Read and return an object from the given pickle data.") { interpreter, a throws(ScriptError) in
            try a.expect("loads", 1...1, keywords: ["fix_imports", "encoding", "errors"])
            guard case .object(let bytes as BytesObject) = a.positional[0] else {
                throw .typeError("a bytes-like object is required, not '\(a.positional[0].typeName)'")
            }
            var reader = PlainUnpickler(bytes.bytes, interpreter: interpreter)
            return try reader.load()
        }
        add("load", "load(file, *, fix_imports=True, encoding='ASCII', errors='strict', buffers=())",
            "Read and return an object from the pickle data stored in a file.") { interpreter, a throws(ScriptError) in
            try a.expect("load", 1...1, keywords: ["fix_imports", "encoding", "errors"])
            let file = a.positional[0]
            // The rest of the file is read, one pickle taken, and the file left just after it
            // (as CPython's buffered reader leaves it) when it can seek.
            let start = try? interpreter.callMethod(file, "tell", Arguments())
            guard case .object(let bytes as BytesObject) = try interpreter.callMethod(file, "read", Arguments()) else {
                throw .typeError("file must have 'read' and 'readline' attributes returning bytes")
            }
            var reader = PlainUnpickler(bytes.bytes, interpreter: interpreter)
            let value = try reader.load()
            if case .int(let offset)? = start {
                _ = try interpreter.callMethod(file, "seek", Arguments([.int(offset + reader.consumed)]))
            }
            return value
        }
    }

    private static func pickle(_ value: Value, _ protocolValue: Value?, _ interpreter: Interpreter) throws(ScriptError) -> [UInt8] {
        var version = defaultProtocol
        if let protocolValue, case .none = protocolValue {
        } else if let protocolValue {
            guard case .int(let requested) = protocolValue else {
                throw .typeError("'\(protocolValue.typeName)' object cannot be interpreted as an integer")
            }
            version = requested < 0 ? highestProtocol : requested
            guard version <= highestProtocol else { throw .valueError("pickle protocol must be <= \(highestProtocol)") }
            guard version >= 4 else {
                throw ScriptError(.notImplementedError, "pickle protocol \(requested): Recur writes protocols 4 and 5 "
                                  + "(pickle.DEFAULT_PROTOCOL and HIGHEST_PROTOCOL); it reads every protocol")
            }
        }
        var writer = PlainPickler(version: version, interpreter: interpreter)
        return try writer.pickle(value)
    }

    /// An exception of the module's own classes (`pickle.PicklingError`), with its message.
    package static func error(_ name: String, _ interpreter: Interpreter, _ message: String) throws(ScriptError) -> ScriptError {
        let module = try interpreter.loadModule("pickle")
        guard case .type(let type)? = module.namespace[name] else { return ScriptError(.runtimeError, message) }
        return try interpreter.errorToRaise(try interpreter.call(.type(type), Arguments([.str(message)])))
    }
}
