import Tensors

/// `collections.deque`: a double-ended queue with an optional `maxlen`, CPython's methods,
/// repr and errors. Items live in an array from `head` on, so `popleft` is O(1) amortized.
package final class DequeObject: ScriptObject {
    package static let methodNames = ["append", "appendleft", "clear", "copy", "count", "extend", "extendleft", "index", "insert",
                              "pop", "popleft", "remove", "reverse", "rotate"]

    private var storage: [Value] = []
    private var head = 0
    package let maxlen: Int?

    package init(_ items: [Value], maxlen: Int?) {
        self.maxlen = maxlen
        for item in items { append(item) }
    }

    /// `collections.deque(iterable=(), maxlen=None)`.
    package static func make(_ interpreter: Interpreter, _ a: Arguments) throws(ScriptError) -> Value {
        try a.expect("deque", 0...2, keywords: ["iterable", "maxlen"])
        var maxlen: Int?
        if let given = a.value(1, "maxlen"), !given.isNone {
            guard given.intLike != nil else { throw .typeError("an integer is required") }
            let n = try interpreter.indexValue(given)
            guard n >= 0 else { throw .valueError("maxlen must be non-negative") }
            maxlen = n
        }
        let items = try a.value(0, "iterable").map { (v) throws(ScriptError) in try interpreter.iterate(v) } ?? []
        return .object(DequeObject(items, maxlen: maxlen))
    }

    package var items: ArraySlice<Value> { storage[head...] }
    package var count: Int { storage.count - head }

    private func compact() {
        if head > 32 && head * 2 > storage.count {
            storage.removeFirst(head)
            head = 0
        }
    }

    package func append(_ value: Value) {
        storage.append(value)
        if let maxlen, count > maxlen { _ = popLeft() }
    }

    func appendLeft(_ value: Value) {
        if maxlen == 0 { return }
        if head > 0 {
            head -= 1
            storage[head] = value
        } else {
            storage.insert(value, at: 0)
        }
        if let maxlen, count > maxlen { storage.removeLast() }
    }

    func popLeft() -> Value? {
        guard count > 0 else { return nil }
        let value = storage[head]
        storage[head] = .none
        head += 1
        compact()
        return value
    }

    private func position(_ key: Value, _ interpreter: Interpreter) throws(ScriptError) -> Int {
        let index = try interpreter.indexValue(key, container: "deque")
        let i = index < 0 ? index + count : index
        guard i >= 0 && i < count else { throw .indexError("deque index out of range") }
        return head + i
    }

    // MARK: ScriptObject

    package var typeName: String { "deque" }
    package var attributeNames: [String] { DequeObject.methodNames + ["maxlen"] }

    package func repr(interpreter: Interpreter) throws(ScriptError) -> String {
        let inner = try items.map { (v) throws(ScriptError) in try interpreter.repr(v) }.joined(separator: ", ")
        return maxlen.map { "deque([\(inner)], maxlen=\($0))" } ?? "deque([\(inner)])"
    }

    package func length(interpreter: Interpreter) throws(ScriptError) -> Int? { count }
    package func truth(interpreter: Interpreter) throws(ScriptError) -> Bool? { count > 0 }
    package func makeIterator(interpreter: Interpreter) throws(ScriptError) -> (any ValueIterator)? { ArrayIterator(Array(items)) }

    package func item(_ key: Value, interpreter: Interpreter) throws(ScriptError) -> Value? {
        if case .object(let object) = key, object is SliceObject { throw .typeError("sequence index must be integer, not 'slice'") }
        return storage[try position(key, interpreter)]
    }

    package func setItem(_ key: Value, _ value: Value, interpreter: Interpreter) throws(ScriptError) -> Bool {
        storage[try position(key, interpreter)] = value
        return true
    }

    package func deleteItem(_ key: Value, interpreter: Interpreter) throws(ScriptError) -> Bool {
        storage.remove(at: try position(key, interpreter))
        return true
    }

    package func compare(_ op: CompareOp, _ other: Value, interpreter: Interpreter) throws(ScriptError) -> Value? {
        guard case .object(let rhs as DequeObject) = other else {
            return op.resultAgainstOtherType
        }
        let order = try interpreter.sequenceOrdering(Array(items), Array(rhs.items), op)
        return op.result(forOrder: order)
    }

    package func binary(_ op: BinaryOp, _ other: Value, reflected: Bool, interpreter: Interpreter) throws(ScriptError) -> Value? {
        guard op == .add, !reflected, case .object(let rhs as DequeObject) = other else { return nil }
        return .object(DequeObject(Array(items) + Array(rhs.items), maxlen: maxlen))
    }

    package func attribute(_ name: String, interpreter: Interpreter) throws(ScriptError) -> Value? {
        if name == "maxlen" { return maxlen.map { .int($0) } ?? Value.none }
        guard DequeObject.methodNames.contains(name) else { return nil }
        return .builtin(BuiltinFunction(name, signature: "deque.\(name)(...)") { [self] interpreter, a throws(ScriptError) in
            try self.callMethod(name, a, interpreter: interpreter) ?? .none
        })
    }

    package func callMethod(_ name: String, _ a: Arguments, interpreter: Interpreter) throws(ScriptError) -> Value? {
        switch name {
        case "append", "appendleft":
            try a.expect(name, 1...1)
            if name == "append" { append(a.positional[0]) } else { appendLeft(a.positional[0]) }
        case "extend", "extendleft":
            try a.expect(name, 1...1)
            for item in try interpreter.iterate(a.positional[0]) {
                if name == "extend" { append(item) } else { appendLeft(item) }
                guard MemoryBudget.allows(bytes: storage.count &* MemoryLayout<Value>.stride) else { throw ScriptError(.memoryError, "") }
            }
        case "pop":
            try a.expect(name, 0...0)
            guard count > 0 else { throw .indexError("pop from an empty deque") }
            return storage.removeLast()
        case "popleft":
            try a.expect(name, 0...0)
            guard let value = popLeft() else { throw .indexError("pop from an empty deque") }
            return value
        case "clear":
            try a.expect(name, 0...0)
            storage = []
            head = 0
        case "copy":
            try a.expect(name, 0...0)
            return .object(DequeObject(Array(items), maxlen: maxlen))
        case "count":
            try a.expect(name, 1...1)
            var n = 0
            for item in items where try interpreter.sameOrEqual(item, a.positional[0]) { n += 1 }
            return .int(n)
        case "index":
            try a.expect(name, 1...3)
            for (i, item) in items.enumerated() where try interpreter.sameOrEqual(item, a.positional[0]) { return .int(i) }
            throw .valueError("\(try interpreter.repr(a.positional[0])) is not in deque")
        case "insert":
            try a.expect(name, 2...2)
            if let maxlen, count >= maxlen { throw .indexError("deque already at its maximum size") }
            var index = try interpreter.indexValue(a.positional[0])
            if index < 0 { index += count }
            storage.insert(a.positional[1], at: head + min(max(index, 0), count))
        case "remove":
            try a.expect(name, 1...1)
            for (i, item) in items.enumerated() where try interpreter.sameOrEqual(item, a.positional[0]) {
                storage.remove(at: head + i)
                return Value.none
            }
            throw .valueError("\(try interpreter.repr(a.positional[0])) is not in deque")
        case "reverse":
            try a.expect(name, 0...0)
            storage = Array(items.reversed())
            head = 0
        case "rotate":
            try a.expect(name, 0...1)
            let n = try a.positional.first.map { (v) throws(ScriptError) in try interpreter.indexValue(v) } ?? 1
            guard count > 1 else { return Value.none }
            let shift = ((n % count) + count) % count
            let current = Array(items)
            storage = Array(current[(count - shift)...] + current[..<(count - shift)])
            head = 0
        default:
            return nil
        }
        return Value.none
    }
}
