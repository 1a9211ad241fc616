import Glibc
import Rendering

/// A text file from `open()`: CPython's `TextIOWrapper` (decoding, newline translation,
/// line iteration, its error texts) over a POSIX descriptor. Paths are relative to the
/// process's working directory, which is the notebook's directory as under ipykernel.
package final class FileObject: SelfIterating, DeclaredObject {
    package enum Access { case read, write, append, create }

    package let name: String
    package let mode: String
    package let encoding: String
    package let codec: TextCodec
    /// The `errors=` handler's name, looked up when a character fails to convert.
    package let errors: String
    /// nil: universal newlines (`\r\n` and `\r` read as `\n`).
    package let newline: String?
    package let access: Access
    private var descriptor: Int32
    private(set) var closed = false
    /// Read mode: the file's bytes, decoded into `text` on the first read (where CPython's
    /// decoding errors surface too); kept for `tell()`'s byte positions.
    private var raw: [UInt8] = []
    private var text: StreamBuffer<Unicode.Scalar>?
    /// Where each scalar of `text` starts in `raw` (and `raw.count` after the last), made by
    /// the first `tell()` or `seek()`.
    private var starts: [Int]?
    /// Where a text file over another stream writes its encoded bytes (nil: `descriptor`).
    private var sink: BinaryStream?

    /// `open(file, mode='r', encoding=None, errors=None, newline=None)`.
    package static func open(_ interpreter: Interpreter, _ a: Arguments) throws(ScriptError) -> Value {
        try a.expect("open", 1...2, keywords: ["mode", "encoding", "errors", "newline"])
        let path = try SystemError.path(a.positional[0], "open", interpreter)
        let mode = try a.value(1, "mode").map { (v) throws(ScriptError) in try v.asString("open() argument 'mode'") } ?? "r"
        let (access, binary) = try parseMode(mode)
        if binary { return try BinaryStream.open(path, mode: mode, access: access, a) }
        let options = try TextOptions(a, "open")
        let descriptor = try FileObject.descriptor(path, access)
        let file = FileObject(name: path, mode: mode, options: options, access: access, descriptor: descriptor)
        if let newline = options.newline, !["", "\n", "\r", "\r\n"].contains(newline) {
            try file.closeDescriptor()
            throw .valueError("illegal newline value: \(newline)")
        }
        if access == .read {
            do {
                file.raw = try FileObject.load(descriptor, path)
            } catch {
                try? file.closeDescriptor()
                throw error
            }
        }
        return .object(file)
    }

    /// CPython's mode validation (the access and whether `b` was given); update mode is refused by name.
    private static func parseMode(_ mode: String) throws(ScriptError) -> (Access, binary: Bool) {
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
        if seen.contains("+") { throw ScriptError(.notImplementedError, "open(): Recur opens files for reading or for writing; update mode '+' is not provided yet") }
        if seen.contains("U") { throw .valueError("invalid mode: \(PythonString.repr(mode))") }
        let binary = seen.contains("b")
        switch first {
        case "r": return (.read, binary)
        case "w": return (.write, binary)
        case "a": return (.append, binary)
        default: return (.create, binary)
        }
    }

    /// Opens `path` for `access` as CPython's `open` does (created files get mode 0o666 less the umask).
    package static func descriptor(_ path: String, _ access: Access) throws(ScriptError) -> Int32 {
        let flags: Int32 = switch access {
        case .read: O_RDONLY
        case .write: O_WRONLY | O_CREAT | O_TRUNC
        case .append: O_WRONLY | O_CREAT | O_APPEND
        case .create: O_WRONLY | O_CREAT | O_EXCL
        }
        let descriptor = Glibc.open(path, flags | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw SystemError.current(path) }
        return descriptor
    }

    /// `encoding=`, `errors=` and `newline=` of a text file.
    package struct TextOptions {
        package let encoding: String?
        package let codec: TextCodec
        package let errors: String
        package let newline: String?

        init(_ a: Arguments, _ function: String) throws(ScriptError) {
            func optionalString(_ key: String) throws(ScriptError) -> String? {
                switch a.keyword(key) {
                case nil, .none?: return nil
                case .str(let s)?: return s
                case let other?: throw .typeError("\(function)() argument '\(key)' must be str or None, not \(other.typeName)")
                }
            }
            encoding = try optionalString("encoding")
            codec = try encoding.map { (e) throws(ScriptError) in try TextCodec(named: e) } ?? .utf8
            errors = try optionalString("errors") ?? "strict"
            newline = try optionalString("newline")
        }
    }

    private init(name: String, mode: String, options: TextOptions, access: Access, descriptor: Int32) {
        self.name = name
        self.mode = mode
        self.encoding = options.encoding ?? "UTF-8"
        self.codec = options.codec
        self.errors = options.errors
        self.newline = options.newline
        self.access = access
        self.descriptor = descriptor
    }

    /// A text file over bytes from elsewhere (`gzip.open(path, 'rt')`), decoded as `open()` decodes.
    package static func reading(_ bytes: [UInt8], name: String, options: TextOptions) throws(ScriptError) -> FileObject {
        if let newline = options.newline, !["", "\n", "\r", "\r\n"].contains(newline) { throw .valueError("illegal newline value: \(newline)") }
        let file = FileObject(name: name, mode: "r", options: options, access: .read, descriptor: -1)
        file.raw = bytes
        return file
    }

    /// A text file encoding what is written into `sink` (`gzip.open(path, 'wt')`).
    package static func writing(into sink: BinaryStream, name: String, options: TextOptions) throws(ScriptError) -> FileObject {
        if let newline = options.newline, !["", "\n", "\r", "\r\n"].contains(newline) { throw .valueError("illegal newline value: \(newline)") }
        let file = FileObject(name: name, mode: "w", options: options, access: .write, descriptor: -1)
        file.sink = sink
        return file
    }

    deinit { if !closed { _ = Glibc.close(descriptor) } }

    /// The whole file at `path`, with CPython's errors for a missing file or a directory.
    package static func contents(of path: String) throws(ScriptError) -> [UInt8] {
        let descriptor = try FileObject.descriptor(path, .read)
        defer { _ = Glibc.close(descriptor) }
        return try load(descriptor, path)
    }

    /// Reads a whole file (tutorial data is small); a directory raises `IsADirectoryError`, as
    /// CPython's open does. The caller closes `descriptor`.
    package static func load(_ descriptor: Int32, _ name: String) throws(ScriptError) -> [UInt8] {
        var info = stat()
        if fstat(descriptor, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
            throw SystemError.make(EISDIR, name)
        }
        var raw: [UInt8] = []
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
        return raw
    }

    private func closeDescriptor() throws(ScriptError) {
        guard !closed else { return }
        closed = true
        if let sink { return try sink.close() }
        if Glibc.close(descriptor) != 0 && access != .read { throw SystemError.current(name) }
    }

    private func checkOpen() throws(ScriptError) {
        if closed { throw .valueError("I/O operation on closed file.") }
    }

    /// Decodes on the first read, checking the file is open and readable.
    private func readableText() throws(ScriptError) {
        try checkOpen()
        // CPython's io.UnsupportedOperation is an OSError; Recur raises the OSError itself.
        guard access == .read else { throw ScriptError(.osError, "not readable") }
        guard text == nil else { return }
        var decoded = Array(try codec.decode(raw, errors: errors).unicodeScalars)
        if newline == nil { decoded = FileObject.universalNewlines(decoded, starts: nil).scalars }
        text = StreamBuffer(decoded)
    }

    /// `\r\n` and `\r` read as `\n`; `starts` (a scalar's byte offsets) dropped in step.
    static func universalNewlines(_ scalars: [Unicode.Scalar], starts: [Int]?) -> (scalars: [Unicode.Scalar], starts: [Int]?) {
        guard scalars.contains("\r") else { return (scalars, starts) }
        var out: [Unicode.Scalar] = []
        var kept: [Int] = []
        out.reserveCapacity(scalars.count)
        var i = 0
        while i < scalars.count {
            if let starts, i < starts.count { kept.append(starts[i]) }
            if scalars[i] == "\r" {
                out.append("\n")
                if i + 1 < scalars.count && scalars[i + 1] == "\n" { i += 1 }
            } else {
                out.append(scalars[i])
            }
            i += 1
        }
        if let end = starts?.last { kept.append(end) }
        return (out, starts == nil ? nil : kept)
    }

    /// `read(size=-1)`.
    package func read(_ size: Int) throws(ScriptError) -> String {
        try readableText()
        return StreamBuffer.string(text?.read(size) ?? [])
    }

    /// `readline(size=-1)`: up to and including the next line ending under `newline`'s rules.
    func readline(_ size: Int = -1) throws(ScriptError) -> String {
        try readableText()
        return StreamBuffer.string(text?.readline(size, newline: newline) ?? [])
    }

    /// The byte offset of each scalar of the text, made once.
    private func scalarStarts() throws(ScriptError) -> [Int] {
        if let starts { return starts }
        var made = try codec.scalarStarts(raw, errors: errors)
        if newline == nil {
            let decoded = Array(try codec.decode(raw, errors: errors).unicodeScalars)
            made = FileObject.universalNewlines(decoded, starts: made).starts ?? made
        }
        starts = made
        return made
    }

    /// `tell()`: the byte position, CPython's cookie for a decoder without pending state.
    func tell() throws(ScriptError) -> Int {
        try checkOpen()
        guard access == .read else { return try SystemError.seek(descriptor, 0, SEEK_CUR, name) }
        try readableText()
        let offsets = try scalarStarts()
        return offsets[min(text?.position ?? 0, offsets.count - 1)]
    }

    /// `seek(cookie, whence=0)`: to a position `tell()` gave, or to the start or the end.
    func seek(_ cookie: Int, whence: Int) throws(ScriptError) -> Int {
        try checkOpen()
        switch whence {
        case 0: if cookie < 0 { throw .valueError("negative seek position \(cookie)") }
        case 1: if cookie != 0 { throw ScriptError(.osError, "can't do nonzero cur-relative seeks") }
        case 2: if cookie != 0 { throw ScriptError(.osError, "can't do nonzero end-relative seeks") }
        default: throw .valueError("invalid whence (\(whence), should be 0, 1 or 2)")
        }
        guard access == .read else { return try SystemError.seek(descriptor, cookie, whence == 0 ? SEEK_SET : whence == 1 ? SEEK_CUR : SEEK_END, name) }
        try readableText()
        guard whence == 0 else { return try whence == 1 ? tell() : seekEnd() }
        let offsets = try scalarStarts()
        // The first scalar starting at or after the byte position (the end past the last).
        var low = 0, high = offsets.count - 1
        while low < high {
            let middle = (low + high) / 2
            if offsets[middle] < cookie { low = middle + 1 } else { high = middle }
        }
        text?.position = low
        return cookie
    }

    private func seekEnd() throws(ScriptError) -> Int {
        let end = text?.items.count ?? 0
        text?.position = end
        return raw.count
    }

    /// `write(s)`: encodes and writes at once; returns the number of characters, as CPython.
    package func write(_ value: Value) throws(ScriptError) -> Int {
        try checkOpen()
        guard access != .read else { throw ScriptError(.osError, "not writable") }
        guard case .str(var s) = value else { throw .typeError("write() argument must be str, not \(value.typeName)") }
        let count = s.unicodeScalars.count
        if let newline, newline == "\r" || newline == "\r\n" { s = StringMethods.replaced(s, "\n", newline, limit: -1) }
        let bytes = try codec.encode(s, errors: errors)
        if let sink { try sink.writeBytes(bytes) } else { try SystemError.writeAll(bytes, to: descriptor, name) }
        return count
    }

    // MARK: ScriptObject

    package var typeName: String { "TextIOWrapper" }
    package func repr(interpreter: Interpreter) throws(ScriptError) -> String {
        "<_io.TextIOWrapper name=\(PythonString.repr(name)) mode=\(PythonString.repr(mode)) encoding=\(PythonString.repr(encoding))>"
    }

    /// `readable()`, `writable()`, `seekable()`: on a closed file the raw file's own
    /// answers raise (without the final period); the buffer's fixed False does not.
    private func answer(_ value: Bool) throws(ScriptError) -> Value {
        if value && closed { throw .valueError("I/O operation on closed file") }
        return .bool(value)
    }

    package static let declaration = NativeType<FileObject>(module: "_io", properties: [
        NativeProperty("closed") { f, _ throws(ScriptError) in .bool(f.closed) },
        NativeProperty("encoding") { f, _ throws(ScriptError) in .str(f.encoding) },
        NativeProperty("errors") { f, _ throws(ScriptError) in .str(f.errors) },
        NativeProperty("mode") { f, _ throws(ScriptError) in .str(f.mode) },
        NativeProperty("name") { f, _ throws(ScriptError) in .str(f.name) },
    ], methods: [
        NativeMethod("close", "()", .noArguments) { f, _, _ throws(ScriptError) in
            try f.closeDescriptor()
            return .none
        },
        NativeMethod("flush", "()", .noArguments) { f, _, _ throws(ScriptError) in
            try f.checkOpen()
            return .none
        },
        NativeMethod("read", "(size=-1, /)", .clinic) { f, a, interpreter throws(ScriptError) in
            .str(try f.read(try StreamReading.size(a[0], interpreter)))
        },
        NativeMethod("readable", "()", .noArguments) { f, _, _ throws(ScriptError) in try f.answer(f.access == .read) },
        NativeMethod("readline", "(size=-1, /)", .clinic) { f, a, interpreter throws(ScriptError) in
            // Unlike read(), a text file's readline() takes no None.
            .str(try f.readline(try StreamReading.integer(a[0], interpreter)))
        },
        NativeMethod("readlines", "(hint=-1, /)", .clinic, owner: "_IOBase", doc: "Return a list of lines from the stream.") { f, a, interpreter throws(ScriptError) in
            try StreamReading.readlines(hint: StreamReading.size(a[0], interpreter)) { (size) throws(ScriptError) in .str(try f.readline(size)) }
        },
        NativeMethod("seek", "(cookie, whence=0, /)", .clinic, doc: "Set the stream position, and return the new stream position.") {
            f, a, interpreter throws(ScriptError) in
            let whence = try a[1].map { (v) throws(ScriptError) in try interpreter.indexValue(v) } ?? 0
            return .int(try f.seek(try interpreter.indexValue(a.required(0)), whence: whence))
        },
        NativeMethod("seekable", "()", .noArguments) { f, _, _ throws(ScriptError) in try f.answer(true) },
        NativeMethod("tell", "()", .noArguments, doc: "Return the stream position as an opaque number.") { f, _, _ throws(ScriptError) in
            .int(try f.tell())
        },
        NativeMethod("writable", "()", .noArguments) { f, _, _ throws(ScriptError) in try f.answer(f.access != .read) },
        NativeMethod("write", "(text, /)", .singleArgument) { f, a, _ throws(ScriptError) in .int(try f.write(a.required(0))) },
        NativeMethod("writelines", "(lines, /)", .singleArgument, owner: "_IOBase", doc: "Write a list of lines to stream.") { f, a, interpreter throws(ScriptError) in
            for line in try interpreter.iterate(a.required(0)) { _ = try f.write(line) }
            return .none
        },
    ])

    /// A file is its own iterator over lines.
    package func makeIterator(interpreter: Interpreter) throws(ScriptError) -> (any ValueIterator)? {
        try readableText()
        return self
    }

    package func next(interpreter: Interpreter) throws(ScriptError) -> Value? {
        let line = try readline()
        return line.isEmpty ? nil : .str(line)
    }

    package func enter(interpreter: Interpreter) throws(ScriptError) -> Value? {
        try checkOpen()
        return .object(self)
    }

    package func exit(interpreter: Interpreter) throws(ScriptError) { try closeDescriptor() }
}
