extension BigInteger {
    /// Floor division and modulo with the divisor's sign (Python's `divmod`); nil for zero.
    package func floorDivided(by divisor: BigInteger) -> (quotient: BigInteger, remainder: BigInteger)? {
        var meter = WorkMeter.uninterruptible
        return floorDivided(by: divisor, &meter)
    }

    /// Python's `divmod`, raising KeyboardInterrupt when the user interrupts a division of
    /// millions of bits; nil for zero.
    func interruptibleFloorDivision(by divisor: BigInteger) throws(ScriptError) -> (quotient: BigInteger, remainder: BigInteger)? {
        var meter = WorkMeter.interruptible
        return try floorDivided(by: divisor, &meter)
    }

    func floorDivided<Failure>(
        by divisor: BigInteger, _ meter: inout WorkMeter<Failure>
    ) throws(Failure) -> (quotient: BigInteger, remainder: BigInteger)? {
        guard !divisor.isZero else { return nil }
        let (q, r) = try BigInteger.divideMagnitudes(limbs, divisor.limbs, &meter)
        var quotient = BigInteger(negative: negative != divisor.negative, limbs: q)
        var remainder = BigInteger(negative: negative, limbs: r)
        if !remainder.isZero && remainder.negative != divisor.negative {
            quotient = quotient - BigInteger(1)
            remainder = remainder + divisor
        }
        return (quotient, remainder)
    }

    /// Below this many limbs in the divisor or in the quotient, long division is faster than
    /// the recursive one.
    private static let recursiveDivisionThreshold = 64

    /// Truncating division of magnitudes.
    private static func divideMagnitudes<Failure>(
        _ a: [UInt32], _ b: [UInt32], _ meter: inout WorkMeter<Failure>
    ) throws(Failure) -> (quotient: [UInt32], remainder: [UInt32]) {
        if compareMagnitudes(a, b) < 0 { return ([], a) }
        guard let top = b.last else { return ([], a) }
        if b.count == 1 {
            var quotient = a
            let remainder = divide(&quotient, by: top)
            return (quotient, remainder == 0 ? [] : [remainder])
        }
        // Both algorithms need the divisor's top bit set: it bounds how far a quotient digit
        // estimated from the leading limbs can be off.
        let shift = top.leadingZeroBitCount
        let u = BigInteger(negative: false, limbs: a).shiftedLeft(shift).limbs
        let v = BigInteger(negative: false, limbs: b).shiftedLeft(shift).limbs
        let (quotient, remainder) = try divideNormalised(u, v, &meter)
        return (quotient, BigInteger(negative: false, limbs: remainder).shiftedRight(shift).limbs)
    }

    /// `u / v` for a divisor of at least two limbs whose top bit is set.
    private static func divideNormalised<Failure>(
        _ u: [UInt32], _ v: [UInt32], _ meter: inout WorkMeter<Failure>
    ) throws(Failure) -> (quotient: [UInt32], remainder: [UInt32]) {
        let u = Array(trimmed(u[...]))
        if compareMagnitudes(u, v) < 0 { return ([], u) }
        if v.count < recursiveDivisionThreshold || u.count - v.count < recursiveDivisionThreshold {
            return try longDivision(u, v, &meter)
        }
        return try recursiveDivision(u, v, &meter)
    }

