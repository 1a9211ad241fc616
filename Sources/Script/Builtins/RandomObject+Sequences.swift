import Glibc
import Tensors

/// `seed`, `randrange`, `shuffle`, `sample`, `choices` and `setstate` as Lib/random.py and
/// `_randommodule.c` define them.
extension RandomObject {
    package static func seed(_ core: PythonRandom, _ value: Value, _ interpreter: Interpreter) throws(ScriptError) {
        switch value {
        case .none: core.seedFromEntropy()
        case .int(let i): core.seed(magnitude: UInt64(i.magnitude))
        case .bool(let b): core.seed(magnitude: b ? 1 : 0)
        case .float(let d): core.seed(magnitude: UInt64(bitPattern: PythonRandom.hash(d)))  // (size_t)hash, not |hash|
        case .str(let s): core.seed(bytes: Array(s.utf8))
        case .object(let data as BytesObject): core.seed(bytes: data.bytes)
        case .object(let object) where object is BigIntObject:
            // abs(n) as 32-bit words, least significant first, as for small ints.
            let words = (object as? BigIntObject)?.value.magnitude.limbs ?? []
            core.seed(words: words.isEmpty ? [0] : words)
        case .list, .tuple, .dict, .set, .function, .builtin, .boundMethod, .type, .instance, .module, .object:
            throw .typeError("The only supported seed types are: None,\nint, float, str, bytes, and bytearray.")
        }
    }

    static func randrange(_ core: PythonRandom, _ a: BoundArguments, _ interpreter: Interpreter) throws(ScriptError) -> Int {
        func integer(_ v: Value, _ which: String) throws(ScriptError) -> Int {
            if let i = v.intLike { return i }
            if case .float(let d) = v {
                guard d.rounded(.towardZero) == d, d.magnitude < 9.2e18 else { throw .valueError("non-integer \(which) for randrange()") }
                return Int(d)
            }
            return try interpreter.indexValue(v)
        }
        let start = try integer(a["start"] ?? .none, "arg 1")
        guard let stopValue = a["stop"], !stopValue.isNone else {
            if a["step"] != nil { throw .typeError("Missing a non-None stop argument") }
            guard start > 0 else { throw .valueError("empty range for randrange()") }
            return Int(core.below(UInt64(start)))
        }
        let stop = try integer(stopValue, "stop")
        let step = try a["step"].map { (v) throws(ScriptError) in try integer(v, "step") } ?? 1
        return try randrange(core, start: start, stop: stop, step: step)
    }

    static func randrange(_ core: PythonRandom, start: Int, stop: Int, step: Int) throws(ScriptError) -> Int {
        let (width, overflow) = stop.subtractingReportingOverflow(start)
        if overflow { throw ScriptError(.overflowError, "randrange over a range wider than 64 bits is not supported in Recur") }
        if step == 1 {
            guard width > 0 else { throw .valueError("empty range for randrange() (\(start), \(stop), \(width))") }
            return start + Int(core.below(UInt64(width)))
        }
        guard step != 0 else { throw .valueError("zero step for randrange()") }
        // (width + step -/+ 1) // step, floor division as Python's.
        let (numerator, wrapped) = width.addingReportingOverflow(step > 0 ? step - 1 : step + 1)
        if wrapped { throw ScriptError(.overflowError, "randrange over a range wider than 64 bits is not supported in Recur") }
        var n = numerator / step
        if (numerator % step != 0) && ((numerator < 0) != (step < 0)) { n -= 1 }
        guard n > 0 else { throw .valueError("empty range for randrange()") }
        let (offset, overflowed) = step.multipliedReportingOverflow(by: Int(core.below(UInt64(n))))
        if overflowed { throw ScriptError(.overflowError, "randrange over a range wider than 64 bits is not supported in Recur") }
        return start + offset
    }

    package static func shuffle(_ core: PythonRandom, _ value: Value, _ interpreter: Interpreter) throws(ScriptError) {
        guard case .list(let list) = value else {
            throw .typeError("'\(value.typeName)' object does not support item assignment")
        }
        var i = list.items.count - 1
        while i >= 1 {
            let j = Int(core.below(UInt64(i + 1)))
            list.items.swapAt(i, j)
            i -= 1
        }
    }

