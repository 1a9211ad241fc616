/// Making classes and their instances as CPython's `type` does: the class statement through
/// its metaclass (`__prepare__`, `__new__`, `__init__`), `__init_subclass__`, `type(name,
/// bases, dict)`, and calling a class (`__new__`, then `__init__` when `__new__` returned an
/// instance of the class).
extension Interpreter {
    /// The class of class `type`: `type` unless a metaclass made it.
    @inline(__always)
    package func metaclass(of type: TypeObject) -> TypeObject { type.metaclass ?? types.type }

    /// CPython's metaclass calculation: the most derived of `meta` and the bases' metaclasses.
    func winningMetaclass(_ meta: TypeObject, bases: [TypeObject]) throws(ScriptError) -> TypeObject {
        var winner = meta
        for base in bases {
            let candidate = metaclass(of: base)
            if winner.isSubtype(of: candidate) { continue }
            if candidate.isSubtype(of: winner) {
                winner = candidate
                continue
            }
            throw .typeError("metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass "
                             + "of the metaclasses of all its bases")
        }
        return winner
    }

    /// The `class` statement: bases and keywords evaluated, the body run in the namespace the
    /// metaclass's `__prepare__` gave, then the metaclass called with it.
    package func makeClass(_ name: String, _ baseExprs: [Expr], _ keywordExprs: [(name: String, value: Expr)],
                   _ body: [Stmt], code: CodeScope, in scope: Scope) throws(ScriptError) -> Value {
        var bases: [TypeObject] = []
        for expr in baseExprs {
            guard case .type(let base) = try evaluate(expr, in: scope) else {
                throw .typeError("bases must be types")
            }
            bases.append(base)
        }
        var keywords: [(name: String, value: Value)] = []
        var explicit: Value?
        for entry in keywordExprs {
            let value = try evaluate(entry.value, in: scope)
            if entry.name == "metaclass" { explicit = value } else { keywords.append((entry.name, value)) }
        }
        let meta: Value
        switch explicit {
        case .type(let type)?: meta = .type(try winningMetaclass(type, bases: bases))
        case nil: meta = .type(try winningMetaclass(bases.first.map { metaclass(of: $0) } ?? types.type, bases: bases))
        case let other?: meta = other
        }
        let classScope = Scope(classBody: code, captured: code.freeSources.map { scope.cells[$0] })
        var prepared: DictObject?
        if case .type(let metatype) = meta, metatype !== types.type, let prepare = metatype.lookup("__prepare__"),
           !isBuiltinMember(prepare) {
            // Looked up as an attribute of the metaclass, so a plain function is not bound to it.
            let namespace = try call(try attribute(meta, "__prepare__"),
                                     Arguments([.str(name), .tuple(bases.map { .type($0) })], keywords: keywords))
            switch namespace {
            case .dict(let dict):
                prepared = dict
                for (key, value) in zip(dict.keys, dict.values) {
                    if case .str(let key) = key { classScope.setNamed(symbols.intern(key), value) }
                }
            case .instance, .object:
                classScope.mapping = namespace
            default:
                throw .typeError("\(metatype.name).__prepare__() must return a mapping, not \(namespace.typeName)")
            }
        }
        // The body begins `__module__ = __name__`, which reads through the namespace first.
        let module = try classNamespaceValue(symbols.intern("__name__"), in: classScope) ?? .str(currentModuleName)
        try setClassNamespaceValue(symbols.intern("__module__"), module, in: classScope)
        try setClassNamespaceValue(symbols.intern("__qualname__"), .str(name), in: classScope)
        let annotationsID = symbols.intern("__annotations__")
        if body.containsAnnotation, try classNamespaceValue(annotationsID, in: classScope) == nil {
            try setClassNamespaceValue(annotationsID, .dict(DictObject()), in: classScope)
        }
        if case .expression(.literal(.string(let doc)))? = body.first?.kind {
            try setClassNamespaceValue(symbols.intern("__doc__"), .str(doc), in: classScope)
        }
        _ = try execute(body, in: classScope)
        let namespace: Value
        if let mapping = classScope.mapping {
            namespace = mapping
        } else {
            // The dict `__prepare__` returned is the one the metaclass receives, as in CPython.
            let dict = prepared ?? DictObject()
            for (id, value) in classScope.namedEntries { try dict.set(.str(symbols.name(id)), value) }
            namespace = .dict(dict)
        }
        let arguments = Arguments([.str(name), .tuple(bases.map { .type($0) }), namespace], keywords: keywords)
        if case .type(let metatype) = meta, metatype === types.type {
            return try createClass(metatype: metatype, arguments)
        }
        return try call(meta, arguments)
    }

