extension BigInteger {
    package static func * (a: BigInteger, b: BigInteger) -> BigInteger {
        var meter = WorkMeter.uninterruptible
        return product(a, b, &meter)
    }

    /// `a * b`, raising KeyboardInterrupt when the user interrupts a product of millions of bits.
    static func interruptibleProduct(_ a: BigInteger, _ b: BigInteger) throws(ScriptError) -> BigInteger {
        var meter = WorkMeter.interruptible
        return try product(a, b, &meter)
    }

    static func product<Failure>(
        _ a: BigInteger, _ b: BigInteger, _ meter: inout WorkMeter<Failure>
    ) throws(Failure) -> BigInteger {
        guard !a.isZero, !b.isZero else { return BigInteger(0) }
        let limbs = try multiplyMagnitudes(a.limbs[...], b.limbs[...], &meter)
        return BigInteger(negative: a.negative != b.negative, limbs: limbs)
    }

    /// Below this many limbs in the shorter operand, the schoolbook product is faster.
    private static let karatsubaThreshold = 48

    /// The product of two magnitudes: Karatsuba's three half-size products for large operands
    /// (as CPython does; `10 ** 10 ** 7` squares million-limb numbers), schoolbook below.
    static func multiplyMagnitudes<Failure>(
        _ a: ArraySlice<UInt32>, _ b: ArraySlice<UInt32>, _ meter: inout WorkMeter<Failure>
    ) throws(Failure) -> [UInt32] {
        let a = trimmed(a), b = trimmed(b)
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        if short.isEmpty { return [] }
        if short.count < karatsubaThreshold { return try schoolbook(short, long, &meter) }
        var result = [UInt32](repeating: 0, count: a.count + b.count + 1)
        if 2 * short.count <= long.count {
            // Karatsuba's halves would leave one half of the short operand empty and do a third
            // more work than products of the short operand by pieces of its own size.
            var start = long.startIndex
            while start < long.endIndex {
                let end = Swift.min(start + short.count, long.endIndex)
                let piece = try multiplyMagnitudes(short, long[start..<end], &meter)
                accumulate(&result, piece, at: start - long.startIndex)
                start = end
            }
            return Array(trimmed(result[...]))
        }
        let half = long.count / 2
        let (a0, a1) = (a.prefix(half), a.dropFirst(half))
        let (b0, b1) = (b.prefix(half), b.dropFirst(half))
        let low = try multiplyMagnitudes(a0, b0, &meter)
        let high = try multiplyMagnitudes(a1, b1, &meter)
        let sumA = addMagnitudes(Array(a0), Array(a1)), sumB = addMagnitudes(Array(b0), Array(b1))
        var middle = try multiplyMagnitudes(sumA[...], sumB[...], &meter)
        middle = subtractMagnitudes(subtractMagnitudes(middle, low), high)
        accumulate(&result, low, at: 0)
        accumulate(&result, middle, at: half)
        accumulate(&result, high, at: 2 * half)
        return Array(trimmed(result[...]))
    }

    private static func schoolbook<Failure>(
        _ short: ArraySlice<UInt32>, _ long: ArraySlice<UInt32>, _ meter: inout WorkMeter<Failure>
    ) throws(Failure) -> [UInt32] {
        var result = [UInt32](repeating: 0, count: short.count + long.count)
        for (i, x) in short.enumerated() {
            let carry = result.withUnsafeMutableBufferPointer { row in
                long.withUnsafeBufferPointer { long in
                    var carry: UInt64 = 0
                    for (j, y) in long.enumerated() {
                        let t = UInt64(x) * UInt64(y) + UInt64(row[i + j]) + carry
                        row[i + j] = UInt32(truncatingIfNeeded: t)
                        carry = t >> 32
                    }
                    return carry
                }
            }
            result[i + long.count] = UInt32(carry)
            try meter.add(long.count)
        }
        return result
    }
}
