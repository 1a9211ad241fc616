import Glibc

/// A seeded pseudo-random generator (xoshiro256**); the caller owns it, as `torch.Generator`.
///
/// The same seed gives the same numbers on every run and machine. The streams differ from
/// PyTorch's, but the distributions (uniform, standard normal) are the same.
public final class Generator {
    private var state: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    private var spareNormal: Double?
    /// The seed last passed to `manualSeed` (or the initial one).
    public private(set) var initialSeed: UInt64 = 0

    /// Creates a generator seeded with `seed`.
    public init(seed: UInt64 = 0) {
        manualSeed(seed)
    }

    /// Reseeds the generator (`torch.manual_seed(n)`).
    public func manualSeed(_ seed: UInt64) {
        initialSeed = seed
        var s = seed
        func splitmix() -> UInt64 {
            s &+= 0x9E37_79B9_7F4A_7C15
            var z = s
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        state = (splitmix(), splitmix(), splitmix(), splitmix())
        spareNormal = nil
    }

    /// The next 64 random bits.
    public func next() -> UInt64 {
        let result = ((state.1 &* 5) << 7 | (state.1 &* 5) >> 57) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = state.3 << 45 | state.3 >> 19
        return result
    }

    /// A uniform double in [0, 1).
    public func nextUniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A standard normal double (Box-Muller, both values used).
    public func nextNormal() -> Double {
        if let spare = spareNormal {
            spareNormal = nil
            return spare
        }
        var u1 = nextUniform()
        while u1 <= .leastNormalMagnitude { u1 = nextUniform() }
        let u2 = nextUniform()
        let radius = (-2 * log(u1)).squareRoot()
        let angle = 2 * Double.pi * u2
        spareNormal = radius * sin(angle)
        return radius * cos(angle)
    }

    /// A uniform integer in `0..<upperBound` (upperBound > 0).
    public func nextInt(below upperBound: Int) -> Int {
        Int(next() % UInt64(max(upperBound, 1)))
    }

    /// `count` floats uniform in [low, high).
    func uniformFloats(_ count: Int, low: Float, high: Float) -> [Float] {
        makeFloats(count) { out in
            for i in 0..<count { out[i] = low + (high - low) * Float(nextUniform()) }
        }
    }

    /// `count` standard normal floats scaled by `std` around `mean`.
    func normalFloats(_ count: Int, mean: Float = 0, std: Float = 1) -> [Float] {
        makeFloats(count) { out in
            for i in 0..<count { out[i] = mean + std * Float(nextNormal()) }
        }
    }
}
