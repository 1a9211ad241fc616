/// The special methods of `object`, `type` and the built-in types a user class may derive
/// from: what `object.__new__(cls)`, `super().__init_subclass__(**kw)`, `type.__new__(mcs,
/// ...)`, `int.__new__(cls, 3)`, `super().__setitem__(k, v)` and a subclass's inherited
/// operators find on the class.
package enum TypeMethods {
    package static func install(on types: BuiltinTypes) {
        types.object.namespace["__new__"] = .builtin(BuiltinFunction("__new__", signature: "object.__new__(cls)") { interpreter, a throws(ScriptError) in
            try objectNew(interpreter, a)
        })
        types.object.namespace["__init_subclass__"] = .object(DescriptorObject(.classMethod, .builtin(BuiltinFunction("__init_subclass__") { _, a throws(ScriptError) in
            if let entry = a.keywords.first {
                _ = entry
                let name: String = if case .type(let cls)? = a.positional.first { cls.name } else { "object" }
                throw .typeError("\(name).__init_subclass__() takes no keyword arguments")
            }
            return .none
        })))
        installType(types.type)
        for type in [types.int, types.float, types.str, types.tuple, types.list, types.dict] {
            type.namespace["__new__"] = .builtin(BuiltinFunction("__new__", signature: "\(type.name).__new__(cls, ...)") { [unowned type] interpreter, a throws(ScriptError) in
                try builtinNew(type, interpreter, a)
            })
            for name in specialNames(of: type.name) where type.namespace[name] == nil {
                type.namespace[name] = .builtin(BuiltinFunction(name, signature: "\(type.name).\(name)(...)") { interpreter, a throws(ScriptError) in
                    try special(name, interpreter, a)
                })
            }
        }
        types.list.namespace["__init__"] = .builtin(BuiltinFunction("__init__", signature: "list.__init__(self, iterable=(), /)") { interpreter, a throws(ScriptError) in
            guard let receiver = a.positional.first, case .list(let list) = interpreter.builtinValue(receiver) else {
                throw .typeError("descriptor '__init__' of 'list' object needs an argument")
            }
            try a.expect("list", 1...2)
            let items = a.positional.count > 1 ? try interpreter.iterate(a.positional[1]) : []
            list.items = items
            return .none
        })
        types.dict.namespace["__init__"] = .builtin(BuiltinFunction("__init__", signature: "dict.__init__(self, mapping=(), /, **kwargs)") { interpreter, a throws(ScriptError) in
            guard let receiver = a.positional.first, case .dict(let dict) = interpreter.builtinValue(receiver) else {
                throw .typeError("descriptor '__init__' of 'dict' object needs an argument")
            }
            guard case .dict(let made) = try Constructors.dict(interpreter, Arguments(Array(a.positional.dropFirst()), keywords: a.keywords)) else {
                return .none
            }
            for (key, value) in zip(made.keys, made.values) { try dict.set(key, value) }
            return .none
        })
    }

    /// `type.__new__`, `type.__init__`, `type.__call__`, `type.__prepare__` and
    /// `type.__setattr__`, which a metaclass's own methods reach through `super()`.
    private static func installType(_ type: TypeObject) {
        type.namespace["__new__"] = .builtin(BuiltinFunction("__new__", signature: "type.__new__(mcs, name, bases, namespace, **kwargs)") { interpreter, a throws(ScriptError) in
            guard case .type(let metatype)? = a.positional.first else {
                throw .typeError("type.__new__(X): X is not a type object (\(a.positional.first?.typeName ?? "NoneType"))")
            }
            guard metatype.isSubtype(of: interpreter.types.type) else {
                throw .typeError("type.__new__(\(metatype.name)): \(metatype.name) is not a subtype of type")
            }
            return try interpreter.createClass(metatype: metatype, Arguments(Array(a.positional.dropFirst()), keywords: a.keywords))
        })
        type.namespace["__init__"] = .builtin(BuiltinFunction("__init__", signature: "type.__init__(cls, name, bases, namespace, **kwargs)") { _, a throws(ScriptError) in
            guard a.positional.count == 2 || a.positional.count == 4 else {
                throw .typeError("type.__init__() takes 1 or 3 arguments")
            }
            return .none
        })
        type.namespace["__call__"] = .builtin(BuiltinFunction("__call__", signature: "type.__call__(cls, /, *args, **kwargs)") { interpreter, a throws(ScriptError) in
            guard case .type(let cls)? = a.positional.first else {
                throw .typeError("descriptor '__call__' requires a 'type' object but received '\(a.positional.first?.typeName ?? "NoneType")'")
            }
            return try interpreter.construct(cls, Arguments(Array(a.positional.dropFirst()), keywords: a.keywords))
        })
        type.namespace["__prepare__"] = .builtin(BuiltinFunction("__prepare__", signature: "type.__prepare__(name, bases, **kwds)") { _, _ in
            .dict(DictObject())
        })
        type.namespace["__setattr__"] = .builtin(BuiltinFunction("__setattr__", signature: "type.__setattr__(cls, name, value, /)") { _, a throws(ScriptError) in
            try a.expect("__setattr__", 3...3)
            guard case .type(let cls) = a.positional[0], case .str(let name) = a.positional[1] else {
                throw .typeError("descriptor '__setattr__' requires a 'type' object and an attribute name")
            }
            guard case .user = cls.kind else { throw .typeError("cannot set '\(name)' attribute of immutable type '\(cls.name)'") }
            cls.namespace[name] = a.positional[2]
            return .none
        })
        type.namespace["__repr__"] = .builtin(BuiltinFunction("__repr__", signature: "type.__repr__(cls, /)") { interpreter, a throws(ScriptError) in
            try a.expect("__repr__", 1...1)
            guard case .type(let cls) = a.positional[0] else { throw .typeError("descriptor '__repr__' requires a 'type' object") }
            return .str(interpreter.classRepr(cls))
        })
    }

    /// `object.__new__(cls)`: a bare instance, with CPython's checks.
    private static func objectNew(_ interpreter: Interpreter, _ a: Arguments) throws(ScriptError) -> Value {
        guard let first = a.positional.first else { throw .typeError("object.__new__(): not enough arguments") }
        guard case .type(let cls) = first else { throw .typeError("object.__new__(X): X is not a type object (\(first.typeName))") }
        let (userNew, builtinBase) = cls.creation
        if cls.constructor != nil && cls !== interpreter.types.object {
            throw .typeError("object.__new__(\(cls.name)) is not safe, use \(cls.name).__new__()")
        }
        if let builtinBase, builtinBase.name != "list" && builtinBase.name != "dict" {
            throw .typeError("object.__new__(\(cls.name)) is not safe, use \(builtinBase.name).__new__()")
        }
        if cls.isSubtype(of: interpreter.types.type) {
            throw .typeError("object.__new__(\(cls.name)) is not safe, use type.__new__()")
        }
        if a.positional.count > 1 || !a.keywords.isEmpty {
            if userNew != nil { throw .typeError("object.__new__() takes exactly one argument (the type to instantiate)") }
            if let initializer = cls.lookup("__init__"), interpreter.isObjectInit(initializer) {
                throw .typeError("\(cls.name)() takes no arguments")
            }
        }
        let instance = InstanceObject(type: cls)
        if let builtinBase { instance.payload = try interpreter.initialPayload(builtinBase, Arguments()) }
        if cls.exceptionKind != nil { instance.attributes["args"] = .tuple(Array(a.positional.dropFirst())) }
        if let base = cls.libraryBase { try base.initialize(instance, interpreter: interpreter) }
        return .instance(instance)
    }

    /// `int.__new__(cls, ...)` and the like: the built-in value, carried by an instance of
    /// `cls` when it is a subclass.
    private static func builtinNew(_ type: TypeObject, _ interpreter: Interpreter, _ a: Arguments) throws(ScriptError) -> Value {
        guard let first = a.positional.first else { throw .typeError("\(type.name).__new__(): not enough arguments") }
        guard case .type(let cls) = first else {
            throw .typeError("\(type.name).__new__(X): X is not a type object (\(first.typeName))")
        }
        guard cls.isSubtype(of: type) else { throw .typeError("\(type.name).__new__(\(cls.name)): \(cls.name) is not a subtype of \(type.name)") }
        let rest = Arguments(Array(a.positional.dropFirst()), keywords: a.keywords)
        if cls === type, let constructor = type.constructor {
            return type.name == "list" || type.name == "dict" ? try interpreter.initialPayload(type, Arguments()) : try constructor.body(interpreter, rest)
        }
        let instance = InstanceObject(type: cls)
        instance.payload = try interpreter.initialPayload(type, rest)
        if let base = cls.libraryBase { try base.initialize(instance, interpreter: interpreter) }
        return .instance(instance)
    }

    /// The special methods a built-in type answers for its subclasses' instances.
    private static func specialNames(of typeName: String) -> [String] {
        let comparisons = ["__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"]
        // Only str has a __str__ of its own: the others' str() is object's, which calls repr().
        let text = typeName == "str" ? ["__repr__", "__str__", "__format__"] : ["__repr__", "__format__"]
        let sequence = ["__len__", "__getitem__", "__contains__", "__iter__"]
        switch typeName {
        case "int", "float":
            let bitwise: Set<BinaryOp> = [.bitAnd, .bitOr, .bitXor, .shiftLeft, .shiftRight]
            let operators = Interpreter.numberBinary.filter { typeName == "int" || !bitwise.contains($0.value.op) }.keys.sorted()
            return operators + comparisons + text + ["__hash__", "__bool__", "__int__", "__float__", "__neg__", "__pos__", "__abs__", "__round__"]
                + (typeName == "int" ? ["__index__", "__invert__"] : [])
        case "str": return comparisons + text + sequence + ["__hash__", "__add__", "__mul__", "__rmul__", "__mod__"]
        case "tuple": return comparisons + text + sequence + ["__hash__", "__add__", "__mul__", "__rmul__"]
        case "list":
            return comparisons + text + sequence + ["__setitem__", "__delitem__", "__add__", "__mul__", "__rmul__", "__iadd__", "__imul__", "__reversed__"]
        case "dict":
            return comparisons + text + sequence + ["__setitem__", "__delitem__", "__or__", "__ior__", "__reversed__"]
        default: return []
        }
    }

    /// A built-in type's special method on `self`'s value (`self` being the value itself or an
    /// instance of a subclass carrying it).
    private static func special(_ name: String, _ interpreter: Interpreter, _ a: Arguments) throws(ScriptError) -> Value {
        guard let original = a.positional.first else { throw .typeError("descriptor '\(name)' needs an argument") }
        let receiver = interpreter.builtinValue(original)
        let rest = a.positional.dropFirst().map { interpreter.builtinValue($0) }
        func argument() throws(ScriptError) -> Value {
            guard rest.count == 1 else { throw .typeError("expected 1 argument, got \(rest.count)") }
            return rest[0]
        }
        // Another class's instance gets its turn through NotImplemented.
        func isForeign(_ value: Value) -> Bool {
            if case .instance(let instance) = value { return instance.payload == nil }
            return false
        }
        switch name {
        case "__len__": return .int(try interpreter.length(receiver))
        case "__index__":
            if case .int = receiver { return receiver }
            if case .object(let big as BigIntObject) = receiver { return .object(big) }
        case "__getitem__":
            let key = try argument()
            if case .dict(let dict) = receiver, case .instance(let instance) = original {
                if let value = try dict.get(key) { return value }
                if let missing = instance.type.lookup("__missing__") {
                    return try interpreter.callBound(missing, receiver: original, Arguments([key]))
                }
            }
            return try interpreter.item(receiver, key)
        case "__setitem__":
            guard rest.count == 2 else { throw .typeError("expected 2 arguments, got \(rest.count)") }
            try interpreter.setItem(receiver, a.positional[1], a.positional[2])
            return .none
        case "__delitem__":
            try interpreter.deleteItem(receiver, try argument())
            return .none
        case "__contains__": return .bool(try interpreter.contains(receiver, a.positional.count > 1 ? a.positional[1] : try argument()))
        case "__iter__": return try interpreter.iteratorValue(receiver)
        case "__round__":
            return try interpreter.call(interpreter.builtins["round"] ?? .none, Arguments([receiver] + rest))
        case "__reversed__":
            return try interpreter.call(interpreter.builtins["reversed"] ?? .none, Arguments([receiver]))
        case "__repr__": return .str(try interpreter.repr(receiver))
        case "__str__": return .str(try interpreter.str(receiver))
        case "__format__":
            guard case .str(let spec) = try argument() else { throw .typeError("format spec must be a str") }
            // As CPython's int/float/str __format__: the empty spec is str(self).
            if spec.isEmpty { return .str(try interpreter.str(original)) }
            return .str(try interpreter.format(receiver, spec: spec))
        case "__hash__":
            _ = try HashKey(receiver)
            return .int(HashKey.pythonHash(receiver))
        case "__iadd__", "__imul__":
            guard case .list(let list) = receiver else { break }
            let other = try argument()
            if name == "__iadd__" {
                list.items.append(contentsOf: try interpreter.iterate(other))
            } else {
                guard case .list(let grown) = try interpreter.binary(.multiply, receiver, other) else { break }
                list.items = grown.items
            }
            return original
        case "__ior__":
            guard case .dict(let dict) = receiver else { break }
            let other = try argument()
            guard case .dict(let update) = other else { return .object(interpreter.types.notImplemented) }
            for (key, value) in zip(update.keys, update.values) { try dict.set(key, value) }
            return original
        default: break
        }
        if let method = interpreter.numberMethod(receiver, name) {
            return try interpreter.call(method, Arguments(rest))
        }
        if let (op, reflected) = Interpreter.numberBinary[name] {
            let other = try argument()
            if isForeign(a.positional[1]) { return .object(interpreter.types.notImplemented) }
            return reflected ? try interpreter.binary(op, other, receiver) : try interpreter.binary(op, receiver, other)
        }
        if let op = Interpreter.numberComparisons[name] {
            let other = try argument()
            if isForeign(a.positional[1]) { return .object(interpreter.types.notImplemented) }
            return try interpreter.compare(op, receiver, other)
        }
        throw .attributeError("'\(receiver.typeName)' object has no attribute '\(name)'")
    }
}
