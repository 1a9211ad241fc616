import Glibc

/// A text file from `open()`: CPython's `TextIOWrapper` (decoding, newline translation,
/// line iteration, its error texts) over a POSIX descriptor. Paths are relative to the
/// process's working directory, which is the notebook's directory as under ipykernel.
final class FileObject: SelfIterating {
    enum Access { case read, write, append, create }

    static let methodNames = ["close", "flush", "read", "readable", "readline", "readlines", "writable", "write", "writelines"]

    let name: String
    let mode: String
    let encoding: String
    let codec: TextCodec
    /// The `errors=` handler's name, looked up when a character fails to convert.
    let errors: String
    /// nil: universal newlines (`\r\n` and `\r` read as `\n`).
    let newline: String?
    let access: Access
    private var descriptor: Int32
    private(set) var closed = false
    /// Read mode: the file's bytes, decoded into `text` on the first read (where CPython's
    /// decoding errors surface too).
    private var raw: [UInt8] = []
    private var text: [Unicode.Scalar]?
    private var position = 0

    /// `open(file, mode='r', encoding=None, errors=None, newline=None)`.
    static func open(_ interpreter: Interpreter, _ a: Arguments) throws(ScriptError) -> Value {
        try a.expect("open", 1...2, keywords: ["mode", "encoding", "errors", "newline"])
        let path = try SystemError.path(a.positional[0], "open")
        let mode = try a.value(1, "mode").map { (v) throws(ScriptError) in try v.asString("open() argument 'mode'") } ?? "r"
        let access = try parseMode(mode)
        func optionalString(_ key: String) throws(ScriptError) -> String? {
            switch a.keyword(key) {
            case nil, .none?: return nil
            case .str(let s)?: return s
            case let other?: throw .typeError("open() argument '\(key)' must be str or None, not \(other.typeName)")
            }
        }
        let encoding = try optionalString("encoding")
        let codec = try encoding.map { (e) throws(ScriptError) in try TextCodec(named: e) } ?? .utf8
        let errors = try optionalString("errors") ?? "strict"
        let newline = try optionalString("newline")
        let flags: Int32 = switch access {
        case .read: O_RDONLY
        case .write: O_WRONLY | O_CREAT | O_TRUNC
        case .append: O_WRONLY | O_CREAT | O_APPEND
        case .create: O_WRONLY | O_CREAT | O_EXCL
        }
        let descriptor = Glibc.open(path, flags | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw SystemError.current(path) }
        let file = FileObject(name: path, mode: mode, encoding: encoding ?? "UTF-8", codec: codec, errors: errors,
                              newline: newline, access: access, descriptor: descriptor)
        if let newline, !["", "\n", "\r", "\r\n"].contains(newline) {
            try file.closeDescriptor()
            throw .valueError("illegal newline value: \(newline)")
        }
        if access == .read { try file.load() }
        return .object(file)
    }

    /// CPython's mode validation; binary and update modes are refused by name.
    private static func parseMode(_ mode: String) throws(ScriptError) -> Access {
        var seen = Set<Character>()
        for c in mode {
            guard "rwxabt+U".contains(c), !seen.contains(c) else { throw .valueError("invalid mode: \(PythonString.repr(mode))") }
            seen.insert(c)
        }
        let accesses = mode.filter { "rwxa".contains($0) }
        guard accesses.count == 1, let first = accesses.first else {
            throw .valueError("must have exactly one of create/read/write/append mode")
        }
        if seen.contains("t") && seen.contains("b") { throw .valueError("can't have text and binary mode at once") }
        if seen.contains("b") { throw ScriptError(.notImplementedError, "open(): Recur opens files in text mode only ('r', 'w', 'a', 'x'); binary mode 'b' is not provided yet") }
        if seen.contains("+") { throw ScriptError(.notImplementedError, "open(): Recur opens files for reading or for writing; update mode '+' is not provided yet") }
        if seen.contains("U") { throw .valueError("invalid mode: \(PythonString.repr(mode))") }
        switch first {
        case "r": return .read
        case "w": return .write
        case "a": return .append
        default: return .create
        }
    }

    private init(name: String, mode: String, encoding: String, codec: TextCodec, errors: String,
                 newline: String?, access: Access, descriptor: Int32) {
        self.name = name
        self.mode = mode
        self.encoding = encoding
        self.codec = codec
        self.errors = errors
        self.newline = newline
        self.access = access
        self.descriptor = descriptor
    }

    deinit { if !closed { _ = Glibc.close(descriptor) } }

