import Tensors
import Script

extension TorchNN {
    /// `nn.LayerNorm` and `F.layer_norm`.
    static func fillNorm(_ layer: LayerRegistrar) {
        layer("LayerNorm", "normalized_shape, eps=1e-05, elementwise_affine=True, bias=True",
              "Normalises each input over its last dimensions (normalized_shape), then applies weight and bias.",
              ["normalized_shape", "eps", "elementwise_affine", "bias", "device", "dtype"], 1) { b, i throws(ScriptError) in
            let shape = try normalizedShape(b["normalized_shape"] ?? .none, i)
            let (eps, affine, bias) = (try b.double("eps", i, default: 1e-5), try b.bool("elementwise_affine", i, default: true),
                                       try b.bool("bias", i, default: true))
            return try tensorCall { () throws(TensorError) in try LayerNorm(normalizedShape: shape, eps: eps, elementwiseAffine: affine, bias: bias) }
        }
    }

    /// `normalized_shape` as an int or a sequence of ints.
    static func normalizedShape(_ value: Value, _ i: Interpreter) throws(ScriptError) -> [Int] {
        if case .int(let n) = value { return [n] }
        if case .object(let object) = value, let size = object as? SizeObject { return size.dims }
        return try i.iterate(value).map { (v) throws(ScriptError) in try i.indexValue(v) }
    }

    static func fillNormFunctions(_ module: ModuleObject) {
        module.namespace["layer_norm"] = .builtin(BuiltinFunction("layer_norm",
            signature: "torch.nn.functional.layer_norm(input, normalized_shape, weight=None, bias=None, eps=1e-05)",
            doc: "Layer normalisation over the last dimensions.") { interpreter, a throws(ScriptError) in
            let b = try ArgumentBinder("layer_norm", a, names: ["input", "normalized_shape", "weight", "bias", "eps"], required: 2)
            let x = try interpreter.tensor(b["input"] ?? .none)
            let shape = try normalizedShape(b["normalized_shape"] ?? .none, interpreter)
            let w = try b["weight"].map { (v) throws(ScriptError) in try interpreter.tensor(v, "weight") }
            let bias = try b["bias"].map { (v) throws(ScriptError) in try interpreter.tensor(v, "bias") }
            let eps = try b.double("eps", interpreter, default: 1e-5)
            return interpreter.wrap(try tensorCall { () throws(TensorError) in
                try Functional.layerNorm(x, normalizedShape: shape, weight: w, bias: bias, eps: eps)
            })
        })
    }
}
