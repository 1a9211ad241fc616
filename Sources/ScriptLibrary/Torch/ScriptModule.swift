import Tensors
import Script

/// The `nn.Module` state behind an instance of a script class deriving from `nn.Module`:
/// parameters and submodules assigned to `self`, in assignment order, so `parameters()` and
/// `state_dict()` see `emb.weight`, `rnn.weight_ih_l0`, `fc.bias` as PyTorch does.
package final class ScriptModule: Module {
    package let typeName: String
    private(set) var parameterEntries: [(name: String, tensor: Tensor)] = []
    private(set) var childEntries: [(name: String, module: any Module)] = []
    private(set) var bufferEntries: [(name: String, tensor: Tensor?, persistent: Bool)] = []
    package var isTraining = true
    package weak var instance: InstanceObject?
    package weak var interpreter: Interpreter?

    init(typeName: String, instance: InstanceObject, interpreter: Interpreter) {
        self.typeName = typeName
        self.instance = instance
        self.interpreter = interpreter
    }

    package var ownParameters: [(name: String, tensor: Tensor)] { parameterEntries }
    package var children: [(name: String, module: any Module)] { childEntries }
    package var ownBuffers: [(name: String, tensor: Tensor?, persistent: Bool)] { bufferEntries }
    package var extraRepr: String { "" }

    /// `register_buffer(name, tensor, persistent)`: adds or replaces the buffer.
    func registerBuffer(_ name: String, _ tensor: Tensor?, persistent: Bool) {
        if let index = bufferEntries.firstIndex(where: { $0.name == name }) {
            bufferEntries[index] = (name, tensor, persistent)
        } else {
            bufferEntries.append((name, tensor, persistent))
        }
    }

    /// Whether `name` is a registered buffer.
    func hasBuffer(_ name: String) -> Bool { bufferEntries.contains { $0.name == name } }

    /// Records `self.name = value`: a module or parameter is registered (replacing any
    /// earlier entry of that name); anything else drops a registration of that name.
    package func register(_ name: String, module: (any Module)?, parameter: Tensor?) {
        parameterEntries.removeAll { $0.name == name }
        if module != nil || parameter != nil { bufferEntries.removeAll { $0.name == name } }
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

    private init(copying other: ScriptModule) {
        typeName = other.typeName
        isTraining = other.isTraining
    }

    /// The registry of a copy (`copy.copy`, `copy.deepcopy`): the same names and mode, each
    /// parameter, child and buffer what `copier` gives; `attach` then gives it its instance.
    func copyState(_ copier: any ModuleCopier) throws(TensorError) -> ScriptModule {
        let copy = ScriptModule(copying: self)
        copy.parameterEntries = try parameterEntries.map { (e) throws(TensorError) in (e.name, try copier.tensor(e.tensor)) }
        copy.childEntries = try childEntries.map { (e) throws(TensorError) in (e.name, try copier.module(e.module)) }
        copy.bufferEntries = try bufferEntries.map { (e) throws(TensorError) in
            (e.name, try e.tensor.map { (t) throws(TensorError) in try copier.tensor(t) }, e.persistent)
        }
        return copy
    }

    /// Makes this registry `instance`'s.
    package func attach(_ instance: InstanceObject, interpreter: Interpreter) {
        self.instance = instance
        self.interpreter = interpreter
        instance.native = self
    }

    package func copy(_ copier: any ModuleCopier) throws(TensorError) -> any Module { try copyState(copier) }

    /// Forgets every registration (its instance was freed as part of a reference cycle).
    func clearRegistrations() {
        parameterEntries = []
        childEntries = []
        bufferEntries = []
    }

    /// Runs the script class's `forward` (when the module sits inside `nn.Sequential`).
    package func forward(_ inputs: [Tensor]) throws(TensorError) -> [Tensor] {
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
package final class ScriptModuleHandle: Module {
    package let instance: InstanceObject
    package let state: ScriptModule

    init(instance: InstanceObject, state: ScriptModule) {
        self.instance = instance
        self.state = state
    }

    package var typeName: String { state.typeName }
    package var ownParameters: [(name: String, tensor: Tensor)] { state.ownParameters }
    package var children: [(name: String, module: any Module)] { state.children }
    package var ownBuffers: [(name: String, tensor: Tensor?, persistent: Bool)] { state.ownBuffers }
    package var extraRepr: String { state.extraRepr }
    package var isTraining: Bool {
        get { state.isTraining }
        set { state.isTraining = newValue }
    }
    package func forward(_ inputs: [Tensor]) throws(TensorError) -> [Tensor] { try state.forward(inputs) }
    /// A copy of the instance is the copier's to make (it holds the memo and the workspace).
    package func copy(_ copier: any ModuleCopier) throws(TensorError) -> any Module { try copier.module(self) }
}

/// `torch.nn.Module` as a base class of script classes.
package final class ModuleBase: LibraryBase {
    package func initialize(_ instance: InstanceObject, interpreter: Interpreter) throws(ScriptError) {
        instance.native = ScriptModule(typeName: instance.type.name, instance: instance, interpreter: interpreter)
    }

    package func state(_ instance: InstanceObject) throws(ScriptError) -> ScriptModule {
        guard let module = instance.native as? ScriptModule else {
            throw ScriptError(.attributeError, "cannot assign module before Module.__init__() call")
        }
        return module
    }

    package func setAttribute(_ instance: InstanceObject, _ name: String, _ value: Value,
                      interpreter: Interpreter) throws(ScriptError) -> Bool {
        let module = try state(instance)
        if name == "training" {
            guard !module.containsCycle else { throw ScriptError(.recursionError, "maximum recursion depth exceeded") }
            module.train(try interpreter.truth(value))
            return true
        }
        var parameter: Tensor?
        if case .object(let object) = value, let t = object as? Tensor, t.isParameter { parameter = t }
        let child = LayerObject.module(of: value)
        if module.hasBuffer(name), parameter == nil, child == nil {
            // Assigning to a buffer's name replaces the buffer (a tensor or None), as PyTorch's __setattr__.
            let persistent = module.ownBuffers.first { $0.name == name }?.persistent ?? true
            switch value {
            case .none: module.registerBuffer(name, nil, persistent: persistent)
            case .object(let tensor as Tensor): module.registerBuffer(name, tensor, persistent: persistent)
            default:
                throw .typeError("cannot assign '\(value.typeName)' as buffer '\(name)' (torch.nn.Buffer, torch.Tensor or None expected)")
            }
            return false
        }
        module.register(name, module: child, parameter: parameter)
        return false
    }

    package func attribute(_ instance: InstanceObject, _ name: String, interpreter: Interpreter) throws(ScriptError) -> Value? {
        let module = try state(instance)
        if let value = ModuleMethods.attribute(name, of: module, interpreter: interpreter) { return value }
        if name == "register_buffer" {
            return .builtin(BuiltinFunction(name, signature: "\(instance.type.name).register_buffer(name, tensor, persistent=True)") {
                (interpreter, arguments) throws(ScriptError) -> Value in
                try ModuleBase.registerBuffer(instance, module, arguments, interpreter: interpreter)
            })
        }
        if name == "forward" {
            // PyTorch's `_forward_unimplemented`: found, and raising when called.
            return .builtin(BuiltinFunction(name, signature: "\(instance.type.name).forward(*input)") { _, _ throws(ScriptError) -> Value in
                throw .notImplemented(instance.type.name, name)
            })
        }
        return try ModuleMethods.method(name, of: module, receiver: .instance(instance), interpreter: interpreter)
    }

    package func call(_ instance: InstanceObject, _ arguments: Arguments, interpreter: Interpreter) throws(ScriptError) -> Value? {
        guard let forward = instance.type.lookup("forward") else {
            throw .notImplemented(instance.type.name, "forward")
        }
        let result = try interpreter.callBound(forward, receiver: .instance(instance), arguments)
        if let module = instance.native as? ScriptModule { interpreter.traceShapes(module, arguments: arguments, result: result) }
        return result
    }

    package func repr(_ instance: InstanceObject, interpreter: Interpreter) throws(ScriptError) -> String? {
        let module = try state(instance)
        guard !module.containsCycle else {
            throw ScriptError(.recursionError, "maximum recursion depth exceeded while getting the repr of an object")
        }
        return module.description
    }

    package func attributeNames(_ instance: InstanceObject) -> [String] {
        guard let module = instance.native as? ScriptModule else { return ModuleMethods.names + ["register_buffer"] }
        return ModuleMethods.names + ["register_buffer"] + module.ownParameters.map(\.name) + module.children.map(\.name)
            + module.ownBuffers.map(\.name)
    }

    /// `register_buffer(name, tensor, persistent=True)` with PyTorch's checks and texts; the
    /// buffer is also the instance's attribute `name`.
    static func registerBuffer(_ instance: InstanceObject, _ module: ScriptModule, _ a: Arguments,
                               interpreter: Interpreter) throws(ScriptError) -> Value {
        try a.expect("register_buffer", 2...3, keywords: ["name", "tensor", "persistent"])
        guard let nameValue = a.value(0, "name"), let value = a.value(1, "tensor") else {
            throw .typeError("register_buffer() missing required argument: 'tensor'")
        }
        let persistent = try interpreter.boolArgument(a.value(2, "persistent"), default: true)
        guard case .str(let name) = nameValue else { throw .typeError("buffer name should be a string. Got \(nameValue.typeName)") }
        if name.contains(".") { throw ScriptError(.keyError, "buffer name can't contain \".\"") }
        if name.isEmpty { throw ScriptError(.keyError, "buffer name can't be empty string \"\"") }
        if !module.hasBuffer(name), try interpreter.attributeIfPresent(.instance(instance), name) != nil {
            throw ScriptError(.keyError, "attribute '\(name)' already exists")
        }
        let tensor: Tensor?
        switch value {
        case .none: tensor = nil
        case .object(let t as Tensor): tensor = t
        default:
            throw .typeError("cannot assign '\(value.typeName)' object to buffer '\(name)' (torch Tensor or None required)")
        }
        module.registerBuffer(name, tensor, persistent: persistent)
        instance.attributes[name] = value
        return .none
    }
}

extension ScriptError {
    static func notImplemented(_ type: String, _ method: String) -> ScriptError {
        ScriptError(.notImplementedError, "Module [\(type)] is missing the required \"\(method)\" function")
    }
}
