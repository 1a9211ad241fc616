import Rendering
extension Interpreter {
    package func makeIterator(_ value: Value) throws(ScriptError) -> any ValueIterator {
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
    package func iterate(_ value: Value) throws(ScriptError) -> [Value] {
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
                if let unpackable = object as? UnpackableObject { return unpackable.unpacked(interpreter: self) }
            }
            try refuseOversizedLengthHint(value)
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
    package func length(_ value: Value) throws(ScriptError) -> Int {
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

/// `range(start, stop, step)`, with bounds of up to 128 bits so that ranges reaching past
/// 2**63 (`range(-2**63, 2**63, 2**62)`, a slice's stop just past the last item) are exact.
package final class RangeObject: ScriptObject {
    package let start: Int128
    package let stop: Int128
    package let step: Int128

    package init(start: Int128, stop: Int128, step: Int128) {
        self.start = start
        self.stop = stop
        self.step = step
    }

    package convenience init(start: Int, stop: Int, step: Int) {
        self.init(start: Int128(start), stop: Int128(stop), step: Int128(step))
    }

    /// The bounds when they all fit an `Int` (every loop a lesson writes): `for` counts
    /// with them directly.
    package var narrow: (start: Int, stop: Int, step: Int)? {
        guard let start = Int(exactly: start), let stop = Int(exactly: stop), let step = Int(exactly: step) else { return nil }
        return (start, stop, step)
    }

    package var typeName: String { "range" }

    /// How many items the range has, exactly.
    var wideCount: Int128 {
        let span = step > 0 ? stop - start : start - stop
        guard span > 0 else { return 0 }
        let by = step.magnitude
        return Int128((UInt128(span) + by - 1) / by)
    }

    /// The item count, or `Int.max` when it does not fit.
    package var count: Int { Int(exactly: wideCount) ?? Int.max }

    /// The item at `i` (0 <= i < count), an int of any size.
    package func value(at i: Int128) -> Value { RangeObject.integer(start + i * step) }

    package static func integer(_ value: Int128) -> Value {
        if let small = Int(exactly: value) { return .int(small) }
        var magnitude = value.magnitude
        var result = BigInteger(0)
        var shift = 0
        while magnitude > 0 {
            let piece = Int(magnitude & 0xFFFF_FFFF)
            result = result + BigInteger(piece).shiftedLeft(shift)
            magnitude >>= 32
            shift += 32
        }
        return .integer(value < 0 ? BigInteger(0) - result : result)
    }

    /// How large a bound may be: sums and products of bounds and counts stay far from
    /// Int128's ends (CPython's ranges take any int; Recur's stop at 2**96).
    package static let limit = UInt128(1) << 96

    /// An int (of any size) as a range bound; nil past 2**96 or for other values.
    package static func bound(_ value: Value) -> Int128? {
        if let i = value.intLike { return Int128(i) }
        guard let big = value.bigInteger, big.limbs.count <= 3 else { return nil }
        var magnitude: Int128 = 0
        for (i, limb) in big.limbs.enumerated() { magnitude |= Int128(limb) << (32 * i) }
        return big.negative ? -magnitude : magnitude
    }

    package func repr(interpreter: Interpreter) throws(ScriptError) -> String {
        step == 1 ? "range(\(start), \(stop))" : "range(\(start), \(stop), \(step))"
    }

    package func truth(interpreter: Interpreter) throws(ScriptError) -> Bool? { wideCount > 0 }

    package func length(interpreter: Interpreter) throws(ScriptError) -> Int? {
        guard let n = Int(exactly: wideCount) else {
            throw ScriptError(.overflowError, "Python int too large to convert to C ssize_t")
        }
        return n
    }

    package func makeIterator(interpreter: Interpreter) throws(ScriptError) -> (any ValueIterator)? {
        RangeIterator(self)
    }

    package func item(_ key: Value, interpreter: Interpreter) throws(ScriptError) -> Value? {
        let total = wideCount
        // An int index of any size (`range(2**64)[-1]`); slices and objects with __index__ below.
        if let index = RangeObject.bound(key) {
            let i = index < 0 ? index + total : index
            guard i >= 0 && i < total else { throw .indexError("range object index out of range") }
            return value(at: i)
        }
        guard let length = Int(exactly: total) else {
            throw ScriptError(.overflowError, "Python int too large to convert to C ssize_t")
        }
        if case .object(let object) = key, let slice = object as? SliceObject {
            // A range sliced is a range (no list of its items): CPython's compute_slice.
            let (first, last, by) = try slice.indices(length: length, interpreter: interpreter)
            let (newStep, overflow) = Int128(by).multipliedReportingOverflow(by: step)
            guard !overflow, newStep.magnitude < RangeObject.limit else {
                throw ScriptError(.overflowError, "Python int too large to convert to C ssize_t")
            }
            // |first * step| and |last * step| stay within the range's span plus one step.
            return .object(RangeObject(start: start + Int128(first) * step, stop: start + Int128(last) * step, step: newStep))
        }
        let i = try interpreter.normalize(try interpreter.indexValue(key, container: "range"), count: length, "range object")
        return value(at: Int128(i))
    }

    package func attribute(_ name: String, interpreter: Interpreter) throws(ScriptError) -> Value? {
        switch name {
        case "start": return RangeObject.integer(start)
        case "stop": return RangeObject.integer(stop)
        case "step": return RangeObject.integer(step)
        case "index", "count":
            return .builtin(BuiltinFunction(name) { [self] interpreter, a throws(ScriptError) in
                try a.expect(name, 1...1)
                let found = try interpreter.truth(try compare(.in, a.positional[0], interpreter: interpreter) ?? .bool(false))
                if name == "count" { return .int(found ? 1 : 0) }
                guard found, let v = RangeObject.bound(a.positional[0]) else {
                    throw .valueError("\(try interpreter.repr(a.positional[0])) is not in range")
                }
                return RangeObject.integer((v - start) / step)
            })
        default: return nil
        }
    }

    package var attributeNames: [String] { ["count", "index", "start", "step", "stop"] }

    package func compare(_ op: CompareOp, _ other: Value, interpreter: Interpreter) throws(ScriptError) -> Value? {
        if op == .equal || op == .notEqual {
            // Ranges are equal when they produce the same numbers (Python's rule).
            guard case .object(let object) = other, let range = object as? RangeObject else { return .bool(op == .notEqual) }
            let n = wideCount
            let same = n == range.wideCount && (n == 0 || (start == range.start && (n == 1 || step == range.step)))
            return .bool(op == .equal ? same : !same)
        }
        guard op == .in || op == .notIn else { return nil }
        guard let v = RangeObject.bound(other) else { return .bool(op == .notIn) }
        let inside = step > 0 ? (v >= start && v < stop) : (v <= start && v > stop)
        let hit = inside && (v - start) % step == 0
        return .bool(op == .in ? hit : !hit)
    }
}

package final class RangeIterator: ValueIterator {
    package var current: Int128
    package let range: RangeObject
    init(_ range: RangeObject) {
        self.range = range
        current = range.start
    }
    package func next(interpreter: Interpreter) throws(ScriptError) -> Value? {
        guard range.step > 0 ? current < range.stop : current > range.stop else { return nil }
        let value = current
        let (next, overflow) = current.addingReportingOverflow(range.step)
        // Past Int128's end the range has ended anyway (its stop is within it).
        current = overflow ? range.stop : next
        return RangeObject.integer(value)
    }
}

/// A one-pass iterator object (`zip(...)`, `enumerate(...)`, `map(...)`, `iter(x)`).
package final class IteratorObject: ScriptObject, ValueIterator {
    package let typeName: String
    package let source: any ValueIterator
    package init(_ typeName: String, _ source: any ValueIterator) {
        self.typeName = typeName
        self.source = source
    }
    package func next(interpreter: Interpreter) throws(ScriptError) -> Value? { try source.next(interpreter: interpreter) }
    package func makeIterator(interpreter: Interpreter) throws(ScriptError) -> (any ValueIterator)? { self }
    package func repr(interpreter: Interpreter) throws(ScriptError) -> String {
        "<\(typeName) object at \(addressText(of: self))>"
    }
}

/// A closure-driven iterator used by `zip`, `enumerate`, `map` and `filter`.
package final class ClosureIterator: ValueIterator {
    package let step: (Interpreter) throws(ScriptError) -> Value?
    package init(_ step: @escaping (Interpreter) throws(ScriptError) -> Value?) { self.step = step }
    package func next(interpreter: Interpreter) throws(ScriptError) -> Value? {
        interpreter.iteratorDepth += 1
        defer { interpreter.iteratorDepth -= 1 }
        if interpreter.iteratorDepth > Interpreter.maxIteratorNesting {
            throw ScriptError(.recursionError, "maximum recursion depth exceeded while iterating")
        }
        return try step(interpreter)
    }
}

/// A stable, Python-looking address for default reprs.
package func addressText(of object: AnyObject) -> String {
    "0x" + String(UInt(bitPattern: Unmanaged.passUnretained(object).toOpaque()), radix: 16).leftPadded(to: 12)
}
