extension Parser {
    mutating func parseAtom() throws(SyntaxError) -> Expr {
        let token = current
        switch token.kind {
        case .name(let name):
            advance()
            return .name(NameRef(name))
        case .int(let value):
            advance()
            return .literal(.int(value))
        case .bigInt(let value):
            advance()
            return .literal(.bigInt(value))
        case .float(let value):
            advance()
            return .literal(.float(value))
        case .keyword(.true):
            advance()
            return .literal(.bool(true))
        case .keyword(.false):
            advance()
            return .literal(.bool(false))
        case .keyword(.none):
            advance()
            return .literal(.none)
        case .punct(.ellipsis):
            advance()
            return .literal(.ellipsis)
        case .string, .fstring:
            return try parseStrings()
        case .bytes:
            return try parseBytes()
        case .punct(.leftParen):
            advance()
            return try nested { (p: inout Parser) throws(SyntaxError) -> Expr in try p.parseParenthesized() }
        case .punct(.leftBracket):
            advance()
            return try nested { (p: inout Parser) throws(SyntaxError) -> Expr in try p.parseListDisplay() }
        case .punct(.leftBrace):
            advance()
            return try nested { (p: inout Parser) throws(SyntaxError) -> Expr in try p.parseBraceDisplay() }
        case .keyword(.yield):
            throw SyntaxError("Recur script accepts 'yield' as a statement or as the whole value of an assignment "
                              + "(x = yield value), not inside an expression", at: token.location)
        case .keyword, .punct, .imaginary, .magic, .newline, .indent, .dedent, .endOfInput:
            throw invalid()
        }
    }

    /// Adjacent string literals concatenate; any f-string among them makes the whole an f-string.
    mutating func parseStrings() throws(SyntaxError) -> Expr {
        var parts: [FStringPart] = []
        var isFormatted = false
        while true {
            switch kind {
            case .string(let text):
                parts.append(.literal(text))
            case .fstring(let body, let raw):
                isFormatted = true
                parts.append(contentsOf: try FStringParser.parts(of: body, raw: raw, at: current.location))
            case .bytes:
                throw SyntaxError("cannot mix bytes and nonbytes literals", at: current.location)
            case .name, .int, .bigInt, .float, .imaginary, .keyword, .punct, .magic, .newline, .indent, .dedent,
                 .endOfInput:
                if !isFormatted {
                    var text = ""
                    for case .literal(let piece) in parts { text += piece }
                    return .literal(.string(text))
                }
                return .fstring(parts)
            }
            advance()
        }
    }

    /// Adjacent bytes literals concatenate; a str literal among them is an error.
    mutating func parseBytes() throws(SyntaxError) -> Expr {
        var value: [UInt8] = []
        while true {
            switch kind {
            case .bytes(let piece):
                value += piece
            case .string, .fstring:
                throw SyntaxError("cannot mix bytes and nonbytes literals", at: current.location)
            case .name, .int, .bigInt, .float, .imaginary, .keyword, .punct, .magic, .newline, .indent, .dedent,
                 .endOfInput:
                return .literal(.bytes(value))
            }
            advance()
        }
    }

    mutating func parseParenthesized() throws(SyntaxError) -> Expr {
        if accept(.rightParen) { return .tuple([]) }
        if at(.walrus) { throw invalid() }
        let first = try parseTestOrStar(allowStar: true)
        if at(.for) {
            let clauses = try parseComprehensionClauses()
            try expect(.rightParen)
            return .generator(first, clauses, CodeScope(kind: .function))
        }
        if accept(.rightParen) {
            if case .starred = first {
                throw SyntaxError("cannot use starred expression here", at: current.location)
            }
            return first
        }
        guard accept(.comma) else {
            if at(.walrus) {
                throw SyntaxError("assignment expressions (:=) are not supported in Recur script", at: current.location)
            }
            throw SyntaxError("invalid syntax. Perhaps you forgot a comma?", at: current.location)
        }
        var items = [first]
        while !at(.rightParen) {
            items.append(try parseTestOrStar(allowStar: true))
            if !accept(.comma) { break }
        }
        try expect(.rightParen)
        return .tuple(items)
    }

    mutating func parseListDisplay() throws(SyntaxError) -> Expr {
        if accept(.rightBracket) { return .list([]) }
        let first = try parseTestOrStar(allowStar: true)
        if at(.for) {
            let clauses = try parseComprehensionClauses()
            try expect(.rightBracket)
            return .listComprehension(first, clauses, CodeScope(kind: .function))
        }
        var items = [first]
        while accept(.comma) {
            if at(.rightBracket) { break }
            items.append(try parseTestOrStar(allowStar: true))
        }
        guard accept(.rightBracket) else {
            throw SyntaxError("invalid syntax. Perhaps you forgot a comma?", at: current.location)
        }
        return .list(items)
    }

    mutating func parseBraceDisplay() throws(SyntaxError) -> Expr {
        if accept(.rightBrace) { return .dict([]) }
        if accept(.power) {
            var entries: [(key: Expr?, value: Expr)] = [(nil, try parseBitOr())]
            try parseDictRest(&entries)
            return .dict(entries)
        }
        let first = try parseTestOrStar(allowStar: true)
        if accept(.colon) {
            let value = try parseTest()
            if at(.for) {
                let clauses = try parseComprehensionClauses()
                try expect(.rightBrace)
                return .dictComprehension(key: first, value: value, clauses, CodeScope(kind: .function))
            }
            var entries: [(key: Expr?, value: Expr)] = [(first, value)]
            try parseDictRest(&entries)
            return .dict(entries)
        }
        if at(.for) {
            let clauses = try parseComprehensionClauses()
            try expect(.rightBrace)
            return .setComprehension(first, clauses, CodeScope(kind: .function))
        }
        var items = [first]
        while accept(.comma) {
            if at(.rightBrace) { break }
            items.append(try parseTestOrStar(allowStar: true))
        }
        try expect(.rightBrace)
        return .set(items)
    }

    mutating func parseDictRest(_ entries: inout [(key: Expr?, value: Expr)]) throws(SyntaxError) {
        while accept(.comma) {
            if at(.rightBrace) { break }
            if accept(.power) {
                entries.append((nil, try parseBitOr()))
                continue
            }
            let key = try parseTest()
            try expect(.colon, "':' expected after dictionary key")
            entries.append((key, try parseTest()))
        }
        try expect(.rightBrace, "'{' was never closed")
    }
}
