/// `collections`: `Counter` and `defaultdict`, dicts with CPython's missing-key rules and reprs.
enum CollectionsModule {
    static func fill(_ interpreter: Interpreter, _ module: ModuleObject) throws(ScriptError) {
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
            let object = CountingDict(.defaultDict(factory))
            var rest = a
            if !rest.positional.isEmpty { rest.positional.removeFirst() }
            guard case .dict(let initial) = try Constructors.dict(interpreter, rest) else { return .object(object) }
            for (k, v) in initial.items { try object.storage.set(k, v) }
            return .object(object)
        }
        for (name, constructor) in [("Counter", counter), ("defaultdict", defaultDict)] {
            let type = TypeObject(name: name, bases: [interpreter.types.object], kind: .builtin, constructor: constructor, module: "collections")
            interpreter.types.registerNative(type, forTypeName: name)
            module.namespace[name] = .type(type)
        }
    }
}
