import Tensors
import Script

/// `torch.nn.init` and `F.dropout`: PyTorch's formulas over the shared samplers, run
/// without recording, as PyTorch runs them under `torch.no_grad()`.
package enum TorchInit {
    static func fill(_ interpreter: Interpreter, _ module: ModuleObject) throws(ScriptError) {
        func add(_ name: String, _ signature: String, _ doc: String, keywords: [String],
                 _ body: @escaping (Tensor, ArgumentBinder, Interpreter, Generator) throws(ScriptError) -> Void) {
            let names = ["tensor"] + keywords
            module.namespace[name] = .builtin(BuiltinFunction(name, signature: "torch.nn.init.\(name)(\(signature))", doc: doc) { interpreter, a throws(ScriptError) in
                let b = try ArgumentBinder(name, a, names: names + ["generator"], required: 1)
                let tensor = try interpreter.tensor(b["tensor"] ?? .none, "tensor")
                let g = try interpreter.generator(Arguments(keywords: b["generator"].map { [("generator", $0)] } ?? []))
                try withoutGrad { () throws(ScriptError) in try body(tensor, b, interpreter, g) }
                return .object(tensor)
            })
        }
        add("uniform_", "tensor, a=0.0, b=1.0, generator=None", "Fills tensor from U(a, b).", keywords: ["a", "b"]) { t, b, i, g throws(ScriptError) in
            let (low, high) = (try b.double("a", i, default: 0), try b.double("b", i, default: 1))
            try tensorCall { () throws(TensorError) in try t.uniform(from: low, to: high, generator: g) }
        }
        add("normal_", "tensor, mean=0.0, std=1.0, generator=None", "Fills tensor from N(mean, std^2).", keywords: ["mean", "std"]) { t, b, i, g throws(ScriptError) in
            let (mean, std) = (try b.double("mean", i, default: 0), try b.double("std", i, default: 1))
            try tensorCall { () throws(TensorError) in try t.normal(mean: mean, std: std, generator: g) }
        }
        for (name, value) in [("zeros_", Value.int(0)), ("ones_", .int(1))] {
            add(name, "tensor", "Fills tensor with \(name == "zeros_" ? 0 : 1).", keywords: []) { t, _, i, _ throws(ScriptError) in
                _ = try i.callMethod(.object(t), "fill_", Arguments([value]))
            }
        }
        add("constant_", "tensor, val", "Fills tensor with val.", keywords: ["val"]) { t, b, i, _ throws(ScriptError) in
            guard let value = b["val"] else { throw .typeError("constant_() missing 1 required positional argument: 'val'") }
            _ = try i.callMethod(.object(t), "fill_", Arguments([value]))
        }
        for name in ["xavier_uniform_", "xavier_normal_"] {
            add(name, "tensor, gain=1.0, generator=None", "Glorot initialisation with the given gain.", keywords: ["gain"]) { t, b, i, g throws(ScriptError) in
                let gain = try b.double("gain", i, default: 1)
                try tensorCall { () throws(TensorError) in
                    if name == "xavier_uniform_" { try t.xavierUniform(gain: gain, generator: g) } else { try t.xavierNormal(gain: gain, generator: g) }
                }
            }
        }
        for name in ["kaiming_uniform_", "kaiming_normal_"] {
            add(name, "tensor, a=0, mode='fan_in', nonlinearity='leaky_relu', generator=None", "He initialisation.",
                keywords: ["a", "mode", "nonlinearity"]) { t, b, i, g throws(ScriptError) in
                let mode = try b.string("mode", default: "fan_in")
                guard mode == "fan_in" || mode == "fan_out" else { throw .valueError("Mode \(mode) not supported, please use one of ['fan_in', 'fan_out']") }
                let function = try gainFunction(try b.string("nonlinearity", default: "leaky_relu"), b["a"], i)
                try tensorCall { () throws(TensorError) in
                    if name == "kaiming_uniform_" {
                        try t.kaimingUniform(function, fanOut: mode == "fan_out", generator: g)
                    } else {
                        try t.kaimingNormal(function, fanOut: mode == "fan_out", generator: g)
                    }
                }
            }
        }
        add("orthogonal_", "tensor, gain=1, generator=None", "Fills tensor with a (semi-)orthogonal matrix, as PyTorch draws it.",
            keywords: ["gain"]) { t, b, i, g throws(ScriptError) in
            let gain = try b.double("gain", i, default: 1)
            try tensorCall { () throws(TensorError) in try t.orthogonal(gain: gain, generator: g) }
        }
        module.namespace["calculate_gain"] = .builtin(BuiltinFunction("calculate_gain", signature: "torch.nn.init.calculate_gain(nonlinearity, param=None)",
                                                                       doc: "The recommended gain for a nonlinearity.") { interpreter, a throws(ScriptError) in
            try a.expect("calculate_gain", 1...2, keywords: ["nonlinearity", "param"])
            guard let name = a.value(0, "nonlinearity") else { throw .typeError("calculate_gain() missing 1 required positional argument: 'nonlinearity'") }
            return .float(Tensor.gain(try gainFunction(try name.asString("nonlinearity"), a.value(1, "param"), interpreter)))
        })
    }

    /// `F.dropout(input, p=0.5, training=True, inplace=False)`.
    static func addDropout(_ module: ModuleObject) {
        module.namespace["dropout"] = .builtin(BuiltinFunction("dropout", signature: "torch.nn.functional.dropout(input, p=0.5, training=True, inplace=False)",
            doc: "Zeroes elements with probability p and scales the rest by 1/(1-p) when training (the default here, unlike nn.Dropout in eval mode).") { interpreter, a throws(ScriptError) in
            let b = try ArgumentBinder("dropout", a, names: ["input", "p", "training", "inplace"], required: 1)
            let input = try interpreter.tensor(b["input"] ?? .none)
            let p = try dropoutProbability(b["p"], interpreter)
            let (training, inplace) = (try b.bool("training", interpreter, default: true), try b.bool("inplace", interpreter, default: false))
            return interpreter.wrap(try tensorCall { () throws(TensorError) in
                try Functional.dropout(input, p: p, training: training, inplace: inplace, generator: interpreter.torch.generator)
            })
        })
    }

    /// `calculate_gain`'s nonlinearity names, with PyTorch's errors.
    static func gainFunction(_ name: String, _ param: Value?, _ interpreter: Interpreter) throws(ScriptError) -> Tensor.GainFunction {
        switch name {
        case "linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d", "conv_transpose3d", "sigmoid": return .identity
        case "tanh": return .tanh
        case "relu": return .relu
        case "selu": return .selu
        case "leaky_relu":
            guard let param, !param.isNone else { return .leakyRelu(slope: 0.01) }
            if case .bool = param { throw .valueError("negative_slope \(try interpreter.repr(param)) not a valid number") }
            guard let slope = param.numericValue else { throw .valueError("negative_slope \(try interpreter.repr(param)) not a valid number") }
            return .leakyRelu(slope: slope)
        default:
            throw .valueError("Unsupported nonlinearity \(name)")
        }
    }

    /// A dropout probability, checked with PyTorch's text (which shows the argument as given).
    static func dropoutProbability(_ value: Value?, _ interpreter: Interpreter) throws(ScriptError) -> Double {
        guard let value else { return 0.5 }
        let p = try interpreter.doubleArgument(value, "p") ?? 0.5
        guard p >= 0, p <= 1 else { throw .valueError("dropout probability has to be between 0 and 1, but got \(try interpreter.repr(value))") }
        return p
    }

    /// Runs `body` with gradient recording off, as `torch.no_grad()` does.
    static func withoutGrad(_ body: () throws(ScriptError) -> Void) throws(ScriptError) {
        let failure: ScriptError? = GradMode.with(enabled: false) {
            do throws(ScriptError) {
                try body()
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw failure }
    }
}
