/// `json`: `dumps`/`dump` through `JSONWriter`, `loads`/`load` through `JSONReader`.
enum JSONModule {
    static let dumpKeywords = ["indent", "sort_keys", "separators", "ensure_ascii", "allow_nan"]

    static func fill(_ interpreter: Interpreter, _ module: ModuleObject) throws(ScriptError) {
        func add(_ name: String, _ signature: String, _ doc: String, _ body: @escaping BuiltinFunction.Body) {
            module.namespace[name] = .builtin(BuiltinFunction(name, signature: "json.\(signature)", doc: doc, body))
        }
        add("dumps", "dumps(obj, *, ensure_ascii=True, allow_nan=True, indent=None, separators=None, sort_keys=False)",
            "Serialize obj to a JSON formatted str.") { interpreter, a throws(ScriptError) in
            try a.expect("dumps", 1...1, keywords: dumpKeywords)
            var writer = try JSONWriter(interpreter, a)
            return .str(try writer.encode(a.positional[0]))
        }
        add("dump", "dump(obj, fp, *, ensure_ascii=True, allow_nan=True, indent=None, separators=None, sort_keys=False)",
            "Serialize obj as a JSON formatted stream to fp (a file opened for writing).") { interpreter, a throws(ScriptError) in
            try a.expect("dump", 2...2, keywords: dumpKeywords)
            var writer = try JSONWriter(interpreter, a)
            let text = try writer.encode(a.positional[0])
            _ = try interpreter.callMethod(a.positional[1], "write", Arguments([.str(text)]))
            return .none
        }
        add("loads", "loads(s)", "Deserialize s (a str holding a JSON document) to a Python object.") { _, a throws(ScriptError) in
            try a.expect("loads", 1...1)
            guard case .str(let s) = a.positional[0] else {
                throw .typeError("the JSON object must be str, bytes or bytearray, not \(a.positional[0].typeName)")
            }
            var reader = JSONReader(s)
            return try reader.document()
        }
        add("load", "load(fp)", "Deserialize fp (a file opened for reading) to a Python object.") { interpreter, a throws(ScriptError) in
            try a.expect("load", 1...1)
            let text = try interpreter.callMethod(a.positional[0], "read", Arguments())
            guard case .str(let s) = text else {
                throw .typeError("the JSON object must be str, bytes or bytearray, not \(text.typeName)")
            }
            var reader = JSONReader(s)
            return try reader.document()
        }
        // CPython's JSONDecodeError is a ValueError subclass; Recur raises ValueError itself.
        module.namespace["JSONDecodeError"] = .type(interpreter.types.exception(.valueError))
    }
}
