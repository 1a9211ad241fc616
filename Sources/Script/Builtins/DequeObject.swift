import Tensors

/// `collections.deque`: a double-ended queue with an optional `maxlen`, CPython's methods,
/// repr and errors. Items live in an array from `head` on, so `popleft` is O(1) amortized.
package final class DequeObject: DeclaredObject {

    fileprivate var storage: [Value] = []
    fileprivate var head = 0
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
}

extension DequeObject {
    private func firstIndex(of value: Value, _ interpreter: Interpreter, from start: Int = 0, to end: Int? = nil) throws(ScriptError) -> Int? {
        let upper = min(end ?? count, count)
        guard start < upper else { return nil }
        for i in start..<upper where try interpreter.sameOrEqual(storage[head + i], value) { return i }
        return nil
    }

    /// CPython's slice-index reading of `index`'s start and stop (negative counts from the end).
    private func bound(_ value: Value?, _ interpreter: Interpreter, default fallback: Int) throws(ScriptError) -> Int {
        guard let value else { return fallback }
        let n = try interpreter.indexValue(value)
        return n < 0 ? max(0, n + count) : n
    }

    package static let declaration = NativeType<DequeObject>(module: "collections", properties: [
        NativeProperty("maxlen") { d, _ throws(ScriptError) in d.maxlen.map { .int($0) } ?? .none },
    ], methods: [
        NativeMethod("append", "(x, /)", .singleArgument, doc: "Add an element to the right side of the deque.") { d, a, _ throws(ScriptError) in
            d.append(a.required(0))
            return .none
        },
        NativeMethod("appendleft", "(x, /)", .singleArgument, doc: "Add an element to the left side of the deque.") { d, a, _ throws(ScriptError) in
            d.appendLeft(a.required(0))
            return .none
        },
        NativeMethod("clear", "()", .noArguments, doc: "Remove all elements from the deque.") { d, _, _ throws(ScriptError) in
            d.storage = []
            d.head = 0
            return .none
        },
        NativeMethod("copy", "()", .noArguments, doc: "Return a shallow copy of a deque.") { d, _, _ throws(ScriptError) in
            .object(DequeObject(Array(d.items), maxlen: d.maxlen))
        },
        NativeMethod("count", "(value, /)", .singleArgument, doc: "D.count(value) -- return number of occurrences of value") {
            d, a, interpreter throws(ScriptError) in
            var n = 0
            for item in d.items where try interpreter.sameOrEqual(item, a.required(0)) { n += 1 }
            return .int(n)
        },
        NativeMethod("extend", "(iterable, /)", .singleArgument, doc: "Extend the right side of the deque with elements from the iterable") {
            d, a, interpreter throws(ScriptError) in
            try d.extend(a.required(0), left: false, interpreter)
            return .none
        },
        NativeMethod("extendleft", "(iterable, /)", .singleArgument, doc: "Extend the left side of the deque with elements from the iterable") {
            d, a, interpreter throws(ScriptError) in
            try d.extend(a.required(0), left: true, interpreter)
            return .none
        },
        NativeMethod("index", "(value, start=0, stop=sys.maxsize, /)", .parseTuple,
                     doc: "D.index(value, [start, [stop]]) -- return first index of value.\nRaises ValueError if the value is not present.") {
            d, a, interpreter throws(ScriptError) in
            let start = try d.bound(a[1], interpreter, default: 0)
            let stop = try d.bound(a[2], interpreter, default: d.count)
            if let i = try d.firstIndex(of: a.required(0), interpreter, from: start, to: stop) { return .int(i) }
            throw .valueError("\(try interpreter.repr(a.required(0))) is not in deque")
        },
        NativeMethod("insert", "(index, object, /)", .parseTuple, doc: "D.insert(index, object) -- insert object before index") {
            d, a, interpreter throws(ScriptError) in
            if let maxlen = d.maxlen, d.count >= maxlen { throw .indexError("deque already at its maximum size") }
            var index = try interpreter.indexValue(a.required(0))
            if index < 0 { index += d.count }
            d.storage.insert(a.required(1), at: d.head + min(max(index, 0), d.count))
            return .none
        },
        NativeMethod("pop", "()", .noArguments, doc: "Remove and return the rightmost element.") { d, _, _ throws(ScriptError) in
            guard d.count > 0 else { throw .indexError("pop from an empty deque") }
            return d.storage.removeLast()
        },
        NativeMethod("popleft", "()", .noArguments, doc: "Remove and return the leftmost element.") { d, _, _ throws(ScriptError) in
            guard let value = d.popLeft() else { throw .indexError("pop from an empty deque") }
            return value
        },
        NativeMethod("remove", "(value, /)", .singleArgument, doc: "D.remove(value) -- remove first occurrence of value.") {
            d, a, interpreter throws(ScriptError) in
            guard let i = try d.firstIndex(of: a.required(0), interpreter) else {
                throw .valueError("\(try interpreter.repr(a.required(0))) is not in deque")
            }
            d.storage.remove(at: d.head + i)
            return .none
        },
        NativeMethod("reverse", "()", .noArguments, doc: "D.reverse() -- reverse *IN PLACE*") { d, _, _ throws(ScriptError) in
            d.storage = Array(d.items.reversed())
            d.head = 0
            return .none
        },
        NativeMethod("rotate", "(n=1, /)", .clinicQualified,
                     doc: "Rotate the deque n steps to the right (default n=1).  If n is negative, rotates left.") {
            d, a, interpreter throws(ScriptError) in
            let n = try a[0].map { (v) throws(ScriptError) in try interpreter.indexValue(v) } ?? 1
            guard d.count > 1 else { return .none }
            let shift = ((n % d.count) + d.count) % d.count
            let current = Array(d.items)
            d.storage = Array(current[(d.count - shift)...] + current[..<(d.count - shift)])
            d.head = 0
            return .none
        },
    ])

    private func extend(_ iterable: Value, left: Bool, _ interpreter: Interpreter) throws(ScriptError) {
        for item in try interpreter.iterate(iterable) {
            if left { appendLeft(item) } else { append(item) }
            guard MemoryBudget.allows(bytes: storage.count &* MemoryLayout<Value>.stride) else { throw ScriptError(.memoryError, "") }
        }
    }
}
