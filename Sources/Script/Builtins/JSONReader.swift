/// `json.loads`: CPython's scanner, with its error messages and positions
/// (`Expecting value: line 1 column 4 (char 3)`).
package struct JSONReader {
    private let text: [Unicode.Scalar]
    private var position = 0
    private var depth = 0

    init(_ source: String) { text = Array(source.unicodeScalars) }

    /// The document's value; anything after it but whitespace is "Extra data".
    mutating func document() throws(ScriptError) -> Value {
        skipSpace()
        let value = try parseValue()
        skipSpace()
        if position < text.count { throw error("Extra data", position) }
        return value
    }

    private func error(_ message: String, _ at: Int) -> ScriptError {
        var line = 1, lineStart = 0
        for i in 0..<min(at, text.count) where text[i] == "\n" {
            line += 1
            lineStart = i + 1
        }
        return ScriptError(.valueError, "\(message): line \(line) column \(at - lineStart + 1) (char \(at))")
    }

    private mutating func skipSpace() {
        while position < text.count, [" ", "\t", "\n", "\r"].contains(text[position]) { position += 1 }
    }

    private func starts(with word: String) -> Bool {
        let scalars = Array(word.unicodeScalars)
        return position + scalars.count <= text.count && Array(text[position..<position + scalars.count]) == scalars
    }

    private mutating func parseValue() throws(ScriptError) -> Value {
        guard position < text.count else { throw error("Expecting value", position) }
        let literals: [(String, Value)] = [("null", .none), ("true", .bool(true)), ("false", .bool(false)),
                                           ("NaN", .float(.nan)), ("Infinity", .float(.infinity)), ("-Infinity", .float(-.infinity))]
        switch text[position] {
        case "\"": return .str(try parseString())
        case "{": return try nested("object") { (reader: inout JSONReader) throws(ScriptError) in try reader.parseObject() }
        case "[": return try nested("array") { (reader: inout JSONReader) throws(ScriptError) in try reader.parseArray() }
        default:
            for (word, value) in literals where starts(with: word) {
                position += word.unicodeScalars.count
                return value
            }
            return try parseNumber()
        }
    }

    /// Containers nest as deep as CPython's recursion limit allows, then raise its error.
    private mutating func nested(_ what: String, _ body: (inout JSONReader) throws(ScriptError) -> Value) throws(ScriptError) -> Value {
        depth += 1
        defer { depth -= 1 }
        if depth > Interpreter.recursionLimit {
            throw ScriptError(.recursionError, "maximum recursion depth exceeded while decoding a JSON \(what) from a unicode string")
        }
        return try body(&self)
    }

    private func isDigit(_ i: Int) -> Bool { i < text.count && ("0"..."9").contains(text[i]) }

    private mutating func parseNumber() throws(ScriptError) -> Value {
        let start = position
        var i = position
        if i < text.count && text[i] == "-" { i += 1 }
        if i < text.count && text[i] == "0" {
            i += 1
        } else if isDigit(i) && text[i] != "0" {
            while isDigit(i) { i += 1 }
        } else {
            throw error("Expecting value", start)
        }
        var isFloat = false
        if i < text.count && text[i] == "." && isDigit(i + 1) {
            i += 1
            while isDigit(i) { i += 1 }
            isFloat = true
        }
        if i < text.count && (text[i] == "e" || text[i] == "E") {
            var j = i + 1
            if j < text.count && (text[j] == "+" || text[j] == "-") { j += 1 }
            if isDigit(j) {
                while isDigit(j) { j += 1 }
                i = j
                isFloat = true
            }
        }
        position = i
        var view = String.UnicodeScalarView()
        view.append(contentsOf: text[start..<i])
        let literal = String(view)
        if isFloat { return .float(Double(literal) ?? .nan) }
        guard let big = BigInteger(Substring(literal), radix: 10) else { throw error("Expecting value", start) }
        return .integer(big)
    }

    private mutating func parseString() throws(ScriptError) -> String {
        let start = position
        position += 1
        var out = String.UnicodeScalarView()
        while true {
            guard position < text.count else { throw error("Unterminated string starting at", start) }
            let c = text[position]
            if c == "\"" {
                position += 1
                return String(out)
            }
            if c.value < 0x20 { throw error("Invalid control character at", position) }
            guard c == "\\" else {
                out.append(c)
                position += 1
                continue
            }
            guard position + 1 < text.count else { throw error("Unterminated string starting at", start) }
            let escape = text[position + 1]
            let simple: [Unicode.Scalar: Unicode.Scalar] = ["\"": "\"", "\\": "\\", "/": "/", "b": "\u{08}", "f": "\u{0C}",
                                                            "n": "\n", "r": "\r", "t": "\t"]
            if let replacement = simple[escape] {
                out.append(replacement)
                position += 2
                continue
            }
            guard escape == "u" else { throw error("Invalid \\escape", position) }
            var unit = try hex(at: position + 2)
            position += 6
            if (0xD800..<0xDC00).contains(unit), starts(with: "\\u"), let low = try? hex(at: position + 2), (0xDC00..<0xE000).contains(low) {
                unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                position += 6
            }
            // A lone surrogate cannot live in a Swift string; it reads as U+FFFD.
            out.append(Unicode.Scalar(unit) ?? "\u{FFFD}")
        }
    }

    private func hex(at i: Int) throws(ScriptError) -> UInt32 {
        guard i + 4 <= text.count else { throw error("Invalid \\uXXXX escape", i - 1) }
        var value: UInt32 = 0
        for scalar in text[i..<i + 4] {
            guard let digit = Character(scalar).hexDigitValue else { throw error("Invalid \\uXXXX escape", i - 1) }
            value = value * 16 + UInt32(digit)
        }
        return value
    }

    private mutating func parseArray() throws(ScriptError) -> Value {
        position += 1
        var items: [Value] = []
        skipSpace()
        if position < text.count && text[position] == "]" {
            position += 1
            return .list(ListObject(items))
        }
        while true {
            skipSpace()
            items.append(try parseValue())
            skipSpace()
            guard position < text.count else { throw error("Expecting ',' delimiter", position) }
            if text[position] == "]" {
                position += 1
                return .list(ListObject(items))
            }
            guard text[position] == "," else { throw error("Expecting ',' delimiter", position) }
            position += 1
        }
    }

    private mutating func parseObject() throws(ScriptError) -> Value {
        position += 1
        let dict = DictObject()
        skipSpace()
        if position < text.count && text[position] == "}" {
            position += 1
            return .dict(dict)
        }
        while true {
            skipSpace()
            guard position < text.count, text[position] == "\"" else {
                throw error("Expecting property name enclosed in double quotes", position)
            }
            let key = try parseString()
            skipSpace()
            guard position < text.count, text[position] == ":" else { throw error("Expecting ':' delimiter", position) }
            position += 1
            skipSpace()
            try dict.set(.str(key), try parseValue())
            skipSpace()
            guard position < text.count else { throw error("Expecting ',' delimiter", position) }
            if text[position] == "}" {
                position += 1
                return .dict(dict)
            }
            guard text[position] == "," else { throw error("Expecting ',' delimiter", position) }
            position += 1
        }
    }
}
