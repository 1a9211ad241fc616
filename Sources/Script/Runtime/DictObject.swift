/// A key usable in a dict or set: Python's hashable values with Python's equality
/// (`1 == 1.0 == True`).
package struct HashKey {
    package let value: Value

    init(_ value: Value) throws(ScriptError) {
        switch value {
        case .set(let set) where set.isFrozen:
            break
        case .list, .dict, .set:
            throw .typeError("unhashable type: '\(value.typeName)'")
        case .tuple(let items):
            for item in items { _ = try HashKey(item) }
        case .instance(let instance):
            guard Interpreter.isHashable(instance.type) else {
                throw .typeError("unhashable type: '\(instance.type.name)'")
            }
            if instance.type.lookup("__hash__") != nil && RunningInterpreter.current == nil {
                throw .typeError("'\(instance.type.name)' defines __hash__, which dicts and sets call only while script code runs")
            }
        case .object(let bytes as BytesObject) where bytes.isMutable:
            throw .typeError("unhashable type: 'bytearray'")
        case .object(let named as NamedTupleObject):
            for item in named.values { _ = try HashKey(item) }
        case .object(let object as UnhashableObject):
            throw .typeError("unhashable type: '\(object.typeName)'")
        case .none, .bool, .int, .float, .str, .function, .builtin, .boundMethod, .type, .module, .object:
            break
        }
        self.value = value
    }

    package static func equal(_ a: Value, _ b: Value) throws(ScriptError) -> Bool {
        // A namedtuple is the tuple of its values (`Point(1, 2) == (1, 2)`, one dict key).
        if case .object(let named as NamedTupleObject) = a { return try equal(.tuple(named.values), b) }
        if case .object(let named as NamedTupleObject) = b { return try equal(a, .tuple(named.values)) }
        // A NumPy scalar is the Python number it holds (`d[np.int64(3)]` finds `d[3]`).
        if case .object(let number as NumberLikeObject) = a { return try equal(number.pythonValue, b) }
        if case .object(let number as NumberLikeObject) = b { return try equal(a, number.pythonValue) }
        // A NaN key finds itself (CPython compares identity first).
        if case .float(let x) = a, case .float(let y) = b, x.isNaN, x.bitPattern == y.bitPattern { return true }
        switch (a, b) {
        case (.none, .none): return true
        case (.str(let x), .str(let y)): return x.hasSameCodePoints(y)
        case (.tuple(let x), .tuple(let y)):
            guard x.count == y.count else { return false }
            for (u, v) in zip(x, y) where !(try equal(u, v)) { return false }
            return true
        case (.instance, _), (_, .instance):
            // The same object, or equal by a class's own `__eq__` (as CPython's tables compare).
            if let x = a.identity, let y = b.identity, x == y { return true }
            guard let interpreter = RunningInterpreter.current else { return false }
            return try interpreter.equal(a, b)
        case (.object(let x as BigIntObject), .object(let y as BigIntObject)):
            return x.value == y.value
        case (.object(let x as BytesObject), .object(let y as BytesObject)):
            return x.bytes == y.bytes
        case (.set(let x), .set(let y)) where x.isFrozen || y.isFrozen:
            guard x.storage.count == y.storage.count else { return false }
            for k in x.storage.keys where try y.storage.get(k) == nil { return false }
            return true
        default:
            if a.numericValue != nil && b.numericValue != nil { return Value.numericOrder(a, b) == 0 }
            if let x = a.identity, let y = b.identity { return x == y }
            return false
        }
    }

    /// The table hash of a key, after the checks `init` makes: equal keys (`1`, `1.0`,
    /// `True`) hash alike. Cheaper than `Hasher`; dict tables probe with the high bits too.
    static func hashValue(of value: Value) throws(ScriptError) -> Int {
        switch value {
        case .none: return 0x3C5_A1E
        case .bool(let b): return b ? 1 : 0
        case .int(let i): return i
        case .float(let d):
            if d == d.rounded(), Swift.abs(d) < 9.2e18 { return Int(d) }
            return Int(bitPattern: UInt(d.bitPattern) &* 0x9E37_79B9_7F4A_7C15)
        case .str(let s):
            return fnv(s.utf8, seed: 0xcbf2_9ce4_8422_2325)
        case .tuple(let items):
            var h: UInt = 0x345678
            for item in items { h = (h ^ UInt(bitPattern: try hashValue(of: item))) &* 1_000_003 }
            return Int(bitPattern: h ^ UInt(items.count))
        case .object(let big as BigIntObject):
            return big.value.pythonHash
        case .object(let bytes as BytesObject):
            if bytes.isMutable { throw .typeError("unhashable type: 'bytearray'") }
            return fnv(bytes.bytes, seed: 0x8422_2325_cbf2_9ce4)
        case .object(let named as NamedTupleObject):
            // Equal to the tuple of its values, so hashed as it.
            return try hashValue(of: .tuple(named.values))
        case .object(let number as NumberLikeObject):
            return try hashValue(of: number.pythonValue)
        case .instance(let instance):
            // A class's own `__hash__` (instanceHash checks hashability); identity otherwise.
            guard instance.type.lookup("__hash__") != nil else { return try HashKey(value).identityHash }
            guard let interpreter = RunningInterpreter.current else { return try HashKey(value).identityHash }
            return try interpreter.instanceHash(value) ?? HashKey.addressHash(value)
        case .set(let set) where set.isFrozen:
            // Independent of the order: equal frozensets hash alike.
            var h: UInt = 0x1E0_F202
            for item in set.storage.keys {
                let x = UInt(bitPattern: try hashValue(of: item))
                h ^= (x ^ (x << 16) ^ 89_869_747) &* 3_644_798_167
            }
            return Int(bitPattern: h &* 69_069 &+ 907_133_923 &+ UInt(set.storage.count))
        case .list, .dict, .set:
            return try HashKey(value).identityHash
        case .function, .builtin, .boundMethod, .type, .module, .object:
            return HashKey.addressHash(value)
        }
    }

    /// FNV-1a over `bytes` (str and bytes keys; they never compare equal, so their seeds differ).
    private static func fnv(_ bytes: some Sequence<UInt8>, seed: UInt64) -> Int {
        var h = seed
        for byte in bytes { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(bitPattern: UInt(h))
    }

    /// A checked key's identity as a table hash.
    var identityHash: Int { HashKey.addressHash(value) }

    static func addressHash(_ value: Value) -> Int {
        guard let id = value.identity else { return 0 }
        // Objects are 16-byte aligned: the low bits carry nothing.
        return Int(bitPattern: UInt(bitPattern: unsafeBitCast(id, to: Int.self)) >> 4)
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
    package var numericValue: Double? {
        switch self {
        case .bool(let b): b ? 1 : 0
        case .int(let i): Double(i)
        case .float(let d): d
        case .none, .str, .list, .tuple, .dict, .set, .function, .builtin, .boundMethod, .type, .instance, .module,
             .object: nil
        }
    }

    /// Object identity for reference values (Python's `is` and default hashing).
    package var identity: ObjectIdentifier? {
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

/// An insertion-ordered dict, as Python's: entries in insertion order, found through an
/// open-addressing table of entry positions probed as CPython probes (the hash's higher bits
/// mixed in), with each entry's hash kept so growing and removing never hash a key again.
package final class DictObject {
    package private(set) var keys: [Value] = []
    private(set) var values: [Value] = []
    private var hashes: [Int] = []
    /// Entry position + 1 for each occupied slot, 0 for an empty one; a power of two long,
    /// never more than two thirds full (empty until the first entry).
    private var slots: [Int32] = []
    /// Counts rebuilds of the table (growing, removing, clearing), so a lookup notices one made
    /// by a key's `__eq__`; entries added in place keep their positions and need no restart.
    private var version = 0

    package var trackingIndex = -1

    package init() {
        CycleCollector.current.track(self)
    }

    deinit {
        CycleCollector.current.untrack(self)
        DeferredRelease.release(&keys)
        DeferredRelease.release(&values)
    }

    package var count: Int { keys.count }

    /// The slot holding `key` (whose hash is `hash`), or the empty slot where it would go.
    @inline(__always)
    private func probe(_ key: Value, _ hash: Int) throws(ScriptError) -> (slot: Int, position: Int?) {
        var restarts = 0
        search: while true {
            guard !slots.isEmpty else { reindex(capacity: 1); continue search }
            let mask = slots.count - 1
            let version = self.version
            var perturb = UInt(bitPattern: hash)
            var i = hash & mask
            while true {
                let entry = Int(slots[i])
                if entry == 0 { return (i, nil) }
                let position = entry - 1
                if hashes[position] == hash {
                    let same = try HashKey.equal(keys[position], key)
                    // A class's `__eq__` may have changed this dict: look again, as CPython does.
                    if version != self.version {
                        restarts += 1
                        if restarts > 1000 { throw .runtimeError("dictionary changed size during lookup") }
                        continue search
                    }
                    if same { return (i, position) }
                }
                perturb >>= 5
                i = (i &* 5 &+ 1 &+ Int(bitPattern: perturb)) & mask
            }
        }
    }

    /// Rebuilds the table for the current entries, `capacity` slots at least.
    private func reindex(capacity: Int) {
        version &+= 1
        var size = 8
        while size * 2 < capacity * 3 { size *= 2 }
        slots = [Int32](repeating: 0, count: size)
        let mask = size - 1
        for (position, hash) in hashes.enumerated() {
            var perturb = UInt(bitPattern: hash)
            var i = hash & mask
            while slots[i] != 0 {
                perturb >>= 5
                i = (i &* 5 &+ 1 &+ Int(bitPattern: perturb)) & mask
            }
            slots[i] = Int32(truncatingIfNeeded: position + 1)
        }
    }

    package func get(_ key: Value) throws(ScriptError) -> Value? {
        let hash = try HashKey.hashValue(of: key)
        guard !slots.isEmpty, let position = try probe(key, hash).position else { return nil }
        return values[position]
    }

    package func set(_ key: Value, _ value: Value) throws(ScriptError) {
        let hash = try HashKey.hashValue(of: key)
        if slots.isEmpty { reindex(capacity: 1) }
        let (slot, found) = try probe(key, hash)
        if let found {
            values[found] = value
            return
        }
        guard keys.count < Int(Int32.max) - 1 else { throw ScriptError(.memoryError, "dict is too large") }
        keys.append(key)
        values.append(value)
        hashes.append(hash)
        if (keys.count) * 3 > slots.count * 2 {
            reindex(capacity: keys.count * 2)
        } else {
            slots[slot] = Int32(truncatingIfNeeded: keys.count)
        }
    }

    /// Removes `key`; returns its value, or nil when absent.
    package func remove(_ key: Value) throws(ScriptError) -> Value? {
        let hash = try HashKey.hashValue(of: key)
        guard !slots.isEmpty, let position = try probe(key, hash).position else { return nil }
        let value = values[position]
        keys.remove(at: position)
        values.remove(at: position)
        hashes.remove(at: position)
        // The later entries moved down one place: the table is rebuilt from the kept hashes.
        reindex(capacity: keys.count)
        return value
    }

    package func removeAll() {
        version &+= 1
        keys = []
        values = []
        hashes = []
        slots = []
    }

    package func copy() -> DictObject {
        let other = DictObject()
        other.keys = keys
        other.values = values
        other.hashes = hashes
        other.slots = slots
        return other
    }

    package var items: [(Value, Value)] { Array(zip(keys, values)) }
}
