import Tensors
import Rendering

/// What calling a built-in type does: `int("3")`, `list(range(3))`, ...
package enum Constructors {
    package static func int(_ interpreter: Interpreter, _ arguments: Arguments) throws(ScriptError) -> Value {
        try arguments.expect("int", 0...2, keywords: ["base"])
        guard let value = arguments.positional.first else { return .int(0) }
        if let baseValue = arguments.value(1, "base") {
            guard case .str(let text) = value else {
                throw .typeError("int() can't convert non-string with explicit base")
            }
            let base = try interpreter.indexValue(baseValue)
            guard base == 0 || (2...36).contains(base) else { throw .valueError("int() base must be >= 2 and <= 36, or 0") }
            var digits = Substring(asciiNumeral(text).trimmingSpaces.replacing("_", with: ""))
            var sign = ""
            if let first = digits.first, first == "-" || first == "+" {
                sign = String(first)
                digits = digits.dropFirst()
            }
            var radix = base
            for (prefix, prefixRadix) in [("0x", 16), ("0o", 8), ("0b", 2)]
            where digits.lowercased().hasPrefix(prefix) && (base == prefixRadix || base == 0) {
                digits = digits.dropFirst(2)
                radix = prefixRadix
            }
            if radix == 0 { radix = 10 }
            guard let result = BigInteger(Substring(sign + digits), radix: radix) else {
                throw .valueError("invalid literal for int() with base \(base): \(PythonString.repr(text))")
            }
            return .integer(result)
        }
        switch value {
        case .int(let i): return .int(i)
        case .bool(let b): return .int(b ? 1 : 0)
        case .float(let d):
            return try Arithmetic.integer(truncating: d)
        case .str(let text):
            let cleaned = asciiNumeral(text).trimmingSpaces
            // CPython's limit on decimal conversion applies to parsing too: it counts the digits
            // after the sign, up to the first character that is neither a digit nor `_`.
            let scalars = cleaned.unicodeScalars
            let unsigned = scalars.first == "+" || scalars.first == "-" ? scalars.dropFirst() : scalars[...]
            let digitCount = unsigned.prefix { ("0"..."9").contains($0) || $0 == "_" }.count { $0 != "_" }
            guard digitCount <= BigIntObject.maxStringDigits else {
                throw .valueError("Exceeds the limit (\(BigIntObject.maxStringDigits) digits) for integer string conversion: "
                                  + "value has \(digitCount) digits; use sys.set_int_max_str_digits() to increase the limit")
            }
            guard !cleaned.hasPrefix("_"), !cleaned.hasSuffix("_"), !cleaned.contains("__"),
                  let i = BigInteger(Substring(cleaned.replacing("_", with: "")), radix: 10) else {
                throw .valueError("invalid literal for int() with base 10: \(PythonString.repr(text))")
            }
            return .integer(i)
        case .instance:
            for name in ["__int__", "__index__", "__trunc__"] {
                if let result = try interpreter.callSpecial(value, name) {
                    guard result.bigInteger != nil, !result.isBoolValue else {
                        throw .typeError("\(name) returned non-int (type \(result.typeName))")
                    }
                    return result
                }
            }
        case .object(let object):
            if object is BigIntObject { return value }
            if let convertible = object as? IntConvertibleObject, let result = try convertible.int(interpreter: interpreter) {
                return result
            }
            if let i = try object.index(interpreter: interpreter) { return .int(i) }
            if let d = try object.floatValue(interpreter: interpreter) { return try Arithmetic.integer(truncating: d) }
        case .none, .list, .tuple, .dict, .set, .function, .builtin, .boundMethod, .type, .module: break
        }
        throw .typeError("int() argument must be a string, a bytes-like object or a real number, not '\(value.typeName)'")
    }

    package static func float(_ interpreter: Interpreter, _ arguments: Arguments) throws(ScriptError) -> Value {
        try arguments.expect("float", 0...1)
        guard let value = arguments.positional.first else { return .float(0) }
        switch value {
        case .float: return value
        case .int(let i): return .float(Double(i))
        case .bool(let b): return .float(b ? 1 : 0)
        case .str(let text):
            let cleaned = asciiNumeral(text).trimmingSpaces.lowercased()
            switch cleaned {
            case "inf", "+inf", "infinity": return .float(.infinity)
            case "-inf", "-infinity": return .float(-.infinity)
            case "nan", "+nan", "-nan": return .float(.nan)
            default:
                // Underscores only between digits, as in Python's float literals.
                let digits = cleaned.replacing("_", with: "")
                let underscoresOK = !cleaned.contains("__") && !cleaned.hasPrefix("_") && !cleaned.hasSuffix("_")
                    && !cleaned.contains("._") && !cleaned.contains("_.") && !cleaned.contains("e_") && !cleaned.contains("_e")
                if underscoresOK, let d = Double(digits), !digits.hasPrefix("0x"), !digits.contains("x") { return .float(d) }
            }
            throw .valueError("could not convert string to float: \(PythonString.repr(text))")
        case .object(let object):
            if let d = try object.floatValue(interpreter: interpreter) { return .float(d) }
        case .instance:
            if let result = try interpreter.callSpecial(value, "__float__") {
                guard case .float = result else { throw .typeError("\(value.typeName).__float__ returned non-float (type \(result.typeName))") }
                return result
            }
            if let index = try interpreter.callSpecial(value, "__index__"), let n = index.bigInteger {
                return .float(n.doubleValue)
            }
        case .none, .list, .tuple, .dict, .set, .function, .builtin, .boundMethod, .type, .module: break
        }
        throw .typeError("float() argument must be a string or a real number, not '\(value.typeName)'")
    }

    package static func str(_ interpreter: Interpreter, _ arguments: Arguments) throws(ScriptError) -> Value {
        try arguments.expect("str", 0...3, keywords: ["object", "encoding", "errors"])
        guard let value = arguments.value(0, "object") else { return .str("") }
        let encoding = arguments.value(1, "encoding"), errors = arguments.value(2, "errors")
        if encoding != nil || errors != nil {
            // str(b, encoding, errors) decodes, as bytes.decode does.
            guard case .object(let bytes as BytesObject) = value else {
                throw .typeError("decoding to str: need a bytes-like object, \(value.typeName) found")
            }
            let codec = try TextCodec(named: try encoding?.asString("str() argument 'encoding'") ?? "utf-8")
            return .str(try codec.decode(bytes.bytes, errors: try errors?.asString("str() argument 'errors'") ?? "strict"))
        }
        return .str(try interpreter.str(value))
    }

    package static func bool(_ interpreter: Interpreter, _ arguments: Arguments) throws(ScriptError) -> Value {
        try arguments.expect("bool", 0...1)
        guard let value = arguments.positional.first else { return .bool(false) }
        return .bool(try interpreter.truth(value))
    }

    package static func list(_ interpreter: Interpreter, _ arguments: Arguments) throws(ScriptError) -> Value {
        try arguments.expect("list", 0...1)
        guard let value = arguments.positional.first else { return .list(ListObject([])) }
        return .list(ListObject(try interpreter.iterate(value)))
    }

    package static func tuple(_ interpreter: Interpreter, _ arguments: Arguments) throws(ScriptError) -> Value {
        try arguments.expect("tuple", 0...1)
        guard let value = arguments.positional.first else { return .tuple([]) }
        return .tuple(try interpreter.iterate(value))
    }

    package static func dict(_ interpreter: Interpreter, _ arguments: Arguments) throws(ScriptError) -> Value {
        try arguments.expect("dict", 0...1, keywords: arguments.keywords.map(\.name))
        let dict = DictObject()
        if let source = arguments.positional.first {
            if case .dict(let other) = source {
                for (k, v) in other.items { try dict.set(k, v) }
            } else if case .object(let mapping as CountingDict) = source {
                for (k, v) in mapping.storage.items { try dict.set(k, v) }
            } else if try interpreter.attributeIfPresent(source, "keys") != nil {
                // Any mapping: an object with `keys()` and `__getitem__`, as CPython's dict() takes.
                for (k, v) in try interpreter.mappingItems(source) { try dict.set(k, v) }
            } else {
                for (position, pair) in try interpreter.iterate(source).enumerated() {
                    let items = try interpreter.iterate(pair)
                    guard items.count == 2 else {
                        throw .valueError("dictionary update sequence element #\(position) has length \(items.count); 2 is required")
                    }
                    try dict.set(items[0], items[1])
                }
            }
        }
        for (name, value) in arguments.keywords { try dict.set(.str(name), value) }
        return .dict(dict)
    }

    package static func set(_ interpreter: Interpreter, _ arguments: Arguments, frozen: Bool = false) throws(ScriptError) -> Value {
        try arguments.expect(frozen ? "frozenset" : "set", 0...1)
        if frozen, case .set(let given)? = arguments.positional.first, given.isFrozen { return .set(given) }
        let set = SetObject(frozen: frozen)
        if let source = arguments.positional.first {
            for item in try interpreter.iterate(source) { try set.storage.set(item, .none) }
        }
        return .set(set)
    }

    package static func type(_ interpreter: Interpreter, _ arguments: Arguments) throws(ScriptError) -> Value {
        if arguments.positional.count == 1 && arguments.keywords.isEmpty {
            return .type(interpreter.typeObject(of: arguments.positional[0]))
        }
        guard arguments.positional.count == 3 else { throw .typeError("type() takes 1 or 3 arguments") }
        return try interpreter.createClass(metatype: interpreter.types.type, arguments)
    }
}

/// The text `int()` and `float()` parse: as CPython's `_PyUnicode_TransformDecimalAndSpaceToASCII`,
/// every Unicode decimal digit becomes its ASCII digit (`int('١٢٣')` is 123) and every Unicode
/// space an ASCII one; anything else is kept, to be refused by the parser.
func asciiNumeral(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { !$0.isASCII }) else { return text }
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
        if !scalar.isASCII, scalar.properties.numericType == .decimal, let value = scalar.properties.numericValue,
           let digit = Unicode.Scalar(48 + UInt32(value)) {
            out.append(digit)
        } else if !scalar.isASCII, scalar.properties.isWhitespace {
            out.append(" ")
        } else {
            out.append(scalar)
        }
    }
    return String(out)
}
