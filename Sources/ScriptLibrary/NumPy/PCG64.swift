import Script
/// NumPy's default bit generator: PCG64 (a 128-bit LCG with the XSL-RR output permutation),
/// with the half-word buffer NumPy keeps so that two 32-bit draws share one 64-bit output.
package struct PCG64 {
    static let multiplier: UInt128 = (2_549_297_995_355_413_924 << 64) | 4_865_540_595_714_422_341

    package var state: UInt128
    /// The LCG's increment (always odd when seeded; a state set by hand may say otherwise).
    var increment: UInt128
    /// `has_uint32`: whether `bufferedHalf` is the next 32-bit draw.
    var hasBufferedHalf = false
    /// `uinteger`: the upper half of the last 64-bit output split by `next32` (kept after use,
    /// as NumPy's state dict shows it).
    var bufferedHalf: UInt32 = 0

    /// A generator in the state NumPy reports (`bit_generator.state`).
    init(state: UInt128, increment: UInt128) {
        self.state = state
        self.increment = increment
    }

    /// Seeded as `PCG64(seed)`: four 64-bit words from the seed sequence, the first two the
    /// initial state and the last two the stream (`pcg_setseq_128_srandom_r`).
    init(seedWords w: [UInt64]) {
        let initial = UInt128(w.count > 1 ? w[0] : 0) << 64 | UInt128(w.count > 1 ? w[1] : 0)
        let sequence = UInt128(w.count > 3 ? w[2] : 0) << 64 | UInt128(w.count > 3 ? w[3] : 0)
        self.init(state: 0, increment: sequence << 1 | 1)
        step()
        state &+= initial
        step()
    }

    @inline(__always)
    package mutating func step() {
        state = state &* PCG64.multiplier &+ increment
    }

    /// The next 64-bit output.
    @inline(__always)
    mutating func next64() -> UInt64 {
        step()
        let high = UInt64(truncatingIfNeeded: state >> 64)
        let value = high ^ UInt64(truncatingIfNeeded: state)
        let rotation = high >> 58
        return value >> rotation | value << ((64 &- rotation) & 63)
    }

    /// The next 32-bit output: the low half of a fresh 64-bit output, then its high half.
    @inline(__always)
    mutating func next32() -> UInt32 {
        if hasBufferedHalf {
            hasBufferedHalf = false
            return bufferedHalf
        }
        let next = next64()
        hasBufferedHalf = true
        bufferedHalf = UInt32(truncatingIfNeeded: next >> 32)
        return UInt32(truncatingIfNeeded: next)
    }

    /// `next_double`: 53 bits in [0, 1).
    @inline(__always)
    mutating func nextDouble() -> Double {
        Double(next64() >> 11) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `next_float`: 24 bits of a 32-bit draw in [0, 1).
    @inline(__always)
    mutating func nextFloat() -> Float {
        Float(next32() >> 8) * (1.0 / 16_777_216.0)
    }

    /// `advance(delta)`: the state `delta` steps later (in O(log delta) steps, PCG's jump-ahead);
    /// the buffered half-word is dropped, as NumPy drops it.
    mutating func advance(_ delta: UInt128) {
        var accumulatedMultiplier: UInt128 = 1, accumulatedIncrement: UInt128 = 0
        var multiplier = PCG64.multiplier, increment = self.increment
        var remaining = delta
        while remaining > 0 {
            if remaining & 1 == 1 {
                accumulatedMultiplier &*= multiplier
                accumulatedIncrement = accumulatedIncrement &* multiplier &+ increment
            }
            increment = (multiplier &+ 1) &* increment
            multiplier &*= multiplier
            remaining >>= 1
        }
        state = accumulatedMultiplier &* state &+ accumulatedIncrement
        hasBufferedHalf = false
        bufferedHalf = 0
    }
}
