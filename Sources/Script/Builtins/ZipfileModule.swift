import Glibc
import Rendering

/// `zipfile`: reading archives (`ZipFile` in mode 'r', `ZipInfo`, `is_zipfile`, `BadZipFile`)
/// and writing them (modes 'w' and 'x'), with CPython's reprs and errors.
package enum ZipfileModule {
    package static func fill(_ interpreter: Interpreter, _ module: ModuleObject) throws(ScriptError) {
        let badZip = TypeObject(name: "BadZipFile", bases: [interpreter.types.exception(.exception)], kind: .user, module: "zipfile")
        module.namespace["BadZipFile"] = .type(badZip)
        module.namespace["BadZipfile"] = .type(badZip)
        module.namespace["ZIP_STORED"] = .int(0)
        module.namespace["ZIP_DEFLATED"] = .int(8)
        module.namespace["ZIP_BZIP2"] = .int(12)
        module.namespace["ZIP_LZMA"] = .int(14)
        let zipFile = BuiltinFunction("ZipFile", signature: "zipfile.ZipFile(file, mode='r', compression=ZIP_STORED, allowZip64=True, compresslevel=None)",
                                      doc: "Read or write a zip archive at a path or in a binary file object.") { interpreter, a throws(ScriptError) in
            try a.expect("ZipFile", 1...5, keywords: ["mode", "compression", "allowZip64", "compresslevel", "strict_timestamps"])
            let mode = try a.value(1, "mode").map { (v) throws(ScriptError) in try v.asString("ZipFile() argument 'mode'") } ?? "r"
            guard ["r", "w", "x", "a"].contains(mode) else { throw .valueError("ZipFile requires mode 'r', 'w', 'x', or 'a'") }
            let compression = try method(try a.value(2, "compression").map { (v) throws(ScriptError) in try interpreter.indexValue(v) } ?? 0)
            if mode == "w" || mode == "x" {
                var level: Int32 = -1
                if let value = a.value(4, "compresslevel"), !value.isNone { level = Int32(clamping: try interpreter.indexValue(value)) }
                return .object(try ZipFileWriterObject(a.positional[0], mode: mode, compression: compression, level: level, interpreter: interpreter))
            }
            guard mode == "r" else {
                throw ScriptError(.notImplementedError, "zipfile.ZipFile: mode 'a' (appending) is not provided by Recur (modes 'r', 'w' and 'x' are)")
            }
            let source = a.positional[0]
            let (data, filename) = try contents(of: source, interpreter)
            return .object(ZipFileObject(try archive(data, interpreter, badZip), filename: filename, source: source, badZip: badZip))
        }
        let type = TypeObject(name: "ZipFile", bases: [interpreter.types.object], kind: .builtin, constructor: zipFile, module: "zipfile")
        interpreter.types.registerNative(type, forTypeName: "ZipFile")
        module.namespace["ZipFile"] = .type(type)
        module.namespace["is_zipfile"] = .builtin(BuiltinFunction("is_zipfile", signature: "zipfile.is_zipfile(filename)") { interpreter, a throws(ScriptError) in
            try a.expect("is_zipfile", 1...1)
            guard let (data, _) = try? contents(of: a.positional[0], interpreter) else { return .bool(false) }
            return .bool((try? ZipArchive(data)) != nil)
        })
    }

    /// An archive's bytes and its file name, from a path or a readable binary object.
    private static func contents(of source: Value, _ interpreter: Interpreter) throws(ScriptError) -> ([UInt8], String?) {
        if case .str(let path) = source { return (try FileObject.contents(of: path), path) }
        if case .instance = source, let converted = try interpreter.callSpecial(source, "__fspath__") {
            let path = try SystemError.path(converted, "ZipFile")
            return (try FileObject.contents(of: path), path)
        }
        guard let read = try interpreter.attributeIfPresent(source, "read") else {
            throw .typeError("expected str, bytes or os.PathLike object, not \(source.typeName)")
        }
        if let seek = try interpreter.attributeIfPresent(source, "seek") { _ = try interpreter.call(seek, Arguments([.int(0)])) }
        let data = try BytesObject.bytesLike(try interpreter.call(read, Arguments()), interpreter)
        var name: String?
        if case .str(let n)? = try interpreter.attributeIfPresent(source, "name") { name = n }
        return (data, name)
    }

    package static func archive(_ data: [UInt8], _ interpreter: Interpreter, _ badZip: TypeObject) throws(ScriptError) -> ZipArchive {
        do {
            return try ZipArchive(data)
        } catch {
            throw try failure(error, interpreter, badZip)
        }
    }

    /// The Python exception for a reading failure.
    package static func failure(_ error: ZipArchive.Failure, _ interpreter: Interpreter, _ badZip: TypeObject) throws(ScriptError) -> ScriptError {
        let message: String
        switch error {
        case .notAZip: message = "File is not a zip file"
        case .corrupt(let text): message = text
        case .badCRC(let name): message = "Bad CRC-32 for file \(PythonString.repr(name))"
        case .unsupported(let what): return ScriptError(.notImplementedError, "zipfile: \(what) are not provided by Recur")
        case .tooLarge: return ScriptError(.memoryError, "")
        }
        return try interpreter.errorToRaise(try interpreter.call(.type(badZip), Arguments([.str(message)])))
    }

    /// A compression method by zipfile's number.
    package static func method(_ number: Int) throws(ScriptError) -> ZipArchiveWriter.Method {
        switch number {
        case 0: return .stored
        case 8: return .deflated
        case 12, 14: throw ScriptError(.notImplementedError, "zipfile: bzip2 and lzma compression are not provided by Recur (ZIP_STORED and ZIP_DEFLATED are)")
        default: throw ScriptError(.notImplementedError, "That compression method is not supported")
        }
    }

    /// CPython's `stat.filemode`: `-rw-r--r--`, `drwxr-xr-x`, `?` for an unknown file type.
    static func fileMode(_ mode: UInt32) -> String {
        let kinds: [(UInt32, Character)] = [(0o140000, "s"), (0o120000, "l"), (0o100000, "-"), (0o060000, "b"), (0o040000, "d"),
                                            (0o020000, "c"), (0o010000, "p")]
        var text = String(kinds.first { mode & 0o170000 == $0.0 }?.1 ?? "?")
        let bits: [(UInt32, Character)] = [(0o400, "r"), (0o200, "w"), (0o100, "x"), (0o040, "r"), (0o020, "w"), (0o010, "x"),
                                           (0o004, "r"), (0o002, "w"), (0o001, "x")]
        for (bit, letter) in bits { text.append(mode & bit != 0 ? letter : "-") }
        return text
    }
}

