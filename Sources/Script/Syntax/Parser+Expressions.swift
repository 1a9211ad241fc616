extension Parser {
    /// `a, b, *c` (a tuple when there is a comma) or a single expression.
    mutating func parseTestList(allowStar: Bool) throws(SyntaxError) -> Expr {
        let first = try parseTestOrStar(allowStar: allowStar)
        guard at(.comma) else { return first }
        var items = [first]
        while accept(.comma) {
            if atExpressionEnd { break }
            items.append(try parseTestOrStar(allowStar: allowStar))
        }
        return .tuple(items)
    }

    /// Expressions separated by commas (for `del`).
    mutating func parseExpressionList() throws(SyntaxError) -> [Expr] {
        var items = [try parseOr(allowStar: false)]
        while accept(.comma) {
            if atExpressionEnd { break }
            items.append(try parseOr(allowStar: false))
        }
        return items
    }

    var atExpressionEnd: Bool {
        switch kind {
        case .newline, .endOfInput: return true
        case .punct(let p):
            switch p {
            case .assign, .rightParen, .rightBracket, .rightBrace, .semicolon, .colon: return true
            case .plusAssign, .minusAssign, .starAssign, .slashAssign, .floorDivAssign,
                 .percentAssign, .powAssign, .atAssign, .ampAssign, .pipeAssign, .caretAssign,
                 .shiftLeftAssign, .shiftRightAssign: return true
            default: return false
            }
        case .keyword(let k): return k == .in
        case .name, .int, .bigInt, .float, .imaginary, .string, .fstring, .magic, .indent, .dedent: return false
        }
    }

    mutating func parseTestOrStar(allowStar: Bool) throws(SyntaxError) -> Expr {
        if allowStar && accept(.star) { return .starred(try parseOr(allowStar: false)) }
        return try parseTest()
    }

    /// `test` with Python 3.8's `name := value` not supported (reported clearly).
    mutating func parseNamedTest() throws(SyntaxError) -> Expr {
        let test = try parseTest()
        if at(.walrus) {
            throw SyntaxError("assignment expressions (:=) are not supported in Recur script", at: current.location)
        }
        return test
    }

    mutating func parseTest() throws(SyntaxError) -> Expr {
        try nested { (p: inout Parser) throws(SyntaxError) -> Expr in
            if p.at(.lambda) { return try p.parseLambda() }
            let body = try p.parseOr(allowStar: false)
            guard p.accept(.if) else { return body }
            let test = try p.parseOr(allowStar: false)
            guard p.accept(.else) else {
                throw SyntaxError("expected 'else' after 'if' expression", at: p.current.location)
            }
            return .conditional(test: test, body: body, orElse: try p.parseTest())
        }
    }

    mutating func parseLambda() throws(SyntaxError) -> Expr {
        let startLine = line
        advance()
        let parameters = try parseParameters(closing: .colon)
        try expect(.colon)
        let body = try parseTest()
        let definition = FunctionDefinition(
            name: "<lambda>", parameters: parameters,
            body: [Stmt(kind: .return(body), line: startLine)], line: startLine)
        return .lambda(definition)
    }

    mutating func parseOr(allowStar: Bool) throws(SyntaxError) -> Expr {
        if allowStar && accept(.star) { return .starred(try parseOr(allowStar: false)) }
        var left = try parseAnd()
        var length = 0
        while accept(.or) {
            length += 1
            if length > Parser.maxChain { throw SyntaxError("too many operators in one expression (the limit is \(Parser.maxChain))", at: current.location) }
            left = .or(left, try parseAnd())
        }
        return left
    }

    mutating func parseAnd() throws(SyntaxError) -> Expr {
        var left = try parseNot()
        var length = 0
        while accept(.and) {
            length += 1
            if length > Parser.maxChain { throw SyntaxError("too many operators in one expression (the limit is \(Parser.maxChain))", at: current.location) }
            left = .and(left, try parseNot())
        }
        return left
    }

    mutating func parseNot() throws(SyntaxError) -> Expr {
        if accept(.not) {
            return try nested { (p: inout Parser) throws(SyntaxError) -> Expr in
                .unary(.not, try p.parseNot())
            }
        }
        return try parseComparison()
    }

    mutating func parseComparison() throws(SyntaxError) -> Expr {
        let left = try parseBitOr()
        var rest: [(CompareOp, Expr)] = []
        while true {
            var op: CompareOp
            switch kind {
            case .punct(.equal): op = .equal
            case .punct(.notEqual): op = .notEqual
            case .punct(.less): op = .less
            case .punct(.lessEqual): op = .lessEqual
            case .punct(.greater): op = .greater
            case .punct(.greaterEqual): op = .greaterEqual
            case .keyword(.in): op = .in
            case .keyword(.not):
                guard case .keyword(.in) = peekKind(1) else { return rest.isEmpty ? left : .compare(left, rest) }
                advance()
                op = .notIn
            case .keyword(.is):
                if case .keyword(.not) = peekKind(1) {
                    advance()
                    op = .isNot
                } else {
                    op = .is
                }
            default:
                return rest.isEmpty ? left : .compare(left, rest)
            }
            advance()
            rest.append((op, try parseBitOr()))
        }
    }

    /// The binary operators from `|` down to `*`, loosest first; each level's operands are
    /// the next level's expressions. Kept as small arrays built once: they are consulted at
    /// every operand of every expression.
    static let binaryLevels: [[(punct: Punct, op: BinaryOp)]] = [
        [(.pipe, .bitOr)],
        [(.caret, .bitXor)],
        [(.amp, .bitAnd)],
        [(.shiftLeft, .shiftLeft), (.shiftRight, .shiftRight)],
        [(.plus, .add), (.minus, .subtract)],
        [(.star, .multiply), (.slash, .divide), (.floorDiv, .floorDivide), (.percent, .modulo), (.at, .matmul)],
    ]

    mutating func parseBinaryLevel(_ level: Int) throws(SyntaxError) -> Expr {
        guard level < Parser.binaryLevels.count else { return try parseFactor() }
        let ops = Parser.binaryLevels[level]
        var left = try parseBinaryLevel(level + 1)
        var length = 0
        while case .punct(let p) = kind, let entry = ops.first(where: { $0.punct == p }) {
            // A chain `a + b + c ...` nests one level per operator; evaluating (and freeing) a
            // nest that deep recurses, so its length is bounded as nesting is.
            length += 1
            if length > Parser.maxChain {
                throw SyntaxError("too many operators in one expression (the limit is \(Parser.maxChain))", at: current.location)
            }
            advance()
            left = .binary(entry.op, left, try parseBinaryLevel(level + 1))
        }
        return left
    }

    mutating func parseBitOr() throws(SyntaxError) -> Expr {
        try parseBinaryLevel(0)
    }

    mutating func parseFactor() throws(SyntaxError) -> Expr {
        let op: UnaryOp? = switch kind {
        case .punct(.minus): .negate
        case .punct(.plus): .plus
        case .punct(.tilde): .invert
        default: nil
        }
        guard let op else { return try parsePower() }
        advance()
        return try nested { (p: inout Parser) throws(SyntaxError) -> Expr in
            let operand = try p.parseFactor()
            if op == .negate, case .literal(.int(let v)) = operand { return .literal(.int(-v)) }
            if op == .negate, case .literal(.float(let v)) = operand { return .literal(.float(-v)) }
            return .unary(op, operand)
        }
    }

    mutating func parsePower() throws(SyntaxError) -> Expr {
        let base = try parsePrimary()
        guard accept(.power) else { return base }
        return try nested { (p: inout Parser) throws(SyntaxError) -> Expr in
            .binary(.power, base, try p.parseFactor())
        }
    }

    mutating func parsePrimary() throws(SyntaxError) -> Expr {
        var expr = try parseAtom()
        while true {
            if accept(.dot) {
                expr = .attribute(expr, try expectName())
            } else if accept(.leftParen) {
                expr = .call(expr, CallSite(try parseArguments()))
            } else if accept(.leftBracket) {
                expr = .subscript(expr, try parseSubscript())
            } else {
                return expr
            }
        }
    }

    mutating func parseArguments() throws(SyntaxError) -> [Argument] {
        var arguments: [Argument] = []
        var sawKeyword = false
        while !at(.rightParen) {
            let location = current.location
            if accept(.star) {
                arguments.append(.star(try parseTest()))
            } else if accept(.power) {
                sawKeyword = true
                arguments.append(.doubleStar(try parseTest()))
            } else if case .name(let name) = kind, case .punct(.assign) = peekKind(1) {
                advance(); advance()
                sawKeyword = true
                arguments.append(.keyword(name, try parseTest()))
            } else {
                let value = try parseTest()
                if at(.for) {
                    arguments.append(.positional(.generator(value, try parseComprehensionClauses(), CodeScope(kind: .function))))
                } else {
                    if sawKeyword {
                        throw SyntaxError("positional argument follows keyword argument", at: location)
                    }
                    arguments.append(.positional(value))
                }
            }
            if !accept(.comma) { break }
        }
        try expect(.rightParen)
        return arguments
    }

    mutating func parseSubscript() throws(SyntaxError) -> Expr {
        var items: [Expr] = []
        var sawComma = false
        while !at(.rightBracket) {
            items.append(try parseSliceItem())
            if !accept(.comma) { break }
            sawComma = true
        }
        try expect(.rightBracket)
        if items.isEmpty { throw SyntaxError("invalid syntax", at: current.location) }
        return sawComma || items.count > 1 ? .tuple(items) : items[0]
    }

    mutating func parseSliceItem() throws(SyntaxError) -> Expr {
        var lower: Expr?
        if !at(.colon) {
            let value = try parseTestOrStar(allowStar: true)
            guard at(.colon) else { return value }
            lower = value
        }
        advance()
        var upper: Expr?
        var step: Expr?
        if !at(.colon) && !at(.comma) && !at(.rightBracket) { upper = try parseTest() }
        if accept(.colon), !at(.comma) && !at(.rightBracket) { step = try parseTest() }
        return .slice(lower: lower, upper: upper, step: step)
    }

    mutating func parseComprehensionClauses() throws(SyntaxError) -> [ComprehensionClause] {
        var clauses: [ComprehensionClause] = []
        while accept(.for) {
            let target = try parseTargetList()
            guard accept(.in) else { throw invalid() }
            let iterable = try parseOr(allowStar: false)
            var conditions: [Expr] = []
            while accept(.if) { conditions.append(try parseOrNoConditional()) }
            clauses.append(ComprehensionClause(target: target, iterable: iterable, conditions: conditions))
        }
        return clauses
    }

    mutating func parseOrNoConditional() throws(SyntaxError) -> Expr {
        try nested { (p: inout Parser) throws(SyntaxError) -> Expr in try p.parseOr(allowStar: false) }
    }
}
