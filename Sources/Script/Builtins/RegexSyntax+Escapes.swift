/// Escapes and character classes: the parts of RegexSyntax's translation that read `\`.
extension RegexSyntax {
    /// `[...]`: copied with `[` escaped (PCRE2 would read `[:alpha:]` as a POSIX class).
    mutating func characterClass() throws(Failure) {
        let start = index
        emit("[", from: start)
        index += 1
        if character() == RegexSyntax.scalar("^") {
            emit("^", from: index)
            index += 1
        }
        var first = true
        // The last single member and where it starts, while it can begin a range.
        var previousMember: (value: UInt32, position: Int)?
        var rangePending = false
        while true {
            guard let c = character() else { throw Failure(message: "unterminated character set", position: start) }
            let position = index
            if c == RegexSyntax.scalar("]") && !first {
                emit("]", from: position)
                index += 1
                return
            }
            first = false
            var member: UInt32?
            if c == RegexSyntax.scalar("\\") {
                member = try classEscape()
            } else if c == RegexSyntax.scalar("-") && previousMember != nil && !rangePending
                        && character(1) != RegexSyntax.scalar("]") && character(1) != nil {
                emit("-", from: position)
                index += 1
                rangePending = true
                continue
            } else {
                member = c
                // Escaped punctuation is always literal in PCRE2: `[:`, `[.` and `[=` would
                // otherwise start POSIX classes, which Python does not have.
                if c < 128 && !RegexSyntax.isASCIILetter(c) && !RegexSyntax.isDigit(c) && !RegexSyntax.isWhitespace(c) {
                    emit("\\", from: position)
                }
                emit(unit: c, from: position)
                index += 1
            }
            if rangePending {
                rangePending = false
                if let low = previousMember, let high = member, high < low.value {
                    throw Failure(message: "bad character range \(text(low.position..<index))", position: low.position)
                }
                previousMember = nil
            } else {
                previousMember = member.map { ($0, position) }
            }
        }
    }

    /// An escape inside a class: the code point it stands for, or nil for a class (`\d`).
    private mutating func classEscape() throws(Failure) -> UInt32? {
        let start = index
        guard let c = character(1) else { throw Failure(message: "bad escape (end of pattern)", position: start) }
        let letter = Character(Unicode.Scalar(c) ?? "\u{FFFD}")
        switch letter {
        case "s" where unicodeWhitespace:
            emit("\\s\\x{1c}-\\x{1f}", from: start)
            index += 2
            return nil
        case "d", "D", "s", "S", "w", "W":
            emit("\\" + String(letter), from: start)
            index += 2
            return nil
        case "b":
            emitLiteral(8, from: start)
            index += 2
            return 8
        default:
            if RegexSyntax.isOctal(c) {
                // Inside a class every octal digit starts an escape of up to three.
                var i = 2
                while i < 4 && RegexSyntax.isOctal(character(i)) { i += 1 }
                let value = UInt32(text(start + 1..<start + i), radix: 8) ?? 0
                if value > 0o377 {
                    throw Failure(message: "octal escape value \(text(start..<start + i)) outside of range 0-0o377", position: start)
                }
                emitLiteral(value, from: start)
                index = start + i
                return value
            }
            if let value = try literalEscape(start) { return value }
            throw Failure(message: "bad escape \\\(letter)", position: start)
        }
    }

    /// Escapes that stand for one code point (`\n`, `\x41`, `\u00e9`, octal, `\.`), emitted;
    /// nil when the escape is not one of them.
    private mutating func literalEscape(_ start: Int) throws(Failure) -> UInt32? {
        guard let c = character(1) else { return nil }
        let letter = Character(Unicode.Scalar(c) ?? "\u{FFFD}")
        let simple: [Character: UInt32] = ["a": 7, "f": 12, "n": 10, "r": 13, "t": 9, "v": 11]
        var value: UInt32
        var length = 2
        if let code = simple[letter] {
            value = code
        } else if letter == "x" || (!isBytes && (letter == "u" || letter == "U")) {
            let digits = letter == "x" ? 2 : letter == "u" ? 4 : 8
            var i = 2
            while i < 2 + digits && RegexSyntax.isHex(character(i)) { i += 1 }
            guard i == 2 + digits, let parsed = UInt32(text(start + 2..<start + i), radix: 16) else {
                throw Failure(message: "incomplete escape \(text(start..<start + i))", position: start)
            }
            if letter == "U" && (parsed > 0x10FFFF || Unicode.Scalar(parsed) == nil) {
                throw Failure(message: "bad escape \(text(start..<start + i))", position: start)
            }
            value = parsed
            length = i
        } else if letter == "N" && !isBytes {
            throw Failure(message: "\\N{...} escapes are not provided by Recur's re", position: start)
        } else if letter == "0" || (RegexSyntax.isOctal(c) && RegexSyntax.isOctal(character(2)) && RegexSyntax.isOctal(character(3))) {
            var i = 1
            while i < 4 && RegexSyntax.isOctal(character(i)) && (letter != "0" || i < 3) { i += 1 }
            guard let parsed = UInt32(text(start + 1..<start + i), radix: 8) else { return nil }
            if parsed > 0o377 {
                throw Failure(message: "octal escape value \(text(start..<start + i)) outside of range 0-0o377", position: start)
            }
            value = parsed
            length = i
        } else if c < 128 && (RegexSyntax.isASCIILetter(c) || RegexSyntax.isDigit(c)) {
            return nil
        } else {
            value = c
        }
        emitLiteral(value, from: start)
        index = start + length
        return value
    }

    package mutating func escape() throws(Failure) {
        let start = index
        guard let c = character(1) else { throw Failure(message: "bad escape (end of pattern)", position: start) }
        let letter = Character(Unicode.Scalar(c) ?? "\u{FFFD}")
        // Assertions cannot be repeated; classes can.
        let replacement: (String, Previous)? = switch letter {
        case "A", "b", "B": ("\\" + String(letter), .nothing)
        case "Z": ("\\z", .nothing)
        case "s" where unicodeWhitespace: ("[\\s\\x{1c}-\\x{1f}]", .atom)
        case "S" where unicodeWhitespace: ("[^\\s\\x{1c}-\\x{1f}]", .atom)
        case "d", "D", "s", "S", "w", "W": ("\\" + String(letter), .atom)
        default: nil
        }
        if let (text, kind) = replacement {
            emit(text, from: start)
            index += 2
            previous = kind
            return
        }
        if RegexSyntax.isDigit(c) && c != RegexSyntax.scalar("0")
            && !(RegexSyntax.isOctal(c) && RegexSyntax.isOctal(character(2)) && RegexSyntax.isOctal(character(3))) {
            // A group reference: one or two digits.
            var i = 2
            if RegexSyntax.isDigit(character(2)) { i = 3 }
            let number = Int(text(start + 1..<start + i)) ?? 0
            guard number <= groupCount else { throw Failure(message: "invalid group reference \(number)", position: start + 1) }
            guard closedGroups.contains(number) else { throw Failure(message: "cannot refer to an open group", position: start) }
            emit("(?:\\g{\(number)})", from: start)
            index = start + i
            previous = .atom
            return
        }
        guard try literalEscape(start) != nil else { throw Failure(message: "bad escape \\\(letter)", position: start) }
        previous = .atom
    }
}
