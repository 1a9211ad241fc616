import Tensors
import Script

/// The declarations of arithmetic, comparisons, activations and the basic reductions
/// (`add`, `eq`, `tanh`, `softmax`, `sum`, `max`, ...).
extension TensorOperations {
    /// The `other` operand: a tensor, or a Python number made a tensor like `t`.
    package static func other(_ a: Arguments, _ t: Tensor, _ name: String, _ interpreter: Interpreter) throws(ScriptError) -> Tensor {
        guard let value = a.value(0, "other") else { throw .typeError("\(name)() missing 1 required positional arguments: \"other\"") }
        return try Tensor.operand(value, like: t, interpreter: interpreter)
    }

    /// `other` when it is a Python number: it promotes as PyTorch's wrapped numbers do.
    static func otherScalar(_ a: Arguments, _ interpreter: Interpreter) throws(ScriptError) -> ScalarValue? {
        try a.value(0, "other").flatMap { (v) throws(ScriptError) in try interpreter.scalar(v) }
    }

    /// `add`, `sub`, `mul`, `div` and their in-place forms.
    /// A `Number` argument as PyTorch's parser takes it: a Python number or a 0-d tensor (an
    /// L-BFGS step size), else its TypeError.
    static func numberArgument(_ value: Value, _ parameter: String, of function: String,
                               _ interpreter: Interpreter) throws(ScriptError) -> ScalarValue {
        if let scalar = try interpreter.scalar(value) { return scalar }
        if case .object(let tensor as Tensor) = value, tensor.rank == 0 {
            return try tensorCall { () throws(TensorError) in try tensor.scalarValue() }
        }
        let shown = value.typeName.hasSuffix("Tensor") || value.typeName == "Parameter" ? "Tensor" : value.typeName
        throw .typeError("\(function)(): argument '\(parameter)' must be Number, not \(shown)")
    }

    static func arithmetic(_ name: String, _ op: ArithmeticOp, inPlace: Bool) -> TensorOperation {
        let scaled = op == .add || op == .sub
        return .on(name, inPlace ? .method : .both, ["other"], keywordOnly: scaled ? ["alpha"] : [], positionalLimit: 1,
                   rewrite: scaled ? deprecatedScaling(name) : nil) { interpreter, t, a throws(ScriptError) in
            let o = try other(a, t, name, interpreter)
            if inPlace { _ = try tensorCall { () throws(TensorError) in try t.checkInPlace(writing: o) } }
            let scalar = try otherScalar(a, interpreter)
            let alpha = try a.keyword("alpha").map { (v) throws(ScriptError) in try numberArgument(v, "alpha", of: name, interpreter) }
            let result = try tensorCall { () throws(TensorError) in
                if let alpha { return try t.addingScaled(o, alpha: alpha, subtract: op == .sub) }
                if let scalar { return try t.arithmetic(op, scalar: scalar) }
                return try t.arithmetic(op, o)
            }
            guard inPlace else { return .object(result) }
            try t.checkWritable(result.dtype)
            try tensorCall { () throws(TensorError) in try t.write(result) }
            return .object(t)
        }
    }

    /// `add(alpha, other)`, the overload PyTorch still takes with a deprecation warning
    /// (`p.data.add_(-lr, p.grad.data)` in older tutorials), as `add(other, alpha=alpha)`.
    static func deprecatedScaling(_ name: String) -> TensorOperation.Rewrite {
        { (a: Arguments, interpreter: Interpreter) throws(ScriptError) -> Arguments in try deprecatedScaledForm(a, name, interpreter) }
    }

    static func deprecatedScaledForm(_ a: Arguments, _ name: String, _ interpreter: Interpreter) throws(ScriptError) -> Arguments {
        guard a.positional.count == 2, a.keyword("alpha") == nil, try interpreter.scalar(a.positional[0]) != nil else { return a }
        try interpreter.warnOnce("This overload of \(name) is deprecated:\n\t\(name)(Number alpha, Tensor other)\n"
                         + "Consider using one of the following signatures instead:\n\t\(name)(Tensor other, *, Number alpha = 1)",
                         category: .userWarning)
        var rewritten = a
        rewritten.positional = [a.positional[1]]
        rewritten.keywords.append(("alpha", a.positional[0]))
        return rewritten
    }

