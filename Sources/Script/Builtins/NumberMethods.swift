import Glibc

/// Methods of `int` and `float`.
package enum NumberMethods {
    package static var int: [String: BuiltinFunction] { [
        "bit_length": method("int", "bit_length") { _, receiver, _ throws(ScriptError) in
            guard case .int(let i) = receiver else { throw .typeError("descriptor 'bit_length' requires an 'int'") }
            return .int(Swift.Int.bitWidth - i.magnitude.leadingZeroBitCount)
        },
        "bit_count": method("int", "bit_count") { _, receiver, _ throws(ScriptError) in
            guard case .int(let i) = receiver else { throw .typeError("descriptor 'bit_count' requires an 'int'") }
            return .int(i.magnitude.nonzeroBitCount)
        },
    ] }

    package static var float: [String: BuiltinFunction] { [
        "hex": method("float", "hex") { _, receiver, _ throws(ScriptError) in
            guard case .float(let d) = receiver else { throw .typeError("descriptor 'hex' requires a 'float'") }
            return .str(hexadecimal(d))
        },
        // A class method: `float.fromhex(s)` and `(1.0).fromhex(s)` alike ignore the receiver.
        "fromhex": BuiltinFunction("fromhex", signature: "float.fromhex(string, /)",
                                   methodBody: { _, _, a throws(ScriptError) in try fromHex(a) }, { _, a throws(ScriptError) in try fromHex(a) }),
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

    /// CPython's `float.hex`: `[-]0x1.<13 hex digits>p<exponent>` (`0x0.` for subnormals and
    /// zero), `inf`, `-inf`, `nan`.
    static func hexadecimal(_ d: Double) -> String {
        if d.isNaN { return "nan" }
        if d.isInfinite { return d < 0 ? "-inf" : "inf" }
        let sign = d.sign == .minus ? "-" : ""
        if d == 0 { return sign + "0x0.0p+0" }
        let fraction = d.significandBitPattern
        let normal = d.isNormal
        let exponent = normal ? Int(d.exponentBitPattern) - 1023 : -1022
        var digits = String(fraction, radix: 16)
        digits = String(repeating: "0", count: 13 - digits.count) + digits
        return sign + (normal ? "0x1." : "0x0.") + digits + "p" + (exponent >= 0 ? "+" : "") + String(exponent)
    }

    /// CPython's `float.fromhex`: optional blanks and sign, `inf`/`infinity`/`nan`, or hex
    /// digits with an optional point and binary exponent (`0x` optional), rounded to nearest.
    static func fromHex(_ a: Arguments) throws(ScriptError) -> Value {
        try a.expect("fromhex", 1...1)
        guard case .str(let text) = a.positional[0] else {
            throw .typeError("bad argument type for built-in operation")
        }
        let invalid = ScriptError.valueError("invalid hexadecimal floating-point string")
        let scalars = text.unicodeScalars.drop(while: StringMethods.isSpace).reversed().drop(while: StringMethods.isSpace).reversed()
        var body = Substring(String(String.UnicodeScalarView(scalars)))
        var negative = false
        if let first = body.first, first == "+" || first == "-" {
            negative = first == "-"
            body = body.dropFirst()
        }
        switch body.lowercased() {
        case "inf", "infinity": return .float(negative ? -.infinity : .infinity)
        case "nan": return .float(.nan)
        default: break
        }
        if body.lowercased().hasPrefix("0x") { body = body.dropFirst(2) }
        let lower = body.lowercased()
        let parts = lower.split(separator: "p", maxSplits: 1, omittingEmptySubsequences: false)
        let mantissa = parts[0]
        let pieces = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let hexDigits = { (s: Substring) in s.allSatisfy { $0.isHexDigit && $0.isASCII } }
        guard !mantissa.isEmpty, pieces.allSatisfy(hexDigits), pieces.contains(where: { !$0.isEmpty }) else { throw invalid }
        if parts.count == 2 {
            var exponent = parts[1]
            if let first = exponent.first, first == "+" || first == "-" { exponent = exponent.dropFirst() }
            guard !exponent.isEmpty, exponent.allSatisfy({ $0.isASCII && $0.isNumber }) else { throw invalid }
        }
        let parsed: Double = ("0x" + lower).withCString { strtod($0, nil) }
        if parsed.isInfinite { throw ScriptError(.overflowError, "hexadecimal value too large to represent as a float") }
        var value = parsed
        if negative { value.negate() }
        return .float(value)
    }
}
