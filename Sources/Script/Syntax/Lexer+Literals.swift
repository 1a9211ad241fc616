extension Lexer {
    mutating func lexNumber(_ start: SourceLocation) throws(SyntaxError) {
        if peek() == "0", let p = peek(1), "xXoObB".unicodeScalars.contains(p) {
            let radix = (p == "x" || p == "X") ? 16 : (p == "o" || p == "O") ? 8 : 2
            position += 2
            let isDigit = { (c: Unicode.Scalar) -> Bool in
                if radix == 16 { return c.properties.isASCIIHexDigit }
                return ("0"..."9").contains(c) && Int(c.value) - 48 < radix
            }
            // An underscore may also follow the prefix (`0x_ff`).
            if peek() == "_", let next = peek(1), isDigit(next) { position += 1 }
            let digits = readDigits(isDigit)
            guard !digits.isEmpty, let value = BigInteger(Substring(digits), radix: radix) else {
                throw SyntaxError("invalid \(radix == 16 ? "hexadecimal" : radix == 8 ? "octal" : "binary") literal", at: start)
            }
            if let small = value.intValue { emit(.int(small), at: start) } else { emit(.bigInt(value), at: start) }
            return
        }
        var text = readDigits { ("0"..."9").contains($0) }
        var isFloat = false
        if peek() == "." {
            isFloat = true
            position += 1
            text += "." + readDigits { ("0"..."9").contains($0) }
        }
        if let e = peek(), e == "e" || e == "E" {
            var offset = 1
            if let sign = peek(1), sign == "+" || sign == "-" { offset = 2 }
            if let d = peek(offset), ("0"..."9").contains(d) {
                isFloat = true
                text += "e"
                if offset == 2, let sign = peek(1) { text.unicodeScalars.append(sign) }
                position += offset
                text += readDigits { ("0"..."9").contains($0) }
            }
        }
        if let j = peek(), j == "j" || j == "J" {
            throw SyntaxError("complex numbers are not supported in Recur script", at: start)
        }
        if let c = peek(), Lexer.isIdentifierStart(c) {
            throw SyntaxError("invalid decimal literal", at: start)
        }
        if isFloat {
            if text.hasPrefix(".") { text = "0" + text }
            if text.hasSuffix(".") { text += "0" }
            text = text.replacing(".e", with: ".0e")
            guard let value = Double(text) else {
                throw SyntaxError("invalid decimal literal", at: start)
            }
            emit(.float(value), at: start)
        } else {
            if text.count > 1 && text.hasPrefix("0") && text.contains(where: { $0 != "0" }) {
                throw SyntaxError("leading zeros in decimal integer literals are not permitted; "
                                  + "use an 0o prefix for octal integers", at: start)
            }
            if let value = Int(text) {
                emit(.int(value), at: start)
            } else {
                // CPython's limit on decimal conversion applies to literals too.
                guard text.count <= BigIntObject.maxStringDigits else {
                    throw SyntaxError("Exceeds the limit (\(BigIntObject.maxStringDigits) digits) for integer string conversion: "
                                      + "value has \(text.count) digits; use sys.set_int_max_str_digits() to increase the limit "
                                      + "- Consider hexadecimal for huge integer literals to avoid decimal conversion limits.",
                                      at: start)
                }
                guard let value = BigInteger(Substring(text), radix: 10) else {
                    throw SyntaxError("invalid decimal literal", at: start)
                }
                emit(.bigInt(value), at: start)
            }
        }
    }

    /// Reads digits matching `accept`, dropping single underscores between them.
    mutating func readDigits(_ accept: (Unicode.Scalar) -> Bool) -> String {
        var text = ""
        while let c = peek() {
            if accept(c) {
                text.unicodeScalars.append(c)
                position += 1
            } else if c == "_", let next = peek(1), accept(next), !text.isEmpty {
                position += 1
            } else {
                break
            }
        }
        return text
    }

    mutating func lexString(_ start: SourceLocation, raw: Bool, format: Bool, bytes: Bool = false) throws(SyntaxError) {
        guard let quote = peek() else { return }
        let triple = peek(1) == quote && peek(2) == quote
        position += triple ? 3 : 1
        var body = String.UnicodeScalarView()
        while true {
            guard let c = peek() else {
                if triple {
                    throw SyntaxError("unterminated triple-quoted string literal (detected at line \(line))",
                                      at: start, atEndOfInput: true)
                }
                throw SyntaxError("unterminated string literal (detected at line \(line))", at: start)
            }
            if c == quote {
                if !triple {
                    position += 1
                    break
                }
                if peek(1) == quote && peek(2) == quote {
                    position += 3
                    break
                }
            }
            if c == "\n" {
                if !triple {
                    throw SyntaxError("unterminated string literal (detected at line \(line))", at: start)
                }
                body.append(c)
                position += 1
                newLine()
                continue
            }
            if c == "\\", let next = peek(1) {
                body.append(c)
                body.append(next)
                position += 2
                if next == "\n" { newLine() }
                continue
            }
            body.append(c)
            position += 1
        }
        let text = String(body)
        if bytes {
            emit(.bytes(try Lexer.bytesValue(body, raw: raw, at: start)), at: start)
        } else if format {
            emit(.fstring(body: text, raw: raw), at: start)
        } else {
            emit(.string(raw ? text : try Lexer.unescape(text, at: start)), at: start)
        }
    }

    /// A bytes literal's value: ASCII characters only, with the escapes bytes literals know
    /// (`\xhh` and octal name bytes; `\u` and `\N` stay as written).
    static func bytesValue(_ body: String.UnicodeScalarView, raw: Bool, at location: SourceLocation) throws(SyntaxError) -> [UInt8] {
        let s = Array(body)
        guard s.allSatisfy(\.isASCII) else {
            throw SyntaxError("bytes can only contain ASCII literal characters", at: location)
        }
        if raw { return s.map { UInt8(truncatingIfNeeded: $0.value) } }
        var out: [UInt8] = []
        var i = 0
        while i < s.count {
            let c = s[i]
            guard c == "\\", i + 1 < s.count else {
                out.append(UInt8(truncatingIfNeeded: c.value))
                i += 1
                continue
            }
            let e = s[i + 1]
            i += 2
            switch e {
            case "n": out.append(0x0A)
            case "t": out.append(0x09)
            case "r": out.append(0x0D)
            case "a": out.append(0x07)
            case "b": out.append(0x08)
            case "f": out.append(0x0C)
            case "v": out.append(0x0B)
            case "\\", "'", "\"": out.append(UInt8(truncatingIfNeeded: e.value))
            case "\n": break
            case "x":
                guard i + 2 <= s.count, let value = UInt8(String(String.UnicodeScalarView(s[i..<(i + 2)])), radix: 16) else {
                    throw SyntaxError("(value error) invalid \\x escape at position \(i - 2)", at: location)
                }
                out.append(value)
                i += 2
            case "0"..."7":
                var value = Int(e.value - 48)
                var digits = 1
                while digits < 3, i < s.count, ("0"..."7").contains(s[i]) {
                    value = value * 8 + Int(s[i].value - 48)
                    i += 1
                    digits += 1
                }
                out.append(UInt8(truncatingIfNeeded: value))
            default:
                out.append(0x5C)
                out.append(UInt8(truncatingIfNeeded: e.value))
            }
        }
        return out
    }

    /// Applies Python's backslash escapes.
    static func unescape(_ text: String, at location: SourceLocation) throws(SyntaxError) -> String {
        guard text.unicodeScalars.contains("\\") else { return text }
        let s = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < s.count {
            let c = s[i]
            guard c == "\\", i + 1 < s.count else {
                out.append(c)
                i += 1
                continue
            }
            let e = s[i + 1]
            i += 2
            switch e {
            case "n": out.append("\n")
            case "t": out.append("\t")
            case "r": out.append("\r")
            case "0": out.append("\0")
            case "a": out.append("\u{07}")
            case "b": out.append("\u{08}")
            case "f": out.append("\u{0C}")
            case "v": out.append("\u{0B}")
            case "\\", "'", "\"": out.append(e)
            case "\n": break
            case "x", "u", "U":
                let count = e == "x" ? 2 : e == "u" ? 4 : 8
                guard i + count <= s.count,
                      let value = UInt32(String(String.UnicodeScalarView(s[i..<(i + count)])), radix: 16),
                      let scalar = Unicode.Scalar(value) else {
                    throw SyntaxError("(unicode error) truncated \\\(e) escape", at: location)
                }
                out.append(scalar)
                i += count
            case "0"..."7":
                // Up to three octal digits: a code point below 0o777.
                var value = e.value - 48
                var digits = 1
                while digits < 3, i < s.count, ("0"..."7").contains(s[i]) {
                    value = value * 8 + s[i].value - 48
                    i += 1
                    digits += 1
                }
                if let scalar = Unicode.Scalar(value) { out.append(scalar) }
            default:
                out.append("\\")
                out.append(e)
            }
        }
        return String(out)
    }
}