/// An open `zipfile.ZipFile` in mode 'r'.
package final class ZipFileObject: DeclaredObject {
    package let archive: ZipArchive
    package let filename: String?
    package let source: Value
    let badZip: TypeObject
    private var closed = false

    init(_ archive: ZipArchive, filename: String?, source: Value, badZip: TypeObject) {
        self.archive = archive
        self.filename = filename
        self.source = source
        self.badZip = badZip
    }

    package var typeName: String { "ZipFile" }

    package func repr(interpreter: Interpreter) throws(ScriptError) -> String {
        if closed { return "<zipfile.ZipFile [closed]>" }
        if let filename { return "<zipfile.ZipFile filename=\(PythonString.repr(filename)) mode='r'>" }
        return "<zipfile.ZipFile file=\(try interpreter.repr(source)) mode='r'>"
    }

    private func entry(_ value: Value, _ interpreter: Interpreter) throws(ScriptError) -> ZipArchive.Entry {
        if case .object(let info as ZipInfoObject) = value { return info.entry }
        let name = try value.asString("name")
        // The last entry of a name wins, as in CPython's name index.
        guard let found = archive.entries.last(where: { $0.name == name }) else {
            let message = "There is no item named \(PythonString.repr(name)) in the archive"
            throw .keyError(.str(message), repr: PythonString.repr(message))
        }
        return found
    }

    private func read(_ entry: ZipArchive.Entry, _ interpreter: Interpreter) throws(ScriptError) -> [UInt8] {
        do {
            return try archive.contents(of: entry)
        } catch {
            throw try ZipfileModule.failure(error, interpreter, badZip)
        }
    }

    private func checkOpen() throws(ScriptError) {
        if closed { throw .valueError("Attempt to use ZIP archive that was already closed") }
    }

    /// Where `extract` writes `entry` under `directory`: its name without a leading `/`, drive,
    /// `.` or `..` parts (CPython's sanitising).
    private func target(_ entry: ZipArchive.Entry, in directory: String) -> String {
        let parts = entry.name.split(separator: "/").filter { $0 != "" && $0 != "." && $0 != ".." }
        return PosixPath.normpath(([directory] + parts.map(String.init)).joined(separator: "/"))
    }

    private func extract(_ entry: ZipArchive.Entry, into directory: String, _ interpreter: Interpreter) throws(ScriptError) -> String {
        let path = target(entry, in: directory)
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        var built = ""
        for (i, part) in parts.enumerated() where i < parts.count - 1 || entry.isDirectory {
            built += (i == 0 ? "" : "/") + part
            if built.isEmpty || SourceModule.isDirectory(built) { continue }
            if mkdir(built, 0o777) != 0 && errno != EEXIST { throw SystemError.current(built) }
        }
        if entry.isDirectory { return path }
        let descriptor = try FileObject.descriptor(path, .write)
        defer { _ = Glibc.close(descriptor) }
        try SystemError.writeAll(try read(entry, interpreter), to: descriptor, path)
        return path
    }

    /// `path=` of extract and extractall: the working directory (absolute) when omitted.
    private func extractDirectory(_ value: Value?) throws(ScriptError) -> String {
        guard let value, !value.isNone else { return try PosixPath.abspath(".") }
        return try value.asString("path")
    }

    // `pwd` matters only for encrypted members, which Recur refuses by name when it reads them
    // (CPython ignores it for the others too).
    package static let declaration = NativeType<ZipFileObject>(module: "zipfile", properties: [
        NativeProperty("filename") { z, _ throws(ScriptError) in z.filename.map { .str($0) } ?? .none },
    ], methods: [
        NativeMethod("close", "(self)", doc: "Close the file, and for mode 'w', 'x' and 'a' write the ending\nrecords.") { z, _, _ throws(ScriptError) in
            z.closed = true
            return .none
        },
        NativeMethod("extract", "(self, member, path=None, pwd=None)",
                     doc: "Extract a member from the archive to the current working directory,\nusing its full name.") { z, a, interpreter throws(ScriptError) in
            try z.checkOpen()
            let directory = try z.extractDirectory(a[1])
            return .str(try z.extract(try z.entry(a.required(0), interpreter), into: directory, interpreter))
        },
        NativeMethod("extractall", "(self, path=None, members=None, pwd=None)",
                     doc: "Extract all members from the archive to the current working\ndirectory.") { z, a, interpreter throws(ScriptError) in
            try z.checkOpen()
            let directory = try z.extractDirectory(a[0])
            var chosen = z.archive.entries
            if let members = a.optional(1) {
                chosen = []
                for member in try interpreter.iterate(members) { chosen.append(try z.entry(member, interpreter)) }
            }
            for member in chosen { _ = try z.extract(member, into: directory, interpreter) }
            return .none
        },
        NativeMethod("getinfo", "(self, name)", doc: "Return the instance of ZipInfo given 'name'.") { z, a, interpreter throws(ScriptError) in
            .object(ZipInfoObject(try z.entry(a.required(0), interpreter)))
        },
        NativeMethod("infolist", "(self)", doc: "Return a list of class ZipInfo instances for files in the\narchive.") { z, _, _ throws(ScriptError) in
            .list(ListObject(z.archive.entries.map { .object(ZipInfoObject($0)) }))
        },
        NativeMethod("namelist", "(self)", doc: "Return a list of file names in the archive.") { z, _, _ throws(ScriptError) in
            .list(ListObject(z.archive.entries.map { .str($0.name) }))
        },
        NativeMethod("open", "(self, name, mode='r', pwd=None, *, force_zip64=False)", doc: "Return file-like object for 'name'.") {
            z, a, interpreter throws(ScriptError) in
            try z.checkOpen()
            let mode = try a[1].map { (v) throws(ScriptError) in try v.asString("open() argument 'mode'") } ?? "r"
            guard mode == "r" else {
                if mode == "w" { throw ScriptError(.notImplementedError, "ZipFile.open: writing members is not provided by Recur") }
                throw .valueError("open() requires mode \"r\" or \"w\"")
            }
            let member = try z.entry(a.required(0), interpreter)
            return .object(BinaryStream(.member(typeName: "ZipExtFile", name: member.name, mode: "r"), contents: try z.read(member, interpreter)))
        },
        NativeMethod("read", "(self, name, pwd=None)", doc: "Return file bytes for name.") { z, a, interpreter throws(ScriptError) in
            try z.checkOpen()
            return .object(BytesObject(try z.read(try z.entry(a.required(0), interpreter), interpreter)))
        },
        NativeMethod("testzip", "(self)", doc: "Read all the files and check the CRC.") { z, _, interpreter throws(ScriptError) in
            try z.checkOpen()
            for member in z.archive.entries {
                do throws(ZipArchive.Failure) {
                    _ = try z.archive.contents(of: member)
                } catch {
                    if case .badCRC = error { return .str(member.name) }
                    throw try ZipfileModule.failure(error, interpreter, z.badZip)
                }
            }
            return .none
        },
    ])

    package func enter(interpreter: Interpreter) throws(ScriptError) -> Value? { .object(self) }
    package func exit(interpreter: Interpreter) throws(ScriptError) { closed = true }
}

