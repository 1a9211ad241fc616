import Tensors
import Script

/// Fills `torch.autograd`: the `Variable` wrapper of old tutorials and `grad`.
package enum TorchAutograd {
    static let volatileWarning = "volatile was removed and now has no effect. Use `with torch.no_grad():` instead."

    static func fill(_ interpreter: Interpreter, _ module: ModuleObject) throws(ScriptError) {
        let variable = BuiltinFunction("Variable", signature: "torch.autograd.Variable(data=None, requires_grad=False, volatile=False)",
                                       doc: "The pre-0.4 wrapper: returns a tensor sharing data's elements, detached, with requires_grad set.") { interpreter, a throws(ScriptError) in
            try makeVariable(a, interpreter)
        }
        module.namespace["Variable"] = .builtin(variable)
        module.namespace["Function"] = .type(AutogradFunction.makeType(interpreter))
        module.namespace["grad"] = .builtin(BuiltinFunction(
            "grad", signature: "torch.autograd.grad(outputs, inputs, grad_outputs=None, retain_graph=None, create_graph=False, allow_unused=None, materialize_grads=False)",
            doc: "The gradients of outputs with respect to inputs, as a tuple; no tensor's .grad changes.") { interpreter, a throws(ScriptError) in
            try gradients(a, interpreter)
        })
    }

    static let gradParameters = ["outputs", "inputs", "grad_outputs", "retain_graph", "create_graph", "only_inputs",
                                 "allow_unused", "is_grads_batched", "materialize_grads"]

    /// `torch.autograd.grad`: one backward pass per output into parked gradients.
    private static func gradients(_ a: Arguments, _ interpreter: Interpreter) throws(ScriptError) -> Value {
        try a.expect("grad", 0...gradParameters.count, keywords: gradParameters)
        func argument(_ name: String) -> Value? {
            guard let position = gradParameters.firstIndex(of: name) else { return nil }
            return a.value(position, name).flatMap { $0.isNone ? nil : $0 }
        }
        func tensors(_ value: Value) throws(ScriptError) -> [Tensor] {
            if case .object(let object) = value, let tensor = object as? Tensor { return [tensor] }
            return try interpreter.iterate(value).map { (v) throws(ScriptError) in try interpreter.tensor(v) }
        }
        guard let outputsValue = argument("outputs"), let inputsValue = argument("inputs") else {
            throw .typeError("grad() missing 2 required positional arguments: 'outputs' and 'inputs'")
        }
        if try interpreter.boolArgument(argument("create_graph"), default: false) {
            throw ScriptError(.notImplementedError, "torch.autograd.grad(create_graph=True) is not provided by Recur: gradients are computed without a graph of their own")
        }
        if try interpreter.boolArgument(argument("is_grads_batched"), default: false) {
            throw ScriptError(.notImplementedError, "torch.autograd.grad(is_grads_batched=True) is not provided by Recur")
        }
        let outputs = try tensors(outputsValue)
        let inputs = try tensors(inputsValue)
        var seeds: [Tensor?] = []
        if let given = argument("grad_outputs") {
            if case .object(let object) = given, let tensor = object as? Tensor {
                seeds = [tensor]
            } else {
                seeds = try interpreter.iterate(given).map { (v) throws(ScriptError) in v.isNone ? nil : try interpreter.tensor(v) }
            }
            guard seeds.count == outputs.count else {
                throw .runtimeError("grad requires one grad_output per output: got \(seeds.count) grad_outputs and \(outputs.count) outputs")
            }
        }
        let retain = try interpreter.boolArgument(argument("retain_graph"), default: false)
        let grads = try interpreter.runningTensorCode { () throws(TensorError) in
            try Tensor.gradients(of: outputs, seeds: seeds, with: inputs, retainGraph: retain)
        }
        let allowUnused = try interpreter.boolArgument(argument("allow_unused"), default: false)
        let materialize = try interpreter.boolArgument(argument("materialize_grads"), default: false)
        var results: [Value] = []
        for (position, grad) in grads.enumerated() {
            if let grad {
                results.append(interpreter.wrap(grad))
            } else if materialize {
                results.append(interpreter.wrap(inputs[position].zerosLike()))
            } else if allowUnused {
                results.append(.none)
            } else {
                throw .runtimeError("The differentiated Tensor at index \(position) appears to not have been used in the graph. Set allow_unused=True if this is the desired behavior.")
            }
        }
        return .tuple(results)
    }

    /// `Variable(data, requires_grad, volatile)` as PyTorch 2.x runs it: a new leaf aliasing
    /// `data` (an empty tensor when omitted), `volatile` warned about and otherwise ignored.
    private static func makeVariable(_ a: Arguments, _ interpreter: Interpreter) throws(ScriptError) -> Value {
        for entry in a.keywords where !["data", "requires_grad", "volatile"].contains(entry.name) {
            throw .typeError("'\(entry.name)' is an invalid keyword argument for this function")
        }
        guard a.positional.count <= 3 else {
            throw .typeError("Variable() takes at most 3 arguments (\(a.positional.count) given)")
        }
        var flags: [Bool] = []
        for (index, name) in [(1, "requires_grad"), (2, "volatile")] {
            guard let value = a.value(index, name) else { flags.append(false); continue }
            if value.isNone { throw .typeError("'NoneType' object cannot be interpreted as an integer") }
            flags.append(try interpreter.truth(value))
        }
        let requiresGrad = flags[0], volatile = flags[1]
        if volatile { try interpreter.warn(volatileWarning, category: .userWarning) }
        if volatile && requiresGrad {
            throw .valueError("Variable can't be volatile and require_grad at the same time!")
        }
        let source: Tensor
        switch a.value(0, "data") {
        case nil, .none?:
            source = try tensorCall { () throws(TensorError) in try Tensor.zeros([0]) }
        case .object(let object)? where object is Tensor:
            guard let tensor = object as? Tensor else { throw .typeError("Variable data has to be a tensor") }
            source = tensor
        case let other?:
            throw .typeError("Variable data has to be a tensor, but got \(other.typeName)")
        }
        if requiresGrad && !source.dtype.isFloatingPoint {
            throw .runtimeError("Only Tensors of floating point and complex dtype can require gradients")
        }
        let result = source.detach()
        if requiresGrad { try tensorCall { () throws(TensorError) in try result.setRequiresGrad(true) } }
        return interpreter.wrap(result)
    }
}

extension Interpreter {
    /// PyTorch's warnings, issued through the `warnings` module as PyTorch's are, so its
    /// filters apply (`catch_warnings`, `simplefilter("error")`, once per line by default).
    func warn(_ message: String, category: ExceptionKind) throws(ScriptError) {
        try warn(.str(message), category: .type(types.exception(category)))
    }

    /// A warning PyTorch gives only the first time in a process (`TORCH_WARN_ONCE`), whatever
    /// the filters.
    func warnOnce(_ message: String, category: ExceptionKind) throws(ScriptError) {
        guard torch.warnedOnce.insert(message).inserted else { return }
        try warn(message, category: category)
    }
}
