/// What is special about a type beyond its namespace.
package enum TypeKind {
    /// A class written in Recur script.
    case user
    /// `int`, `str`, `list`, ...: calling the type runs `constructor`.
    case builtin
    /// One of Python's built-in exception classes.
    case exception(ExceptionKind)
    /// A library class that user classes may derive from (`torch.nn.Module`).
    case library(any LibraryBase)
}

/// A class: built in or defined by a `class` statement.
package final class TypeObject {
    package let name: String
    package let bases: [TypeObject]
    package var namespace: [String: Value] {
        didSet { version &+= 1 }
    }
    /// Bumped by every change to the namespace; `traits` are rebuilt when the versions along
    /// the MRO have changed.
    private var version = 0
    private var traitsStamp = -1
    private var cachedTraits = AttributeTraits()
    package let kind: TypeKind
    /// For built-in types: what calling the type does.
    package let constructor: BuiltinFunction?
    /// The method resolution order after this type (holding the type itself in its own order
    /// would keep every class alive through a cycle).
    private(set) var ancestors: [TypeObject] = []
    /// Method resolution order, this type first.
    package var mro: [TypeObject] { [self] + ancestors }
    /// Where the type was defined (`torch.nn`, `builtins`, ...), for reprs.
    package let module: String
    /// The class's own class when it is not `type` (`class A(metaclass=M)`, or a base's).
    package var metaclass: TypeObject?
    /// The names of the class body in the order it bound them (`C.__dict__` lists them so).
    var definitionOrder: [String] = []
    /// `__qualname__` when the class statement stood inside another (`Outer.Inner`).
    package var qualifiedName: String?

    package init(name: String, bases: [TypeObject], namespace: [String: Value] = [:], kind: TypeKind,
         constructor: BuiltinFunction? = nil, module: String = "builtins", linearized: [TypeObject]? = nil) {
        self.name = name
        self.bases = bases
        self.namespace = namespace
        self.kind = kind
        self.constructor = constructor
        self.module = module
        if let linearized = linearized ?? TypeObject.linearization(of: bases) {
            ancestors = linearized
        } else {
            var order: [TypeObject] = []
            for base in bases {
                for type in base.mro where !order.contains(where: { $0 === type }) {
                    order.append(type)
                }
            }
            ancestors = order
        }
    }

    /// The C3 merge of the bases' orders (Python's method resolution order), or nil when the
    /// bases admit no consistent order.
    static func linearization(of bases: [TypeObject]) -> [TypeObject]? {
        let sequences = bases.map(\.mro) + [bases]
        // Each sequence is consumed from `starts[i]`; `inTails` counts, per class, the
        // sequences holding it past their head, so a candidate is checked in constant time
        // (a deep chain of subclasses stays linear per class instead of quadratic).
        var starts = [Int](repeating: 0, count: sequences.count)
        var inTails: [ObjectIdentifier: Int] = [:]
        for sequence in sequences {
            for type in sequence.dropFirst() { inTails[ObjectIdentifier(type), default: 0] += 1 }
        }
        var result: [TypeObject] = []
        while true {
            var next: TypeObject?
            var remaining = false
            for (i, sequence) in sequences.enumerated() where starts[i] < sequence.count {
                remaining = true
                let head = sequence[starts[i]]
                if inTails[ObjectIdentifier(head), default: 0] == 0 {
                    next = head
                    break
                }
            }
            guard remaining else { return result }
            guard let next else { return nil }
            result.append(next)
            for (i, sequence) in sequences.enumerated() where starts[i] < sequence.count && sequence[starts[i]] === next {
                starts[i] += 1
                if starts[i] < sequence.count { inTails[ObjectIdentifier(sequence[starts[i]]), default: 0] -= 1 }
            }
        }
    }

    /// What attribute access on instances must honour, cached per class: most classes have
    /// no property and no `__setattr__`, so reading and writing an attribute is one lookup.
    /// Changes whenever this class's namespace or an ancestor's changes.
    @inline(__always)
    var namespaceStamp: Int {
        var stamp = version
        for type in ancestors { stamp = stamp &* 31 &+ type.version }
        return stamp
    }

    package var traits: AttributeTraits {
        refreshTraits()
        return cachedTraits
    }

    /// Whether `name` is a property along the MRO (read without copying the traits: most
    /// classes have none, and then no name is hashed).
    @inline(__always)
    func hasProperty(_ name: String) -> Bool {
        refreshTraits()
        return !cachedTraits.properties.isEmpty && cachedTraits.properties.contains(name)
    }

    /// Whether `name` is bound along the MRO to an instance of a class with `__get__`,
    /// `__set__` or `__delete__` (a user-defined descriptor).
    @inline(__always)
    func hasDescriptor(_ name: String) -> Bool {
        refreshTraits()
        return !cachedTraits.descriptors.isEmpty && cachedTraits.descriptors.contains(name)
    }

    /// Whether `name` is a property or a user-defined descriptor along the MRO: one refresh
    /// of the traits for an attribute read, which most classes answer without hashing.
    @inline(__always)
    func hasPropertyOrDescriptor(_ name: String) -> Bool {
        refreshTraits()
        return (!cachedTraits.properties.isEmpty && cachedTraits.properties.contains(name))
            || (!cachedTraits.descriptors.isEmpty && cachedTraits.descriptors.contains(name))
    }

    /// A `__setattr__` a user class defines along the MRO.
    var userSetattr: Value? {
        refreshTraits()
        return cachedTraits.setattr
    }

    /// What instantiating the class needs to know beyond `__init__`: a user `__new__`, and the
    /// built-in type (`int`, `list`, ...) whose value its instances carry.
    @inline(__always)
    package var creation: (new: Value?, builtinBase: TypeObject?) {
        refreshTraits()
        return (cachedTraits.new, cachedTraits.builtinBase)
    }

    private func refreshTraits() {
        var stamp = version
        for type in ancestors { stamp = stamp &* 31 &+ type.version }
        if stamp != traitsStamp {
            var traits = AttributeTraits()
            for type in mro.reversed() {
                for (name, member) in type.namespace {
                    if case .object(let object) = member, let descriptor = object as? DescriptorObject, descriptor.isProperty {
                        traits.properties.insert(name)
                    } else {
                        traits.properties.remove(name)
                    }
                    if case .instance(let object) = member, object.type.lookup("__get__") != nil
                        || object.type.lookup("__set__") != nil || object.type.lookup("__delete__") != nil {
                        traits.descriptors.insert(name)
                    } else {
                        traits.descriptors.remove(name)
                    }
                }
                if let setattr = type.namespace["__setattr__"] {
                    if case .builtin = setattr, type.kind.isBuiltin { traits.setattr = nil } else { traits.setattr = setattr }
                }
                if let new = type.namespace["__new__"] {
                    traits.new = type.kind.isBuiltin ? nil : new
                }
                if type.carriesValue { traits.builtinBase = type }
            }
            cachedTraits = traits
            traitsStamp = stamp
        }
    }

    /// Looks `name` up along the MRO.
    package func lookup(_ name: String) -> Value? {
        if let value = namespace[name] { return value }
        for type in ancestors {
            if let value = type.namespace[name] { return value }
        }
        return nil
    }

    /// Whether instances of this built-in type are values a subclass's instances carry
    /// (`class Celsius(float)`): int, float, str, tuple, list and dict.
    var carriesValue: Bool {
        guard kind.isBuiltin, module == "builtins" else { return false }
        return TypeObject.valueCarryingNames.contains(name)
    }
    static let valueCarryingNames: Set<String> = ["int", "float", "str", "tuple", "list", "dict"]

    package func isSubtype(of other: TypeObject) -> Bool {
        self === other || ancestors.contains { $0 === other }
    }

    /// The nearest exception kind this type derives from (for user exception classes).
    package var exceptionKind: ExceptionKind? {
        if case .exception(let kind) = self.kind { return kind }
        for type in ancestors {
            if case .exception(let kind) = type.kind { return kind }
        }
        return nil
    }

    /// The library base this type derives from, if any.
    package var libraryBase: (any LibraryBase)? {
        if case .library(let base) = kind { return base }
        for type in ancestors {
            if case .library(let base) = type.kind { return base }
        }
        return nil
    }
}

