import Tensors
import Rendering

/// `io.StringIO`: text in memory with a position, written and read as a text file is.
package final class StringIOObject: SelfIterating, DeclaredObject {
    /// The kinds of line ending a universal-newline StringIO has translated.
    private struct NewlineKinds: OptionSet {
        let rawValue: UInt8
        static let cr = NewlineKinds(rawValue: 1)
        static let lf = NewlineKinds(rawValue: 2)
        static let crlf = NewlineKinds(rawValue: 4)
    }

    private var buffer: StreamBuffer<Unicode.Scalar>
    /// nil: `\r\n` and `\r` written become `\n`; `'\r'` / `'\r\n'`: `\n` written becomes it.
    private let newline: String?
    private(set) var closed = false
    private var seen: NewlineKinds = []

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
            noteNewlines(s)
            return FileObject.universalNewlines(Array(s.unicodeScalars), starts: nil).scalars
        case "\r"?, "\r\n"?:
            return Array(StringMethods.replaced(s, "\n", newline ?? "\n", limit: -1).unicodeScalars)
        default:
            return Array(s.unicodeScalars)
        }
    }

    private func noteNewlines(_ s: String) {
        var previousCR = false
        for scalar in s.unicodeScalars {
            if scalar == "\n" {
                seen.insert(previousCR ? .crlf : .lf)
            } else if previousCR {
                seen.insert(.cr)
            }
            previousCR = scalar == "\r"
        }
        if previousCR { seen.insert(.cr) }
    }

    /// CPython's text for `method` on a closed StringIO (with or without the final period).
    private func checkOpen(_ method: String) throws(ScriptError) {
        guard closed else { return }
        switch method {
        case "readlines", "__iter__", "__enter__", "writelines", "isatty":
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

    package func repr(interpreter: Interpreter) throws(ScriptError) -> String { "<_io.StringIO object>" }

    /// `newlines` as CPython's universal-newline decoder reports the kinds it has translated:
    /// None, one of them, or a tuple of them in the order `\r`, `\n`, `\r\n`.
    private var newlinesSeen: Value {
        let kinds = [(NewlineKinds.cr, "\r"), (.lf, "\n"), (.crlf, "\r\n")].filter { seen.contains($0.0) }.map { Value.str($0.1) }
        switch kinds.count {
        case 0: return .none
        case 1: return kinds[0]
        default: return .tuple(kinds)
        }
    }

    package static let declaration = NativeType<StringIOObject>(module: "_io", properties: [
        NativeProperty("closed") { s, _ throws(ScriptError) in .bool(s.closed) },
        NativeProperty("newlines") { s, _ throws(ScriptError) in s.newlinesSeen },
        NativeProperty("line_buffering") { _, _ throws(ScriptError) in .bool(false) },
    ], methods: [
        NativeMethod("close", "()", .noArguments, doc: "Close the IO object.") { s, _, _ throws(ScriptError) in
            s.closed = true
            return .none
        },
        NativeMethod("detach", "()", .noArguments, owner: "_TextIOBase", doc: "Separate the underlying buffer from the TextIOBase and return it.") {
            _, _, _ throws(ScriptError) in
            throw ScriptError(.osError, "detach")
        },
        NativeMethod("fileno", "()", .noArguments, owner: "_IOBase", doc: "Returns underlying file descriptor if one exists.") { _, _, _ throws(ScriptError) in
            throw ScriptError(.osError, "fileno")
        },
        NativeMethod("flush", "()", .noArguments, owner: "_IOBase", doc: "Flush write buffers, if applicable.") { _, _, _ throws(ScriptError) in .none },
        NativeMethod("getvalue", "()", .noArguments, doc: "Retrieve the entire contents of the object.") { s, _, _ throws(ScriptError) in
            try s.checkOpen("getvalue")
            return .str(StreamBuffer.string(s.buffer.items[...]))
        },
        NativeMethod("isatty", "()", .noArguments, owner: "_IOBase", doc: "Return whether this is an 'interactive' stream.") { s, _, _ throws(ScriptError) in
            try s.checkOpen("isatty")
            return .bool(false)
        },
        NativeMethod("read", "(size=-1, /)", .clinic, doc: "Read at most size characters, returned as a string.") {
            s, a, interpreter throws(ScriptError) in
            try s.checkOpen("read")
            return .str(StreamBuffer.string(s.buffer.read(try StreamReading.size(a[0], interpreter))))
        },
        NativeMethod("readable", "()", .noArguments, doc: "Returns True if the IO object can be read.") { s, _, _ throws(ScriptError) in
            try s.checkOpen("readable")
            return .bool(true)
        },
        NativeMethod("readline", "(size=-1, /)", .clinic, doc: "Read until newline or EOF.") { s, a, interpreter throws(ScriptError) in
            try s.checkOpen("readline")
            return .str(StreamBuffer.string(s.buffer.readline(try StreamReading.size(a[0], interpreter), newline: s.newline)))
        },
        NativeMethod("readlines", "(hint=-1, /)", .clinic, owner: "_IOBase", doc: "Return a list of lines from the stream.") { s, a, interpreter throws(ScriptError) in
            try s.checkOpen("readlines")
            return try StreamReading.readlines(hint: StreamReading.size(a[0], interpreter)) { (size) throws(ScriptError) in
                .str(StreamBuffer.string(s.buffer.readline(size, newline: s.newline)))
            }
        },
        NativeMethod("seek", "(pos, whence=0, /)", .clinic, doc: "Change stream position.") { s, a, interpreter throws(ScriptError) in
            try s.checkOpen("seek")
            let offset = try interpreter.indexValue(a.required(0))
            let whence = try a[1].map { (v) throws(ScriptError) in try interpreter.indexValue(v) } ?? 0
            switch whence {
            case 0: break
            case 1: if offset != 0 { throw ScriptError(.osError, "Can't do nonzero cur-relative seeks") }
            case 2: if offset != 0 { throw ScriptError(.osError, "Can't do nonzero end-relative seeks") }
            default: throw .valueError("Invalid whence (\(whence), should be 0, 1 or 2)")
            }
            return .int(try s.buffer.seek(offset, whence: whence))
        },
        NativeMethod("seekable", "()", .noArguments, doc: "Returns True if the IO object can be seeked.") { s, _, _ throws(ScriptError) in
            try s.checkOpen("seekable")
            return .bool(true)
        },
        NativeMethod("tell", "()", .noArguments, doc: "Tell the current file position.") { s, _, _ throws(ScriptError) in
            try s.checkOpen("tell")
            return .int(s.buffer.position)
        },
        NativeMethod("truncate", "(pos=None, /)", .clinic, doc: "Truncate size to pos.") { s, a, interpreter throws(ScriptError) in
            try s.checkOpen("truncate")
            let size = try a.optional(0).map { (v) throws(ScriptError) in try interpreter.indexValue(v) } ?? s.buffer.position
            guard size >= 0 else { throw .valueError("Negative size value \(size)") }
            if size < s.buffer.items.count { s.buffer.items.removeSubrange(size...) }
            return .int(size)
        },
        NativeMethod("writable", "()", .noArguments, doc: "Returns True if the IO object can be written.") { s, _, _ throws(ScriptError) in
            try s.checkOpen("writable")
            return .bool(true)
        },
        NativeMethod("write", "(s, /)", .singleArgument, doc: "Write string to file.") { s, a, _ throws(ScriptError) in
            .int(try s.write(a.required(0)))
        },
        NativeMethod("writelines", "(lines, /)", .singleArgument, owner: "_IOBase", doc: "Write a list of lines to stream.") { s, a, interpreter throws(ScriptError) in
            try s.checkOpen("writelines")
            for line in try interpreter.iterate(a.required(0)) { _ = try s.write(line) }
            return .none
        },
    ])

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
