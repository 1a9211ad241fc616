import Tensors
import Script

extension TorchNN {
    /// `nn.L1Loss`, `nn.SmoothL1Loss`, `nn.HuberLoss`, `nn.BCELoss`, `nn.BCEWithLogitsLoss`,
    /// `nn.Identity` and `nn.Flatten`.
    static func fillElementwise(_ layer: LayerRegistrar) {
        for (kind, extra) in elementwiseLosses {
            let legacy = ["size_average", "reduce"]
            let weights = kind.needsSameSize ? ["weight"] : []
            let names = weights + legacy + ["reduction"] + extra + (kind.typeName == "BCEWithLogitsLoss" ? ["pos_weight"] : [])
            layer(kind.typeName, names.map { $0 == "reduction" ? "reduction='mean'" : "\($0)=None" }.joined(separator: ", "),
                  "The \(kind.typeName) criterion. Call it as criterion(input, target).", names, 0) { b, i throws(ScriptError) in
                let (weight, posWeight) = try lossWeights(kind, b, i)
                return ElementwiseLoss(try elementwiseKind(kind, b, i), reduction: try reductionArgument(b), weight: weight, posWeight: posWeight)
            }
        }
        layer("Identity", "*args, **kwargs", "Returns its input unchanged.", [], 0) { _, _ throws(ScriptError) in IdentityModule() }
        layer("Flatten", "start_dim=1, end_dim=-1", "Flattens dimensions start_dim..end_dim of its input into one.",
              ["start_dim", "end_dim"], 0) { b, i throws(ScriptError) in
            FlattenModule(startDim: try b.int("start_dim", i, default: 1), endDim: try b.int("end_dim", i, default: -1))
        }
    }

    /// The losses and the options each adds to `reduction`.
    static let elementwiseLosses: [(ElementwiseLossKind, [String])] = [
        (.l1, []), (.smoothL1(beta: 1), ["beta"]), (.huber(delta: 1), ["delta"]), (.binaryCrossEntropy, []),
        (.binaryCrossEntropyWithLogits, []),
    ]

    /// The loss with its options read, refusing those Recur lacks.
    static func elementwiseKind(_ kind: ElementwiseLossKind, _ b: ArgumentBinder, _ i: Interpreter) throws(ScriptError) -> ElementwiseLossKind {
        // The nn classes of L1 and Huber do not declare weight; their functions do.
        let weighted: Set<String> = switch kind {
        case .binaryCrossEntropy, .l1, .huber: ["weight"]
        case .binaryCrossEntropyWithLogits: ["weight", "pos_weight"]
        case .smoothL1: []
        }
        for name in ["weight", "pos_weight", "size_average", "reduce"] where b[name] != nil && !weighted.contains(name) && !(b[name]?.isNone ?? true) {
            throw ScriptError(.notImplementedError, "\(kind.typeName): \(name) is not supported in Recur")
        }
        switch kind {
        case .smoothL1:
            let beta = try b.double("beta", i, default: 1)
            guard beta >= 0 else { throw .runtimeError("smooth_l1_loss does not support negative values for beta.") }
            return .smoothL1(beta: beta)
        case .huber:
            let delta = try b.double("delta", i, default: 1)
            guard delta > 0 else { throw .runtimeError("huber_loss does not support non-positive values for delta.") }
            return .huber(delta: delta)
        case .l1, .binaryCrossEntropy, .binaryCrossEntropyWithLogits:
            return kind
        }
    }

    /// The `weight=` and `pos_weight=` tensors given (None as absent).
    static func lossWeights(_ kind: ElementwiseLossKind, _ b: ArgumentBinder, _ i: Interpreter) throws(ScriptError) -> (Tensor?, Tensor?) {
        func tensor(_ name: String) throws(ScriptError) -> Tensor? {
            guard let value = b[name], !value.isNone else { return nil }
            return try i.tensor(value, name)
        }
        return (try tensor("weight"), try tensor("pos_weight"))
    }

    /// `F.l1_loss`, `F.smooth_l1_loss`, `F.huber_loss`, `F.binary_cross_entropy`,
    /// `F.binary_cross_entropy_with_logits` and `F.mse_loss`.
    static func fillElementwiseFunctions(_ module: ModuleObject) {
        module.namespace["mse_loss"] = .builtin(BuiltinFunction("mse_loss", signature: "torch.nn.functional.mse_loss(input, target, size_average=None, reduce=None, reduction='mean', weight=None)",
                                                                doc: "The mean squared error between input and target.") { interpreter, a throws(ScriptError) in
            let b = try ArgumentBinder("mse_loss", a, names: ["input", "target", "size_average", "reduce", "reduction", "weight"], required: 2)
            for name in ["size_average", "reduce"] where !(b[name]?.isNone ?? true) {
                throw ScriptError(.notImplementedError, "mse_loss: \(name) is not supported in Recur")
            }
            let (x, t) = (try interpreter.tensor(b["input"] ?? .none), try interpreter.tensor(b["target"] ?? .none, "target"))
            let reduction = try reductionArgument(b)
            let weight = try lossWeights(.l1, b, interpreter).0
            return interpreter.wrap(try tensorCall { () throws(TensorError) in
                if let weight { return try Functional.weightedLoss(.mse, x, target: t, weight: weight, reduction: reduction) }
                return try Functional.mseLoss(x, target: t, reduction: reduction)
            })
        })
        let functions: [(String, ElementwiseLossKind, [String])] = [
            ("l1_loss", .l1, ["size_average", "reduce", "reduction", "weight"]),
            ("smooth_l1_loss", .smoothL1(beta: 1), ["size_average", "reduce", "reduction", "beta"]),
            ("huber_loss", .huber(delta: 1), ["reduction", "delta", "weight"]),
            ("binary_cross_entropy", .binaryCrossEntropy, ["weight", "size_average", "reduce", "reduction"]),
            ("binary_cross_entropy_with_logits", .binaryCrossEntropyWithLogits, ["weight", "size_average", "reduce", "reduction", "pos_weight"]),
        ]
        for (name, kind, options) in functions {
            module.namespace[name] = .builtin(BuiltinFunction(name, signature: "torch.nn.functional.\(name)(input, target, " + options.joined(separator: ", ") + ")",
                                                              doc: "The \(kind.typeName) of input against target.") { interpreter, a throws(ScriptError) in
                let b = try ArgumentBinder(name, a, names: ["input", "target"] + options, required: 2)
                let (x, t) = (try interpreter.tensor(b["input"] ?? .none), try interpreter.tensor(b["target"] ?? .none, "target"))
                let resolved = try elementwiseKind(kind, b, interpreter)
                let reduction = try reductionArgument(b)
                let (weight, posWeight) = try lossWeights(kind, b, interpreter)
                return interpreter.wrap(try tensorCall { () throws(TensorError) in
                    switch (resolved, weight) {
                    case (.l1, let weight?): try Functional.weightedLoss(.l1, x, target: t, weight: weight, reduction: reduction)
                    case (.huber(let delta), let weight?): try Functional.weightedLoss(.huber(delta: delta), x, target: t, weight: weight, reduction: reduction)
                    default: try Functional.elementwiseLoss(resolved, x, target: t, reduction: reduction, weight: weight, posWeight: posWeight)
                    }
                })
            })
        }
    }
}
