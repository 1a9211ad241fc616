import Glibc
import Tensors
import Script

/// NumPy's legacy `RandomState`: MT19937 seeded as `init_genrand` (an int seed) draws the
/// same streams as NumPy's `np.random.seed(n)` functions.
package struct LegacyRandom {
    var twister: MersenneTwister
    /// The second normal of the last polar pair (`has_gauss` / `gauss`).
    var savedGauss: Double?

    init(seed: UInt32) {
        twister = MersenneTwister(seed: seed)
    }

    mutating func nextUInt32() -> UInt32 { twister.nextUInt32() }

    mutating func nextUInt64() -> UInt64 {
        let high = UInt64(nextUInt32())
        return high << 32 | UInt64(nextUInt32())
    }

    /// `random_sample`: 53 random bits in [0, 1).
    mutating func nextDouble() -> Double {
        let a = nextUInt32() >> 5, b = nextUInt32() >> 6
        return (Double(a) * 67108864.0 + Double(b)) / 9007199254740992.0
    }

    /// `legacy_gauss`: the Marsaglia polar method, keeping the pair's second value.
    mutating func nextGauss() -> Double {
        if let saved = savedGauss {
            savedGauss = nil
            return saved
        }
        var x1 = 0.0, x2 = 0.0, r2 = 0.0
        repeat {
            x1 = 2 * nextDouble() - 1
            x2 = 2 * nextDouble() - 1
            r2 = x1 * x1 + x2 * x2
        } while r2 >= 1 || r2 == 0
        let f = (-2 * Glibc.log(r2) / r2).squareRoot()
        savedGauss = f * x1
        return f * x2
    }

    /// A uniform integer in [0, range] by masked rejection (`random_bounded_uint64` with
    /// `use_masked`), drawing 32 bits when the range fits them.
    package mutating func bounded(_ range: UInt64) -> UInt64 {
        if range == 0 { return 0 }
        var mask = range
        for shift in [1, 2, 4, 8, 16, 32] as [UInt64] { mask |= mask >> shift }
        if range <= 0xFFFF_FFFF {
            if range == 0xFFFF_FFFF { return UInt64(nextUInt32()) }
            while true {
                let value = UInt64(nextUInt32()) & mask
                if value <= range { return value }
            }
        }
        if range == UInt64.max { return nextUInt64() }
        while true {
            let value = nextUInt64() & mask
            if value <= range { return value }
        }
    }
}
