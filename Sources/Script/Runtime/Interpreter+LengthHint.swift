extension Interpreter {
    /// Refuses an instance that announces, through `__len__` or `__length_hint__`, more items
    /// than a container may hold, before any is produced: CPython's `list()` sizes its result
    /// from the hint and fails at once (`list(itertools.repeat(1, 2**40))`), where iterating
    /// would fill ten million items first.
    func refuseOversizedLengthHint(_ value: Value) throws(ScriptError) {
        guard case .instance(let instance) = value, let announced = try lengthHint(value, instance) else { return }
        if announced > Interpreter.maxContainerLength { throw ScriptError(.memoryError, "") }
    }

    /// CPython's `PyObject_LengthHint`: `len()`, else `__length_hint__()`, else nil. A TypeError
    /// from either counts as no answer (a DataLoader over an iterable dataset has no len()).
    private func lengthHint(_ value: Value, _ instance: InstanceObject) throws(ScriptError) -> Int? {
        let typeError = types.exception(.typeError)
        if instance.type.lookup("__len__") != nil {
            do {
                if let length = try instanceLength(value) { return length }
            } catch where exception(error, matches: typeError) {}
        }
        guard instance.type.lookup("__length_hint__") != nil else { return nil }
        let hint: Value
        do {
            guard let returned = try callSpecial(value, "__length_hint__") else { return nil }
            hint = returned
        } catch where exception(error, matches: typeError) {
            return nil
        }
        if isNotImplemented(hint) { return nil }
        guard let big = hint.bigInteger else {
            throw .typeError("__length_hint__ must be an integer, not \(hint.typeName)")
        }
        guard let n = big.intValue else {
            throw ScriptError(.overflowError, "Python int too large to convert to C ssize_t")
        }
        guard n >= 0 else { throw .valueError("__length_hint__() should return >= 0") }
        return n
    }
}
