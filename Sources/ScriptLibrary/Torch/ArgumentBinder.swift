import Script
/// Binds a library call's arguments to named parameters, with Python's error texts.
package struct ArgumentBinder {
    package let function: String
    package let names: [String]
    let required: Int
    private(set) var values: [String: Value] = [:]

    init(_ function: String, _ arguments: Arguments, names: [String], required: Int) throws(ScriptError) {
        self.function = function
        self.names = names
        self.required = required
        guard arguments.positional.count <= names.count else {
            throw .typeError("\(function)() takes from \(required) to \(names.count) positional arguments but \(arguments.positional.count) were given")
        }
        for (i, value) in arguments.positional.enumerated() { values[names[i]] = value }
        for (name, value) in arguments.keywords {
            guard names.contains(name) else {
                throw .typeError("\(function).__init__() got an unexpected keyword argument '\(name)'")
            }
            if values[name] != nil { throw .typeError("\(function).__init__() got multiple values for argument '\(name)'") }
            values[name] = value
        }
        let missing = names.prefix(required).filter { values[$0] == nil }
        if !missing.isEmpty {
            throw .typeError("\(function).__init__() missing \(missing.count) required positional argument\(missing.count == 1 ? "" : "s"): "
                             + missing.map { "'\($0)'" }.joined(separator: " and "))
        }
    }

    subscript(_ name: String) -> Value? {
        guard let value = values[name], !value.isNone else { return nil }
        return value
    }

    package func int(_ name: String, _ interpreter: Interpreter, default fallback: Int = 0) throws(ScriptError) -> Int {
        try interpreter.intArgument(self[name], name) ?? fallback
    }

    package func bool(_ name: String, _ interpreter: Interpreter, default fallback: Bool) throws(ScriptError) -> Bool {
        try interpreter.boolArgument(self[name], default: fallback)
    }

    func double(_ name: String, _ interpreter: Interpreter, default fallback: Double) throws(ScriptError) -> Double {
        try interpreter.doubleArgument(self[name], name) ?? fallback
    }

    package func string(_ name: String, default fallback: String) throws(ScriptError) -> String {
        guard let value = self[name] else { return fallback }
        return try value.asString(name)
    }
}
