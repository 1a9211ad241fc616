/// Exact fixed-point text of a double (`%.4f`) without the C library: the value's binary
/// significand times 10^precision, shifted by its binary exponent in 128-bit integer
/// arithmetic and rounded half to even, which is the correctly rounded result CPython and
/// glibc both print. Values or precisions outside the 128-bit range return nil and go to
/// the C library.
package enum FixedPointText {
    /// The largest precision handled here (10^19 still fits 64 bits).
    package static let maxPrecision = 19

    /// `value` with `precision` digits after the point, or nil when this path cannot say.
    package static func format(_ value: Double, precision: Int, alternate: Bool) -> String? {
        guard value.isFinite, precision >= 0, precision <= maxPrecision else { return nil }
        let magnitude = value.magnitude
        // magnitude = significand * 2^exponent, significand an integer below 2^53.
        var significand: UInt64
        var exponent: Int
        if magnitude.isSubnormal || magnitude == 0 {
            significand = magnitude.significandBitPattern
            exponent = Double.leastNormalMagnitude.exponent - Double.significandBitCount
        } else {
            significand = magnitude.significandBitPattern | (1 << UInt64(Double.significandBitCount))
            exponent = Int(magnitude.exponent) - Double.significandBitCount
        }
        var power: UInt64 = 1
        for _ in 0..<precision { power *= 10 }
        // Below 2^53 * 10^19 < 2^117.
        let scaled = UInt128(significand) * UInt128(power)
        var units: UInt128
        if exponent >= 0 {
            guard exponent <= 10 else { return nil }
            units = scaled << UInt128(exponent)
        } else {
            let shift = -exponent
            if shift >= 118 {
                // scaled / 2^shift < 1/2: rounds to zero.
                units = 0
            } else {
                units = scaled >> UInt128(shift)
                let remainder = scaled & ((1 << UInt128(shift)) - 1)
                let half = UInt128(1) << UInt128(shift - 1)
                if remainder > half || (remainder == half && units & 1 == 1) { units += 1 }
            }
        }
        let whole = units / UInt128(power)
        let fraction = units % UInt128(power)
        var text = value.sign == .minus ? "-" : ""
        text += String(whole)
        if precision > 0 {
            text += "."
            let digits = String(fraction)
            if digits.utf8.count < precision {
                text += String(repeating: "0", count: precision - digits.utf8.count)
            }
            text += digits
        } else if alternate {
            text += "."
        }
        return text
    }
}
