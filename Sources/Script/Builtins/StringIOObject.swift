import Tensors
import Rendering

/// `io.StringIO`: text in memory with a position, written and read as a text file is.
package final class StringIOObject: SelfIterating {
    package static let methodNames = ["close", "flush", "getvalue", "read", "readable", "readline", "readlines", "seek", "seekable",
                              "tell", "truncate", "writable", "write", "writelines"]

    private var buffer: StreamBuffer<Unicode.Scalar>
    /// nil: `\r\n` and `\r` written become `\n`; `'\r'` / `'\r\n'`: `\n` written becomes it.
    private let newline: String?
    private(set) var closed = false

    /// `io.StringIO(initial_value='', newline='\n')`.
    package static func make(_ interpreter: Interpreter, _ a: Arguments) throws(ScriptError) -> Value {
        try a.expect("StringIO", 0...2, keywords: ["initial_value", "newline"])
        var newline: String? = "\n"
        switch a.value(1, "newline") {
        case nil: break
        case .none?: newline = nil
        case .str(let s)?:
            guard ["", "\n", "\r", "\r\n"].contains(s) else { throw .valueError("illegal newline value: \(PythonString.repr(s))") }
            newline = s
        case let other?: throw .typeError("newline must be str or None, not \(other.typeName)")
        }
        let object = StringIOObject(newline: newline)
        switch a.value(0, "initial_value") {
        case nil, .none?: break
        case .str(let s)?:
            object.buffer.write(object.translated(s), fill: "\0")
            object.buffer.position = 0
        case let other?: throw .typeError("initial_value must be str or None, not \(other.typeName)")
        }
        return .object(object)
    }

    private init(newline: String?) {
        self.newline = newline
        self.buffer = StreamBuffer()
    }

    private func translated(_ s: String) -> [Unicode.Scalar] {
        switch newline {
        case nil:
            return FileObject.universalNewlines(Array(s.unicodeScalars), starts: nil).scalars
        case "\r"?, "\r\n"?:
            return Array(StringMethods.replaced(s, "\n", newline ?? "\n", limit: -1).unicodeScalars)
        default:
            return Array(s.unicodeScalars)
        }
    }

    /// CPython's text for `method` on a closed StringIO (with or without the final period).
    private func checkOpen(_ method: String) throws(ScriptError) {
        guard closed else { return }
        switch method {
        case "readlines", "__iter__", "__enter__", "writelines":
            throw .valueError("I/O operation on closed file.")
        default:
            throw .valueError("I/O operation on closed file")
        }
    }

    private func write(_ value: Value) throws(ScriptError) -> Int {
        try checkOpen("write")
        guard case .str(let s) = value else { throw .typeError("string argument expected, got '\(value.typeName)'") }
        let scalars = translated(s)
        let (size, overflow) = buffer.position.addingReportingOverflow(scalars.count)
        let (bytes, wide) = size.multipliedReportingOverflow(by: MemoryLayout<Unicode.Scalar>.stride)
        guard !overflow, !wide, MemoryBudget.allows(bytes: bytes) else { throw ScriptError(.memoryError, "") }
        buffer.write(scalars, fill: "\0")
        return s.unicodeScalars.count
    }

    // MARK: ScriptObject

    package var typeName: String { "StringIO" }
    package var attributeNames: [String] { StringIOObject.methodNames + ["closed", "newlines"] }

    package func repr(interpreter: Interpreter) throws(ScriptError) -> String { "<_io.StringIO object>" }

    package func attribute(_ attribute: String, interpreter: Interpreter) throws(ScriptError) -> Value? {
        if attribute == "closed" { return .bool(closed) }
        guard StringIOObject.methodNames.contains(attribute) else { return nil }
        return .builtin(BuiltinFunction(attribute, signature: "StringIO.\(attribute)(...)") { [self] interpreter, a throws(ScriptError) in
            try self.callMethod(attribute, a, interpreter: interpreter) ?? .none
        })
    }

    package func callMethod(_ method: String, _ a: Arguments, interpreter: Interpreter) throws(ScriptError) -> Value? {
        switch method {
        case "read", "readline", "readlines":
            try checkOpen(method)
            return try StreamReading.call(method, a, interpreter,
                                          read: { size in .str(StreamBuffer.string(self.buffer.read(size))) },
                                          readline: { size in .str(StreamBuffer.string(self.buffer.readline(size, newline: self.newline))) })
        case "getvalue":
            try a.expect(method, 0...0)
            try checkOpen(method)
            return .str(StreamBuffer.string(buffer.items[...]))
        case "write":
            try a.expect(method, 1...1)
            return .int(try write(a.positional[0]))
        case "writelines":
            try a.expect(method, 1...1)
            try checkOpen(method)
            for line in try interpreter.iterate(a.positional[0]) { _ = try write(line) }
            return Value.none
        case "seek":
            try a.expect(method, 1...2)
            try checkOpen(method)
            let offset = try interpreter.indexValue(a.positional[0])
            let whence = try a.positional.count > 1 ? interpreter.indexValue(a.positional[1]) : 0
            switch whence {
            case 0: break
            case 1: if offset != 0 { throw ScriptError(.osError, "Can't do nonzero cur-relative seeks") }
            case 2: if offset != 0 { throw ScriptError(.osError, "Can't do nonzero end-relative seeks") }
            default: throw .valueError("Invalid whence (\(whence), should be 0, 1 or 2)")
            }
            return .int(try buffer.seek(offset, whence: whence))
        case "tell":
            try a.expect(method, 0...0)
            try checkOpen(method)
            return .int(buffer.position)
        case "truncate":
            try a.expect(method, 0...1)
            try checkOpen(method)
            let size = try a.positional.first.flatMap { (v) throws(ScriptError) -> Int? in v.isNone ? nil : try interpreter.indexValue(v) } ?? buffer.position
            guard size >= 0 else { throw .valueError("Negative size value \(size)") }
            if size < buffer.items.count { buffer.items.removeSubrange(size...) }
            return .int(size)
        case "close":
            try a.expect(method, 0...0)
            closed = true
            return Value.none
        case "flush":
            try a.expect(method, 0...0)
            return Value.none
        case "readable", "writable", "seekable":
            try a.expect(method, 0...0)
            try checkOpen(method)
            return .bool(true)
        default:
            return nil
        }
    }

    package func makeIterator(interpreter: Interpreter) throws(ScriptError) -> (any ValueIterator)? {
        try checkOpen("__iter__")
        return self
    }

    package func next(interpreter: Interpreter) throws(ScriptError) -> Value? {
        try checkOpen("__next__")
        let line = buffer.readline(-1, newline: newline)
        return line.isEmpty ? nil : .str(StreamBuffer.string(line))
    }

    package func enter(interpreter: Interpreter) throws(ScriptError) -> Value? {
        try checkOpen("__enter__")
        return .object(self)
    }

    package func exit(interpreter: Interpreter) throws(ScriptError) { closed = true }
}
