import Glibc
import Tensors
import Script

/// `torch.save` and `torch.load` in PyTorch's own checkpoint format: a zip archive (laid
/// out as `PyTorchStreamWriter` lays it out) of `data.pkl`, a protocol-2 pickle whose
/// tensors name their storages by persistent id, and one raw little-endian record per
/// storage. Loading is always PyTorch's weights-only load: no pickled code runs.
package enum TorchSerialization {
    /// The version PyTorch writes in `<archive>/version`.
    static let fileFormatVersion = "3\n"
    /// The start of a checkpoint in PyTorch's format before 1.6 (the pickled magic number).
    static let legacyMagic: [UInt8] = [0x80, 0x02, 0x8A, 0x0A, 0x6C, 0xFC, 0x9C, 0x46, 0xF9, 0x20, 0x6A, 0xA8, 0x50, 0x19]

    static func fill(_ interpreter: Interpreter, _ namespace: inout [String: Value]) {
        namespace["save"] = .builtin(BuiltinFunction("save",
            signature: "save(obj, f, pickle_module=pickle, pickle_protocol=2, _use_new_zipfile_serialization=True, _disable_byteorder_record=False)",
            doc: "Saves an object to a file in PyTorch's checkpoint format.") { interpreter, a throws(ScriptError) in
            try a.expect("save", 2...6, keywords: ["obj", "f", "pickle_module", "pickle_protocol", "_use_new_zipfile_serialization",
                                                   "_disable_byteorder_record"])
            guard let object = a.value(0, "obj"), let target = a.value(1, "f") else {
                throw .typeError("save() missing required argument: 'f'")
            }
            if let module = a.value(2, "pickle_module"), !module.isNone, !isPickleModule(module) {
                throw ScriptError(.notImplementedError, "torch.save: Recur pickles with its own protocol-2 pickler; pickle_module is not supported")
            }
            if let version = a.value(3, "pickle_protocol"), !isInt(version, 2) {
                throw ScriptError(.notImplementedError, "torch.save: Recur writes pickle protocol 2 only (PyTorch's default)")
            }
            if let zipped = a.value(4, "_use_new_zipfile_serialization"), !(try interpreter.truth(zipped)) {
                throw ScriptError(.notImplementedError, "torch.save: Recur writes only the zip format (_use_new_zipfile_serialization=True)")
            }
            let byteorder = !(try interpreter.boolArgument(a.value(5, "_disable_byteorder_record"), default: false))
            try save(object, to: target, byteorderRecord: byteorder, interpreter: interpreter)
            return .none
        })
        namespace["load"] = .builtin(BuiltinFunction("load",
            signature: "load(f, map_location=None, pickle_module=None, *, weights_only=True, mmap=None, **pickle_load_args)",
            doc: "Loads an object torch.save wrote (weights only: tensors, containers and numbers).") { interpreter, a throws(ScriptError) in
            try a.expect("load", 1...3, keywords: ["f", "map_location", "pickle_module", "weights_only", "mmap", "encoding"])
            guard let source = a.value(0, "f") else { throw .typeError("load() missing 1 required positional argument: 'f'") }
            if let module = a.value(2, "pickle_module"), !module.isNone, !isPickleModule(module) {
                throw ScriptError(.notImplementedError, "torch.load: Recur unpickles with PyTorch's weights-only unpickler; pickle_module is not supported")
            }
            var weightsOnly = true
            if let value = a.keyword("weights_only"), !value.isNone { weightsOnly = try interpreter.truth(value) }
            if let encoding = a.keyword("encoding"), !isString(encoding, ["utf-8", "utf8"]) {
                throw ScriptError(.notImplementedError, "torch.load: Recur reads pickled strings as utf-8 only")
            }
            let location = try MapLocation(a.value(1, "map_location") ?? .none, interpreter: interpreter)
            return try load(source, mapLocation: location, weightsOnly: weightsOnly, interpreter: interpreter)
        })
    }

    private static func isInt(_ value: Value, _ expected: Int) -> Bool {
        if case .int(let n) = value { return n == expected }
        return false
    }

    static func isString(_ value: Value, _ accepted: [String]) -> Bool {
        if case .str(let s) = value { return accepted.contains(s) }
        return false
    }

    private static func isPickleModule(_ value: Value) -> Bool {
        if case .module(let module) = value { return module.name == "pickle" }
        return false
    }

    // MARK: - Saving

    static func save(_ object: Value, to target: Value, byteorderRecord: Bool, interpreter: Interpreter) throws(ScriptError) {
        var path: String?
        switch target {
        case .str(let p): path = p
        case .instance: if try interpreter.callSpecial(target, "__fspath__") != nil { path = try SystemError.path(target, "save", interpreter) }
        default: break
        }
        var stream: Value?
        if path == nil {
            guard try interpreter.attributeIfPresent(target, "write") != nil else {
                throw .attributeError("'\(target.typeName)' object has no attribute 'write'")
            }
            stream = target
        }
        var pickler = TorchPickler(interpreter: interpreter)
        let pickle = try pickler.pickle(object)
        var writer = TorchArchiveWriter(archiveName: try path.map { (p) throws(ScriptError) in try archiveName(p) } ?? "archive")
        do {
            try writer.write("data.pkl", pickle)
            try writer.write(".format_version", Array("1".utf8))
            try writer.write(".storage_alignment", Array(String(TorchArchiveWriter.alignment).utf8))
            if byteorderRecord { try writer.write("byteorder", Array("little".utf8)) }
            for storage in pickler.storages { try writer.write("data/\(storage.key)", storage.tensor.storageBytes) }
            try writer.write("version", Array(fileFormatVersion.utf8))
            var random = SystemRandomNumberGenerator()
            try writer.write(".data/serialization_id", writer.serializationID(random: random.next()))
            let bytes = try writer.finish()
            if let path {
                let descriptor = try FileObject.descriptor(path, .write)
                defer { _ = close(descriptor) }
                try SystemError.writeAll(bytes, to: descriptor, path)
            } else if let stream {
                _ = try interpreter.call(try interpreter.attribute(stream, "write"), Arguments([.object(BytesObject(bytes))]))
            }
        } catch let failure as TorchArchiveWriter.Failure {
            switch failure {
            case .recordTooLarge(let name):
                throw ScriptError(.notImplementedError, "torch.save: \(name) is 4 GiB or more; Recur writes records under 4 GiB")
            }
        } catch let error as ScriptError {
            throw error
        } catch {
            throw ScriptError(.runtimeError, "torch.save failed")
        }
    }

    /// PyTorchStreamWriter's archive name: the file's base name without its extension;
    /// "archive" for names that are not ASCII (PyTorch then writes through a Python stream).
    static func archiveName(_ path: String) throws(ScriptError) -> String {
        guard path.utf8.allSatisfy({ $0 < 0x80 }) else { return "archive" }
        let base = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
        let name = base.lastIndex(of: ".").map { String(base[..<$0]) } ?? base
        guard !name.isEmpty else {
            throw ScriptError(.runtimeError, "[enforce fail at inline_container.cc:719] . invalid file name: \(path)")
        }
        return name
    }
}

extension TorchSerialization {
    /// `torch.serialization`: `save` and `load` again, as PyTorch's module has them.
    static func fillModule(_ interpreter: Interpreter, _ module: ModuleObject) {
        var namespace: [String: Value] = [:]
        fill(interpreter, &namespace)
        for (key, value) in namespace { module.namespace[key] = value }
        SafeGlobals.fill(interpreter, module)
    }
}
