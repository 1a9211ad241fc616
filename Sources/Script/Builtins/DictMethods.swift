/// Methods of `dict` and `set`.
package enum DictMethods {
    package static func receiver(_ value: Value, _ name: String) throws(ScriptError) -> DictObject {
        guard case .dict(let dict) = value else {
            throw .typeError("descriptor '\(name)' for 'dict' objects doesn't apply to a '\(value.typeName)' object")
        }
        return dict
    }

    package static var all: [String: BuiltinFunction] {
        var table: [String: BuiltinFunction] = [:]
        func add(_ name: String, _ body: @escaping (Interpreter, DictObject, Arguments) throws(ScriptError) -> Value) {
            table[name] = method("dict", name) { (interpreter, value, arguments) throws(ScriptError) -> Value in
                try body(interpreter, try receiver(value, name), arguments)
            }
        }
        // A class method: `dict.fromkeys(keys, value)` and `{}.fromkeys(...)` alike ignore the receiver.
        let fromKeys: BuiltinFunction.Body = { interpreter, a throws(ScriptError) in
            try a.expect("fromkeys", 1...2)
            let dict = DictObject()
            let value = a.positional.count > 1 ? a.positional[1] : .none
            for key in try interpreter.iterate(a.positional[0]) { try dict.set(key, value) }
            return .dict(dict)
        }
        table["fromkeys"] = BuiltinFunction("fromkeys", signature: "dict.fromkeys(iterable, value=None, /)",
                                            methodBody: { interpreter, _, a throws(ScriptError) in try fromKeys(interpreter, a) }, fromKeys)
        for kind in [DictView.Kind.keys, .values, .items] {
            add(kind.rawValue) { _, d, a throws(ScriptError) in
                try a.expectNone("dict.\(kind.rawValue)")
                return .object(DictView(d, kind))
            }
        }
        add("get") { _, d, a throws(ScriptError) in
            try a.expect("get", 1...2)
            return try d.get(a.positional[0]) ?? (a.positional.count > 1 ? a.positional[1] : .none)
        }
        add("pop") { interpreter, d, a throws(ScriptError) in
            try a.expect("pop", 1...2)
            if let value = try d.remove(a.positional[0]) { return value }
            if a.positional.count > 1 { return a.positional[1] }
            throw .keyError(a.positional[0], repr: try interpreter.repr(a.positional[0]))
        }
        add("popitem") { _, d, a throws(ScriptError) in
            try a.expectNone("dict.popitem")
            guard let key = d.keys.last, let value = try d.remove(key) else {
                throw .keyError(.str("popitem(): dictionary is empty"), repr: "'popitem(): dictionary is empty'")
            }
            return .tuple([key, value])
        }
        add("setdefault") { _, d, a throws(ScriptError) in
            try a.expect("setdefault", 1...2)
            if let value = try d.get(a.positional[0]) { return value }
            let value = a.positional.count > 1 ? a.positional[1] : .none
            try d.set(a.positional[0], value)
            return value
        }
        add("update") { interpreter, d, a throws(ScriptError) in
            guard case .dict(let other) = try Constructors.dict(interpreter, a) else { return .none }
            for (k, v) in other.items { try d.set(k, v) }
            return .none
        }
        add("copy") { _, d, a throws(ScriptError) in
            try a.expectNone("dict.copy")
            return .dict(d.copy())
        }
        add("clear") { _, d, a throws(ScriptError) in
            try a.expectNone("dict.clear")
            d.removeAll()
            return .none
        }
        return table
    }
}

