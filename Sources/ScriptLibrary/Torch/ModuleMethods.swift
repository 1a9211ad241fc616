import Tensors
import Script

/// The `nn.Module` methods every module offers, whether a built-in layer or a script class.
package enum ModuleMethods {
    package static let names = ["cpu", "eval", "forward", "load_state_dict", "named_parameters", "parameters",
                        "state_dict", "to", "train", "training", "zero_grad", "children", "named_children",
                        "buffers", "named_buffers"] + traversalNames

    /// Calls `name` on `module`; `receiver` is what `train()`/`eval()`/`to()` return.
    package static func call(_ name: String, on module: any Module, receiver: Value, _ a: Arguments,
                     interpreter: Interpreter) throws(ScriptError) -> Value? {
        switch name {
        case "parameters":
            return generator(module.parameters().map { interpreter.wrap($0) })
        case "named_parameters":
            return generator(module.namedParameters().map { .tuple([.str($0.name), interpreter.wrap($0.tensor)]) })
        case "buffers", "named_buffers":
            try a.expect(name, 0...3, keywords: name == "buffers" ? ["recurse"] : ["prefix", "recurse", "remove_duplicate"])
            let prefix = name == "buffers" ? "" : try a.value(0, "prefix").map { (v) throws(ScriptError) in try v.asString("prefix") } ?? ""
            let recurse = try interpreter.boolArgument(a.value(name == "buffers" ? 0 : 1, "recurse"), default: true)
            if name == "named_buffers", let keep = a.value(2, "remove_duplicate"), !(try interpreter.truth(keep)) {
                throw ScriptError(.notImplementedError, "named_buffers(remove_duplicate=False) is not supported in Recur; each buffer is listed once")
            }
            var entries = module.namedBuffers()
            if !recurse { entries = module.ownBuffers.compactMap { entry in entry.tensor.map { (entry.name, $0) } } }
            return generator(entries.map { entry in
                name == "buffers" ? interpreter.wrap(entry.tensor) : .tuple([.str(prefix.isEmpty ? entry.name : prefix + "." + entry.name), interpreter.wrap(entry.tensor)])
            })
        case "state_dict":
            guard !module.containsCycle else { throw ScriptError(.recursionError, "maximum recursion depth exceeded") }
            return try stateDict(of: module, a, interpreter: interpreter)
        case "load_state_dict":
            guard let source = a.value(0, "state_dict") else {
                throw .typeError("load_state_dict() missing 1 required positional argument: 'state_dict'")
            }
            let strict = try interpreter.boolArgument(a.value(1, "strict"), default: true)
            var entries: [(name: String, tensor: Tensor)] = []
            let dict: DictObject
            switch source {
            case .dict(let d): dict = d
            // What torch.load returns for a state dict PyTorch saved.
            case .object(let ordered as CountingDict) where ordered.isOrdered: dict = ordered.storage
            default: throw .typeError("Expected state_dict to be dict-like, got \(source.typeName).")
            }
            for (key, value) in dict.items {
                entries.append((try key.asString("state_dict key"), try interpreter.tensor(value)))
            }
            let result = try tensorCall { () throws(TensorError) in try module.loadStateDict(entries, strict: strict) }
            return .object(IncompatibleKeysObject(result))
        case "train":
            guard !module.containsCycle else { throw ScriptError(.recursionError, "maximum recursion depth exceeded") }
            module.train(try interpreter.boolArgument(a.value(0, "mode"), default: true))
            return receiver
        case "eval":
            guard !module.containsCycle else { throw ScriptError(.recursionError, "maximum recursion depth exceeded") }
            module.eval()
            return receiver
        case "zero_grad":
            module.zeroGrad(setToNone: try interpreter.boolArgument(a.value(0, "set_to_none"), default: true))
            return Value.none
        case "to":
            if let dtype = try conversionTarget(a, interpreter: interpreter) {
                module.convertTensors(to: dtype, floatingOnly: true)
            }
            return receiver
        case "cpu":
            return receiver
        case "cuda":
            throw ScriptError(.assertionError, "Torch not compiled with CUDA enabled")
        case "children":
            return generator(module.children.map { LayerObject.value(for: $0.module, interpreter: interpreter) })
        case "named_children":
            return generator(module.children.map { .tuple([.str($0.name), LayerObject.value(for: $0.module, interpreter: interpreter)]) })
        default:
            return try traversal(name, on: module, receiver: receiver, a, interpreter: interpreter)
        }
    }

    /// The dtype `Module.to(...)` converts to, as `torch._C._nn._parse_to` reads its
    /// arguments (`to(device)`, `to(dtype)`, `to(device, dtype)`, `to(tensor)`, keywords
    /// `device`, `dtype`, `non_blocking`, `memory_format`); nil for a device alone. Only
    /// floating-point targets are accepted, with PyTorch's TypeError.
    static func conversionTarget(_ a: Arguments, interpreter: Interpreter) throws(ScriptError) -> DType? {
        try a.expect("to", 0...3, keywords: ["device", "dtype", "non_blocking", "memory_format", "copy", "tensor"])
        var dtype = try interpreter.dtype(a.keyword("dtype"))
        if let device = a.keyword("device") { try DeviceObject.check(device, interpreter: interpreter) }
        for value in a.positional {
            switch value {
            case .object(let tensor as Tensor): dtype = tensor.dtype
            case .object(let object) where object is DTypeObject: dtype = try interpreter.dtype(value)
            case .bool: continue
            case .none, .int, .float, .str, .list, .tuple, .dict, .set, .function, .builtin, .boundMethod, .type, .instance, .module, .object:
                try DeviceObject.check(value, interpreter: interpreter)
            }
        }
        guard let dtype else { return nil }
        guard dtype.isFloatingPoint else {
            throw .typeError("nn.Module.to only accepts floating point or complex dtypes, but got desired dtype=\(dtype)")
        }
        return dtype
    }

    /// `state_dict(*, prefix='', keep_vars=False)`: an OrderedDict of the parameters (detached
    /// unless `keep_vars`), carrying PyTorch's `_metadata` (each module's prefix and version),
    /// so `torch.save` writes what PyTorch writes.
    static func stateDict(of module: any Module, _ a: Arguments, interpreter: Interpreter) throws(ScriptError) -> Value {
        try a.expect("state_dict", 0...3, keywords: ["destination", "prefix", "keep_vars"])
        if let destination = a.value(0, "destination"), !destination.isNone {
            throw ScriptError(.notImplementedError, "state_dict(destination=...) is not supported in Recur; it returns a new OrderedDict")
        }
        let prefix = try a.value(1, "prefix").map { (v) throws(ScriptError) in try v.asString("prefix") } ?? ""
        let keepVars = try interpreter.boolArgument(a.value(2, "keep_vars"), default: false)
        let dict = CountingDict(.ordered)
        let entries = module.stateDict(keepVars: keepVars)
        for (name, tensor) in entries { try dict.storage.set(.str(prefix + name), interpreter.wrap(tensor)) }
        let metadata = CountingDict(.ordered)
        func record(_ m: any Module, _ path: String) throws(ScriptError) {
            let version = DictObject()
            try version.set(.str("version"), .int(1))
            try metadata.storage.set(.str(path), .dict(version))
            for (name, child) in m.children { try record(child, path.isEmpty ? name : path + "." + name) }
        }
        try record(module, String(prefix.dropLast(prefix.hasSuffix(".") ? 1 : 0)))
        dict.attributes["_metadata"] = .object(metadata)
        return .object(dict)
    }

    /// Attributes that are not methods: `training`, parameters and children by name.
    package static func attribute(_ name: String, of module: any Module, interpreter: Interpreter) -> Value? {
        if name == "training" { return .bool(module.isTraining) }
        for (parameterName, tensor) in module.ownParameters where parameterName == name {
            return interpreter.wrap(tensor)
        }
        for (childName, child) in module.children where childName == name {
            return LayerObject.value(for: child, interpreter: interpreter)
        }
        return nil
    }
}

/// What `load_state_dict` returns: prints `<All keys matched successfully>` when clean.
package final class IncompatibleKeysObject: ScriptObject {
    let keys: IncompatibleKeys
    init(_ keys: IncompatibleKeys) { self.keys = keys }
    package var typeName: String { "_IncompatibleKeys" }
    package func repr(interpreter: Interpreter) throws(ScriptError) -> String {
        if keys.missingKeys.isEmpty && keys.unexpectedKeys.isEmpty { return "<All keys matched successfully>" }
        let missing = keys.missingKeys.map { "'\($0)'" }.joined(separator: ", ")
        let unexpected = keys.unexpectedKeys.map { "'\($0)'" }.joined(separator: ", ")
        return "_IncompatibleKeys(missing_keys=[\(missing)], unexpected_keys=[\(unexpected)])"
    }
    package func attribute(_ name: String, interpreter: Interpreter) throws(ScriptError) -> Value? {
        switch name {
        case "missing_keys": .list(ListObject(keys.missingKeys.map { .str($0) }))
        case "unexpected_keys": .list(ListObject(keys.unexpectedKeys.map { .str($0) }))
        default: nil
        }
    }
}
