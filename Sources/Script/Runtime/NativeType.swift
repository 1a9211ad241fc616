/// One method of a native type, declared once: its name, its Python signature, its
/// docstring and its body. Binding, error texts, `dir()`, completion and `help()` all read it.
package struct NativeMethod<Receiver>: Sendable {
    package typealias Body = @Sendable (_ receiver: Receiver, _ arguments: BoundArguments, _ interpreter: Interpreter) throws(ScriptError) -> Value

    package let name: String
    package let signature: NativeSignature
    package let doc: String
    /// The class that defines the method, when errors name it rather than the receiver's
    /// type (`Optimizer.zero_grad` on an `SGD`).
    package let owner: String?
    package let body: Body

    package init(_ name: String, _ signature: String, _ convention: NativeSignature.Convention = .python, owner: String? = nil,
                 doc: String = "", _ body: @escaping Body) {
        self.name = name
        self.owner = owner
        self.signature = NativeSignature(signature, convention: convention)
        self.doc = doc
        self.body = body
    }
}

extension NativeMethod {
    /// The name the method's argument errors use (`deque.append`, `Optimizer.zero_grad`).
    func errorName(typeName: String) -> String {
        "\(owner ?? typeName).\(name)"
    }
}

/// A read-only (or, with a setter, writable) attribute of a native type.
package struct NativeProperty<Receiver>: Sendable {
    package typealias Getter = @Sendable (_ receiver: Receiver, _ interpreter: Interpreter) throws(ScriptError) -> Value
    package typealias Setter = @Sendable (_ receiver: Receiver, _ value: Value, _ interpreter: Interpreter) throws(ScriptError) -> Void

    package let name: String
    package let get: Getter
    package let set: Setter?

    package init(_ name: String, set: Setter? = nil, _ get: @escaping Getter) {
        self.name = name
        self.get = get
        self.set = set
    }
}

/// A native type's methods and properties, declared once. `DeclaredObject` turns it into
/// the object's attributes, method calls and names.
package struct NativeType<Receiver>: Sendable {
    /// The module errors about the type itself name (`collections` in `collections.deque`).
    package let module: String?
    private let methods: [String: NativeMethod<Receiver>]
    private let properties: [String: NativeProperty<Receiver>]
    /// Methods and properties in declaration order, for `dir()` and completion.
    package let attributeNames: [String]
    /// The methods' names in declaration order.
    package let methodNames: [String]

    package init(module: String? = nil, properties: [NativeProperty<Receiver>] = [], methods: [NativeMethod<Receiver>]) {
        self.module = module
        var methodTable: [String: NativeMethod<Receiver>] = [:]
        for method in methods { methodTable[method.name] = method }
        self.methods = methodTable
        var propertyTable: [String: NativeProperty<Receiver>] = [:]
        for property in properties { propertyTable[property.name] = property }
        self.properties = propertyTable
        attributeNames = properties.map(\.name) + methods.map(\.name)
        methodNames = methods.map(\.name)
    }

    /// Whether `name` is a declared method or property.
    package func declares(_ name: String) -> Bool { methods[name] != nil || properties[name] != nil }

    /// The declared method `name`.
    package func method(_ name: String) -> NativeMethod<Receiver>? { methods[name] }

    /// `receiver.name`: a property's value or the method bound to `receiver`; nil when the
    /// type declares no such attribute.
    package func attribute(_ name: String, of receiver: Receiver, typeName: String, interpreter: Interpreter) throws(ScriptError) -> Value? {
        if let property = properties[name] { return try property.get(receiver, interpreter) }
        guard let method = methods[name] else { return nil }
        let qualified = method.errorName(typeName: typeName)
        return .builtin(BuiltinFunction(name, signature: qualified + method.signature.text, doc: method.doc) {
            interpreter, a throws(ScriptError) in
            try method.body(receiver, try method.signature.bind(a, name: qualified), interpreter)
        })
    }

    /// `receiver.name(a)`; nil when the type declares no such method.
    package func call(_ name: String, on receiver: Receiver, typeName: String, _ a: Arguments, interpreter: Interpreter) throws(ScriptError) -> Value? {
        guard let method = methods[name] else { return nil }
        return try method.body(receiver, try method.signature.bind(a, name: method.errorName(typeName: typeName)), interpreter)
    }

    /// `receiver.name = value` for a writable property: false when `name` is not one, and
    /// an AttributeError for a read-only one.
    package func setAttribute(_ name: String, of receiver: Receiver, typeName: String, _ value: Value, interpreter: Interpreter) throws(ScriptError) -> Bool {
        guard let property = properties[name] else { return false }
        guard let set = property.set else {
            throw ScriptError(.attributeError, "attribute '\(name)' of '\(module.map { $0 + "." } ?? "")\(typeName)' objects is not writable")
        }
        try set(receiver, value, interpreter)
        return true
    }
}

/// A native object whose attributes and methods come from one `NativeType` declaration.
package protocol DeclaredObject: ScriptObject {
    static var declaration: NativeType<Self> { get }
}

extension DeclaredObject {
    package var attributeNames: [String] { Self.declaration.attributeNames }

    package func attribute(_ name: String, interpreter: Interpreter) throws(ScriptError) -> Value? {
        try Self.declaration.attribute(name, of: self, typeName: typeName, interpreter: interpreter)
    }

    package func callMethod(_ name: String, _ arguments: Arguments, interpreter: Interpreter) throws(ScriptError) -> Value? {
        try Self.declaration.call(name, on: self, typeName: typeName, arguments, interpreter: interpreter)
    }

    package func setAttribute(_ name: String, _ value: Value, interpreter: Interpreter) throws(ScriptError) -> Bool {
        try Self.declaration.setAttribute(name, of: self, typeName: typeName, value, interpreter: interpreter)
    }
}

extension TypeObject {
    /// Puts the declared methods of `Object` on this type as functions taking the instance
    /// first, as CPython's method descriptors are (`collections.deque.append(d, 1)`).
    /// `qualifiedName` is the type as their errors name it, when not `module.name`.
    package func addMethods<Object: DeclaredObject>(of _: Object.Type, qualifiedName: String? = nil) {
        let qualified = qualifiedName ?? (module == "builtins" ? name : "\(module).\(name)")
        for methodName in Object.declaration.methodNames {
            guard let declared = Object.declaration.method(methodName) else { continue }
            namespace[methodName] = .builtin(method(name, methodName, signature: "\(name).\(methodName)\(declared.signature.text)", doc: declared.doc) {
                interpreter, receiver, arguments throws(ScriptError) -> Value in
                guard case .object(let object) = receiver, let instance = object as? Object else {
                    throw .typeError("descriptor '\(methodName)' for '\(qualified)' objects doesn't apply to a '\(receiver.typeName)' object")
                }
                return try Object.declaration.call(methodName, on: instance, typeName: instance.typeName, arguments, interpreter: interpreter) ?? .none
            })
        }
    }
}
