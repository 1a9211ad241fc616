import Tensors
import Rendering

extension Interpreter {
    /// Evaluates an f-string.
    package func format(_ parts: [FStringPart], in scope: Scope) throws(ScriptError) -> String {
        var out = ""
        for part in parts {
            switch part {
            case .literal(let text):
                out += text
            case .field(let expr, let conversion, let specParts):
                var value = try evaluate(expr, in: scope)
                switch conversion {
                case "r": value = .str(try repr(value))
                case "a": value = .str(try repr(value))
                case "s": value = .str(try str(value))
                default: break
                }
                let spec = specParts.isEmpty ? "" : try format(specParts, in: scope)
                out += try format(value, spec: spec)
            }
        }
        return out
    }

    /// `str.format(*args, **kwargs)`.
    func strFormat(_ template: String, _ arguments: Arguments) throws(ScriptError) -> String {
        var autoIndex = 0
        var numbering = FieldNumbering.none
        return try strFormat(template, arguments, autoIndex: &autoIndex, numbering: &numbering)
    }

    /// `str.format` with the automatic field counter shared with the fields nested in a
    /// spec (`'{:{}}'.format(x, 5)`: the outer field is 0, the nested one 1, as in CPython).
    private func strFormat(_ template: String, _ arguments: Arguments, autoIndex: inout Int,
                           numbering: inout FieldNumbering) throws(ScriptError) -> String {
        let s = Array(template)
        var out = ""
        var i = 0
        while i < s.count {
            let c = s[i]
            if c == "{" {
                if i + 1 < s.count && s[i + 1] == "{" {
                    out.append("{")
                    i += 2
                    continue
                }
                var j = i + 1
                var depth = 1
                while j < s.count {
                    if s[j] == "{" { depth += 1 }
                    if s[j] == "}" {
                        depth -= 1
                        if depth == 0 { break }
                    }
                    j += 1
                }
                guard j < s.count else { throw .valueError("Single '{' encountered in format string") }
                let field = String(s[(i + 1)..<j])
                i = j + 1
                var name = field
                var spec = ""
                var conversion: Character?
                if let colon = field.firstIndex(of: ":") {
                    name = String(field[..<colon])
                    spec = String(field[field.index(after: colon)...])
                }
                if let bang = name.firstIndex(of: "!") {
                    conversion = name[name.index(after: bang)...].first
                    name = String(name[..<bang])
                }
                // The field name: an argument (by position, automatic, or by keyword), then
                // `.attribute` and `[key]` parts (a key of digits is an int).
                let headEnd = name.firstIndex { $0 == "." || $0 == "[" } ?? name.endIndex
                let head = String(name[..<headEnd])
                var value: Value
                if head.isEmpty {
                    if numbering == .manual {
                        throw .valueError("cannot switch from manual field specification to automatic field numbering")
                    }
                    numbering = .automatic
                    guard autoIndex < arguments.positional.count else {
                        throw .indexError("Replacement index \(autoIndex) out of range for positional args tuple")
                    }
                    value = arguments.positional[autoIndex]
                    autoIndex += 1
                } else if let index = Int(head), head.allSatisfy(\.isASCII) {
                    if numbering == .automatic {
                        throw .valueError("cannot switch from automatic field numbering to manual field specification")
                    }
                    numbering = .manual
                    guard index >= 0 && index < arguments.positional.count else {
                        throw .indexError("Replacement index \(index) out of range for positional args tuple")
                    }
                    value = arguments.positional[index]
                } else {
                    guard let v = arguments.keyword(head) else { throw .keyError(.str(head), repr: PythonString.repr(head)) }
                    value = v
                }
                var rest = name[headEnd...]
                while let first = rest.first {
                    if first == "." {
                        let end = rest.dropFirst().firstIndex { $0 == "." || $0 == "[" } ?? rest.endIndex
                        let attribute = String(rest[rest.index(after: rest.startIndex)..<end])
                        if attribute.isEmpty { throw .valueError("Empty attribute in format string") }
                        value = try self.attribute(value, attribute)
                        rest = rest[end...]
                    } else if first == "[" {
                        guard let close = rest.firstIndex(of: "]") else { throw .valueError("Missing ']' in format string") }
                        let key = String(rest[rest.index(after: rest.startIndex)..<close])
                        if key.isEmpty { throw .valueError("Empty attribute in format string") }
                        value = try item(value, Int(key).map { key.allSatisfy(\.isASCII) ? .int($0) : .str(key) } ?? .str(key))
                        rest = rest[rest.index(after: close)...]
                        if let next = rest.first, next != ".", next != "[" {
                            throw .valueError("Only '.' or '[' may follow ']' in format field specifier")
                        }
                    } else {
                        break
                    }
                }
                if spec.contains("{") { spec = try strFormat(spec, arguments, autoIndex: &autoIndex, numbering: &numbering) }
                if conversion == "r" { value = .str(try repr(value)) }
                if conversion == "s" { value = .str(try str(value)) }
                out += try format(value, spec: spec)
                continue
            }
            if c == "}" {
                if i + 1 < s.count && s[i + 1] == "}" {
                    out.append("}")
                    i += 2
                    continue
                }
                throw .valueError("Single '}' encountered in format string")
            }
            out.append(c)
            i += 1
        }
        return out
    }

