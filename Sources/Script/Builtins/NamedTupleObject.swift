import Rendering
/// What one `collections.namedtuple(...)` call defines: the class, its fields and defaults.
package final class NamedTupleLayout {
    package let name: String
    package let fields: [String]
    /// Defaults for the last fields (CPython's `defaults=`).
    package let defaults: [Value]
    /// What the repr calls the class (`time.struct_time`); the class name by default.
    let reprName: String
    package weak var type: TypeObject?

    init(name: String, fields: [String], defaults: [Value], reprName: String? = nil) {
        self.name = name
        self.fields = fields
        self.defaults = defaults
        self.reprName = reprName ?? name
    }

    /// `collections.namedtuple(typename, field_names, *, rename=False, defaults=None, module=None)`.
    package static func define(_ interpreter: Interpreter, _ a: Arguments) throws(ScriptError) -> Value {
        try a.expect("namedtuple", 2...2, keywords: ["rename", "defaults", "module"])
        let name = try a.positional[0].asString("namedtuple() argument 'typename'")
        var fields: [String] = []
        if case .str(let text) = a.positional[1] {
            fields = text.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
        } else {
            for item in try interpreter.iterate(a.positional[1]) { fields.append(try interpreter.str(item)) }
        }
        let rename = try a.keyword("rename").map { (v) throws(ScriptError) in try interpreter.truth(v) } ?? false
        var seen = Set<String>()
        for (i, field) in fields.enumerated() where rename {
            if !isIdentifier(field) || Lexer.keywords[field] != nil || field.hasPrefix("_") || seen.contains(field) { fields[i] = "_\(i)" }
            seen.insert(field)
        }
        seen = []
        for candidate in [name] + fields {
            guard isIdentifier(candidate) else {
                throw .valueError("Type names and field names must be valid identifiers: \(PythonString.repr(candidate))")
            }
            guard Lexer.keywords[candidate] == nil else {
                throw .valueError("Type names and field names cannot be a keyword: \(PythonString.repr(candidate))")
            }
        }
        for field in fields {
            if field.hasPrefix("_") && !rename { throw .valueError("Field names cannot start with an underscore: \(PythonString.repr(field))") }
            if seen.contains(field) { throw .valueError("Encountered duplicate field name: \(PythonString.repr(field))") }
            seen.insert(field)
        }
        var defaults: [Value] = []
        if let given = a.keyword("defaults"), !given.isNone { defaults = try interpreter.iterate(given) }
        if defaults.count > fields.count { throw .typeError("Got more default values than field names") }
        let layout = NamedTupleLayout(name: name, fields: fields, defaults: defaults)
        let constructor = BuiltinFunction(name, signature: "\(name)(\(fields.joined(separator: ", ")))",
                                          doc: "\(name)(\(fields.joined(separator: ", ")))") { interpreter, a throws(ScriptError) in
            .object(NamedTupleObject(layout, try layout.values(a, interpreter)))
        }
        var namespace: [String: Value] = [
            "_fields": .tuple(fields.map { .str($0) }),
            "_make": .builtin(BuiltinFunction("_make", signature: "\(name)._make\(makeSignature.text)",
                                              doc: "Make a new \(name) object from a sequence or iterable") { interpreter, a throws(ScriptError) in
                let values = try interpreter.iterate(try makeSignature.bind(a, name: "\(name)._make").required(0))
                guard values.count == fields.count else { throw .typeError("Expected \(fields.count) arguments, got \(values.count)") }
                return .object(NamedTupleObject(layout, values))
            }),
        ]
        let defaulted = DictObject()
        for (field, value) in zip(fields.suffix(defaults.count), defaults) { try defaulted.set(.str(field), value) }
        namespace["_field_defaults"] = .dict(defaulted)
        let type = TypeObject(name: name, bases: [interpreter.types.object], namespace: namespace, kind: .builtin,
                              constructor: constructor, module: interpreter.currentModuleName)
        layout.type = type
        interpreter.types.registerNative(type, forTypeName: name)
        return .type(type)
    }

    /// `_make`, a classmethod written in Python: its class counts in the errors as `self` does.
    private static let makeSignature = NativeSignature("(self, iterable)")

    private static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first == "_" || first.properties.isXIDStart else { return false }
        return text.unicodeScalars.allSatisfy(Lexer.isIdentifierContinue)
    }

    /// The field values of a call, with CPython's `__new__` errors.
    package func values(_ a: Arguments, _ interpreter: Interpreter) throws(ScriptError) -> [Value] {
        let function = "\(name).__new__()"
        guard a.positional.count <= fields.count else {
            throw .typeError("\(function) takes \(fields.count + 1) positional arguments but \(a.positional.count + 1) were given")
        }
        var values: [Value?] = a.positional + Array(repeating: nil, count: fields.count - a.positional.count)
        for (key, value) in a.keywords {
            guard let index = fields.firstIndex(of: key) else { throw .typeError("\(function) got an unexpected keyword argument '\(key)'") }
            if values[index] != nil { throw .typeError("\(function) got multiple values for argument '\(key)'") }
            values[index] = value
        }
        let firstDefault = fields.count - defaults.count
        for i in firstDefault..<fields.count where values[i] == nil { values[i] = defaults[i - firstDefault] }
        let missing = fields.indices.filter { values[$0] == nil }.map { "'\(fields[$0])'" }
        if !missing.isEmpty {
            let list = missing.count == 1 ? missing[0]
                : missing.dropLast().joined(separator: ", ") + (missing.count > 2 ? "," : "") + " and " + (missing.last ?? "")
            throw .typeError("\(function) missing \(missing.count) required positional argument\(missing.count == 1 ? "" : "s"): \(list)")
        }
        return values.map { $0 ?? .none }
    }
}

