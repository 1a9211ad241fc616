extension Arguments {
    /// Checks the positional count of a builtin and that it takes no keywords.
    package func expect(_ name: String, _ count: ClosedRange<Int>, keywords allowed: [String] = []) throws(ScriptError) {
        for entry in keywords where !allowed.contains(entry.name) {
            throw .typeError("\(name)() got an unexpected keyword argument '\(entry.name)'")
        }
        guard count.contains(positional.count) else {
            if count.lowerBound == count.upperBound {
                let n = count.lowerBound
                throw .typeError("\(name)() takes exactly \(n == 0 ? "no" : "\(n)") argument\(n == 1 ? "" : "s") (\(positional.count) given)")
            }
            if positional.count < count.lowerBound {
                throw .typeError("\(name)() takes at least \(count.lowerBound) argument\(count.lowerBound == 1 ? "" : "s") (\(positional.count) given)")
            }
            throw .typeError("\(name)() takes at most \(count.upperBound) argument\(count.upperBound == 1 ? "" : "s") (\(positional.count) given)")
        }
    }

    /// Checks a method that takes no arguments, with CPython's messages for its
    /// `METH_NOARGS` methods (`qualifiedName`: `dict.copy`).
    func expectNone(_ qualifiedName: String) throws(ScriptError) {
        if !keywords.isEmpty { throw .typeError("\(qualifiedName)() takes no keyword arguments") }
        if !positional.isEmpty { throw .typeError("\(qualifiedName)() takes no arguments (\(positional.count) given)") }
    }

    /// Positional `index` or keyword `name`, or nil.
    package func value(_ index: Int, _ name: String) -> Value? {
        if index < positional.count { return positional[index] }
        return keyword(name)
    }
}

extension Value {
    package func asString(_ what: String) throws(ScriptError) -> String {
        guard case .str(let s) = self else { throw .typeError("\(what) must be str, not \(typeName)") }
        return s
    }
}

extension Interpreter {
    /// An optional flag argument: `fallback` when absent or None, else its truth.
    package func boolArgument(_ value: Value?, default fallback: Bool) throws(ScriptError) -> Bool {
        guard let value, !value.isNone else { return fallback }
        return try truth(value)
    }

    /// An optional integer argument (anything with `__index__`); nil when absent or None.
    package func intArgument(_ value: Value?, _ name: String) throws(ScriptError) -> Int? {
        guard let value, !value.isNone else { return nil }
        return try indexValue(value, container: name)
    }

    /// An optional real-number argument; nil when absent or None.
    package func doubleArgument(_ value: Value?, _ name: String) throws(ScriptError) -> Double? {
        guard let value, !value.isNone else { return nil }
        if let d = value.numericValue { return d }
        if case .object(let object) = value, let d = try object.floatValue(interpreter: self) { return d }
        throw .typeError("\(name) must be a number, not \(value.typeName)")
    }
}
