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

/// `with torch.no_grad():` and `with torch.set_grad_enabled(flag):`.
final class GradModeObject: ScriptObject {
    let enabled: Bool
    init(enabled: Bool) { self.enabled = enabled }
    var typeName: String { enabled ? "set_grad_enabled" : "no_grad" }
    func repr(interpreter: Interpreter) throws(ScriptError) -> String {
        "<torch.autograd.grad_mode.\(typeName) object at \(addressText(of: self))>"
    }
    func withContext(interpreter: Interpreter, _ body: (Value) throws(ScriptError) -> Flow) throws(ScriptError) -> Flow {
        var outcome: Result<Flow, ScriptError> = .success(.normal)
        GradMode.with(enabled: enabled) {
            do throws(ScriptError) {
                outcome = .success(try body(Value.none))
            } catch {
                outcome = .failure(error)
            }
        }
        return try outcome.get()
    }
}
