import Script
/// NumPy's `SeedSequence`: entropy words hashed into a pool (`mix_entropy`), from which a bit
/// generator's initial state is drawn (`generate_state`), bit for bit as NumPy derives it.
package struct SeedSequence {
    static let defaultPoolSize = 4
    private static let initA: UInt32 = 0x43b0_d7e5, multiplyA: UInt32 = 0x931e_8875
    private static let initB: UInt32 = 0x8b51_f9dd, multiplyB: UInt32 = 0x58f3_8ded
    private static let mixLeft: UInt32 = 0xca01_f9dd, mixRight: UInt32 = 0x4973_f715

    let entropy: [UInt32]
    let spawnKey: [UInt32]
    let poolSize: Int
    private(set) var pool: [UInt32]

    /// `entropy` and `spawnKey` as NumPy coerces them (`_coerce_to_uint32_array`); `poolSize`
    /// at least `defaultPoolSize`.
    init(entropy: [UInt32], spawnKey: [UInt32] = [], poolSize: Int = SeedSequence.defaultPoolSize) {
        self.entropy = entropy
        self.spawnKey = spawnKey
        self.poolSize = poolSize
        pool = Array(repeating: 0, count: poolSize)
        var assembled = entropy
        // Since NumPy 1.19 short entropy is padded when a spawn key follows it (gh-16539).
        if !spawnKey.isEmpty && assembled.count < poolSize {
            assembled += Array(repeating: 0, count: poolSize - assembled.count)
        }
        mix(assembled + spawnKey)
    }

    private static func hashmix(_ value: UInt32, _ hashConstant: inout UInt32) -> UInt32 {
        var value = value ^ hashConstant
        hashConstant &*= multiplyA
        value &*= hashConstant
        return value ^ (value >> 16)
    }

    private static func mix(_ x: UInt32, _ y: UInt32) -> UInt32 {
        let result = mixLeft &* x &- mixRight &* y
        return result ^ (result >> 16)
    }

    private mutating func mix(_ words: [UInt32]) {
        var hashConstant = SeedSequence.initA
        for i in pool.indices {
            pool[i] = SeedSequence.hashmix(i < words.count ? words[i] : 0, &hashConstant)
        }
        for source in pool.indices {
            for destination in pool.indices where source != destination {
                pool[destination] = SeedSequence.mix(pool[destination], SeedSequence.hashmix(pool[source], &hashConstant))
            }
        }
        for source in pool.count..<Swift.max(words.count, pool.count) {
            for destination in pool.indices {
                pool[destination] = SeedSequence.mix(pool[destination], SeedSequence.hashmix(words[source], &hashConstant))
            }
        }
    }

    /// `generate_state(count)`: 32-bit words cycled from the pool and hashed.
    func generateState(_ count: Int) -> [UInt32] {
        var hashConstant = SeedSequence.initB
        var out: [UInt32] = []
        out.reserveCapacity(count)
        for i in 0..<count {
            var value = pool[i % pool.count] ^ hashConstant
            hashConstant &*= SeedSequence.multiplyB
            value &*= hashConstant
            out.append(value ^ (value >> 16))
        }
        return out
    }

    /// `generate_state(count, np.uint64)`: pairs of 32-bit words, low word first.
    func generateState64(_ count: Int) -> [UInt64] {
        let words = generateState(2 * count)
        return (0..<count).map { UInt64(words[2 * $0]) | UInt64(words[2 * $0 + 1]) << 32 }
    }
}
