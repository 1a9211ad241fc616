import Tensors
import Script

/// The declarations of the indexing operations: `index_select`, `gather`, `scatter`,
/// `scatter_add`, `index_add`, `masked_fill`, `nonzero`, `take`, `where` and the in-place forms.
extension TensorOperations {
    package static func argument(_ a: Arguments, _ index: Int, _ parameter: String, _ name: String) throws(ScriptError) -> Value {
        guard let value = a.value(index, parameter) else {
            throw .typeError("\(name)() missing required argument '\(parameter)' (pos \(index + 1))")
        }
        return value
    }

    /// `dim` first, required (`gather(dim, index)`).
    static func indexedDim(_ a: Arguments, _ name: String, _ interpreter: Interpreter) throws(ScriptError) -> Int {
        guard let d = try interpreter.intArgument(try argument(a, 0, "dim", name), "dim") else {
            throw .typeError("\(name)(): argument 'dim' must be int, not NoneType")
        }
        return d
    }

    static func indexTensor(_ a: Arguments, _ position: Int, _ name: String, _ interpreter: Interpreter) throws(ScriptError) -> Tensor {
        try interpreter.tensor(try argument(a, position, "index", name), "index")
    }

    /// The result, or, for the in-place form, the result written into `t`.
    package static func finish(_ t: Tensor, _ result: Tensor, inPlace: Bool) throws(ScriptError) -> Value {
        guard inPlace else { return .object(result) }
        try tensorCall { () throws(TensorError) in try t.write(result) }
        return .object(t)
    }

    static func scatterOperation(_ name: String, accumulate: Bool, inPlace: Bool) -> TensorOperation {
        .on(name, inPlace ? .method : .both, ["dim", "index", "src"], keywordOnly: accumulate ? [] : ["value"]) { interpreter, t, a throws(ScriptError) in
            let d = try indexedDim(a, name, interpreter), index = try indexTensor(a, 1, name, interpreter)
            guard let sourceValue = a.value(2, "src") ?? a.keyword("value") else {
                throw .typeError("\(name)() missing required argument 'src' (pos 3)")
            }
            let source = try Tensor.operand(sourceValue, like: t, interpreter: interpreter)
            let result = try tensorCall { () throws(TensorError) in try t.scatter(dim: d, index: index, source: source, accumulate: accumulate) }
            return try finish(t, result, inPlace: inPlace)
        }
    }

    static func indexAddOperation(_ name: String, inPlace: Bool) -> TensorOperation {
        .on(name, inPlace ? .method : .both, ["dim", "index", "source"], keywordOnly: ["alpha"]) { interpreter, t, a throws(ScriptError) in
            let d = try indexedDim(a, name, interpreter), index = try indexTensor(a, 1, name, interpreter)
            let source = try interpreter.tensor(try argument(a, 2, "source", name), "source")
            let alpha = try a.keyword("alpha").flatMap { (v) throws(ScriptError) in try interpreter.scalar(v) } ?? .int(1)
            let result = try tensorCall { () throws(TensorError) in try t.indexAdd(dim: d, index: index, source: source, alpha: alpha) }
            return try finish(t, result, inPlace: inPlace)
        }
    }

    static func maskedFillOperation(_ name: String, inPlace: Bool) -> TensorOperation {
        .on(name, inPlace ? .method : .both, ["mask", "value"]) { interpreter, t, a throws(ScriptError) in
            let mask = try interpreter.tensor(try argument(a, 0, "mask", name), "mask")
            let value = try Tensor.operand(try argument(a, 1, "value", name), like: t, interpreter: interpreter)
            let result = try tensorCall { () throws(TensorError) in try t.maskedFill(mask, value: value) }
            return try finish(t, result, inPlace: inPlace)
        }
    }

    static let indexing: [TensorOperation] = [
        .on("index_select", .both, ["dim", "index"]) { interpreter, t, a throws(ScriptError) in
            let d = try indexedDim(a, "index_select", interpreter), index = try indexTensor(a, 1, "index_select", interpreter)
            return .object(try tensorCall { () throws(TensorError) in try t.indexSelect(dim: d, index: index) })
        },
        .on("gather", .both, ["dim", "index"]) { interpreter, t, a throws(ScriptError) in
            let d = try indexedDim(a, "gather", interpreter), index = try indexTensor(a, 1, "gather", interpreter)
            return .object(try tensorCall { () throws(TensorError) in try t.gather(dim: d, index: index) })
        },
        .on("take", .both, ["index"]) { interpreter, t, a throws(ScriptError) in
            let index = try indexTensor(a, 0, "take", interpreter)
            return .object(try tensorCall { () throws(TensorError) in try t.take(index) })
        },
        scatterOperation("scatter", accumulate: false, inPlace: false),
        scatterOperation("scatter_", accumulate: false, inPlace: true),
        scatterOperation("scatter_add", accumulate: true, inPlace: false),
        scatterOperation("scatter_add_", accumulate: true, inPlace: true),
        indexAddOperation("index_add", inPlace: false),
        indexAddOperation("index_add_", inPlace: true),
        maskedFillOperation("masked_fill", inPlace: false),
        maskedFillOperation("masked_fill_", inPlace: true),
        .on("nonzero", .both, keywordOnly: ["as_tuple"]) { interpreter, t, a throws(ScriptError) in
            if try interpreter.boolArgument(a.keyword("as_tuple"), default: false) {
                return tuple(t.nonzeroTuple())
            }
            return .object(t.nonzero())
        },
        // `torch.where(condition, input, other)` is its own function (`torchWhere`).
        .on("where", .method, ["condition", "other"]) { interpreter, t, a throws(ScriptError) in
            let condition = try interpreter.tensor(try argument(a, 0, "condition", "where"), "condition")
            let other = try Tensor.operand(try argument(a, 1, "other", "where"), like: t, interpreter: interpreter)
            return .object(try tensorCall { () throws(TensorError) in try Tensor.where(condition, t, other) })
        },
    ]
}

extension Interpreter {
    /// `torch.where(condition, input, other)`, or `torch.where(condition)` (the coordinates of
    /// the true elements, one tensor per dimension).
    func torchWhere(_ arguments: Arguments) throws(ScriptError) -> Value {
        let a = try TorchSignature.functions["where"]?.check(arguments, name: "where", implemented: ["condition", "input", "other"]) ?? arguments
        guard let first = a.value(0, "condition") else { throw .typeError("where() missing required argument 'condition' (pos 1)") }
        let condition = try tensor(first, "condition")
        if a.positional.count == 1 && a.keywords.isEmpty {
            return .tuple(condition.nonzeroTuple().map { wrap($0) })
        }
        guard let x = a.value(1, "input"), let y = a.value(2, "other") else {
            throw .typeError("where() missing required argument 'other' (pos 3)")
        }
        func operand(_ value: Value, _ other: Value) throws(ScriptError) -> Tensor {
            if case .object(let object) = value, let t = object as? Tensor { return t }
            if case .object(let object) = other, let t = object as? Tensor { return try Tensor.operand(value, like: t, interpreter: self) }
            return try tensor(value)
        }
        let xt = try operand(x, y), yt = try operand(y, x)
        return wrap(try tensorCall { () throws(TensorError) in try Tensor.where(condition, xt, yt) })
    }
}
