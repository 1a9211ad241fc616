import Tensors
import Script

/// A NumPy function's arguments bound to its parameter names (positional, then keywords).
package struct NumPyArguments {
    private var values: [String: Value] = [:]
    package let interpreter: Interpreter

    init(_ a: Arguments, _ function: String, _ names: [String], required: Int = 0, interpreter: Interpreter) throws(ScriptError) {
        self.interpreter = interpreter
        guard a.positional.count <= names.count else {
            throw .typeError("\(function)() takes from \(required) to \(names.count) positional arguments but \(a.positional.count) were given")
        }
        for (name, value) in zip(names, a.positional) { values[name] = value }
        for entry in a.keywords {
            guard names.contains(entry.name) else {
                throw .typeError("\(function)() got an unexpected keyword argument '\(entry.name)'")
            }
            guard values[entry.name] == nil else {
                throw .typeError("argument for \(function)() given by name ('\(entry.name)') and position")
            }
            values[entry.name] = entry.value
        }
        for name in names.prefix(required) where values[name] == nil {
            throw .typeError("\(function)() missing required argument '\(name)' (pos \(names.firstIndex(of: name).map { $0 + 1 } ?? 1))")
        }
    }

    /// The argument, nil when absent or None.
    subscript(_ name: String) -> Value? {
        guard let v = values[name], !v.isNone else { return nil }
        return v
    }

    package func array(_ name: String) throws(ScriptError) -> NDArray {
        try interpreter.ndarray(self[name] ?? .none)
    }

    package func dtype(_ name: String = "dtype") throws(ScriptError) -> DType? {
        try NumPyDTypes.argument(self[name], interpreter: interpreter)
    }

    package func bool(_ name: String, _ fallback: Bool = false) throws(ScriptError) -> Bool {
        guard let v = self[name] else { return fallback }
        return try interpreter.truth(v)
    }

    package func int(_ name: String) throws(ScriptError) -> Int? {
        guard let v = self[name] else { return nil }
        return try interpreter.indexValue(v, container: "int")
    }

    func double(_ name: String) throws(ScriptError) -> Double? {
        try interpreter.doubleArgument(self[name], name)
    }

    /// An `axis=` argument: nil, one axis or a tuple of them.
    func axes(_ name: String = "axis") throws(ScriptError) -> [Int]? {
        guard let v = self[name] else { return nil }
        if case .tuple(let items) = v { return try items.map { (x) throws(ScriptError) in try interpreter.indexValue(x, container: "axis") } }
        return [try interpreter.indexValue(v, container: "axis")]
    }

    /// A shape argument: an int or a sequence of ints.
    package func shape(_ name: String) throws(ScriptError) -> [Int] {
        guard let v = self[name] else { return [] }
        return try interpreter.numpyShape(v)
    }
}

extension Interpreter {
    /// A shape given as an int or a sequence of ints.
    func numpyShape(_ v: Value) throws(ScriptError) -> [Int] {
        switch v {
        case .tuple, .list:
            return try iterate(v).map { (x) throws(ScriptError) in try numpyInteger(x) }
        case .none, .bool, .int, .float, .str, .dict, .set, .function, .builtin, .boundMethod, .type, .instance, .module, .object:
            return [try numpyInteger(v)]
        }
    }

    func numpyInteger(_ x: Value) throws(ScriptError) -> Int {
        if case .float = x { throw .typeError("'float' object cannot be interpreted as an integer") }
        return try indexValue(x, container: "int")
    }
}
