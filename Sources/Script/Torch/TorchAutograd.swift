import Tensors

/// Fills `torch.autograd`: the `Variable` wrapper of old tutorials.
enum TorchAutograd {
    static let volatileWarning = "volatile was removed and now has no effect. Use `with torch.no_grad():` instead."

    static func fill(_ interpreter: Interpreter, _ module: ModuleObject) throws(ScriptError) {
        let variable = BuiltinFunction("Variable", signature: "torch.autograd.Variable(data=None, requires_grad=False, volatile=False)",
                                       doc: "The pre-0.4 wrapper: returns a tensor sharing data's elements, detached, with requires_grad set.") { interpreter, a throws(ScriptError) in
            try makeVariable(a, interpreter)
        }
        module.namespace["Variable"] = .builtin(variable)
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
        if volatile { interpreter.warn(volatileWarning, category: "UserWarning") }
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
    /// Writes a Python warning to stderr as `warnings.showwarning` does, once per source line.
    func warn(_ message: String, category: String) {
        // Units are named for tracebacks (`File "x.py"`, `Cell In[3]`); warnings name the file alone.
        var file = frameUnit.name
        if file.hasPrefix("File \""), file.hasSuffix("\""), file.count >= 7 { file = String(file.dropFirst(6).dropLast()) }
        let location = "\(file):\(frameLine)"
        guard torch.warnedLocations.insert("\(location): \(category): \(message)").inserted else { return }
        var text = "\(location): \(category): \(message)\n"
        if let line = frameUnit.line(frameLine) {
            text += "  \(line.drop { $0 == " " })\n"
        }
        host.write(text, to: .stderr)
    }
}
