extension Interpreter {
    package func compare(_ op: CompareOp, _ left: Value, _ right: Value) throws(ScriptError) -> Value {
        switch op {
        case .in, .notIn:
            if case .object(let object) = right, let result = try object.compare(op, left, interpreter: self) {
                return result
            }
            let found = try contains(right, left)
            return .bool(op == .in ? found : !found)
        case .is: return .bool(identical(left, right))
        case .isNot: return .bool(!identical(left, right))
        case .equal, .notEqual:
            if let result = try instanceCompare(op, left, right) { return result }
            if case .object(let object) = left, let result = try object.compare(op, right, interpreter: self) {
                return result
            }
            if case .object(let object) = right, let result = try object.compare(op, left, interpreter: self) {
                return result
            }
            let same = try equal(left, right)
            return .bool(op == .equal ? same : !same)
        case .less, .lessEqual, .greater, .greaterEqual:
            if let result = try instanceCompare(op, left, right) { return result }
            if case .object(let object) = left, let result = try object.compare(op, right, interpreter: self) {
                return result
            }
            if case .object(let object) = right, let result = try object.compare(op.swapped, left, interpreter: self) {
                return result
            }
            if case .set(let x) = left, case .set(let y) = right {
                // Sets order by inclusion: subset, proper subset, superset, proper superset.
                func within(_ a: SetObject, _ b: SetObject) throws(ScriptError) -> Bool {
                    for key in a.storage.keys where try b.storage.get(key) == nil { return false }
                    return true
                }
                switch op {
                case .lessEqual: return .bool(try within(x, y))
                case .less:
                    if x.storage.count >= y.storage.count { return .bool(false) }
                    return .bool(try within(x, y))
                case .greaterEqual: return .bool(try within(y, x))
                case .greater, .equal, .notEqual, .in, .notIn, .is, .isNot:
                    if x.storage.count <= y.storage.count { return .bool(false) }
                    return .bool(try within(y, x))
                }
            }
            if left.numericValue != nil && right.numericValue != nil && Value.numericOrder(left, right) == nil {
                return .bool(false)  // a NaN is neither smaller, equal nor larger
            }
            let order = try ordering(left, right, op)
            switch op {
            case .less: return .bool(order < 0)
            case .lessEqual: return .bool(order <= 0)
            case .greater: return .bool(order > 0)
            case .greaterEqual, .equal, .notEqual, .in, .notIn, .is, .isNot: return .bool(order >= 0)
            }
        }
    }

