/// Recursive-descent parser for Recur script. Nesting is bounded so that no input can
/// exhaust the stack: past `maxDepth` the parser reports an error instead of recursing.
package struct Parser {
    static let maxDepth = 200
    /// The most operators one chain (`1 + 1 + ...`) may hold.
    static let maxChain = 5_000

    let tokens: [Token]
    /// The source's lines as scalars, for the text of annotations.
    package let lines: [[Unicode.Scalar]]
    package var index = 0
    package var depth = 0

    package init(tokens: [Token], source: String = "") {
        self.tokens = tokens
        self.lines = source.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
    }

    /// The source text from `start` up to (not including) `end`, spaces trimmed; lines
    /// joined by a space.
    package func text(from start: SourceLocation, to end: SourceLocation) -> String {
        var pieces: [String] = []
        for line in start.line...max(start.line, end.line) where line >= 1 && line <= lines.count {
            let scalars = lines[line - 1]
            let lower = line == start.line ? min(max(start.column - 1, 0), scalars.count) : 0
            let upper = line == end.line ? min(max(end.column - 1, lower), scalars.count) : scalars.count
            var piece = scalars[lower..<upper]
            while let first = piece.first, " \t\r\\".unicodeScalars.contains(first) { piece.removeFirst() }
            while let last = piece.last, " \t\r\\".unicodeScalars.contains(last) { piece.removeLast() }
            pieces.append(String(String.UnicodeScalarView(piece)))
        }
        return pieces.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// Parses a whole cell.
    package static func parse(_ source: String) throws(SyntaxError) -> [Stmt] {
        var parser = Parser(tokens: try Lexer.tokenize(source), source: source)
        let statements = try parser.parseModule()
        try Resolver.resolve(module: statements)
        return statements
    }

    /// Parses a single expression (for `user_expressions` and f-string fields).
    package static func parseExpression(_ source: String) throws(SyntaxError) -> Expr {
        var parser = Parser(tokens: try Lexer.tokenize(source))
        let expr = try parser.parseTestList(allowStar: false)
        while case .newline = parser.current.kind { parser.index += 1 }
        guard case .endOfInput = parser.current.kind else { throw parser.invalid() }
        try Resolver.resolve(expression: expr)
        return expr
    }

    package var current: Token { tokens[min(index, tokens.count - 1)] }
    package var kind: TokenKind { current.kind }
    package var line: Int { current.location.line }

    func peekKind(_ offset: Int) -> TokenKind {
        tokens[min(index + offset, tokens.count - 1)].kind
    }

    package mutating func advance() {
        if index < tokens.count - 1 { index += 1 }
    }

    package func at(_ punct: Punct) -> Bool {
        if case .punct(let p) = kind { return p == punct }
        return false
    }

    package func at(_ keyword: Keyword) -> Bool {
        if case .keyword(let k) = kind { return k == keyword }
        return false
    }

    package mutating func accept(_ punct: Punct) -> Bool {
        guard at(punct) else { return false }
        advance()
        return true
    }

    package mutating func accept(_ keyword: Keyword) -> Bool {
        guard at(keyword) else { return false }
        advance()
        return true
    }

    package mutating func expect(_ punct: Punct, _ message: String? = nil) throws(SyntaxError) {
        guard accept(punct) else {
            throw message.map { SyntaxError($0, at: current.location) } ?? invalid()
        }
    }

    mutating func expectName() throws(SyntaxError) -> String {
        guard case .name(let name) = kind else { throw invalid() }
        advance()
        return name
    }

    package func invalid() -> SyntaxError {
        switch kind {
        case .endOfInput:
            return SyntaxError("unexpected EOF while parsing", at: current.location, atEndOfInput: true)
        case .indent:
            return SyntaxError("unexpected indent", at: current.location, kind: .indentation)
        case .dedent:
            return SyntaxError("unindent does not match any outer indentation level",
                               at: current.location, kind: .indentation)
        case .name, .int, .bigInt, .float, .imaginary, .string, .bytes, .fstring, .keyword, .punct, .magic, .newline:
            return SyntaxError("invalid syntax", at: current.location)
        }
    }

    /// Runs `body` one level deeper, failing cleanly past the limit.
    package mutating func nested<T>(_ body: (inout Parser) throws(SyntaxError) -> T) throws(SyntaxError) -> T {
        depth += 1
        defer { depth -= 1 }
        if depth > Parser.maxDepth {
            throw SyntaxError("too many nested expressions (the limit is \(Parser.maxDepth))",
                              at: current.location)
        }
        return try body(&self)
    }

    mutating func parseModule() throws(SyntaxError) -> [Stmt] {
        var statements: [Stmt] = []
        while true {
            switch kind {
            case .endOfInput: return statements
            case .newline: advance()
            case .name, .int, .bigInt, .float, .imaginary, .string, .bytes, .fstring, .keyword, .punct, .magic, .indent,
                 .dedent:
                let start = current.location
                let parsed = try parseStatement()
                if parsed.contains(where: \.containsYield) { throw SyntaxError("'yield' outside function", at: start) }
                statements.append(contentsOf: parsed)
            }
        }
    }
}
