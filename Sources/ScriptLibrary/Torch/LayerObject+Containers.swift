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

    /// The methods of `ModuleList` and `ModuleDict`; nil for other names and modules.
    func containerMethod(_ name: String, _ a: Arguments, interpreter: Interpreter) throws(ScriptError) -> Value? {
        if let list = module as? ModuleList {
            switch name {
            case "append":
                try a.expect("append", 1...1, keywords: ["module"])
                list.modules.append(try LayerObject.requireModule(a.value(0, "module") ?? .none, interpreter))
                return .object(self)
            case "extend":
                try a.expect("extend", 1...1, keywords: ["modules"])
                for item in try interpreter.iterate(a.value(0, "modules") ?? .none) {
                    list.modules.append(try LayerObject.requireModule(item, interpreter))
                }
                return .object(self)
            case "insert":
                try a.expect("insert", 2...2, keywords: ["index", "module"])
                let count = list.modules.count
                var i = try interpreter.indexValue(a.value(0, "index") ?? .none, container: "ModuleList")
                if i < 0 { i += count }
                list.modules.insert(try LayerObject.requireModule(a.value(1, "module") ?? .none, interpreter), at: Swift.min(Swift.max(i, 0), count))
                return Value.none
            default:
                return nil
            }
        }
        if let list = module as? ParameterList {
            switch name {
            case "append":
                try a.expect("append", 1...1, keywords: ["value"])
                list.values.append(try LayerObject.parameter(a.value(0, "value") ?? .none, interpreter))
                return .object(self)
            case "extend":
                try a.expect("extend", 1...1, keywords: ["values"])
                for item in try interpreter.iterate(a.value(0, "values") ?? .none) {
                    list.values.append(try LayerObject.parameter(item, interpreter))
                }
                return .object(self)
            default:
                return nil
            }
        }
        guard let dict = module as? ModuleDict else { return nil }
        switch name {
        case "keys", "values", "items":
            try a.expect(name, 0...0)
            return .list(ListObject(dict.entries.map { entry -> Value in
                let value = LayerObject.value(for: entry.module, interpreter: interpreter)
                return name == "keys" ? .str(entry.key) : name == "values" ? value : .tuple([.str(entry.key), value])
            }))
        case "update":
            try a.expect("update", 1...1, keywords: ["modules"])
            try LayerObject.fill(dict, from: a.value(0, "modules") ?? .none, interpreter)
            return Value.none
        case "pop":
            try a.expect("pop", 1...1, keywords: ["key"])
            let key = a.value(0, "key") ?? .none
            let name = try moduleKey(key, interpreter)
            guard let i = dict.entries.firstIndex(where: { $0.key == name }) else { throw .keyError(key, repr: try interpreter.repr(key)) }
            let removed = dict.entries.remove(at: i)
            return LayerObject.value(for: removed.module, interpreter: interpreter)
        default:
            return nil
        }
    }

    /// A position among `count` children, with PyTorch's IndexError.
    func moduleIndex(_ key: Value, count: Int, _ interpreter: Interpreter) throws(ScriptError) -> Int {
        let raw = try interpreter.indexValue(key, container: module.typeName)
        let i = raw < 0 ? raw + count : raw
        guard i >= 0, i < count else { throw .indexError("index \(raw) is out of range") }
        return i
    }

    /// A ModuleDict key: a string, as PyTorch requires.
    private func moduleKey(_ key: Value, _ interpreter: Interpreter) throws(ScriptError) -> String {
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
