import Glibc

/// printf-style formatting of one Double (the standard library has no `%.4e`).
enum NumberFormat {
    static func c(_ format: String, _ value: Double) -> String {
        var buffer = [CChar](repeating: 0, count: 64)
        let written = buffer.withUnsafeMutableBufferPointer { p in
            withVaList([value]) { vsnprintf(p.baseAddress, p.count, format, $0) }
        }
        let length = max(0, min(Int(written), 63))
        return String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Python's `f"{value}"` for a float: shortest round-trip digits, `1e-05` style exponents.
    static func python(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        let text = "\(value)"
        guard let e = text.firstIndex(of: "e") else { return text }
        var mantissa = String(text[..<e])
        if mantissa.hasSuffix(".0") { mantissa.removeLast(2) }
        var exponent = String(text[text.index(after: e)...])
        let sign = exponent.hasPrefix("-") ? "-" : "+"
        if exponent.hasPrefix("-") || exponent.hasPrefix("+") { exponent.removeFirst() }
        if exponent.count < 2 { exponent = "0" + exponent }
        return mantissa + "e" + sign + exponent
    }
}