    package static func sample(_ core: PythonRandom, _ a: BoundArguments, _ interpreter: Interpreter) throws(ScriptError) -> Value {
        let population = a["population"] ?? .none
        switch population {
        case .set, .dict: throw .typeError("Population must be a sequence.  For dicts or sets, use sorted(d).")
        case .none, .bool, .int, .float, .str, .list, .tuple, .function, .builtin, .boundMethod, .type, .instance, .module, .object: break
        }
        let k = try interpreter.indexValue(a["k"] ?? .none)
        let n = try interpreter.length(population)
        if let counts = a["counts"], !counts.isNone {
            var cumulative: [Int] = []
            var total = 0
            for c in try interpreter.iterate(counts) {
                guard let i = c.intLike else { throw .typeError("Counts must be integers") }
                // CPython samples from range(total), whose len() must fit in ssize_t.
                let (sum, overflow) = total.addingReportingOverflow(i)
                if overflow { throw ScriptError(.overflowError, "Python int too large to convert to C ssize_t") }
                total = sum
                cumulative.append(total)
            }
            guard cumulative.count == n else { throw .valueError("The number of counts does not match the population") }
            guard total > 0 else { throw .valueError("Total of counts must be greater than zero") }
            cumulative.removeLast()
            let selections = try sampleIndices(core, n: total, k: k)
            return .list(ListObject(try selections.map { (s) throws(ScriptError) in
                try interpreter.item(population, .int(bisectRight(cumulative.map(Double.init), Double(s), 0, cumulative.count)))
            }))
        }
        // Items are read by index, as CPython's `population[j]`: a huge range is never
        // materialized.
        return .list(ListObject(try sampleIndices(core, n: n, k: k) { (j) throws(ScriptError) in
            try interpreter.item(population, .int(j))
        }))
    }

    /// The selection loop of `sample`: a shrinking pool for small populations, rejection
    /// from a set of taken indices for large ones (the same draws as CPython either way).
    static func sampleIndices(_ core: PythonRandom, n: Int, k: Int) throws(ScriptError) -> [Int] {
        try sampleIndices(core, n: n, k: k) { (j) throws(ScriptError) in .int(j) }.map { $0.intLike ?? 0 }
    }

    static func sampleIndices(_ core: PythonRandom, n: Int, k: Int, element: (Int) throws(ScriptError) -> Value) throws(ScriptError) -> [Value] {
        guard k >= 0, k <= n else { throw .valueError("Sample larger than population or is negative") }
        // CPython's `[None] * k` fails first for a result that cannot be made.
        guard k <= Interpreter.maxContainerLength else { throw ScriptError(.memoryError, "") }
        var setSize = 21
        if k > 5 {
            let exponent = Int((Glibc.log(Double(k) * 3) / Glibc.log(4.0)).rounded(.up))
            setSize += 1 << (2 * Swift.min(exponent, 30))
        }
        var result: [Value] = []
        result.reserveCapacity(k)
        if n <= setSize {
            var pool: [Value] = []
            for j in 0..<n { pool.append(try element(j)) }
            for i in 0..<k {
                let j = Int(core.below(UInt64(n - i)))
                result.append(pool[j])
                pool[j] = pool[n - i - 1]
            }
        } else {
            var selected = Set<Int>()
            for _ in 0..<k {
                var j = Int(core.below(UInt64(n)))
                while selected.contains(j) { j = Int(core.below(UInt64(n))) }
                selected.insert(j)
                result.append(try element(j))
            }
        }
        return result
    }

