import Tensors
import Script

/// NumPy's `out=`: a result written into an existing array, which is returned. The in-place
/// operators are the same thing (`a += b` is `np.add(a, b, out=a)`), so views and every name
/// bound to the array see the write. Results are computed first and then stored, which is
/// what NumPy's overlap detection makes of `a[1:] += a[:-1]`.
package enum NumPyOut {
    /// NumPy's same-kind rule for ufunc outputs: a cast within a kind or to a later one (bool,
    /// unsigned, signed, float), so float64 into float32 passes and float into int does not.
    static func isSameKind(_ from: DType, _ to: DType) -> Bool { kindOrder(from) <= kindOrder(to) }

    private static func kindOrder(_ dtype: DType) -> Int {
        switch dtype {
        case .bool: 0
        case .uint8: 1
        case .int32, .int64: 2
        case .float32, .float64: 3
        }
    }

    /// The ufunc NumPy runs for an operator (named in its errors).
    static func ufuncName(_ op: BinaryOp) -> String {
        switch op {
        case .add: "add"
        case .subtract: "subtract"
        case .multiply: "multiply"
        case .divide: "divide"
        case .floorDivide: "floor_divide"
        case .modulo: "remainder"
        case .power: "power"
        case .matmul: "matmul"
        case .bitAnd: "bitwise_and"
        case .bitOr: "bitwise_or"
        case .bitXor: "bitwise_xor"
        case .shiftLeft: "left_shift"
        case .shiftRight: "right_shift"
        }
    }

    /// A ufunc's `out`: nil when absent or None, else an array or a tuple holding one.
    static func ufuncArgument(_ value: Value?) throws(ScriptError) -> NDArray? {
        guard let value, !value.isNone else { return nil }
        var candidate = value
        if case .tuple(let items) = value {
            guard items.count == 1 else { throw .valueError("The 'out' tuple must have exactly one entry per ufunc output") }
            candidate = items[0]
        }
        guard case .object(let object) = candidate, let array = object as? NDArray else {
            throw .typeError("return arrays must be of ArrayType")
        }
        return array
    }

    /// A ufunc's positional output after its `inputs` operands, or its `out=` keyword (both is
    /// NumPy's TypeError); the remaining arguments are the inputs (`where=` is read by
    /// `NumPyUfuncCall`).
    static func splitUfunc(_ a: Arguments, _ name: String, inputs: Int) throws(ScriptError) -> (inputs: [Value], out: NDArray?) {
        for entry in a.keywords where ["casting", "order", "dtype", "subok", "signature"].contains(entry.name) {
            throw .typeError("\(name)(): the ufunc keyword '\(entry.name)' is not provided by Recur's numpy (its ufuncs take out= and where=; see docs/NUMPY.md)")
        }
        try a.expect(name, inputs...(inputs + 1), keywords: ["out", "where"])
        let keyword = a.keyword("out")
        if a.positional.count > inputs {
            if keyword != nil { throw .typeError("cannot specify 'out' as both a positional and keyword argument") }
            return (Array(a.positional.prefix(inputs)), try ufuncArgument(a.positional[inputs]))
        }
        return (a.positional, try ufuncArgument(keyword))
    }

    /// The value of ufunc `name`: `result` itself, or stored into `out` as NumPy's ufunc
    /// machinery checks it (the output takes part in broadcasting; same-kind cast).
    static func ufunc(_ name: String, _ result: NDArray, operands shapes: [[Int]], into out: NDArray?,
                      _ interpreter: Interpreter) throws(ScriptError) -> Value {
        guard let out else { return result.result }
        // matmul's operands meet in their core dimensions: only its result's shape broadcasts.
        let everything = (name == "matmul" ? [result.dims] : shapes) + [out.dims]
        let full = try NumPyShapes.broadcast(everything)
        guard full == out.dims else {
            throw .valueError("non-broadcastable output operand with shape \(NumPyShapes.compactText(out.dims)) doesn't match the broadcast shape \(NumPyShapes.compactText(full))")
        }
        guard isSameKind(result.dtype, out.dtype) else {
            throw interpreter.numpyOutputCastError(name, from: result.dtype, to: out.dtype)
        }
        try store(result, into: out)
        return .object(out)
    }

    /// `result` cast to `out`'s dtype, broadcast to its shape and written through it.
    package static func store(_ result: NDArray, into out: NDArray) throws(ScriptError) {
        let source = NumPyOperations.broadcast(result.converted(to: out.dtype), to: out.dims)
        try tensorCall { () throws(TensorError) in try out.tensor.write(source.tensor) }
    }

    /// A reduction's `out`: nil when absent or None, else an array.
    package static func argument(_ value: Value?) throws(ScriptError) -> NDArray? {
        guard let value, !value.isNone else { return nil }
        guard case .object(let object) = value, let array = object as? NDArray else {
            throw .typeError("return arrays must be of ArrayType")
        }
        return array
    }

    /// A reduction's `result` over `reduced` axes of an array of `inputDims` stored into
    /// `out` (any cast, as NumPy's reductions allow), with NumPy's shape errors.
    static func reduction(_ ufunc: String, _ result: NDArray, inputDims: [Int], reduced: [Int], keepDims: Bool,
                          into out: NDArray) throws(ScriptError) -> Value {
        guard out.rank == result.rank else {
            throw .valueError("output parameter for reduction operation \(ufunc) has the wrong number of dimensions: Found \(out.rank) but expected \(result.rank)")
        }
        if out.dims != result.dims {
            // The output's axes laid over the input's: reduced axes are new ones unless kept.
            let axes = keepDims ? Array(0..<inputDims.count) : (0..<inputDims.count).filter { !reduced.contains($0) }
            for (k, axis) in axes.enumerated() where out.dims[k] == 1 && result.dims[k] != 1 {
                throw .valueError("output operand requires a reduction along dimension \(axis), but the reduction is not enabled. The dimension size of 1 does not match the expected output shape.")
            }
            var remapped: [String] = []
            var next = 0
            for axis in 0..<inputDims.count {
                if !keepDims && reduced.contains(axis) {
                    if !remapped.isEmpty { remapped.append("newaxis") }
                } else {
                    remapped.append(String(out.dims[next]))
                    next += 1
                }
            }
            throw .valueError("operands could not be broadcast together with remapped shapes [original->remapped]: \(NumPyShapes.compactText(out.dims))->(\(remapped.joined(separator: ","))) \(NumPyShapes.compactText(inputDims)) ")
        }
        try store(result, into: out)
        return .object(out)
    }
}

extension NDArray: InPlaceObject {
    /// `self op= operand` given the out-of-place `result`: NumPy's ufunc with `out=self`.
    package func inPlace(_ op: BinaryOp, _ operand: Value, result: Value, interpreter: Interpreter) throws(ScriptError) -> Value? {
        guard case .object(let computed) = result, computed is NDArray || computed is NumPyScalar else { return nil }
        let other = try interpreter.numpyOperand(operand)
        return try NumPyOut.ufunc(NumPyOut.ufuncName(op), try interpreter.ndarray(result), operands: [dims, other?.dims ?? []],
                                  into: self, interpreter)
    }
}

extension NDArray: UnhashableObject, SizedObject {
    /// NumPy's `ndarray.__sizeof__`: the header, plus the data when the array owns it.
    package var sizeInBytes: Int {
        let header = 96 + 16 * rank
        return tensor.viewedTensor == nil ? header + count * dtype.elementSize : header
    }
}

extension NumPyScalar: NumberLikeObject {
    package var pythonValue: Value { NumPyScalar.python(scalar) }
}
