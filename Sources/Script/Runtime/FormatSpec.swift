import Glibc
import Tensors
import Rendering

/// Python's format-spec mini-language: `[[fill]align][sign][#][0][width][,|_][.precision][type]`.
package struct FormatSpec {
    package var fill: Character = " "
    package var align: Character?
    package var sign: Character = "-"
    package var alternate = false
    package var width = 0
    var grouping: Character?
    package var precision: Int?
    package var type: Character?

    init(_ text: String) throws(ScriptError) {
        var chars = Array(text)
        var i = 0
        func isAlign(_ c: Character) -> Bool { c == "<" || c == ">" || c == "^" || c == "=" }
        if chars.count >= 2 && isAlign(chars[1]) {
            fill = chars[0]
            align = chars[1]
            i = 2
        } else if !chars.isEmpty && isAlign(chars[0]) {
            align = chars[0]
            i = 1
        }
        if i < chars.count && "+- ".contains(chars[i]) {
            sign = chars[i]
            i += 1
        }
        if i < chars.count && chars[i] == "#" {
            alternate = true
            i += 1
        }
        if i < chars.count && chars[i] == "0" {
            if align == nil {
                fill = "0"
                align = "="
            }
            i += 1
        }
        var widthText = ""
        while i < chars.count, chars[i].isASCII, chars[i].isNumber { widthText.append(chars[i]); i += 1 }
        if !widthText.isEmpty {
            guard let parsed = Int(widthText) else { throw .valueError("Too many decimal digits in format string") }
            width = parsed
        }
        if i < chars.count && (chars[i] == "," || chars[i] == "_") {
            grouping = chars[i]
            i += 1
        }
        if i < chars.count && chars[i] == "." {
            i += 1
            var precisionText = ""
            while i < chars.count, chars[i].isASCII, chars[i].isNumber { precisionText.append(chars[i]); i += 1 }
            guard !precisionText.isEmpty else { throw .valueError("Format specifier missing precision") }
            guard let p = Int(precisionText) else { throw .valueError("Too many decimal digits in format string") }
            guard p <= Int(Int32.max) else { throw .valueError("precision too big") }
            precision = p
        }
        if i < chars.count {
            type = chars[i]
            i += 1
        }
        if i < chars.count { throw .valueError("Invalid format specifier '\(text)'") }
        chars.removeAll()
        // CPython builds what it is asked for; past what memory allows, its MemoryError.
        let (padding, overflow) = width.multipliedReportingOverflow(by: String(fill).utf8.count)
        guard !overflow, MemoryBudget.allows(bytes: padding), MemoryBudget.allows(bytes: precision ?? 0) else {
            throw ScriptError(.memoryError, "")
        }
    }

    /// Pads `body` to the width; `numeric` puts `=` padding after the sign.
    package func pad(_ body: String, numeric: Bool) -> String {
        let length = body.count
        guard width > length else { return body }
        let padding = width - length
        let alignment = align ?? (numeric ? ">" : "<")
        switch alignment {
        case "<": return body + String(repeating: fill, count: padding)
        case "^":
            let left = padding / 2
            return String(repeating: fill, count: left) + body + String(repeating: fill, count: padding - left)
        case "=":
            // The padding goes after the sign and after a base prefix (`-0x00ff`).
            var head = ""
            var tail = Substring(body)
            if let first = tail.first, first == "-" || first == "+" || first == " " {
                head.append(first)
                tail = tail.dropFirst()
            }
            if tail.count > 2, tail.first == "0", let base = tail.dropFirst().first, "xXob".contains(base) {
                head += tail.prefix(2)
                tail = tail.dropFirst(2)
            }
            return head + String(repeating: fill, count: padding) + tail
        default: return String(repeating: fill, count: padding) + body
        }
    }

    package func signed(_ magnitude: String, negative: Bool) -> String {
        if negative { return "-" + magnitude }
        switch sign {
        case "+": return "+" + magnitude
        case " ": return " " + magnitude
        default: return magnitude
        }
    }

    /// Digits of a base-16, -8 or -2 conversion grouped by fours with `_`, as CPython's
    /// `format(n, '_x')`; `,` is refused there.
    func groupBase(_ digits: String, type: Character) throws(ScriptError) -> String {
        guard let grouping else { return digits }
        guard grouping == "_" else { throw .valueError("Cannot specify ',' with '\(type)'.") }
        var out = ""
        for (n, c) in digits.reversed().enumerated() {
            if n > 0 && n % 4 == 0 { out.append("_") }
            out.append(c)
        }
        return String(out.reversed())
    }

    package func group(_ digits: String) -> String {
        guard let grouping else { return digits }
        var intPart = Substring(digits)
        var rest = Substring("")
        if let dot = digits.firstIndex(where: { $0 == "." || $0 == "e" || $0 == "E" }) {
            intPart = digits[..<dot]
            rest = digits[dot...]
        }
        var out = ""
        for (n, c) in intPart.reversed().enumerated() {
            if n > 0 && n % 3 == 0 { out.append(grouping) }
            out.append(c)
        }
        return String(out.reversed()) + rest
    }
}

