/// Python's protocols for user classes: special methods are looked up on the class (never on
/// the instance) and their results are checked as CPython checks them.
extension Interpreter {
    /// Calls special method `name` of the class of `value`, or returns nil when the class
    /// (a user class) does not define it.
    package func callSpecial(_ value: Value, _ name: String, _ arguments: [Value] = []) throws(ScriptError) -> Value? {
        switch value {
        case .instance(let instance):
            guard let method = instance.type.lookup(name) else { return nil }
            return try callBound(method, receiver: value, Arguments(arguments))
        case .type(let type):
            // A class's special methods are its metaclass's (`len(Color)` in an enum).
            guard let meta = type.metaclass, let method = meta.lookup(name), !isBuiltinMember(method) else { return nil }
            return try callBound(method, receiver: value, Arguments(arguments))
        case .none, .bool, .int, .float, .str, .list, .tuple, .dict, .set, .function, .builtin, .boundMethod, .module, .object:
            return nil
        }
    }

    /// Whether `value` is a class made by a metaclass of the user's, whose special methods
    /// the class's protocols go through.
    @inline(__always)
    func hasMetaclass(_ value: Value) -> Bool {
        if case .type(let type) = value { return type.metaclass != nil }
        return false
    }

    /// Whether `value` can be called (`callable()`).
    package func isCallable(_ value: Value) -> Bool {
        switch value {
        case .function, .builtin, .boundMethod, .type: return true
        case .instance(let instance): return instance.type.lookup("__call__") != nil || instance.type.libraryBase != nil
        case .none, .bool, .int, .float, .str, .list, .tuple, .dict, .set, .module, .object: return false
        }
    }

    /// The iterator behind a value that `__iter__` returned (Python's `iter() returned
    /// non-iterator` check).
    func iteratorReturned(by value: Value) throws(ScriptError) -> any ValueIterator {
        switch value {
        case .instance(let instance):
            if let next = instance.type.lookup("__next__") { return InstanceIterator(value, next: next) }
        case .object(let object):
            if let iterator = object as? IteratorObject { return iterator }
            if let generator = object as? GeneratorObject { return generator }
        case .none, .bool, .int, .float, .str, .list, .tuple, .dict, .set, .function, .builtin, .boundMethod, .type,
             .module:
            break
        }
        throw .typeError("iter() returned non-iterator of type '\(value.typeName)'")
    }

    /// `iter(value)` as a value: an iterator object itself, or a new iterator over it.
    func iteratorValue(_ value: Value) throws(ScriptError) -> Value {
        if hasMetaclass(value), let result = try callSpecial(value, "__iter__") {
            _ = try iteratorReturned(by: result)
            return result
        }
        switch value {
        case .instance(let instance):
            if let iter = instance.type.lookup("__iter__") {
                let result = try callBound(iter, receiver: value, Arguments())
                _ = try iteratorReturned(by: result)
                return result
            }
        case .object(let object):
            if object is IteratorObject || object is GeneratorObject || object is any SelfIterating { return value }
        case .none, .bool, .int, .float, .str, .list, .tuple, .dict, .set, .function, .builtin, .boundMethod, .type,
             .module:
            break
        }
        return .object(IteratorObject(iteratorTypeName(of: value), try makeIterator(value)))
    }

    /// `next(value)`: the next item, or nil when the iterator is exhausted.
    func nextItem(_ value: Value) throws(ScriptError) -> Value? {
        switch value {
        case .instance(let instance):
            guard let next = instance.type.lookup("__next__") else { break }
            do {
                return try callBound(next, receiver: value, Arguments())
            } catch where isStopIteration(error) {
                return nil
            }
        case .object(let object):
            if let iterator = object as? IteratorObject { return try iterator.next(interpreter: self) }
            if let generator = object as? GeneratorObject { return try generator.next(interpreter: self) }
            if let iterator = object as? any SelfIterating { return try iterator.next(interpreter: self) }
        case .none, .bool, .int, .float, .str, .list, .tuple, .dict, .set, .function, .builtin, .boundMethod, .type,
             .module:
            break
        }
        throw .typeError("'\(value.typeName)' object is not an iterator")
    }

