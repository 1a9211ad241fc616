import Glibc
import Tensors
import Script

/// `np.random`: the legacy global functions over one `LegacyRandom` (NumPy's streams for a
/// given `np.random.seed`).
package enum NumPyRandomModule {
    package static func module(_ interpreter: Interpreter) throws(ScriptError) -> ModuleObject {
        let module = ModuleObject(name: "numpy.random")
        module.missingAttributeNote = " (Recur provides a subset of NumPy: see docs/NUMPY.md)"
        var ns = functions(prefix: "numpy.random.") { $0.numpy.random }
        let randomStateType = TypeObject(name: "RandomState", bases: [interpreter.types.object], kind: .builtin,
                                         constructor: BuiltinFunction("RandomState") { i, a throws(ScriptError) in
            let args = try NumPyArguments(a, "RandomState", ["seed"], interpreter: i)
            return .object(RandomStateObject(LegacyRandom(seed: try seed(args["seed"], i))))
        }, module: "numpy.random")
        interpreter.types.registerNative(randomStateType, forTypeName: "numpy.random.RandomState")
        ns["RandomState"] = .type(randomStateType)
        func type(_ name: String, native: String, module: String, _ body: @escaping BuiltinFunction.Body) -> Value {
            let type = TypeObject(name: name, bases: [interpreter.types.object], kind: .builtin, constructor: BuiltinFunction(name, body), module: module)
            interpreter.types.registerNative(type, forTypeName: native)
            return .type(type)
        }
        ns["SeedSequence"] = type("SeedSequence", native: "numpy.random.bit_generator.SeedSequence", module: "numpy.random.bit_generator") { i, a throws(ScriptError) in
            let args = try NumPyArguments(a, "SeedSequence", ["entropy", "spawn_key", "pool_size", "n_children_spawned"], interpreter: i)
            let key = try args["spawn_key"].map { (v) throws(ScriptError) in try i.iterate(v).map { (x) throws(ScriptError) in try i.numpyInteger(x) } } ?? []
            let sequence = try SeedSequenceObject.make(args["entropy"], spawnKey: key, poolSize: try args.int("pool_size") ?? SeedSequence.defaultPoolSize,
                                                       interpreter: i)
            sequence.childrenSpawned = try args.int("n_children_spawned") ?? 0
            return .object(sequence)
        }
        ns["PCG64"] = type("PCG64", native: "numpy.random._pcg64.PCG64", module: "numpy.random._pcg64") { i, a throws(ScriptError) in
            let args = try NumPyArguments(a, "PCG64", ["seed"], interpreter: i)
            return .object(try bitGenerator(args["seed"], i))
        }
        ns["Generator"] = type("Generator", native: "numpy.random.Generator", module: "numpy.random") { i, a throws(ScriptError) in
            let args = try NumPyArguments(a, "Generator", ["bit_generator"], required: 1, interpreter: i)
            guard case .object(let o)? = args["bit_generator"], let bits = o as? PCG64Object else {
                throw .typeError("Generator(bit_generator): Recur provides the PCG64 bit generator only (see docs/NUMPY.md)")
            }
            return .object(NumPyGeneratorObject(bits))
        }
        ns["default_rng"] = .builtin(BuiltinFunction("numpy.random.default_rng", signature: "numpy.random.default_rng(seed=None)") { i, a throws(ScriptError) in
            let args = try NumPyArguments(a, "default_rng", ["seed"], interpreter: i)
            if case .object(let o)? = args["seed"], o is NumPyGeneratorObject { return .object(o) }
            return .object(NumPyGeneratorObject(try bitGenerator(args["seed"], i)))
        })
        module.namespace = ns
        return module
    }

    /// `PCG64(seed)` / `default_rng(seed)`'s bit generator: a bit generator passes through, a
    /// seed sequence is used as it is, anything else seeds a new `SeedSequence`.
    static func bitGenerator(_ seed: Value?, _ i: Interpreter) throws(ScriptError) -> PCG64Object {
        if case .object(let o)? = seed {
            if let bits = o as? PCG64Object { return bits }
            if let sequence = o as? SeedSequenceObject { return PCG64Object(sequence) }
            if o is RandomStateObject {
                throw .typeError("default_rng(RandomState): Recur's numpy does not wrap a legacy RandomState in a Generator (see docs/NUMPY.md)")
            }
        }
        return PCG64Object(try SeedSequenceObject.make(seed, interpreter: i))
    }

    /// A `seed` argument: an int in [0, 2**32), or entropy for None.
    package static func seed(_ value: Value?, _ i: Interpreter) throws(ScriptError) -> UInt32 {
        guard let value, !value.isNone else { return UInt32.random(in: 0...UInt32.max) }
        let n = try i.numpyInteger(value)
        guard n >= 0 && n <= Int(UInt32.max) else { throw .valueError("Seed must be between 0 and 2**32 - 1") }
        return UInt32(n)
    }

    /// The legacy functions over the random state `state` gives (the global one for the
    /// module's functions, the object itself for a `RandomState`'s methods).
    static func functions(prefix: String, _ state: @escaping (Interpreter) -> RandomStateObject) -> [String: Value] {
        var ns: [String: Value] = [:]
        func add(_ name: String, _ body: @escaping BuiltinFunction.Body) {
            ns[name] = .builtin(BuiltinFunction(prefix + name, signature: "\(prefix)\(name)(...)", body))
        }
        func size(_ v: Value?, _ i: Interpreter) throws(ScriptError) -> [Int]? {
            guard let v, !v.isNone else { return nil }
            return try i.numpyShape(v)
        }
        func doubles(_ dims: [Int]?, _ i: Interpreter, _ draw: (inout LegacyRandom) -> Double) throws(ScriptError) -> Value {
            guard let dims else { return NumPyScalar(.float64, .float(draw(&state(i).generator))).value }
            let n = try NumPyShapes.checkedCount(dims, dtype: .float64)
            var values: [Double] = []
            values.reserveCapacity(n)
            for _ in 0..<n { values.append(draw(&state(i).generator)) }
            return .object(try NDArray(.float64(values), dims))
        }
        add("seed") { i, a throws(ScriptError) in
            let args = try NumPyArguments(a, "seed", ["seed"], interpreter: i)
            state(i).generator = LegacyRandom(seed: try seed(args["seed"], i))
            return .none
        }
        for name in ["rand", "randn"] {
            add(name) { i, a throws(ScriptError) in
                try a.expect(name, 0...32)
                let dims: [Int]? = a.positional.isEmpty ? nil : try a.positional.map { (v) throws(ScriptError) in try i.numpyInteger(v) }
                if name == "rand" { return try doubles(dims, i) { $0.nextDouble() } }
                return try doubles(dims, i) { $0.nextGauss() }
            }
        }
        for name in ["random", "random_sample", "rand_sample"] {
            add(name) { i, a throws(ScriptError) in
                let args = try NumPyArguments(a, name, ["size"], interpreter: i)
                return try doubles(try size(args["size"], i), i) { $0.nextDouble() }
            }
        }
        add("standard_normal") { i, a throws(ScriptError) in
            let args = try NumPyArguments(a, "standard_normal", ["size"], interpreter: i)
            return try doubles(try size(args["size"], i), i) { $0.nextGauss() }
        }
        add("normal") { i, a throws(ScriptError) in
            let args = try NumPyArguments(a, "normal", ["loc", "scale", "size"], interpreter: i)
            let loc = try args.double("loc") ?? 0, scale = try args.double("scale") ?? 1
            guard scale >= 0 else { throw .valueError("scale < 0") }
            return try doubles(try size(args["size"], i), i) { loc + scale * $0.nextGauss() }
        }
        add("uniform") { i, a throws(ScriptError) in
            let args = try NumPyArguments(a, "uniform", ["low", "high", "size"], interpreter: i)
            let low = try args.double("low") ?? 0, high = try args.double("high") ?? 1
            return try doubles(try size(args["size"], i), i) { low + (high - low) * $0.nextDouble() }
        }
        add("randint") { i, a throws(ScriptError) in
            let args = try NumPyArguments(a, "randint", ["low", "high", "size", "dtype"], required: 1, interpreter: i)
            var low = try args.int("low") ?? 0
            var high = try args.int("high")
            if high == nil {
                high = low
                low = 0
            }
            let top = high ?? 0
            guard low < top else { throw .valueError("low >= high") }
            let dtype = try args.dtype() ?? .int64
            let range = UInt64(bitPattern: Int64(top &- low &- 1))
            guard let dims = try size(args["size"], i) else {
                return .int(Int(Int64(low) &+ Int64(bitPattern: state(i).generator.bounded(range))))
            }
            let n = try NumPyShapes.checkedCount(dims, dtype: dtype)
            var values: [Int64] = []
            values.reserveCapacity(n)
            for _ in 0..<n { values.append(Int64(low) &+ Int64(bitPattern: state(i).generator.bounded(range))) }
            return .object(try NDArray(ElementArray.int64(values).converted(to: dtype), dims))
        }
        add("binomial") { i, a throws(ScriptError) in
            let random = state(i)
            return try NumPyBinomial.draw(a, i) { n, p in NumPyBinomial.sample(&random.generator, n: n, p: p, legacy: true) }
        }
        add("shuffle") { i, a throws(ScriptError) in
            try a.expect("shuffle", 1...1)
            try shuffle(a.positional[0], axis: 0, &state(i).generator, i)
            return .none
        }
        add("permutation") { i, a throws(ScriptError) in
            try a.expect("permutation", 1...1)
            return try permutation(a.positional[0], axis: 0, &state(i).generator, i)
        }
        add("choice") { i, a throws(ScriptError) in
            let args = try NumPyArguments(a, "choice", ["a", "size", "replace", "p"], required: 1, interpreter: i)
            if args["p"] != nil { throw .typeError("choice(): p= is not provided by Recur's numpy (see docs/NUMPY.md)") }
            let source: NDArray?
            var population = 0
            if let n = args["a"]?.intLike {
                guard n > 0 else { throw .valueError("a must be a positive integer unless no samples are taken") }
                // The positions themselves are the sample: no array of n elements is made.
                source = nil
                population = n
            } else {
                source = try args.array("a")
                guard source?.rank == 1 else { throw .valueError("a must be 1-dimensional") }
                population = source?.count ?? 0
                guard population > 0 else { throw .valueError("a cannot be empty unless no samples are taken") }
            }
            let dims = try size(args["size"], i)
            let n = try NumPyShapes.checkedCount(dims ?? [], dtype: .int64)
            var picks: [Int64] = []
            if try args.bool("replace", true) {
                for _ in 0..<n { picks.append(Int64(bitPattern: state(i).generator.bounded(UInt64(population - 1)))) }
            } else {
                guard n <= population else { throw .valueError("Cannot take a larger sample than population when 'replace=False'") }
                _ = try NumPyShapes.checkedCount([population], dtype: .int64)
                var order = (0..<Int64(population)).map { $0 }
                shuffle(&order, &state(i).generator)
                picks = Array(order.prefix(n))
            }
            let positions = try NDArray(.int64(picks), dims ?? [])
            guard let source else { return positions.result }
            return try source.subscripted([.object(positions)], interpreter: i)
        }
        return ns
    }

    /// NumPy's Fisher-Yates shuffle (from the end, `random_interval`), legacy and Generator alike.
    static func shuffle<T>(_ items: inout [T], _ random: inout some IntervalDrawing) {
        guard items.count > 1 else { return }
        for k in stride(from: items.count - 1, through: 1, by: -1) {
            let j = Int(random.interval(UInt64(k)))
            items.swapAt(k, j)
        }
    }

    /// `shuffle(x)`: a list's items, or an array's rows (along axis 0), in place.
    static func shuffle(_ target: Value, axis: Int, _ random: inout some IntervalDrawing, _ i: Interpreter) throws(ScriptError) {
        if case .list(let list) = target {
            shuffle(&list.items, &random)
            return
        }
        guard i.isNDArray(target) else { throw .typeError("object of type '\(target.typeName)' has no len()") }
        let array = try i.ndarray(target)
        guard array.rank > 0 else { throw .typeError("len() of unsized object") }
        guard try NumPyShapes.axis(axis, rank: array.rank, i) == 0 else {
            throw .typeError("shuffle(axis=...) is not provided by Recur's numpy: it shuffles along axis 0 (see docs/NUMPY.md)")
        }
        var order = Array(0..<array.dims[0])
        shuffle(&order, &random)
        let rows = try array.subscripted([.object(try NDArray(.int64(order.map(Int64.init)), [order.count]))], interpreter: i)
        _ = try array.setItem(.object(EllipsisObject()), rows, interpreter: i)
    }

    /// `permutation(x)`: `arange(x)` shuffled for an int, else a copy of the array with its
    /// rows shuffled.
    static func permutation(_ x: Value, axis: Int, _ random: inout some IntervalDrawing, _ i: Interpreter) throws(ScriptError) -> Value {
        if let n = x.intLike {
            _ = try NumPyShapes.checkedCount([Swift.max(n, 0)], dtype: .int64)
            var order = (0..<Int64(Swift.max(n, 0))).map { $0 }
            shuffle(&order, &random)
            return .object(try NDArray(.int64(order), [order.count]))
        }
        let array = try i.ndarray(x)
        guard array.rank > 0 else { throw ScriptError(.indexError, "x must be an integer or at least 1-dimensional") }
        guard try NumPyShapes.axis(axis, rank: array.rank, i) == 0 else {
            throw .typeError("permutation(axis=...) is not provided by Recur's numpy: it permutes along axis 0 (see docs/NUMPY.md)")
        }
        var order = Array(0..<array.dims[0])
        shuffle(&order, &random)
        return try array.subscripted([.object(try NDArray(.int64(order.map(Int64.init)), [order.count]))], interpreter: i)
    }
}