    func identical(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.none, .none): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y
        // Floats are values in Recur: the same bits stand for the same object (`nan is nan`
        // for one variable, as in CPython; `0.0 is -0.0` is False).
        case (.float(let x), .float(let y)): return x.bitPattern == y.bitPattern
        case (.str(let x), .str(let y)): return x.hasSameCodePoints(y)
        default:
            if let x = a.identity, let y = b.identity { return x == y }
            return false
        }
    }

    /// Python's `PyObject_RichCompareBool`: a value that is the other one is equal without
    /// asking `==` (membership, `index`, `count`, `remove` and sequence equality use this; a
    /// tensor's `==` is elementwise and has no single truth value).
    func sameOrEqual(_ a: Value, _ b: Value) throws(ScriptError) -> Bool {
        if let x = a.identity, let y = b.identity, x == y { return true }
        // CPython's containers try identity first: `[nan] == [nan]` holding the same NaN.
        if case .float(let x) = a, case .float(let y) = b, x.isNaN, x.bitPattern == y.bitPattern { return true }
        return try equal(a, b)
    }

    /// Python's `==`, deep for containers.
    package func equal(_ a: Value, _ b: Value) throws(ScriptError) -> Bool {
        switch (a, b) {
        case (.none, .none): return true
        case (.str(let x), .str(let y)): return x.hasSameCodePoints(y)
        case (.list(let x), .list(let y)): return try sequencesEqual(x.items, y.items)
        case (.tuple(let x), .tuple(let y)): return try sequencesEqual(x, y)
        case (.dict(let x), .dict(let y)):
            guard x.count == y.count else { return false }
            reprDepth += 1
            defer { reprDepth -= 1 }
            if reprDepth > Interpreter.recursionLimit {
                throw ScriptError(.recursionError, "maximum recursion depth exceeded in comparison")
            }
            for (k, v) in x.items {
                guard let other = try y.get(k), try sameOrEqual(v, other) else { return false }
            }
            return true
        case (.set(let x), .set(let y)):
            guard x.storage.count == y.storage.count else { return false }
            for k in x.storage.keys where try y.storage.get(k) == nil { return false }
            return true
        case (.object(let object), _):
            if let result = try object.compare(.equal, b, interpreter: self) { return try truth(result) }
            if case .object(let other) = b, let result = try other.compare(.equal, a, interpreter: self) {
                return try truth(result)
            }
            return identical(a, b)
        case (_, .object(let object)):
            if let result = try object.compare(.equal, a, interpreter: self) { return try truth(result) }
            return identical(a, b)
        case (.instance, _), (_, .instance):
            if let result = try instanceCompare(.equal, a, b) { return try truth(result) }
            return identical(a, b)
        default:
            if a.numericValue != nil && b.numericValue != nil { return Value.numericOrder(a, b) == 0 }
            return identical(a, b)
        }
    }

    func sequencesEqual(_ x: [Value], _ y: [Value]) throws(ScriptError) -> Bool {
        guard x.count == y.count else { return false }
        reprDepth += 1
        defer { reprDepth -= 1 }
        if reprDepth > Interpreter.recursionLimit {
            throw ScriptError(.recursionError, "maximum recursion depth exceeded in comparison")
        }
        for (l, r) in zip(x, y) where try !sameOrEqual(l, r) { return false }
        return true
    }

    /// -1, 0 or 1 for the orderable pairs Python orders.
    package func ordering(_ a: Value, _ b: Value, _ op: CompareOp) throws(ScriptError) -> Int {
        switch (a, b) {
        case (.str(let x), .str(let y)):
            return x.unicodeScalars.lexicographicallyPrecedes(y.unicodeScalars) ? -1 : (x.hasSameCodePoints(y) ? 0 : 1)
        case (.list(let x), .list(let y)): return try sequenceOrdering(x.items, y.items, op)
        case (.tuple(let x), .tuple(let y)): return try sequenceOrdering(x, y, op)
        case (.object(let x as BytesObject), .object(let y as BytesObject)):
            return x.bytes.lexicographicallyPrecedes(y.bytes) ? -1 : (x.bytes == y.bytes ? 0 : 1)
        // A NumPy scalar orders as the Python number it holds (`sorted(array)`, `max(array)`).
        case (.object(let number as NumberLikeObject), _): return try ordering(number.pythonValue, b, op)
        case (_, .object(let number as NumberLikeObject)): return try ordering(a, number.pythonValue, op)
        case (.object(let object), _) where object is BigIntObject, (_, .object(let object)) where object is BigIntObject:
            let flip = if case .object(let left) = a, left === object { 1 } else { -1 }
            let other = flip == 1 ? b : a
            guard let less = try object.compare(.less, other, interpreter: self),
                  let same = try object.compare(.equal, other, interpreter: self) else {
                throw .typeError("'\(op.rawValue)' not supported between instances of '\(a.typeName)' and '\(b.typeName)'")
            }
            if try truth(same) { return 0 }
            return try truth(less) ? -flip : flip
        default:
            if a.numericValue != nil && b.numericValue != nil {
                // NaN: every comparison is false; 2 makes `<`, `<=`, `>`, `>=` all false below.
                guard let order = Value.numericOrder(a, b) else { return op == .less || op == .greater ? 0 : 2 }
                return order
            }
            if let result = try instanceCompare(op, a, b) {
                // A sequence comparison asks its first unequal items; this answers for them.
                let holds = try truth(result)
                let below = op == .less || op == .lessEqual
                return holds == below ? -1 : 1
            }
            throw .typeError("'\(op.rawValue)' not supported between instances of '\(a.typeName)' and '\(b.typeName)'")
        }
    }

    func sequenceOrdering(_ x: [Value], _ y: [Value], _ op: CompareOp) throws(ScriptError) -> Int {
        for (l, r) in zip(x, y) where try !equal(l, r) { return try ordering(l, r, op) }
        return x.count < y.count ? -1 : (x.count == y.count ? 0 : 1)
    }

    /// `item in container`.
    package func contains(_ container: Value, _ item: Value) throws(ScriptError) -> Bool {
        switch container {
        case .str(let s):
            guard case .str(let needle) = item else {
                throw .typeError("'in <string>' requires string as left operand, not \(item.typeName)")
            }
            return needle.isEmpty || StringMethods.firstMatch(of: needle, in: s) != nil
        case .dict(let d): return try d.get(item) != nil
        case .set(let s): return try s.storage.get(item) != nil
        case .list(let l):
            for element in l.items where try sameOrEqual(element, item) { return true }
            return false
        case .tuple(let t):
            for element in t where try sameOrEqual(element, item) { return true }
            return false
        case .instance, .type:
            if let result = try callSpecial(container, "__contains__", [item]) { return try truth(result) }
        case .object(let bytes as BytesObject):
            return try bytes.contains(item, interpreter: self)
        case .none, .bool, .int, .float, .function, .builtin, .boundMethod, .module, .object:
            break
        }
        guard (try? makeIterator(container)) != nil else {
            throw .typeError("argument of type '\(container.typeName)' is not iterable")
        }
        for element in try iterate(container) where try sameOrEqual(element, item) { return true }
        return false
    }
}

extension CompareOp {
    /// The answer against a value of an unrelated type: unequal, and no ordering.
    var resultAgainstOtherType: Value? {
        switch self {
        case .equal: .bool(false)
        case .notEqual: .bool(true)
        case .less, .lessEqual, .greater, .greaterEqual, .in, .notIn, .is, .isNot: nil
        }
    }

    /// This comparison's answer for a three-way `order` (-1, 0, 1); nil for membership and identity.
    package func result(forOrder order: Int) -> Value? {
        switch self {
        case .equal: .bool(order == 0)
        case .notEqual: .bool(order != 0)
        case .less: .bool(order < 0)
        case .lessEqual: .bool(order <= 0)
        case .greater: .bool(order > 0)
        case .greaterEqual: .bool(order >= 0)
        case .in, .notIn, .is, .isNot: nil
        }
    }

    package var swapped: CompareOp {
        switch self {
        case .less: .greater
        case .lessEqual: .greaterEqual
        case .greater: .less
        case .greaterEqual: .lessEqual
        case .equal, .notEqual, .in, .notIn, .is, .isNot: self
        }
    }
}

extension String {
    /// Python's str equality: the same code points. Swift's `==` also equates canonically
    /// equivalent strings (`'e\u0301' == '\u00e9'`), which Python does not.
    func hasSameCodePoints(_ other: String) -> Bool {
        utf8.count == other.utf8.count && utf8.elementsEqual(other.utf8)
    }
}
