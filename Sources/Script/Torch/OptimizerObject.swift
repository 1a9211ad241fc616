import Tensors

/// `torch.optim.SGD` / `torch.optim.Adam` as a value.
final class OptimizerObject: ScriptObject {
    let optimizer: any Optimizer
    let name: String
    let settings: [(String, String)]

    init(_ optimizer: any Optimizer, name: String, settings: [(String, String)]) {
        self.optimizer = optimizer
        self.name = name
        self.settings = settings
    }

    var typeName: String { name }

    func repr(interpreter: Interpreter) throws(ScriptError) -> String {
        var lines = ["\(name) (", "Parameter Group 0"]
        for (key, value) in settings {
            lines.append("    \(key): \(key == "lr" ? PythonFloat.repr(optimizer.learningRate) : value)")
        }
        lines.append(")")
        return lines.joined(separator: "\n")
    }

    func callMethod(_ name: String, _ arguments: Arguments, interpreter: Interpreter) throws(ScriptError) -> Value? {
        switch name {
        case "step":
            optimizer.step()
            return Value.none
        case "zero_grad":
            optimizer.zeroGrad(setToNone: try interpreter.boolArgument(arguments.value(0, "set_to_none"), default: true))
            return Value.none
        default:
            return nil
        }
    }

    func attribute(_ name: String, interpreter: Interpreter) throws(ScriptError) -> Value? {
        switch name {
        case "step", "zero_grad":
            return .builtin(BuiltinFunction(name, signature: "\(self.name).\(name)()") { [self] (interpreter, arguments) throws(ScriptError) -> Value in
                try callMethod(name, arguments, interpreter: interpreter) ?? Value.none
            })
        case "param_groups":
            return .list(ListObject([.object(ParamGroupObject(self))]))
        default:
            return nil
        }
    }

    var attributeNames: [String] { ["param_groups", "step", "zero_grad"] }
}

/// `optimizer.param_groups[0]`: reading and writing `"lr"` reaches the optimizer.
final class ParamGroupObject: ScriptObject {
    let owner: OptimizerObject
    init(_ owner: OptimizerObject) { self.owner = owner }
    var typeName: String { "dict" }
    func item(_ key: Value, interpreter: Interpreter) throws(ScriptError) -> Value? {
        guard case .str(let name) = key else { throw .keyError(key, repr: try interpreter.repr(key)) }
        if name == "lr" { return .float(owner.optimizer.learningRate) }
        if name == "params" { return .list(ListObject(owner.optimizer.parameters.map { interpreter.wrap($0) })) }
        throw .keyError(.str(name), repr: PythonString.repr(name))
    }
    func setItem(_ key: Value, _ value: Value, interpreter: Interpreter) throws(ScriptError) -> Bool {
        guard case .str("lr") = key, let lr = try interpreter.doubleArgument(value, "lr") else { return false }
        owner.optimizer.learningRate = lr
        return true
    }
    func repr(interpreter: Interpreter) throws(ScriptError) -> String {
        "{'lr': \(PythonFloat.repr(owner.optimizer.learningRate)), 'params': [...]}"
    }
}

/// `torch.no_grad()`, `enable_grad()`, `inference_mode()` and `set_grad_enabled(mode)`:
/// context managers that switch gradient recording and restore it on exit, and decorators
/// that run a function under that mode.
final class GradModeObject: ScriptObject {
    enum Kind {
        case noGrad, enableGrad, inferenceMode(Bool)
        /// Switched when made (PyTorch's `set_grad_enabled(False)` works as a plain call);
        /// leaving a `with` block over it restores the mode from before it was made.
        case setGradEnabled(Bool, previous: Bool)
    }

    let kind: Kind
    /// The modes to restore, one per `with` block currently inside this object.
    private var saved: [Bool] = []

    init(_ kind: Kind) {
        self.kind = kind
        if case .setGradEnabled(let mode, _) = kind { GradMode.isEnabled = mode }
    }

    /// The recording mode inside the block.
    var enteredMode: Bool {
        switch kind {
        case .noGrad: false
        case .enableGrad: true
        case .inferenceMode(let on): !on
        case .setGradEnabled(let mode, _): mode
        }
    }

    var typeName: String {
        switch kind {
        case .noGrad: "no_grad"
        case .enableGrad: "enable_grad"
        case .inferenceMode: "inference_mode"
        case .setGradEnabled: "set_grad_enabled"
        }
    }

    func repr(interpreter: Interpreter) throws(ScriptError) -> String {
        if case .setGradEnabled(let mode, _) = kind {
            return "torch.autograd.grad_mode.set_grad_enabled(mode=\(mode ? "True" : "False"))"
        }
        return "<torch.autograd.grad_mode.\(typeName) object at \(addressText(of: self))>"
    }

    func enter(interpreter: Interpreter) throws(ScriptError) -> Value? {
        if case .setGradEnabled(_, let previous) = kind {
            saved.append(previous)
        } else {
            saved.append(GradMode.isEnabled)
            GradMode.isEnabled = enteredMode
        }
        if case .inferenceMode(true) = kind { interpreter.torch.inferenceDepth += 1 }
        return Value.none
    }

    func exit(interpreter: Interpreter) throws(ScriptError) {
        if let previous = saved.popLast() {
            GradMode.isEnabled = previous
            if case .inferenceMode(true) = kind { interpreter.torch.inferenceDepth -= 1 }
        }
    }

    /// `@torch.no_grad()` over a function: the function, run under this mode.
    func call(_ arguments: Arguments, interpreter: Interpreter) throws(ScriptError) -> Value? {
        try arguments.expect(typeName, 1...1)
        return GradModeObject.decorate(arguments.positional[0], kind: kind, interpreter: interpreter)
    }

    /// A function that runs `function` inside a fresh manager of `kind`.
    static func decorate(_ function: Value, kind: Kind, interpreter: Interpreter) -> Value {
        var name = "function"
        if case .str(let text)? = (try? interpreter.attributeIfPresent(function, "__name__")) ?? nil { name = text }
        return .builtin(BuiltinFunction(name) { (interpreter, arguments) throws(ScriptError) -> Value in
            let manager = GradModeObject(kind)
            _ = try manager.enter(interpreter: interpreter)
            defer { try? manager.exit(interpreter: interpreter) }
            return try interpreter.call(function, arguments)
        })
    }
}
