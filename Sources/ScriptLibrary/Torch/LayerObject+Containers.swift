import Tensors
import Script

/// `nn.ModuleList` and `nn.ModuleDict` as Python containers: indexing (slices of a
/// ModuleList are ModuleLists), assignment, `len`, iteration (a ModuleDict's keys), and
/// their methods.
extension LayerObject {
    /// `container[key]`; nil for other modules.
    func containerItem(_ key: Value, interpreter: Interpreter) throws(ScriptError) -> Value? {
        switch module {
        case let list as ModuleList:
            if case .object(let object) = key, let slice = object as? SliceObject {
                let picked = try slice.positions(length: list.modules.count, interpreter: interpreter).map { list.modules[$0] }
                return .object(LayerObject(ModuleList(picked)))
            }
            let i = try moduleIndex(key, count: list.modules.count, interpreter)
            return LayerObject.value(for: list.modules[i], interpreter: interpreter)
        case let list as ParameterList:
            return .object(list.values[try moduleIndex(key, count: list.values.count, interpreter)])
        case let dict as ModuleDict:
            let name = try moduleKey(key, interpreter)
            guard let entry = dict.entries.first(where: { $0.key == name }) else { throw .keyError(key, repr: try interpreter.repr(key)) }
            return LayerObject.value(for: entry.module, interpreter: interpreter)
        default:
            return nil
        }
    }

    package func setItem(_ key: Value, _ value: Value, interpreter: Interpreter) throws(ScriptError) -> Bool {
        switch module {
        case let list as ModuleList:
            let i = try moduleIndex(key, count: list.modules.count, interpreter)
            list.modules[i] = try LayerObject.requireModule(value, interpreter)
            return true
        case let dict as ModuleDict:
            dict.set(try moduleKey(key, interpreter), try LayerObject.requireModule(value, interpreter))
            return true
        case let list as ParameterList:
            list.values[try moduleIndex(key, count: list.values.count, interpreter)] = try LayerObject.parameter(value, interpreter)
            return true
        default:
            return false
        }
    }

    /// The number of modules a container holds; nil for other modules.
    var containerCount: Int? {
        switch module {
        case is Sequential, is ModuleList, is ModuleDict: module.children.count
        case let list as ParameterList: list.values.count
        default: nil
        }
    }

    /// The methods of this layer's own kind beyond `nn.Module`'s: the containers', and
    /// `flatten_parameters` of the recurrent layers; nil for other layers.
    var kindDeclaration: NativeType<LayerObject>? {
        switch module {
        case is ModuleList: LayerObject.moduleListMethods
        case is ParameterList: LayerObject.parameterListMethods
        case is ModuleDict: LayerObject.moduleDictMethods
        default: isRecurrent ? LayerObject.recurrentMethods : nil
        }
    }

    static let recurrentMethods = NativeType<LayerObject>(methods: [
        NativeMethod("flatten_parameters", "(self)", owner: "RNNBase",
                     doc: "Reset parameter data pointer so that they can use faster code paths.") { _, _, _ throws(ScriptError) in
            // PyTorch compacts cuDNN weights here; on the CPU there is nothing to do.
            .none
        },
    ])

    static let moduleListMethods = NativeType<LayerObject>(methods: [
        NativeMethod("append", "(self, module)", doc: "Append a given module to the end of the list.") { layer, a, interpreter throws(ScriptError) in
            guard let list = layer.module as? ModuleList else { return .none }
            list.modules.append(try LayerObject.requireModule(a.required(0), interpreter))
            return .object(layer)
        },
        NativeMethod("extend", "(self, modules)", doc: "Append modules from a Python iterable to the end of the list.") {
            layer, a, interpreter throws(ScriptError) in
            guard let list = layer.module as? ModuleList else { return .none }
            let items = try interpreter.iterate(a.required(0))
            let modules = try items.map { (item) throws(ScriptError) in try LayerObject.requireModule(item, interpreter) }
            list.modules.append(contentsOf: modules)
            return .object(layer)
        },
        NativeMethod("insert", "(self, index, module)", doc: "Insert a given module before a given index in the list.") {
            layer, a, interpreter throws(ScriptError) in
            guard let list = layer.module as? ModuleList else { return .none }
            let count = list.modules.count
            var i = try interpreter.indexValue(a.required(0), container: "ModuleList")
            if i < 0 { i += count }
            list.modules.insert(try LayerObject.requireModule(a.required(1), interpreter), at: Swift.min(Swift.max(i, 0), count))
            return .none
        },
        NativeMethod("pop", "(self, key)", doc: "Remove the module at key and return it.") { layer, a, interpreter throws(ScriptError) in
            guard let list = layer.module as? ModuleList else { return .none }
            let key = a.required(0)
            if case .object(let object) = key, let slice = object as? SliceObject {
                let positions = try slice.positions(length: list.modules.count, interpreter: interpreter)
                let picked = positions.map { list.modules[$0] }
                let removed = Set(positions)
                list.modules = list.modules.indices.filter { !removed.contains($0) }.map { list.modules[$0] }
                return .object(LayerObject(ModuleList(picked)))
            }
            let i = try layer.moduleIndex(key, count: list.modules.count, interpreter)
            return LayerObject.value(for: list.modules.remove(at: i), interpreter: interpreter)
        },
    ])

