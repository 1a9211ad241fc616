import Glibc

extension BigInteger {
    /// The magnitude's top 64 bits, with the lowest set when any bit below them is set (a
    /// sticky bit: converting it to a double then rounds half-even exactly as the whole
    /// number would), and how far they were shifted down.
    private var topBitsWithSticky: (bits: UInt64, shift: Int) {
        let width = bitWidth
        guard width > 64 else {
            var value: UInt64 = 0
            for limb in limbs.reversed() { value = value << 32 | UInt64(limb) }
            return (value, 0)
        }
        let shift = width - 64
        let top = magnitude.shiftedRight(shift)
        var value: UInt64 = 0
        for limb in top.limbs.reversed() { value = value << 32 | UInt64(limb) }
        let whole = shift / 32, part = shift % 32
        var sticky = limbs[..<whole].contains { $0 != 0 }
        if part > 0 && limbs[whole] & ((1 << UInt32(part)) - 1) != 0 { sticky = true }
        return (sticky ? value | 1 : value, shift)
    }

    /// The double nearest this integer, ties to even, as CPython's `float(n)` (infinity when
    /// it is too large: callers raise OverflowError).
    var roundedDouble: Double {
        let (bits, shift) = topBitsWithSticky
        let result = scalbn(Double(bits), Int32(clamping: shift))
        return negative ? -result : result
    }

    /// `a / b` correctly rounded, as CPython's true division of ints; nil when `b` is zero.
    /// The quotient is computed to at least 55 significant bits with a sticky bit for the
    /// remainder, so its one rounding to a double is exact.
    static func trueQuotient(_ a: BigInteger, _ b: BigInteger) -> Double? {
        guard !b.isZero else { return nil }
        if a.isZero { return a.negative != b.negative ? -0.0 : 0.0 }
        let scale = 55 - (a.bitWidth - b.bitWidth)
        let numerator = scale > 0 ? a.magnitude.shiftedLeft(scale) : a.magnitude
        let denominator = scale < 0 ? b.magnitude.shiftedLeft(-scale) : b.magnitude
        guard let (quotient, remainder) = numerator.floorDivided(by: denominator) else { return nil }
        var (bits, shift) = quotient.topBitsWithSticky
        if !remainder.isZero { bits |= 1 }
        let result = scalbn(Double(bits), Int32(clamping: shift - scale))
        return a.negative != b.negative ? -result : result
    }
}