    func isStopIteration(_ error: ScriptError) -> Bool {
        exception(error, matches: types.exception(.stopIteration))
    }

    /// The items of a mapping for `{**m}` and `f(**m)`: a dict, or any object with `keys()` and
    /// `__getitem__` (Python's mapping protocol).
    func mappingItems(_ value: Value) throws(ScriptError) -> [(Value, Value)] {
        if case .dict(let dict) = value { return dict.items }
        guard let keys = try attributeIfPresent(value, "keys") else {
            throw .typeError("'\(value.typeName)' object is not a mapping")
        }
        var items: [(Value, Value)] = []
        for key in try iterate(try call(keys, Arguments())) { items.append((key, try item(value, key))) }
        return items
    }

    /// The truth of an instance: `__bool__` (which must return a bool), then `__len__`.
    func instanceTruth(_ value: Value) throws(ScriptError) -> Bool {
        if let result = try callSpecial(value, "__bool__") {
            guard case .bool(let b) = result else {
                throw .typeError("__bool__ should return bool, returned \(result.typeName)")
            }
            return b
        }
        if let n = try instanceLength(value) { return n > 0 }
        return true
    }

    /// `len()` of an instance through `__len__`, checked as CPython checks it; nil without one.
    func instanceLength(_ value: Value) throws(ScriptError) -> Int? {
        guard let result = try callSpecial(value, "__len__") else { return nil }
        let n: Int
        switch result {
        case .int(let i): n = i
        case .bool(let b): n = b ? 1 : 0
        case .instance:
            guard let index = try callSpecial(result, "__index__"), case .int(let i) = index else { fallthrough }
            n = i
        case .none, .float, .str, .list, .tuple, .dict, .set, .function, .builtin, .boundMethod, .type, .module,
             .object:
            throw .typeError("'\(result.typeName)' object cannot be interpreted as an integer")
        }
        guard n >= 0 else { throw .valueError("__len__() should return >= 0") }
        return n
    }

    /// The type name CPython gives the iterator of a built-in container.
    private func iteratorTypeName(of value: Value) -> String {
        switch value {
        case .list: "list_iterator"
        case .tuple: "tuple_iterator"
        case .str: "str_ascii_iterator"
        case .dict: "dict_keyiterator"
        case .set: "set_iterator"
        case .object(let object) where object is RangeObject: "range_iterator"
        case .none, .bool, .int, .float, .function, .builtin, .boundMethod, .type, .instance, .module, .object:
            "iterator"
        }
    }
}

/// Iterates a user object through its class's `__next__`, ending at `StopIteration`.
package final class InstanceIterator: ValueIterator {
    package let receiver: Value
    let nextMethod: Value
    init(_ receiver: Value, next: Value) {
        self.receiver = receiver
        self.nextMethod = next
    }
    package func next(interpreter: Interpreter) throws(ScriptError) -> Value? {
        do {
            return try interpreter.callBound(nextMethod, receiver: receiver, Arguments())
        } catch where interpreter.isStopIteration(error) {
            return nil
        }
    }
}

/// Iterates a user object that has `__getitem__` but no `__iter__` (Python's old sequence
/// protocol): items 0, 1, 2, ... until `IndexError` or `StopIteration`.
package final class SequenceIterator: ValueIterator {
    package let receiver: Value
    let getItem: Value
    package var position = 0
    init(_ receiver: Value, getItem: Value) {
        self.receiver = receiver
        self.getItem = getItem
    }
    package func next(interpreter: Interpreter) throws(ScriptError) -> Value? {
        do {
            let item = try interpreter.callBound(getItem, receiver: receiver, Arguments([.int(position)]))
            position += 1
            return item
        } catch where interpreter.isStopIteration(error)
                    || interpreter.exception(error, matches: interpreter.types.exception(.indexError)) {
            return nil
        }
    }
}
