import Tensors
import Script

/// A `torch.optim` optimizer as a value. Its `param_groups` are real dicts, as in PyTorch:
/// `step()` reads each group's settings (so `group['lr'] = x` and the schedulers take effect)
/// and runs the group's update rule (`engines`) over its parameters.
package final class OptimizerObject: DeclaredObject {
    package let kind: OptimizerKind
    /// `optimizer.param_groups` (replaced only while a deep copy is made).
    var groups: ListObject
    /// `optimizer.defaults` (replaced only while a deep copy is made).
    var defaults: DictObject
    /// The update rule and state of each group, in group order.
    private(set) var engines: [any Optimizer] = []
    /// Whether `step()` has run (the schedulers warn when they step first, as PyTorch does).
    fileprivate(set) var hasStepped = false

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
}

extension OptimizerObject {
    package static let declaration = NativeType<OptimizerObject>(properties: [
        NativeProperty("param_groups") { o, _ throws(ScriptError) in .list(o.groups) },
        NativeProperty("defaults") { o, _ throws(ScriptError) in .dict(o.defaults) },
        NativeProperty("state") { o, interpreter throws(ScriptError) in try o.stateMapping(keyedByIndex: false, interpreter: interpreter) },
    ], methods: [
        NativeMethod("step", "(self, closure=None)", doc: "Perform a single optimization step.") { o, a, interpreter throws(ScriptError) in
            var loss = Value.none
            if let closure = a.optional(0) {
                loss = try GradMode.with(enabled: true) { () throws(ScriptError) in try interpreter.call(closure, Arguments()) }
            }
            for (i, engine) in o.engines.enumerated() {
                guard case .dict(let group) = o.groups.items[i] else { continue }
                try o.kind.configure(engine, from: group, interpreter: interpreter)
                engine.step()
            }
            o.hasStepped = true
            return loss
        },
        NativeMethod("zero_grad", "(self, set_to_none=True)", owner: "Optimizer",
                     doc: "Reset the gradients of all optimized torch.Tensor s.") { o, a, interpreter throws(ScriptError) in
            let setToNone = try interpreter.boolArgument(a[0], default: true)
            for engine in o.engines { engine.zeroGrad(setToNone: setToNone) }
            return .none
        },
        NativeMethod("add_param_group", "(self, param_group)", owner: "Optimizer",
                     doc: "Add a param group to the Optimizer s param_groups.") { o, a, interpreter throws(ScriptError) in
            try o.addGroup(a.required(0), interpreter: interpreter)
            return .none
        },
        NativeMethod("state_dict", "(self)", owner: "Optimizer", doc: "Return the state of the optimizer as a dict.") {
            o, _, interpreter throws(ScriptError) in
            try o.stateDict(interpreter: interpreter)
        },
        NativeMethod("load_state_dict", "(self, state_dict)", owner: "Optimizer", doc: "Load the optimizer state.") {
            o, a, interpreter throws(ScriptError) in
            try o.loadStateDict(a.required(0), interpreter: interpreter)
            return .none
        },
    ])
}
