/// A value implemented in Swift that scripts can use like a Python object: tensors,
/// layers, ranges, iterators, streams. Every requirement has a default meaning
/// "not supported", which the interpreter turns into Python's TypeError/AttributeError.
package protocol ScriptObject: AnyObject {
    /// Python's type name (`Tensor`, `range`, ...).
    var typeName: String { get }
    func attribute(_ name: String, interpreter: Interpreter) throws(ScriptError) -> Value?
    func setAttribute(_ name: String, _ value: Value, interpreter: Interpreter) throws(ScriptError) -> Bool
    func call(_ arguments: Arguments, interpreter: Interpreter) throws(ScriptError) -> Value?
    /// `obj.name(arguments)` without materialising a bound method; nil when there is no
    /// such method (the interpreter then falls back to `attribute`).
    func callMethod(_ name: String, _ arguments: Arguments, interpreter: Interpreter) throws(ScriptError) -> Value?
    /// Runs a `with` body inside this context manager. The default calls `enter` and `exit`
    /// around it; managers that scope state (grad mode) wrap the body instead.
    func withContext(interpreter: Interpreter, _ body: (Value) throws(ScriptError) -> Flow) throws(ScriptError) -> Flow
    func repr(interpreter: Interpreter) throws(ScriptError) -> String
    func str(interpreter: Interpreter) throws(ScriptError) -> String
    func makeIterator(interpreter: Interpreter) throws(ScriptError) -> (any ValueIterator)?
    func item(_ key: Value, interpreter: Interpreter) throws(ScriptError) -> Value?
    func setItem(_ key: Value, _ value: Value, interpreter: Interpreter) throws(ScriptError) -> Bool
    /// `del obj[key]`; false when unsupported.
    func deleteItem(_ key: Value, interpreter: Interpreter) throws(ScriptError) -> Bool
    func length(interpreter: Interpreter) throws(ScriptError) -> Int?
    /// `self op other` (or `other op self` when `reflected`); nil when unsupported.
    func binary(_ op: BinaryOp, _ other: Value, reflected: Bool, interpreter: Interpreter) throws(ScriptError) -> Value?
    func unary(_ op: UnaryOp, interpreter: Interpreter) throws(ScriptError) -> Value?
    func compare(_ op: CompareOp, _ other: Value, interpreter: Interpreter) throws(ScriptError) -> Value?
    func truth(interpreter: Interpreter) throws(ScriptError) -> Bool?
    /// An integer this object stands for when used as an index (a 0-d integer tensor).
    func index(interpreter: Interpreter) throws(ScriptError) -> Int?
    /// A float this object converts to with `float(x)`.
    func floatValue(interpreter: Interpreter) throws(ScriptError) -> Double?
    /// `format(obj, spec)` when the object formats itself (a 0-d tensor as its number); nil
    /// for the default (its `str`, padded).
    func format(_ spec: String, interpreter: Interpreter) throws(ScriptError) -> String?
    /// `with obj:` entry and exit.
    func enter(interpreter: Interpreter) throws(ScriptError) -> Value?
    func exit(interpreter: Interpreter) throws(ScriptError)
    /// Names for completion and `dir()`.
    var attributeNames: [String] { get }
    /// A short summary for `%whos` and inspection (shape, dtype...).
    func summary(interpreter: Interpreter) -> String?
    /// Rich display (e.g. `text/html`) beside `text/plain`.
    func richDisplay(interpreter: Interpreter) -> [(mime: String, data: String)]
}

