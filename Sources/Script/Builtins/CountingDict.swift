/// `collections.Counter`, `defaultdict` and `OrderedDict`: a dict with its own rule for
/// missing keys, reprs and extra methods.
/// Dict methods apply to the underlying dict; `isinstance(x, dict)` is False (they are not
/// dict subclasses in Recur).
package final class CountingDict: ScriptObject {
    package enum Kind {
        /// Missing keys count 0 and are not stored.
        case counter
        /// Missing keys get the factory's value, stored; a None factory raises KeyError.
        case defaultDict(Value)
        /// Missing keys raise KeyError; equality between two of them depends on order.
        case ordered
    }

    /// A defaultdict's factory can be replaced (`d.default_factory = list`).
    package internal(set) var kind: Kind
    package let storage: DictObject
    /// Attributes set on the dict, as on any instance of a dict subclass (`od.note = 1`; the
    /// `_metadata` of PyTorch's state dicts).
    package var attributes: [String: Value] = [:]

    package init(_ kind: Kind, _ storage: DictObject = DictObject()) {
        self.kind = kind
        self.storage = storage
    }

    package var typeName: String {
        switch kind {
        case .counter: "Counter"
        case .defaultDict: "defaultdict"
        case .ordered: "OrderedDict"
        }
    }

    var isCounter: Bool {
        switch kind {
        case .counter: true
        case .defaultDict, .ordered: false
        }
    }

    package var isOrdered: Bool {
        switch kind {
        case .ordered: true
        case .counter, .defaultDict: false
        }
    }

    package var attributeNames: [String] { declaration.attributeNames }

    private func countOf(_ key: Value) throws(ScriptError) -> Value { try storage.get(key) ?? .int(0) }

    /// `Counter(iterable)`, `update` (`sign` 1) and `subtract` (`sign` -1): CPython's arithmetic.
    package func add(_ a: Arguments, sign: Int, _ interpreter: Interpreter) throws(ScriptError) {
        var pairs: [(Value, Value)] = []
        if let source = a.positional.first {
            switch source {
            case .dict(let d): pairs = d.items
            case .object(let object as CountingDict): pairs = object.storage.items
            case .none: break
            default:
                for element in try interpreter.iterate(source) {
                    try storage.set(element, try interpreter.binary(sign > 0 ? .add : .subtract, countOf(element), .int(1)))
                }
            }
        }
        pairs += a.keywords.map { (Value.str($0.name), $0.value) }
        for (key, count) in pairs {
            let updated = sign > 0 ? try interpreter.binary(.add, count, countOf(key))
                                   : try interpreter.binary(.subtract, countOf(key), count)
            try storage.set(key, updated)
        }
    }

    /// `(element, count)` pairs, largest count first, ties in insertion order.
    package func mostCommon(_ interpreter: Interpreter) throws(ScriptError) -> [Value] {
        let count = BuiltinFunction("count") { _, a throws(ScriptError) in
            guard case .tuple(let pair)? = a.positional.first, pair.count == 2 else { return .none }
            return pair[1]
        }
        return try interpreter.sorted(storage.items.map { .tuple([$0.0, $0.1]) }, key: .builtin(count), reverse: .bool(true))
    }

    package func repr(interpreter: Interpreter) throws(ScriptError) -> String {
        switch kind {
        case .counter:
            if storage.count == 0 { return "Counter()" }
            let ordered = DictObject()
            for case .tuple(let pair) in try mostCommon(interpreter) where pair.count == 2 { try ordered.set(pair[0], pair[1]) }
            return "Counter(\(try interpreter.repr(.dict(ordered))))"
        case .defaultDict(let factory):
            return "defaultdict(\(try interpreter.repr(factory)), \(try interpreter.repr(.dict(storage))))"
        case .ordered:
            // CPython 3.11's form (3.12 prints `OrderedDict({...})`).
            if storage.count == 0 { return "OrderedDict()" }
            return "OrderedDict(\(try interpreter.repr(.list(ListObject(storage.items.map { .tuple([$0.0, $0.1]) })))))"
        }
    }

    package func item(_ key: Value, interpreter: Interpreter) throws(ScriptError) -> Value? {
        if let value = try storage.get(key) { return value }
        return try missing(key, interpreter)
    }

    /// The value for a key the dict lacks: CPython's `__missing__` of each type.
    func missing(_ key: Value, _ interpreter: Interpreter) throws(ScriptError) -> Value {
        switch kind {
        case .counter: return .int(0)
        case .defaultDict(.none), .ordered: throw .keyError(key, repr: try interpreter.repr(key))
        case .defaultDict(let factory):
            let value = try interpreter.call(factory, Arguments())
            try storage.set(key, value)
            return value
        }
    }

    package func setItem(_ key: Value, _ value: Value, interpreter: Interpreter) throws(ScriptError) -> Bool {
        try storage.set(key, value)
        return true
    }

    /// `del c[key]`: a Counter ignores a missing key (CPython's `Counter.__delitem__`).
    package func deleteItem(_ key: Value, interpreter: Interpreter) throws(ScriptError) -> Bool {
        if try storage.remove(key) == nil && !isCounter { throw .keyError(key, repr: try interpreter.repr(key)) }
        return true
    }

    package func length(interpreter: Interpreter) throws(ScriptError) -> Int? { storage.count }
    package func truth(interpreter: Interpreter) throws(ScriptError) -> Bool? { storage.count > 0 }
    package func makeIterator(interpreter: Interpreter) throws(ScriptError) -> (any ValueIterator)? { ArrayIterator(storage.keys) }

    package func compare(_ op: CompareOp, _ other: Value, interpreter: Interpreter) throws(ScriptError) -> Value? {
        guard op == .equal || op == .notEqual else { return nil }
        switch other {
        case .dict(let d): return try interpreter.compare(op, .dict(storage), .dict(d))
        case .object(let o as CountingDict):
            let equal = try interpreter.truth(try interpreter.compare(.equal, .dict(storage), .dict(o.storage)))
            var sameOrder = true
            if isOrdered && o.isOrdered {
                for (mine, theirs) in zip(storage.keys, o.storage.keys) where !(try interpreter.equal(mine, theirs)) { sameOrder = false }
            }
            return .bool((equal && sameOrder) == (op == .equal))
        default: return nil
        }
    }

    /// An attribute set on the dict shadows a method, as in an instance `__dict__`.
    package func attribute(_ name: String, interpreter: Interpreter) throws(ScriptError) -> Value? {
        if let value = attributes[name] { return value }
        return try declaration.attribute(name, of: self, typeName: typeName, interpreter: interpreter)
    }

    package func setAttribute(_ name: String, _ value: Value, interpreter: Interpreter) throws(ScriptError) -> Bool {
        if try declaration.setAttribute(name, of: self, typeName: typeName, value, interpreter: interpreter) { return true }
        // defaultdict instances have no __dict__ in CPython; OrderedDict and Counter do.
        guard !declaration.declares(name), isCounter || isOrdered else { return false }
        attributes[name] = value
        return true
    }

    package func callMethod(_ name: String, _ a: Arguments, interpreter: Interpreter) throws(ScriptError) -> Value? {
        if let value = attributes[name] { return try interpreter.call(value, a) }
        return try declaration.call(name, on: self, typeName: typeName, a, interpreter: interpreter)
    }

    /// Counter's `+ - | &`: CPython's rules, keeping only positive counts.
    package func binary(_ op: BinaryOp, _ other: Value, reflected: Bool, interpreter: Interpreter) throws(ScriptError) -> Value? {
        guard isCounter, case .object(let o as CountingDict) = other, o.isCounter, !reflected else { return nil }
        func positive(_ v: Value) throws(ScriptError) -> Bool { try interpreter.truth(try interpreter.compare(.greater, v, .int(0))) }
        let result = CountingDict(.counter)
        for (key, count) in storage.items {
            let theirs = try o.countOf(key)
            let combined: Value
            switch op {
            case .add: combined = try interpreter.binary(.add, count, theirs)
            case .subtract: combined = try interpreter.binary(.subtract, count, theirs)
            case .bitOr: combined = try interpreter.truth(try interpreter.compare(.less, count, theirs)) ? theirs : count
            case .bitAnd: combined = try interpreter.truth(try interpreter.compare(.less, count, theirs)) ? count : theirs
            case .multiply, .divide, .floorDivide, .modulo, .power, .matmul, .bitXor, .shiftLeft, .shiftRight: return nil
            }
            if try positive(combined) { try result.storage.set(key, combined) }
        }
        for (key, count) in o.storage.items where try storage.get(key) == nil && op != .bitAnd {
            if op == .subtract {
                if try interpreter.truth(try interpreter.compare(.less, count, .int(0))) {
                    try result.storage.set(key, try interpreter.binary(.subtract, .int(0), count))
                }
            } else if try positive(count) {
                try result.storage.set(key, count)
            }
        }
        return .object(result)
    }
}
