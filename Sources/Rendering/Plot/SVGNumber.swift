/// Numbers for SVG attributes: two decimals at most, no exponent, no trailing zeros, so
/// coordinates stay short and every value parses.
package enum SVGNumber {
    package static func format(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let clamped = min(1e9, max(-1e9, value))
        let hundredths = Int((clamped * 100).rounded())
        let negative = hundredths < 0
        let magnitude = hundredths.magnitude
        let whole = magnitude / 100
        let fraction = magnitude % 100
        var text = (negative ? "-" : "") + String(whole)
        if fraction != 0 {
            text += fraction % 10 == 0 ? "." + String(fraction / 10) : (fraction < 10 ? ".0" : ".") + String(fraction)
        }
        return text == "-0" ? "0" : text
    }
}
