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
        "as_integer_ratio": method("float", "as_integer_ratio") { _, receiver, _ throws(ScriptError) in
            guard case .float(let d) = receiver else { throw .typeError("descriptor 'as_integer_ratio' requires a 'float'") }
            if d.isNaN { throw .valueError("cannot convert NaN to integer ratio") }
            if d.isInfinite { throw ScriptError(.overflowError, "cannot convert Infinity to integer ratio") }
            if d == 0 { return .tuple([.int(0), .int(1)]) }
            // d = mantissa * 2**exponent exactly, the mantissa odd.
            var mantissa = Int(d.magnitude.significand * 0x1p52)
            var exponent = Int(d.exponent) - 52
            let zeros = mantissa.trailingZeroBitCount
            mantissa >>= zeros
            exponent += zeros
            let signed = BigInteger(d < 0 ? -mantissa : mantissa)
            if exponent >= 0 { return .tuple([Value.integer(signed.shiftedLeft(exponent)), .int(1)]) }
            return .tuple([Value.integer(signed), Value.integer(BigInteger(1).shiftedLeft(-exponent))])
        },
    ] }
}