    static let parameterListMethods = NativeType<LayerObject>(methods: [
        NativeMethod("append", "(self, value)", doc: "Append a given value at the end of the list.") { layer, a, interpreter throws(ScriptError) in
            guard let list = layer.module as? ParameterList else { return .none }
            list.values.append(try LayerObject.parameter(a.required(0), interpreter))
            return .object(layer)
        },
        NativeMethod("extend", "(self, values)", doc: "Append values from a Python iterable to the end of the list.") {
            layer, a, interpreter throws(ScriptError) in
            guard let list = layer.module as? ParameterList else { return .none }
            let items = try interpreter.iterate(a.required(0))
            let values = try items.map { (item) throws(ScriptError) in try LayerObject.parameter(item, interpreter) }
            list.values.append(contentsOf: values)
            return .object(layer)
        },
    ])

    /// `ModuleDict.keys()` / `values()` / `items()`.
    private static func entries(_ name: String, doc: String, _ entry: @escaping @Sendable (String, Value) -> Value) -> NativeMethod<LayerObject> {
        NativeMethod(name, "(self)", doc: doc) { layer, _, interpreter throws(ScriptError) in
            guard let dict = layer.module as? ModuleDict else { return .none }
            return .list(ListObject(dict.entries.map { entry($0.key, LayerObject.value(for: $0.module, interpreter: interpreter)) }))
        }
    }

    static let moduleDictMethods = NativeType<LayerObject>(methods: [
        NativeMethod("clear", "(self)", doc: "Remove all items from the ModuleDict.") { layer, _, _ throws(ScriptError) in
            (layer.module as? ModuleDict)?.entries.removeAll()
            return .none
        },
        entries("items", doc: "Return an iterable of the ModuleDict key/value pairs.") { .tuple([.str($0), $1]) },
        entries("keys", doc: "Return an iterable of the ModuleDict keys.") { key, _ in .str(key) },
        NativeMethod("pop", "(self, key)", doc: "Remove key from the ModuleDict and return its module.") { layer, a, interpreter throws(ScriptError) in
            guard let dict = layer.module as? ModuleDict else { return .none }
            let key = a.required(0)
            let name = try layer.moduleKey(key, interpreter)
            guard let i = dict.entries.firstIndex(where: { $0.key == name }) else { throw .keyError(key, repr: try interpreter.repr(key)) }
            return LayerObject.value(for: dict.entries.remove(at: i).module, interpreter: interpreter)
        },
        NativeMethod("update", "(self, modules)",
                     doc: "Update the ModuleDict with key-value pairs from a mapping, overwriting existing keys.") { layer, a, interpreter throws(ScriptError) in
            guard let dict = layer.module as? ModuleDict else { return .none }
            try LayerObject.fill(dict, from: a.required(0), interpreter)
            return .none
        },
        entries("values", doc: "Return an iterable of the ModuleDict values.") { _, value in value },
    ])

    /// A position among `count` children, with PyTorch's IndexError.
    func moduleIndex(_ key: Value, count: Int, _ interpreter: Interpreter) throws(ScriptError) -> Int {
        let raw = try interpreter.indexValue(key, container: module.typeName)
        let i = raw < 0 ? raw + count : raw
        guard i >= 0, i < count else { throw .indexError("index \(raw) is out of range") }
        return i
    }

    /// A ModuleDict key: a string, as PyTorch requires.
    func moduleKey(_ key: Value, _ interpreter: Interpreter) throws(ScriptError) -> String {
        guard case .str(let name) = key else { throw .typeError("module name should be a string. Got \(key.typeName)") }
        return name
    }

    /// The module a value stands for, or PyTorch's error.
    static func requireModule(_ value: Value, _ interpreter: Interpreter) throws(ScriptError) -> any Module {
        guard let module = LayerObject.module(of: value) else { throw .typeError("\(value.typeName) is not a Module subclass") }
        return module
    }

    /// A ParameterList entry: a parameter as given, or a tensor made into one (as PyTorch does).
    package static func parameter(_ value: Value, _ interpreter: Interpreter) throws(ScriptError) -> Tensor {
        let tensor = try interpreter.tensor(value, "value")
        if tensor.isParameter { return tensor }
        return try tensorCall { () throws(TensorError) in try tensor.parameter(requiresGrad: true) }
    }

    /// Adds the modules of a dict (or of an iterable of key-module pairs) to `dict`.
    static func fill(_ dict: ModuleDict, from source: Value, _ interpreter: Interpreter) throws(ScriptError) {
        if case .dict(let d) = source {
            for (key, value) in d.items {
                guard case .str(let name) = key else { throw .typeError("module name should be a string. Got \(key.typeName)") }
                dict.set(name, try requireModule(value, interpreter))
            }
            return
        }
        for (i, item) in try interpreter.iterate(source).enumerated() {
            let pair = try interpreter.iterate(item)
            guard pair.count == 2 else {
                throw .valueError("ModuleDict update sequence element #\(i) has length \(pair.count); 2 is required")
            }
            guard case .str(let name) = pair[0] else { throw .typeError("module name should be a string. Got \(pair[0].typeName)") }
            dict.set(name, try requireModule(pair[1], interpreter))
        }
    }
}