    /// Knuth's algorithm D (The Art of Computer Programming, vol. 2, 4.3.1): one quotient limb
    /// per step, estimated from the top two limbs of the running remainder and the divisor's
    /// top limb, then corrected at most twice. Quadratic, the fastest below a few dozen limbs.
    private static func longDivision<Failure>(
        _ u: [UInt32], _ v: [UInt32], _ meter: inout WorkMeter<Failure>
    ) throws(Failure) -> (quotient: [UInt32], remainder: [UInt32]) {
        let n = v.count, m = u.count - n
        let base: UInt64 = 1 << 32
        let vTop = UInt64(v[n - 1]), vNext = UInt64(v[n - 2])
        var remainder = u + [0]
        var quotient = [UInt32](repeating: 0, count: m + 1)
        for j in stride(from: m, through: 0, by: -1) {
            let leading = UInt64(remainder[j + n]) << 32 | UInt64(remainder[j + n - 1])
            var estimate = leading / vTop, estimateRemainder = leading % vTop
            // The test on the second limb makes the estimate exact or one too large.
            while estimate >= base || estimate * vNext > (estimateRemainder << 32 | UInt64(remainder[j + n - 2])) {
                estimate -= 1
                estimateRemainder += vTop
                if estimateRemainder >= base { break }
            }
            let tooLarge = remainder.withUnsafeMutableBufferPointer { r in
                v.withUnsafeBufferPointer { v in
                    // remainder[j...j+n] -= estimate * v, with a signed borrow.
                    var borrow: Int64 = 0
                    for i in 0..<n {
                        let product = estimate &* UInt64(v[i])
                        let t = Int64(r[i + j]) &- borrow &- Int64(product & 0xFFFF_FFFF)
                        r[i + j] = UInt32(truncatingIfNeeded: t)
                        borrow = Int64(product >> 32) &- (t >> 32)
                    }
                    let t = Int64(r[j + n]) &- borrow
                    r[j + n] = UInt32(truncatingIfNeeded: t)
                    guard t < 0 else { return false }
                    // One too large: add the divisor back.
                    var carry: UInt64 = 0
                    for i in 0..<n {
                        let s = UInt64(r[i + j]) + UInt64(v[i]) + carry
                        r[i + j] = UInt32(truncatingIfNeeded: s)
                        carry = s >> 32
                    }
                    r[j + n] = r[j + n] &+ UInt32(truncatingIfNeeded: carry)
                    return true
                }
            }
            quotient[j] = UInt32(truncatingIfNeeded: tooLarge ? estimate &- 1 : estimate)
            try meter.add(n)
        }
        return (Array(trimmed(quotient[...])), Array(trimmed(remainder[..<n])))
    }

    /// Divide and conquer (Burnikel and Ziegler's recursive division, in the block form of Go's
    /// `math/big`): the quotient comes in blocks of half the divisor's length, each estimated by
    /// dividing the top of the running remainder by the divisor's top half (recursively) and
    /// corrected with one product by the lower half. With Karatsuba products the whole costs
    /// O(n^1.58 log n) instead of long division's O(n^2).
    private static func recursiveDivision<Failure>(
        _ u: [UInt32], _ v: [UInt32], _ meter: inout WorkMeter<Failure>
    ) throws(Failure) -> (quotient: [UInt32], remainder: [UInt32]) {
        let n = v.count
        let block = n / 2, split = block - 1
        // Dropping the `split` low limbs keeps the top half normalised and at least as long as a
        // block's quotient, so its estimate exceeds the true block quotient by at most two.
        let vHigh = Array(v[split...])
        let vLow = v[..<split]
        let divisor = BigInteger(negative: false, limbs: v)
        var remainder = u
        var quotient = [UInt32](repeating: 0, count: u.count - n + 2)
        var position = u.count - n
        while true {
            let offset = Swift.max(position - block, 0)
            let top = remainder[offset...]
            let topHigh = top.count > split ? Array(top.dropFirst(split)) : []
            let (estimate, estimateRemainder) = try divideNormalised(topHigh, vHigh, &meter)
            // top - estimate * v = estimateRemainder << split + top's low limbs - estimate * vLow
            let lowProduct = try multiplyMagnitudes(estimate[...], vLow, &meter)
            var blockRemainder = BigInteger(negative: false, limbs: [UInt32](repeating: 0, count: split) + estimateRemainder)
                + BigInteger(negative: false, limbs: Array(top.prefix(split)))
                - BigInteger(negative: false, limbs: lowProduct)
            var blockQuotient = BigInteger(negative: false, limbs: estimate)
            while blockRemainder.negative {
                blockQuotient = blockQuotient - BigInteger(1)
                blockRemainder = blockRemainder + divisor
            }
            // Never taken when the estimate bound holds; it keeps the result exact regardless.
            while compareMagnitudes(blockRemainder.limbs, v) >= 0 {
                blockQuotient = blockQuotient + BigInteger(1)
                blockRemainder = blockRemainder - divisor
            }
            accumulate(&quotient, blockQuotient.limbs, at: offset)
            remainder = Array(remainder[..<offset]) + blockRemainder.limbs
            if offset == 0 { break }
            position -= block
        }
        return (Array(trimmed(quotient[...])), Array(trimmed(remainder[...])))
    }
}
