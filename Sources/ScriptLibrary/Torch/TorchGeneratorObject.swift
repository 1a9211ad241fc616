import Tensors
import Script

/// `torch.Generator`: a script handle on a Tensors `Generator` (the workspace's default one
/// is `torch.default_generator`, which `torch.manual_seed` returns).
package final class TorchGeneratorObject: DeclaredObject {
    package let generator: Generator
    init(_ generator: Generator) { self.generator = generator }

    package var typeName: String { "Generator" }
    package func repr(interpreter: Interpreter) throws(ScriptError) -> String { "<torch._C.Generator object at \(addressText(of: self))>" }

    package static let declaration = NativeType<TorchGeneratorObject>(properties: [
        NativeProperty("device") { _, _ throws(ScriptError) in .object(DeviceObject("cpu")) },
    ], methods: [
        NativeMethod("get_state", "()", .noArguments, doc: "Returns the Generator state as a torch.ByteTensor.") { g, _, interpreter throws(ScriptError) in
            interpreter.wrap(TorchGeneratorObject.stateTensor(g.generator))
        },
        NativeMethod("initial_seed", "()", .noArguments, doc: "Returns the initial seed for generating random numbers.") {
            g, _, _ throws(ScriptError) in
            TorchGeneratorObject.pythonInt(g.generator.initialSeed)
        },
        NativeMethod("manual_seed", "(seed, /)", .singleArgument, doc: "Sets the seed for generating random numbers. Returns a torch.Generator object.") {
            g, a, interpreter throws(ScriptError) in
            g.generator.manualSeed(try TorchGeneratorObject.seed(a.required(0), interpreter))
            return .object(g)
        },
        NativeMethod("seed", "()", .noArguments, doc: "Gets a non-deterministic random number from std::random_device or the current time and uses it to seed a Generator.") {
            g, _, _ throws(ScriptError) in
            TorchGeneratorObject.pythonInt(TorchGeneratorObject.reseed(g.generator))
        },
        NativeMethod("set_state", "(new_state, /)", .singleArgument, doc: "Sets the Generator state.") { g, a, interpreter throws(ScriptError) in
            try TorchGeneratorObject.restore(g.generator, from: a.required(0), interpreter)
            return .object(g)
        },
    ])

    /// A seed as `int(seed)` gives it: -2^63 ..< 2^64, negative values wrapping to 64 bits
    /// as in PyTorch.
    package static func seed(_ value: Value, _ interpreter: Interpreter) throws(ScriptError) -> UInt64 {
        if case .float(let d) = value {
            guard let whole = BigInteger(exactly: d.rounded(.towardZero)) else { throw .valueError("cannot convert float \(d) to integer") }
            return try seed(.integer(whole), interpreter)
        }
        if case .object(let object) = value, let big = object as? BigIntObject {
            let limbs = big.value.limbs
            guard !big.value.negative, limbs.count <= 2 else { throw .valueError("Overflow when unpacking long long") }
            return limbs.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (32 * UInt64($1.offset)) }
        }
        return UInt64(bitPattern: Int64(try interpreter.indexValue(value)))
    }

    /// A 64-bit seed as a script int (a big int from 2^63 up).
    static func pythonInt(_ seed: UInt64) -> Value {
        .integer(BigInteger(Int(seed >> 32)).shiftedLeft(32) + BigInteger(Int(seed & 0xFFFF_FFFF)))
    }

    /// `seed()`: a fresh nondeterministic 64-bit seed, as PyTorch draws it.
    static func reseed(_ generator: Generator) -> UInt64 {
        var system = SystemRandomNumberGenerator()
        let seed = system.next() as UInt64
        generator.manualSeed(seed)
        return seed
    }

    /// The state as an int64 tensor of its bytes (PyTorch's is uint8, which Recur lacks).
    static func stateTensor(_ generator: Generator) -> Tensor {
        let bytes = generator.state
        return (try? Tensor(int64s: bytes.map(Int64.init), shape: Shape([bytes.count]))) ?? Tensor(scalar: Int64(0))
    }

    static func restore(_ generator: Generator, from value: Value, _ interpreter: Interpreter) throws(ScriptError) {
        let t = try interpreter.tensor(value, "new_state")
        guard t.dtype == .int64 || t.dtype == .bool else {
            throw .typeError("expected a torch.ByteTensor (Recur: an integer tensor of bytes), but got \(t.dtype)")
        }
        let values = t.to(.int64).int64s
        guard values.allSatisfy({ (0...255).contains($0) }) else { throw .runtimeError("the RNG state holds bytes: values must lie in [0, 255]") }
        try tensorCall { () throws(TensorError) in try generator.setState(values.map { UInt8($0) }) }
    }
}
