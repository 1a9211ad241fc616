import Tensors
import Script

/// Fills `torch.nn.functional`, `torch.nn.utils` and `torch.optim`.
package enum TorchFunctional {
    static func fill(_ interpreter: Interpreter, _ module: ModuleObject) throws(ScriptError) {
        func add(_ name: String, _ signature: String, _ doc: String, _ body: @escaping BuiltinFunction.Body) {
            module.namespace[name] = .builtin(BuiltinFunction(name, signature: "torch.nn.functional." + signature, doc: doc, body))
        }
        TorchInit.addDropout(module)
        TorchNN.fillElementwiseFunctions(module)
        TorchNN.fillNormFunctions(module)
        for name in ["relu", "tanh", "sigmoid"] {
            add(name, "\(name)(input)", "Applies \(name) elementwise.") { interpreter, a throws(ScriptError) in
                try a.expect(name, 1...1, keywords: ["inplace"])
                return try interpreter.callMethod(interpreter.wrap(try interpreter.tensor(a.positional[0])), name, Arguments())
            }
        }
        for name in ["softmax", "log_softmax"] {
            add(name, "\(name)(input, dim)", "Applies \(name) along dim.") { interpreter, a throws(ScriptError) in
                // The third positional parameter is PyTorch's `_stacklevel`, which only moves
                // where its warning points (PyTorch does not check it either); Recur's warnings
                // name the calling line.
                try a.expect(name, 1...3, keywords: ["dim", "_stacklevel", "dtype"])
                // `dtype=` converts the input first, as PyTorch does.
                let given = try interpreter.tensor(a.positional[0])
                let x = try interpreter.dtype(a.keyword("dtype")).map { given.to($0) } ?? given
                let dim: Int
                if let given = try interpreter.intArgument(a.value(1, "dim"), "dim") {
                    dim = given
                } else {
                    // PyTorch's implicit choice, with its deprecation warning.
                    dim = [0, 1, 3].contains(x.rank) ? 0 : 1
                    try interpreter.warn("Implicit dimension choice for \(name) has been deprecated. Change the call to include dim=X as an argument.", category: .userWarning)
                }
                return interpreter.wrap(try tensorCall { () throws(TensorError) in
                    name == "softmax" ? try Functional.softmax(x, dim: dim) : try Functional.logSoftmax(x, dim: dim)
                })
            }
        }
        add("one_hot", "one_hot(tensor, num_classes=-1)", "One-hot encodes an int64 tensor (int64 result).") { interpreter, a throws(ScriptError) in
            try a.expect("one_hot", 1...2, keywords: ["num_classes"])
            let x = try interpreter.tensor(a.positional[0])
            let n = try interpreter.intArgument(a.value(1, "num_classes"), "num_classes") ?? -1
            try interpreter.checkAllocation(x.count, n)
            return interpreter.wrap(try tensorCall { () throws(TensorError) in try Functional.oneHot(x, numClasses: n) })
        }
        add("linear", "linear(input, weight, bias=None)", "Applies y = x W^T + b.") { interpreter, a throws(ScriptError) in
            try a.expect("linear", 2...3, keywords: ["bias"])
            let x = try interpreter.tensor(a.positional[0]), w = try interpreter.tensor(a.positional[1])
            let b = try a.value(2, "bias").flatMap { (v) throws(ScriptError) -> Tensor? in v.isNone ? nil : try interpreter.tensor(v) }
            return interpreter.wrap(try tensorCall { () throws(TensorError) in try Functional.linear(x, weight: w, bias: b) })
        }
        add("embedding", "embedding(input, weight)", "Looks up rows of weight.") { interpreter, a throws(ScriptError) in
            try a.expect("embedding", 2...2)
            let x = try interpreter.tensor(a.positional[0]), w = try interpreter.tensor(a.positional[1])
            return interpreter.wrap(try tensorCall { () throws(TensorError) in try Functional.embedding(x, weight: w) })
        }
        for name in ["cross_entropy", "nll_loss"] {
            add(name, "\(name)(input, target, reduction='mean')", "The \(name.replacing("_", with: " ")) between input and target.") { interpreter, a throws(ScriptError) in
                try a.expect(name, 2...2, keywords: ["reduction", "ignore_index"])
                let x = try interpreter.tensor(a.positional[0]), t = try interpreter.tensor(a.positional[1])
                let text = try a.keyword("reduction").map { (v) throws(ScriptError) in try v.asString("reduction") } ?? "mean"
                guard let reduction = Reduction(rawValue: text) else { throw .valueError("\(text) is not a valid value for reduction") }
                let ignore = Int64(try interpreter.intArgument(a.keyword("ignore_index"), "ignore_index") ?? -100)
                return interpreter.wrap(try tensorCall { () throws(TensorError) in
                    name == "cross_entropy"
                        ? try Functional.crossEntropy(x, target: t, ignoreIndex: ignore, reduction: reduction)
                        : try Functional.nllLoss(x, target: t, ignoreIndex: ignore, reduction: reduction)
                })
            }
        }
    }

    static func fillUtils(_ interpreter: Interpreter, _ module: ModuleObject) throws(ScriptError) {
        module.namespace["clip_grad_norm_"] = .builtin(BuiltinFunction("clip_grad_norm_",
            signature: "torch.nn.utils.clip_grad_norm_(parameters, max_norm, norm_type=2)",
            doc: "Rescales gradients so their total norm is at most max_norm; returns the total norm.") { interpreter, a throws(ScriptError) in
            try a.expect("clip_grad_norm_", 2...3, keywords: ["norm_type", "max_norm"])
            let params = try interpreter.iterate(a.positional[0]).map { (v) throws(ScriptError) in try interpreter.tensor(v) }
            let maxNorm = try interpreter.doubleArgument(a.value(1, "max_norm"), "max_norm") ?? 1
            let normType = try interpreter.doubleArgument(a.value(2, "norm_type"), "norm_type") ?? 2
            return interpreter.wrap(clipGradNorm(params, maxNorm: maxNorm, normType: normType))
        })
        module.namespace["clip_grad_value_"] = .builtin(BuiltinFunction("clip_grad_value_",
            signature: "torch.nn.utils.clip_grad_value_(parameters, clip_value, foreach=None)",
            doc: "Clamps every gradient element into [-clip_value, clip_value] in place.") { interpreter, a throws(ScriptError) in
            let b = try ArgumentBinder("clip_grad_value_", a, names: ["parameters", "clip_value", "foreach"], required: 2)
            let params = try parameterList(b["parameters"], interpreter)
            guard let clip = try interpreter.doubleArgument(b["clip_value"], "clip_value") else {
                throw .typeError("clip_grad_value_() missing 1 required positional argument: 'clip_value'")
            }
            clipGradValue(params, clipValue: clip)
            return .none
        })
        module.namespace["parameters_to_vector"] = .builtin(BuiltinFunction("parameters_to_vector",
            signature: "torch.nn.utils.parameters_to_vector(parameters)", doc: "All parameters flattened into one vector.") { interpreter, a throws(ScriptError) in
            try a.expect("parameters_to_vector", 1...1, keywords: ["parameters"])
            let params = try parameterList(a.value(0, "parameters"), interpreter)
            return interpreter.wrap(try tensorCall { () throws(TensorError) in try parametersToVector(params) })
        })
        module.namespace["vector_to_parameters"] = .builtin(BuiltinFunction("vector_to_parameters",
            signature: "torch.nn.utils.vector_to_parameters(vec, parameters)",
            doc: "Copies slices of vec into the parameters' values.") { interpreter, a throws(ScriptError) in
            let b = try ArgumentBinder("vector_to_parameters", a, names: ["vec", "parameters"], required: 2)
            guard case .object(let object)? = b["vec"], let vec = object as? Tensor else {
                throw .typeError("expected torch.Tensor, but got: \(b["vec"]?.typeName ?? "NoneType")")
            }
            let params = try parameterList(b["parameters"], interpreter)
            try tensorCall { () throws(TensorError) in try vectorToParameters(vec, params) }
            return .none
        })
        _ = try interpreter.loadModule("torch.nn.utils.rnn")
    }

    /// A tensor or an iterable of tensors, as `torch.nn.utils` takes its `parameters`.
    static func parameterList(_ value: Value?, _ interpreter: Interpreter) throws(ScriptError) -> [Tensor] {
        guard let value else { throw .typeError("missing required argument: 'parameters'") }
        if case .object(let object) = value, let t = object as? Tensor { return [t] }
        return try interpreter.iterate(value).map { (v) throws(ScriptError) in try interpreter.tensor(v, "parameters") }
    }
}