    static func choices(_ core: PythonRandom, _ a: BoundArguments, _ interpreter: Interpreter) throws(ScriptError) -> Value {
        let population = a["population"] ?? .none
        let n = try interpreter.length(population)
        let k = try interpreter.intArgument(a["k"], "k") ?? 1
        // A result no list can hold is a MemoryError before any draw (CPython's would come
        // once memory ran out).
        guard k <= Interpreter.maxContainerLength else { throw ScriptError(.memoryError, "") }
        let weights = a["weights"].flatMap { $0.isNone ? nil : $0 }
        let cumulativeArgument = a["cum_weights"].flatMap { $0.isNone ? nil : $0 }
        var result: [Value] = []
        guard weights != nil || cumulativeArgument != nil else {
            for _ in 0..<Swift.max(k, 0) {
                result.append(try interpreter.item(population, .int(Int((core.random() * Double(n)).rounded(.down)))))
            }
            return .list(ListObject(result))
        }
        if weights != nil && cumulativeArgument != nil { throw .typeError("Cannot specify both weights and cumulative weights") }
        var cumulative: [Double] = []
        if let weights {
            if case .int(let count) = weights { throw .typeError("The number of choices must be a keyword argument: k=\(count)") }
            var total = 0.0
            for w in try interpreter.iterate(weights) {
                guard let d = w.numericValue else { throw .typeError("unsupported operand type(s) for +: 'float' and '\(w.typeName)'") }
                total += d
                cumulative.append(total)
            }
        } else if let cumulativeArgument {
            cumulative = try interpreter.iterate(cumulativeArgument).map { (w) throws(ScriptError) in
                guard let d = w.numericValue else { throw .typeError("'<' not supported between instances of 'float' and '\(w.typeName)'") }
                return d
            }
        }
        guard cumulative.count == n else { throw .valueError("The number of weights does not match the population") }
        guard let total = cumulative.last else { throw .indexError("list index out of range") }
        guard total > 0 else { throw .valueError("Total of weights must be greater than zero") }
        guard total.isFinite else { throw .valueError("Total of weights must be finite") }
        for _ in 0..<Swift.max(k, 0) {
            result.append(try interpreter.item(population, .int(bisectRight(cumulative, core.random() * total, 0, n - 1))))
        }
        return .list(ListObject(result))
    }

    /// `bisect.bisect_right(a, x, lo, hi)`.
    static func bisectRight(_ a: [Double], _ x: Double, _ low: Int, _ high: Int) -> Int {
        var (lo, hi) = (low, high)
        while lo < hi {
            let mid = (lo + hi) / 2
            if x < a[mid] { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }

    package static func setState(_ core: PythonRandom, _ state: Value, _ interpreter: Interpreter) throws(ScriptError) {
        let parts = try interpreter.iterate(state)
        guard parts.count == 3, let version = parts[0].intLike else { throw .typeError("state must be the tuple getstate() returns") }
        guard version == 3 || version == 2 else {
            throw .valueError("state with version \(version) passed to Random.setstate() of version 3")
        }
        guard case .tuple(let vector) = parts[1] else { throw .typeError("state vector must be a tuple") }
        guard vector.count == 625 else { throw .valueError("state vector is the wrong size") }
        var words: [UInt32] = []
        for v in vector.prefix(624) {
            guard var i = v.intLike else { throw .typeError("state vector items must be integers") }
            if version == 2 { i = ((i % (1 << 32)) + (1 << 32)) % (1 << 32) }
            guard i >= 0, i <= Int(UInt32.max) else { throw ScriptError(.overflowError, "Python int too large to convert to C unsigned long") }
            words.append(UInt32(i))
        }
        guard let index = vector[624].intLike, let engine = MersenneTwister(words: words, pythonIndex: index) else {
            throw .valueError("invalid state")
        }
        let gauss: Double?
        switch parts[2] {
        case .none: gauss = nil
        case .float(let d): gauss = d
        case .int(let i): gauss = Double(i)
        case .bool, .str, .list, .tuple, .dict, .set, .function, .builtin, .boundMethod, .type, .instance, .module, .object:
            throw .typeError("must be real number, not \(parts[2].typeName)")
        }
        core.engine = engine
        core.gaussNext = gauss
    }
}

extension PythonRandom {
    /// `getrandbits(k)` for any k: 32-bit words least significant first, the last one
    /// shifted down to the bits still needed, as CPython assembles them.
    func bigBits(_ k: Int) -> BigInteger {
        var result = BigInteger(0)
        var remaining = k, shift = 0
        while remaining > 0 {
            var word = engine.nextUInt32()
            if remaining < 32 { word >>= UInt32(32 - remaining) }
            result = result + BigInteger(Int(word)).shiftedLeft(shift)
            shift += 32
            remaining -= 32
        }
        return result
    }
}

extension Interpreter {
    /// The instance behind the `random` module's functions, owned by the workspace.
    var defaultRandom: RandomObject {
        let key = ObjectIdentifier(RandomObject.self)
        if let random = workspace.extensions[key] as? RandomObject { return random }
        let random = RandomObject(PythonRandom())
        workspace.extensions[key] = random
        return random
    }
}
