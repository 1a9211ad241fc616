/// Turns a cell's text into tokens, Python style: logical lines, INDENT/DEDENT, brackets
/// joining lines, comments and backslash continuations dropped.
package struct Lexer {
    static let maxBracketDepth = 200
    static let maxIndentDepth = 100

    package let scalars: [Unicode.Scalar]
    package var position = 0
    package var line = 1
    var lineStart = 0
    var indentStack: [Int] = [0]
    var brackets: [(punct: Punct, location: SourceLocation)] = []
    var atLineStart = true
    var tokens: [Token] = []

    init(_ source: String) {
        scalars = Array(source.unicodeScalars)
    }

    /// Tokenizes the whole source.
    static func tokenize(_ source: String) throws(SyntaxError) -> [Token] {
        var lexer = Lexer(source)
        try lexer.run()
        return lexer.tokens
    }

    package var location: SourceLocation { SourceLocation(line: line, column: position - lineStart + 1) }

    func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        let index = position + offset
        return index < scalars.count ? scalars[index] : nil
    }

    mutating func newLine() {
        line += 1
        lineStart = position
    }

    package mutating func emit(_ kind: TokenKind, at location: SourceLocation) {
        tokens.append(Token(kind: kind, location: location))
    }

    mutating func emitNewlineIfNeeded() {
        guard let last = tokens.last else { return }
        switch last.kind {
        case .newline, .indent, .dedent: return
        case .name, .int, .bigInt, .float, .imaginary, .string, .bytes, .fstring, .keyword, .punct, .magic, .endOfInput:
            emit(.newline, at: location)
        }
    }

    package mutating func run() throws(SyntaxError) {
        while true {
            if atLineStart && brackets.isEmpty {
                if try startLogicalLine() { continue }
            }
            while let c = peek(), c == " " || c == "\t" || c == "\u{0C}" { position += 1 }
            guard let c = peek() else {
                try finish()
                return
            }
            switch c {
            case "#":
                while let d = peek(), d != "\n" { position += 1 }
            case "\\":
                if peek(1) == "\n" {
                    position += 2
                    newLine()
                } else if peek(1) == "\r" && peek(2) == "\n" {
                    position += 3
                    newLine()
                } else if peek(1) == nil {
                    throw SyntaxError("unexpected EOF while parsing", at: location, atEndOfInput: true)
                } else {
                    throw SyntaxError("unexpected character after line continuation character",
                                      at: location)
                }
            case "\r":
                position += 1
            case "\n":
                position += 1
                if brackets.isEmpty {
                    emitNewlineIfNeeded()
                    atLineStart = true
                }
                newLine()
            default:
                try lexToken(c)
            }
        }
    }

    package mutating func finish() throws(SyntaxError) {
        if let open = brackets.last {
            throw SyntaxError("'\(open.punct.rawValue)' was never closed", at: open.location,
                              atEndOfInput: true)
        }
        emitNewlineIfNeeded()
        while indentStack.count > 1 {
            indentStack.removeLast()
            emit(.dedent, at: location)
        }
        emit(.endOfInput, at: location)
    }

    /// Measures indentation at the start of a line; returns true when the line was blank
    /// (or a comment) and has been consumed.
    mutating func startLogicalLine() throws(SyntaxError) -> Bool {
        var width = 0
        while let c = peek() {
            if c == " " { width += 1 } else if c == "\t" { width = (width / 8 + 1) * 8 }
            else if c == "\u{0C}" { width = 0 } else { break }
            position += 1
        }
        guard let c = peek() else { return false }
        if c == "#" || c == "\n" || c == "\r" {
            while let d = peek(), d != "\n" { position += 1 }
            if peek() == "\n" {
                position += 1
                newLine()
            }
            return true
        }
        let here = location
        if width > indentStack[indentStack.count - 1] {
            if tokens.isEmpty {
                throw SyntaxError("unexpected indent", at: here, kind: .indentation)
            }
            if indentStack.count > Lexer.maxIndentDepth {
                throw SyntaxError("too many levels of indentation", at: here, kind: .indentation)
            }
            indentStack.append(width)
            emit(.indent, at: here)
        } else {
            while width < indentStack[indentStack.count - 1] {
                indentStack.removeLast()
                emit(.dedent, at: here)
            }
            if width != indentStack[indentStack.count - 1] {
                throw SyntaxError("unindent does not match any outer indentation level",
                                  at: here, kind: .indentation)
            }
        }
        atLineStart = false
        if let magic = magicLine() {
            emit(.magic(magic), at: here)
            return true
        }
        return false
    }

    /// Recognizes IPython's line forms that are not Python: `%magic`, `!cmd`, `name?`.
    mutating func magicLine() -> String? {
        var end = position
        while end < scalars.count && scalars[end] != "\n" { end += 1 }
        // Most lines are code: only build the line's text when it can be one of these forms.
        var last = end
        while last > position, scalars[last - 1] == " " || scalars[last - 1] == "\r" || scalars[last - 1] == "\t" { last -= 1 }
        if position < end, !"%!?".unicodeScalars.contains(scalars[position]),
           Lexer.magicAssignment(scalars[position..<end]) != nil {
            // `files = !ls`, `here = %pwd`: the whole line, run (and assigned) as a magic.
            let text = Lexer.string(scalars[position..<last])
            position = end
            return text
        }
        guard position < end, "%!?".unicodeScalars.contains(scalars[position])
                || (last > position && scalars[last - 1] == "?") else { return nil }
        var text = Lexer.string(scalars[position..<end])
        while text.hasSuffix(" ") || text.hasSuffix("\r") || text.hasSuffix("\t") {
            text.removeLast()
        }
        let first = scalars[position]
        let isHelp = (text.hasSuffix("?") || text.hasPrefix("?")) && text.unicodeScalars.allSatisfy {
            $0 == "?" || $0 == "." || $0 == "_" || $0.properties.isAlphabetic
                || ("0"..."9").contains($0)
        }
        guard first == "%" || first == "!" || isHelp else { return nil }
        // `%` also starts nothing else at a line start in Python, so this cannot shadow code.
        position = end
        return text
    }

    /// IPython's assignments from the shell and from magics: where `line` is `targets = !cmd`
    /// or `targets = %magic ...`, the index of its `=` (the first one outside brackets and
    /// strings, as IPython's `_find_assign_op` finds it).
    static func magicAssignment(_ line: ArraySlice<Unicode.Scalar>) -> Int? {
        // Most lines have neither mark: only those are scanned.
        guard line.contains(where: { $0 == "!" || $0 == "%" }) else { return nil }
        var depth = 0
        var index = line.startIndex
        var quote: Unicode.Scalar?
        while index < line.endIndex {
            let c = line[index]
            if let open = quote {
                if c == "\\" { index += 1 } else if c == open { quote = nil }
                index += 1
                continue
            }
            switch c {
            case "'", "\"": quote = c
            case "#": return nil
            case "(", "[", "{": depth += 1
            case ")", "]", "}": depth = max(0, depth - 1)
            case "=" where depth == 0:
                let before = index > line.startIndex ? line[index - 1] : " "
                let after = index + 1 < line.endIndex ? line[index + 1] : " "
                // `==`, `<=`, `+=`, `:=`, ...: not an assignment's `=`.
                if after == "=" || "=!<>+-*/%&|^@:".unicodeScalars.contains(before) { return nil }
                guard line[line.startIndex..<index].contains(where: { $0 != " " && $0 != "\t" }) else { return nil }
                var next = index + 1
                while next < line.endIndex, line[next] == " " || line[next] == "\t" { next += 1 }
                guard next < line.endIndex else { return nil }
                if line[next] == "!" { return index }
                if line[next] == "%", next + 1 < line.endIndex, isIdentifierStart(line[next + 1]) { return index }
                return nil
            default: break
            }
            index += 1
        }
        return nil
    }

    mutating func pushBracket(_ punct: Punct, at location: SourceLocation) throws(SyntaxError) {
        if brackets.count >= Lexer.maxBracketDepth {
            throw SyntaxError("too many nested parentheses", at: location)
        }
        brackets.append((punct, location))
    }

    mutating func popBracket(_ punct: Punct, at location: SourceLocation) throws(SyntaxError) {
        guard let open = brackets.last else {
            throw SyntaxError("unmatched '\(punct.rawValue)'", at: location)
        }
        let expected: Punct = switch open.punct {
        case .leftParen: .rightParen
        case .leftBracket: .rightBracket
        default: .rightBrace
        }
        if expected != punct {
            throw SyntaxError("closing parenthesis '\(punct.rawValue)' does not match opening "
                              + "parenthesis '\(open.punct.rawValue)'", at: location)
        }
        brackets.removeLast()
    }

    mutating func lexToken(_ c: Unicode.Scalar) throws(SyntaxError) {
        let start = location
        if Lexer.isIdentifierStart(c) {
            try lexNameOrString(start)
        } else if ("0"..."9").contains(c) || (c == "." && peek(1).map { ("0"..."9").contains($0) } == true) {
            try lexNumber(start)
        } else if c == "'" || c == "\"" {
            try lexString(start, raw: false, format: false)
        } else if let punct = matchPunct() {
            switch punct {
            case .leftParen, .leftBracket, .leftBrace: try pushBracket(punct, at: start)
            case .rightParen, .rightBracket, .rightBrace: try popBracket(punct, at: start)
            default: break
            }
            emit(.punct(punct), at: start)
        } else {
            let hex = String(c.value, radix: 16, uppercase: true)
            let padded = String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            throw SyntaxError("invalid character '\(Character(c))' (U+\(padded))", at: start)
        }
    }

    /// The longest punctuator at the cursor, decided on the scalars themselves: this runs
    /// for every operator of every cell, so it builds no strings.
    mutating func matchPunct() -> Punct? {
        guard let c = peek() else { return nil }
        let second = peek(1), third = peek(2)
        let assigns = second == "="
        /// `xx=`, `xx` or `x=`, `x` for the operators that double (`**=`, `//=`, `<<=`, `>>=`).
        func doubled(_ tripleAssign: Punct, _ double: Punct, _ singleAssign: Punct, _ single: Punct) -> (Punct, Int) {
            if second == c { return third == "=" ? (tripleAssign, 3) : (double, 2) }
            return assigns ? (singleAssign, 2) : (single, 1)
        }
        let match: (Punct, Int)? = switch c {
        case "*": doubled(.powAssign, .power, .starAssign, .star)
        case "/": doubled(.floorDivAssign, .floorDiv, .slashAssign, .slash)
        case "<": doubled(.shiftLeftAssign, .shiftLeft, .lessEqual, .less)
        case ">": doubled(.shiftRightAssign, .shiftRight, .greaterEqual, .greater)
        case ".": second == "." && third == "." ? (.ellipsis, 3) : (.dot, 1)
        case "-": second == ">" ? (.arrow, 2) : assigns ? (.minusAssign, 2) : (.minus, 1)
        case "=": assigns ? (.equal, 2) : (.assign, 1)
        case "!": assigns ? (.notEqual, 2) : nil
        case "+": assigns ? (.plusAssign, 2) : (.plus, 1)
        case "%": assigns ? (.percentAssign, 2) : (.percent, 1)
        case "@": assigns ? (.atAssign, 2) : (.at, 1)
        case "&": assigns ? (.ampAssign, 2) : (.amp, 1)
        case "|": assigns ? (.pipeAssign, 2) : (.pipe, 1)
        case "^": assigns ? (.caretAssign, 2) : (.caret, 1)
        case ":": assigns ? (.walrus, 2) : (.colon, 1)
        case ",": (.comma, 1)
        case ";": (.semicolon, 1)
        case "(": (.leftParen, 1)
        case ")": (.rightParen, 1)
        case "[": (.leftBracket, 1)
        case "]": (.rightBracket, 1)
        case "{": (.leftBrace, 1)
        case "}": (.rightBrace, 1)
        case "~": (.tilde, 1)
        default: nil
        }
        guard let (punct, length) = match else { return nil }
        position += length
        return punct
    }

    /// Keywords by spelling (one hash instead of comparing against every keyword).
    package static let keywords: [String: Keyword] = Dictionary(uniqueKeysWithValues: Keyword.allCases.map { ($0.rawValue, $0) })

    /// The text of a run of scalars, written as UTF-8 straight into the string's storage
    /// (building a `String.UnicodeScalarView` from a slice goes through a slow generic path,
    /// and every name of every cell comes through here).
    package static func string(_ run: ArraySlice<Unicode.Scalar>) -> String {
        var capacity = 0
        for scalar in run { capacity += UTF8.width(scalar) }
        return String(unsafeUninitializedCapacity: capacity) { buffer in
            var count = 0
            for scalar in run {
                UTF8.encode(scalar) { byte in
                    buffer[count] = byte
                    count += 1
                }
            }
            return count
        }
    }

    static func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
        c == "_" || ("a"..."z").contains(c) || ("A"..."Z").contains(c)
            || (c.value > 127 && c.properties.isXIDStart)
    }

    static func isIdentifierContinue(_ c: Unicode.Scalar) -> Bool {
        c == "_" || ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c)
            || (c.value > 127 && c.properties.isXIDContinue)
    }

    mutating func lexNameOrString(_ start: SourceLocation) throws(SyntaxError) {
        let begin = position
        while let c = peek(), Lexer.isIdentifierContinue(c) { position += 1 }
        let name = Lexer.string(scalars[begin..<position])
        if let q = peek(), q == "'" || q == "\"", name.count <= 2 {
            let lower = name.lowercased()
            let known: Set<String> = ["r", "u", "f", "b", "rf", "fr", "br", "rb"]
            if known.contains(lower) {
                try lexString(start, raw: lower.contains("r"), format: lower.contains("f"), bytes: lower.contains("b"))
                return
            }
        }
        if let keyword = Lexer.keywords[name] {
            emit(.keyword(keyword), at: start)
        } else {
            emit(.name(name), at: start)
        }
    }
}
