/// A Recur script value. Scalars and tuples are values; mutable containers and objects
/// are references, as in Python.
package enum Value {
    case none
    case bool(Bool)
    case int(Int)
    case float(Double)
    case str(String)
    case list(ListObject)
    case tuple([Value])
    case dict(DictObject)
    case set(SetObject)
    case function(FunctionObject)
    case builtin(BuiltinFunction)
    case boundMethod(BoundMethod)
    case type(TypeObject)
    case instance(InstanceObject)
    case module(ModuleObject)
    case object(any ScriptObject)
}

/// A mutable list.
package final class ListObject {
    package var items: [Value]
    package var trackingIndex = -1
    package init(_ items: [Value]) {
        self.items = items
        CycleCollector.current.track(self)
    }
    deinit {
        CycleCollector.current.untrack(self)
        DeferredRelease.release(&items)
    }
}

/// A mutable set (unordered in Python; kept in insertion order here, which Python allows).
package final class SetObject {
    package var storage: DictObject
    /// A `frozenset`: hashable, and without the methods that change it.
    package let isFrozen: Bool
    package init(_ storage: DictObject = DictObject(), frozen: Bool = false) {
        self.storage = storage
        self.isFrozen = frozen
    }

    /// A set holding the same items, frozen as this one is.
    package func copy() -> SetObject { SetObject(storage.copy(), frozen: isFrozen) }
}

/// A user function or lambda: its definition, defaults evaluated at `def` time, and the
/// cells of the variables it captures from the functions around it.
package final class FunctionObject {
    package let definition: FunctionDefinition
    package var defaults: [Value?]
    var captured: [Cell]
    package var trackingIndex = -1
    package let unit: SourceUnit
    package var qualifiedName: String
    /// Attributes set on the function (`f.calls = 0`, a memoizing decorator's cache).
    package var attributes: [String: Value] = [:]
    /// The globals of the module run from a file that defined it; nil for the workspace's.
    package var globals: Scope?
    /// The class whose body defined this function (what zero-argument `super()` needs).
    package weak var owner: TypeObject?

    package init(definition: FunctionDefinition, defaults: [Value?], captured: [Cell], unit: SourceUnit) {
        self.definition = definition
        self.defaults = defaults
        self.captured = captured
        self.unit = unit
        self.qualifiedName = definition.name
        CycleCollector.current.track(self)
    }

    deinit {
        CycleCollector.current.untrack(self)
        var held = defaults.compactMap { $0 }
        defaults = []
        DeferredRelease.release(&held)
    }
}

/// A function written in Swift: builtins, methods of builtin types, library functions.
package final class BuiltinFunction {
    package typealias Body = (Interpreter, Arguments) throws(ScriptError) -> Value
    package typealias MethodBody = (Interpreter, Value, Arguments) throws(ScriptError) -> Value
    package let name: String
    package let signature: String
    package let doc: String
    package let body: Body
    /// For a method of a builtin type: the body taking its receiver separately, so
    /// `receiver.name(...)` needs no argument array with the receiver in front.
    let methodBody: MethodBody?
    /// Whether the body reads the scope of the code that called it (`eval`, `exec`): a call
    /// written in code leaves that scope in `Interpreter.callerScope`.
    let readsCallerScope: Bool

    package init(_ name: String, signature: String = "", doc: String = "", methodBody: MethodBody? = nil,
         readsCallerScope: Bool = false, _ body: @escaping Body) {
        self.name = name
        self.signature = signature.isEmpty ? "\(name)(...)" : signature
        self.doc = doc
        self.methodBody = methodBody
        self.readsCallerScope = readsCallerScope
        self.body = body
    }
}

/// A callable bound to its receiver (`net.forward`, `[].append`).
package final class BoundMethod {
    private(set) var receiver: Value
    package let function: Value
    init(receiver: Value, function: Value) {
        self.receiver = receiver
        self.function = function
    }
    deinit {
        var held: Value? = receiver
        receiver = .none
        DeferredRelease.release(&held)
    }
}

/// An instance of a user class (including user exceptions and `nn.Module` subclasses).
package final class InstanceObject {
    package let type: TypeObject
    package var attributes = AttributeTable()
    /// Library state behind a library base class (e.g. an `nn.Module`'s registry).
    package var native: AnyObject?
    /// For a subclass of int, float, str, tuple, list or dict: the built-in value the
    /// instance is (what the base type's methods and operators work on).
    package var payload: Value?
    package var trackingIndex = -1
    package init(type: TypeObject) {
        self.type = type
        CycleCollector.current.track(self)
    }
    deinit {
        CycleCollector.current.untrack(self)
        if payload != nil { DeferredRelease.release(&payload) }
        guard !attributes.isEmpty else { return }
        var held = attributes.takeValues()
        DeferredRelease.release(&held)
    }
}

/// A module: `torch`, `math`, `sys`, ... (a library's names in `namespace`), or one run from
/// a file, whose members are the globals its code left in `source`'s scope.
package final class ModuleObject {
    package let name: String
    package var namespace: [String: Value]
    /// For a module run from a file: its globals, its file and (for a package) its directory.
    package var source: SourceModule?
    /// Appended to the AttributeError for a missing name (a library module naming its subset).
    package var missingAttributeNote = ""
    package init(name: String, namespace: [String: Value] = [:]) {
        self.name = name
        self.namespace = namespace
    }
}

/// Positional and keyword arguments of one call.
package struct Arguments {
    package var positional: [Value]
    package var keywords: [(name: String, value: Value)]

    package init(_ positional: [Value] = [], keywords: [(name: String, value: Value)] = []) {
        self.positional = positional
        self.keywords = keywords
    }

    /// The keyword argument `name`, if given.
    package func keyword(_ name: String) -> Value? {
        for entry in keywords where entry.name == name { return entry.value }
        return nil
    }
}

extension Value {
    /// Python's type name, as error messages spell it.
    package var typeName: String {
        switch self {
        case .none: "NoneType"
        case .bool: "bool"
        case .int: "int"
        case .float: "float"
        case .str: "str"
        case .list: "list"
        case .tuple: "tuple"
        case .dict: "dict"
        case .set(let set): set.isFrozen ? "frozenset" : "set"
        case .function: "function"
        case .builtin: "builtin_function_or_method"
        case .boundMethod: "method"
        case .type: "type"
        case .instance(let instance): instance.type.name
        case .module: "module"
        case .object(let object): object.typeName
        }
    }

    package var isNone: Bool {
        if case .none = self { return true }
        return false
    }
}
