import Rendering
/// `json.dumps`: CPython's `json.encoder` output, character for character (separators,
/// indentation, `ensure_ascii` escapes, float reprs, `NaN`/`Infinity`, key conversion).
package struct JSONWriter {
    package let interpreter: Interpreter
    /// nil: everything on one line.
    package let indent: String?
    let itemSeparator: String
    let keySeparator: String
    let sortKeys: Bool
    let ensureASCII: Bool
    let allowNaN: Bool
    /// Containers being written, to refuse cycles as CPython does.
    private var active: [ObjectIdentifier] = []

    /// Reads `dumps`' keywords.
    init(_ interpreter: Interpreter, _ a: Arguments) throws(ScriptError) {
        self.interpreter = interpreter
        switch a.keyword("indent") {
        case nil, .none?: indent = nil
        case .str(let s)?: indent = s
        case let value?:
            let width = try interpreter.indexValue(value)
            guard width <= 1 << 16 else { throw ScriptError(.memoryError, "json indent of \(width) spaces is larger than Recur writes") }
            indent = String(repeating: " ", count: max(0, width))
        }
        func flag(_ name: String, _ fallback: Bool) throws(ScriptError) -> Bool {
            try a.keyword(name).map { (v) throws(ScriptError) in try interpreter.truth(v) } ?? fallback
        }
        sortKeys = try flag("sort_keys", false)
        ensureASCII = try flag("ensure_ascii", true)
        allowNaN = try flag("allow_nan", true)
        switch a.keyword("separators") {
        case nil, .none?:
            itemSeparator = indent == nil ? ", " : ","
            keySeparator = ": "
        case let value?:
            let parts = try interpreter.iterate(value)
            guard parts.count == 2 else { throw .valueError("too many values to unpack (expected 2)") }
            itemSeparator = try parts[0].asString("separators[0]")
            keySeparator = try parts[1].asString("separators[1]")
        }
    }

    package mutating func encode(_ value: Value, level: Int = 0) throws(ScriptError) -> String {
        switch value {
        case .none: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int: return try interpreter.repr(value)
        case .float(let d): return try float(d)
        case .str(let s): return string(s)
        case .list(let list): return try array(list.items, identity: ObjectIdentifier(list), level: level)
        case .tuple(let items): return try array(items, identity: nil, level: level)
        case .dict(let dict): return try object(dict, level: level)
        case .object(let object as CountingDict): return try self.object(object.storage, level: level)
        case .object(let object as BigIntObject): return try interpreter.repr(.object(object))
        case .set, .function, .builtin, .boundMethod, .type, .instance, .module, .object:
            throw .typeError("Object of type \(interpreter.typeObject(of: value).name) is not JSON serializable")
        }
    }

    private func float(_ d: Double) throws(ScriptError) -> String {
        guard d.isFinite else {
            if !allowNaN { throw .valueError("Out of range float values are not JSON compliant") }
            return d.isNaN ? "NaN" : d < 0 ? "-Infinity" : "Infinity"
        }
        return PythonFloat.repr(d)
    }

    private func string(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 || (ensureASCII && scalar.value > 0x7E) {
                    if scalar.value > 0xFFFF {
                        let v = scalar.value - 0x10000
                        out += JSONWriter.escape(0xD800 | (v >> 10)) + JSONWriter.escape(0xDC00 | (v & 0x3FF))
                    } else {
                        out += JSONWriter.escape(scalar.value)
                    }
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    private static func escape(_ unit: UInt32) -> String {
        let digits = String(unit, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// The text between items and around a container's contents at `level`.
    private func layout(_ level: Int) -> (open: String, separator: String, close: String) {
        guard let indent else { return ("", itemSeparator, "") }
        let inner = "\n" + String(repeating: indent, count: level + 1)
        return (inner, itemSeparator + inner, "\n" + String(repeating: indent, count: level))
    }

    private mutating func enter(_ identity: ObjectIdentifier?, level: Int) throws(ScriptError) {
        if level >= Interpreter.recursionLimit {
            throw ScriptError(.recursionError, "maximum recursion depth exceeded while encoding a JSON object")
        }
        guard let identity else { return }
        if active.contains(identity) { throw .valueError("Circular reference detected") }
        active.append(identity)
    }

    private mutating func array(_ items: [Value], identity: ObjectIdentifier?, level: Int) throws(ScriptError) -> String {
        if items.isEmpty { return "[]" }
        try enter(identity, level: level)
        let (open, separator, close) = layout(level)
        var parts: [String] = []
        for item in items { parts.append(try encode(item, level: level + 1)) }
        if identity != nil { active.removeLast() }
        return "[" + open + parts.joined(separator: separator) + close + "]"
    }

    private mutating func object(_ dict: DictObject, level: Int) throws(ScriptError) -> String {
        if dict.count == 0 { return "{}" }
        try enter(ObjectIdentifier(dict), level: level)
        var pairs = dict.items
        if sortKeys {
            let keys = try interpreter.sorted(dict.keys, key: nil, reverse: nil)
            pairs = []
            for key in keys { pairs.append((key, try dict.get(key) ?? .none)) }
        }
        let (open, separator, close) = layout(level)
        var parts: [String] = []
        for (key, value) in pairs {
            parts.append(string(try keyText(key)) + keySeparator + (try encode(value, level: level + 1)))
        }
        active.removeLast()
        return "{" + open + parts.joined(separator: separator) + close + "}"
    }

    /// Keys become strings as CPython converts them.
    private func keyText(_ key: Value) throws(ScriptError) -> String {
        switch key {
        case .str(let s): return s
        case .bool(let b): return b ? "true" : "false"
        case .none: return "null"
        case .int: return try interpreter.repr(key)
        case .float(let d): return try float(d)
        case .object(let object as BigIntObject): return try interpreter.repr(.object(object))
        case .list, .tuple, .dict, .set, .function, .builtin, .boundMethod, .type, .instance, .module, .object:
            throw .typeError("keys must be str, int, float, bool or None, not \(interpreter.typeObject(of: key).name)")
        }
    }
}
