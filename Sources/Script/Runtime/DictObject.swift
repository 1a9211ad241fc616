/// A key usable in a dict or set: Python's hashable values with Python's equality
/// (`1 == 1.0 == True`).
struct HashKey: Hashable {
    let value: Value

    init(_ value: Value) throws(ScriptError) {
        switch value {
        case .list, .dict, .set:
            throw .typeError("unhashable type: '\(value.typeName)'")
        case .tuple(let items):
            for item in items { _ = try HashKey(item) }
        case .instance(let instance):
            guard Interpreter.isHashable(instance.type) else {
                throw .typeError("unhashable type: '\(instance.type.name)'")
            }
            // Keys are found by identity; a class's own hashing would be ignored, so it is refused.
            if instance.type.lookup("__hash__") != nil {
                throw .typeError("Recur dicts and sets find instances by identity; '\(instance.type.name)' defines __hash__, which they do not call")
            }
        case .object(let bytes as BytesObject) where bytes.isMutable:
            throw .typeError("unhashable type: 'bytearray'")
        case .object(let named as NamedTupleObject):
            for item in named.values { _ = try HashKey(item) }
        case .none, .bool, .int, .float, .str, .function, .builtin, .boundMethod, .type, .module, .object:
            break
        }
        self.value = value
    }

    static func == (lhs: HashKey, rhs: HashKey) -> Bool {
        HashKey.equal(lhs.value, rhs.value)
    }

    static func equal(_ a: Value, _ b: Value) -> Bool {
        // A namedtuple is the tuple of its values (`Point(1, 2) == (1, 2)`, one dict key).
        if case .object(let named as NamedTupleObject) = a { return equal(.tuple(named.values), b) }
        if case .object(let named as NamedTupleObject) = b { return equal(a, .tuple(named.values)) }
        switch (a, b) {
        case (.none, .none): return true
        case (.str(let x), .str(let y)): return x.hasSameCodePoints(y)
        case (.tuple(let x), .tuple(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) }
        case (.object(let x as BigIntObject), .object(let y as BigIntObject)):
            return x.value == y.value
        case (.object(let x as BytesObject), .object(let y as BytesObject)):
            return x.bytes == y.bytes
        default:
            if a.numericValue != nil && b.numericValue != nil { return Value.numericOrder(a, b) == 0 }
            if let x = a.identity, let y = b.identity { return x == y }
            return false
        }
    }

    func hash(into hasher: inout Hasher) {
        HashKey.hash(value, into: &hasher)
    }

    static func hash(_ value: Value, into hasher: inout Hasher) {
        switch value {
        case .none: hasher.combine(0)
        case .bool(let b): hasher.combine(b ? 1 : 0)
        case .int(let i): hasher.combine(i)
        case .float(let d):
            if d == d.rounded(), abs(d) < 9.2e18 { hasher.combine(Int(d)) } else { hasher.combine(d) }
        case .str(let s): hasher.combine(s)
        case .tuple(let items):
            hasher.combine(items.count)
            for item in items { hash(item, into: &hasher) }
        case .object(let big as BigIntObject):
            hasher.combine(big.value.pythonHash)
        case .object(let bytes as BytesObject):
            hasher.combine(bytes.bytes)
        case .object(let named as NamedTupleObject):
            hash(.tuple(named.values), into: &hasher)
        case .list, .dict, .set, .function, .builtin, .boundMethod, .type, .instance, .module, .object:
            if let id = value.identity { hasher.combine(id) }
        }
    }
}

extension Value {
    /// Python's exact numeric comparison (-1, 0, 1; nil when either is not a number or a NaN
    /// is involved): ints against floats compare their exact values, not the float nearest
    /// the int (`2**53 + 1 == 2.0**53` is False).
    static func numericOrder(_ a: Value, _ b: Value) -> Int? {
        switch (a, b) {
        case (.float(let x), .float(let y)):
            if x.isNaN || y.isNaN { return nil }
            return x < y ? -1 : (x == y ? 0 : 1)
        case (.float(let x), _):
            guard let y = b.intLike else { return nil }
            return numericOrder(.int(y), .float(x)).map { -$0 }
        case (_, .float(let y)):
            guard let x = a.intLike, !y.isNaN else { return nil }
            if y == y.rounded() {
                // An integral float past Int's range is beyond every Int.
                guard let exact = Int(exactly: y) else { return y > 0 ? -1 : 1 }
                return x < exact ? -1 : (x == exact ? 0 : 1)
            }
            let d = Double(x)
            return d < y ? -1 : (d == y ? 0 : 1)
        default:
            guard let x = a.intLike, let y = b.intLike else { return nil }
            return x < y ? -1 : (x == y ? 0 : 1)
        }
    }

    /// Numbers (and bools) as doubles, for arithmetic mixing ints and floats.
    var numericValue: Double? {
        switch self {
        case .bool(let b): b ? 1 : 0
        case .int(let i): Double(i)
        case .float(let d): d
        case .none, .str, .list, .tuple, .dict, .set, .function, .builtin, .boundMethod, .type, .instance, .module,
             .object: nil
        }
    }

    /// Object identity for reference values (Python's `is` and default hashing).
    var identity: ObjectIdentifier? {
        switch self {
        case .list(let o): ObjectIdentifier(o)
        case .dict(let o): ObjectIdentifier(o)
        case .set(let o): ObjectIdentifier(o)
        case .function(let o): ObjectIdentifier(o)
        case .builtin(let o): ObjectIdentifier(o)
        case .boundMethod(let o): ObjectIdentifier(o)
        case .type(let o): ObjectIdentifier(o)
        case .instance(let o): ObjectIdentifier(o)
        case .module(let o): ObjectIdentifier(o)
        case .object(let o): ObjectIdentifier(o)
        case .none, .bool, .int, .float, .str, .tuple: nil
        }
    }
}

/// An insertion-ordered dict, as Python's.
final class DictObject {
    private(set) var keys: [Value] = []
    private(set) var values: [Value] = []
    private var index: [HashKey: Int] = [:]

    var trackingIndex = -1

    init() {
        CycleCollector.current.track(self)
    }

    deinit {
        CycleCollector.current.untrack(self)
        index = [:]
        DeferredRelease.release(&keys)
        DeferredRelease.release(&values)
    }

    var count: Int { keys.count }

    func get(_ key: Value) throws(ScriptError) -> Value? {
        guard let position = index[try HashKey(key)] else { return nil }
        return values[position]
    }

    func set(_ key: Value, _ value: Value) throws(ScriptError) {
        let hashKey = try HashKey(key)
        if let position = index[hashKey] {
            values[position] = value
        } else {
            index[hashKey] = keys.count
            keys.append(key)
            values.append(value)
        }
    }

    /// Removes `key`; returns its value, or nil when absent.
    func remove(_ key: Value) throws(ScriptError) -> Value? {
        let hashKey = try HashKey(key)
        guard let position = index.removeValue(forKey: hashKey) else { return nil }
        let value = values[position]
        keys.remove(at: position)
        values.remove(at: position)
        for i in position..<keys.count {
            if let k = try? HashKey(keys[i]) { index[k] = i }
        }
        return value
    }

    func removeAll() {
        keys = []
        values = []
        index = [:]
    }

    func copy() -> DictObject {
        let other = DictObject()
        other.keys = keys
        other.values = values
        other.index = index
        return other
    }

    var items: [(Value, Value)] { Array(zip(keys, values)) }
}