extension Interpreter {
    /// `format(value, spec)`.
    package func format(_ value: Value, spec text: String) throws(ScriptError) -> String {
        if case .object(let object) = value, let formatted = try object.format(text, interpreter: self) { return formatted }
        // A class's own __format__ reads its own spec language (datetime's strftime codes),
        // the empty spec included.
        if case .instance = value, let method = try attributeIfPresent(value, "__format__") {
            let formatted = try call(method, Arguments([.str(text)]))
            guard case .str(let result) = formatted else {
                throw .typeError("__format__ must return a str, not \(formatted.typeName)")
            }
            return result
        }
        if text.isEmpty { return try str(value) }
        // object.__format__ takes only the empty spec.
        if case .instance(let instance) = value {
            throw .typeError("unsupported format string passed to \(instance.type.name).__format__")
        }
        let spec = try FormatSpec(text)
        switch value {
        case .int(let i):
            return try formatInt(i, spec)
        case .bool(let b):
            if spec.type == nil { return spec.pad(b ? "True" : "False", numeric: false) }
            return try formatInt(b ? 1 : 0, spec)
        case .float(let d):
            return try formatFloat(d, spec)
        case .object(let big as BigIntObject):
            return try formatInteger(negative: big.value.negative, digits: { (radix) throws(ScriptError) in try big.magnitudeDigits(radix: radix) },
                                     double: { () throws(ScriptError) in try big.floatValue(interpreter: self) ?? 0 },
                                     scalar: nil, spec)
        case .object(let object):
            if let t = spec.type, "dxXob".contains(t), let i = try object.index(interpreter: self) {
                return try formatInt(i, spec)
            }
            if let d = try object.floatValue(interpreter: self) { return try formatFloat(d, spec) }
            return spec.pad(try str(value), numeric: false)
        case .instance:
            return spec.pad(try str(value), numeric: false)
        case .none, .str, .list, .tuple, .dict, .set, .function, .builtin, .boundMethod, .type, .module:
            var s = try str(value)
            if let t = spec.type, t != "s" {
                throw .valueError("Unknown format code '\(t)' for object of type '\(value.typeName)'")
            }
            if let p = spec.precision { s = String(s.prefix(p)) }
            return spec.pad(s, numeric: false)
        }
    }

    func formatInt(_ n: Int, _ spec: FormatSpec) throws(ScriptError) -> String {
        try formatInteger(negative: n < 0, digits: { String(n.magnitude, radix: $0) }, double: { () throws(ScriptError) in Double(n) },
                          scalar: n, spec)
    }

    /// An int of any size under an integer format spec: `digits(radix)` gives its magnitude.
    private func formatInteger(negative: Bool, digits: (Int) throws(ScriptError) -> String, double: () throws(ScriptError) -> Double,
                               scalar: Int?, _ spec: FormatSpec) throws(ScriptError) -> String {
        var body: String
        switch spec.type {
        case nil, "d", "n": body = spec.group(try digits(10))
        case "x": body = (spec.alternate ? "0x" : "") + (try spec.groupBase(try digits(16), type: "x"))
        case "X": body = (spec.alternate ? "0X" : "") + (try spec.groupBase(try digits(16).uppercased(), type: "X"))
        case "o": body = (spec.alternate ? "0o" : "") + (try spec.groupBase(try digits(8), type: "o"))
        case "b": body = (spec.alternate ? "0b" : "") + (try spec.groupBase(try digits(2), type: "b"))
        case "c":
            guard let n = scalar, n >= 0, n < 0x110000, let character = Unicode.Scalar(UInt32(n)) else {
                throw ScriptError(.overflowError, "%c arg not in range(0x110000)")
            }
            return spec.pad(String(Character(character)), numeric: false)
        case "e", "E", "f", "F", "g", "G", "%":
            return try formatFloat(try double(), spec)
        case .some(let t):
            throw .valueError("Unknown format code '\(t)' for object of type 'int'")
        }
        body = spec.signed(body, negative: negative)
        return spec.pad(body, numeric: true)
    }

    func formatFloat(_ d: Double, _ spec: FormatSpec) throws(ScriptError) -> String {
        let negative = d.sign == .minus && !d.isNaN
        let m = d.magnitude
        var body: String
        switch spec.type {
        case nil:
            if let p = spec.precision {
                body = formatDouble(m, "g", precision: max(p, 1), alternate: spec.alternate)
                if !body.contains(".") && !body.contains("e") && !body.contains("n") && !body.contains("i") { body += ".0" }
            } else {
                body = PythonFloat.repr(m)
            }
        case "f", "F", "e", "E", "g", "G":
            let t = spec.type ?? "f"
            body = formatDouble(m, t, precision: spec.precision ?? 6, alternate: spec.alternate)
        case "%":
            body = formatDouble(m * 100, "f", precision: spec.precision ?? 6) + "%"
        case .some(let t):
            throw .valueError("Unknown format code '\(t)' for object of type 'float'")
        }
        body = spec.signed(spec.group(body), negative: negative)
        return spec.pad(body, numeric: true)
    }
}
