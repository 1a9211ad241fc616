import Glibc
import Rendering

/// `gzip`: `open` (binary and text modes), `compress`, `decompress` and `BadGzipFile`, with
/// CPython's header bytes and error texts. A file is decompressed whole when it is opened.
package enum GzipModule {
    package static func fill(_ interpreter: Interpreter, _ module: ModuleObject) throws(ScriptError) {
        let badGzip = TypeObject(name: "BadGzipFile", bases: [interpreter.types.exception(.osError)], kind: .user, module: "gzip")
        module.namespace["BadGzipFile"] = .type(badGzip)
        module.namespace["READ"] = .int(1)
        module.namespace["WRITE"] = .int(2)
        module.namespace["open"] = .builtin(BuiltinFunction("open", signature: "gzip.open(filename, mode='rb', compresslevel=9, encoding=None, errors=None, newline=None)",
                                                           doc: "Open a gzip-compressed file in binary or text mode.") { interpreter, a throws(ScriptError) in
            try open(interpreter, a, badGzip)
        })
        module.namespace["compress"] = .builtin(BuiltinFunction("compress", signature: "gzip.compress(data, compresslevel=9, *, mtime=None)",
                                                               doc: "Compress data in one shot and return the gzip member.") { interpreter, a throws(ScriptError) in
            try a.expect("compress", 1...2, keywords: ["compresslevel", "mtime"])
            let data = try BytesObject.bytesLike(a.positional[0], interpreter)
            let level = try compressLevel(a.value(1, "compresslevel"), interpreter)
            var mtime = UInt32(truncatingIfNeeded: max(time(nil), 0))
            if let given = a.keyword("mtime"), !given.isNone { mtime = UInt32(truncatingIfNeeded: try interpreter.indexValue(given)) }
            return .object(BytesObject(GzipFormat.compress(data, level: level, mtime: mtime, name: nil)))
        })
        module.namespace["decompress"] = .builtin(BuiltinFunction("decompress", signature: "gzip.decompress(data)",
                                                                 doc: "Decompress every gzip member of data.") { interpreter, a throws(ScriptError) in
            try a.expect("decompress", 1...1)
            return .object(BytesObject(try decompress(try BytesObject.bytesLike(a.positional[0], interpreter), interpreter, badGzip)))
        })
    }

    private static func compressLevel(_ value: Value?, _ interpreter: Interpreter) throws(ScriptError) -> Int32 {
        guard let value else { return 9 }
        let level = try interpreter.indexValue(value)
        guard (-1...9).contains(level) else { throw .valueError("Invalid initialization option") }
        return Int32(level)
    }

    package static func decompress(_ data: [UInt8], _ interpreter: Interpreter, _ badGzip: TypeObject) throws(ScriptError) -> [UInt8] {
        do {
            return try GzipFormat.decompress(data)
        } catch {
            switch error {
            case .truncated: throw ScriptError(.eofError, "Compressed file ended before the end-of-stream marker was reached")
            case .tooLarge: throw ScriptError(.memoryError, "")
            case .bad(let message):
                throw try interpreter.errorToRaise(try interpreter.call(.type(badGzip), Arguments([.str(message)])))
            }
        }
    }

    private static func open(_ interpreter: Interpreter, _ a: Arguments, _ badGzip: TypeObject) throws(ScriptError) -> Value {
        try a.expect("open", 1...3, keywords: ["mode", "compresslevel", "encoding", "errors", "newline"])
        let path = try SystemError.path(a.positional[0], "gzip.open", interpreter)
        let mode = try a.value(1, "mode").map { (v) throws(ScriptError) in try v.asString("gzip.open() argument 'mode'") } ?? "rb"
        let text = mode.contains("t")
        guard mode.filter({ "rwxa".contains($0) }).count == 1, mode.allSatisfy({ "rwxabt".contains($0) }), !(text && mode.contains("b")) else {
            throw .valueError("Invalid mode: \(PythonString.repr(mode))")
        }
        if !text {
            for key in ["encoding", "errors", "newline"] {
                if let value = a.keyword(key), !value.isNone { throw .valueError("Argument '\(key)' not supported in binary mode") }
            }
        }
        let level = try compressLevel(a.value(2, "compresslevel"), interpreter)
        let options = try FileObject.TextOptions(a, "gzip.open")
        if mode.contains("r") {
            let data = try decompress(try FileObject.contents(of: path), interpreter, badGzip)
            if text { return .object(try FileObject.reading(data, name: path, options: options)) }
            return .object(BinaryStream(.member(typeName: "GzipFile", name: path, mode: "rb"), contents: data))
        }
        let access: FileObject.Access = mode.contains("w") ? .write : mode.contains("a") ? .append : .create
        let binaryMode = mode.filter { $0 != "t" && $0 != "b" } + "b"
        let sink = BinaryStream(.gzipWriter(name: path, mode: binaryMode, descriptor: try FileObject.descriptor(path, access), level: level))
        if text { return .object(try FileObject.writing(into: sink, name: path, options: options)) }
        return .object(sink)
    }
}
