import Tensors
import Script

/// A `torch.optim` optimizer as a value. Its `param_groups` are real dicts, as in PyTorch:
/// `step()` reads each group's settings (so `group['lr'] = x` and the schedulers take effect)
/// and runs the group's update rule (`engines`) over its parameters.
package final class OptimizerObject: ScriptObject {
    package let kind: OptimizerKind
    /// `optimizer.param_groups` (replaced only while a deep copy is made).
    var groups: ListObject
    /// `optimizer.defaults` (replaced only while a deep copy is made).
    var defaults: DictObject
    /// The update rule and state of each group, in group order.
    private(set) var engines: [any Optimizer] = []
    /// Whether `step()` has run (the schedulers warn when they step first, as PyTorch does).
    private(set) var hasStepped = false

    init(_ kind: OptimizerKind, params: Value, defaults: DictObject, interpreter: Interpreter) throws(ScriptError) {
        self.kind = kind
        self.defaults = defaults
        groups = ListObject([])
        let items = try interpreter.iterate(params)
        if items.isEmpty { throw .valueError("optimizer got an empty parameter list") }
        if case .dict = items[0] {
            for item in items { try addGroup(item, interpreter: interpreter) }
        } else {
            let group = DictObject()
            try group.set(.str("params"), .list(ListObject(items)))
            try addGroup(.dict(group), interpreter: interpreter)
        }
    }

    /// An optimizer without groups, which a deep copy fills (`OptimizerObject+Copy.swift`).
    init(emptyCopyOf kind: OptimizerKind) {
        self.kind = kind
        defaults = DictObject()
        groups = ListObject([])
    }

    /// `add_param_group(param_group)`: fills in the defaults, checks the parameters and
    /// makes the group's update rule.
    func addGroup(_ value: Value, interpreter: Interpreter) throws(ScriptError) {
        guard case .dict(let group) = value else { throw .typeError("param_group must be a dict") }
        guard let params = try group.get(.str("params")) else { throw .keyError(.str("params"), repr: "'params'") }
        var list: [Value]
        if case .object(let object) = params, object is Tensor {
            list = [params]
        } else if case .set = params {
            throw .typeError("optimizer parameters need to be organized in ordered collections, but the ordering of tensors in sets will change between runs. Please use a list instead.")
        } else {
            list = try interpreter.iterate(params)
        }
        var tensors: [Tensor] = []
        for item in list {
            guard case .object(let object) = item, let tensor = object as? Tensor else {
                throw .typeError("optimizer can only optimize Tensors, but one of the params is \(item.typeName)")
            }
            guard tensor.isLeaf else { throw .valueError("can't optimize a non-leaf Tensor") }
            tensors.append(tensor)
        }
        try group.set(.str("params"), .list(ListObject(list)))
        for (key, defaultValue) in defaults.items where try group.get(key) == nil { try group.set(key, defaultValue) }
        let existing = Set(engines.flatMap { $0.parameters.map(ObjectIdentifier.init) })
        if tensors.contains(where: { existing.contains(ObjectIdentifier($0)) }) {
            throw .valueError("some parameters appear in more than one parameter group")
        }
        let engine = try kind.makeEngine(tensors, group: group, interpreter: interpreter)
        groups.items.append(.dict(group))
        engines.append(engine)
    }

    package var typeName: String { kind.name }

    /// PyTorch's `Optimizer.__repr__`: each group's settings but `params`, sorted by key.
    package func repr(interpreter: Interpreter) throws(ScriptError) -> String {
        var text = "\(kind.name) ("
        for (i, value) in groups.items.enumerated() {
            text += "\nParameter Group \(i)\n"
            guard case .dict(let group) = value else { continue }
            var keys: [String] = []
            for (key, _) in group.items {
                guard case .str(let name) = key else { throw .typeError("'<' not supported between instances of 'str' and '\(key.typeName)'") }
                if name != "params" { keys.append(name) }
            }
            keys.sort()
            for key in keys {
                text += "    \(key): \(try interpreter.str(try group.get(.str(key)) ?? .none))\n"
            }
        }
        return text + ")"
    }

    package func callMethod(_ name: String, _ arguments: Arguments, interpreter: Interpreter) throws(ScriptError) -> Value? {
        switch name {
        case "step":
            try arguments.expect("step", 0...1, keywords: ["closure"])
            var loss = Value.none
            if let closure = arguments.value(0, "closure"), !closure.isNone {
                loss = try GradMode.with(enabled: true) { () throws(ScriptError) in try interpreter.call(closure, Arguments()) }
            }
            for (i, engine) in engines.enumerated() {
                guard case .dict(let group) = groups.items[i] else { continue }
                try kind.configure(engine, from: group, interpreter: interpreter)
                engine.step()
            }
            hasStepped = true
            return loss
        case "zero_grad":
            try arguments.expect("zero_grad", 0...1, keywords: ["set_to_none"])
            let setToNone = try interpreter.boolArgument(arguments.value(0, "set_to_none"), default: true)
            for engine in engines { engine.zeroGrad(setToNone: setToNone) }
            return Value.none
        case "add_param_group":
            try arguments.expect("add_param_group", 1...1, keywords: ["param_group"])
            try addGroup(arguments.value(0, "param_group") ?? .none, interpreter: interpreter)
            return Value.none
        case "state_dict":
            try arguments.expect("state_dict", 0...0)
            return try stateDict(interpreter: interpreter)
        case "load_state_dict":
            try arguments.expect("load_state_dict", 1...1, keywords: ["state_dict"])
            try loadStateDict(arguments.value(0, "state_dict") ?? .none, interpreter: interpreter)
            return Value.none
        default:
            return nil
        }
    }

    package func attribute(_ name: String, interpreter: Interpreter) throws(ScriptError) -> Value? {
        switch name {
        case "step", "zero_grad", "add_param_group", "state_dict", "load_state_dict":
            return boundMethod(name, owner: kind.name)
        case "param_groups": return .list(groups)
        case "defaults": return .dict(defaults)
        case "state": return try stateMapping(keyedByIndex: false, interpreter: interpreter)
        default: return nil
        }
    }

    package var attributeNames: [String] {
        ["add_param_group", "defaults", "load_state_dict", "param_groups", "state", "state_dict", "step", "zero_grad"]
    }
}
