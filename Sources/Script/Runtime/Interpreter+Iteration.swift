extension Interpreter {
    func makeIterator(_ value: Value) throws(ScriptError) -> any ValueIterator {
        switch value {
        case .list(let list): return ListIterator(list)
        case .tuple(let items): return ArrayIterator(items)
        case .str(let string): return CodePointIterator(string)
        case .dict(let dict): return KeyIterator(dict, owner: "dictionary")
        case .set(let set): return KeyIterator(set.storage, owner: "Set")
        case .object(let object):
            if let iterator = try object.makeIterator(interpreter: self) { return iterator }
        case .instance(let instance):
            if let iter = instance.type.lookup("__iter__") {
                return try iteratorReturned(by: try callBound(iter, receiver: value, Arguments()))
            }
            if let getItem = instance.type.lookup("__getitem__") { return SequenceIterator(value, getItem: getItem) }
        case .type:
            if hasMetaclass(value), let result = try callSpecial(value, "__iter__") { return try iteratorReturned(by: result) }
        case .none, .bool, .int, .float, .function, .builtin, .boundMethod, .module:
            break
        }
        throw .typeError("'\(value.typeName)' object is not iterable")
    }

    /// All items of an iterable.
    func iterate(_ value: Value) throws(ScriptError) -> [Value] {
        switch value {
        case .list(let list): return list.items
        case .tuple(let items): return items
        case .none, .bool, .int, .float, .str, .dict, .set, .function, .builtin, .boundMethod, .type,
             .instance, .module, .object:
            if case .object(let object) = value {
                if let range = object as? RangeObject, range.count > Interpreter.maxContainerLength {
                    throw ScriptError(.memoryError, "")
                }
                // `_, idx = t.max(dim=1)`: the pair without an iterator.
                if let pair = object as? ReturnTypesObject { return [wrap(pair.values), wrap(pair.indices)] }
            }
            let iterator = try makeIterator(value)
            var items: [Value] = []
            while let item = try iterator.next(interpreter: self) {
                items.append(item)
                if items.count & 0xFFF == 0 {
                    try checkInterrupt()
                    if items.count > Interpreter.maxContainerLength { throw ScriptError(.memoryError, "") }
                }
            }
            return items
        }
    }

    /// Length for `len()`.
    func length(_ value: Value) throws(ScriptError) -> Int {
        switch value {
        case .list(let list): return list.items.count
        case .tuple(let items): return items.count
        case .str(let string): return CodePoints(string, tables: codePointTables).count
        case .dict(let dict): return dict.count
        case .set(let set): return set.storage.count
        case .object(let object):
            if let n = try object.length(interpreter: self) { return n }
        case .instance, .type:
            if let n = try instanceLength(value) { return n }
        case .none, .bool, .int, .float, .function, .builtin, .boundMethod, .module:
            break
        }
        throw .typeError("object of type '\(value.typeName)' has no len()")
    }
}

/// `range(start, stop, step)`.
final class RangeObject: ScriptObject {
    let start: Int
    let stop: Int
    let step: Int

    init(start: Int, stop: Int, step: Int) {
        self.start = start
        self.stop = stop
        self.step = step
    }

    var typeName: String { "range" }
    var count: Int {
        // Computed in Double where the Int difference could overflow (ranges near Int's ends).
        let span = step > 0 ? Double(stop) - Double(start) : Double(start) - Double(stop)
        guard span > 0 else { return 0 }
        let n = (span / Double(step.magnitude)).rounded(.up)
        return n >= 9.2e18 ? Int.max : Int(n)
    }

    func repr(interpreter: Interpreter) throws(ScriptError) -> String {
        step == 1 ? "range(\(start), \(stop))" : "range(\(start), \(stop), \(step))"
    }

    func truth(interpreter: Interpreter) throws(ScriptError) -> Bool? { count > 0 }

    func length(interpreter: Interpreter) throws(ScriptError) -> Int? {
        let n = count
        if n == Int.max { throw ScriptError(.overflowError, "Python int too large to convert to C ssize_t") }
        return n
    }

    func makeIterator(interpreter: Interpreter) throws(ScriptError) -> (any ValueIterator)? {
        RangeIterator(self)
    }

