/// `read`, `readline` and `readlines` as every file-like object answers them, over the
/// object's own `read(size)` and `readline(size)` (sizes are -1 for "all").
package enum StreamReading {
    package typealias Reader = (Int) throws(ScriptError) -> Value

    /// A `size` or `hint` argument: absent or None is -1, "all".
    package static func size(_ value: Value?, _ interpreter: Interpreter) throws(ScriptError) -> Int {
        guard let value, !value.isNone else { return -1 }
        return try interpreter.indexValue(value)
    }

    /// A size that must be an integer (a text file's `readline(size)`): None is CPython's TypeError.
    package static func integer(_ value: Value?, _ interpreter: Interpreter) throws(ScriptError) -> Int {
        guard let value else { return -1 }
        do {
            return try interpreter.indexValue(value)
        } catch {
            guard case .builtin(.typeError, _) = error.payload else { throw error }
            throw .typeError("'\(value.typeName)' object cannot be interpreted as an integer")
        }
    }

    /// `readlines(hint)`: lines until the end, or until `hint` characters or bytes are read.
    package static func readlines(hint: Int, readline: Reader) throws(ScriptError) -> Value {
        var lines: [Value] = []
        var total = 0
        while true {
            let line = try readline(-1)
            let length = measure(line)
            if length == 0 { break }
            lines.append(line)
            total += length
            if hint > 0 && total >= hint { break }
        }
        return .list(ListObject(lines))
    }

    package static func call(_ method: String, _ a: Arguments, _ interpreter: Interpreter,
                     read: Reader, readline: Reader) throws(ScriptError) -> Value? {
        switch method {
        case "read", "read1":
            try a.expect(method, 0...1, keywords: ["size"])
            return try read(try size(a.value(0, "size"), interpreter))
        case "readline":
            try a.expect(method, 0...1, keywords: ["size"])
            return try readline(try size(a.value(0, "size"), interpreter))
        case "readlines":
            try a.expect(method, 0...1, keywords: ["hint"])
            return try readlines(hint: size(a.value(0, "hint"), interpreter), readline: readline)
        default:
            return nil
        }
    }

    /// Characters of a str, bytes of a bytes object.
    package static func measure(_ value: Value) -> Int {
        switch value {
        case .str(let s): return s.unicodeScalars.count
        case .object(let bytes as BytesObject): return bytes.bytes.count
        default: return 0
        }
    }
}
