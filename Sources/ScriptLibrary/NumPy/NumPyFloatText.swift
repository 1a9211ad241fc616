import Glibc
import Rendering
import Script

/// NumPy's Dragon4 float text: the shortest digits that read back as the same float32 or
/// float64, cut to a precision (rounding the exact binary value) and laid out positionally or
/// in scientific notation with NumPy's trimming and padding.
package struct NumPyFloatText {
    /// The significant digits, without leading or trailing zeros (empty for zero).
    var digits: [UInt8]
    /// The power of ten of the first digit: the value is d1.d2d3... x 10^exponent.
    var exponent: Int
    var negative: Bool

    /// The shortest round-trip digits of `value` at its own precision.
    init(_ value: Double, float32: Bool) {
        self.init(parsing: float32 ? "\(Float(value))" : "\(value)")
    }

    /// Parses Swift's shortest description (`1.25`, `1e-05`, `-3.5e+20`).
    init(parsing text: String) {
        var bytes = Array(text.utf8)
        negative = bytes.first == UInt8(ascii: "-")
        if negative { bytes.removeFirst() }
        var mantissa = bytes[...]
        var power = 0
        if let e = bytes.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
            mantissa = bytes[..<e]
            power = Int(String(decoding: bytes[(e + 1)...], as: UTF8.self)) ?? 0
        }
        var all: [UInt8] = []
        var pointAt: Int?
        for b in mantissa {
            if b == UInt8(ascii: ".") { pointAt = all.count } else { all.append(b - UInt8(ascii: "0")) }
        }
        let point = pointAt ?? all.count
        var leading = 0
        while leading < all.count && all[leading] == 0 { leading += 1 }
        var kept = Array(all[leading...])
        while let last = kept.last, last == 0 { kept.removeLast() }
        digits = kept
        exponent = kept.isEmpty ? 0 : point - leading - 1 + power
    }

    /// `value` with `precision` digits after the point, exactly rounded (half to even).
    package static func fixed(_ value: Double, precision: Int) -> String {
        if let text = FixedPointText.format(value, precision: precision, alternate: false) { return text }
        return cFormat("%.\(precision)f", value)
    }

    static func cFormat(_ format: String, _ value: Double) -> String {
        var buffer = [CChar](repeating: 0, count: 512)
        let written = buffer.withUnsafeMutableBufferPointer { p in
            withVaList([value]) { vsnprintf(p.baseAddress, p.count, format, $0) }
        }
        let length = Swift.max(0, Swift.min(Int(written), 511))
        return String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func text(_ ds: ArraySlice<UInt8>) -> String {
        String(decoding: ds.map { $0 + UInt8(ascii: "0") }, as: UTF8.self)
    }

    /// NumPy's `dragon4_positional` with `unique=True`: integer part and fraction digits.
    package static func positional(_ value: Double, float32: Bool, precision: Int?) -> (negative: Bool, integer: String, fraction: String) {
        let d = NumPyFloatText(value, float32: float32)
        let fractionCount = Swift.max(0, d.digits.count - d.exponent - 1)
        if let precision, fractionCount > precision {
            // Cut at `precision` digits, rounding the exact value.
            let rounded = fixed(Swift.abs(value), precision: precision)
            var parts = rounded.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            if parts.count == 1 { parts.append("") }
            var fraction = parts[1]
            while fraction.hasSuffix("0") { fraction.removeLast() }
            return (d.negative, parts[0], fraction)
        }
        if d.digits.isEmpty { return (d.negative, "0", "") }
        if d.exponent < 0 {
            return (d.negative, "0", String(repeating: "0", count: -d.exponent - 1) + text(d.digits[...]))
        }
        let intCount = d.exponent + 1
        let integer = d.digits.count >= intCount
            ? text(d.digits[0..<intCount])
            : text(d.digits[...]) + String(repeating: "0", count: intCount - d.digits.count)
        let fraction = d.digits.count > intCount ? text(d.digits[intCount...]) : ""
        return (d.negative, integer, fraction)
    }

    /// NumPy's `dragon4_scientific` with `unique=True`: first digit, fraction digits, exponent.
    static func scientific(_ value: Double, float32: Bool, precision: Int?) -> (negative: Bool, first: String, fraction: String, exponent: Int) {
        var d = NumPyFloatText(value, float32: float32)
        if let precision, d.digits.count - 1 > precision {
            d = NumPyFloatText(parsing: cFormat("%.\(precision)e", value))
        }
        if d.digits.isEmpty { return (d.negative, "0", "", 0) }
        return (d.negative, text(d.digits[0..<1]), text(d.digits[1...]), d.exponent)
    }

    /// The exponent as NumPy writes it: a sign and at least `width` digits.
    static func exponentText(_ e: Int, width: Int) -> String {
        let body = String(Swift.abs(e))
        return (e < 0 ? "-" : "+") + String(repeating: "0", count: Swift.max(0, width - body.count)) + body
    }

    /// `str()` of a NumPy float scalar: positional from 1e-4 up to 1e16 (1e6 for float32),
    /// scientific outside.
    static func scalarString(_ value: Double, float32: Bool) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        let d = NumPyFloatText(value, float32: float32)
        let sign = d.negative ? "-" : ""
        let magnitude = Swift.abs(value)
        if d.digits.isEmpty || (magnitude >= 1e-4 && magnitude < (float32 ? 1e6 : 1e16)) {
            let p = positional(value, float32: float32, precision: nil)
            return sign + p.integer + "." + (p.fraction.isEmpty ? "0" : p.fraction)
        }
        let s = scientific(value, float32: float32, precision: nil)
        return sign + s.first + (s.fraction.isEmpty ? "" : "." + s.fraction) + "e" + exponentText(s.exponent, width: 2)
    }
}
