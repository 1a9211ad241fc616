/// The built-in classes: `int`, `str`, `list`, ..., and the exception hierarchy.
package final class BuiltinTypes {
    package let object: TypeObject
    package let type: TypeObject
    let noneType: TypeObject
    package let int: TypeObject
    package let bool: TypeObject
    package let float: TypeObject
    package let str: TypeObject
    package let list: TypeObject
    package let tuple: TypeObject
    package let dict: TypeObject
    package let set: TypeObject
    package let frozenset: TypeObject
    package let function: TypeObject
    let builtinFunction: TypeObject
    package let method: TypeObject
    package let module: TypeObject
    /// The `NotImplemented` singleton.
    package let notImplemented = NotImplementedObject()
    private(set) var exceptions: [ExceptionKind: TypeObject] = [:]
    /// Types of Swift-implemented objects, by name; library bridges may register richer ones.
    private var natives: [String: TypeObject] = [:]

    init() {
        object = TypeObject(name: "object", bases: [], kind: .builtin)
        object.namespace["__init__"] = .builtin(BuiltinFunction("__init__") { _, _ in .none })
        object.namespace["__setattr__"] = .builtin(BuiltinFunction("__setattr__") { interpreter, a throws(ScriptError) in
            try a.expect("__setattr__", 3...3)
            guard case .instance(let instance) = a.positional[0], case .str(let name) = a.positional[1] else {
                throw .typeError("can't apply this __setattr__ to \(a.positional[0].typeName) object")
            }
            try interpreter.storeAttribute(instance, name, a.positional[2])
            return .none
        })
        func make(_ name: String, _ constructor: BuiltinFunction.Body?, methods: [String: BuiltinFunction] = [:],
                  bases: [TypeObject]? = nil, object: TypeObject) -> TypeObject {
            TypeObject(name: name, bases: bases ?? [object], namespace: methods.mapValues { .builtin($0) },
                       kind: .builtin, constructor: constructor.map { BuiltinFunction(name, $0) })
        }
        type = make("type", { (i, a) throws(ScriptError) in try Constructors.type(i, a) }, object: object)
        noneType = make("NoneType", nil, object: object)
        int = make("int", { (i, a) throws(ScriptError) in try Constructors.int(i, a) }, methods: NumberMethods.int, object: object)
        bool = make("bool", { (i, a) throws(ScriptError) in try Constructors.bool(i, a) }, bases: [int], object: object)
        float = make("float", { (i, a) throws(ScriptError) in try Constructors.float(i, a) }, methods: NumberMethods.float, object: object)
        str = make("str", { (i, a) throws(ScriptError) in try Constructors.str(i, a) }, methods: StringMethods.all, object: object)
        list = make("list", { (i, a) throws(ScriptError) in try Constructors.list(i, a) }, methods: ListMethods.all, object: object)
        tuple = make("tuple", { (i, a) throws(ScriptError) in try Constructors.tuple(i, a) }, methods: ListMethods.tuple, object: object)
        dict = make("dict", { (i, a) throws(ScriptError) in try Constructors.dict(i, a) }, methods: DictMethods.all, object: object)
        set = make("set", { (i, a) throws(ScriptError) in try Constructors.set(i, a) }, methods: SetMethods.all, object: object)
        frozenset = make("frozenset", { (i, a) throws(ScriptError) in try Constructors.set(i, a, frozen: true) },
                         methods: SetMethods.all.filter { SetMethods.readOnly.contains($0.key) }, object: object)
        function = make("function", nil, object: object)
        builtinFunction = make("builtin_function_or_method", nil, object: object)
        method = make("method", nil, object: object)
        module = make("module", nil, object: object)
        for kind in ExceptionKind.allCases { _ = exceptionType(kind) }
        TypeMethods.install(on: self)
    }

    @discardableResult
    private func exceptionType(_ kind: ExceptionKind) -> TypeObject {
        if let existing = exceptions[kind] { return existing }
        let base = kind.parent.map { exceptionType($0) } ?? object
        let type = TypeObject(name: kind.rawValue, bases: [base], kind: .exception(kind))
        if kind == .baseException {
            type.namespace["__init__"] = .builtin(BuiltinFunction("__init__") { _, arguments in
                if case .instance(let instance)? = arguments.positional.first {
                    instance.attributes["args"] = .tuple(Array(arguments.positional.dropFirst()))
                }
                return .none
            })
        }
        exceptions[kind] = type
        return type
    }

    /// The type for a built-in exception kind.
    package func exception(_ kind: ExceptionKind) -> TypeObject {
        exceptions[kind] ?? object
    }

    /// The type object of a Swift-implemented object, made on first use.
    package func native(named name: String) -> TypeObject {
        if let existing = natives[name] { return existing }
        let type = TypeObject(name: name, bases: [object], kind: .builtin, module: "builtins")
        natives[name] = type
        return type
    }

    /// Registers the type a library uses for its objects (so `isinstance` and `type()` agree).
    package func registerNative(_ type: TypeObject, forTypeName name: String) {
        natives[name] = type
    }
}
