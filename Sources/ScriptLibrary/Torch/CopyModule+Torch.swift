import Tensors
import Script

/// `copy.copy` and `copy.deepcopy` of tensors, modules and state dicts, as PyTorch's
/// `__reduce_ex__`, `Tensor.__deepcopy__`, `Parameter.__deepcopy__` and the module's
/// `__dict__` copy make them.
extension CopyModule {
    /// PyTorch's refusal to deep-copy a tensor an operation made.
    static let nonLeafMessage = "Only Tensors created explicitly by the user (graph leaves) support the deepcopy protocol at the moment.  If you were attempting to deepcopy a module, this may be because of a torch.nn.utils.weight_norm usage, see https://github.com/pytorch/pytorch/pull/103001"

    /// `copy.copy(t)`: a new leaf over the same elements, keeping `requires_grad`, being a
    /// parameter and the attributes set on it (the same values), without `grad`.
    static func shallowTensor(_ tensor: Tensor) -> Tensor {
        let copy = tensor.shallowCopy()
        if let attributes = tensor.scriptAttributes {
            let shared = TensorAttributes()
            for (name, value) in attributes.entries { shared[name] = value }
            copy.bindingAttributes = shared
        }
        return copy
    }

    /// `copy.copy(layer)`: the same settings, sharing the parameters and children.
    static func shallowLayer(_ module: any Module) throws(ScriptError) -> any Module {
        try tensorCall { () throws(TensorError) in try module.copy(SharedParts()) }
    }

    /// `copy.copy(model)` of a script class's module: a new instance with the same attribute
    /// values and registrations (the same parameters and children).
    static func shallowModule(_ instance: InstanceObject, _ module: ScriptModule, _ interpreter: Interpreter) throws(ScriptError) -> Value {
        let copy = InstanceObject(type: instance.type)
        copy.attributes = instance.attributes
        let state = try tensorCall { () throws(TensorError) in try module.copyState(SharedParts()) }
        state.attach(copy, interpreter: interpreter)
        return .instance(copy)
    }

    /// A shallow copy's parts: the originals.
    private struct SharedParts: ModuleCopier {
        func tensor(_ tensor: Tensor) throws(TensorError) -> Tensor { tensor }
        func module(_ module: any Module) throws(TensorError) -> any Module { module }
    }
}

extension CopyModule.Copier {
    /// `Tensor.__deepcopy__`: leaves only; a parameter gets a dense copy of its data and no
    /// `grad`; another tensor keeps its layout over one copy of its storage per `deepcopy`
    /// (views stay views of it), and its `grad` and attributes are copied too.
    func deepTensor(_ tensor: Tensor) throws(ScriptError) -> Value {
        guard tensor.isLeaf else { throw .runtimeError(CopyModule.nonLeafMessage) }
        if tensor.isParameter { return .object(tensor.parameterCopy()) }
        let storageKey = CopyModule.Copier.key(tensor.storageIdentity)
        var sharing: Tensor?
        if case .object(let earlier as Tensor)? = try memo.get(storageKey) { sharing = earlier }
        let copy = tensor.deepCopy(sharing: sharing)
        if sharing == nil { try memo.set(storageKey, .object(copy)) }
        if let grad = tensor.grad, case .object(let copied as Tensor) = try deep(.object(grad)) { copy.grad = copied }
        if let attributes = tensor.scriptAttributes {
            for (name, value) in attributes.entries { try copy.setScriptAttribute(name, try deep(value)) }
        }
        return .object(copy)
    }

    /// A built-in layer with each parameter and child copied through the memo.
    func deepLayer(_ module: any Module) throws(ScriptError) -> any Module {
        let parts = DeepParts(copier: self)
        do {
            return try module.copy(parts)
        } catch {
            if let failure = parts.failure.error { throw failure }
            throw ScriptError(error)
        }
    }

    /// A script class's module: a new instance (in the memo first, as CPython's
    /// `_reconstruct` puts it) whose attributes and registrations are copies through the memo.
    func deepModule(_ instance: InstanceObject, _ module: ScriptModule, key: Value) throws(ScriptError) -> Value {
        let copy = InstanceObject(type: instance.type)
        try memo.set(key, .instance(copy))
        let parts = DeepParts(copier: self)
        let state: ScriptModule
        do {
            state = try module.copyState(parts)
        } catch {
            if let failure = parts.failure.error { throw failure }
            throw ScriptError(error)
        }
        state.attach(copy, interpreter: interpreter)
        for (name, attribute) in instance.attributes { copy.attributes[name] = try deep(attribute) }
        return .instance(copy)
    }
}

/// A deep copy's parts: each tensor and child through the memo. A script failure inside
/// (a user `__deepcopy__`) is kept to be raised as it was once the layer's copy unwinds.
private struct DeepParts: ModuleCopier {
    package final class Failure { var error: ScriptError? }
    let copier: CopyModule.Copier
    let failure = Failure()

    func tensor(_ tensor: Tensor) throws(TensorError) -> Tensor {
        let copied = try run { () throws(ScriptError) in try copier.deep(.object(tensor)) }
        guard case .object(let result as Tensor) = copied else { throw .other(.typeError, "deepcopy of a parameter did not give a tensor") }
        return result
    }

    func module(_ module: any Module) throws(TensorError) -> any Module {
        let copied = try run { () throws(ScriptError) in try copier.deep(LayerObject.value(for: module, interpreter: copier.interpreter)) }
        guard let result = LayerObject.module(of: copied) else { throw .other(.typeError, "deepcopy of a module did not give a module") }
        return result
    }

    private func run(_ body: () throws(ScriptError) -> Value) throws(TensorError) -> Value {
        do {
            return try body()
        } catch {
            failure.error = error
            throw .other(.runtimeError, "deepcopy failed")
        }
    }
}

extension Tensor: CopyableObject {
    package func shallowCopy(interpreter: Interpreter) throws(ScriptError) -> Value { .object(CopyModule.shallowTensor(self)) }

    package func deepCopy(_ copier: CopyModule.Copier, key: Value) throws(ScriptError) -> Value {
        try copier.deepTensor(self)
    }
}

extension LayerObject: CopyableObject {
    package func shallowCopy(interpreter: Interpreter) throws(ScriptError) -> Value {
        .object(LayerObject(try CopyModule.shallowLayer(module)))
    }

    package func deepCopy(_ copier: CopyModule.Copier, key: Value) throws(ScriptError) -> Value {
        .object(LayerObject(try copier.deepLayer(module)))
    }

    /// Each read of `model.fc` may make a new wrapper of the same module.
    package var memoIdentity: ObjectIdentifier? { ObjectIdentifier(module) }
}
