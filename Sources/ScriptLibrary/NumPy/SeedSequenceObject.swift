import Script
/// `np.random.SeedSequence(entropy, *, spawn_key=(), pool_size=4)`: the seed a PCG64 is built
/// from, with `entropy`, `spawn_key`, `pool_size`, `n_children_spawned`, `state` and `spawn`.
package final class SeedSequenceObject: ScriptObject {
    package let sequence: SeedSequence
    /// The entropy as given (an int or a list of ints), for `entropy` and the repr.
    let entropyValue: Value
    let spawnKey: [Int]
    var childrenSpawned: Int

    init(entropy: Value, spawnKey: [Int] = [], poolSize: Int = SeedSequence.defaultPoolSize, childrenSpawned: Int = 0,
         interpreter: Interpreter) throws(ScriptError) {
        let words = try SeedSequenceObject.words(entropy, interpreter)
        let keyWords = try SeedSequenceObject.words(.tuple(spawnKey.map { .int($0) }), interpreter)
        sequence = SeedSequence(entropy: words, spawnKey: keyWords, poolSize: poolSize)
        entropyValue = entropy
        self.spawnKey = spawnKey
        self.childrenSpawned = childrenSpawned
    }

    /// `np.random.SeedSequence(...)` / `default_rng(seed)`'s seed: None draws 128 bits of entropy.
    static func make(_ seed: Value?, spawnKey: [Int] = [], poolSize: Int = SeedSequence.defaultPoolSize,
                     interpreter: Interpreter) throws(ScriptError) -> SeedSequenceObject {
        guard poolSize >= SeedSequence.defaultPoolSize else {
            throw .valueError("The size of the entropy pool should be at least \(SeedSequence.defaultPoolSize)")
        }
        // The pool is an array of uint32 words, refused past memory as NumPy's np.zeros refuses it.
        _ = try NumPyShapes.checkedCount([poolSize], dtype: .int32)
        var entropy = seed ?? .none
        if entropy.isNone {
            var value = BigInteger(0)
            for _ in 0..<poolSize { value = value.shiftedLeft(32) + BigInteger(Int(UInt32.random(in: 0...UInt32.max))) }
            entropy = .integer(value)
        }
        switch entropy {
        case .int, .bool, .list, .tuple: break
        case .object(let o) where o is BigIntObject || o is NDArray || (o as? NumPyScalar)?.dtype.integerRange != nil: break
        case .none, .float, .str, .dict, .set, .function, .builtin, .boundMethod, .type, .instance, .module, .object:
            throw .typeError("SeedSequence expects int or sequence of ints for entropy not \(try interpreter.str(entropy))")
        }
        return try SeedSequenceObject(entropy: entropy, spawnKey: spawnKey, poolSize: poolSize, interpreter: interpreter)
    }

    /// `_coerce_to_uint32_array`: each non-negative int split into 32-bit words, lowest first.
    static func words(_ value: Value, _ i: Interpreter) throws(ScriptError) -> [UInt32] {
        if value.isSequence || i.isNDArray(value) {
            var out: [UInt32] = []
            for item in try i.iterate(value) { out += try words(item, i) }
            return out
        }
        let big: BigInteger
        if let b = value.bigInteger {
            big = b
        } else if case .object(let o) = value, let scalar = o as? NumPyScalar, scalar.dtype.integerRange != nil {
            big = BigInteger(Int(scalar.scalar.int64Value))
        } else {
            throw .typeError("SeedSequence expects int or sequence of ints for entropy not \(try i.str(value))")
        }
        guard !big.negative else { throw .valueError("expected non-negative integer") }
        return big.limbs.isEmpty ? [0] : big.limbs
    }

    package var typeName: String { "numpy.random.bit_generator.SeedSequence" }

    package func repr(interpreter: Interpreter) throws(ScriptError) -> String {
        var lines = ["SeedSequence(", "    entropy=\(try interpreter.repr(entropyValue)),"]
        if !spawnKey.isEmpty { lines.append("    spawn_key=\(try interpreter.repr(spawnKeyValue)),") }
        if sequence.poolSize != SeedSequence.defaultPoolSize { lines.append("    pool_size=\(sequence.poolSize),") }
        if childrenSpawned != 0 { lines.append("    n_children_spawned=\(childrenSpawned),") }
        return (lines + [")"]).joined(separator: "\n")
    }

    private var spawnKeyValue: Value { .tuple(spawnKey.map { .int($0) }) }

    package var attributeNames: [String] { ["entropy", "generate_state", "n_children_spawned", "pool", "pool_size", "spawn", "spawn_key", "state"] }

    package func attribute(_ name: String, interpreter: Interpreter) throws(ScriptError) -> Value? {
        switch name {
        case "entropy": return entropyValue
        case "spawn_key": return spawnKeyValue
        case "pool_size": return .int(sequence.poolSize)
        case "n_children_spawned": return .int(childrenSpawned)
        case "state":
            let dict = DictObject()
            for (key, value) in [("entropy", entropyValue), ("spawn_key", spawnKeyValue), ("pool_size", .int(sequence.poolSize)),
                                 ("n_children_spawned", .int(childrenSpawned))] {
                try dict.set(.str(key), value)
            }
            return .dict(dict)
        case "spawn":
            return .builtin(BuiltinFunction("SeedSequence.spawn", signature: "SeedSequence.spawn(n_children)") { [unowned self] i, a throws(ScriptError) in
                let args = try NumPyArguments(a, "spawn", ["n_children"], required: 1, interpreter: i)
                let n = try args.int("n_children") ?? 0
                var children: [Value] = []
                for k in 0..<Swift.max(n, 0) {
                    children.append(.object(try SeedSequenceObject(entropy: entropyValue, spawnKey: spawnKey + [childrenSpawned + k],
                                                                   poolSize: sequence.poolSize, interpreter: i)))
                }
                childrenSpawned += Swift.max(n, 0)
                return .list(ListObject(children))
            })
        case "pool", "generate_state":
            throw .typeError("SeedSequence.\(name) holds uint32 words, a dtype Recur's numpy does not provide (see docs/NUMPY.md)")
        default: return nil
        }
    }
}
