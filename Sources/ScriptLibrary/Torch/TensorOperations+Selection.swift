import Tensors
import Script

extension TensorOperations {
    static func binaryOperation(_ function: BinaryFunction) -> [TensorOperation] {
        let name = function.rawValue
        @Sendable func run(_ interpreter: Interpreter, _ tensor: Tensor?, _ a: Arguments) throws(ScriptError) -> Tensor {
            let t = try receiver(tensor, name)
            let given = try required(a, 0, "other", name)
            let number = try interpreter.scalar(given) != nil
            let other = try Tensor.operand(given, like: t, interpreter: interpreter)
            return try tensorCall { () throws(TensorError) in try t.binary(function, other, numberOperand: number) }
        }
        var forms = [TensorOperation(name, .both, ["other"]) { interpreter, tensor, a throws(ScriptError) in
            .object(try run(interpreter, tensor, a))
        }]
        if function != .maximum && function != .minimum {
            forms.append(TensorOperation(name + "_", .method, ["other"]) { interpreter, tensor, a throws(ScriptError) in
                try inPlace(try receiver(tensor, name + "_"), try run(interpreter, tensor, a), interpreter)
            })
        }
        return forms
    }

    static func classifying(_ name: String, _ test: @escaping @Sendable (Float) -> Bool) -> TensorOperation {
        TensorOperation(name, .both) { _, tensor, _ throws(ScriptError) in .object(try receiver(tensor, name).classify(test)) }
    }

    static func logicalOperation(_ name: String, _ combine: @escaping @Sendable (Bool, Bool) -> Bool) -> TensorOperation {
        TensorOperation(name, .both, ["other"]) { interpreter, tensor, a throws(ScriptError) in
            let t = try receiver(tensor, name)
            let other = try interpreter.tensor(try required(a, 0, "other", name), "other")
            return .object(try tensorCall { () throws(TensorError) in try t.logical(other, combine) })
        }
    }

    /// The in-place form of an older Tensor method (`exp_` of `exp`).
    static func inPlaceForm(of method: String) -> TensorOperation {
        TensorOperation(method + "_", .method, method == "pow" ? ["exponent"] : []) { interpreter, tensor, a throws(ScriptError) in
            let t = try receiver(tensor, method + "_")
            guard case .object(let object)? = try t.callMethod(method, a, interpreter: interpreter), let result = object as? Tensor else {
                throw .typeError("\(method)_() produced no tensor")
            }
            return try inPlace(t, result, interpreter)
        }
    }

    static let selection: [TensorOperation] = BinaryFunction.allCases.flatMap(binaryOperation) + [
        classifying("isnan") { $0.isNaN },
        classifying("isinf") { $0.isInfinite },
        classifying("isfinite") { $0.isFinite },
        logicalOperation("logical_and") { $0 && $1 },
        logicalOperation("logical_or") { $0 || $1 },
        logicalOperation("logical_xor") { $0 != $1 },
        TensorOperation("logical_not", .both) { _, tensor, _ throws(ScriptError) in
            .object(try receiver(tensor, "logical_not").logicalNot())
        },
        TensorOperation("argmin", .both, ["dim", "keepdim"]) { interpreter, tensor, a throws(ScriptError) in
            let t = try receiver(tensor, "argmin")
            let dim = try interpreter.intArgument(a.value(0, "dim"), "dim")
            let keep = try interpreter.boolArgument(a.value(1, "keepdim"), default: false)
            return .object(try tensorCall { () throws(TensorError) in
                guard let d = dim else { return try t.argmin(dim: nil, keepDim: keep) }
                return try t.argmin(dim: d, keepDim: keep)
            })
        },
        TensorOperation("masked_select", .both, ["mask"]) { interpreter, tensor, a throws(ScriptError) in
            let t = try receiver(tensor, "masked_select")
            let mask = try interpreter.tensor(try required(a, 0, "mask", "masked_select"), "mask")
            return .object(try tensorCall { () throws(TensorError) in try t.maskedSelect(mask) })
        },
        TensorOperation("diag", .both, ["diagonal"]) { interpreter, tensor, a throws(ScriptError) in
            let t = try receiver(tensor, "diag")
            let offset = try interpreter.intArgument(a.value(0, "diagonal"), "diagonal") ?? 0
            return .object(try tensorCall { () throws(TensorError) in try t.diag(offset) })
        },
        TensorOperation("trace", .both) { _, tensor, _ throws(ScriptError) in
            let t = try receiver(tensor, "trace")
            return .object(try tensorCall { () throws(TensorError) in try t.trace() })
        },
        TensorOperation("unique", .both, ["sorted", "return_inverse", "return_counts", "dim"]) { interpreter, tensor, a throws(ScriptError) in
            let t = try receiver(tensor, "unique")
            if let dim = a.value(3, "dim"), !dim.isNone {
                throw ScriptError(.notImplementedError, "unique(dim=...) is not supported in Recur; unique() over all elements is")
            }
            let inverse = try interpreter.boolArgument(a.value(1, "return_inverse"), default: false)
            let counts = try interpreter.boolArgument(a.value(2, "return_counts"), default: false)
            let result = t.unique()
            var parts: [Value] = [.object(result.values)]
            if inverse { parts.append(.object(result.inverse)) }
            if counts { parts.append(.object(result.counts)) }
            return parts.count == 1 ? parts[0] : .tuple(parts)
        },
        TensorOperation("bincount", .both, ["weights", "minlength"]) { interpreter, tensor, a throws(ScriptError) in
            let t = try receiver(tensor, "bincount")
            let minimum = try interpreter.intArgument(a.value(1, "minlength"), "minlength") ?? 0
            let weights = try a.value(0, "weights").flatMap { (w) throws(ScriptError) -> Tensor? in w.isNone ? nil : try interpreter.tensor(w, "weights") }
            return .object(try tensorCall { () throws(TensorError) in try t.binCounts(weights: weights, minimumLength: minimum) })
        },
        TensorOperation("count_nonzero", .both, ["dim"]) { interpreter, tensor, a throws(ScriptError) in
            let t = try receiver(tensor, "count_nonzero")
            let flags = t.nonzeroFlags()
            guard let dims = try reductionDims(a.value(0, "dim"), interpreter) else { return .object(flags.sum()) }
            var result = flags
            for d in try tensorCall({ () throws(TensorError) in try t.distinctDims(dims, "count_nonzero") }).sorted(by: >) {
                result = try tensorCall { () throws(TensorError) in try result.sum(dim: d) }
            }
            return .object(result)
        },
        TensorOperation("argwhere", .both) { interpreter, tensor, _ throws(ScriptError) in
            let t = try receiver(tensor, "argwhere")
            return try interpreter.callMethod(.object(t), "nonzero", Arguments())
        },
        TensorOperation("is_floating_point", .both) { _, tensor, _ throws(ScriptError) in
            .bool(try receiver(tensor, "is_floating_point").dtype.isFloatingPoint)
        },
        TensorOperation("element_size", .method) { _, tensor, _ throws(ScriptError) in
            .int(try receiver(tensor, "element_size").elementSize)
        },
    ] + ["exp", "log", "sigmoid", "tanh", "relu", "abs", "neg", "sqrt", "pow"].map(inPlaceForm)
}