    func item(_ key: Value, interpreter: Interpreter) throws(ScriptError) -> Value? {
        if case .object(let object) = key, let slice = object as? SliceObject {
            // A range sliced is a range (no list of its items): CPython's compute_slice.
            let (first, last, by) = try slice.indices(length: count, interpreter: interpreter)
            let (offset, o1) = first.multipliedReportingOverflow(by: step)
            let (end, o2) = last.multipliedReportingOverflow(by: step)
            let (newStep, o3) = by.multipliedReportingOverflow(by: step)
            let (newStart, o4) = start.addingReportingOverflow(offset)
            let (newStop, o5) = start.addingReportingOverflow(end)
            guard !(o1 || o2 || o3 || o4 || o5) else {
                throw ScriptError(.overflowError, "Python int too large to convert to C ssize_t")
            }
            return .object(RangeObject(start: newStart, stop: newStop, step: newStep))
        }
        let i = try interpreter.normalize(try interpreter.indexValue(key, container: "range"), count: count, "range object")
        return .int(start + i * step)
    }

    func attribute(_ name: String, interpreter: Interpreter) throws(ScriptError) -> Value? {
        switch name {
        case "start": return .int(start)
        case "stop": return .int(stop)
        case "step": return .int(step)
        case "index", "count":
            return .builtin(BuiltinFunction(name) { [self] interpreter, a throws(ScriptError) in
                try a.expect(name, 1...1)
                let found = try interpreter.truth(try compare(.in, a.positional[0], interpreter: interpreter) ?? .bool(false))
                if name == "count" { return .int(found ? 1 : 0) }
                guard found, case .int(let v) = a.positional[0] else {
                    throw .valueError("\(try interpreter.repr(a.positional[0])) is not in range")
                }
                return .int(Int((Int128(v) - Int128(start)) / Int128(step)))
            })
        default: return nil
        }
    }

    var attributeNames: [String] { ["count", "index", "start", "step", "stop"] }

    func compare(_ op: CompareOp, _ other: Value, interpreter: Interpreter) throws(ScriptError) -> Value? {
        if op == .equal || op == .notEqual {
            // Ranges are equal when they produce the same numbers (Python's rule).
            guard case .object(let object) = other, let range = object as? RangeObject else { return .bool(op == .notEqual) }
            let same = count == range.count && (count == 0 || (start == range.start && (count == 1 || step == range.step)))
            return .bool(op == .equal ? same : !same)
        }
        guard op == .in || op == .notIn else { return nil }
        guard case .int(let v) = other else { return .bool(op == .notIn) }
        let inside = step > 0 ? (v >= start && v < stop) : (v <= start && v > stop)
        let hit = inside && (Int128(v) - Int128(start)) % Int128(step) == 0
        return .bool(op == .in ? hit : !hit)
    }
}

final class RangeIterator: ValueIterator {
    var current: Int
    var finished = false
    let range: RangeObject
    init(_ range: RangeObject) {
        self.range = range
        current = range.start
    }
    func next(interpreter: Interpreter) throws(ScriptError) -> Value? {
        guard !finished, range.step > 0 ? current < range.stop : current > range.stop else { return nil }
        let value = current
        let (next, overflow) = current.addingReportingOverflow(range.step)
        if overflow { finished = true } else { current = next }
        return .int(value)
    }
}

/// A one-pass iterator object (`zip(...)`, `enumerate(...)`, `map(...)`, `iter(x)`).
final class IteratorObject: ScriptObject, ValueIterator {
    let typeName: String
    let source: any ValueIterator
    init(_ typeName: String, _ source: any ValueIterator) {
        self.typeName = typeName
        self.source = source
    }
    func next(interpreter: Interpreter) throws(ScriptError) -> Value? { try source.next(interpreter: interpreter) }
    func makeIterator(interpreter: Interpreter) throws(ScriptError) -> (any ValueIterator)? { self }
    func repr(interpreter: Interpreter) throws(ScriptError) -> String {
        "<\(typeName) object at \(addressText(of: self))>"
    }
}

/// A closure-driven iterator used by `zip`, `enumerate`, `map` and `filter`.
final class ClosureIterator: ValueIterator {
    let step: (Interpreter) throws(ScriptError) -> Value?
    init(_ step: @escaping (Interpreter) throws(ScriptError) -> Value?) { self.step = step }
    func next(interpreter: Interpreter) throws(ScriptError) -> Value? {
        interpreter.iteratorDepth += 1
        defer { interpreter.iteratorDepth -= 1 }
        if interpreter.iteratorDepth > Interpreter.maxIteratorNesting {
            throw ScriptError(.recursionError, "maximum recursion depth exceeded while iterating")
        }
        return try step(interpreter)
    }
}

/// A stable, Python-looking address for default reprs.
func addressText(of object: AnyObject) -> String {
    "0x" + String(UInt(bitPattern: Unmanaged.passUnretained(object).toOpaque()), radix: 16).leftPadded(to: 12)
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
