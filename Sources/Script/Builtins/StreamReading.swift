/// `read`, `readline` and `readlines` as every file-like object answers them, over the
/// object's own `read(size)` and `readline(size)` (sizes are -1 for "all").
package enum StreamReading {
    package typealias Reader = (Int) throws(ScriptError) -> Value

    package static func call(_ method: String, _ a: Arguments, _ interpreter: Interpreter,
                     read: Reader, readline: Reader) throws(ScriptError) -> Value? {
        func size() throws(ScriptError) -> Int {
            switch a.value(0, "size") ?? a.keyword("hint") {
            case nil, .none?: return -1
            case let value?: return try interpreter.indexValue(value)
            }
        }
        switch method {
        case "read", "read1":
            try a.expect(method, 0...1, keywords: ["size"])
            return try read(try size())
        case "readline":
            try a.expect(method, 0...1, keywords: ["size"])
            return try readline(try size())
        case "readlines":
            try a.expect(method, 0...1, keywords: ["hint"])
            let hint = try size()
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
