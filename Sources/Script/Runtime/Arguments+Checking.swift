extension Arguments {
    /// Checks the positional count of a builtin and that it takes no keywords.
    func expect(_ name: String, _ count: ClosedRange<Int>, keywords allowed: [String] = []) throws(ScriptError) {
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
    func value(_ index: Int, _ name: String) -> Value? {
        if index < positional.count { return positional[index] }
        return keyword(name)
    }
}

extension Value {
    func asString(_ what: String) throws(ScriptError) -> String {
        guard case .str(let s) = self else { throw .typeError("\(what) must be str, not \(typeName)") }
        return s
    }
}
