import Tensors

/// The `nn.Module` state behind an instance of a script class deriving from `nn.Module`:
/// parameters and submodules assigned to `self`, in assignment order, so `parameters()` and
/// `state_dict()` see `emb.weight`, `rnn.weight_ih_l0`, `fc.bias` as PyTorch does.
final class ScriptModule: Module {
    let typeName: String
    private(set) var parameterEntries: [(name: String, tensor: Tensor)] = []
    private(set) var childEntries: [(name: String, module: any Module)] = []
    var isTraining = true
    weak var instance: InstanceObject?
    weak var interpreter: Interpreter?

    init(typeName: String, instance: InstanceObject, interpreter: Interpreter) {
        self.typeName = typeName
        self.instance = instance
        self.interpreter = interpreter
    }

    var ownParameters: [(name: String, tensor: Tensor)] { parameterEntries }
    var children: [(name: String, module: any Module)] { childEntries }
    var extraRepr: String { "" }

    /// Records `self.name = value`: a module or parameter is registered (replacing any
    /// earlier entry of that name); anything else drops a registration of that name.
    func register(_ name: String, module: (any Module)?, parameter: Tensor?) {
        parameterEntries.removeAll { $0.name == name }
        if let module {
            if let index = childEntries.firstIndex(where: { $0.name == name }) {
                childEntries[index] = (name, module)
            } else {
                childEntries.append((name, module))
            }
            return
        }
        childEntries.removeAll { $0.name == name }
        if let parameter { parameterEntries.append((name, parameter)) }
    }

    /// Forgets every registration (its instance was freed as part of a reference cycle).
    func clearRegistrations() {
        parameterEntries = []
        childEntries = []
    }

    /// Runs the script class's `forward` (when the module sits inside `nn.Sequential`).
    func forward(_ inputs: [Tensor]) throws(TensorError) -> [Tensor] {
        guard let interpreter, let instance else {
            throw .other(.runtimeError, "\(typeName): the module's workspace was reset")
        }
        let result: Value
        do {
            result = try interpreter.call(.instance(instance), Arguments(inputs.map { interpreter.wrap($0) }))
        } catch {
            let (name, message) = interpreter.describe(error)
            throw .other(.runtimeError, "\(name): \(message)")
        }
        var outputs: [Value] = [result]
        if case .tuple(let items) = result { outputs = items }
        var tensors: [Tensor] = []
        for output in outputs {
            guard case .object(let object) = output, let t = object as? Tensor else {
                throw .other(.typeError, "\(typeName).forward() must return tensors inside nn.Sequential")
            }
            tensors.append(t)
        }
        return tensors
    }
}

/// A script module as a child of another module (or of `nn.Sequential`): it owns the
/// instance, while the instance's own state refers back to it only weakly.
final class ScriptModuleHandle: Module {
    let instance: InstanceObject
    let state: ScriptModule

    init(instance: InstanceObject, state: ScriptModule) {
        self.instance = instance
        self.state = state
    }

    var typeName: String { state.typeName }
    var ownParameters: [(name: String, tensor: Tensor)] { state.ownParameters }
    var children: [(name: String, module: any Module)] { state.children }
    var extraRepr: String { state.extraRepr }
    var isTraining: Bool {
        get { state.isTraining }
        set { state.isTraining = newValue }
    }
    func forward(_ inputs: [Tensor]) throws(TensorError) -> [Tensor] { try state.forward(inputs) }
}

/// `torch.nn.Module` as a base class of script classes.
final class ModuleBase: LibraryBase {
    func initialize(_ instance: InstanceObject, interpreter: Interpreter) throws(ScriptError) {
        instance.native = ScriptModule(typeName: instance.type.name, instance: instance, interpreter: interpreter)
    }

    func state(_ instance: InstanceObject) throws(ScriptError) -> ScriptModule {
        guard let module = instance.native as? ScriptModule else {
            throw ScriptError(.attributeError, "cannot assign module before Module.__init__() call")
        }
        return module
    }

    func setAttribute(_ instance: InstanceObject, _ name: String, _ value: Value,
                      interpreter: Interpreter) throws(ScriptError) -> Bool {
        let module = try state(instance)
        if name == "training" {
            guard !module.containsCycle else { throw ScriptError(.recursionError, "maximum recursion depth exceeded") }
            module.train(try interpreter.truth(value))
            return true
        }
        var parameter: Tensor?
        if case .object(let object) = value, let t = object as? Tensor, t.isParameter { parameter = t }
        module.register(name, module: LayerObject.module(of: value), parameter: parameter)
        return false
    }

    func attribute(_ instance: InstanceObject, _ name: String, interpreter: Interpreter) throws(ScriptError) -> Value? {
        let module = try state(instance)
        if let value = ModuleMethods.attribute(name, of: module, interpreter: interpreter) { return value }
        guard ModuleMethods.names.contains(name) else { return nil }
        return .builtin(BuiltinFunction(name, signature: "\(instance.type.name).\(name)(...)") { (interpreter, arguments) throws(ScriptError) -> Value in
            guard let result = try ModuleMethods.call(name, on: module, receiver: .instance(instance), arguments,
                                                      interpreter: interpreter) else {
                throw .notImplemented(instance.type.name, name)
            }
            return result
        })
    }

    func call(_ instance: InstanceObject, _ arguments: Arguments, interpreter: Interpreter) throws(ScriptError) -> Value? {
        guard let forward = instance.type.lookup("forward") else {
            throw .notImplemented(instance.type.name, "forward")
        }
        let result = try interpreter.callBound(forward, receiver: .instance(instance), arguments)
        if let module = instance.native as? ScriptModule { interpreter.traceShapes(module, arguments: arguments, result: result) }
        return result
    }

    func repr(_ instance: InstanceObject, interpreter: Interpreter) throws(ScriptError) -> String? {
        let module = try state(instance)
        guard !module.containsCycle else {
            throw ScriptError(.recursionError, "maximum recursion depth exceeded while getting the repr of an object")
        }
        return module.description
    }

    func attributeNames(_ instance: InstanceObject) -> [String] {
        guard let module = instance.native as? ScriptModule else { return ModuleMethods.names }
        return ModuleMethods.names + module.ownParameters.map(\.name) + module.children.map(\.name)
    }
}

extension ScriptError {
    static func notImplemented(_ type: String, _ method: String) -> ScriptError {
        ScriptError(.notImplementedError, "Module [\(type)] is missing the required \"\(method)\" function")
    }
}
