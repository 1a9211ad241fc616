/// The MT19937 engine that both PyTorch's CPU generator and CPython's `random` use.
///
/// The position is kept as PyTorch keeps it (`left`, `next`), so a PyTorch state vector
/// round-trips exactly; CPython's single index is derived from it.
public struct MersenneTwister: Sendable {
    static let n = 624
    static let m = 397
    /// The 624 state words.
    public internal(set) var words: [UInt32]
    /// Outputs left before the next twist, plus one (PyTorch's `left_`; 1 means "twist next").
    public internal(set) var left: Int
    /// Index of the next word to temper (PyTorch's `next_`).
    public internal(set) var next: Int

    /// Seeds from one 32-bit value (Matsumoto and Nishimura's `init_genrand`, PyTorch's seeding).
    public init(seed: UInt32) {
        var words = [UInt32](repeating: 0, count: Self.n)
        words[0] = seed
        for j in 1..<Self.n {
            words[j] = 1_812_433_253 &* (words[j - 1] ^ (words[j - 1] >> 30)) &+ UInt32(j)
        }
        self.words = words
        left = 1
        next = 0
    }

    /// Seeds from a key (`init_by_array`, CPython's seeding of ints and strings).
    public init(key: [UInt32]) {
        self.init(seed: 19_650_218)
        var i = 1, j = 0
        let keyCount = Swift.max(key.count, 1)
        for _ in 0..<Swift.max(Self.n, key.count) {
            let previous = words[i - 1] ^ (words[i - 1] >> 30)
            words[i] = (words[i] ^ (previous &* 1_664_525)) &+ (key.isEmpty ? 0 : key[j]) &+ UInt32(truncatingIfNeeded: j)
            i += 1
            j += 1
            if i >= Self.n { words[0] = words[Self.n - 1]; i = 1 }
            if j >= keyCount { j = 0 }
        }
        for _ in 0..<(Self.n - 1) {
            let previous = words[i - 1] ^ (words[i - 1] >> 30)
            words[i] = (words[i] ^ (previous &* 1_566_083_941)) &- UInt32(i)
            i += 1
            if i >= Self.n { words[0] = words[Self.n - 1]; i = 1 }
        }
        words[0] = 0x8000_0000
    }

    /// Restores a position given as PyTorch stores it; nil when it is not a valid state.
    public init?(words: [UInt32], left: Int, next: Int) {
        guard words.count == Self.n, left > 0, left <= Self.n, next >= 0, next <= Self.n else { return nil }
        self.words = words
        self.left = left
        self.next = next
    }

    /// CPython's index into the state (624: twist before the next output).
    public var pythonIndex: Int { left == 1 ? Self.n : next }

    /// Restores a position given as CPython's index; nil when out of range.
    public init?(words: [UInt32], pythonIndex: Int) {
        guard words.count == Self.n, pythonIndex >= 0, pythonIndex <= Self.n else { return nil }
        self.words = words
        next = pythonIndex
        left = pythonIndex == Self.n ? 1 : Self.n + 1 - pythonIndex
    }

    /// The next tempered 32-bit output.
    @inline(__always)
    public mutating func nextUInt32() -> UInt32 {
        left -= 1
        if left == 0 { twist() }
        var y = words[next]
        next += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C_5680
        y ^= (y << 15) & 0xEFC6_0000
        y ^= y >> 18
        return y
    }

    /// Fills `out` with consecutive outputs, twisting in whole blocks (the bulk path of
    /// `rand` and `randn`).
    mutating func fill(_ out: UnsafeMutableBufferPointer<UInt32>) {
        var written = 0
        words.withUnsafeMutableBufferPointer { state in
            while written < out.count {
                left -= 1
                if left == 0 { Self.twist(state); left = Self.n; next = 0 }
                // Outputs available in this block before the next twist: left - 1 more after this one.
                let run = Swift.min(out.count - written, left)
                for k in 0..<run {
                    var y = state[next + k]
                    y ^= y >> 11
                    y ^= (y << 7) & 0x9D2C_5680
                    y ^= (y << 15) & 0xEFC6_0000
                    y ^= y >> 18
                    out[written + k] = y
                }
                next += run
                left -= run - 1
                written += run
            }
        }
    }

    private mutating func twist() {
        words.withUnsafeMutableBufferPointer { Self.twist($0) }
        left = Self.n
        next = 0
    }

    private static func twist(_ s: UnsafeMutableBufferPointer<UInt32>) {
        @inline(__always) func mix(_ u: UInt32, _ v: UInt32) -> UInt32 {
            let y = (u & 0x8000_0000) | (v & 0x7FFF_FFFF)
            return (y >> 1) ^ ((v & 1) == 0 ? 0 : 0x9908_B0DF)
        }
        for k in 0..<(n - m) { s[k] = s[k + m] ^ mix(s[k], s[k + 1]) }
        for k in (n - m)..<(n - 1) { s[k] = s[k + m - n] ^ mix(s[k], s[k + 1]) }
        s[n - 1] = s[m - 1] ^ mix(s[n - 1], s[0])
    }
}