    /// Whether a class member is one of Recur's own (a built-in type's method), not user code.
    func isBuiltinMember(_ member: Value) -> Bool {
        if case .builtin = member { return true }
        return false
    }

    /// `type.__new__(metatype, name, bases, namespace, **keywords)`: a new class, told to its
    /// bases' `__init_subclass__`.
    func createClass(metatype: TypeObject, _ arguments: Arguments) throws(ScriptError) -> Value {
        let p = arguments.positional
        guard p.count == 3 else {
            throw .typeError(p.count == 1 || p.isEmpty ? "type.__new__() takes exactly 3 arguments (\(p.count) given)"
                                                        : "type() takes 1 or 3 arguments")
        }
        guard case .str(let name) = p[0] else { throw .typeError("type.__new__() argument 1 must be str, not \(p[0].typeName)") }
        guard case .tuple(let baseValues) = p[1] else {
            throw .typeError("type.__new__() argument 2 must be tuple, not \(p[1].typeName)")
        }
        guard case .dict(let dict) = p[2] else { throw .typeError("type.__new__() argument 3 must be dict, not \(p[2].typeName)") }
        var bases: [TypeObject] = []
        for value in baseValues {
            guard case .type(let base) = value else {
                throw .typeError("metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass "
                                 + "of the metaclasses of all its bases")
            }
            if base === types.bool || base === types.noneType || base === types.function || base === types.builtinFunction
                || base === types.method || base === types.module {
                throw .typeError("type '\(base.name)' is not an acceptable base type")
            }
            bases.append(base)
        }
        let winner = try winningMetaclass(metatype, bases: bases)
        if bases.isEmpty { bases = [types.object] }
        for (i, base) in bases.enumerated() where bases[..<i].contains(where: { $0 === base }) {
            throw .typeError("duplicate base class \(base.name)")
        }
        guard let linearized = TypeObject.linearization(of: bases) else {
            throw .typeError("Cannot create a consistent method resolution\norder (MRO) for bases "
                             + bases.map(\.name).joined(separator: ", "))
        }
        let carried = bases.compactMap { $0.creation.builtinBase ?? ($0.carriesValue ? $0 : nil) }
        if carried.count > 1, !carried.dropFirst().allSatisfy({ carried[0].isSubtype(of: $0) || $0.isSubtype(of: carried[0]) }) {
            throw .typeError("multiple bases have instance lay-out conflict")
        }
        var namespace: [String: Value] = [:]
        var order: [String] = []
        for (key, value) in zip(dict.keys, dict.values) {
            guard case .str(let key) = key else { continue }
            namespace[key] = value
            order.append(key)
        }
        if namespace["__slots__"] != nil {
            throw .typeError("Recur classes cannot declare __slots__ (class '\(name)'): remove it; instances keep their attributes in a dict")
        }
        // As CPython's type_new: these are implicitly class and static methods.
        for special in ["__init_subclass__", "__class_getitem__"] {
            if case .function? = namespace[special] { namespace[special] = .object(DescriptorObject(.classMethod, namespace[special] ?? .none)) }
        }
        if case .function? = namespace["__new__"] { namespace["__new__"] = .object(DescriptorObject(.staticMethod, namespace["__new__"] ?? .none)) }
        var qualifiedName = name
        if case .str(let given)? = namespace.removeValue(forKey: "__qualname__") { qualifiedName = given }
        order.removeAll { $0 == "__qualname__" }
        if namespace["__doc__"] == nil {
            namespace["__doc__"] = Value.none
            order.append("__doc__")
        }
        var module = currentModuleName
        if case .str(let given)? = namespace["__module__"] { module = given }
        let type = TypeObject(name: name, bases: bases, namespace: namespace, kind: .user, module: module, linearized: linearized)
        type.metaclass = winner === types.type ? nil : winner
        type.definitionOrder = order
        type.qualifiedName = qualifiedName
        for member in namespace.values {
            var functions: [Value] = [member]
            if case .object(let object) = member, let descriptor = object as? DescriptorObject {
                functions = [descriptor.function, descriptor.setter, descriptor.deleter]
            }
            for case .function(let function) in functions where function.owner == nil {
                function.qualifiedName = "\(qualifiedName).\(function.definition.name)"
                function.owner = type
            }
        }
        // Descriptors learn the name they are bound to (`__set_name__`), in definition order.
        for key in order {
            if let value = namespace[key], case .instance(let member) = value, let setName = member.type.lookup("__set_name__") {
                _ = try callBound(setName, receiver: value, Arguments([.type(type), .str(key)]))
            }
        }
        // The nearest base's `__init_subclass__` (object's refuses keywords).
        for base in type.ancestors {
            guard let hook = base.namespace["__init_subclass__"] else { continue }
            if case .object(let descriptor as DescriptorObject) = hook {
                _ = try call(try descriptor.resolve(receiver: .type(type), interpreter: self), Arguments(keywords: arguments.keywords))
            } else {
                _ = try callBound(hook, receiver: .type(type), Arguments(keywords: arguments.keywords))
            }
            break
        }
        return .type(type)
    }

