/// The methods of `Counter`, `OrderedDict` and `defaultdict`, declared once per type: each
/// type's own methods, then the dict methods it inherits unchanged.
extension CountingDict {
    typealias Method = NativeMethod<CountingDict>

    /// The type's declaration: what `dir()`, attribute reads and method calls see.
    var declaration: NativeType<CountingDict> {
        switch kind {
        case .counter: CountingDict.counterDeclaration
        case .defaultDict: CountingDict.defaultDictDeclaration
        case .ordered: CountingDict.orderedDeclaration
        }
    }

    /// `dict.name` applied to the underlying dict with the bound arguments, in order.
    /// Its errors name `dict`, the class that defines it.
    private static func inherited(_ name: String, _ signature: String, _ convention: NativeSignature.Convention, doc: String) -> Method {
        Method(name, signature, convention, owner: "dict", doc: doc) { d, a, interpreter throws(ScriptError) in
            // The dict type's own table, built once per interpreter.
            guard case .builtin(let method)? = interpreter.types.dict.namespace[name], let body = method.methodBody else {
                throw ScriptError(.attributeError, "'dict' object has no attribute '\(name)'")
            }
            return try body(interpreter, .dict(d.storage), Arguments(a.values.compactMap { $0 } + a.rest, keywords: a.extraKeywords))
        }
    }

    /// The dict methods each of the three types inherits, unless it declares its own.
    private static func dictMethods(except overridden: Set<String>) -> [Method] {
        let all: [Method] = [
            inherited("clear", "()", .noArguments, doc: "D.clear() -> None.  Remove all items from D."),
            inherited("copy", "()", .noArguments, doc: "D.copy() -> a shallow copy of D"),
            inherited("fromkeys", "(iterable, value=None, /)", .clinic, doc: "Create a new dictionary with keys from iterable and values set to value."),
            inherited("get", "(key, default=None, /)", .clinic, doc: "Return the value for key if key is in the dictionary, else default."),
            inherited("items", "()", .noArguments, doc: "D.items() -> a set-like object providing a view on D's items"),
            inherited("keys", "()", .noArguments, doc: "D.keys() -> a set-like object providing a view on D's keys"),
            inherited("pop", "(key, default=<unrepresentable>, /)", .clinic,
                      doc: "D.pop(k[,d]) -> v, remove specified key and return the corresponding value."),
            inherited("popitem", "()", .noArguments, doc: "Remove and return a (key, value) pair as a 2-tuple."),
            inherited("setdefault", "(key, default=None, /)", .clinic, doc: "Insert key with a value of default if key is not in the dictionary."),
            inherited("update", "(other=(), /, **kwds)", .clinic, doc: "D.update([E, ]**F) -> None.  Update D from dict/iterable E and F."),
            inherited("values", "()", .noArguments, doc: "D.values() -> an object providing a view on D's values"),
        ]
        return all.filter { !overridden.contains($0.name) }
    }

    private static func counts(_ a: BoundArguments) -> Arguments {
        Arguments(a.optional(0).map { [$0] } ?? [], keywords: a.extraKeywords)
    }

    private static let counterOwn: [Method] = [
        Method("copy", "(self)", doc: "Return a shallow copy.") { d, _, _ throws(ScriptError) in
            .object(CountingDict(d.kind, d.storage.copy()))
        },
        Method("elements", "(self)", doc: "Iterator over elements repeating each as many times as its count.") { d, _, _ throws(ScriptError) in
            // Lazy, as CPython's: Counter(a=10**12).elements() must not build a list.
            var pairs = d.storage.items.makeIterator()
            var current: (Value, Int)?
            return .object(IteratorObject("itertools.chain", ClosureIterator { _ throws(ScriptError) -> Value? in
                while true {
                    if let (key, left) = current, left > 0 {
                        current = (key, left - 1)
                        return key
                    }
                    guard let (key, count) = pairs.next() else { return nil }
                    if case .int(let n) = count { current = (key, n) } else { current = nil }
                }
            }))
        },
        Method("fromkeys", "(self, iterable, v=None)", doc: "") { _, _, _ throws(ScriptError) in
            throw ScriptError(.notImplementedError, "Counter.fromkeys() is undefined.  Use Counter(iterable) instead.")
        },
        Method("most_common", "(self, n=None)",
               doc: "List the n most common elements and their counts from the most\ncommon to the least.  If n is None, then list all element counts.") {
            d, a, interpreter throws(ScriptError) in
            let all = try d.mostCommon(interpreter)
            guard let n = a.optional(0) else { return .list(ListObject(all)) }
            return .list(ListObject(Array(all.prefix(max(0, try interpreter.indexValue(n))))))
        },
        Method("subtract", "(self, iterable=None, /, **kwds)",
               doc: "Like dict.update() but subtracts counts instead of replacing them.\nCounts can be reduced below zero.  Both the inputs and outputs are\nallowed to contain zero and negative counts.") {
            d, a, interpreter throws(ScriptError) in
            try d.add(counts(a), sign: -1, interpreter)
            return .none
        },
        Method("total", "(self)", doc: "Sum of the counts") { d, _, interpreter throws(ScriptError) in
            var sum = Value.int(0)
            for value in d.storage.values { sum = try interpreter.binary(.add, sum, value) }
            return sum
        },
        Method("update", "(self, iterable=None, /, **kwds)", doc: "Like dict.update() but add counts instead of replacing them.") {
            d, a, interpreter throws(ScriptError) in
            try d.add(counts(a), sign: 1, interpreter)
            return .none
        },
    ]

