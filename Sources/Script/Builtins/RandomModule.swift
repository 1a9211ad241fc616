import Glibc

/// Python's `random` module: CPython's algorithms over `PythonRandom`, so the same seed
/// gives the same numbers, choices and shuffles as CPython. Module functions use the
/// workspace's instance; `random.Random(seed)` makes others.
package enum RandomModule {
    static let functionNames = ["choice", "choices", "gauss", "getrandbits", "getstate", "normalvariate", "randint",
                                "random", "randrange", "sample", "seed", "setstate", "shuffle", "uniform"]
        + RandomObject.distributionNames.keys.sorted()

    package static func fill(_ interpreter: Interpreter, _ module: ModuleObject) throws(ScriptError) {
        for name in functionNames {
            module.namespace[name] = .builtin(BuiltinFunction(name, signature: "random.\(name)(...)", doc: "CPython's random.\(name), bit for bit.") { interpreter, a throws(ScriptError) in
                try RandomObject.call(name, a, interpreter.defaultRandom, interpreter)
            })
        }
        RandomObject.addConstants(to: module)
        let constructor = BuiltinFunction("Random", signature: "random.Random(x=None)", doc: "A generator with its own Mersenne Twister state.") { interpreter, a throws(ScriptError) in
            try a.expect("Random", 0...1)
            let object = RandomObject(PythonRandom())
            _ = try RandomObject.call("seed", a, object.core, interpreter)
            return .object(object)
        }
        let type = TypeObject(name: "Random", bases: [interpreter.types.object], kind: .builtin, constructor: constructor, module: "random")
        interpreter.types.registerNative(type, forTypeName: "Random")
        module.namespace["Random"] = .type(type)
    }
}

/// A `random.Random` instance.
package final class RandomObject: ScriptObject {
    package let core: PythonRandom
    init(_ core: PythonRandom) { self.core = core }

    package var typeName: String { "Random" }
    package var attributeNames: [String] { RandomModule.functionNames }
    package func repr(interpreter: Interpreter) throws(ScriptError) -> String { "<random.Random object at \(addressText(of: self))>" }

    package func attribute(_ name: String, interpreter: Interpreter) throws(ScriptError) -> Value? {
        guard RandomModule.functionNames.contains(name) else { return nil }
        return .builtin(BuiltinFunction(name, signature: "Random.\(name)(...)") { [core] interpreter, a throws(ScriptError) in
            try RandomObject.call(name, a, core, interpreter)
        })
    }

    package func callMethod(_ name: String, _ arguments: Arguments, interpreter: Interpreter) throws(ScriptError) -> Value? {
        guard RandomModule.functionNames.contains(name) else { return nil }
        return try RandomObject.call(name, arguments, core, interpreter)
    }

    /// One of the module's functions on `core`.
    package static func call(_ name: String, _ a: Arguments, _ core: PythonRandom, _ interpreter: Interpreter) throws(ScriptError) -> Value {
        func number(_ index: Int, _ key: String, _ fallback: Double) throws(ScriptError) -> Double {
            try interpreter.doubleArgument(a.value(index, key), key) ?? fallback
        }
        switch name {
        case "seed":
            try a.expect("seed", 0...2, keywords: ["a", "version"])
            try seed(core, a.value(0, "a") ?? .none, interpreter)
            return .none
        case "random":
            try a.expect("random", 0...0)
            return .float(core.random())
        case "uniform":
            try a.expect("uniform", 2...2, keywords: ["a", "b"])
            let (low, high) = (try number(0, "a", 0), try number(1, "b", 0))
            return .float(low + (high - low) * core.random())
        case "gauss", "normalvariate":
            try a.expect(name, 0...2, keywords: ["mu", "sigma"])
            let (mu, sigma) = (try number(0, "mu", 0), try number(1, "sigma", 1))
            return .float(name == "gauss" ? core.gauss(mu: mu, sigma: sigma) : core.normalVariate(mu: mu, sigma: sigma))
        case "getrandbits":
            try a.expect("getrandbits", 1...1)
            let k = try interpreter.indexValue(a.positional[0])
            guard k >= 0 else { throw .valueError("number of bits must be non-negative") }
            guard k <= BigIntObject.maxBits else { throw ScriptError(.memoryError, "getrandbits(\(k)) is larger than Recur builds ints") }
            return k <= 63 ? .int(Int(core.bits(k))) : .integer(core.bigBits(k))
        case "randrange":
            try a.expect("randrange", 1...3, keywords: ["start", "stop", "step"])
            return .int(try randrange(core, a, interpreter))
        case "randint":
            try a.expect("randint", 2...2, keywords: ["a", "b"])
            let low = try interpreter.indexValue(a.value(0, "a") ?? .none), high = try interpreter.indexValue(a.value(1, "b") ?? .none)
            let (stop, overflow) = high.addingReportingOverflow(1)
            if overflow { throw ScriptError(.overflowError, "randint bounds exceed Recur's 64-bit int") }
            return .int(try randrange(core, start: low, stop: stop, step: 1))
        case "choice":
            try a.expect("choice", 1...1, keywords: ["seq"])
            let seq = a.value(0, "seq") ?? .none
            let n = try interpreter.length(seq)
            guard n > 0 else { throw .indexError("Cannot choose from an empty sequence") }
            return try interpreter.item(seq, .int(Int(core.below(UInt64(n)))))
        case "shuffle":
            try a.expect("shuffle", 1...1, keywords: ["x"])
            try shuffle(core, a.value(0, "x") ?? .none, interpreter)
            return .none
        case "sample":
            try a.expect("sample", 1...2, keywords: ["population", "k", "counts"])
            return try sample(core, a, interpreter)
        case "choices":
            try a.expect("choices", 1...2, keywords: ["population", "weights", "cum_weights", "k"])
            return try choices(core, a, interpreter)
        case "getstate":
            try a.expect("getstate", 0...0)
            let words = core.engine.words.map { Value.int(Int($0)) } + [.int(core.engine.pythonIndex)]
            return .tuple([.int(3), .tuple(words), core.gaussNext.map(Value.float) ?? .none])
        case "setstate":
            try a.expect("setstate", 1...1)
            try setState(core, a.positional[0], interpreter)
            return .none
        default:
            if let value = try distribution(name, a, core, interpreter) { return value }
            throw .attributeError("module 'random' has no attribute '\(name)'")
        }
    }
}