extension ScriptObject {
    package func attribute(_ name: String, interpreter: Interpreter) throws(ScriptError) -> Value? { nil }
    package func setAttribute(_ name: String, _ value: Value, interpreter: Interpreter) throws(ScriptError) -> Bool { false }
    package func call(_ arguments: Arguments, interpreter: Interpreter) throws(ScriptError) -> Value? { nil }
    package func format(_ spec: String, interpreter: Interpreter) throws(ScriptError) -> String? { nil }
    package func callMethod(_ name: String, _ arguments: Arguments, interpreter: Interpreter) throws(ScriptError) -> Value? { nil }
    package func withContext(interpreter: Interpreter, _ body: (Value) throws(ScriptError) -> Flow) throws(ScriptError) -> Flow {
        guard let entered = try enter(interpreter: interpreter) else {
            throw .typeError("'\(typeName)' object does not support the context manager protocol")
        }
        let flow: Flow
        do {
            flow = try body(entered)
        } catch {
            try exit(interpreter: interpreter)
            throw error
        }
        try exit(interpreter: interpreter)
        return flow
    }
    package func repr(interpreter: Interpreter) throws(ScriptError) -> String { "<\(typeName) object>" }
    package func str(interpreter: Interpreter) throws(ScriptError) -> String { try repr(interpreter: interpreter) }
    package func makeIterator(interpreter: Interpreter) throws(ScriptError) -> (any ValueIterator)? { nil }
    package func item(_ key: Value, interpreter: Interpreter) throws(ScriptError) -> Value? { nil }
    package func setItem(_ key: Value, _ value: Value, interpreter: Interpreter) throws(ScriptError) -> Bool { false }
    package func deleteItem(_ key: Value, interpreter: Interpreter) throws(ScriptError) -> Bool { false }
    package func length(interpreter: Interpreter) throws(ScriptError) -> Int? { nil }
    package func binary(_ op: BinaryOp, _ other: Value, reflected: Bool, interpreter: Interpreter) throws(ScriptError) -> Value? { nil }
    package func unary(_ op: UnaryOp, interpreter: Interpreter) throws(ScriptError) -> Value? { nil }
    package func compare(_ op: CompareOp, _ other: Value, interpreter: Interpreter) throws(ScriptError) -> Value? { nil }
    package func truth(interpreter: Interpreter) throws(ScriptError) -> Bool? { nil }
    package func index(interpreter: Interpreter) throws(ScriptError) -> Int? { nil }
    package func floatValue(interpreter: Interpreter) throws(ScriptError) -> Double? { nil }
    package func enter(interpreter: Interpreter) throws(ScriptError) -> Value? { nil }
    package func exit(interpreter: Interpreter) throws(ScriptError) {}
    package var attributeNames: [String] { [] }
    package func summary(interpreter: Interpreter) -> String? { nil }
    package func richDisplay(interpreter: Interpreter) -> [(mime: String, data: String)] { [] }
}

/// Produces a sequence's items one at a time (Python's iterator protocol).
package protocol ValueIterator: AnyObject {
    func next(interpreter: Interpreter) throws(ScriptError) -> Value?
}

/// A library object that is its own iterator, as Python's file objects are: `iter(x) is x`
/// and `next(x)` works.
package protocol SelfIterating: ScriptObject, ValueIterator {}

/// Iterates over a fixed array.
package final class ArrayIterator: ValueIterator {
    let items: [Value]
    var position = 0
    package init(_ items: [Value]) { self.items = items }
    package func next(interpreter: Interpreter) throws(ScriptError) -> Value? {
        guard position < items.count else { return nil }
        defer { position += 1 }
        return items[position]
    }
}

/// Iterates over a dict's (or set's) keys in order; as CPython, a change of size while the
/// loop runs is a RuntimeError (and the iterator is then exhausted).
package final class KeyIterator: ValueIterator {
    package let dict: DictObject
    package let owner: String
    package var expected: Int
    package var position = 0
    init(_ dict: DictObject, owner: String) {
        self.dict = dict
        self.owner = owner
        expected = dict.count
    }
    package func next(interpreter: Interpreter) throws(ScriptError) -> Value? {
        guard expected >= 0 else { return nil }
        guard dict.count == expected else {
            expected = -1
            throw .runtimeError("\(owner) changed size during iteration")
        }
        guard position < dict.keys.count else { return nil }
        defer { position += 1 }
        return dict.keys[position]
    }
}

/// Iterates over a list, seeing appends made during the loop as Python does.
package final class ListIterator: ValueIterator {
    package let list: ListObject
    package var position = 0
    init(_ list: ListObject) { self.list = list }
    package func next(interpreter: Interpreter) throws(ScriptError) -> Value? {
        guard position < list.items.count else { return nil }
        defer { position += 1 }
        return list.items[position]
    }
}
