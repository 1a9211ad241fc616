import Script
/// A library call's arguments bound to named parameters (None reads as absent), with
/// Python's error texts.
package struct ArgumentBinder {
    /// The callable as its errors name it (`pad_sequence`, `SGD.__init__`).
    package let function: String
    package let names: [String]
    private let bound: BoundArguments

    /// Binds `arguments` to `names` by Python's rules, the first `required` of them without
    /// defaults, with CPython's errors naming `function`.
    init(_ function: String, _ arguments: Arguments, names: [String], required: Int) throws(ScriptError) {
        self.function = function
        self.names = names
        // A constructor's counts include its `self` (or `cls`), as Python's errors do.
        let receiver = function.hasSuffix(".__init__") || function.hasSuffix(".__new__")
        bound = try NativeSignature(names: (receiver ? ["self"] : []) + names, required: required + (receiver ? 1 : 0))
            .bind(arguments, name: function)
    }

    /// The argument given for `name`, None included; nil when not given.
    package func given(_ name: String) -> Value? {
        guard let i = names.firstIndex(of: name) else { return nil }
        return bound[i]
    }

    subscript(_ name: String) -> Value? {
        guard let i = names.firstIndex(of: name) else { return nil }
        return bound.optional(i)
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
