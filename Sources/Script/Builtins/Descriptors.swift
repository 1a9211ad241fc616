/// `@staticmethod`, `@classmethod` and `@property`: class members that bind differently.
final class DescriptorObject: ScriptObject {
    enum Kind: String {
        case staticMethod = "staticmethod"
        case classMethod = "classmethod"
        case property
    }

    let kind: Kind
    let function: Value

    init(_ kind: Kind, _ function: Value) {
        self.kind = kind
        self.function = function
    }

    var typeName: String { kind.rawValue }

    func repr(interpreter: Interpreter) throws(ScriptError) -> String {
        "<\(kind.rawValue) object at \(addressText(of: self))>"
    }

    /// What `owner.name` gives for this member, `receiver` being the instance or class.
    func resolve(receiver: Value, interpreter: Interpreter) throws(ScriptError) -> Value {
        switch kind {
        case .staticMethod:
            return function
        case .classMethod:
            let type: Value = if case .type = receiver { receiver } else { .type(interpreter.typeObject(of: receiver)) }
            return .boundMethod(BoundMethod(receiver: type, function: function))
        case .property:
            if case .type = receiver { return .object(self) }
            return try interpreter.call(function, Arguments([receiver]))
        }
    }

    static func builtins() -> [String: Value] {
        var table: [String: Value] = [:]
        for kind in [Kind.staticMethod, .classMethod, .property] {
            table[kind.rawValue] = .builtin(BuiltinFunction(kind.rawValue, signature: "\(kind.rawValue)(function)",
                doc: "Decorates a method in a class body.") { _, a throws(ScriptError) in
                try a.expect(kind.rawValue, 1...1)
                return .object(DescriptorObject(kind, a.positional[0]))
            })
        }
        return table
    }
}
