/// `get_state()` / `set_state()`: the byte layout of PyTorch's `CPUGeneratorImplState`, so a
/// state taken from PyTorch restores here and the reverse.
extension Generator {
    /// Size of the state vector in bytes.
    public static let stateByteCount = 5056

    private enum Offset {
        static let seed = 0, left = 8, seeded = 12, next = 16, words = 24
        static let normalY = 5024, normalValid = 5040, floatNormal = 5048, floatNormalValid = 5052
    }

    /// The state as PyTorch's byte tensor holds it.
    public var state: [UInt8] {
        var bytes = [UInt8](repeating: 0, count: Self.stateByteCount)
        func put<T: FixedWidthInteger>(_ value: T, at offset: Int) {
            for k in 0..<(T.bitWidth / 8) { bytes[offset + k] = UInt8(truncatingIfNeeded: value >> (8 * k)) }
        }
        put(initialSeed, at: Offset.seed)
        put(Int32(engine.left), at: Offset.left)
        put(Int32(1), at: Offset.seeded)
        put(UInt64(engine.next), at: Offset.next)
        for (k, word) in engine.words.enumerated() { put(UInt64(word), at: Offset.words + 8 * k) }
        if let y = nextDoubleNormal {
            put(y.bitPattern, at: Offset.normalY)
            put(Int32(1), at: Offset.normalValid)
        }
        if let f = nextFloatNormal {
            put(f.bitPattern, at: Offset.floatNormal)
            bytes[Offset.floatNormalValid] = 1
        }
        return bytes
    }

    /// Restores a state taken with `state` (or from PyTorch), with PyTorch's errors.
    public func setState(_ bytes: [UInt8]) throws(TensorError) {
        guard bytes.count == Self.stateByteCount else {
            throw .runtime("Expected a CPUGeneratorImplState of size \(Self.stateByteCount) but found the input RNG state size to be \(bytes.count)")
        }
        func get<T: FixedWidthInteger>(_: T.Type, at offset: Int) -> T {
            var value: T = 0
            for k in 0..<(T.bitWidth / 8) { value |= T(truncatingIfNeeded: bytes[offset + k]) << (8 * k) }
            return value
        }
        let words = (0..<MersenneTwister.n).map { UInt32(truncatingIfNeeded: get(UInt64.self, at: Offset.words + 8 * $0)) }
        let seeded = get(Int32.self, at: Offset.seeded)
        guard seeded != 0,
              let restored = MersenneTwister(words: words, left: Int(get(Int32.self, at: Offset.left)),
                                             next: Int(get(UInt32.self, at: Offset.next)))
        else { throw .runtime("Invalid mt19937 state") }
        engine = restored
        initialSeed = get(UInt64.self, at: Offset.seed)
        nextDoubleNormal = get(Int32.self, at: Offset.normalValid) != 0
            ? Double(bitPattern: get(UInt64.self, at: Offset.normalY)) : nil
        nextFloatNormal = bytes[Offset.floatNormalValid] != 0
            ? Float(bitPattern: get(UInt32.self, at: Offset.floatNormal)) : nil
    }
}
