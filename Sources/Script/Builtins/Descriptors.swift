/// `@staticmethod`, `@classmethod` and `@property`: class members that bind differently.
package final class DescriptorObject: ScriptObject {
    package enum Kind: String {
        case staticMethod = "staticmethod"
        case classMethod = "classmethod"
        case property
    }

    package let kind: Kind
    /// The function, or a property's getter (None when it has none).
    package let function: Value
    /// A property's setter and deleter.
    package let setter: Value
    let deleter: Value

    package init(_ kind: Kind, _ function: Value, setter: Value = .none, deleter: Value = .none) {
        self.kind = kind
        self.function = function
        self.setter = setter
        self.deleter = deleter
    }

    /// Whether this is a property, which takes precedence over an instance's own attributes.
    var isProperty: Bool {
        if case .property = kind { return true }
        return false
    }

    /// The property's name, as its error messages give it.
    private func propertyName(_ interpreter: Interpreter) -> String {
        for candidate in [function, setter, deleter] {
            if case .function(let f) = candidate { return f.definition.name }
        }
        return "?"
    }

    /// `instance.name = value` through the property's setter.
    package func set(_ receiver: Value, _ value: Value, interpreter: Interpreter) throws(ScriptError) {
        guard !setter.isNone else {
            throw .attributeError("property '\(propertyName(interpreter))' of '\(receiver.typeName)' object has no setter")
        }
        _ = try interpreter.call(setter, Arguments([receiver, value]))
    }

    /// `del instance.name` through the property's deleter.
    func delete(_ receiver: Value, interpreter: Interpreter) throws(ScriptError) {
        guard !deleter.isNone else {
            throw .attributeError("property '\(propertyName(interpreter))' of '\(receiver.typeName)' object has no deleter")
        }
        _ = try interpreter.call(deleter, Arguments([receiver]))
    }

    /// `property` objects: the accessors and the methods that copy the property with one replaced.
    private static let propertyDeclaration = NativeType<DescriptorObject>(properties: [
        NativeProperty("fget") { d, _ throws(ScriptError) in d.function },
        NativeProperty("fset") { d, _ throws(ScriptError) in d.setter },
        NativeProperty("fdel") { d, _ throws(ScriptError) in d.deleter },
    ], methods: [
        NativeMethod("getter", "(fget, /)", .singleArgument, doc: "Descriptor to obtain a copy of the property with a different getter.") {
            d, a, _ throws(ScriptError) in
            .object(DescriptorObject(.property, a.required(0), setter: d.setter, deleter: d.deleter))
        },
        NativeMethod("setter", "(fset, /)", .singleArgument, doc: "Descriptor to obtain a copy of the property with a different setter.") {
            d, a, _ throws(ScriptError) in
            .object(DescriptorObject(.property, d.function, setter: a.required(0), deleter: d.deleter))
        },
        NativeMethod("deleter", "(fdel, /)", .singleArgument, doc: "Descriptor to obtain a copy of the property with a different deleter.") {
            d, a, _ throws(ScriptError) in
            .object(DescriptorObject(.property, d.function, setter: d.setter, deleter: a.required(0)))
        },
    ])

    /// `staticmethod` and `classmethod` objects: the function they wrap.
    private static let wrapperDeclaration = NativeType<DescriptorObject>(properties: [
        NativeProperty("__func__") { d, _ throws(ScriptError) in d.function },
        NativeProperty("__wrapped__") { d, _ throws(ScriptError) in d.function },
    ], methods: [])

    private var declaration: NativeType<DescriptorObject> {
        switch kind {
        case .property: DescriptorObject.propertyDeclaration
        case .staticMethod, .classMethod: DescriptorObject.wrapperDeclaration
        }
    }

    package var attributeNames: [String] { declaration.attributeNames }

    package func attribute(_ name: String, interpreter: Interpreter) throws(ScriptError) -> Value? {
        try declaration.attribute(name, of: self, typeName: typeName, interpreter: interpreter)
    }

    package func callMethod(_ name: String, _ arguments: Arguments, interpreter: Interpreter) throws(ScriptError) -> Value? {
        try declaration.call(name, on: self, typeName: typeName, arguments, interpreter: interpreter)
    }

    package var typeName: String { kind.rawValue }

    package func repr(interpreter: Interpreter) throws(ScriptError) -> String {
        "<\(kind.rawValue) object at \(addressText(of: self))>"
    }

    /// What `owner.name` gives for this member, `receiver` being the instance or class.
    package func resolve(receiver: Value, interpreter: Interpreter) throws(ScriptError) -> Value {
        switch kind {
        case .staticMethod:
            return function
        case .classMethod:
            let type: Value = if case .type = receiver { receiver } else { .type(interpreter.typeObject(of: receiver)) }
            return .boundMethod(BoundMethod(receiver: type, function: function))
        case .property:
            if case .type = receiver { return .object(self) }
            guard !function.isNone else {
                throw .attributeError("property '\(propertyName(interpreter))' of '\(receiver.typeName)' object has no getter")
            }
            return try interpreter.call(function, Arguments([receiver]))
        }
    }

    package static func builtins() -> [String: Value] {
        var table: [String: Value] = [:]
        table["property"] = .builtin(BuiltinFunction("property", signature: "property(fget=None, fset=None, fdel=None, doc=None)",
            doc: "Property attribute: a getter, and optionally a setter and deleter.") { _, a throws(ScriptError) in
            try a.expect("property", 0...4, keywords: ["fget", "fset", "fdel", "doc"])
            func argument(_ i: Int, _ name: String) -> Value {
                a.keyword(name) ?? (i < a.positional.count ? a.positional[i] : .none)
            }
            return .object(DescriptorObject(.property, argument(0, "fget"), setter: argument(1, "fset"), deleter: argument(2, "fdel")))
        })
        for kind in [Kind.staticMethod, .classMethod] {
            table[kind.rawValue] = .builtin(BuiltinFunction(kind.rawValue, signature: "\(kind.rawValue)(function)",
                doc: "Decorates a method in a class body.") { _, a throws(ScriptError) in
                try a.expect(kind.rawValue, 1...1)
                return .object(DescriptorObject(kind, a.positional[0]))
            })
        }
        return table
    }
}
