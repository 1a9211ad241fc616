/// `collections`: `Counter`, `defaultdict` and `OrderedDict`, dicts with CPython's missing-key
/// rules and reprs.
package enum CollectionsModule {
    package static func fill(_ interpreter: Interpreter, _ module: ModuleObject) throws(ScriptError) {
        let counter = BuiltinFunction("Counter", signature: "collections.Counter(iterable=None, /, **kwds)",
                                      doc: "Dict subclass for counting hashable items.") { interpreter, a throws(ScriptError) in
            try a.expect("Counter", 0...1, keywords: a.keywords.map(\.name))
            let object = CountingDict(.counter)
            try object.add(a, sign: 1, interpreter)
            return .object(object)
        }
        let defaultDict = BuiltinFunction("defaultdict", signature: "collections.defaultdict(default_factory=None, /, [...])",
                                          doc: "A dict that calls default_factory for a missing key.") { interpreter, a throws(ScriptError) in
            let factory = a.positional.first ?? .none
            if case .none = factory {} else if !interpreter.isCallable(factory) {
                throw .typeError("first argument must be callable or None")
            }
            var rest = a
            if !rest.positional.isEmpty { rest.positional.removeFirst() }
            return try filled(CountingDict(.defaultDict(factory)), rest, interpreter)
        }
        let ordered = BuiltinFunction("OrderedDict", signature: "collections.OrderedDict(iterable=(), /, **kwds)",
                                      doc: "Dictionary that remembers insertion order, with move_to_end and popitem(last=).") { interpreter, a throws(ScriptError) in
            try filled(CountingDict(.ordered), a, interpreter)
        }
        let deque = BuiltinFunction("deque", signature: "collections.deque(iterable=(), maxlen=None)",
                                    doc: "A list-like sequence optimized for appends and pops at either end.") { interpreter, a throws(ScriptError) in
            try DequeObject.make(interpreter, a)
        }
        module.namespace["namedtuple"] = .builtin(BuiltinFunction("namedtuple", signature: "collections.namedtuple(typename, field_names, *, rename=False, defaults=None, module=None)",
                                                                  doc: "Returns a new subclass of tuple with named fields.") { interpreter, a throws(ScriptError) in
            try NamedTupleLayout.define(interpreter, a)
        })
        for (name, constructor) in [("Counter", counter), ("defaultdict", defaultDict), ("OrderedDict", ordered), ("deque", deque)] {
            let type = TypeObject(name: name, bases: [interpreter.types.object], kind: .builtin, constructor: constructor, module: "collections")
            interpreter.types.registerNative(type, forTypeName: name)
            if name == "deque" { type.addMethods(of: DequeObject.self) }
            module.namespace[name] = .type(type)
        }
    }

    /// `object` holding what `dict(arguments)` would.
    private static func filled(_ object: CountingDict, _ arguments: Arguments, _ interpreter: Interpreter) throws(ScriptError) -> Value {
        guard case .dict(let initial) = try Constructors.dict(interpreter, arguments) else { return .object(object) }
        for (k, v) in initial.items { try object.storage.set(k, v) }
        return .object(object)
    }
}
