/// Builds a builtin method whose receiver arrives as the first positional argument.
package func method(_ typeName: String, _ name: String, signature: String = "", doc: String = "",
            _ body: @escaping (Interpreter, Value, Arguments) throws(ScriptError) -> Value) -> BuiltinFunction {
    BuiltinFunction(name, signature: signature.isEmpty ? "\(typeName).\(name)(...)" : signature, doc: doc, methodBody: body) {
        (interpreter, arguments) throws(ScriptError) -> Value in
        guard let receiver = arguments.positional.first else {
            throw .typeError("unbound method \(typeName).\(name)() needs an argument")
        }
        var rest = arguments
        rest.positional.removeFirst()
        // An instance of a subclass (`class Stack(list)`) is served by the value it carries.
        return try body(interpreter, interpreter.builtinValue(receiver), rest)
    }
}