/// An instance of a `collections.namedtuple` class: a tuple whose items also have names.
package final class NamedTupleObject: DeclaredObject {
    package let layout: NamedTupleLayout
    package let values: [Value]

    init(_ layout: NamedTupleLayout, _ values: [Value]) {
        self.layout = layout
        self.values = values
    }

    package var typeName: String { layout.name }
    package var attributeNames: [String] { layout.fields + ["_fields", "_make"] + NamedTupleObject.declaration.attributeNames }

    package func repr(interpreter: Interpreter) throws(ScriptError) -> String {
        let parts = try zip(layout.fields, values).map { (pair) throws(ScriptError) in "\(pair.0)=\(try interpreter.repr(pair.1))" }
        return "\(layout.reprName)(\(parts.joined(separator: ", ")))"
    }

    package func length(interpreter: Interpreter) throws(ScriptError) -> Int? { values.count }
    package func truth(interpreter: Interpreter) throws(ScriptError) -> Bool? { !values.isEmpty }
    package func makeIterator(interpreter: Interpreter) throws(ScriptError) -> (any ValueIterator)? { ArrayIterator(values) }

    package func item(_ key: Value, interpreter: Interpreter) throws(ScriptError) -> Value? {
        try interpreter.item(.tuple(values), key)
    }

    package func compare(_ op: CompareOp, _ other: Value, interpreter: Interpreter) throws(ScriptError) -> Value? {
        let rhs: [Value]
        switch other {
        case .tuple(let items): rhs = items
        case .object(let named as NamedTupleObject): rhs = named.values
        default:
            return op.resultAgainstOtherType
        }
        return op.result(forOrder: try interpreter.sequenceOrdering(values, rhs, op))
    }

    package func binary(_ op: BinaryOp, _ other: Value, reflected: Bool, interpreter: Interpreter) throws(ScriptError) -> Value? {
        switch op {
        case .add, .multiply:
            return try interpreter.binary(op, reflected ? other : .tuple(values), reflected ? .tuple(values) : other)
        case .subtract, .divide, .floorDivide, .modulo, .power, .matmul, .bitAnd, .bitOr, .bitXor, .shiftLeft, .shiftRight:
            return nil
        }
    }

    /// A field, a class member such as `_fields`, or a declared method.
    package func attribute(_ name: String, interpreter: Interpreter) throws(ScriptError) -> Value? {
        if let index = layout.fields.firstIndex(of: name) { return values[index] }
        if let member = layout.type?.namespace[name], name.hasPrefix("_") { return member }
        return try NamedTupleObject.declaration.attribute(name, of: self, typeName: typeName, interpreter: interpreter)
    }

    package func setAttribute(_ name: String, _ value: Value, interpreter: Interpreter) throws(ScriptError) -> Bool {
        if layout.fields.contains(name) { throw ScriptError(.attributeError, "can't set attribute") }
        throw ScriptError(.attributeError, "'\(layout.name)' object has no attribute '\(name)'")
    }

    package static let declaration = NativeType<NamedTupleObject>(methods: [
        NativeMethod("_asdict", "(self)", doc: "Return a new dict which maps field names to their values.") { t, _, _ throws(ScriptError) in
            let dict = DictObject()
            for (field, value) in zip(t.layout.fields, t.values) { try dict.set(.str(field), value) }
            return .dict(dict)
        },
        NativeMethod("_replace", "(self, /, **kwds)", doc: "Return a new object replacing specified fields with new values") {
            t, a, _ throws(ScriptError) in
            var replaced = t.values
            var unknown: [String] = []
            for (key, value) in a.extraKeywords {
                if let index = t.layout.fields.firstIndex(of: key) { replaced[index] = value } else { unknown.append(PythonString.repr(key)) }
            }
            if !unknown.isEmpty { throw .valueError("Got unexpected field names: [\(unknown.joined(separator: ", "))]") }
            return .object(NamedTupleObject(t.layout, replaced))
        },
        NativeMethod("count", "(value, /)", .singleArgument, owner: "tuple", doc: "Return number of occurrences of value.") {
            t, a, interpreter throws(ScriptError) in
            try interpreter.callMethod(.tuple(t.values), "count", Arguments([a.required(0)]))
        },
        NativeMethod("index", "(value, start=0, stop=sys.maxsize, /)", .clinic, owner: "tuple", doc: "Return first index of value.") {
            t, a, interpreter throws(ScriptError) in
            try interpreter.callMethod(.tuple(t.values), "index", Arguments(a.values.compactMap { $0 }))
        },
    ])
}
