import Tensors
import Script

/// Fills `torch.optim`: the optimizer classes (`OptimizerKind`, and `LBFGS` from script) and `lr_scheduler`.
package enum TorchOptim {
    static func fill(_ interpreter: Interpreter, _ module: ModuleObject) throws(ScriptError) {
        for kind in OptimizerKind.allCases {
            let arguments = kind.arguments
            let constructor = BuiltinFunction(kind.name, signature: kind.signature, doc: kind.doc) { interpreter, a throws(ScriptError) in
                let b = try ArgumentBinder(kind.name + ".__init__", a, names: ["params"] + arguments.map(\.0), required: 1)
                var given: [String: Value] = [:]
                for (name, fallback) in arguments { given[name] = b.given(name) ?? fallback }
                let defaults = DictObject()
                for key in kind.defaultsOrder {
                    try defaults.set(.str(key), given[key] ?? (key == "decoupled_weight_decay" ? .bool(kind == .adamW) : .none))
                }
                return .object(try OptimizerObject(kind, params: b.given("params") ?? .none, defaults: defaults, interpreter: interpreter))
            }
            let type = TypeObject(name: kind.name, bases: [optimizerBase(interpreter, module)], kind: .builtin, constructor: constructor,
                                  module: "torch.optim")
            interpreter.types.registerNative(type, forTypeName: kind.name)
            type.addMethods(of: OptimizerObject.self)
            module.namespace[kind.name] = .type(type)
        }
        // LBFGS is script code (torch.optim.lbfgs): its step mixes Python floats and 0-d tensors.
        module.namespace["LBFGS"] = try interpreter.attribute(.module(try interpreter.loadModule("torch.optim.lbfgs")), "LBFGS")
        _ = try interpreter.loadModule("torch.optim.lr_scheduler")
    }

    /// `torch.optim.Optimizer`, the base every optimizer class derives from.
    static func optimizerBase(_ interpreter: Interpreter, _ module: ModuleObject) -> TypeObject {
        if case .type(let existing)? = module.namespace["Optimizer"] { return existing }
        let base = TypeObject(name: "Optimizer", bases: [interpreter.types.object], kind: .builtin, module: "torch.optim")
        module.namespace["Optimizer"] = .type(base)
        return base
    }
}
