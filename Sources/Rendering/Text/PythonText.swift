/// Python's string repr: single quotes unless the text has one and no double quote.
package enum PythonString {
    package static func repr(_ s: String) -> String {
        let useDouble = s.contains("'") && !s.contains("\"")
        let quote: Character = useDouble ? "\"" : "'"
        var out = String(quote)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "'" where !useDouble: out += "\\'"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (scalar.value >= 0x80 && scalar.value < 0xA0) {
                    out += "\\x" + String(scalar.value, radix: 16).leftPadded(to: 2)
                } else if scalar.value > 0x7F && !isPrintable(scalar) {
                    // str.isprintable's definition: separators (but space), controls, format,
                    // private-use and unassigned code points are escaped.
                    let (prefix, width) = scalar.value < 0x100 ? ("\\x", 2) : scalar.value < 0x10000 ? ("\\u", 4) : ("\\U", 8)
                    out += prefix + String(scalar.value, radix: 16).leftPadded(to: width)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out.append(quote)
        return out
    }

    package static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator: return false
        case .spaceSeparator: return scalar == " "
        default: return true
        }
    }
}

/// Python's float repr: shortest round-trip digits, fixed notation for exponents -4..<16.
package enum PythonFloat {
    package static func repr(_ d: Double) -> String {
        if d.isNaN { return "nan" }
        if d.isInfinite { return d < 0 ? "-inf" : "inf" }
        if d == 0 { return d.sign == .minus ? "-0.0" : "0.0" }
        let (negative, digits, point) = decompose(d)
        let exponent = point - 1
        var body: String
        if exponent >= -4 && exponent < 16 {
            if point <= 0 {
                body = "0." + String(repeating: "0", count: -point) + digits
            } else if point >= digits.count {
                body = digits + String(repeating: "0", count: point - digits.count) + ".0"
            } else {
                let i = digits.index(digits.startIndex, offsetBy: point)
                body = digits[..<i] + "." + digits[i...]
            }
        } else {
            let first = String(digits.prefix(1))
            let rest = String(digits.dropFirst())
            let e = abs(exponent)
            body = first + (rest.isEmpty ? "" : "." + rest) + "e" + (exponent < 0 ? "-" : "+")
                + (e < 10 ? "0" : "") + String(e)
        }
        return negative ? "-" + body : body
    }

    /// Shortest digits (no leading/trailing zeros) and the decimal point position:
    /// value = 0.DIGITS x 10^point.
    package static func decompose(_ d: Double) -> (negative: Bool, digits: String, point: Int) {
        var text = d.magnitude.description
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...]) ?? 0
            text = String(text[..<e])
        }
        var intPart = text
        var fracPart = ""
        if let dot = text.firstIndex(of: ".") {
            intPart = String(text[..<dot])
            fracPart = String(text[text.index(after: dot)...])
        }
        var digits = intPart + fracPart
        var point = intPart.count + exponent
        while digits.hasPrefix("0") {
            digits.removeFirst()
            point -= 1
        }
        while digits.hasSuffix("0") { digits.removeLast() }
        if digits.isEmpty { digits = "0" }
        return (d < 0, digits, point)
    }
}

extension String {
    /// The text with `pad` in front up to `width` characters.
    package func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
