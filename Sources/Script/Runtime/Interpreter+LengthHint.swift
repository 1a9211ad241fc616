extension Interpreter {
    /// Refuses an instance that announces, through `__len__` or `__length_hint__`, more items
    /// than a container may hold, before any is produced: CPython's `list()` sizes its result
    /// from the hint and fails at once (`list(itertools.repeat(1, 2**40))`), where iterating
    /// would fill ten million items first.
    func refuseOversizedLengthHint(_ value: Value) throws(ScriptError) {
        guard case .instance(let instance) = value else { return }
        let announced: Int
        if instance.type.lookup("__len__") != nil {
            guard let length = try instanceLength(value) else { return }
            announced = length
        } else if instance.type.lookup("__length_hint__") != nil {
            let hint: Value
            do {
                guard let returned = try callSpecial(value, "__length_hint__") else { return }
                hint = returned
            } catch where exception(error, matches: types.exception(.typeError)) {
                // CPython treats a hint that raises TypeError as no hint.
                return
            }
            if isNotImplemented(hint) { return }
            guard let big = hint.bigInteger else {
                throw .typeError("__length_hint__ must be an integer, not \(hint.typeName)")
            }
            guard let n = big.intValue else {
                throw ScriptError(.overflowError, "Python int too large to convert to C ssize_t")
            }
            announced = n
            guard announced >= 0 else { throw .valueError("__length_hint__() should return >= 0") }
        } else {
            return
        }
        if announced > Interpreter.maxContainerLength { throw ScriptError(.memoryError, "") }
    }
}
