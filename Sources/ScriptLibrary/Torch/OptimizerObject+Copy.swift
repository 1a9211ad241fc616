import Tensors
import Script

/// `copy.deepcopy(optimizer)` as PyTorch makes it: the new optimizer enters the memo first,
/// then `Optimizer.__getstate__` (defaults, state keyed by parameter, param_groups) is
/// deep-copied in that order, so a parameter the memo already holds (`deepcopy((model, opt))`)
/// is the copy's parameter and any other is copied once, shared by its state and its group.
extension OptimizerObject: CopyableObject {
    /// PyTorch's optimizer has no `__copy__`; Recur refuses a shallow copy rather than share
    /// its state half-way.
    package func shallowCopy(interpreter: Interpreter) throws(ScriptError) -> Value {
        throw CopyModule.refuse(.object(self), "copy")
    }

    package func deepCopy(_ copier: CopyModule.Copier, key: Value) throws(ScriptError) -> Value {
        let copy = OptimizerObject(emptyCopyOf: kind)
        try copier.memo.set(key, .object(copy))
        guard case .dict(let copiedDefaults) = try copier.deep(.dict(defaults)) else { return .object(copy) }
        copy.defaults = copiedDefaults
        // The state's tensors are made afresh by every read of `state`, so their values are
        // all a copy needs; its keys, the parameters, go through the memo.
        var states: [(Tensor, [String: Tensor])] = []
        for engine in engines {
            for p in engine.parameters {
                let entries = engine.state(of: p)
                guard !entries.isEmpty, case .object(let copied as Tensor) = try copier.deep(.object(p)) else { continue }
                states.append((copied, Dictionary(entries.map { ($0.name, $0.values) }, uniquingKeysWith: { _, last in last })))
            }
        }
        guard case .list(let copiedGroups) = try copier.deep(.list(groups)) else { return .object(copy) }
        let items = copiedGroups.items
        copiedGroups.items = []
        copy.groups = copiedGroups
        for item in items { try copy.addGroup(item, interpreter: copier.interpreter) }
        for (p, entries) in states {
            guard let engine = copy.engines.first(where: { $0.parameters.contains { $0 === p } }) else { continue }
            try tensorCall { () throws(TensorError) in try engine.setState(of: p, entries) }
        }
        return .object(copy)
    }
}