    static func comparison(_ name: String, _ op: ComparisonOp) -> TensorOperation {
        .on(name, .both, ["other"], positionalLimit: 1) { interpreter, t, a throws(ScriptError) in
            let o = try other(a, t, name, interpreter)
            if let s = try otherScalar(a, interpreter) { return .object(try tensorCall { () throws(TensorError) in try t.compare(op, scalar: s) }) }
            return .object(try tensorCall { () throws(TensorError) in try t.compare(op, o) })
        }
    }

    /// An operation of the tensor alone (`tanh`, `neg`).
    package static func unary(_ name: String, _ body: @escaping @Sendable (Tensor) throws(TensorError) -> Tensor) -> TensorOperation {
        .on(name, .both) { _, t, _ throws(ScriptError) in .object(try tensorCall { () throws(TensorError) in try body(t) }) }
    }

    static func softmaxOperation(_ name: String, log: Bool) -> TensorOperation {
        .on(name, .both, ["dim"]) { interpreter, t, a throws(ScriptError) in
            guard let d = try interpreter.intArgument(a.value(0, "dim"), "dim") else {
                throw .typeError("\(name)() missing 1 required positional argument: 'dim'")
            }
            return .object(try tensorCall { () throws(TensorError) in log ? try t.logSoftmax(dim: d) : try t.softmax(dim: d) })
        }
    }

    static let arithmetic: [TensorOperation] = [
        arithmetic("add", .add, inPlace: false), arithmetic("sub", .sub, inPlace: false),
        arithmetic("mul", .mul, inPlace: false), arithmetic("div", .div, inPlace: false),
        arithmetic("add_", .add, inPlace: true), arithmetic("sub_", .sub, inPlace: true),
        arithmetic("mul_", .mul, inPlace: true), arithmetic("div_", .div, inPlace: true),
        comparison("eq", .eq), comparison("ne", .ne), comparison("lt", .lt),
        comparison("le", .le), comparison("gt", .gt), comparison("ge", .ge),
        .on("matmul", .both, ["other"], positionalLimit: 1) { interpreter, t, a throws(ScriptError) in
            let o = try other(a, t, "matmul", interpreter)
            return .object(try tensorCall { () throws(TensorError) in try t.matmul(o) })
        },
        .on("pow", .both, ["exponent"]) { interpreter, t, a throws(ScriptError) in
            guard let e = a.value(0, "exponent") else { throw .typeError("pow() missing 1 required positional argument: 'exponent'") }
            if let s = try interpreter.scalar(e) {
                return .object(try tensorCall { () throws(TensorError) in try t.pow(s) })
            }
            let exponent = try interpreter.tensor(e, "exponent")
            return .object(try tensorCall { () throws(TensorError) in try t.pow(exponent) })
        },
        unary("neg") { (t) throws(TensorError) in try t.neg() },
        unary("abs") { (t) throws(TensorError) in try t.abs() },
        unary("relu") { (t) throws(TensorError) in try t.relu() },
        unary("tanh") { $0.tanh() },
        unary("sigmoid") { $0.sigmoid() },
        unary("exp") { $0.exp() },
        unary("log") { $0.log() },
        unary("sqrt") { $0.sqrt() },
        softmaxOperation("softmax", log: false),
        softmaxOperation("log_softmax", log: true),
        .on("allclose", .both, ["other", "rtol", "atol", "equal_nan"]) { interpreter, t, a throws(ScriptError) in
            let o = try other(a, t, "allclose", interpreter)
            let rtol = try interpreter.doubleArgument(a.value(1, "rtol"), "rtol") ?? 1e-5
            let atol = try interpreter.doubleArgument(a.value(2, "atol"), "atol") ?? 1e-8
            let equalNaN = try interpreter.boolArgument(a.value(3, "equal_nan"), default: false)
            return .bool(try tensorCall { () throws(TensorError) in try t.allClose(o, rtol: rtol, atol: atol, equalNaN: equalNaN) })
        },
        .on("equal", .both, ["other"]) { interpreter, t, a throws(ScriptError) in
            .bool(t.equals(try other(a, t, "equal", interpreter)))
        },
    ]
}
