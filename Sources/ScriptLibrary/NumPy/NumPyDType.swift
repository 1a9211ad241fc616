import Tensors
import Script

/// NumPy's names and rules for the dtypes Recur's arrays hold (the tensor engine's six).
extension DType {
    /// NumPy's one-letter kind (`f`, `i`, `u`, `b`).
    var numpyKind: String {
        switch self {
        case .float32, .float64: "f"
        case .int64, .int32: "i"
        case .uint8: "u"
        case .bool: "b"
        }
    }

    /// The array-protocol type string `.npy` headers and `dtype.str` use (`<f8`, `|b1`).
    var numpyTypeString: String {
        switch self {
        case .uint8, .bool: "|" + numpyKind + "1"
        case .float32, .float64, .int64, .int32: "<" + numpyKind + String(elementSize)
        }
    }

    /// Whether `repr` leaves the dtype out (`array([1, 2])` is int64, `array([1.])` float64).
    var isImpliedInRepr: Bool {
        switch self {
        case .float64, .int64, .bool: true
        case .float32, .int32, .uint8: false
        }
    }

    /// NumPy's `promote_types` for two array (or NumPy scalar) dtypes.
    static func numpyPromoted(_ a: DType, _ b: DType) -> DType {
        if a == b { return a }
        switch (a, b) {
        case (.bool, let other), (let other, .bool): return other
        case (.float64, _), (_, .float64): return .float64
        // A 32- or 64-bit integer does not fit float32's significand.
        case (.float32, .int32), (.int32, .float32), (.float32, .int64), (.int64, .float32): return .float64
        case (.float32, _), (_, .float32): return .float32
        case (.int64, _), (_, .int64): return .int64
        case (.int32, _), (_, .int32): return .int32
        case (.uint8, .uint8): return .uint8
        }
    }

    /// The class of NumPy's dtype objects for this dtype (`type(np.dtype('float32'))`).
    var numpyDTypeClassName: String {
        switch self {
        case .float64: "Float64DType"
        case .float32: "Float32DType"
        case .int64: "Int64DType"
        case .int32: "Int32DType"
        case .uint8: "UInt8DType"
        case .bool: "BoolDType"
        }
    }

    /// The smallest and largest integer the dtype holds (nil for floats and bool).
    var integerRange: ClosedRange<Int>? {
        switch self {
        case .int64: Int.min...Int.max
        case .int32: Int(Int32.min)...Int(Int32.max)
        case .uint8: 0...255
        case .float32, .float64, .bool: nil
        }
    }
}

/// `np.dtype('float32')`: a dtype object as NumPy prints and compares it.
package final class NumPyDTypeObject: ScriptObject {
    package let dtype: DType
    init(_ dtype: DType) { self.dtype = dtype }

    package var typeName: String { "numpy.dtypes." + dtype.numpyDTypeClassName }
    package func repr(interpreter: Interpreter) throws(ScriptError) -> String { "dtype('\(dtype.name)')" }
    package func str(interpreter: Interpreter) throws(ScriptError) -> String { dtype.name }

    package func attribute(_ name: String, interpreter: Interpreter) throws(ScriptError) -> Value? {
        switch name {
        case "name": return .str(dtype.name)
        case "itemsize": return .int(dtype.elementSize)
        case "kind": return .str(dtype.numpyKind)
        case "str": return .str(dtype.numpyTypeString)
        case "type": return .type(interpreter.numpy.scalarType(dtype, base: interpreter.types.object))
        case "char":
            let codes: [DType: String] = [.float32: "f", .float64: "d", .int64: "l", .int32: "i", .uint8: "B", .bool: "?"]
            return .str(codes[dtype] ?? "")
        default: return nil
        }
    }

    package var attributeNames: [String] { ["char", "itemsize", "kind", "name", "str", "type"] }

    package func compare(_ op: CompareOp, _ other: Value, interpreter: Interpreter) throws(ScriptError) -> Value? {
        guard op == .equal || op == .notEqual else { return nil }
        let same = (try? NumPyDTypes.parse(other, interpreter: interpreter)) == dtype
        return .bool(op == .equal ? same : !same)
    }
}

/// Reads NumPy's many spellings of a dtype: `'float32'`, `'f4'`, `float`, `np.float32`,
/// `np.dtype('int64')`, `torch`-free.
package enum NumPyDTypes {
    package static let names: [String: DType] = [
        "float64": .float64, "f8": .float64, "float": .float64, "double": .float64, "d": .float64, "<f8": .float64,
        "float_": .float64, "f": .float32, "float32": .float32, "f4": .float32, "single": .float32, "<f4": .float32,
        "int64": .int64, "i8": .int64, "int": .int64, "int_": .int64, "l": .int64, "long": .int64, "<i8": .int64,
        "intp": .int64, "int32": .int32, "i4": .int32, "i": .int32, "intc": .int32, "<i4": .int32,
        "uint8": .uint8, "u1": .uint8, "B": .uint8, "ubyte": .uint8, "|u1": .uint8,
        "bool": .bool, "?": .bool, "b1": .bool, "bool_": .bool, "|b1": .bool,
    ]

    /// NumPy's dtypes Recur's arrays do not hold, named so the error can say so.
    static let unsupported: Set<String> = [
        "float16", "half", "f2", "e", "int16", "i2", "h", "short", "int8", "i1", "b", "byte", "uint16", "u2",
        "uint32", "u4", "uint64", "u8", "uint", "complex64", "complex128", "complex", "c8", "c16", "str", "U",
        "object", "O", "datetime64", "timedelta64", "longdouble", "float128", "S", "bytes", "void", "V",
    ]

    /// The dtypes Recur's arrays hold, for error messages.
    static var providedList: String { "float64, float32, int64, int32, uint8, bool" }

    /// A `dtype=` argument; nil for None.
    package static func argument(_ value: Value?, interpreter: Interpreter) throws(ScriptError) -> DType? {
        guard let value, !value.isNone else { return nil }
        return try parse(value, interpreter: interpreter)
    }

    package static func parse(_ value: Value, interpreter: Interpreter) throws(ScriptError) -> DType {
        switch value {
        case .str(let text):
            if let dtype = names[text] { return dtype }
            if unsupported.contains(text) { throw unsupportedError(text) }
            throw .typeError("data type '\(text)' not understood")
        case .type(let type):
            if type.module == "numpy", let dtype = names[type.name] { return dtype }
            if type.module == "numpy" { throw unsupportedError(type.name) }
            switch type.name {
            case "float": return .float64
            case "int": return .int64
            case "bool": return .bool
            default: break
            }
        case .object(let object):
            if let d = object as? NumPyDTypeObject { return d.dtype }
            if let d = object as? DTypeObject {
                throw .typeError("Cannot interpret '\(try d.repr(interpreter: interpreter))' as a data type")
            }
        case .builtin(let function) where function.name.hasPrefix("numpy."):
            throw unsupportedError(String(function.name.dropFirst(6)))
        case .none, .bool, .int, .float, .list, .tuple, .dict, .set, .function, .builtin, .boundMethod, .instance, .module:
            break
        }
        throw .typeError("Cannot interpret '\(try interpreter.repr(value))' as a data type")
    }

    static func unsupportedError(_ name: String) -> ScriptError {
        .typeError("data type '\(name)' is not provided by Recur's numpy (it provides \(providedList); see docs/NUMPY.md)")
    }
}
