import Tensors
import Script

/// `state_dict()`, `load_state_dict()` and `state`, in PyTorch's layout: parameters numbered
/// across groups, each group's settings with `params` as those numbers, and per-parameter
/// state tensors (`step` as a 0-d float).
extension OptimizerObject {
    func stateDict(interpreter: Interpreter) throws(ScriptError) -> Value {
        let packedGroups = ListObject([])
        var index = 0
        for (value, engine) in zip(groups.items, engines) {
            guard case .dict(let group) = value else { continue }
            let packed = DictObject()
            for (key, item) in group.items {
                if case .str("params") = key { continue }
                try packed.set(key, item)
            }
            var numbers: [Value] = []
            for _ in engine.parameters {
                numbers.append(.int(index))
                index += 1
            }
            try packed.set(.str("params"), .list(ListObject(numbers)))
            packedGroups.items.append(.dict(packed))
        }
        let result = DictObject()
        try result.set(.str("state"), try stateMapping(keyedByIndex: true, interpreter: interpreter))
        try result.set(.str("param_groups"), .list(packedGroups))
        return .dict(result)
    }

    /// Each parameter with state, keyed by its number (`state_dict()["state"]`) or by the
    /// parameter itself (`optimizer.state`).
    func stateMapping(keyedByIndex: Bool, interpreter: Interpreter) throws(ScriptError) -> Value {
        let state = DictObject()
        var index = 0
        for engine in engines {
            for p in engine.parameters {
                defer { index += 1 }
                let entries = engine.state(of: p)
                guard !entries.isEmpty else { continue }
                let d = DictObject()
                for (name, values) in entries { try d.set(.str(name), .object(values)) }
                try state.set(keyedByIndex ? .int(index) : .object(p), .dict(d))
            }
        }
        return .dict(state)
    }

    func loadStateDict(_ value: Value, interpreter: Interpreter) throws(ScriptError) {
        guard case .dict(let saved) = value else { throw .typeError("load_state_dict() expects a dict, got \(value.typeName)") }
        guard let savedGroupsValue = try saved.get(.str("param_groups")) else { throw .keyError(.str("param_groups"), repr: "'param_groups'") }
        let savedState = try saved.get(.str("state"))
        let savedGroups = try interpreter.iterate(savedGroupsValue)
        guard savedGroups.count == groups.items.count else {
            throw .valueError("loaded state dict has a different number of parameter groups")
        }
        var updates: [(DictObject, DictObject, any Optimizer, [Value])] = []
        for (i, savedGroup) in savedGroups.enumerated() {
            guard case .dict(let savedDict) = savedGroup, case .dict(let group) = groups.items[i] else {
                throw .typeError("param_groups must hold dicts")
            }
            let numbers = try interpreter.iterate(try savedDict.get(.str("params")) ?? .list(ListObject([])))
            guard numbers.count == engines[i].parameters.count else {
                throw .valueError("loaded state dict contains a parameter group that doesn't match the size of optimizer's group")
            }
            updates.append((savedDict, group, engines[i], numbers))
        }
        for (savedDict, group, engine, numbers) in updates {
            for (number, p) in zip(numbers, engine.parameters) {
                var entries: [String: Tensor] = [:]
                if case .dict(let states)? = savedState, case .dict(let entry)? = try states.get(number) {
                    for (key, item) in entry.items {
                        guard case .str(let name) = key else { continue }
                        if item.isNone { continue }
                        entries[name] = try interpreter.tensor(item, name)
                    }
                }
                try tensorCall { () throws(TensorError) in try engine.setState(of: p, entries) }
            }
            for (key, item) in savedDict.items {
                if case .str("params") = key { continue }
                try group.set(key, item)
            }
        }
    }
}
