/// `io`: `open` (the builtin), `StringIO`, `BytesIO` and the seek constants.
package enum IOModule {
    package static func fill(_ interpreter: Interpreter, _ module: ModuleObject) throws(ScriptError) {
        module.namespace["open"] = interpreter.builtins["open"] ?? Value.none
        let stringIO = BuiltinFunction("StringIO", signature: "io.StringIO(initial_value='', newline='\\n')",
                                       doc: "Text I/O implementation using an in-memory buffer.") { interpreter, a throws(ScriptError) in
            try StringIOObject.make(interpreter, a)
        }
        let bytesIO = BuiltinFunction("BytesIO", signature: "io.BytesIO(initial_bytes=b'')",
                                      doc: "Buffered I/O implementation using an in-memory bytes buffer.") { interpreter, a throws(ScriptError) in
            try a.expect("BytesIO", 0...1, keywords: ["initial_bytes"])
            var contents: [UInt8] = []
            if let initial = a.value(0, "initial_bytes"), !initial.isNone { contents = try BytesObject.bytesLike(initial, interpreter) }
            return .object(BinaryStream(.bytesIO, contents: contents))
        }
        for (name, constructor) in [("StringIO", stringIO), ("BytesIO", bytesIO)] {
            let type = TypeObject(name: name, bases: [interpreter.types.object], kind: .builtin, constructor: constructor, module: "_io")
            interpreter.types.registerNative(type, forTypeName: name)
            if name == "StringIO" { type.addMethods(of: StringIOObject.self) }
            module.namespace[name] = .type(type)
        }
        // CPython's UnsupportedOperation derives from OSError and ValueError; Recur raises OSError.
        module.namespace["UnsupportedOperation"] = .type(interpreter.types.exception(.osError))
        module.namespace["SEEK_SET"] = .int(0)
        module.namespace["SEEK_CUR"] = .int(1)
        module.namespace["SEEK_END"] = .int(2)
        module.namespace["DEFAULT_BUFFER_SIZE"] = .int(8192)
    }
}
