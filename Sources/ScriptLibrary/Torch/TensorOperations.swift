import Tensors
import Script

/// The declarations of every tensor operation: each Tensor method and each torch function
/// that takes a tensor first or makes one.
package enum TensorOperations {
    package static let all: [TensorOperation] = (basics + shape + inPlaceShape + arithmetic + reductions + indexing + random).map { $0.coveringAllDTypes() }
        + ordering + cumulative + statistics + elementwise + reordering + products + factories + conversions + selection

    /// The tensor an operation runs on (nil only for factories, which do not call this).
    static func receiver(_ tensor: Tensor?, _ name: String) throws(ScriptError) -> Tensor {
        guard let tensor else { throw .typeError("\(name)() missing 1 required positional argument: 'input'") }
        return tensor
    }

    /// Positional `index` or keyword `parameter`, required.
    static func required(_ a: Arguments, _ index: Int, _ parameter: String, _ name: String) throws(ScriptError) -> Value {
        guard let value = a.value(index, parameter), !value.isNone else {
            throw .typeError("\(name)() missing 1 required positional arguments: \"\(parameter)\"")
        }
        return value
    }

    /// An int or a sequence of ints (`dims=1`, `dims=(0, 1)`).
    static func intList(_ value: Value, _ name: String, _ interpreter: Interpreter) throws(ScriptError) -> [Int] {
        switch value {
        case .list, .tuple: return try interpreter.iterate(value).map { (v) throws(ScriptError) in try interpreter.indexValue(v, container: name) }
        default: return [try interpreter.indexValue(value, container: name)]
        }
    }

    /// `dim=` for a reduction: nil, an int, or a sequence of ints.
    static func reductionDims(_ value: Value?, _ interpreter: Interpreter) throws(ScriptError) -> [Int]? {
        guard let value, !value.isNone else { return nil }
        return try intList(value, "dim", interpreter)
    }

    /// `result` written into `tensor` (the in-place form `name_` of an operation).
    package static func inPlace(_ tensor: Tensor, _ result: Tensor, _ interpreter: Interpreter) throws(ScriptError) -> Value {
        try tensor.checkWritable(result.dtype)
        try tensorCall { () throws(TensorError) in try tensor.write(result.to(tensor.dtype)) }
        return .object(tensor)
    }

    // MARK: Ordering

    package static let ordering: [TensorOperation] = [
        TensorOperation("sort", .both, ["dim", "descending"], keywordOnly: ["stable"]) { interpreter, tensor, a throws(ScriptError) in
            let t = try receiver(tensor, "sort")
            let dim = try interpreter.intArgument(a.value(0, "dim"), "dim") ?? -1
            let descending = try interpreter.boolArgument(a.value(1, "descending"), default: false)
            let pair = try tensorCall { () throws(TensorError) in try t.sort(dim: dim, descending: descending) }
            return .object(ReturnTypesObject("sort", values: pair.values, indices: pair.indices))
        },
        TensorOperation("argsort", .both, ["dim", "descending"], keywordOnly: ["stable"]) { interpreter, tensor, a throws(ScriptError) in
            let t = try receiver(tensor, "argsort")
            let dim = try interpreter.intArgument(a.value(0, "dim"), "dim") ?? -1
            let descending = try interpreter.boolArgument(a.value(1, "descending"), default: false)
            return .object(try tensorCall { () throws(TensorError) in try t.sort(dim: dim, descending: descending).indices })
        },
        TensorOperation("topk", .both, ["k", "dim", "largest", "sorted"]) { interpreter, tensor, a throws(ScriptError) in
            let t = try receiver(tensor, "topk")
            let k = try interpreter.indexValue(try required(a, 0, "k", "topk"), container: "k")
            let dim = try interpreter.intArgument(a.value(1, "dim"), "dim") ?? -1
            let largest = try interpreter.boolArgument(a.value(2, "largest"), default: true)
            // `sorted=False` leaves the order to the implementation: Recur's is sorted.
            _ = try interpreter.boolArgument(a.value(3, "sorted"), default: true)
            let pair = try tensorCall { () throws(TensorError) in try t.topk(k, dim: dim, largest: largest) }
            return .object(ReturnTypesObject("topk", values: pair.values, indices: pair.indices))
        },
    ]

    // MARK: Running sums and products

    static func cumulativeOperation(_ name: String, product: Bool) -> TensorOperation {
        TensorOperation(name, .both, ["dim"], keywordOnly: ["dtype"]) { interpreter, tensor, a throws(ScriptError) in
            let t = try receiver(tensor, name)
            let dim = try interpreter.indexValue(try required(a, 0, "dim", name), container: "dim")
            let source = try interpreter.dtype(a.keyword("dtype")).map { t.to($0) } ?? t
            return .object(try tensorCall { () throws(TensorError) in try source.cumulative(dim: dim, product: product) })
        }
    }

    static let cumulative: [TensorOperation] = [
        cumulativeOperation("cumsum", product: false),
        cumulativeOperation("cumprod", product: true),
        TensorOperation("prod", .both, ["dim", "keepdim"], keywordOnly: ["dtype"]) { interpreter, tensor, a throws(ScriptError) in
            let t = try receiver(tensor, "prod")
            let source = try interpreter.dtype(a.keyword("dtype")).map { t.to($0) } ?? t
            let dim = try interpreter.intArgument(a.value(0, "dim"), "dim")
            let keep = try interpreter.boolArgument(a.value(1, "keepdim"), default: false)
            return .object(try tensorCall { () throws(TensorError) in try source.product(dim: dim, keepDim: keep) })
        },
    ]

    // MARK: Statistics

    static func spreadOperation(_ name: String, standardDeviation: Bool) -> TensorOperation {
        TensorOperation(name, .both, ["dim", "unbiased", "keepdim"], keywordOnly: ["correction"]) { interpreter, tensor, a throws(ScriptError) in
            let t = try receiver(tensor, name)
            var positional = a.positional
            // `x.std(False)`: the old overload whose first argument is `unbiased`.
            var unbiased: Value? = a.keyword("unbiased")
            if case .bool? = positional.first {
                unbiased = positional.removeFirst()
            } else if positional.count > 1 {
                unbiased = positional[1]
            }
            let dims = try reductionDims(positional.first ?? a.keyword("dim"), interpreter)
            let keep = try interpreter.boolArgument(positional.count > 2 ? positional[2] : a.keyword("keepdim"), default: false)
            var correction = 1.0
            if let unbiased, !unbiased.isNone { correction = try interpreter.truth(unbiased) ? 1 : 0 }
            if let given = try interpreter.doubleArgument(a.keyword("correction"), "correction") { correction = given }
            let result = try tensorCall { () throws(TensorError) in
                try t.variance(dims: dims, correction: correction, keepDim: keep, standardDeviation: standardDeviation)
            }
            if result.count > 0, Double(t.count / result.count) - correction <= 0 {
                try interpreter.warn("\(name)(): degrees of freedom is <= 0. Correction should be strictly less than the reduction factor (input numel divided by output numel).", category: .userWarning)
            }
            return .object(result)
        }
    }

    static let statistics: [TensorOperation] = [
        spreadOperation("std", standardDeviation: true),
        spreadOperation("var", standardDeviation: false),
        TensorOperation("norm", .both, ["p", "dim", "keepdim"], keywordOnly: ["dtype"]) { interpreter, tensor, a throws(ScriptError) in
            let t = try receiver(tensor, "norm")
            var order = NormOrder.p(2)
            if let p = a.value(0, "p"), !p.isNone {
                if case .str(let s) = p {
                    guard s == "fro" else {
                        throw ScriptError(.notImplementedError, "norm(): p='\(s)' is not supported in Recur (numbers, inf and 'fro' are)")
                    }
                } else if let d = try interpreter.doubleArgument(p, "p") {
                    order = d == .infinity ? .infinity : d == -.infinity ? .negativeInfinity : .p(d)
                }
            }
            let dims = try reductionDims(a.value(1, "dim"), interpreter)
            let keep = try interpreter.boolArgument(a.value(2, "keepdim"), default: false)
            let source = try interpreter.dtype(a.keyword("dtype")).map { t.to($0) } ?? t
            return .object(try tensorCall { () throws(TensorError) in try source.norm(order, dims: dims, keepDim: keep) })
        },
    ]

    // MARK: Element-wise

    static func bound(_ value: Value?, _ name: String, _ a: Arguments, _ interpreter: Interpreter) throws(ScriptError) -> ScalarValue? {
        guard let value, !value.isNone else { return nil }
        if case .object(let object) = value, let t = object as? Tensor {
            guard t.rank == 0 else {
                throw ScriptError(.notImplementedError, "clamp(): tensor bounds are not supported in Recur; pass numbers (or 0-d tensors)")
            }
            return try tensorCall { () throws(TensorError) in try t.scalarValue() }
        }
        guard let scalar = try interpreter.scalar(value) else {
            throw TensorOperation.invalidArguments(name, a, asFunction: false)
        }
        return scalar
    }

    static func clampOperation(_ name: String, inPlace writes: Bool) -> TensorOperation {
        TensorOperation(name, writes ? .method : .both, ["min", "max"]) { interpreter, tensor, a throws(ScriptError) in
            let t = try receiver(tensor, name)
            let lo = try bound(a.value(0, "min"), name, a, interpreter), hi = try bound(a.value(1, "max"), name, a, interpreter)
            let result = try tensorCall { () throws(TensorError) in try t.clamp(min: lo, max: hi) }
            return writes ? try inPlace(t, result, interpreter) : .object(result)
        }
    }

    static let elementwise: [TensorOperation] = ["clamp", "clip"].flatMap { name in
        [clampOperation(name, inPlace: false), clampOperation(name + "_", inPlace: true)]
    } + ElementwiseFunction.allCases.flatMap { function in
        let name = function.rawValue
        return [
            TensorOperation(name, .both, keywordOnly: function == .round ? ["decimals"] : []) { interpreter, tensor, a throws(ScriptError) in
                let t = try receiver(tensor, name)
                return .object(try rounded(t, function, a, interpreter))
            },
            TensorOperation(name + "_", .method, keywordOnly: function == .round ? ["decimals"] : []) { interpreter, tensor, a throws(ScriptError) in
                let t = try receiver(tensor, name + "_")
                return try inPlace(t, try rounded(t, function, a, interpreter), interpreter)
            },
        ]
    }

    /// `function` of `t`; `round(decimals=n)` scales by 10**n around the rounding, as PyTorch.
    package static func rounded(_ t: Tensor, _ function: ElementwiseFunction, _ a: Arguments, _ interpreter: Interpreter) throws(ScriptError) -> Tensor {
        guard function == .round, let decimals = try interpreter.intArgument(a.keyword("decimals"), "decimals"), decimals != 0 else {
            if function == .frac && !t.dtype.isFloatingPoint {
                throw ScriptError(.notImplementedError, "\"frac_cpu\" not implemented for '\(Tensor.typeWord(t.dtype))'")
            }
            return t.elementwise(function)
        }
        return try tensorCall { () throws(TensorError) in try t.roundedTo(decimals: decimals) }
    }

    // MARK: Reordering

    static let reordering: [TensorOperation] = [
        TensorOperation("flip", .both, ["dims"], variadic: true) { interpreter, tensor, a throws(ScriptError) in
            let t = try receiver(tensor, "flip")
            let dims = a.positional.count > 1 ? try interpreter.dims(a.positional) : try intList(try required(a, 0, "dims", "flip"), "dims", interpreter)
            return .object(try tensorCall { () throws(TensorError) in try t.flip(dims) })
        },
        TensorOperation("roll", .both, ["shifts", "dims"]) { interpreter, tensor, a throws(ScriptError) in
            let t = try receiver(tensor, "roll")
            let shifts = try intList(try required(a, 0, "shifts", "roll"), "shifts", interpreter)
            let dims = try a.value(1, "dims").flatMap { (v) throws(ScriptError) -> [Int]? in v.isNone ? nil : try intList(v, "dims", interpreter) } ?? []
            return .object(try tensorCall { () throws(TensorError) in try t.roll(shifts, dims: dims) })
        },
        TensorOperation("repeat", .method, ["repeats"], variadic: true) { interpreter, tensor, a throws(ScriptError) in
            let t = try receiver(tensor, "repeat")
            let counts = try interpreter.dims(a.positional.isEmpty ? [try required(a, 0, "repeats", "repeat")] : a.positional)
            return .object(try tensorCall { () throws(TensorError) in try t.repeated(counts) })
        },
        TensorOperation("repeat_interleave", .both, ["repeats", "dim"], keywordOnly: ["output_size"]) { interpreter, tensor, a throws(ScriptError) in
            let t = try receiver(tensor, "repeat_interleave")
            let repeats = try required(a, 0, "repeats", "repeat_interleave")
            let dim = try interpreter.intArgument(a.value(1, "dim"), "dim")
            var counts: [Int]
            var name = "ViewBackward0"
            if case .object(let object) = repeats, let r = object as? Tensor {
                guard r.dtype == .int64, r.rank <= 1 else { throw .runtimeError("repeats has to be Long tensor") }
                counts = r.int64s.map { Int($0) }
                if r.rank == 1 { name = "IndexSelectBackward0" }
            } else {
                counts = [try interpreter.indexValue(repeats, container: "repeats")]
            }
            let output = try interpreter.intArgument(a.keyword("output_size"), "output_size")
            let result = try tensorCall { () throws(TensorError) in try t.repeatInterleaved(counts, dim: dim, name: name) }
            // The length along the repeated dimension (the result is 1-D without a dim).
            let produced = dim.map { result.shape.dims[(($0 % Swift.max(result.rank, 1)) + Swift.max(result.rank, 1)) % Swift.max(result.rank, 1)] } ?? result.count
            if let output, output != produced { throw .runtimeError("allocated size does not match required size") }
            return .object(result)
        },
        TensorOperation("tril", .both, ["diagonal"]) { interpreter, tensor, a throws(ScriptError) in
            let t = try receiver(tensor, "tril")
            let diagonal = try interpreter.intArgument(a.value(0, "diagonal"), "diagonal") ?? 0
            return .object(try tensorCall { () throws(TensorError) in try t.triangle(lower: true, diagonal: diagonal) })
        },
        TensorOperation("triu", .both, ["diagonal"]) { interpreter, tensor, a throws(ScriptError) in
            let t = try receiver(tensor, "triu")
            let diagonal = try interpreter.intArgument(a.value(0, "diagonal"), "diagonal") ?? 0
            return .object(try tensorCall { () throws(TensorError) in try t.triangle(lower: false, diagonal: diagonal) })
        },
    ]

    // MARK: Products

    static func productOperation(_ name: String, _ parameter: String, _ body: @escaping @Sendable (Tensor, Tensor) throws(TensorError) -> Tensor) -> TensorOperation {
        TensorOperation(name, .both, [parameter]) { interpreter, tensor, a throws(ScriptError) in
            let t = try receiver(tensor, name)
            let other = try interpreter.tensor(try required(a, 0, parameter, name), parameter)
            return .object(try tensorCall { () throws(TensorError) in try body(t, other) })
        }
    }

    package static let products: [TensorOperation] = [
        productOperation("mm", "mat2") { (a, b) throws(TensorError) in try a.mm(b) },
        productOperation("bmm", "mat2") { (a, b) throws(TensorError) in try a.bmm(b) },
        productOperation("dot", "tensor") { (a, b) throws(TensorError) in try a.dot(b) },
        productOperation("outer", "vec2") { (a, b) throws(TensorError) in try a.outer(b) },
        TensorOperation("einsum", .factory, variadic: true) { interpreter, _, a throws(ScriptError) in
            guard case .str(let equation)? = a.positional.first else {
                throw .typeError("einsum(): argument 'equation' must be str")
            }
            var values = Array(a.positional.dropFirst())
            if values.count == 1, case .list = values[0] { values = try interpreter.iterate(values[0]) }
            if values.count == 1, case .tuple = values[0] { values = try interpreter.iterate(values[0]) }
            let operands = try values.map { (v) throws(ScriptError) in try interpreter.tensor(v, "operand") }
            return .object(try tensorCall { () throws(TensorError) in try Tensor.einsum(equation, operands) })
        },
    ]

    // MARK: Factories

    /// `dtype=` and `requires_grad=` applied to a float32 result of a factory.
    package static func finished(_ t: Tensor, _ a: Arguments, _ name: String, _ interpreter: Interpreter) throws(ScriptError) -> Value {
        if let dtype = try interpreter.dtype(a.keyword("dtype")), dtype != .float32 {
            throw ScriptError(.notImplementedError, "\(name)(): dtype=\(dtype) is not supported in Recur (float32 is)")
        }
        if let device = a.keyword("device") { try DeviceObject.check(device, interpreter: interpreter) }
        if try interpreter.boolArgument(a.keyword("requires_grad"), default: false) {
            try tensorCall { () throws(TensorError) in try t.setRequiresGrad(true) }
        }
        return .object(t)
    }

    static let factories: [TensorOperation] = [
        TensorOperation("linspace", .factory, ["start", "end", "steps"], keywordOnly: ["dtype", "device", "requires_grad"]) { interpreter, _, a throws(ScriptError) in
            let start = try interpreter.doubleArgument(try required(a, 0, "start", "linspace"), "start") ?? 0
            let end = try interpreter.doubleArgument(try required(a, 1, "end", "linspace"), "end") ?? 0
            let steps = try interpreter.indexValue(try required(a, 2, "steps", "linspace"), container: "steps")
            return try finished(try tensorCall { () throws(TensorError) in try Tensor.linspace(start, end, steps: steps) }, a, "linspace", interpreter)
        },
        TensorOperation("logspace", .factory, ["start", "end", "steps", "base"], keywordOnly: ["dtype", "device", "requires_grad"]) { interpreter, _, a throws(ScriptError) in
            let start = try interpreter.doubleArgument(try required(a, 0, "start", "logspace"), "start") ?? 0
            let end = try interpreter.doubleArgument(try required(a, 1, "end", "logspace"), "end") ?? 0
            let steps = try interpreter.indexValue(try required(a, 2, "steps", "logspace"), container: "steps")
            let base = try interpreter.doubleArgument(a.value(3, "base"), "base") ?? 10
            return try finished(try tensorCall { () throws(TensorError) in try Tensor.logspace(start, end, steps: steps, base: base) }, a, "logspace", interpreter)
        },
    ]

    // MARK: New tensors like this one, conversions

    static func newOperation(_ name: String, _ parameters: [String], _ make: @escaping @Sendable ([Int], Tensor, Arguments, Interpreter) throws(ScriptError) -> Tensor) -> TensorOperation {
        TensorOperation(name, .method, parameters, keywordOnly: ["dtype", "device", "requires_grad"], variadic: name != "new_full") { interpreter, tensor, a throws(ScriptError) in
            let t = try receiver(tensor, name)
            let sizeValues = name == "new_full" ? [try required(a, 0, "size", name)] : (a.positional.isEmpty ? [try required(a, 0, "size", name)] : a.positional)
            let dims = try interpreter.dims(sizeValues)
            let dtype = try interpreter.dtype(a.keyword("dtype")) ?? t.dtype
            let made = try make(dims, t, a, interpreter).to(dtype)
            if let device = a.keyword("device") { try DeviceObject.check(device, interpreter: interpreter) }
            if try interpreter.boolArgument(a.keyword("requires_grad"), default: false) {
                try tensorCall { () throws(TensorError) in try made.setRequiresGrad(true) }
            }
            return .object(made)
        }
    }

    static let conversions: [TensorOperation] = [
        newOperation("new_zeros", ["size"]) { (dims, t, _, _) throws(ScriptError) in try tensorCall { () throws(TensorError) in try Tensor.zeros(dims, dtype: t.dtype) } },
        newOperation("new_empty", ["size"]) { (dims, t, _, _) throws(ScriptError) in try tensorCall { () throws(TensorError) in try Tensor.zeros(dims, dtype: t.dtype) } },
        newOperation("new_ones", ["size"]) { (dims, t, _, _) throws(ScriptError) in try tensorCall { () throws(TensorError) in try Tensor.ones(dims, dtype: t.dtype) } },
        newOperation("new_full", ["size", "fill_value"]) { (dims, t, a, interpreter) throws(ScriptError) in
            guard let fill = try interpreter.scalar(try required(a, 1, "fill_value", "new_full")) else {
                throw .typeError("new_full(): argument 'fill_value' must be Number")
            }
            return try tensorCall { () throws(TensorError) in try Tensor.full(dims, value: fill, dtype: t.dtype) }
        },
        TensorOperation("new_tensor", .method, ["data"], keywordOnly: ["dtype", "device", "requires_grad"]) { interpreter, tensor, a throws(ScriptError) in
            let t = try receiver(tensor, "new_tensor")
            let data = try interpreter.nestedValues(try required(a, 0, "data", "new_tensor"))
            let dtype = try interpreter.dtype(a.keyword("dtype")) ?? t.dtype
            let made = try tensorCall { () throws(TensorError) in try Tensor(data, dtype: dtype) }
            if try interpreter.boolArgument(a.keyword("requires_grad"), default: false) {
                try tensorCall { () throws(TensorError) in try made.setRequiresGrad(true) }
            }
            return .object(made)
        },
        TensorOperation("type_as", .method, ["other"]) { interpreter, tensor, a throws(ScriptError) in
            let t = try receiver(tensor, "type_as")
            return .object(t.to(try interpreter.tensor(try required(a, 0, "other", "type_as"), "other").dtype))
        },
        TensorOperation("view_as", .method, ["other"]) { interpreter, tensor, a throws(ScriptError) in
            let t = try receiver(tensor, "view_as")
            let other = try interpreter.tensor(try required(a, 0, "other", "view_as"), "other")
            return .object(try tensorCall { () throws(TensorError) in try t.view(other.shape.dims) })
        },
        TensorOperation("reshape_as", .method, ["other"]) { interpreter, tensor, a throws(ScriptError) in
            let t = try receiver(tensor, "reshape_as")
            let other = try interpreter.tensor(try required(a, 0, "other", "reshape_as"), "other")
            return .object(try tensorCall { () throws(TensorError) in try t.reshape(other.shape.dims) })
        },
        TensorOperation("expand_as", .method, ["other"]) { interpreter, tensor, a throws(ScriptError) in
            let t = try receiver(tensor, "expand_as")
            let other = try interpreter.tensor(try required(a, 0, "other", "expand_as"), "other")
            return .object(try tensorCall { () throws(TensorError) in try t.expand(other.shape.dims) })
        },
    ]
}
