/// Methods of `list` and `tuple`.
package enum ListMethods {
    package static func receiver(_ value: Value, _ name: String) throws(ScriptError) -> ListObject {
        guard case .list(let list) = value else {
            throw .typeError("descriptor '\(name)' for 'list' objects doesn't apply to a '\(value.typeName)' object")
        }
        return list
    }

    package static func index(_ interpreter: Interpreter, _ items: [Value], _ a: Arguments, _ typeName: String) throws(ScriptError) -> Value {
        try a.expect("index", 1...3)
        var start = a.positional.count > 1 ? try interpreter.indexValue(a.positional[1]) : 0
        var end = a.positional.count > 2 ? try interpreter.indexValue(a.positional[2]) : items.count
        if start < 0 { start = max(0, start + items.count) }
        if end < 0 { end = max(0, end + items.count) }
        end = min(end, items.count)
        if start < end {
            for i in start..<end where try interpreter.sameOrEqual(items[i], a.positional[0]) { return .int(i) }
        }
        throw .valueError(typeName == "list" ? "\(try interpreter.repr(a.positional[0])) is not in list"
                          : "tuple.index(x): x not in tuple")
    }

    package static func count(_ interpreter: Interpreter, _ items: [Value], _ a: Arguments) throws(ScriptError) -> Value {
        try a.expect("count", 1...1)
        var n = 0
        for item in items where try interpreter.sameOrEqual(item, a.positional[0]) { n += 1 }
        return .int(n)
    }

    package static var all: [String: BuiltinFunction] {
        var table: [String: BuiltinFunction] = [:]
        func add(_ name: String, _ body: @escaping (Interpreter, ListObject, Arguments) throws(ScriptError) -> Value) {
            table[name] = method("list", name) { (interpreter, value, arguments) throws(ScriptError) -> Value in
                try body(interpreter, try receiver(value, name), arguments)
            }
        }
        add("append") { _, l, a throws(ScriptError) in
            try a.expect("list.append", 1...1)
            l.items.append(a.positional[0])
            return .none
        }
        add("extend") { interpreter, l, a throws(ScriptError) in
            try a.expect("list.extend", 1...1)
            l.items.append(contentsOf: try interpreter.iterate(a.positional[0]))
            return .none
        }
        add("insert") { interpreter, l, a throws(ScriptError) in
            try a.expect("insert", 2...2)
            var i = try interpreter.indexValue(a.positional[0])
            if i < 0 { i = max(0, i + l.items.count) }
            l.items.insert(a.positional[1], at: min(i, l.items.count))
            return .none
        }
        add("pop") { interpreter, l, a throws(ScriptError) in
            try a.expect("pop", 0...1)
            if l.items.isEmpty { throw .indexError("pop from empty list") }
            let i = a.positional.isEmpty ? l.items.count - 1 : try interpreter.indexValue(a.positional[0])
            return l.items.remove(at: try interpreter.normalize(i, count: l.items.count, "pop"))
        }
        add("remove") { interpreter, l, a throws(ScriptError) in
            try a.expect("list.remove", 1...1)
            for (i, item) in l.items.enumerated() where try interpreter.sameOrEqual(item, a.positional[0]) {
                l.items.remove(at: i)
                return .none
            }
            throw .valueError("list.remove(x): x not in list")
        }
        add("index") { interpreter, l, a throws(ScriptError) in try index(interpreter, l.items, a, "list") }
        add("count") { interpreter, l, a throws(ScriptError) in try count(interpreter, l.items, a) }
        add("reverse") { _, l, _ throws(ScriptError) in
            l.items.reverse()
            return .none
        }
        add("copy") { _, l, _ throws(ScriptError) in .list(ListObject(l.items)) }
        add("clear") { _, l, _ throws(ScriptError) in
            l.items.removeAll()
            return .none
        }
        add("sort") { interpreter, l, a throws(ScriptError) in
            try a.expect("sort", 0...0, keywords: ["key", "reverse"])
            l.items = try interpreter.sorted(l.items, key: a.keyword("key"), reverse: a.keyword("reverse"))
            return .none
        }
        return table
    }

    package static var tuple: [String: BuiltinFunction] {
        [
            "index": method("tuple", "index") { interpreter, value, a throws(ScriptError) in
                guard case .tuple(let items) = value else { throw .typeError("descriptor 'index' requires a 'tuple'") }
                return try index(interpreter, items, a, "tuple")
            },
            "count": method("tuple", "count") { interpreter, value, a throws(ScriptError) in
                guard case .tuple(let items) = value else { throw .typeError("descriptor 'count' requires a 'tuple'") }
                return try count(interpreter, items, a)
            },
        ]
    }
}

extension Interpreter {
    /// A stable sort with Python's `key=` and `reverse=`; incomparable items raise TypeError.
    package func sorted(_ items: [Value], key: Value?, reverse: Value?) throws(ScriptError) -> [Value] {
        var keyed: [(key: Value, value: Value)] = []
        keyed.reserveCapacity(items.count)
        for item in items {
            if let key, !key.isNone {
                keyed.append((try call(key, Arguments([item])), item))
            } else {
                keyed.append((item, item))
            }
        }
        let descending = try reverse.map { (r) throws(ScriptError) in try truth(r) } ?? false
        var failure: ScriptError?
        // Merge sort keeps equal keys in order and lets the comparison throw.
        func less(_ a: Value, _ b: Value) -> Bool {
            if failure != nil { return false }
            do {
                return try ordering(a, b, .less) < 0
            } catch {
                failure = error
                return false
            }
        }
        let sortedPairs = keyed.enumerated().sorted { lhs, rhs in
            let (a, b) = descending ? (rhs.element.key, lhs.element.key) : (lhs.element.key, rhs.element.key)
            if less(a, b) { return true }
            if less(b, a) { return false }
            return lhs.offset < rhs.offset
        }
        if let failure { throw failure }
        return sortedPairs.map(\.element.value)
    }
}
