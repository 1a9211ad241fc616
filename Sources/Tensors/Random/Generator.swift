import Glibc

/// PyTorch's CPU generator (`torch.Generator`): the MT19937 engine, the seed it was made
/// from and the cached second Box-Muller sample, so the same seed gives PyTorch's numbers.
public final class Generator {
    var engine: MersenneTwister
    /// The seed last given (`initial_seed()`).
    public internal(set) var initialSeed: UInt64
    /// The second value of the last double-precision Box-Muller pair, returned next.
    var nextDoubleNormal: Double?
    /// The float counterpart, kept only so a state vector round-trips.
    var nextFloatNormal: Float?

    /// Creates a generator seeded with `seed` (`torch.Generator().manual_seed(seed)`).
    public init(seed: UInt64 = 67_280_421_310_721) {
        engine = MersenneTwister(seed: UInt32(truncatingIfNeeded: seed))
        initialSeed = seed
    }

    /// Reseeds (`manual_seed`): only the low 32 bits reach the engine, as in PyTorch.
    public func manualSeed(_ seed: UInt64) {
        engine = MersenneTwister(seed: UInt32(truncatingIfNeeded: seed))
        initialSeed = seed
        nextDoubleNormal = nil
        nextFloatNormal = nil
    }

    /// Reseeds from the system's entropy and returns the seed (`torch.seed()`).
    public func seedNondeterministically() -> UInt64 {
        var system = SystemRandomNumberGenerator()
        let seed = system.next()
        manualSeed(seed)
        return seed
    }

    /// The next 32 random bits (`CPUGeneratorImpl::random`).
    @inline(__always)
    public func random() -> UInt32 { engine.nextUInt32() }

    /// The next 64 random bits, the first draw high (`CPUGeneratorImpl::random64`).
    @inline(__always)
    public func random64() -> UInt64 {
        let high = UInt64(engine.nextUInt32())
        return high << 32 | UInt64(engine.nextUInt32())
    }

    /// A float in [0, 1) from 24 random bits (`uniform_real_distribution<float>`).
    @inline(__always)
    func uniformFloat() -> Float {
        Float(random() & 0xFF_FFFF) * 0x1p-24
    }

    /// A double in [0, 1) from 53 random bits (`uniform_real_distribution<double>`).
    @inline(__always)
    func uniformDouble() -> Double {
        Double(random64() & 0x1F_FFFF_FFFF_FFFF) * 0x1p-53
    }

    /// A standard normal double, Box-Muller with the second value cached
    /// (`normal_distribution<double>`).
    func normalDouble() -> Double {
        if let cached = nextDoubleNormal {
            nextDoubleNormal = nil
            return cached
        }
        let u1 = uniformDouble()
        let u2 = uniformDouble()
        let radius = (-2.0 * log1p(-u2)).squareRoot()
        let theta = 2.0 * Double.pi * u1
        nextDoubleNormal = radius * sin(theta)
        return radius * cos(theta)
    }
}
