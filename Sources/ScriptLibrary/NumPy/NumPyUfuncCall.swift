import Tensors
import Script

/// A ufunc call with NumPy's `out=` and `where=`: the operands, the output and the mask of
/// the elements to compute. Elements where the mask is False are not computed at all (so they
/// raise no floating-point warning: `np.divide(a, b, out=z, where=b != 0)`) and keep the
/// output's value; without `out=` they are zero (NumPy leaves them uninitialised and warns).
struct NumPyUfuncCall {
    let inputs: [Value]
    let out: NDArray?
    /// The `where=` mask as a bool array, nil when absent or True.
    let mask: NDArray?
    /// Whether `where=` came without an `out=` keyword (NumPy's UserWarning then).
    let maskWithoutOut: Bool

    /// The arguments of ufunc `name` taking `inputs` operands: positionally, then an optional
    /// positional output, and the keywords `out` and `where`.
    init(_ a: Arguments, _ name: String, inputs count: Int, interpreter: Interpreter) throws(ScriptError) {
        let given = a.keyword("where")
        // matmul is a generalised ufunc, which NumPy gives no `where=`.
        if given != nil && name == "matmul" { throw .typeError("matmul() got an unexpected keyword argument 'where'") }
        let (inputs, out) = try NumPyOut.splitUfunc(a, name, inputs: count)
        self.inputs = inputs
        self.out = out
        mask = try given.flatMap { (value) throws(ScriptError) in try NumPyUfuncCall.mask(value, interpreter) }
        // Only the literal True is NumPy's default; `out=None` says the caller knows.
        var isDefault = false
        if case .bool(true) = given { isDefault = true }
        maskWithoutOut = given != nil && !isDefault && a.keyword("out") == nil && a.positional.count <= count
    }

    /// NumPy's reading of `where=`: a bool array as it is, a list through `bool`, any other
    /// Python object by its truth (None is False); arrays of other dtypes need a safe cast.
    private static func mask(_ value: Value, _ interpreter: Interpreter) throws(ScriptError) -> NDArray? {
        switch value {
        case .none: return try NDArray(.bool([false]), [])
        case .list, .tuple: return try interpreter.ndarray(value).converted(to: .bool)
        case .object(let scalar as NumPyScalar) where scalar.dtype == .float64:
            // np.float64 is a Python float, read by its truth as other Python objects are.
            return try interpreter.truth(value) ? nil : try NDArray(.bool([false]), [])
        case .object(let object) where object is NDArray || object is NumPyScalar:
            let array = try interpreter.ndarray(value)
            guard array.dtype == .bool else {
                throw .typeError("Cannot cast array data from dtype('\(array.dtype.name)') to dtype('bool') according to the rule 'safe'")
            }
            return array.rank == 0 && array.elements.scalar(at: 0).boolValue ? nil : array
        case .bool, .int, .float, .str, .dict, .set, .function, .builtin, .boundMethod, .type, .instance, .module, .object:
            return try interpreter.truth(value) ? nil : try NDArray(.bool([false]), [])
        }
    }

    /// Ufunc `name` over `operands`: `compute` gets the operands (restricted to the masked
    /// elements when there is a mask) and returns the result, which goes to `out` if given.
    func run(_ name: String, _ operands: [NumPyOperand], _ interpreter: Interpreter,
             _ compute: ([NumPyOperand]) throws(ScriptError) -> NDArray) throws(ScriptError) -> Value {
        if maskWithoutOut {
            try interpreter.warn("'where' used without 'out', expect unitialized memory in output. If this is intentional, use out=None.",
                                 category: .userWarning)
        }
        guard let mask else {
            return try NumPyOut.ufunc(name, try compute(operands), operands: operands.map(\.dims), into: out, interpreter)
        }
        let shapes = operands.map(\.dims)
        let full: [Int]
        do {
            full = try NumPyShapes.broadcast(shapes + [mask.dims])
        } catch {
            // NumPy's error lists the inputs, the output, then the mask.
            _ = try NumPyShapes.broadcast(shapes + (out.map { [$0.dims] } ?? []) + [mask.dims])
            throw error
        }
        if let out {
            let withOut = try NumPyShapes.broadcast([full, out.dims])
            guard withOut == out.dims else {
                throw .valueError("non-broadcastable output operand with shape \(NumPyShapes.compactText(out.dims)) doesn't match the broadcast shape \(NumPyShapes.compactText(withOut))")
            }
        }
        let shape = out?.dims ?? full
        guard case .bool(let chosen) = NumPyOperations.broadcast(mask, to: shape).elements else {
            throw .typeError("where= must be a boolean mask")
        }
        // Arrays are narrowed to the chosen elements; Python numbers stay numbers (weak types).
        let count = chosen.reduce(0) { $0 + ($1 ? 1 : 0) }
        var selected: [NumPyOperand] = []
        for operand in operands {
            guard case .array(let a) = operand else {
                selected.append(operand)
                continue
            }
            let picked = NumPyStridedCopy.selected(NumPyOperations.broadcast(a, to: shape).elements, chosen)
            selected.append(.array(try NDArray(picked, [count])))
        }
        // Python numbers alone give one element, which every chosen position takes.
        let computed = try compute(selected)
        let result = computed.dims == [count] ? computed : NumPyOperations.broadcast(computed, to: [count])
        let target: NDArray
        if let out {
            guard NumPyOut.isSameKind(result.dtype, out.dtype) else {
                throw interpreter.numpyOutputCastError(name, from: result.dtype, to: out.dtype)
            }
            target = out
        } else {
            target = try NumPyModule.filled(shape, .int(0), result.dtype)
        }
        let merged = NumPyUfuncCall.merged(target.elements, result.converted(to: target.dtype).elements, chosen)
        try NumPyOut.store(try NDArray(merged, shape), into: target)
        return out == nil ? target.result : .object(target)
    }

    /// `base` with the elements where `mask` is True replaced, in order, by `values` (of the
    /// same dtype).
    private static func merged(_ base: ElementArray, _ values: ElementArray, _ mask: [Bool]) -> ElementArray {
        func merge<T>(_ b: [T], _ v: [T]) -> [T] {
            var result = b
            var next = 0
            for i in 0..<Swift.min(result.count, mask.count) where mask[i] && next < v.count {
                result[i] = v[next]
                next += 1
            }
            return result
        }
        switch (base, values) {
        case (.float64(let b), .float64(let v)): return .float64(merge(b, v))
        case (.float32(let b), .float32(let v)): return .float32(merge(b, v))
        case (.int64(let b), .int64(let v)): return .int64(merge(b, v))
        case (.int32(let b), .int32(let v)): return .int32(merge(b, v))
        case (.uint8(let b), .uint8(let v)): return .uint8(merge(b, v))
        case (.bool(let b), .bool(let v)): return .bool(merge(b, v))
        default: return base
        }
    }
}

extension Interpreter {
    /// The two operands of a binary ufunc, or its TypeError.
    func numpyOperands(_ inputs: [Value], _ name: String) throws(ScriptError) -> [NumPyOperand] {
        guard inputs.count == 2, let x = try numpyOperand(inputs[0]), let y = try numpyOperand(inputs[1]) else {
            throw .typeError("unsupported operand types for \(name)")
        }
        return [x, y]
    }
}
