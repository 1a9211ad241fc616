/// A `random.Random` instance; the `random` module's functions are the methods of the
/// workspace's own instance.
package final class RandomObject: DeclaredObject {
    package let core: PythonRandom
    init(_ core: PythonRandom) { self.core = core }

    package var typeName: String { "Random" }
    package func repr(interpreter: Interpreter) throws(ScriptError) -> String { "<random.Random object at \(addressText(of: self))>" }

    private static func number(_ a: BoundArguments, _ i: Int, _ fallback: Double, _ interpreter: Interpreter) throws(ScriptError) -> Double {
        try interpreter.doubleArgument(a[i], a.signature.parameters[i].name) ?? fallback
    }

    /// `gauss` and `normalvariate`: the same parameters, different draws.
    private static func normal(_ name: String, doc: String, _ draw: @escaping @Sendable (PythonRandom, Double, Double) -> Double) -> NativeMethod<RandomObject> {
        NativeMethod(name, "(self, mu=0.0, sigma=1.0)", doc: doc) { r, a, interpreter throws(ScriptError) in
            .float(draw(r.core, try number(a, 0, 0, interpreter), try number(a, 1, 1, interpreter)))
        }
    }

    package static let declaration = NativeType<RandomObject>(module: "random", methods: [
        NativeMethod("choice", "(self, seq)", doc: "Choose a random element from a non-empty sequence.") { r, a, interpreter throws(ScriptError) in
            let seq = a.required(0)
            let n = try interpreter.length(seq)
            guard n > 0 else { throw .indexError("Cannot choose from an empty sequence") }
            return try interpreter.item(seq, .int(Int(r.core.below(UInt64(n)))))
        },
        NativeMethod("choices", "(self, population, weights=None, *, cum_weights=None, k=1)",
                     doc: "Return a k sized list of population elements chosen with replacement.") { r, a, interpreter throws(ScriptError) in
            try choices(r.core, a, interpreter)
        },
        normal("gauss", doc: "Gaussian distribution.") { core, mu, sigma in core.gauss(mu: mu, sigma: sigma) },
        NativeMethod("getrandbits", "(k, /)", .singleArgument, doc: "getrandbits(k) -> x.  Generates an int with k random bits.") {
            r, a, interpreter throws(ScriptError) in
            let k = try interpreter.indexValue(a.required(0))
            guard k >= 0 else { throw .valueError("number of bits must be non-negative") }
            guard k <= BigIntObject.maxBits else { throw ScriptError(.memoryError, "getrandbits(\(k)) is larger than Recur builds ints") }
            return k <= 63 ? .int(Int(r.core.bits(k))) : .integer(r.core.bigBits(k))
        },
        NativeMethod("getstate", "(self)", doc: "Return internal state; can be passed to setstate() later.") { r, _, _ throws(ScriptError) in
            let words = r.core.engine.words.map { Value.int(Int($0)) } + [.int(r.core.engine.pythonIndex)]
            return .tuple([.int(3), .tuple(words), r.core.gaussNext.map(Value.float) ?? .none])
        },
        normal("normalvariate", doc: "Normal distribution.") { core, mu, sigma in core.normalVariate(mu: mu, sigma: sigma) },
        NativeMethod("randint", "(self, a, b)", doc: "Return random integer in range [a, b], including both end points.") {
            r, a, interpreter throws(ScriptError) in
            let low = try interpreter.indexValue(a.required(0)), high = try interpreter.indexValue(a.required(1))
            let (stop, overflow) = high.addingReportingOverflow(1)
            if overflow { throw ScriptError(.overflowError, "randint bounds exceed Recur's 64-bit int") }
            return .int(try randrange(r.core, start: low, stop: stop, step: 1))
        },
        NativeMethod("random", "()", .noArguments, doc: "random() -> x in the interval [0, 1).") { r, _, _ throws(ScriptError) in
            .float(r.core.random())
        },
        NativeMethod("randrange", "(self, start, stop=None, step=1)",
                     doc: "Choose a random item from range(stop) or range(start, stop[, step]).") { r, a, interpreter throws(ScriptError) in
            .int(try randrange(r.core, a, interpreter))
        },
        NativeMethod("sample", "(self, population, k, *, counts=None)", doc: "Chooses k unique random elements from a population sequence.") {
            r, a, interpreter throws(ScriptError) in
            try sample(r.core, a, interpreter)
        },
        NativeMethod("seed", "(self, a=None, version=2)", doc: "Initialize internal state from a seed.") { r, a, interpreter throws(ScriptError) in
            let value = a[0] ?? .none
            // The version only changes how a str or bytes seed is read.
            if let version = a[1], value.isStrOrBytes, !(try interpreter.equal(version, .int(2))) {
                throw ScriptError(.notImplementedError,
                                  "seed() of a str or bytes with version=\(try interpreter.repr(version)) is not supported in Recur; it provides version=2")
            }
            try seed(r.core, value, interpreter)
            return .none
        },
        NativeMethod("setstate", "(self, state)", doc: "Restore internal state from object returned by getstate().") { r, a, interpreter throws(ScriptError) in
            try setState(r.core, a.required(0), interpreter)
            return .none
        },
        NativeMethod("shuffle", "(self, x)", doc: "Shuffle list x in place, and return None.") { r, a, interpreter throws(ScriptError) in
            try shuffle(r.core, a.required(0), interpreter)
            return .none
        },
        NativeMethod("uniform", "(self, a, b)", doc: "Get a random number in the range [a, b) or [a, b] depending on rounding.") {
            r, a, interpreter throws(ScriptError) in
            let (low, high) = (try number(a, 0, 0, interpreter), try number(a, 1, 0, interpreter))
            return .float(low + (high - low) * r.core.random())
        },
    ] + Distribution.allCases.map(\.method))
}

private extension Value {
    var isStrOrBytes: Bool {
        switch self {
        case .str: true
        case .object(let object): object is BytesObject
        case .none, .bool, .int, .float, .list, .tuple, .dict, .set, .function, .builtin, .boundMethod, .type, .instance, .module: false
        }
    }
}
