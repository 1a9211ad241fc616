import Rendering
/// Bodies of the larger builtins.
package enum BuiltinFunctions {
    package static func print(_ interpreter: Interpreter, _ a: Arguments) throws(ScriptError) -> Value {
        try a.expect("print", 0...Int.max, keywords: ["sep", "end", "file", "flush"])
        func text(_ name: String, _ fallback: String) throws(ScriptError) -> String {
            guard let value = a.keyword(name), !value.isNone else { return fallback }
            guard case .str(let s) = value else {
                throw .typeError("\(name) must be None or a string, not \(value.typeName)")
            }
            return s
        }
        let sep = try text("sep", " ")
        let end = try text("end", "\n")
        var out: String
        if a.positional.count == 1 {
            // One value: its text is the output (and `end=''` adds nothing to copy).
            out = try interpreter.str(a.positional[0])
            if !end.isEmpty { out += end }
        } else {
            out = ""
            for (i, value) in a.positional.enumerated() {
                if i > 0 { out += sep }
                out += try interpreter.str(value)
            }
            out += end
        }
        var stream = OutputStreamName.stdout
        if let file = a.keyword("file"), !file.isNone {
            guard case .object(let object) = file, let target = object as? StreamObject else {
                if let write = try interpreter.attributeIfPresent(file, "write") {
                    _ = try interpreter.call(write, Arguments([.str(out)]))
                    return .none
                }
                throw .typeError("print() file must have a write() method")
            }
            stream = target.stream
        }
        interpreter.host.write(out, to: stream)
        if let flush = a.keyword("flush"), try interpreter.truth(flush) { interpreter.host.flush(stream) }
        return .none
    }

    package static func range(_ interpreter: Interpreter, _ a: Arguments) throws(ScriptError) -> Value {
        try a.expect("range", 1...3)
        var bounds: [Int128] = []
        for value in a.positional {
            if let i = RangeObject.bound(value) {
                bounds.append(i)
            } else if value.bigInteger != nil {
                throw ScriptError(.overflowError, "Recur's range() takes bounds up to 2**96, not \(try interpreter.repr(value))")
            } else if let i = try? interpreter.indexValue(value) {
                bounds.append(Int128(i))
            } else {
                throw .typeError("'\(value.typeName)' object cannot be interpreted as an integer")
            }
        }
        switch bounds.count {
        case 1: return .object(RangeObject(start: 0, stop: bounds[0], step: 1))
        case 2: return .object(RangeObject(start: bounds[0], stop: bounds[1], step: 1))
        default:
            if bounds[2] == 0 { throw .valueError("range() arg 3 must not be zero") }
            return .object(RangeObject(start: bounds[0], stop: bounds[1], step: bounds[2]))
        }
    }

    package static func zip(_ interpreter: Interpreter, _ a: Arguments) throws(ScriptError) -> Value {
        try a.expect("zip", 0...Int.max, keywords: ["strict"])
        let strict = try interpreter.truth(a.keyword("strict") ?? .bool(false))
        var iterators: [any ValueIterator] = []
        for value in a.positional { iterators.append(try interpreter.makeIterator(value)) }
        let source = ClosureIterator { (interpreter) throws(ScriptError) -> Value? in
            if iterators.isEmpty { return nil }
            var items: [Value] = []
            items.reserveCapacity(iterators.count)
            for (i, iterator) in iterators.enumerated() {
                guard let item = try iterator.next(interpreter: interpreter) else {
                    guard strict else { return nil }
                    // CPython's checks: a later iterator ending first is shorter; when the
                    // first ends, any later one with an item left is longer.
                    let plural = { (n: Int) in n == 1 ? " 1" : "s 1-\(n)" }
                    if i > 0 { throw .valueError("zip() argument \(i + 1) is shorter than argument\(plural(i))") }
                    for j in 1..<iterators.count where try iterators[j].next(interpreter: interpreter) != nil {
                        throw .valueError("zip() argument \(j + 1) is longer than argument\(plural(j))")
                    }
                    return nil
                }
                items.append(item)
            }
            return .tuple(items)
        }
        return .object(IteratorObject("zip", source))
    }

    package static func enumerate(_ interpreter: Interpreter, _ a: Arguments) throws(ScriptError) -> Value {
        try a.expect("enumerate", 1...2, keywords: ["start"])
        let iterator = try interpreter.makeIterator(a.positional[0])
        var index = Value.int(0)
        if let start = a.value(1, "start") {
            guard start.bigInteger != nil else {
                throw .typeError("'\(start.typeName)' object cannot be interpreted as an integer")
            }
            index = start
        }
        let source = ClosureIterator { (interpreter) throws(ScriptError) -> Value? in
            guard let item = try iterator.next(interpreter: interpreter) else { return nil }
            let current = index
            // Counting on past Int.max continues as a big int, as Python's does.
            index = try interpreter.binary(.add, index, .int(1))
            return .tuple([current, item])
        }
        return .object(IteratorObject("enumerate", source))
    }

    package static func extreme(_ interpreter: Interpreter, _ a: Arguments, _ name: String, _ op: CompareOp) throws(ScriptError) -> Value {
        try a.expect(name, 1...Int.max, keywords: ["key", "default"])
        let items = a.positional.count == 1 ? try interpreter.iterate(a.positional[0]) : a.positional
        guard var best = items.first else {
            if let fallback = a.keyword("default") { return fallback }
            throw .valueError("\(name)() arg is an empty sequence")
        }
        let key = a.keyword("key")
        func keyOf(_ v: Value) throws(ScriptError) -> Value {
            guard let key, !key.isNone else { return v }
            return try interpreter.call(key, Arguments([v]))
        }
        var bestKey = try keyOf(best)
        for item in items.dropFirst() {
            let k = try keyOf(item)
            if try interpreter.truth(try interpreter.compare(op, k, bestKey)) {
                best = item
                bestKey = k
            }
        }
        return best
    }

    package static func round(_ interpreter: Interpreter, _ a: Arguments) throws(ScriptError) -> Value {
        try a.expect("round", 1...2, keywords: ["ndigits"])
        let digits = a.value(1, "ndigits")
        let value = a.positional[0]
        if case .instance = value, let result = try interpreter.callSpecial(value, "__round__", digits.map { [$0] } ?? []) {
            return result
        }
        if let i = value.intLike {
            guard let digits, !digits.isNone else { return .int(i) }
            let n = try interpreter.indexValue(digits)
            if n >= 0 { return .int(i) }
            // |i| < 10**19, so rounding to 10**20 or coarser always gives 0.
            if n < -20 { return .int(0) }
            var p = BigInteger(1)
            for _ in 0..<(-n) { p = p * BigInteger(10) }
            guard let (q, r) = BigInteger(i).floorDivided(by: p) else { return .int(0) }
            // Ties go to the even multiple, as Python rounds.
            let twice = BigInteger.compare(r + r, p)
            let up = twice > 0 || (twice == 0 && (q.limbs.first ?? 0) & 1 == 1)
            return .integer((up ? q + BigInteger(1) : q) * p)
        }
        var d: Double
        switch value {
        case .float(let f): d = f
        case .object(let object):
            if let attribute = try object.attribute("round", interpreter: interpreter) {
                return try interpreter.call(attribute, digits.map { Arguments([$0]) } ?? Arguments())
            }
            guard let f = try object.floatValue(interpreter: interpreter) else {
                throw .typeError("type \(value.typeName) doesn't define __round__ method")
            }
            d = f
        case .none, .bool, .int, .str, .list, .tuple, .dict, .set, .function, .builtin, .boundMethod, .type,
             .instance, .module:
            throw .typeError("type \(value.typeName) doesn't define __round__ method")
        }
        guard let digits, !digits.isNone else {
            return try Arithmetic.integer(truncating: d.rounded(.toNearestOrEven))
        }
        let n = try interpreter.indexValue(digits)
        guard d.isFinite else { return .float(d) }
        if n > 300 { return .float(d) }
        if n >= 0 {
            d = Double(formatDouble(d, "f", precision: n)) ?? d
            return .float(d)
        }
        var p = 1.0
        for _ in 0..<(n < -308 ? 308 : -n) { p *= 10 }
        return .float((d / p).rounded(.toNearestOrEven) * p)
    }

    package static func matches(_ type: TypeObject, _ spec: Value, _ name: String) throws(ScriptError) -> Bool {
        switch spec {
        case .type(let target): return type.isSubtype(of: target)
        case .tuple(let options):
            for option in options where try matches(type, option, name) { return true }
            return false
        default:
            throw .typeError("\(name)() arg 2 must be a type, a tuple of types, or a union")
        }
    }
}

/// `sys.stdout` / `sys.stderr`.
package final class StreamObject: ScriptObject {
    package let stream: OutputStreamName
    init(_ stream: OutputStreamName) { self.stream = stream }
    package var typeName: String { "TextIOWrapper" }
    package func repr(interpreter: Interpreter) throws(ScriptError) -> String {
        "<_io.TextIOWrapper name='<\(stream.rawValue)>' mode='w' encoding='utf-8'>"
    }
    package func attribute(_ name: String, interpreter: Interpreter) throws(ScriptError) -> Value? {
        switch name {
        case "write":
            return .builtin(BuiltinFunction("write") { [stream] interpreter, a throws(ScriptError) in
                try a.expect("write", 1...1)
                let text = try a.positional[0].asString("write() argument")
                interpreter.host.write(text, to: stream)
                return .int(text.unicodeScalars.count)
            })
        case "flush":
            return .builtin(BuiltinFunction("flush") { [stream] interpreter, _ throws(ScriptError) in
                interpreter.host.flush(stream)
                return .none
            })
        default: return nil
        }
    }
    package var attributeNames: [String] { ["flush", "write"] }
}
