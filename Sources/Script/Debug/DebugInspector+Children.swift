/// What a variable expands to: a tensor's properties, a module's submodules and parameters,
/// a container's items, an object's attributes.
extension DebugInspector {
    /// The tensor properties a client lists, in this order.
    static let tensorFields = ["shape", "dtype", "requires_grad", "grad", "device", "is_leaf"]

    func hasChildren(_ value: Value, interpreter: Interpreter) -> Bool {
        switch value {
        case .list(let list): return !list.items.isEmpty
        case .tuple(let items): return !items.isEmpty
        case .dict(let dict): return dict.count > 0
        case .instance: return true
        case .object: return isTensor(value, interpreter) || isModule(value, interpreter)
        case .none, .bool, .int, .float, .str, .set, .function, .builtin, .boundMethod, .type, .module: return false
        }
    }

    package func children(of value: Value, interpreter: Interpreter) -> [(String, Value)] {
        switch value {
        case .list(let list): return items(list.items)
        case .tuple(let items): return self.items(items)
        case .dict(let dict):
            let shown = dict.items.prefix(Self.itemLimit).map { key, item -> (String, Value) in
                let name = (try? interpreter.repr(key)) ?? "<key>"
                return (name, item)
            }
            return shown + [("len()", .int(dict.count))]
        case .instance(let instance):
            var named = moduleChildren(value, interpreter)
            let listed = Set(named.map(\.0))
            for (name, attribute) in instance.attributes where !listed.contains(name) && !name.hasPrefix("_") {
                named.append((name, attribute))
            }
            return named
        case .object:
            if isTensor(value, interpreter) {
                return Self.tensorFields.compactMap { name in
                    guard case .success(let field?) = interpreter.withoutDebugger({ () throws(ScriptError) in
                        try interpreter.attributeIfPresent(value, name)
                    }) else { return nil }
                    return (name, field)
                }
            }
            return moduleChildren(value, interpreter)
        case .none, .bool, .int, .float, .str, .set, .function, .builtin, .boundMethod, .type, .module:
            return []
        }
    }

    private func items(_ values: [Value]) -> [(String, Value)] {
        values.prefix(Self.itemLimit).enumerated().map { (String($0.offset), $0.element) } + [("len()", .int(values.count))]
    }

    private func isTensor(_ value: Value, _ interpreter: Interpreter) -> Bool {
        let name = interpreter.typeObject(of: value).name
        return name == "Tensor" || name == "Parameter"
    }

    private func isModule(_ value: Value, _ interpreter: Interpreter) -> Bool {
        if case .success(let method?) = interpreter.withoutDebugger({ () throws(ScriptError) in
            try interpreter.attributeIfPresent(value, "named_children")
        }) {
            return !method.isNone
        }
        return false
    }

    /// A module's submodules, then its own parameters, as `named_children()` and
    /// `named_parameters(recurse=False)` give them; nothing for other values.
    private func moduleChildren(_ value: Value, _ interpreter: Interpreter) -> [(String, Value)] {
        guard isModule(value, interpreter) else { return [] }
        let pairs = interpreter.withoutDebugger { () throws(ScriptError) -> [(String, Value)] in
            var named: [(String, Value)] = []
            let calls: [(String, Arguments)] = [
                ("named_children", Arguments()),
                ("named_parameters", Arguments([], keywords: [("recurse", .bool(false))])),
            ]
            for (method, arguments) in calls {
                let iterable = try interpreter.call(try interpreter.attribute(value, method), arguments)
                let iterator = try interpreter.makeIterator(iterable)
                while let item = try iterator.next(interpreter: interpreter) {
                    if case .tuple(let pair) = item, pair.count == 2, case .str(let name) = pair[0] {
                        named.append((name, pair[1]))
                    }
                }
            }
            if let training = try interpreter.attributeIfPresent(value, "training") { named.append(("training", training)) }
            return named
        }
        if case .success(let named) = pairs { return named }
        return []
    }
}
