import Glibc
import Rendering

/// An open `zipfile.ZipFile` in mode 'w' or 'x': entries are written to the file (or the
/// binary file object) as they are added, the central directory when it is closed.
package final class ZipFileWriterObject: DeclaredObject {
    /// Where the archive's bytes go.
    private enum Target {
        case file(descriptor: Int32, path: String)
        case stream(Value)
    }

    private var writer = ZipArchiveWriter()
    private let target: Target
    private let filename: String?
    private let mode: String
    private let compression: ZipArchiveWriter.Method
    private let level: Int32
    private var closed = false

    init(_ target: Value, mode: String, compression: ZipArchiveWriter.Method, level: Int32, interpreter: Interpreter) throws(ScriptError) {
        self.mode = mode
        self.compression = compression
        self.level = level
        var path: String?
        if case .str(let p) = target { path = p }
        if case .instance = target, let converted = try interpreter.callSpecial(target, "__fspath__") {
            path = try SystemError.path(converted, "ZipFile")
        }
        if let path {
            self.target = .file(descriptor: try FileObject.descriptor(path, mode == "x" ? .create : .write), path: path)
            filename = path
        } else {
            guard try interpreter.attributeIfPresent(target, "write") != nil else {
                throw .typeError("expected str, bytes or os.PathLike object, not \(target.typeName)")
            }
            self.target = .stream(target)
            var name: String?
            if case .str(let n)? = try interpreter.attributeIfPresent(target, "name") { name = n }
            filename = name
        }
    }

    deinit {
        if case .file(let descriptor, _) = target, !closed { _ = Glibc.close(descriptor) }
    }

    package var typeName: String { "ZipFile" }

    package func repr(interpreter: Interpreter) throws(ScriptError) -> String {
        if closed { return "<zipfile.ZipFile [closed]>" }
        if let filename { return "<zipfile.ZipFile filename=\(PythonString.repr(filename)) mode=\(PythonString.repr(mode))>" }
        if case .stream(let stream) = target { return "<zipfile.ZipFile file=\(try interpreter.repr(stream)) mode=\(PythonString.repr(mode))>" }
        return "<zipfile.ZipFile mode=\(PythonString.repr(mode))>"
    }

    private func emit(_ bytes: [UInt8], _ interpreter: Interpreter) throws(ScriptError) {
        switch target {
        case .file(let descriptor, let path):
            try SystemError.writeAll(bytes, to: descriptor, path)
        case .stream(let stream):
            _ = try interpreter.call(try interpreter.attribute(stream, "write"), Arguments([.object(BytesObject(bytes))]))
        }
    }

    private func checkWritable() throws(ScriptError) {
        if closed { throw .valueError("Attempt to write to ZIP archive that was already closed") }
    }

    /// The method and level of one call (`compress_type=`, `compresslevel=`), else the archive's.
    private func method(_ a: BoundArguments, _ interpreter: Interpreter) throws(ScriptError) -> (ZipArchiveWriter.Method, Int32) {
        var method = compression, level = self.level
        if let value = a.optional(2) { method = try ZipfileModule.method(try interpreter.indexValue(value)) }
        if let value = a.optional(3) { level = Int32(clamping: try interpreter.indexValue(value)) }
        return (method, level)
    }

    private func add(_ name: String, _ contents: [UInt8], _ method: ZipArchiveWriter.Method, _ level: Int32, dateTime: [Int],
                     attributes: UInt32, _ interpreter: Interpreter) throws(ScriptError) {
        do {
            try emit(try writer.add(name: name, contents: contents, method: method, level: level, dateTime: dateTime,
                                    externalAttributes: attributes), interpreter)
        } catch {
            throw .valueError("ZIP does not support timestamps before 1980")
        }
    }

    /// Now, as `time.localtime()[:6]`.
    private static func localNow() -> [Int] {
        var seconds = time(nil)
        var fields = tm()
        localtime_r(&seconds, &fields)
        return [Int(fields.tm_year) + 1900, Int(fields.tm_mon) + 1, Int(fields.tm_mday), Int(fields.tm_hour), Int(fields.tm_min), Int(fields.tm_sec)]
    }

    private static let readingOnly = ["extract", "extractall", "open", "read", "testzip"]

    package static let declaration = NativeType<ZipFileWriterObject>(module: "zipfile", properties: [
        NativeProperty("filename") { z, _ throws(ScriptError) in z.filename.map { .str($0) } ?? .none },
        NativeProperty("mode") { z, _ throws(ScriptError) in .str(z.mode) },
    ], methods: [
        NativeMethod("close", "(self)", doc: "Close the file, and for mode 'w', 'x' and 'a' write the ending\nrecords.") {
            z, _, interpreter throws(ScriptError) in
            try z.close(interpreter)
            return .none
        },
        NativeMethod("getinfo", "(self, name)", doc: "Return the instance of ZipInfo given 'name'.") { z, a, _ throws(ScriptError) in
            let wanted = try a.required(0).asString("name")
            guard let record = z.writer.records.last(where: { $0.name == wanted }) else {
                let message = "There is no item named \(PythonString.repr(wanted)) in the archive"
                throw .keyError(.str(message), repr: PythonString.repr(message))
            }
            return .object(ZipInfoObject(record))
        },
        NativeMethod("infolist", "(self)", doc: "Return a list of class ZipInfo instances for files in the\narchive.") { z, _, _ throws(ScriptError) in
            .list(ListObject(z.writer.records.map { .object(ZipInfoObject($0)) }))
        },
        NativeMethod("mkdir", "(self, zinfo_or_directory_name, mode=511)", doc: "Creates a directory inside the zip archive.") {
            z, a, interpreter throws(ScriptError) in
            try z.checkWritable()
            var entryName = try a.required(0).asString("mkdir() argument 'zinfo_or_directory_name'")
            if !entryName.hasSuffix("/") { entryName += "/" }
            let mode = try a[1].map { (v) throws(ScriptError) in try interpreter.indexValue(v) } ?? 0o777
            try z.add(entryName, [], .stored, -1, dateTime: ZipFileWriterObject.localNow(),
                    attributes: UInt32(truncatingIfNeeded: (0o40000 | mode) << 16) | 0x10, interpreter)
            return .none
        },
        NativeMethod("namelist", "(self)", doc: "Return a list of file names in the archive.") { z, _, _ throws(ScriptError) in
            .list(ListObject(z.writer.records.map { .str($0.name) }))
        },
        NativeMethod("write", "(self, filename, arcname=None, compress_type=None, compresslevel=None)",
                     doc: "Put the bytes from filename into the archive under the name\narcname.") { z, a, interpreter throws(ScriptError) in
            try z.checkWritable()
            let path = try SystemError.path(a.required(0), "write")
            var status = stat()
            guard stat(path, &status) == 0 else { throw SystemError.current(path) }
            let isDirectory = status.st_mode & S_IFMT == S_IFDIR
            var archiveName = try a[1].flatMap { (v) throws(ScriptError) -> String? in
                v.isNone ? nil : try SystemError.path(v, "write")
            } ?? path
            // CPython's ZipInfo.from_file: a normalised relative name, '/' for a directory.
            archiveName = PosixPath.normpath(archiveName)
            while archiveName.hasPrefix("/") { archiveName.removeFirst() }
            if isDirectory { archiveName += "/" }
            var seconds = status.st_mtim.tv_sec
            var fields = tm()
            localtime_r(&seconds, &fields)
            let dateTime = [Int(fields.tm_year) + 1900, Int(fields.tm_mon) + 1, Int(fields.tm_mday), Int(fields.tm_hour),
                            Int(fields.tm_min), Int(fields.tm_sec)]
            var attributes = UInt32(truncatingIfNeeded: Int(status.st_mode) << 16)
            if isDirectory { attributes |= 0x10 }
            let (method, level) = try z.method(a, interpreter)
            try z.add(archiveName, isDirectory ? [] : try FileObject.contents(of: path), isDirectory ? .stored : method, level,
                    dateTime: dateTime, attributes: attributes, interpreter)
            return .none
        },
        NativeMethod("writestr", "(self, zinfo_or_arcname, data, compress_type=None, compresslevel=None)",
                     doc: "Write a file into the archive.") { z, a, interpreter throws(ScriptError) in
            try z.checkWritable()
            let entryName: String
            var dateTime = ZipFileWriterObject.localNow()
            switch a.required(0) {
            case .str(let text): entryName = text
            case .object(let info as ZipInfoObject):
                entryName = info.entry.name
                dateTime = info.entry.dateTime
            default:
                throw .typeError("writestr() argument 'zinfo_or_arcname' must be str or ZipInfo, not \(a.required(0).typeName)")
            }
            let contents: [UInt8]
            if case .str(let text) = a.required(1) { contents = Array(text.utf8) } else { contents = try BytesObject.bytesLike(a.required(1), interpreter) }
            let (method, level) = try z.method(a, interpreter)
            let directory = entryName.hasSuffix("/")
            // CPython's attributes for a member from writestr: rw------- (a directory: drwxrwxr-x and MS-DOS's flag).
            try z.add(entryName, contents, directory ? .stored : method, level, dateTime: dateTime,
                    attributes: directory ? (0o40775 << 16) | 0x10 : 0o600 << 16, interpreter)
            return .none
        },
    ] + readingOnly.map { name in
        NativeMethod(name, "(self, *args, **kwargs)") { _, _, _ throws(ScriptError) in
            throw ScriptError(.notImplementedError,
                              "ZipFile.\(name): Recur reads an archive opened in mode 'r'; close this one and open it again to read it")
        }
    })

    private func close(_ interpreter: Interpreter) throws(ScriptError) {
        if closed { return }
        closed = true
        let ending = writer.finish()
        switch target {
        case .file(let descriptor, _):
            defer { _ = Glibc.close(descriptor) }
            try emit(ending, interpreter)
        case .stream:
            try emit(ending, interpreter)
        }
    }

    package func enter(interpreter: Interpreter) throws(ScriptError) -> Value? { .object(self) }
    package func exit(interpreter: Interpreter) throws(ScriptError) { try close(interpreter) }
}