/// A bit generator `shuffle` and `permutation` draw from with NumPy's `random_interval`.
protocol IntervalDrawing {
    mutating func nextUInt32() -> UInt32
    mutating func nextUInt64() -> UInt64
}

extension IntervalDrawing {
    /// `random_interval(max)`: masked rejection in [0, max], from 32-bit draws when max fits them.
    mutating func interval(_ max: UInt64) -> UInt64 {
        if max == 0 { return 0 }
        var mask = max
        for shift: UInt64 in [1, 2, 4, 8, 16, 32] { mask |= mask >> shift }
        if max <= 0xFFFF_FFFF {
            while true {
                let value = UInt64(nextUInt32()) & mask
                if value <= max { return value }
            }
        }
        while true {
            let value = nextUInt64() & mask
            if value <= max { return value }
        }
    }
}

extension LegacyRandom: IntervalDrawing {}

extension PCG64: IntervalDrawing {
    package mutating func nextUInt32() -> UInt32 { next32() }
    package mutating func nextUInt64() -> UInt64 { next64() }
}

/// `np.random.RandomState(seed)`: a legacy generator of its own with the module's functions
/// as methods.
package final class RandomStateObject: ScriptObject {
    package var generator: LegacyRandom
    private lazy var methods = NumPyRandomModule.functions(prefix: "RandomState.") { [unowned self] _ in self }

    init(_ generator: LegacyRandom) { self.generator = generator }

    package var typeName: String { "numpy.random.RandomState" }
    package func repr(interpreter: Interpreter) throws(ScriptError) -> String { "RandomState(MT19937)" }
    package func attribute(_ name: String, interpreter: Interpreter) throws(ScriptError) -> Value? { methods[name] }
    package var attributeNames: [String] { methods.keys.sorted() }
}
