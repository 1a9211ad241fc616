import Glibc
import Tensors
import Script

/// `torch.load`'s `map_location`: where each storage goes, given the location the file
/// records ('cpu', 'cuda:0'). Recur has only the CPU, so a storage may end anywhere else
/// only through PyTorch's error for a machine without CUDA.
package enum MapLocation {
    case none
    case device(String)
    case table([(from: String, to: String)])
    case function(Value)

    init(_ value: Value, interpreter: Interpreter) throws(ScriptError) {
        switch value {
        case .none: self = .none
        case .str(let name): self = .device(name)
        case .object(let device as DeviceObject): self = .device(device.type)
        case .dict(let dict):
            var table: [(from: String, to: String)] = []
            for (key, target) in dict.items {
                let to: String
                switch target {
                case .str(let s): to = s
                case .object(let device as DeviceObject): to = device.type
                default: throw .typeError("map_location dict values must be device strings or torch.device, not \(target.typeName)")
                }
                table.append((try key.asString("map_location key"), to))
            }
            self = .table(table)
        default:
            guard interpreter.isCallable(value) else {
                throw .typeError("map_location must be None, a str, a torch.device, a dict or a callable, not \(value.typeName)")
            }
            self = .function(value)
        }
    }

    /// Checks that a storage recorded at `location` can be restored here.
    func restore(_ storage: SharedStorage, location: String, interpreter: Interpreter) throws(ScriptError) {
        var target = location
        switch self {
        case .none: break
        case .device(let device): target = device
        case .table(let table): target = table.first { $0.from == location }?.to ?? location
        case .function(let function):
            let given = PickledReference(.storage(storage))
            let result = try interpreter.call(function, Arguments([.object(given), .str(location)]))
            if case .object(let returned) = result, returned === given { return }
            guard case .none = result else {
                throw ScriptError(.notImplementedError, "torch.load: in Recur a map_location function may return the storage it is given "
                                  + "(lambda storage, loc: storage) or None; got \(result.typeName)")
            }
        }
        if target.hasPrefix("cuda") {
            throw ScriptError(.runtimeError, "Attempting to deserialize object on a CUDA device but torch.cuda.is_available() is False. "
                + "If you are running on a CPU-only machine, please use torch.load with map_location=torch.device('cpu') to map your storages to the CPU.")
        }
        guard target == "cpu" || target.hasPrefix("cpu:") else {
            throw ScriptError(.runtimeError, "don't know how to restore data location of torch.storage.UntypedStorage (tagged with \(target))")
        }
    }
}

extension TorchSerialization {
    package static func load(_ source: Value, mapLocation: MapLocation, weightsOnly: Bool, interpreter: Interpreter) throws(ScriptError) -> Value {
        let (data, path) = try contents(of: source, interpreter: interpreter)
        if let path, path.hasSuffix(".safetensors") {
            let entries = try tensorCall { () throws(TensorError) in try SafeTensors.decode(data) }
            let dict = DictObject()
            for (name, tensor) in entries { try dict.set(.str(name), interpreter.wrap(tensor)) }
            return .dict(dict)
        }
        guard let archive = try? ZipArchive(data), let first = archive.entries.first else {
            if data.starts(with: legacyMagic) {
                throw ScriptError(.notImplementedError, "torch.load: this checkpoint is in PyTorch's format before 1.6 "
                                  + "(_use_new_zipfile_serialization=False); Recur reads the zip format torch.save writes by default")
            }
            // PyTorch unpickles such a file as a legacy checkpoint; its first opcodes decide the error.
            var unpickler = WeightsOnlyUnpickler(data, interpreter: interpreter) { (_) throws(WeightsOnlyUnpickler.Failure) in
                throw .script(ScriptError(.notImplementedError, "torch.load: Recur does not read PyTorch's checkpoint format before 1.6"))
            }
            _ = try run(&unpickler, weightsOnly: weightsOnly, interpreter: interpreter)
            throw ScriptError(.notImplementedError, "torch.load: this file is not a checkpoint in PyTorch's zip format")
        }
        let prefix = first.name.split(separator: "/", maxSplits: 1).first.map { String($0) + "/" } ?? ""
        var records: [String: ZipArchive.Entry] = [:]
        for entry in archive.entries where entry.name.hasPrefix(prefix) { records[String(entry.name.dropFirst(prefix.count))] = entry }
        func record(_ name: String) throws(ScriptError) -> [UInt8] {
            guard let entry = records[name] else {
                throw ScriptError(.runtimeError, "PytorchStreamReader failed locating file \(name): file not found")
            }
            do { return try archive.contents(of: entry) } catch {
                throw ScriptError(.runtimeError, "PytorchStreamReader failed reading file \(name): invalid header or archive is corrupted")
            }
        }
        if records["constants.pkl"] != nil || records.keys.contains(where: { $0.hasPrefix("code/") }) {
            throw ScriptError(.notImplementedError, "torch.load: this is a TorchScript archive (torch.jit.save), which Recur does not load")
        }
        if records["byteorder"] != nil, try record("byteorder") != Array("little".utf8) {
            throw ScriptError(.notImplementedError, "torch.load: Recur reads checkpoints written on little-endian machines only")
        }
        let pickle = try record("data.pkl")
        var loaded: [String: SharedStorage] = [:]
        var unpickler = WeightsOnlyUnpickler(pickle, interpreter: interpreter) { (pid) throws(WeightsOnlyUnpickler.Failure) in
            // ('storage', storage_type, key, location, numel), as PyTorch's persistent_load reads it.
            guard case .tuple(let fields) = pid, fields.count == 5, let dtype = storageDType(fields[1]),
                  case .str(let key) = fields[2], case .str(let location) = fields[3], case .int(let numel) = fields[4] else {
                throw .script(ScriptError(.notImplementedError, "torch.load: Recur reads storages recorded as ('storage', type, key, location, numel)"))
            }
            do throws(ScriptError) {
                if let known = loaded[key] { return known }
                let bytes = try record("data/\(key)")
                let (needed, overflow) = numel.multipliedReportingOverflow(by: dtype.elementSize)
                guard numel >= 0, !overflow, needed <= bytes.count else {
                    throw ScriptError(.runtimeError, "PytorchStreamReader: record data/\(key) holds \(bytes.count) bytes, fewer than its \(numel) elements need")
                }
                let storage = SharedStorage(littleEndian: bytes[0..<needed], dtype: dtype)
                try mapLocation.restore(storage, location: location, interpreter: interpreter)
                loaded[key] = storage
                return storage
            } catch {
                throw .script(error)
            }
        }
        return try run(&unpickler, weightsOnly: weightsOnly, interpreter: interpreter)
    }