    /// `template % values` (printf-style formatting).
    func percentFormat(_ template: String, _ values: Value) throws(ScriptError) -> String {
        // The syntax is all ASCII, so the template is scanned as UTF-8 bytes (no bytes of a
        // multi-byte character can look like `%`); literal runs are copied as they are.
        var text = template
        var result: Result<String, ScriptError> = .success("")
        text.withUTF8 { bytes in
            do throws(ScriptError) {
                result = .success(try percentFormat(bytes, values))
            } catch {
                result = .failure(error)
            }
        }
        return try result.get()
    }

    private func percentFormat(_ s: UnsafeBufferPointer<UInt8>, _ values: Value) throws(ScriptError) -> String {
        var arguments: [Value]
        var mapping: DictObject?
        switch values {
        case .tuple(let items): arguments = items
        case .dict(let dict):
            mapping = dict
            arguments = [values]
        case .none, .bool, .int, .float, .str, .list, .set, .function, .builtin, .boundMethod, .type,
             .instance, .module, .object:
            arguments = [values]
        }
        var next = 0
        func take() throws(ScriptError) -> Value {
            guard next < arguments.count else { throw .typeError("not enough arguments for format string") }
            defer { next += 1 }
            return arguments[next]
        }
        func digits(_ i: inout Int) -> String {
            var text = ""
            while i < s.count, s[i] >= UInt8(ascii: "0"), s[i] <= UInt8(ascii: "9") {
                text.unicodeScalars.append(Unicode.Scalar(s[i]))
                i += 1
            }
            return text
        }
        var out = ""
        var i = 0
        while i < s.count {
            // Literal text is copied a run at a time.
            var end = i
            while end < s.count && s[end] != UInt8(ascii: "%") { end += 1 }
            if end > i {
                out += String(decoding: UnsafeBufferPointer(rebasing: s[i..<end]), as: UTF8.self)
                i = end
                continue
            }
            i += 1
            guard i < s.count else { throw .valueError("incomplete format") }
            var keyed: Value?
            if s[i] == UInt8(ascii: "(") {
                guard let mapping else { throw .typeError("format requires a mapping") }
                var j = i + 1
                while j < s.count && s[j] != UInt8(ascii: ")") { j += 1 }
                guard j < s.count else { throw .valueError("incomplete format key") }
                let key = String(decoding: UnsafeBufferPointer(rebasing: s[(i + 1)..<j]), as: UTF8.self)
                guard let v = try mapping.get(.str(key)) else { throw .keyError(.str(key), repr: PythonString.repr(key)) }
                keyed = v
                i = j + 1
            }
            var flags = ""
            while i < s.count, [UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: " "), UInt8(ascii: "#"), UInt8(ascii: "0")].contains(s[i]) {
                flags.unicodeScalars.append(Unicode.Scalar(s[i]))
                i += 1
            }
            var width = ""
            if i < s.count && s[i] == UInt8(ascii: "*") {
                // A negative width from the arguments left-justifies, as in C.
                let given = try indexValue(try take())
                if given < 0 { flags.append("-") }
                width = given == Int.min ? String(String(Int.min).dropFirst()) : String(abs(given))
                i += 1
            } else {
                width = digits(&i)
            }
            if !width.isEmpty, Int(width) == nil { throw .valueError("width too big") }
            var precision: String?
            if i < s.count && s[i] == UInt8(ascii: ".") {
                i += 1
                var p = ""
                if i < s.count && s[i] == UInt8(ascii: "*") {
                    // A negative precision from the arguments counts as none.
                    p = String(max(0, try indexValue(try take())))
                    i += 1
                } else {
                    p = digits(&i)
                }
                guard p.isEmpty || (Int(p).map { $0 <= Int(Int32.max) } ?? false) else { throw .valueError("precision too big") }
                precision = p.isEmpty ? "0" : p
            }
            guard i < s.count else { throw .valueError("incomplete format") }
            let typeStart = i
            let type = PercentFormat.character(s, at: &i)
            if type == "%" {
                out.append("%")
                continue
            }
            let value: Value
            if let keyed { value = keyed } else { value = try take() }
            // The common plain conversions skip the format-spec machinery.
            if flags.isEmpty && width.isEmpty {
                switch type {
                case "d", "i", "u":
                    out += try str(try integerForPercent(value, type))
                    continue
                case "s" where precision == nil:
                    out += try str(value)
                    continue
                case "r":
                    out += try repr(value)
                    continue
                case "f", "F", "e", "E", "g", "G":
                    let digits = precision.flatMap { Int($0) } ?? 6
                    guard MemoryBudget.allows(bytes: digits) else { throw ScriptError(.memoryError, "") }
                    out += formatDouble(try floatForPercent(value, type), type, precision: digits)
                    continue
                default:
                    break
                }
            }
            var specText = ""
            if flags.contains("-") { specText += "<" } else if flags.contains("0") && "diouxXeEfFgG".contains(type) { specText += "0" } else { specText += ">" }
            if flags.contains("+") { specText = (specText == "0" ? "+0" : specText + "+") } else if flags.contains(" ") { specText += " " }
            if specText == "+0" { specText = "+0" }
            if flags.contains("#") { specText += "#" }
            specText += width
            if let precision { specText += "." + precision }
            // CPython names where a bad conversion character is, counted in code points.
            out += try percentConversion(type, value, specText, index: s[..<typeStart].filter { $0 & 0xC0 != 0x80 }.count)
        }
        if mapping == nil && next < arguments.count {
            throw .typeError("not all arguments converted during string formatting")
        }
        return out
    }

    private func percentConversion(_ type: Character, _ value: Value, _ specPrefix: String, index: Int) throws(ScriptError) -> String {
        switch type {
        case "s": return try format(.str(try str(value)), spec: specPrefix.replacing("#", with: ""))
        case "r", "a": return try format(.str(try repr(value)), spec: specPrefix.replacing("#", with: ""))
        case "d", "i", "u":
            return try format(try integerForPercent(value, type), spec: specPrefix.split(separator: ".").first.map(String.init) ?? "")
        case "x", "X", "o":
            return try format(try integerForPercent(value, type), spec: (specPrefix.split(separator: ".").first.map(String.init) ?? "") + String(type))
        case "c":
            if case .str(let s) = value, s.count == 1 { return s }
            return try format(try integerForPercent(value, type), spec: "c")
        case "f", "F", "e", "E", "g", "G":
            let d = try floatForPercent(value, type)
            var spec = specPrefix
            if !spec.contains(".") { spec += ".6" }
            return try formatFloat(d, try FormatSpec(spec + String(type)))
        default:
            throw .valueError("unsupported format character '\(type)' (0x\(String(type.unicodeScalars.first?.value ?? 0, radix: 16))) at index \(index)")
        }
    }

    /// The int a `%d`-style conversion shows (of any size).
    func integerForPercent(_ value: Value, _ type: Character) throws(ScriptError) -> Value {
        if carriesValue(value) { return try integerForPercent(builtinValue(value), type) }
        switch value {
        case .int: return value
        case .bool(let b): return .int(b ? 1 : 0)
        case .float(let d):
            return try Arithmetic.integer(truncating: d)
        case .object(let object):
            if object is BigIntObject { return value }
            if let i = try object.index(interpreter: self) { return .int(i) }
            if let d = try object.floatValue(interpreter: self) { return try Arithmetic.integer(truncating: d) }
        case .none, .str, .list, .tuple, .dict, .set, .function, .builtin, .boundMethod, .type, .instance,
             .module:
            break
        }
        throw .typeError("%\(type) format: a real number is required, not \(value.typeName)")
    }

    func floatForPercent(_ value: Value, _ type: Character) throws(ScriptError) -> Double {
        if carriesValue(value) { return try floatForPercent(builtinValue(value), type) }
        if let d = value.numericValue { return d }
        if case .object(let object) = value, let d = try object.floatValue(interpreter: self) { return d }
        throw .typeError("must be real number, not \(value.typeName)")
    }
}

/// Reading the conversion character of a `%` specification from UTF-8 bytes.
package enum PercentFormat {
    /// The character starting at byte `i` (a whole scalar when it is not ASCII, so an error
    /// can name it); `i` moves past it.
    package static func character(_ s: UnsafeBufferPointer<UInt8>, at i: inout Int) -> Character {
        let first = s[i]
        guard first >= 0x80 else {
            i += 1
            return Character(Unicode.Scalar(first))
        }
        var end = i + 1
        while end < s.count && s[end] & 0xC0 == 0x80 { end += 1 }
        let text = String(decoding: UnsafeBufferPointer(rebasing: s[i..<end]), as: UTF8.self)
        i = end
        return text.first ?? "\u{FFFD}"
    }
}

/// How a format string numbers its fields: CPython refuses to mix `{}` with `{0}`.
package enum FieldNumbering {
    case none, automatic, manual
}
