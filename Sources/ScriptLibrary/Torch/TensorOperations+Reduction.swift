import Tensors
import Script

/// The declarations of the basic reductions: `sum`, `mean`, `max`, `min`, `argmax`, `any`, `all`.
extension TensorOperations {
    static func dimArgument(_ a: Arguments, _ interpreter: Interpreter) throws(ScriptError) -> Int? {
        try interpreter.intArgument(a.value(0, "dim"), "dim")
    }

    static func keepDimArgument(_ a: Arguments, _ interpreter: Interpreter) throws(ScriptError) -> Bool {
        try interpreter.boolArgument(a.value(1, "keepdim"), default: false)
    }

    static func sumOrMean(_ name: String, mean: Bool) -> TensorOperation {
        .on(name, .both, ["dim", "keepdim"], keywordOnly: ["dtype"]) { interpreter, t, a throws(ScriptError) in
            // `dtype=` converts the input first, as PyTorch does.
            let source = try interpreter.dtype(a.keyword("dtype")).map { t.to($0) } ?? t
            let keep = try keepDimArgument(a, interpreter)
            if let given = a.value(0, "dim"), isSequence(given) {
                let dims = try reductionDims(given, interpreter) ?? []
                return .object(try tensorCall { () throws(TensorError) in mean ? try source.mean(dims: dims, keepDim: keep) : try source.sum(dims: dims, keepDim: keep) })
            }
            if let d = try dimArgument(a, interpreter) {
                return .object(try tensorCall { () throws(TensorError) in mean ? try source.mean(dim: d, keepDim: keep) : try source.sum(dim: d, keepDim: keep) })
            }
            return .object(try tensorCall { () throws(TensorError) in mean ? try source.mean() : source.sum() })
        }
    }

    static func extremum(_ name: String, maximum: Bool) -> TensorOperation {
        .on(name, .both, ["dim", "keepdim"]) { interpreter, t, a throws(ScriptError) in
            if case .object(let object)? = a.value(0, "dim"), let other = object as? Tensor {
                // `torch.max(a, b)`: the element-wise form.
                return .object(try tensorCall { () throws(TensorError) in try t.binary(maximum ? .maximum : .minimum, other) })
            }
            if let d = try dimArgument(a, interpreter) {
                let keep = try keepDimArgument(a, interpreter)
                let pair = try tensorCall { () throws(TensorError) in
                    maximum ? try t.max(dim: d, keepDim: keep) : try t.min(dim: d, keepDim: keep)
                }
                return .object(ReturnTypesObject(name, values: pair.values, indices: pair.indices))
            }
            return .object(try tensorCall { () throws(TensorError) in maximum ? try t.max() : try t.neg().max().neg() })
        }
    }

    /// `any`: some element is nonzero; `all`: no element is zero.
    static func truthReduction(_ name: String, any: Bool) -> TensorOperation {
        .on(name, .both, ["dim", "keepdim"]) { interpreter, t, a throws(ScriptError) in
            if let d = try dimArgument(a, interpreter) {
                let keep = try keepDimArgument(a, interpreter)
                return .object(try tensorCall { () throws(TensorError) in
                    let hits = try t.compare(any ? .ne : .eq, scalar: .int(0)).to(.int64).sum(dim: d, keepDim: keep)
                    return try hits.compare(any ? .gt : .eq, scalar: .int(0))
                })
            }
            let flags = t.to(.bool).bools
            let answer = any ? flags.contains(true) : flags.allSatisfy { $0 }
            return .object(Tensor(scalar: Float(answer ? 1 : 0)).to(.bool))
        }
    }

    /// Whether `value` lists several dims (`dim=(0, 1)`) rather than naming one.
    static func isSequence(_ value: Value) -> Bool {
        switch value {
        case .tuple, .list: true
        case .none, .int, .float, .bool, .str, .dict, .set, .function, .boundMethod, .builtin, .type, .instance, .module, .object: false
        }
    }

    static let reductions: [TensorOperation] = [
        sumOrMean("sum", mean: false),
        sumOrMean("mean", mean: true),
        extremum("max", maximum: true),
        extremum("min", maximum: false),
        truthReduction("any", any: true),
        truthReduction("all", any: false),
        .on("argmax", .both, ["dim", "keepdim"]) { interpreter, t, a throws(ScriptError) in
            let d = try dimArgument(a, interpreter)
            let keep = try keepDimArgument(a, interpreter)
            return .object(try tensorCall { () throws(TensorError) in try t.argmax(dim: d, keepDim: keep) })
        },
    ]
}
