import Glibc

/// Python's `random` module: CPython's algorithms over `PythonRandom`, so the same seed
/// gives the same numbers, choices and shuffles as CPython. Module functions use the
/// workspace's instance; `random.Random(seed)` makes others.
package enum RandomModule {
    package static func fill(_ interpreter: Interpreter, _ module: ModuleObject) throws(ScriptError) {
        // The module's functions are the methods of the workspace's instance, as CPython's are
        // bound methods of its hidden `_inst` (their errors name `Random`).
        for name in RandomObject.declaration.attributeNames {
            guard let method = RandomObject.declaration.method(name) else { continue }
            module.namespace[name] = .builtin(BuiltinFunction(name, signature: "random.\(name)\(method.signature.text)", doc: method.doc) {
                interpreter, a throws(ScriptError) in
                try RandomObject.declaration.call(name, on: interpreter.defaultRandom, typeName: "Random", a, interpreter: interpreter) ?? .none
            })
        }
        RandomObject.addConstants(to: module)
        let constructor = BuiltinFunction("Random", signature: "random.Random(x=None)", doc: "A generator with its own Mersenne Twister state.") { interpreter, a throws(ScriptError) in
            try a.expect("Random", 0...1)
            let object = RandomObject(PythonRandom())
            try RandomObject.seed(object.core, a.positional.first ?? .none, interpreter)
            return .object(object)
        }
        let type = TypeObject(name: "Random", bases: [interpreter.types.object], kind: .builtin, constructor: constructor, module: "random")
        interpreter.types.registerNative(type, forTypeName: "Random")
        module.namespace["Random"] = .type(type)
    }
}
