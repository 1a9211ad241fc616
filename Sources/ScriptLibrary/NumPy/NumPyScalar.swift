import Tensors
import Script

/// A NumPy scalar (`np.float64(0.5)`, `np.int64(3)`, `np.True_`): what indexing one element
/// and full reductions return. Arithmetic treats it as a 0-d array of its dtype.
package final class NumPyScalar: ScriptObject {
    package let dtype: DType
    package let scalar: ScalarValue

    init(_ dtype: DType, _ scalar: ScalarValue) {
        self.dtype = dtype
        self.scalar = NumPyScalar.normalized(scalar, dtype)
    }

    /// The Value scripts see: a NumPy scalar object.
    package var value: Value { .object(self) }

    static func normalized(_ s: ScalarValue, _ dtype: DType) -> ScalarValue {
        switch dtype {
        case .float64: .float(s.doubleValue)
        case .float32: .float(Double(Float(s.doubleValue)))
        case .int64, .int32, .uint8: .int(s.int64Value)
        case .bool: .bool(s.boolValue)
        }
    }

    package var typeName: String { "numpy." + (dtype == .bool ? "bool" : dtype.name) }

    /// As a 0-d array, for arithmetic and ufuncs.
    package var array: NDArray? {
        guard let t = try? Tensor(elements: ElementArray.filled(scalar, count: 1, dtype: dtype), shape: .scalar) else { return nil }
        return NDArray(t)
    }

    package func str(interpreter: Interpreter) throws(ScriptError) -> String {
        switch scalar {
        case .float(let d): NumPyFloatText.scalarString(d, float32: dtype == .float32)
        case .int(let i): String(i)
        case .bool(let b): b ? "True" : "False"
        }
    }

    package func repr(interpreter: Interpreter) throws(ScriptError) -> String {
        if case .bool(let b) = scalar { return b ? "np.True_" : "np.False_" }
        return "np.\(dtype.name)(\(try str(interpreter: interpreter)))"
    }

    package func truth(interpreter: Interpreter) throws(ScriptError) -> Bool? { scalar.boolValue }

    /// An integer scalar is an index; a float one is not (nil lets `int(x)` truncate it).
    package func index(interpreter: Interpreter) throws(ScriptError) -> Int? {
        dtype.isFloatingPoint ? nil : Int(scalar.int64Value)
    }

    package func floatValue(interpreter: Interpreter) throws(ScriptError) -> Double? { scalar.doubleValue }

    package func attribute(_ name: String, interpreter: Interpreter) throws(ScriptError) -> Value? {
        switch name {
        case "dtype": return .object(NumPyDTypeObject(dtype))
        case "shape": return .tuple([])
        case "ndim": return .int(0)
        case "size": return .int(1)
        case "itemsize", "nbytes": return .int(dtype.elementSize)
        case "real": return value
        case "T": return value
        case "round":
            // `round(x)` gives a Python int, `round(x, n)` a scalar of the same type.
            return .builtin(BuiltinFunction("round") { interpreter, a throws(ScriptError) in
                try a.expect("round", 0...1, keywords: ["ndigits", "decimals"])
                let digits = a.positional.first ?? a.keyword("ndigits") ?? a.keyword("decimals")
                guard let digits, !digits.isNone else {
                    return try Arithmetic.integer(truncating: self.scalar.doubleValue.rounded(.toNearestOrEven))
                }
                guard let array = self.array else { return .none }
                return try NumPyModule.rounded(array, decimals: try interpreter.indexValue(digits), interpreter).result
            })
        default: break
        }
        guard let array else { return nil }
        return try array.attribute(name, interpreter: interpreter)
    }

    package func callMethod(_ name: String, _ arguments: Arguments, interpreter: Interpreter) throws(ScriptError) -> Value? {
        switch name {
        case "item":
            try arguments.expect("item", 0...0)
            return NumPyScalar.python(scalar)
        case "tolist":
            return NumPyScalar.python(scalar)
        case "is_integer" where dtype.isFloatingPoint:
            let d = scalar.doubleValue
            return .bool(d.isFinite && d == d.rounded())
        default:
            return try array?.callMethod(name, arguments, interpreter: interpreter)
        }
    }

    /// The Python number `item()` gives.
    package static func python(_ s: ScalarValue) -> Value {
        switch s {
        case .float(let d): .float(d)
        case .int(let i): .int(Int(i))
        case .bool(let b): .bool(b)
        }
    }

    package func binary(_ op: BinaryOp, _ other: Value, reflected: Bool, interpreter: Interpreter) throws(ScriptError) -> Value? {
        guard let array else { return nil }
        // With an array on the other side NumPy runs the array ufunc; between scalars its
        // scalar arithmetic (named so in its warnings, and checking integer overflow).
        var withArray = false
        if case .object(let o) = other, o is NDArray { withArray = true }
        return try array.operatorBinary(op, other, reflected: reflected, scalar: !withArray, interpreter: interpreter)
    }

    package func unary(_ op: UnaryOp, interpreter: Interpreter) throws(ScriptError) -> Value? {
        try array?.unary(op, interpreter: interpreter)
    }

    package func compare(_ op: CompareOp, _ other: Value, interpreter: Interpreter) throws(ScriptError) -> Value? {
        try array?.compare(op, other, interpreter: interpreter)
    }

    package var attributeNames: [String] { ["dtype", "item", "itemsize", "ndim", "shape", "size", "tolist"] }
}
