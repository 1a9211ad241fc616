/// Methods of `int` and `float`.
enum NumberMethods {
    static var int: [String: BuiltinFunction] { [
        "bit_length": method("int", "bit_length") { _, receiver, _ throws(ScriptError) in
            guard case .int(let i) = receiver else { throw .typeError("descriptor 'bit_length' requires an 'int'") }
            return .int(Swift.Int.bitWidth - i.magnitude.leadingZeroBitCount)
        },
    ] }

    static var float: [String: BuiltinFunction] { [
        "is_integer": method("float", "is_integer") { _, receiver, _ throws(ScriptError) in
            guard case .float(let d) = receiver else { throw .typeError("descriptor 'is_integer' requires a 'float'") }
            return .bool(d.isFinite && d == d.rounded())
        },
    ] }
}