    /// The dtype a storage class global names (`torch.FloatStorage`).
    private static func storageDType(_ value: Value) -> DType? {
        guard case .global(.storageClass(let dtype)) = WeightsOnlyUnpickler.item(value) else { return nil }
        return dtype
    }

    /// Unpickles, turning the unpickler's refusals into PyTorch's UnpicklingError texts.
    private static func run(_ unpickler: inout WeightsOnlyUnpickler, weightsOnly: Bool, interpreter: Interpreter) throws(ScriptError) -> Value {
        do {
            return try unpickler.load()
        } catch {
            switch error {
            case .script(let scriptError): throw scriptError
            case .unpickling(let message):
                guard weightsOnly else {
                    throw ScriptError(.notImplementedError, "torch.load(weights_only=False): Recur never runs pickled code, so it loads only "
                                      + "what a weights-only load accepts; this file does not (\(message))")
                }
                let type = try unpicklingErrorType(interpreter)
                throw try interpreter.errorToRaise(try interpreter.call(.type(type), Arguments([.str(weightsOnlyMessage(message))])))
            }
        }
    }

    /// `torch.load`'s wrapping of the unpickler's message (`_get_wo_message`).
    static func weightsOnlyMessage(_ message: String) -> String {
        let unsafe = "In PyTorch 2.6, we changed the default value of the `weights_only` argument in `torch.load` from `False` to `True`. "
            + "Re-running `torch.load` with `weights_only` set to `False` will likely succeed, but it can result in arbitrary code execution. "
            + "Do it only if you got the file from a trusted source."
        let docs = "\n\nCheck the documentation of torch.load to learn more about types accepted by default with weights_only "
            + "https://pytorch.org/docs/stable/generated/torch.load.html."
        if message.contains("was not an allowed global by default.") {
            return "Weights only load failed. This file can still be loaded, to do so you have two options, "
                + "\u{1B}[1mdo those steps only if you trust the source of the checkpoint\u{1B}[0m. "
                + "\n\t(1) \(unsafe)\n\t(2) Alternatively, to load with `weights_only=True` please check "
                + "the recommended steps in the following error message.\n\tWeightsUnpickler error: " + message + docs
        }
        var updated = "Weights only load failed. \(unsafe)\n"
        if !message.contains(" is blocked") {
            updated += "Please file an issue with the following so that we can make `weights_only=True` compatible with your use case: WeightsUnpickler error: "
        }
        return updated + "\n\n" + message + docs
    }

    /// `pickle.UnpicklingError` (its class is `_pickle.UnpicklingError`), also named in torch.serialization.
    static func unpicklingErrorType(_ interpreter: Interpreter) throws(ScriptError) -> TypeObject {
        let module = try interpreter.loadModule("torch.serialization")
        if case .type(let type)? = module.namespace["UnpicklingError"] { return type }
        // The pickle module's own class, as PyTorch raises `pickle.UnpicklingError`.
        guard case .type(let type)? = try interpreter.loadModule("pickle").namespace["UnpicklingError"] else {
            throw .runtimeError("pickle.UnpicklingError is missing")
        }
        module.namespace["UnpicklingError"] = .type(type)
        return type
    }

    /// The bytes to load and the path they came from: a path is read whole, a binary file
    /// object from its current position.
    static func contents(of source: Value, interpreter: Interpreter) throws(ScriptError) -> ([UInt8], String?) {
        if case .str(let path) = source { return (try FileObject.contents(of: path), path) }
        if case .instance = source, try interpreter.callSpecial(source, "__fspath__") != nil {
            let path = try SystemError.path(source, "load", interpreter)
            return (try FileObject.contents(of: path), path)
        }
        guard let read = try interpreter.attributeIfPresent(source, "read") else {
            throw .attributeError("'\(source.typeName)' object has no attribute 'read'")
        }
        return (try BytesObject.bytesLike(try interpreter.call(read, Arguments()), interpreter), nil)
    }
}
