import Tensors
import Script

/// `np.random.PCG64(seed)`: the bit generator object, with NumPy's `state` dict (readable and
/// assignable), `advance`, `jumped`, `random_raw` and `seed_seq`.
package final class PCG64Object: ScriptObject {
    package var generator: PCG64
    let seedSequence: SeedSequenceObject

    init(_ seedSequence: SeedSequenceObject) {
        self.seedSequence = seedSequence
        generator = PCG64(seedWords: seedSequence.sequence.generateState64(4))
    }

    package var typeName: String { "numpy.random._pcg64.PCG64" }
    package func repr(interpreter: Interpreter) throws(ScriptError) -> String {
        "<numpy.random._pcg64.PCG64 object at \(addressText(of: self))>"
    }
    package var attributeNames: [String] { ["advance", "jumped", "random_raw", "seed_seq", "state"] }

    package func attribute(_ name: String, interpreter: Interpreter) throws(ScriptError) -> Value? {
        switch name {
        case "state": return try stateDict()
        case "seed_seq", "_seed_seq": return .object(seedSequence)
        case "advance":
            return .builtin(BuiltinFunction("PCG64.advance", signature: "PCG64.advance(delta)") { [unowned self] i, a throws(ScriptError) in
                let args = try NumPyArguments(a, "advance", ["delta"], required: 1, interpreter: i)
                generator.advance(try PCG64Object.wrapped(args["delta"] ?? .none, i))
                return .object(self)
            })
        case "jumped":
            return .builtin(BuiltinFunction("PCG64.jumped", signature: "PCG64.jumped(jumps=1)") { [unowned self] i, a throws(ScriptError) in
                let args = try NumPyArguments(a, "jumped", ["jumps"], interpreter: i)
                let jumps = try PCG64Object.wrapped(args["jumps"] ?? .int(1), i)
                let copy = PCG64Object(seedSequence)
                copy.generator = generator
                // phi - 1 times 2**128, NumPy's jump size.
                copy.generator.advance(0x9e37_79b9_7f4a_7c15_f39c_c060_5ced_c835 &* jumps)
                return .object(copy)
            })
        case "random_raw":
            return .builtin(BuiltinFunction("PCG64.random_raw", signature: "PCG64.random_raw(size=None)") { [unowned self] i, a throws(ScriptError) in
                let args = try NumPyArguments(a, "random_raw", ["size", "output"], interpreter: i)
                guard args["size"] == nil else {
                    throw .typeError("random_raw(size=...) makes uint64 arrays, a dtype Recur's numpy does not provide (see docs/NUMPY.md)")
                }
                return .integer(PCG64Object.bigInteger(UInt128(generator.next64())))
            })
        default: return nil
        }
    }

    package func setAttribute(_ name: String, _ value: Value, interpreter: Interpreter) throws(ScriptError) -> Bool {
        guard name == "state" else { return false }
        guard case .dict(let dict) = value else { throw .typeError("state must be a dict") }
        guard case .str("PCG64")? = try dict.get(.str("bit_generator")) else { throw .valueError("state must be for a PCG64 RNG") }
        func entry(_ d: DictObject, _ key: String) throws(ScriptError) -> Value {
            guard let v = try d.get(.str(key)) else { throw .keyError(.str(key), repr: "'\(key)'") }
            return v
        }
        guard case .dict(let inner) = try entry(dict, "state") else { throw .typeError("'int' object is not subscriptable") }
        let state = try PCG64Object.word128(try entry(inner, "state"), interpreter)
        let increment = try PCG64Object.word128(try entry(inner, "inc"), interpreter)
        let has = try interpreter.indexValue(try entry(dict, "has_uint32"), container: "int")
        let half = try interpreter.indexValue(try entry(dict, "uinteger"), container: "int")
        guard half >= 0 && half <= Int(UInt32.max) else { throw ScriptError(.overflowError, "value too large to convert to uint32_t") }
        generator = PCG64(state: state, increment: increment)
        generator.hasBufferedHalf = has != 0
        generator.bufferedHalf = UInt32(half)
        return true
    }

    /// `{'bit_generator': 'PCG64', 'state': {'state': ..., 'inc': ...}, 'has_uint32': ..., 'uinteger': ...}`.
    private func stateDict() throws(ScriptError) -> Value {
        let inner = DictObject()
        try inner.set(.str("state"), .integer(PCG64Object.bigInteger(generator.state)))
        try inner.set(.str("inc"), .integer(PCG64Object.bigInteger(generator.increment)))
        let dict = DictObject()
        try dict.set(.str("bit_generator"), .str("PCG64"))
        try dict.set(.str("state"), .dict(inner))
        try dict.set(.str("has_uint32"), .int(generator.hasBufferedHalf ? 1 : 0))
        try dict.set(.str("uinteger"), .int(Int(generator.bufferedHalf)))
        return .dict(dict)
    }

    static func bigInteger(_ value: UInt128) -> BigInteger {
        var result = BigInteger(0)
        for k in stride(from: 3, through: 0, by: -1) {
            result = result.shiftedLeft(32) + BigInteger(Int(UInt32(truncatingIfNeeded: value >> (32 * k))))
        }
        return result
    }

    /// An int reduced modulo 2**128 (`wrap_int(delta, 128)`).
    static func wrapped(_ value: Value, _ i: Interpreter) throws(ScriptError) -> UInt128 {
        guard let big = value.bigInteger else { return UInt128(truncatingIfNeeded: try i.indexValue(value, container: "int")) }
        var result: UInt128 = 0
        for (k, limb) in big.limbs.prefix(4).enumerated() { result |= UInt128(limb) << (32 * k) }
        return big.negative ? 0 &- result : result
    }

    /// A state word: an int in [0, 2**128), refused past it as NumPy's uint64 halves refuse it.
    static func word128(_ value: Value, _ i: Interpreter) throws(ScriptError) -> UInt128 {
        guard let big = value.bigInteger else { throw .typeError("'\(value.typeName)' object cannot be interpreted as an integer") }
        guard !big.negative, big.limbs.count <= 4 else {
            let high = big.floorDivided(by: BigInteger(1).shiftedLeft(64))?.quotient ?? big
            throw ScriptError(.overflowError, "Python integer \(high.text()) out of bounds for uint64")
        }
        return try wrapped(value, i)
    }
}