package enum SetMethods {
    package static func receiver(_ value: Value, _ name: String) throws(ScriptError) -> SetObject {
        guard case .set(let set) = value else {
            throw .typeError("descriptor '\(name)' for 'set' objects doesn't apply to a '\(value.typeName)' object")
        }
        return set
    }

    /// The methods a frozenset has too: those that do not change the set.
    package static let readOnly: Set<String> = [
        "union", "intersection", "difference", "symmetric_difference", "issubset", "issuperset", "isdisjoint", "copy",
    ]

    package static var all: [String: BuiltinFunction] {
        var table: [String: BuiltinFunction] = [:]
        func add(_ name: String, _ body: @escaping (Interpreter, SetObject, Arguments) throws(ScriptError) -> Value) {
            table[name] = method("set", name) { (interpreter, value, arguments) throws(ScriptError) -> Value in
                try body(interpreter, try receiver(value, name), arguments)
            }
        }
        add("add") { _, s, a throws(ScriptError) in
            try a.expect("set.add", 1...1)
            try s.storage.set(a.positional[0], .none)
            return .none
        }
        add("remove") { interpreter, s, a throws(ScriptError) in
            try a.expect("set.remove", 1...1)
            if try s.storage.remove(a.positional[0]) == nil { throw .keyError(a.positional[0], repr: try interpreter.repr(a.positional[0])) }
            return .none
        }
        add("pop") { _, s, a throws(ScriptError) in
            try a.expectNone("set.pop")
            guard let item = s.storage.keys.first else {
                throw .keyError(.str("pop from an empty set"), repr: "'pop from an empty set'")
            }
            _ = try s.storage.remove(item)
            return item
        }
        add("discard") { _, s, a throws(ScriptError) in
            try a.expect("set.discard", 1...1)
            _ = try s.storage.remove(a.positional[0])
            return .none
        }
        add("update") { interpreter, s, a throws(ScriptError) in
            for other in a.positional {
                for item in try interpreter.iterate(other) { try s.storage.set(item, .none) }
            }
            return .none
        }
        let combine: [(String, BinaryOp)] = [("union", .bitOr), ("intersection", .bitAnd), ("difference", .subtract)]
        for (name, op) in combine {
            add(name) { interpreter, s, a throws(ScriptError) in
                var result = s
                for other in a.positional {
                    guard case .set(let o) = try Constructors.set(interpreter, Arguments([other])),
                          let r = try interpreter.setOperation(op, result, o) else { continue }
                    result = r
                }
                return .set(result === s ? s.copy() : result)
            }
        }
        add("symmetric_difference") { interpreter, s, a throws(ScriptError) in
            try a.expect("set.symmetric_difference", 1...1)
            guard case .set(let o) = try Constructors.set(interpreter, Arguments([a.positional[0]])),
                  let result = try interpreter.setOperation(.bitXor, s, o) else { return .set(s.copy()) }
            return .set(result)
        }
        // Inclusion tests take any iterable, as CPython's methods do (the operators take sets).
        let inclusion: [(String, CompareOp?)] = [("issubset", .lessEqual), ("issuperset", .greaterEqual), ("isdisjoint", nil)]
        for (name, op) in inclusion {
            add(name) { interpreter, s, a throws(ScriptError) in
                try a.expect("set.\(name)", 1...1)
                let other = try Constructors.set(interpreter, Arguments([a.positional[0]]))
                if let op { return try interpreter.compare(op, .set(s), other) }
                for item in try interpreter.iterate(a.positional[0]) where try s.storage.get(item) != nil { return .bool(false) }
                return .bool(true)
            }
        }
        // A frozenset's copy is itself, as in CPython.
        add("copy") { _, s, a throws(ScriptError) in
            try a.expectNone(s.isFrozen ? "frozenset.copy" : "set.copy")
            return .set(s.isFrozen ? s : s.copy())
        }
        add("clear") { _, s, a throws(ScriptError) in
            try a.expectNone("set.clear")
            s.storage.removeAll()
            return .none
        }
        return table
    }
}

/// `d.keys()`, `d.values()`, `d.items()`: live views printed as Python prints them.
package final class DictView: ScriptObject {
    package enum Kind: String {
        case keys, values, items
    }
    package let dict: DictObject
    package let kind: Kind
    /// An OrderedDict's views are CPython's `odict_keys`, `odict_values` and `odict_items`.
    package let ordered: Bool
    package init(_ dict: DictObject, _ kind: Kind, ordered: Bool = false) {
        self.dict = dict
        self.kind = kind
        self.ordered = ordered
    }
    package var typeName: String { (ordered ? "odict_" : "dict_") + kind.rawValue }
    package var elements: [Value] {
        switch kind {
        case .keys: dict.keys
        case .values: dict.values
        case .items: dict.items.map { .tuple([$0.0, $0.1]) }
        }
    }
    package func repr(interpreter: Interpreter) throws(ScriptError) -> String {
        "\(typeName)(\(try interpreter.repr(.list(ListObject(elements)))))"
    }
    package func makeIterator(interpreter: Interpreter) throws(ScriptError) -> (any ValueIterator)? { ArrayIterator(elements) }
    package func length(interpreter: Interpreter) throws(ScriptError) -> Int? { dict.count }

    /// Keys and items views are sets: `&`, `|`, `-` and `^` with any iterable give a set.
    package func binary(_ op: BinaryOp, _ other: Value, reflected: Bool, interpreter: Interpreter) throws(ScriptError) -> Value? {
        guard kind != .values, [.bitAnd, .bitOr, .subtract, .bitXor].contains(op) else { return nil }
        let mine = try Self.set(elements)
        let theirs = try Self.set(try interpreter.iterate(other))
        let result = reflected ? try interpreter.setOperation(op, theirs, mine) : try interpreter.setOperation(op, mine, theirs)
        return result.map { .set($0) }
    }

    private static func set(_ items: [Value]) throws(ScriptError) -> SetObject {
        let made = SetObject()
        for item in items { try made.storage.set(item, .none) }
        return made
    }

    package func compare(_ op: CompareOp, _ other: Value, interpreter: Interpreter) throws(ScriptError) -> Value? {
        if kind != .values, [.equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual].contains(op) {
            // Keys and items views compare as the sets they hold, with sets and with each other.
            let theirs: SetObject
            switch other {
            case .set(let set): theirs = set
            case .object(let view as DictView) where view.kind != .values: theirs = try Self.set(view.elements)
            default: return nil
            }
            return try interpreter.compare(op, .set(try Self.set(elements)), .set(theirs))
        }
        guard op == .in || op == .notIn else { return nil }
        var found = false
        if kind == .keys {
            found = try dict.get(other) != nil
        } else {
            for element in elements where try interpreter.sameOrEqual(element, other) {
                found = true
                break
            }
        }
        return .bool(op == .in ? found : !found)
    }
}