    static let counterDeclaration = NativeType<CountingDict>(
        module: "collections", methods: counterOwn + dictMethods(except: Set(counterOwn.map(\.name))))

    private static let defaultDictOwn: [Method] = [
        Method("__missing__", "(key, /)", .singleArgument,
               doc: "__missing__(key) # Called by __getitem__ for missing key; pseudo-code:") { d, a, interpreter throws(ScriptError) in
            try d.missing(a.required(0), interpreter)
        },
        Method("copy", "()", .noArguments, doc: "D.copy() -> a shallow copy of D.") { d, _, _ throws(ScriptError) in
            .object(CountingDict(d.kind, d.storage.copy()))
        },
    ]

    static let defaultDictDeclaration = NativeType<CountingDict>(module: "collections", properties: [
        NativeProperty("default_factory", set: { d, value, _ throws(ScriptError) in d.kind = .defaultDict(value) }) { d, _ throws(ScriptError) in
            if case .defaultDict(let factory) = d.kind { return factory }
            return .none
        },
    ], methods: defaultDictOwn + dictMethods(except: Set(defaultDictOwn.map(\.name))))

    private static func orderedView(_ kind: DictView.Kind) -> Method {
        Method(kind.rawValue, "()", .noArguments) { d, _, _ throws(ScriptError) in
            .object(DictView(d.storage, kind, ordered: true))
        }
    }

    private static let orderedOwn: [Method] = [
        Method("clear", "()", .noArguments, doc: "od.clear() -> None.  Remove all items from od.") { d, _, _ throws(ScriptError) in
            d.storage.removeAll()
            return .none
        },
        Method("copy", "()", .noArguments, doc: "od.copy() -> a shallow copy of od") { d, _, _ throws(ScriptError) in
            .object(CountingDict(d.kind, d.storage.copy()))
        },
        Method("fromkeys", "(iterable, value=None)", .clinic,
               doc: "Create a new ordered dictionary with keys from iterable and values set to value.") { _, a, interpreter throws(ScriptError) in
            let ordered = CountingDict(.ordered)
            for key in try interpreter.iterate(a.required(0)) { try ordered.storage.set(key, a[1] ?? .none) }
            return .object(ordered)
        },
        orderedView(.items),
        orderedView(.keys),
        Method("move_to_end", "(key, last=True)", .clinic, doc: "Move an existing element to the end (or beginning if last is false).") {
            d, a, interpreter throws(ScriptError) in
            let key = a.required(0)
            let last = try a[1].map { (v) throws(ScriptError) in try interpreter.truth(v) } ?? true
            guard let value = try d.storage.remove(key) else { throw .keyError(key, repr: try interpreter.repr(key)) }
            if last {
                try d.storage.set(key, value)
            } else {
                let rest = d.storage.items
                d.storage.removeAll()
                try d.storage.set(key, value)
                for (k, v) in rest { try d.storage.set(k, v) }
            }
            return .none
        },
        Method("pop", "(key, default=<unrepresentable>)", .clinic,
               doc: "od.pop(key[,default]) -> v, remove specified key and return the corresponding value.") { d, a, interpreter throws(ScriptError) in
            if let value = try d.storage.remove(a.required(0)) { return value }
            if let fallback = a[1] { return fallback }
            throw .keyError(a.required(0), repr: try interpreter.repr(a.required(0)))
        },
        Method("popitem", "(last=True)", .clinic, doc: "Remove and return a (key, value) pair from the dictionary.") {
            d, a, interpreter throws(ScriptError) in
            let last = try a[0].map { (v) throws(ScriptError) in try interpreter.truth(v) } ?? true
            guard let key = last ? d.storage.keys.last : d.storage.keys.first else {
                throw .keyError(.str("dictionary is empty"), repr: "'dictionary is empty'")
            }
            return .tuple([key, try d.storage.remove(key) ?? .none])
        },
        Method("setdefault", "(key, default=None)", .clinic, doc: "Insert key with a value of default if key is not in the dictionary.") {
            d, a, _ throws(ScriptError) in
            if let value = try d.storage.get(a.required(0)) { return value }
            try d.storage.set(a.required(0), a[1] ?? .none)
            return a[1] ?? .none
        },
        Method("update", "(*args, **kwds)") { d, a, interpreter throws(ScriptError) in
            // CPython's MutableMapping.update counts its positional arguments itself.
            guard a.rest.count <= 1 else { throw .typeError("update() takes at most 1 positional argument (\(a.rest.count) given)") }
            guard case .builtin(let method)? = interpreter.types.dict.namespace["update"], let body = method.methodBody else { return .none }
            return try body(interpreter, .dict(d.storage), Arguments(a.rest, keywords: a.extraKeywords))
        },
        orderedView(.values),
    ]

    static let orderedDeclaration = NativeType<CountingDict>(
        module: "collections", methods: orderedOwn + dictMethods(except: Set(orderedOwn.map(\.name))))
}