/// `zipfile.ZipInfo`: one member's name, sizes, method, date and attributes.
package final class ZipInfoObject: DeclaredObject {
    package let entry: ZipArchive.Entry
    init(_ entry: ZipArchive.Entry) { self.entry = entry }

    package var typeName: String { "ZipInfo" }
    package static let declaration = NativeType<ZipInfoObject>(module: "zipfile", properties: [
        NativeProperty("CRC") { i, _ throws(ScriptError) in .int(Int(i.entry.crc)) },
        NativeProperty("compress_size") { i, _ throws(ScriptError) in .int(i.entry.compressedSize) },
        NativeProperty("compress_type") { i, _ throws(ScriptError) in .int(Int(i.entry.method)) },
        NativeProperty("date_time") { i, _ throws(ScriptError) in .tuple(i.entry.dateTime.map { .int($0) }) },
        NativeProperty("external_attr") { i, _ throws(ScriptError) in .int(Int(i.entry.externalAttributes)) },
        NativeProperty("file_size") { i, _ throws(ScriptError) in .int(i.entry.size) },
        NativeProperty("filename") { i, _ throws(ScriptError) in .str(i.entry.name) },
        NativeProperty("flag_bits") { i, _ throws(ScriptError) in .int(Int(i.entry.flags)) },
        NativeProperty("header_offset") { i, _ throws(ScriptError) in .int(i.entry.headerOffset) },
        NativeProperty("orig_filename") { i, _ throws(ScriptError) in .str(i.entry.name) },
    ], methods: [
        NativeMethod("is_dir", "(self)", doc: "Return True if this archive member is a directory.") { i, _, _ throws(ScriptError) in
            .bool(i.entry.isDirectory)
        },
    ])

    /// CPython's `ZipInfo.__repr__`.
    package func repr(interpreter: Interpreter) throws(ScriptError) -> String {
        var text = "<ZipInfo filename=\(PythonString.repr(entry.name))"
        if entry.method != 0 { text += " compress_type=" + (entry.method == 8 ? "deflate" : "[\(entry.method)]") }
        let high = entry.externalAttributes >> 16, low = entry.externalAttributes & 0xFFFF
        if high != 0 { text += " filemode=" + PythonString.repr(ZipfileModule.fileMode(high)) }
        if low != 0 { text += " external_attr=0x" + String(low, radix: 16) }
        if !entry.isDirectory || entry.size != 0 { text += " file_size=\(entry.size)" }
        if (!entry.isDirectory || entry.compressedSize != 0) && (entry.method != 0 || entry.size != entry.compressedSize) {
            text += " compress_size=\(entry.compressedSize)"
        }
        return text + ">"
    }
}