    /// Reads the whole file (tutorial data is small) and releases the descriptor.
    private func load() throws(ScriptError) {
        var info = stat()
        if fstat(descriptor, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
            _ = Glibc.close(descriptor)
            closed = true
            throw SystemError.make(EISDIR, name)
        }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw SystemError.current(name)
            }
            if count == 0 { break }
            raw.append(contentsOf: chunk[0..<count])
        }
    }

    private func closeDescriptor() throws(ScriptError) {
        guard !closed else { return }
        closed = true
        if Glibc.close(descriptor) != 0 && access != .read { throw SystemError.current(name) }
    }

    private func checkOpen() throws(ScriptError) {
        if closed { throw .valueError("I/O operation on closed file.") }
    }

    /// The decoded text, checking the file is open and readable.
    private func readableText() throws(ScriptError) -> [Unicode.Scalar] {
        try checkOpen()
        // CPython's io.UnsupportedOperation is an OSError; Recur raises the OSError itself.
        guard access == .read else { throw ScriptError(.osError, "not readable") }
        if let text { return text }
        var decoded = Array(try codec.decode(raw, errors: errors).unicodeScalars)
        raw = []
        if newline == nil { decoded = FileObject.universalNewlines(decoded) }
        text = decoded
        return decoded
    }

    private static func universalNewlines(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        guard scalars.contains("\r") else { return scalars }
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(scalars.count)
        var i = 0
        while i < scalars.count {
            if scalars[i] == "\r" {
                out.append("\n")
                if i + 1 < scalars.count && scalars[i + 1] == "\n" { i += 1 }
            } else {
                out.append(scalars[i])
            }
            i += 1
        }
        return out
    }

    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// `read(size=-1)`.
    func read(_ size: Int) throws(ScriptError) -> String {
        let text = try readableText()
        let end = size < 0 || size >= text.count - position ? text.count : position + size
        defer { position = end }
        return FileObject.string(text[position..<end])
    }

    /// `readline(size=-1)`: up to and including the next line ending under `newline`'s rules.
    func readline(_ size: Int = -1) throws(ScriptError) -> String {
        let text = try readableText()
        let limit = size < 0 || size >= text.count - position ? text.count : position + size
        var end = position
        while end < limit {
            let c = text[end]
            end += 1
            let ended: Bool
            switch newline {
            case nil, "\n"?: ended = c == "\n"
            case "\r"?: ended = c == "\r"
            case "\r\n"?:
                ended = c == "\r" && end < limit && text[end] == "\n"
                if ended { end += 1 }
            default:
                // newline='': any of \n, \r, \r\n ends a line, kept as written.
                if c == "\r" && end < limit && text[end] == "\n" { end += 1 }
                ended = c == "\n" || c == "\r"
            }
            if ended { break }
        }
        defer { position = end }
        return FileObject.string(text[position..<end])
    }

    /// `write(s)`: encodes and writes at once; returns the number of characters, as CPython.
    func write(_ value: Value) throws(ScriptError) -> Int {
        try checkOpen()
        guard access != .read else { throw ScriptError(.osError, "not writable") }
        guard case .str(var s) = value else { throw .typeError("write() argument must be str, not \(value.typeName)") }
        let count = s.unicodeScalars.count
        if let newline, newline == "\r" || newline == "\r\n" { s = s.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: newline) }
        let bytes = try codec.encode(s, errors: errors)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw SystemError.current(name)
            }
            offset += written
        }
        return count
    }

    // MARK: ScriptObject

    var typeName: String { "TextIOWrapper" }
    var attributeNames: [String] { FileObject.methodNames + ["closed", "encoding", "errors", "mode", "name", "newlines"] }

    func repr(interpreter: Interpreter) throws(ScriptError) -> String {
        "<_io.TextIOWrapper name=\(PythonString.repr(name)) mode=\(PythonString.repr(mode)) encoding=\(PythonString.repr(encoding))>"
    }

    func attribute(_ attribute: String, interpreter: Interpreter) throws(ScriptError) -> Value? {
        switch attribute {
        case "name": return .str(name)
        case "mode": return .str(mode)
        case "encoding": return .str(encoding)
        case "errors": return .str(errors)
        case "closed": return .bool(closed)
        default:
            guard FileObject.methodNames.contains(attribute) else { return nil }
            return .builtin(BuiltinFunction(attribute, signature: "TextIOWrapper.\(attribute)(...)") { [self] interpreter, a throws(ScriptError) in
                try self.callMethod(attribute, a, interpreter: interpreter) ?? .none
            })
        }
    }

    func callMethod(_ method: String, _ a: Arguments, interpreter: Interpreter) throws(ScriptError) -> Value? {
        func size() throws(ScriptError) -> Int {
            switch a.positional.first {
            case nil, .none?: return -1
            case let value?: return try interpreter.indexValue(value)
            }
        }
        switch method {
        case "read":
            try a.expect("read", 0...1)
            return .str(try read(try size()))
        case "readline":
            try a.expect("readline", 0...1)
            return .str(try readline(try size()))
        case "readlines":
            try a.expect("readlines", 0...1)
            let hint = try size()
            var lines: [Value] = []
            var total = 0
            while true {
                let line = try readline()
                if line.isEmpty { break }
                lines.append(.str(line))
                total += line.unicodeScalars.count
                if hint > 0 && total >= hint { break }
            }
            return .list(ListObject(lines))
        case "write":
            try a.expect("write", 1...1)
            return .int(try write(a.positional[0]))
        case "writelines":
            try a.expect("writelines", 1...1)
            for line in try interpreter.iterate(a.positional[0]) { _ = try write(line) }
            return Value.none
        case "close":
            try a.expect("close", 0...0)
            try closeDescriptor()
            return Value.none
        case "flush":
            try a.expect("flush", 0...0)
            try checkOpen()
            return Value.none
        case "readable", "writable":
            try a.expect(method, 0...0)
            try checkOpen()
            return .bool((access == .read) == (method == "readable"))
        default:
            return nil
        }
    }

    /// A file is its own iterator over lines.
    func makeIterator(interpreter: Interpreter) throws(ScriptError) -> (any ValueIterator)? {
        _ = try readableText()
        return self
    }

    func next(interpreter: Interpreter) throws(ScriptError) -> Value? {
        let line = try readline()
        return line.isEmpty ? nil : .str(line)
    }

    func enter(interpreter: Interpreter) throws(ScriptError) -> Value? {
        try checkOpen()
        return .object(self)
    }

    func exit(interpreter: Interpreter) throws(ScriptError) { try closeDescriptor() }
}