/// A library class usable as a base of user classes: it decides how instances store
/// attributes and how they behave when called or printed.
package protocol LibraryBase: AnyObject {
    /// Prepares library state when an instance is created (before `__init__`).
    func initialize(_ instance: InstanceObject, interpreter: Interpreter) throws(ScriptError)
    /// Intercepts `instance.name = value`; returns false to store it as a plain attribute.
    func setAttribute(_ instance: InstanceObject, _ name: String, _ value: Value,
                      interpreter: Interpreter) throws(ScriptError) -> Bool
    /// Finds attributes the instance does not hold directly (methods of the base).
    func attribute(_ instance: InstanceObject, _ name: String, interpreter: Interpreter) throws(ScriptError) -> Value?
    /// Calls the instance (`net(x)`), or nil when the base is not callable.
    func call(_ instance: InstanceObject, _ arguments: Arguments, interpreter: Interpreter) throws(ScriptError) -> Value?
    /// The instance's repr when the user class defines none.
    func repr(_ instance: InstanceObject, interpreter: Interpreter) throws(ScriptError) -> String?
    /// Attribute names for completion.
    func attributeNames(_ instance: InstanceObject) -> [String]
}

/// The parts of a class's namespace that change how its instances' attributes behave.
package struct AttributeTraits {
    /// Names bound to properties along the MRO (they take precedence over instance attributes).
    package var properties: Set<String> = []
    /// Names bound to user-defined descriptors along the MRO.
    var descriptors: Set<String> = []
    /// A `__setattr__` a user class defines (not `object`'s).
    package var setattr: Value?
    /// A `__new__` a user class defines (not a built-in type's).
    package var new: Value?
    /// The nearest built-in type along the MRO whose instances are values (`int`, `list`, ...).
    var builtinBase: TypeObject?
}

extension TypeKind {
    var isBuiltin: Bool {
        switch self {
        case .builtin: true
        case .user, .exception, .library: false
        }
    }
}
