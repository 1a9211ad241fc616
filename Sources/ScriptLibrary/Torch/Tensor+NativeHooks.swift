import Tensors
import Script

/// What the language core asks of a tensor besides `ScriptObject`: `int(t)` and
/// `sys.getsizeof(t)` (copying is in `CopyModule+Torch.swift`, `t op= x` in `Tensor+InPlace.swift`).
extension Tensor: IntConvertibleObject {
    /// `Tensor.__int__`: a floating-point element truncates toward zero.
    package func int(interpreter: Interpreter) throws(ScriptError) -> Value? {
        guard dtype.isFloatingPoint, let d = try floatValue(interpreter: interpreter) else { return nil }
        return try Arithmetic.integer(truncating: d)
    }
}

extension Tensor: SizedObject {
    /// What `sys.getsizeof` reports for a `torch.Tensor` (the Python object, not its storage).
    package var sizeInBytes: Int { 80 }
}
