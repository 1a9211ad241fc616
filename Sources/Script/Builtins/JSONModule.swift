/// `json`: `dumps`/`dump` through `JSONWriter`, `loads`/`load` through `JSONReader`.
package enum JSONModule {
    static let dumpKeywords = ["indent", "sort_keys", "separators", "ensure_ascii", "allow_nan"]

    package static func fill(_ interpreter: Interpreter, _ module: ModuleObject) throws(ScriptError) {
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
            var reader = JSONReader(try document(a.positional[0]))
            return try reader.document()
        }
        add("load", "load(fp)", "Deserialize fp (a file opened for reading) to a Python object.") { interpreter, a throws(ScriptError) in
            try a.expect("load", 1...1)
            var reader = JSONReader(try document(try interpreter.callMethod(a.positional[0], "read", Arguments())))
            return try reader.document()
        }
        // CPython's JSONDecodeError is a ValueError subclass; Recur raises ValueError itself.
        module.namespace["JSONDecodeError"] = .type(interpreter.types.exception(.valueError))
    }

    /// The text of a JSON document given as str, bytes or bytearray (UTF-8, a BOM skipped, as
    /// CPython's `detect_encoding` reads it).
    private static func document(_ value: Value) throws(ScriptError) -> String {
        switch value {
        case .str(let s): return s
        case .object(let data as BytesObject):
            var bytes = data.bytes[...]
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
            // UTF-16 and UTF-32 documents start with a zero byte among the first four.
            if bytes.prefix(4).contains(0) {
                throw ScriptError(.notImplementedError, "json: Recur reads JSON bytes in UTF-8; decode UTF-16 or UTF-32 documents first")
            }
            return try TextCodec.utf8.decode(Array(bytes), errors: "strict")
        default:
            throw .typeError("the JSON object must be str, bytes or bytearray, not \(value.typeName)")
        }
    }
}
