import Glibc
import Tensors

/// CPython's `random.Random` core: the Mersenne Twister seeded as `_randommodule.c` seeds it,
/// `random()` from 53 bits, `getrandbits` and `_randbelow`, and the cached `gauss` value.
package final class PythonRandom {
    package var engine = MersenneTwister(seed: 0)
    var gaussNext: Double?

    /// Seeded from the system's entropy, as `import random` seeds its instance.
    init() { seedFromEntropy() }

    func seedFromEntropy() {
        var system = SystemRandomNumberGenerator()
        engine = MersenneTwister(key: (0..<624).map { _ in UInt32(truncatingIfNeeded: system.next()) })
        gaussNext = nil
    }

    /// `seed(n)` for an int: the 32-bit words of |n|, least significant first.
    package func seed(magnitude: UInt64) {
        let low = UInt32(truncatingIfNeeded: magnitude), high = UInt32(truncatingIfNeeded: magnitude >> 32)
        seed(words: high == 0 ? [low] : [low, high])
    }

    /// Seeds from the key words (`init_by_array`).
    package func seed(words: [UInt32]) {
        engine = MersenneTwister(key: words)
        gaussNext = nil
    }

    /// `seed(s)` for a str or bytes (version 2): the big-endian integer of the bytes followed
    /// by their SHA-512 digest, as words least significant first.
    package func seed(bytes: [UInt8]) {
        let number = Array((bytes + SHA512.digest(bytes)).drop(while: { $0 == 0 }))
        var words: [UInt32] = []
        var index = number.count
        while index > 0 {
            var word: UInt32 = 0
            for b in Swift.max(0, index - 4)..<index { word = word << 8 | UInt32(number[b]) }
            words.append(word)
            index -= 4
        }
        seed(words: words.isEmpty ? [0] : words)
    }

    /// `random()`: 27 + 26 bits as CPython's `genrand_res53`.
    package func random() -> Double {
        let a = engine.nextUInt32() >> 5, b = engine.nextUInt32() >> 6
        return (Double(a) * 67_108_864.0 + Double(b)) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `getrandbits(k)` for 0 <= k <= 64: 32-bit words least significant first, the last
    /// one shifted down to the bits still needed.
    package func bits(_ k: Int) -> UInt64 {
        if k <= 32 { return k == 0 ? 0 : UInt64(engine.nextUInt32() >> UInt32(32 - k)) }
        let low = UInt64(engine.nextUInt32())
        let high = UInt64(engine.nextUInt32() >> UInt32(64 - k))
        return high << 32 | low
    }

    /// `_randbelow(n)` for n > 0: rejection sampling on n.bit_length() bits.
    package func below(_ n: UInt64) -> UInt64 {
        let k = 64 - n.leadingZeroBitCount
        var r = bits(k)
        while r >= n { r = bits(k) }
        return r
    }

    /// `gauss(mu, sigma)`: Box-Muller with the second value kept for the next call.
    package func gauss(mu: Double, sigma: Double) -> Double {
        var z = gaussNext
        gaussNext = nil
        if z == nil {
            let x2pi = random() * (2 * Double.pi)
            let g2rad = (-2.0 * Glibc.log(1.0 - random())).squareRoot()
            z = Glibc.cos(x2pi) * g2rad
            gaussNext = Glibc.sin(x2pi) * g2rad
        }
        return mu + (z ?? 0) * sigma
    }

    /// `normalvariate(mu, sigma)`: Kinderman and Monahan's ratio method.
    func normalVariate(mu: Double, sigma: Double) -> Double {
        let magic = 4 * Glibc.exp(-0.5) / 2.0.squareRoot()
        while true {
            let u1 = random()
            let u2 = 1.0 - random()
            let z = magic * (u1 - 0.5) / u2
            if z * z / 4.0 <= -Glibc.log(u2) { return mu + z * sigma }
        }
    }

    /// Python's `hash(float)`, which `seed` uses for float seeds.
    package static func hash(_ value: Double) -> Int64 {
        Int64(HashKey.pythonHash(double: value))
    }
}
