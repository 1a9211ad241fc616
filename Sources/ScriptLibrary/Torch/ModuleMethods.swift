import Tensors
import Script

/// A module method's receiver: the module's state and the value that stands for it (a
/// built-in layer, or the instance of a script class), which `train()` and `to()` return.
package struct ModuleReceiver {
    let module: any Module
    let value: Value
}

/// The `nn.Module` methods every module offers, whether a built-in layer or a script class,
/// declared once with PyTorch's signatures (its errors name them `Module.parameters()`).
package enum ModuleMethods {
    /// Every method name and `training`, for `dir()` and completion.
    package static var names: [String] { declaration.attributeNames + ["training"] }

    /// Calls `name` on `module`; `receiver` is what `train()`/`eval()`/`to()` return. Nil when
    /// `nn.Module` has no such method.
    package static func call(_ name: String, on module: any Module, receiver: Value, _ a: Arguments,
                             interpreter: Interpreter) throws(ScriptError) -> Value? {
        try declaration.call(name, on: ModuleReceiver(module: module, value: receiver), typeName: "Module", a, interpreter: interpreter)
    }

    /// `module.name` for a method, bound to `receiver`; nil when `nn.Module` has no such method.
    package static func method(_ name: String, of module: any Module, receiver: Value, interpreter: Interpreter) throws(ScriptError) -> Value? {
        try declaration.attribute(name, of: ModuleReceiver(module: module, value: receiver), typeName: "Module", interpreter: interpreter)
    }

    private static func refuseCycle(_ module: any Module) throws(ScriptError) {
        guard !module.containsCycle else { throw ScriptError(.recursionError, "maximum recursion depth exceeded") }
    }

    private static func refuseDuplicates(_ a: BoundArguments, _ index: Int, _ name: String, _ interpreter: Interpreter) throws(ScriptError) {
        if let keep = a[index], !(try interpreter.truth(keep)) {
            throw ScriptError(.notImplementedError, "\(name)(remove_duplicate=False) is not supported in Recur; each tensor is listed once")
        }
    }

    private static func prefix(_ value: Value?) throws(ScriptError) -> String {
        try value.map { (v) throws(ScriptError) in try v.asString("prefix") } ?? ""
    }

    /// `name` under `prefix` as PyTorch joins them.
    private static func joined(_ prefix: String, _ name: String) -> String { prefix.isEmpty ? name : prefix + "." + name }

    static let declaration = NativeType<ModuleReceiver>(methods: [
        NativeMethod("parameters", "(self, recurse=True)", doc: "Return an iterator over module parameters.") { m, a, interpreter throws(ScriptError) in
            let recurse = try interpreter.boolArgument(a[0], default: true)
            let tensors = recurse ? m.module.parameters() : m.module.ownParameters.map(\.tensor)
            return generator(tensors.map { interpreter.wrap($0) })
        },
        NativeMethod("named_parameters", "(self, prefix='', recurse=True, remove_duplicate=True)",
                     doc: "Return an iterator over module parameters, yielding both the name of the parameter as well as the parameter itself.") {
            m, a, interpreter throws(ScriptError) in
            let start = try prefix(a[0])
            try refuseDuplicates(a, 2, "named_parameters", interpreter)
            let entries = try interpreter.boolArgument(a[1], default: true)
                ? m.module.namedParameters() : m.module.ownParameters.map { (name: $0.name, tensor: $0.tensor) }
            return generator(entries.map { .tuple([.str(joined(start, $0.name)), interpreter.wrap($0.tensor)]) })
        },
        NativeMethod("buffers", "(self, recurse=True)", doc: "Return an iterator over module buffers.") { m, a, interpreter throws(ScriptError) in
            generator(try buffers(of: m.module, recurse: a[0], interpreter).map { interpreter.wrap($0.tensor) })
        },
        NativeMethod("named_buffers", "(self, prefix='', recurse=True, remove_duplicate=True)",
                     doc: "Return an iterator over module buffers, yielding both the name of the buffer as well as the buffer itself.") {
            m, a, interpreter throws(ScriptError) in
            let start = try prefix(a[0])
            try refuseDuplicates(a, 2, "named_buffers", interpreter)
            return generator(try buffers(of: m.module, recurse: a[1], interpreter).map {
                .tuple([.str(joined(start, $0.name)), interpreter.wrap($0.tensor)])
            })
        },
        NativeMethod("children", "(self)", doc: "Return an iterator over immediate children modules.") { m, _, interpreter throws(ScriptError) in
            generator(m.module.children.map { LayerObject.value(for: $0.module, interpreter: interpreter) })
        },
        NativeMethod("named_children", "(self)",
                     doc: "Return an iterator over immediate children modules, yielding both the name of the module as well as the module itself.") {
            m, _, interpreter throws(ScriptError) in
            generator(m.module.children.map { .tuple([.str($0.name), LayerObject.value(for: $0.module, interpreter: interpreter)]) })
        },
        NativeMethod("modules", "(self, remove_duplicate=True)", doc: "Return an iterator over all modules in the network.") {
            m, a, interpreter throws(ScriptError) in
            try refuseDuplicates(a, 0, "modules", interpreter)
            return generator(try walk(m, prefix: "", interpreter).map(\.value))
        },
        NativeMethod("named_modules", "(self, memo=None, prefix='', remove_duplicate=True)",
                     doc: "Return an iterator over all modules in the network, yielding both the name of the module as well as the module itself.") {
            m, a, interpreter throws(ScriptError) in
            if a.optional(0) != nil { throw ScriptError(.notImplementedError, "named_modules(memo=...) is not supported in Recur") }
            try refuseDuplicates(a, 2, "named_modules", interpreter)
            return generator(try walk(m, prefix: try prefix(a[1]), interpreter).map { .tuple([.str($0.path), $0.value]) })
        },
        NativeMethod("state_dict", "(self, *args, destination=None, prefix='', keep_vars=False)",
                     doc: "Return a dictionary containing references to the whole state of the module.") {
            m, a, interpreter throws(ScriptError) in
            try refuseCycle(m.module)
            var destination = a["destination"].flatMap { $0.isNone ? nil : $0 }
            var start = a["prefix"]
            var keepVars = a["keep_vars"]
            if !a.rest.isEmpty {
                try interpreter.warn("Positional args are being deprecated, use kwargs instead. Refer to https://pytorch.org/docs/main/generated/torch.nn.Module.html#torch.nn.Module.state_dict for details.",
                                     category: .futureWarning)
                if destination == nil, !a.rest[0].isNone { destination = a.rest[0] }
                if a.rest.count > 1, (try prefix(start)).isEmpty { start = a.rest[1] }
                if a.rest.count > 2, !(try interpreter.boolArgument(keepVars, default: false)) { keepVars = a.rest[2] }
            }
            if destination != nil {
                throw ScriptError(.notImplementedError, "state_dict(destination=...) is not supported in Recur; it returns a new OrderedDict")
            }
            return try stateDict(of: m.module, prefix: try prefix(start), keepVars: try interpreter.boolArgument(keepVars, default: false),
                                 interpreter: interpreter)
        },
        NativeMethod("load_state_dict", "(self, state_dict, strict=True, assign=False)",
                     doc: "Copy parameters and buffers from state_dict into this module and its descendants.") { m, a, interpreter throws(ScriptError) in
            if try interpreter.boolArgument(a[2], default: false) {
                throw ScriptError(.notImplementedError, "load_state_dict(assign=True) is not supported in Recur; the values are copied into the module's tensors")
            }
            return try loadStateDict(into: m.module, a.required(0), strict: try interpreter.boolArgument(a[1], default: true), interpreter: interpreter)
        },
        NativeMethod("train", "(self, mode=True)", doc: "Set the module in training mode.") { m, a, interpreter throws(ScriptError) in
            try refuseCycle(m.module)
            m.module.train(try interpreter.boolArgument(a[0], default: true))
            return m.value
        },
        NativeMethod("eval", "(self)", doc: "Set the module in evaluation mode.") { m, _, _ throws(ScriptError) in
            try refuseCycle(m.module)
            m.module.eval()
            return m.value
        },
        NativeMethod("zero_grad", "(self, set_to_none=True)", doc: "Reset gradients of all model parameters.") { m, a, interpreter throws(ScriptError) in
            m.module.zeroGrad(setToNone: try interpreter.boolArgument(a[0], default: true))
            return .none
        },
        NativeMethod("to", "(self, *args, **kwargs)", doc: "Move and/or cast the parameters and buffers.") { m, a, interpreter throws(ScriptError) in
            if let dtype = try conversionTarget(Arguments(a.rest, keywords: a.extraKeywords), interpreter: interpreter) {
                m.module.convertTensors(to: dtype, floatingOnly: true)
            }
            return m.value
        },
        NativeMethod("cpu", "(self)", doc: "Move all model parameters and buffers to the CPU.") { m, _, _ throws(ScriptError) in m.value },
        NativeMethod("cuda", "(self, device=None)", doc: "Move all model parameters and buffers to the GPU.") { _, _, _ throws(ScriptError) in
            throw ScriptError(.assertionError, "Torch not compiled with CUDA enabled")
        },
    ] + traversalMethods)

    private static func buffers(of module: any Module, recurse: Value?, _ interpreter: Interpreter) throws(ScriptError) -> [(name: String, tensor: Tensor)] {
        guard try interpreter.boolArgument(recurse, default: true) else {
            return module.ownBuffers.compactMap { entry in entry.tensor.map { (entry.name, $0) } }
        }
        return module.namedBuffers()
    }

    /// The module and its descendants, each once, depth first, with their dotted paths.
    static func walk(_ m: ModuleReceiver, prefix: String, _ interpreter: Interpreter) throws(ScriptError) -> [(path: String, value: Value)] {
        try refuseCycle(m.module)
        var seen = Set<ObjectIdentifier>()
        var items: [(path: String, value: Value)] = []
        func visit(_ module: any Module, _ value: Value, _ path: String) {
            guard seen.insert(ObjectIdentifier(module)).inserted else { return }
            items.append((path, value))
            for (childName, child) in module.children {
                visit(child, LayerObject.value(for: child, interpreter: interpreter), joined(path, childName))
            }
        }
        visit(m.module, m.value, prefix)
        return items
    }

    /// `load_state_dict(state_dict, strict)`: PyTorch's report of missing and unexpected keys.
    private static func loadStateDict(into module: any Module, _ source: Value, strict: Bool, interpreter: Interpreter) throws(ScriptError) -> Value {
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
    static func stateDict(of module: any Module, prefix: String, keepVars: Bool, interpreter: Interpreter) throws(ScriptError) -> Value {
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
