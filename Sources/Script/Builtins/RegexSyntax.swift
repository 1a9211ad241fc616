import Rendering
/// A Python regular expression rewritten in PCRE2's syntax: the few constructs the two spell
/// differently are translated (`\Z`, `{,n}`, `\uXXXX`, `\v`, octal and group-number escapes,
/// verbose-mode comments, the `a`/`u`/`L` flags), and the errors CPython's parser reports
/// before matching are raised with its messages and positions.
package struct RegexSyntax {
    /// A pattern CPython rejects: its message and the position in the pattern.
    package struct Failure: Error {
        package let message: String
        package let position: Int?
    }

    /// Flag bits as CPython's `re` numbers them.
    package enum Flag {
        static let ignoreCase = 2, locale = 4, multiline = 8, dotAll = 16, unicode = 32, verbose = 64, ascii = 256
    }

    /// The pattern in PCRE2's syntax (32-bit code units).
    private(set) var units: [UInt32] = []
    /// For each unit of `units`, the index in the Python pattern it came from (for error positions).
    private(set) var origin: [Int] = []
    /// The global inline flags (`(?i)` at the start) as `re` flag bits.
    private(set) var inlineFlags = 0
    /// Group names in the order they are defined, with their numbers.
    private(set) var names: [(String, Int)] = []

    package let pattern: [UInt32]
    let isBytes: Bool
    /// Python's `\s` in a str pattern is str.isspace, which also holds for U+001C...U+001F.
    let unicodeWhitespace: Bool
    package var index = 0
    private var verbose: Bool
    var groupCount = 0
    /// Open groups: where each starts, its number (0 when not capturing) and the verbose mode
    /// outside it (a scoped `(?x:...)` ends with its group).
    private var open: [(position: Int, group: Int, verbose: Bool)] = []
    var closedGroups: Set<Int> = []
    package var previous = Previous.nothing
    /// True while only global flag groups have been read (they must come first).
    private var atStart = true

    /// What the last item was, for CPython's "nothing to repeat" and "multiple repeat".
    package enum Previous {
        case nothing, atom, quantifier, modifiedQuantifier
    }

    init(_ pattern: [UInt32], isBytes: Bool, flags: Int) throws(Failure) {
        self.pattern = pattern
        self.isBytes = isBytes
        self.verbose = flags & Flag.verbose != 0
        self.unicodeWhitespace = !isBytes && flags & Flag.ascii == 0
        try translate()
    }

    package func character(_ offset: Int = 0) -> UInt32? {
        let i = index + offset
        return i < pattern.count ? pattern[i] : nil
    }

    package func text(_ range: Range<Int>) -> String {
        var result = ""
        for unit in pattern[range.clamped(to: 0..<pattern.count)] {
            result.unicodeScalars.append(Unicode.Scalar(unit) ?? "\u{FFFD}")
        }
        return result
    }

    package mutating func emit(_ string: String, from position: Int) {
        for scalar in string.unicodeScalars {
            units.append(scalar.value)
            origin.append(position)
        }
    }

    package mutating func emit(unit: UInt32, from position: Int) {
        units.append(unit)
        origin.append(position)
    }

    /// A literal code point in PCRE2 syntax, whatever it is.
    mutating func emitLiteral(_ value: UInt32, from position: Int) {
        emit("\\x{\(String(value, radix: 16))}", from: position)
    }

    package static func scalar(_ c: Character) -> UInt32 { c.unicodeScalars.first?.value ?? 0 }
    static func isDigit(_ u: UInt32?) -> Bool { u.map { (48...57).contains($0) } ?? false }
    static func isOctal(_ u: UInt32?) -> Bool { u.map { (48...55).contains($0) } ?? false }
    static func isHex(_ u: UInt32?) -> Bool {
        guard let u else { return false }
        return (48...57).contains(u) || (65...70).contains(u) || (97...102).contains(u)
    }
    static func isASCIILetter(_ u: UInt32) -> Bool { (65...90).contains(u) || (97...122).contains(u) }
    static func isWhitespace(_ u: UInt32) -> Bool { [9, 10, 11, 12, 13, 32].contains(u) }

    private mutating func translate() throws(Failure) {
        while let c = character() {
            let start = index
            if verbose {
                if RegexSyntax.isWhitespace(c) { index += 1; continue }
                if c == RegexSyntax.scalar("#") {
                    while let d = character(), d != 10 { index += 1 }
                    continue
                }
            }
            switch Character(Unicode.Scalar(c) ?? "\u{FFFD}") {
            case "(":
                try openGroup()
                continue
            case ")":
                guard let group = open.popLast() else { throw Failure(message: "unbalanced parenthesis", position: start) }
                if group.group > 0 { closedGroups.insert(group.group) }
                verbose = group.verbose
                emit(")", from: start)
                index += 1
                previous = .atom
            case "|":
                emit("|", from: start)
                index += 1
                previous = .nothing
            case "[":
                try characterClass()
                previous = .atom
            case "\\":
                try escape()
            case "*", "+", "?":
                try quantifier(start, length: 1)
            case "{":
                if let length = repeatLength() {
                    try checkRepeatBounds(start, length: length)
                    try quantifier(start, length: length)
                } else {
                    emit("\\{", from: start)
                    index += 1
                    previous = .atom
                }
            case "^", "$":
                emit(unit: c, from: start)
                index += 1
                previous = .nothing
            default:
                if c == RegexSyntax.scalar("}") || c == RegexSyntax.scalar("#") || RegexSyntax.isWhitespace(c) {
                    emitLiteral(c, from: start)
                } else {
                    emit(unit: c, from: start)
                }
                index += 1
                previous = .atom
            }
            atStart = false
        }
        if let group = open.last { throw Failure(message: "missing ), unterminated subpattern", position: group.position) }
    }

    /// `{m,n}` at the current position: its length, or nil when the brace is a literal.
    private func repeatLength() -> Int? {
        var i = 1
        while RegexSyntax.isDigit(character(i)) { i += 1 }
        if character(i) == RegexSyntax.scalar(",") {
            i += 1
            while RegexSyntax.isDigit(character(i)) { i += 1 }
        }
        guard character(i) == RegexSyntax.scalar("}"), i > 1 else { return nil }
        return i + 1
    }

    private func checkRepeatBounds(_ start: Int, length: Int) throws(Failure) {
        let body = text(start + 1..<start + length - 1)
        let parts = body.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 2, let low = Int(parts[0]), let high = Int(parts[1]) else { return }
        if high < low { throw Failure(message: "min repeat greater than max repeat", position: start + 1) }
    }

    private mutating func quantifier(_ start: Int, length: Int) throws(Failure) {
        let c = pattern[start]
        switch previous {
        case .nothing:
            throw Failure(message: "nothing to repeat", position: start)
        case .modifiedQuantifier:
            throw Failure(message: "multiple repeat", position: start)
        case .quantifier:
            // `*?` (lazy) and `*+` (possessive) modify the repeat before them.
            guard length == 1, c == RegexSyntax.scalar("?") || c == RegexSyntax.scalar("+") else {
                throw Failure(message: "multiple repeat", position: start)
            }
            emit(unit: c, from: start)
            previous = .modifiedQuantifier
        case .atom:
            if c == RegexSyntax.scalar("{") {
                // PCRE2 before 10.43 reads `{,n}` as a literal; Python's lower bound defaults to 0.
                let body = text(start + 1..<start + length - 1)
                emit("{" + (body.hasPrefix(",") ? "0" : "") + body + "}", from: start)
            } else {
                emit(unit: c, from: start)
            }
            previous = .quantifier
        }
        index = start + length
    }

    /// `(`, `(?:`, `(?P<name>`, `(?P=name)`, lookarounds, comments and inline flags.
    private mutating func openGroup() throws(Failure) {
        let start = index
        guard character(1) == RegexSyntax.scalar("?") else {
            groupCount += 1
            open.append((start, groupCount, verbose))
            emit("(", from: start)
            index += 1
            previous = .nothing
            atStart = false
            return
        }
        index += 2
        guard let c = character() else { throw Failure(message: "unexpected end of pattern", position: index) }
        let letter = Character(Unicode.Scalar(c) ?? "\u{FFFD}")
        switch letter {
        case ":", "=", "!", ">":
            open.append((start, 0, verbose))
            emit("(?" + String(letter), from: start)
            index += 1
            previous = .nothing
        case "<":
            guard let next = character(1), next == RegexSyntax.scalar("=") || next == RegexSyntax.scalar("!") else {
                throw Failure(message: "unknown extension ?<" + text(index + 1..<index + 2), position: start + 1)
            }
            open.append((start, 0, verbose))
            emit("(?<" + text(index + 1..<index + 2), from: start)
            index += 2
            previous = .nothing
        case "#":
            while let d = character(), d != RegexSyntax.scalar(")") { index += 1 }
            guard character() != nil else { throw Failure(message: "missing ), unterminated comment", position: start) }
            index += 1
            return
        case "P":
            try namedGroup(start)
        case "(":
            // A conditional: (?(1)yes|no) or (?(name)yes|no).
            open.append((start, 0, verbose))
            emit("(?", from: start)
            previous = .nothing
            return
        default:
            try inlineFlagGroup(start)
            return
        }
        atStart = false
    }

    private mutating func groupName(terminator: Character, _ missing: String) throws(Failure) -> String {
        let nameStart = index
        while let d = character(), d != RegexSyntax.scalar(terminator) { index += 1 }
        guard character() != nil else { throw Failure(message: missing, position: nameStart) }
        let name = text(nameStart..<index)
        index += 1
        if name.isEmpty { throw Failure(message: "missing group name", position: nameStart) }
        guard RegexSyntax.isIdentifier(name) else {
            throw Failure(message: "bad character in group name \(PythonString.repr(name))", position: nameStart)
        }
        return name
    }

    static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || first.properties.isXIDStart else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isXIDContinue }
    }

    private mutating func namedGroup(_ start: Int) throws(Failure) {
        index += 1
        if character() == RegexSyntax.scalar("<") {
            index += 1
            let name = try groupName(terminator: ">", "missing >, unterminated name")
            groupCount += 1
            if let existing = names.first(where: { $0.0 == name }) {
                throw Failure(message: "redefinition of group name \(PythonString.repr(name)) as group \(groupCount); was group \(existing.1)",
                              position: start + 4)
            }
            names.append((name, groupCount))
            open.append((start, groupCount, verbose))
            emit("(?P<\(name)>", from: start)
            previous = .nothing
        } else if character() == RegexSyntax.scalar("=") {
            index += 1
            let nameStart = index
            let name = try groupName(terminator: ")", "missing ), unterminated name")
            guard let group = names.first(where: { $0.0 == name }) else {
                throw Failure(message: "unknown group name \(PythonString.repr(name))", position: nameStart)
            }
            guard closedGroups.contains(group.1) else { throw Failure(message: "cannot refer to an open group", position: start) }
            emit("(?:\\g{\(group.1)})", from: start)
            previous = .atom
        } else {
            guard character() != nil else { throw Failure(message: "unexpected end of pattern", position: index) }
            throw Failure(message: "unknown extension ?P" + text(index..<index + 1), position: start + 1)
        }
    }

    private static let flagBits: [Character: Int] = [
        "i": Flag.ignoreCase, "L": Flag.locale, "m": Flag.multiline, "s": Flag.dotAll, "u": Flag.unicode, "x": Flag.verbose,
        "a": Flag.ascii,
    ]

    /// `(?imsx)` at the start, or a scoped `(?i:...)` / `(?-i:...)` anywhere.
    private mutating func inlineFlagGroup(_ start: Int) throws(Failure) {
        var on = "", off = ""
        var turningOff = false
        while let c = character() {
            let letter = Character(Unicode.Scalar(c) ?? "\u{FFFD}")
            if let bit = RegexSyntax.flagBits[letter] {
                if turningOff {
                    guard bit & (Flag.ignoreCase | Flag.multiline | Flag.dotAll | Flag.verbose) != 0 else {
                        throw Failure(message: "bad inline flags: cannot turn off flags 'a', 'u' and 'L'", position: index)
                    }
                    off.append(letter)
                } else {
                    on.append(letter)
                }
                index += 1
            } else if letter == "-" && !turningOff {
                turningOff = true
                index += 1
            } else {
                break
            }
        }
        guard let end = character() else { throw Failure(message: "missing -, : or )", position: index) }
        if on.isEmpty && off.isEmpty && !turningOff {
            throw Failure(message: "unknown extension ?" + text(index..<index + 1), position: start + 1)
        }
        if end == RegexSyntax.scalar(")") {
            guard !turningOff else { throw Failure(message: "missing :", position: index) }
            guard atStart else { throw Failure(message: "global flags not at the start of the expression", position: start) }
            for letter in on { inlineFlags |= RegexSyntax.flagBits[letter] ?? 0 }
            if on.contains("x") { verbose = true }
            // a, u and L, and x (handled here), are not PCRE2's.
            let kept = on.filter { "ims".contains($0) }
            if !kept.isEmpty { emit("(?" + kept + ")", from: start) }
            index += 1
            return
        }
        guard end == RegexSyntax.scalar(":") else {
            throw Failure(message: "missing -, : or )", position: index)
        }
        open.append((start, 0, verbose))
        if on.contains("x") { verbose = true }
        if off.contains("x") { verbose = false }
        let keptOn = on.filter { "ims".contains($0) }, keptOff = off.filter { "ims".contains($0) }
        emit("(?" + keptOn + (keptOff.isEmpty ? "" : "-" + keptOff) + ":", from: start)
        index += 1
        previous = .nothing
        atStart = false
    }
}
