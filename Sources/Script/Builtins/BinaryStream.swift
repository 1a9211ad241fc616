import Glibc
import Tensors
import Rendering

/// A binary stream: a file opened with `b` (CPython's `BufferedReader`/`BufferedWriter`), an
/// `io.BytesIO`, a gzip file or a zip archive's member. Reading files load the whole file
/// when opened; writing files write at once, as text files do; gzip files are compressed
/// when they are closed.
package final class BinaryStream: SelfIterating {
    package enum Kind {
        case bytesIO
        case reader(name: String, mode: String)
        case writer(name: String, mode: String, descriptor: Int32)
        /// Read-only contents from elsewhere (a gzip file's data, a zip member), named as
        /// CPython names the reader (`GzipFile`, `ZipExtFile`).
        case member(typeName: String, name: String, mode: String)
        /// `gzip.open(path, 'wb')`: the data, compressed into `descriptor` at `close()`.
        case gzipWriter(name: String, mode: String, descriptor: Int32, level: Int32)
    }

    package static let methodNames = ["close", "flush", "getvalue", "read", "read1", "readable", "readinto", "readline", "readlines",
                              "seek", "seekable", "tell", "truncate", "writable", "write", "writelines"]

    package let kind: Kind
    private var buffer: StreamBuffer<UInt8>
    private(set) var closed = false

    init(_ kind: Kind, contents: [UInt8] = []) {
        self.kind = kind
        self.buffer = StreamBuffer(contents)
    }

    deinit {
        // An unclosed gzip writer is finished as CPython's finalizer finishes it.
        if !closed, case .gzipWriter = kind { try? close() }
        if !closed, case .writer(_, _, let descriptor) = kind { _ = Glibc.close(descriptor) }
    }

    /// `open(path, 'rb' | 'wb' | 'ab' | 'xb')`; `encoding`, `errors` and `newline` are refused as CPython refuses them.
    package static func open(_ path: String, mode: String, access: FileObject.Access, _ a: Arguments) throws(ScriptError) -> Value {
        for key in ["encoding", "errors", "newline"] {
            if let value = a.keyword(key), !value.isNone { throw .valueError("binary mode doesn't take \(key == "newline" ? "a" : "an") \(key) argument") }
        }
        switch access {
        case .read:
            return .object(BinaryStream(.reader(name: path, mode: mode), contents: try FileObject.contents(of: path)))
        case .write, .append, .create:
            return .object(BinaryStream(.writer(name: path, mode: mode, descriptor: try FileObject.descriptor(path, access))))
        }
    }

    /// Raises CPython's error for `method` on a closed stream (its wording varies by method).
    private func checkOpen(_ method: String) throws(ScriptError) {
        guard closed else { return }
        switch kind {
        case .bytesIO, .member, .gzipWriter: throw .valueError("I/O operation on closed file.")
        case .reader, .writer:
            switch method {
            case "read", "read1", "readinto": throw .valueError("read of closed file")
            case "readline": throw .valueError("readline of closed file")
            case "seek": throw .valueError("seek of closed file")
            case "write": throw .valueError("write to closed file")
            case "flush": throw .valueError("flush of closed file")
            case "tell", "readable", "writable", "seekable": throw .valueError("I/O operation on closed file")
            default: throw .valueError("I/O operation on closed file.")
            }
        }
    }

    private var isReadable: Bool {
        switch kind {
        case .bytesIO, .reader, .member: true
        case .writer, .gzipWriter: false
        }
    }

    private var isWritable: Bool {
        switch kind {
        case .bytesIO, .writer, .gzipWriter: true
        case .reader, .member: false
        }
    }

    private func readable(_ method: String) throws(ScriptError) {
        // CPython raises io.UnsupportedOperation, an OSError, before looking at closed.
        guard isReadable else { throw ScriptError(.osError, "read") }
        try checkOpen(method)
    }

    private func write(_ value: Value, _ interpreter: Interpreter) throws(ScriptError) -> Int {
        guard isWritable else { throw ScriptError(.osError, "write") }
        try checkOpen("write")
        guard case .object(let data as BytesObject) = value else {
            throw .typeError("a bytes-like object is required, not '\(value.typeName)'")
        }
        try writeBytes(data.bytes)
        return data.bytes.count
    }

    /// Writes `bytes` at the position (what text files over this stream write through).
    func writeBytes(_ bytes: [UInt8]) throws(ScriptError) {
        switch kind {
        case .bytesIO, .gzipWriter:
            let (size, overflow) = buffer.position.addingReportingOverflow(bytes.count)
            guard !overflow, MemoryBudget.allows(bytes: size) else { throw ScriptError(.memoryError, "") }
            buffer.write(bytes, fill: 0)
        case .writer(let name, _, let descriptor):
            try SystemError.writeAll(bytes, to: descriptor, name)
        case .reader, .member: break
        }
    }

    package func close() throws(ScriptError) {
        guard !closed else { return }
        closed = true
        switch kind {
        case .writer(let name, _, let descriptor):
            if Glibc.close(descriptor) != 0 { throw SystemError.current(name) }
        case .gzipWriter(let name, _, let descriptor, let level):
            defer { _ = Glibc.close(descriptor) }
            var base = name.split(separator: "/").last.map(String.init) ?? name
            if base.hasSuffix(".gz") { base.removeLast(3) }
            let stamp = UInt32(truncatingIfNeeded: max(time(nil), 0))
            let header = Array(base.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) })
            try SystemError.writeAll(GzipFormat.compress(buffer.items, level: level, mtime: stamp, name: header), to: descriptor, name)
        case .bytesIO, .reader, .member: break
        }
    }

    private func tell() throws(ScriptError) -> Int {
        try checkOpen("tell")
        switch kind {
        case .writer(let name, _, let descriptor): return try SystemError.seek(descriptor, 0, SEEK_CUR, name)
        case .bytesIO, .reader, .member, .gzipWriter: return buffer.position
        }
    }

    private func seek(_ offset: Int, _ whence: Int) throws(ScriptError) -> Int {
        try checkOpen("seek")
        switch kind {
        case .writer(let name, _, let descriptor):
            guard (0...2).contains(whence) else { throw .valueError("whence value \(whence) unsupported") }
            return try SystemError.seek(descriptor, offset, whence == 0 ? SEEK_SET : whence == 1 ? SEEK_CUR : SEEK_END, name)
        case .gzipWriter:
            throw ScriptError(.notImplementedError, "seek() on a gzip file being written is not provided by Recur")
        case .bytesIO, .reader, .member:
            return try buffer.seek(offset, whence: whence)
        }
    }

    // MARK: ScriptObject

    package var typeName: String {
        switch kind {
        case .bytesIO: "BytesIO"
        case .reader: "BufferedReader"
        case .writer: "BufferedWriter"
        case .member(let typeName, _, _): typeName
        case .gzipWriter: "GzipFile"
        }
    }

    package var attributeNames: [String] {
        switch kind {
        case .bytesIO: BinaryStream.methodNames + ["closed"]
        case .reader, .writer, .member, .gzipWriter: BinaryStream.methodNames.filter { $0 != "getvalue" } + ["closed", "mode", "name"]
        }
    }

    package func repr(interpreter: Interpreter) throws(ScriptError) -> String {
        switch kind {
        case .bytesIO: "<_io.BytesIO object>"
        case .reader(let name, _), .writer(let name, _, _): "<_io.\(typeName) name=\(PythonString.repr(name))>"
        case .member(let typeName, let name, _): "<\(typeName) name=\(PythonString.repr(name))>"
        case .gzipWriter(let name, _, _, _): "<gzip _io.BufferedWriter name=\(PythonString.repr(name))>"
        }
    }

    package func attribute(_ attribute: String, interpreter: Interpreter) throws(ScriptError) -> Value? {
        switch (attribute, kind) {
        case ("closed", _): return .bool(closed)
        case ("name", .reader(let name, _)), ("name", .writer(let name, _, _)), ("name", .member(_, let name, _)),
             ("name", .gzipWriter(let name, _, _, _)):
            return .str(name)
        case ("mode", .member("GzipFile", _, _)): return .int(1)  // gzip.READ, as CPython's GzipFile
        case ("mode", .gzipWriter): return .int(2)  // gzip.WRITE
        case ("mode", .reader(_, let mode)), ("mode", .writer(_, let mode, _)), ("mode", .member(_, _, let mode)):
            return .str(mode)
        default:
            guard attributeNames.contains(attribute) else { return nil }
            return .builtin(BuiltinFunction(attribute, signature: "\(typeName).\(attribute)(...)") { [self] interpreter, a throws(ScriptError) in
                try self.callMethod(attribute, a, interpreter: interpreter) ?? .none
            })
        }
    }

    package func callMethod(_ method: String, _ a: Arguments, interpreter: Interpreter) throws(ScriptError) -> Value? {
        if method == "getvalue", case .bytesIO = kind {
            try a.expect("getvalue", 0...0)
            try checkOpen(method)
            return .object(BytesObject(buffer.items))
        }
        switch method {
        case "read", "read1", "readline", "readlines":
            try readable(method)
            return try StreamReading.call(method, a, interpreter,
                                          read: { size in .object(BytesObject(Array(self.buffer.read(size)))) },
                                          readline: { size in .object(BytesObject(Array(self.buffer.readline(size)))) })
        case "readinto":
            try a.expect("readinto", 1...1)
            try readable(method)
            guard case .object(let target as BytesObject) = a.positional[0], target.isMutable else {
                throw .typeError("readinto() argument must be read-write bytes-like object, not \(a.positional[0].typeName)")
            }
            let chunk = buffer.read(target.bytes.count)
            target.bytes.replaceSubrange(0..<chunk.count, with: chunk)
            return .int(chunk.count)
        case "write":
            try a.expect("write", 1...1)
            return .int(try write(a.positional[0], interpreter))
        case "writelines":
            try a.expect("writelines", 1...1)
            for line in try interpreter.iterate(a.positional[0]) { _ = try write(line, interpreter) }
            return Value.none
        case "truncate":
            try a.expect("truncate", 0...1)
            try checkOpen(method)
            guard case .bytesIO = kind else { throw ScriptError(.notImplementedError, "truncate() is provided for io.BytesIO only in Recur") }
            let size = try a.positional.first.flatMap { (v) throws(ScriptError) -> Int? in v.isNone ? nil : try interpreter.indexValue(v) } ?? buffer.position
            guard size >= 0 else { throw .valueError("negative size value \(size)") }
            if size < buffer.items.count { buffer.items.removeSubrange(size...) }
            return .int(size)
        case "seek":
            try a.expect("seek", 1...2)
            let whence = try a.positional.count > 1 ? interpreter.indexValue(a.positional[1]) : 0
            return .int(try seek(try interpreter.indexValue(a.positional[0]), whence))
        case "tell":
            try a.expect("tell", 0...0)
            return .int(try tell())
        case "close":
            try a.expect("close", 0...0)
            try close()
            return Value.none
        case "flush":
            try a.expect("flush", 0...0)
            try checkOpen(method)
            return Value.none
        case "readable", "writable", "seekable":
            try a.expect(method, 0...0)
            try checkOpen(method)
            return .bool(method == "seekable" || (method == "readable" ? isReadable : isWritable))
        default:
            return nil
        }
    }

    package func makeIterator(interpreter: Interpreter) throws(ScriptError) -> (any ValueIterator)? {
        try readable("__iter__")
        return self
    }

    package func next(interpreter: Interpreter) throws(ScriptError) -> Value? {
        try readable("__next__")
        let line = buffer.readline(-1)
        return line.isEmpty ? nil : .object(BytesObject(Array(line)))
    }

    package func enter(interpreter: Interpreter) throws(ScriptError) -> Value? {
        try checkOpen("__enter__")
        return .object(self)
    }

    package func exit(interpreter: Interpreter) throws(ScriptError) { try close() }
}
