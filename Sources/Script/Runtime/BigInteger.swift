/// An arbitrary-precision integer for Python's `int` past 64 bits: a sign and a magnitude in
/// 32-bit limbs, least significant first, with no trailing zero limbs (zero has none).
///
/// Written here rather than taken from a package: the one available pulls Foundation into
/// the kernel, and Python's rules (floor division, two's-complement bitwise operators,
/// CPython's hash) need their own layer anyway. Ints that fit 64 bits never come here.
package struct BigInteger: Equatable, Sendable {
    package private(set) var negative: Bool
    package private(set) var limbs: [UInt32]

    package init(_ value: Int) {
        negative = value < 0
        var magnitude = value.magnitude
        limbs = []
        while magnitude > 0 {
            limbs.append(UInt32(truncatingIfNeeded: magnitude))
            magnitude >>= 32
        }
    }

    init(negative: Bool, limbs: [UInt32]) {
        var limbs = limbs
        while limbs.last == 0 { limbs.removeLast() }
        self.limbs = limbs
        self.negative = negative && !limbs.isEmpty
    }

    /// The exact integer part of a finite double.
    package init?(exactly double: Double) {
        guard double.isFinite, double == double.rounded(.towardZero) else { return nil }
        let magnitude = double.magnitude
        if magnitude < 9.0e18 {
            self.init(Int(double))
            return
        }
        // A double is significand x 2^exponent; shift the 53-bit significand into place.
        let significand = BigInteger(Int(magnitude.significandBitPattern | (1 << 52)))
        let shift = Int(magnitude.exponent) - 52
        let shifted = shift >= 0 ? significand.shiftedLeft(shift) : significand.shiftedRight(-shift)
        self.init(negative: double < 0, limbs: shifted.limbs)
    }

    var isZero: Bool { limbs.isEmpty }

    /// The value as an `Int` when it fits.
    package var intValue: Int? {
        guard limbs.count <= 2 else { return nil }
        var magnitude: UInt64 = 0
        for (i, limb) in limbs.enumerated() { magnitude |= UInt64(limb) << (32 * i) }
        if negative {
            if magnitude <= UInt64(Int.max) + 1 { return Int(truncatingIfNeeded: 0 &- magnitude) }
            return nil
        }
        return magnitude <= UInt64(Int.max) ? Int(magnitude) : nil
    }

    /// The nearest double, ties to even (infinity when too large, as Python then raises
    /// OverflowError).
    package var doubleValue: Double { roundedDouble }

    package var bitWidth: Int {
        guard let top = limbs.last else { return 0 }
        return (limbs.count - 1) * 32 + (32 - top.leadingZeroBitCount)
    }

    // MARK: Arithmetic

    package static prefix func - (value: BigInteger) -> BigInteger {
        BigInteger(negative: !value.negative, limbs: value.limbs)
    }

    package var magnitude: BigInteger { BigInteger(negative: false, limbs: limbs) }

    package static func + (a: BigInteger, b: BigInteger) -> BigInteger {
        if a.negative == b.negative { return BigInteger(negative: a.negative, limbs: addMagnitudes(a.limbs, b.limbs)) }
        switch compareMagnitudes(a.limbs, b.limbs) {
        case 0: return BigInteger(0)
        case 1: return BigInteger(negative: a.negative, limbs: subtractMagnitudes(a.limbs, b.limbs))
        default: return BigInteger(negative: b.negative, limbs: subtractMagnitudes(b.limbs, a.limbs))
        }
    }

    package static func - (a: BigInteger, b: BigInteger) -> BigInteger { a + -b }

    /// `result += value << (32 * offset)`; `result` is long enough for the sum.
    static func accumulate(_ result: inout [UInt32], _ value: [UInt32], at offset: Int) {
        let value = trimmed(value[...])
        var carry: UInt64 = 0
        var i = 0
        while i < value.count || carry != 0 {
            let t = UInt64(result[offset + i]) + (i < value.count ? UInt64(value[value.startIndex + i]) : 0) + carry
            result[offset + i] = UInt32(truncatingIfNeeded: t)
            carry = t >> 32
            i += 1
        }
    }

    static func trimmed(_ limbs: ArraySlice<UInt32>) -> ArraySlice<UInt32> {
        var end = limbs.endIndex
        while end > limbs.startIndex, limbs[end - 1] == 0 { end -= 1 }
        return limbs[limbs.startIndex..<end]
    }

    package static func < (a: BigInteger, b: BigInteger) -> Bool { compare(a, b) < 0 }

    /// -1, 0 or 1.
    package static func compare(_ a: BigInteger, _ b: BigInteger) -> Int {
        if a.negative != b.negative { return a.negative ? -1 : 1 }
        let order = compareMagnitudes(a.limbs, b.limbs)
        return a.negative ? -order : order
    }

    package func shiftedLeft(_ bits: Int) -> BigInteger {
        guard !isZero, bits > 0 else { return self }
        let whole = bits / 32, part = bits % 32
        var result = [UInt32](repeating: 0, count: whole)
        result.reserveCapacity(whole + limbs.count + 1)
        var carry: UInt32 = 0
        for limb in limbs {
            result.append(part == 0 ? limb : (limb << part) | carry)
            carry = part == 0 ? 0 : limb >> (32 - part)
        }
        if carry != 0 { result.append(carry) }
        return BigInteger(negative: negative, limbs: result)
    }

    /// Shifts right rounding toward negative infinity (Python's `>>`).
    func shiftedRight(_ bits: Int) -> BigInteger {
        guard bits > 0 else { return self }
        if negative {
            // -((|n| - 1) >> k) - 1 rounds toward negative infinity.
            return -((magnitude - BigInteger(1)).shiftedRight(bits)) - BigInteger(1)
        }
        let whole = bits / 32, part = bits % 32
        guard whole < limbs.count else { return BigInteger(0) }
        var result: [UInt32] = []
        for i in whole..<limbs.count {
            let low = limbs[i] >> part
            let high: UInt32 = part > 0 && i + 1 < limbs.count ? limbs[i + 1] << (32 - part) : 0
            result.append(low | high)
        }
        return BigInteger(negative: false, limbs: result)
    }

    /// `&`, `|` and `^` on two's-complement representations, as Python defines them.
    static func bitwise(_ a: BigInteger, _ b: BigInteger, _ op: (UInt32, UInt32) -> UInt32) -> BigInteger {
        let count = max(a.limbs.count, b.limbs.count) + 1
        let x = a.twosComplement(count), y = b.twosComplement(count)
        let result = zip(x, y).map(op)
        let isNegative = (result.last ?? 0) & 0x8000_0000 != 0
        guard isNegative else { return BigInteger(negative: false, limbs: result) }
        // Back from two's complement: negate the bits and add one.
        var magnitude = result.map { ~$0 }
        for i in magnitude.indices {
            let (sum, overflow) = magnitude[i].addingReportingOverflow(1)
            magnitude[i] = sum
            if !overflow { break }
        }
        return BigInteger(negative: true, limbs: magnitude)
    }

    private func twosComplement(_ count: Int) -> [UInt32] {
        var result = limbs + [UInt32](repeating: 0, count: count - limbs.count)
        guard negative else { return result }
        for i in result.indices { result[i] = ~result[i] }
        for i in result.indices {
            let (sum, overflow) = result[i].addingReportingOverflow(1)
            result[i] = sum
            if !overflow { break }
        }
        return result
    }

    /// CPython's hash of an int: the value modulo 2**61 - 1, keeping the sign (-1 becomes -2).
    var pythonHash: Int {
        let modulus: UInt64 = (1 << 61) - 1
        var h: UInt64 = 0
        for limb in limbs.reversed() {
            h = UInt64((UInt128(h) << 32 | UInt128(limb)) % UInt128(modulus))
        }
        let value = negative ? -Int(h) : Int(h)
        return value == -1 ? -2 : value
    }

    // MARK: Magnitudes

    static func multiplyAdd(_ limbs: inout [UInt32], _ factor: UInt32, _ addend: UInt32) {
        var carry = UInt64(addend)
        for i in limbs.indices {
            let t = UInt64(limbs[i]) * UInt64(factor) + carry
            limbs[i] = UInt32(truncatingIfNeeded: t)
            carry = t >> 32
        }
        if carry != 0 { limbs.append(UInt32(carry)) }
    }

    /// Divides in place by a one-limb divisor; returns the remainder.
    static func divide(_ limbs: inout [UInt32], by divisor: UInt32) -> UInt32 {
        var remainder: UInt64 = 0
        for i in limbs.indices.reversed() {
            let t = remainder << 32 | UInt64(limbs[i])
            limbs[i] = UInt32(t / UInt64(divisor))
            remainder = t % UInt64(divisor)
        }
        while limbs.last == 0 { limbs.removeLast() }
        return UInt32(remainder)
    }

    static func compareMagnitudes(_ a: [UInt32], _ b: [UInt32]) -> Int {
        if a.count != b.count { return a.count < b.count ? -1 : 1 }
        for i in a.indices.reversed() where a[i] != b[i] { return a[i] < b[i] ? -1 : 1 }
        return 0
    }

    static func addMagnitudes(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        var result: [UInt32] = []
        result.reserveCapacity(max(a.count, b.count) + 1)
        var carry: UInt64 = 0
        for i in 0..<max(a.count, b.count) {
            let t = UInt64(i < a.count ? a[i] : 0) + UInt64(i < b.count ? b[i] : 0) + carry
            result.append(UInt32(truncatingIfNeeded: t))
            carry = t >> 32
        }
        if carry != 0 { result.append(UInt32(carry)) }
        return result
    }

    /// `a - b` for `a >= b`.
    static func subtractMagnitudes(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        var result = a
        var borrow: Int64 = 0
        for i in result.indices {
            var t = Int64(result[i]) - Int64(i < b.count ? b[i] : 0) - borrow
            borrow = t < 0 ? 1 : 0
            if t < 0 { t += 1 << 32 }
            result[i] = UInt32(t)
        }
        return result
    }
}