    /// Calling a class: its metaclass's `__call__` when one is written, else `type.__call__`.
    package func instantiate(_ type: TypeObject, _ arguments: Arguments) throws(ScriptError) -> Value {
        if let meta = type.metaclass, let call = meta.lookup("__call__"), !isBuiltinMember(call) {
            return try callBound(call, receiver: .type(type), arguments)
        }
        return try construct(type, arguments)
    }

    /// `type.__call__(cls, *args, **kwargs)`: `__new__`, then `__init__` when `__new__` returned
    /// an instance of `cls`.
    func construct(_ type: TypeObject, _ arguments: Arguments) throws(ScriptError) -> Value {
        if let constructor = type.constructor { return try constructor.body(self, arguments) }
        let (userNew, builtinBase) = type.creation
        let made: Value
        if let userNew {
            var withClass = arguments
            withClass.positional.insert(.type(type), at: 0)
            let function: Value = if case .object(let descriptor as DescriptorObject) = userNew { descriptor.function } else { userNew }
            made = try call(function, withClass)
            guard try BuiltinFunctions.matches(typeObject(of: made), .type(type), "isinstance") else { return made }
        } else if type.isSubtype(of: types.type) {
            made = try createClass(metatype: type, arguments)
            guard case .type(let made) = made, metaclass(of: made).isSubtype(of: type) else { return made }
            if let initializer = type.lookup("__init__"), !isBuiltinMember(initializer) {
                let returned = try callBound(initializer, receiver: .type(made), arguments)
                if !returned.isNone { throw .typeError("__init__() should return None, not '\(returned.typeName)'") }
            }
            return .type(made)
        } else {
            let instance = InstanceObject(type: type)
            if let builtinBase { instance.payload = try initialPayload(builtinBase, arguments) }
            if type.exceptionKind != nil {
                instance.attributes["args"] = .tuple(arguments.positional)
            }
            if let base = type.libraryBase { try base.initialize(instance, interpreter: self) }
            made = .instance(instance)
        }
        let initializer = type.lookup("__init__")
        if let initializer, !isObjectInit(initializer) {
            let returned = try callBound(initializer, receiver: made, arguments)
            if !returned.isNone { throw .typeError("__init__() should return None, not '\(returned.typeName)'") }
        } else if userNew == nil && builtinBase == nil && type.exceptionKind == nil
                    && (!arguments.positional.isEmpty || !arguments.keywords.isEmpty) {
            throw .typeError("\(type.name)() takes no arguments")
        }
        return made
    }

    /// Whether `member` is `object.__init__` (which a class's `__init__` did not override).
    func isObjectInit(_ member: Value) -> Bool {
        if case .builtin(let found) = member, case .builtin(let objectInit)? = types.object.namespace["__init__"] {
            return found === objectInit
        }
        return false
    }

    /// The built-in value a new instance of a subclass of `base` carries: an empty list or
    /// dict (which `__init__` fills), or the immutable value built from the arguments.
    func initialPayload(_ base: TypeObject, _ arguments: Arguments) throws(ScriptError) -> Value {
        switch base.name {
        case "list": return .list(ListObject([]))
        case "dict": return .dict(DictObject())
        default:
            guard let constructor = base.constructor else { return .none }
            return try constructor.body(self, arguments)
        }
    }

    /// Whether `value` is an instance of a subclass of int, str, list... (carrying a value).
    @inline(__always)
    func carriesValue(_ value: Value) -> Bool {
        if case .instance(let instance) = value { return instance.payload != nil }
        return false
    }

    /// The built-in value an instance of a subclass of int, str, list... stands for, or the
    /// value itself.
    @inline(__always)
    func builtinValue(_ value: Value) -> Value {
        if case .instance(let instance) = value, let payload = instance.payload { return payload }
        return value
    }
}
