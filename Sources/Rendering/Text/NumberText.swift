import Glibc

/// printf-style conversion of one double, correctly rounded as CPython's: fixed-point
/// conversions of ordinary values are computed exactly here, the rest by the C library.
package func formatDouble(_ value: Double, _ conversion: Character, precision: Int, alternate: Bool = false) -> String {
    if conversion == "f" || conversion == "F",
       let text = FixedPointText.format(value, precision: precision, alternate: alternate) {
        return text
    }
    return formatDoubleWithC(value, conversion, precision: precision, alternate: alternate)
}

/// printf-style conversion of one double by the C library.
package func formatDoubleWithC(_ value: Double, _ conversion: Character, precision: Int, alternate: Bool = false) -> String {
    let spec = "%" + (alternate ? "#" : "") + "." + String(precision) + String(conversion)
    // One formatting call into a buffer that fits every usual precision; a second only
    // when the text is longer (`%.500f`).
    var buffer = [CChar](repeating: 0, count: 128)
    var needed = withVaList([value]) { vsnprintf(&buffer, buffer.count, spec, $0) }
    guard needed >= 0 else { return "" }
    if Int(needed) >= buffer.count {
        buffer = [CChar](repeating: 0, count: Int(needed) + 1)
        needed = withVaList([value]) { vsnprintf(&buffer, buffer.count, spec, $0) }
        guard needed >= 0 else { return "" }
    }
    let text = String(decoding: buffer.prefix(Int(needed)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    guard alternate, conversion == "g" || conversion == "G" else { return text }
    return keepingSignificantZeros(text, precision: max(precision, 1))
}

/// `%#.Pg` keeps P significant digits. glibc drops the zeros when rounding moves the value
/// to the next power of ten in exponent form (`%#.3g` of 999.9 is `1.e+03`); CPython writes
/// `1.00e+03`.
private func keepingSignificantZeros(_ text: String, precision: Int) -> String {
    guard let exponent = text.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return text }
    let mantissa = text[..<exponent]
    let digits = mantissa.filter(\.isNumber).count
    guard digits < precision else { return text }
    return mantissa + String(repeating: "0", count: precision - digits) + text[exponent...]
}
