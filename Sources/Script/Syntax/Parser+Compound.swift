/// Compound statements: `if`, `while`, `for`, `with`, `try`, `def`, `class`, decorators.
extension Parser {
    mutating func parseIf() throws(SyntaxError) -> Stmt {
        let startLine = line
        advance()
        var branches = [(test: try parseNamedTest(), body: try parseBlock(after: "'if' statement", line: startLine))]
        var orElse: [Stmt] = []
        while at(.elif) {
            let elifLine = line
            advance()
            branches.append((try parseNamedTest(), try parseBlock(after: "'elif' statement", line: elifLine)))
        }
        if at(.else) {
            let elseLine = line
            advance()
            orElse = try parseBlock(after: "'else' statement", line: elseLine)
        }
        return Stmt(kind: .if(branches: branches, orElse: orElse), line: startLine)
    }

    mutating func parseWhile() throws(SyntaxError) -> Stmt {
        let startLine = line
        advance()
        let test = try parseNamedTest()
        let body = try parseBlock(after: "'while' statement", line: startLine)
        let orElse = try parseElse()
        return Stmt(kind: .while(test: test, body: body, orElse: orElse), line: startLine)
    }

    mutating func parseElse() throws(SyntaxError) -> [Stmt] {
        guard at(.else) else { return [] }
        let elseLine = line
        advance()
        return try parseBlock(after: "'else' statement", line: elseLine)
    }

    mutating func parseFor() throws(SyntaxError) -> Stmt {
        let startLine = line
        advance()
        let target = try parseTargetList()
        guard accept(.in) else { throw invalid() }
        let iterable = try parseTestList(allowStar: true)
        let body = try parseBlock(after: "'for' statement", line: startLine)
        let orElse = try parseElse()
        return Stmt(kind: .for(target: target, iterable: iterable, body: body, orElse: orElse), line: startLine)
    }

    /// Loop and comprehension targets: `a`, `a, b`, `(a, b)`, `i, (x, y)`.
    mutating func parseTargetList() throws(SyntaxError) -> Expr {
        var items = [try parseTargetItem()]
        var sawComma = false
        while accept(.comma) {
            sawComma = true
            if at(.in) { break }
            items.append(try parseTargetItem())
        }
        let target = sawComma ? Expr.tuple(items) : items[0]
        try checkTarget(target, deleting: false)
        return target
    }

    /// A target stops before comparisons, so `for x in xs` does not read `x in xs`.
    mutating func parseTargetItem() throws(SyntaxError) -> Expr {
        if accept(.star) { return .starred(try parseBitOr()) }
        return try parseBitOr()
    }

    mutating func parseWith() throws(SyntaxError) -> Stmt {
        let startLine = line
        advance()
        var items: [(context: Expr, target: Expr?)] = []
        repeat {
            let context = try parseTest()
            var target: Expr?
            if accept(.as) {
                let t = try parseOr(allowStar: false)
                try checkTarget(t, deleting: false)
                target = t
            }
            items.append((context, target))
        } while accept(.comma)
        let body = try parseBlock(after: "'with' statement", line: startLine)
        return Stmt(kind: .with(items: items, body: body), line: startLine)
    }

    mutating func parseTry() throws(SyntaxError) -> Stmt {
        let startLine = line
        advance()
        let body = try parseBlock(after: "'try' statement", line: startLine)
        var handlers: [ExceptHandler] = []
        while at(.except) {
            let handlerLine = line
            advance()
            var type: Expr?
            var name: String?
            if !at(.colon) {
                type = try parseTest()
                if accept(.comma) {
                    throw SyntaxError("multiple exception types must be parenthesized", at: current.location)
                }
                if accept(.as) { name = try expectName() }
            }
            let handlerBody = try parseBlock(after: "'except' statement", line: handlerLine)
            handlers.append(ExceptHandler(type: type, name: name, body: handlerBody, line: handlerLine))
        }
        let orElse = handlers.isEmpty ? [] : try parseElse()
        var finally: [Stmt] = []
        if at(.finally) {
            let finallyLine = line
            advance()
            finally = try parseBlock(after: "'finally' statement", line: finallyLine)
        }
        if handlers.isEmpty && finally.isEmpty {
            if case .endOfInput = kind {
                throw SyntaxError("expected 'except' or 'finally' block", at: current.location, atEndOfInput: true)
            }
            throw SyntaxError("expected 'except' or 'finally' block", at: current.location)
        }
        return Stmt(kind: .try(body: body, handlers: handlers, orElse: orElse, finally: finally), line: startLine)
    }

    mutating func parseDecorated() throws(SyntaxError) -> Stmt {
        var decorators: [Expr] = []
        while accept(.at) {
            decorators.append(try parseTest())
            guard case .newline = kind else { throw invalid() }
            advance()
        }
        if at(.def) { return try parseDef(decorators: decorators) }
        if at(.class) { return try parseClass(decorators: decorators) }
        throw invalid()
    }

    mutating func parseDef(decorators: [Expr]) throws(SyntaxError) -> Stmt {
        let startLine = line
        advance()
        let name = try expectName()
        try expect(.leftParen, "expected '('")
        let parameters = try parseParameters(closing: .rightParen)
        try expect(.rightParen)
        if accept(.arrow) { _ = try parseTest() }
        let body = try parseBlock(after: "function definition", line: startLine)
        let definition = FunctionDefinition(name: name, parameters: parameters, body: body, line: startLine)
        return Stmt(kind: .functionDef(definition, decorators: decorators), line: startLine)
    }

    /// Parameters up to (not including) `closing`; for lambdas the closer is `:`.
    mutating func parseParameters(closing: Punct) throws(SyntaxError) -> [Parameter] {
        var parameters: [Parameter] = []
        var keywordOnly = false
        var seen = Set<String>()
        var sawSlash = false
        while !at(closing) {
            let location = current.location
            var parameter: Parameter
            if accept(.slash) {
                // Everything before `/` is positional-only.
                if sawSlash { throw SyntaxError("/ may appear only once", at: location) }
                if keywordOnly { throw SyntaxError("/ must be ahead of *", at: location) }
                if parameters.isEmpty { throw SyntaxError("at least one argument must precede /", at: location) }
                sawSlash = true
                for i in parameters.indices { parameters[i].kind = .positionalOnly }
                if !accept(.comma) { break }
                continue
            }
            if accept(.star) {
                if at(.comma) {
                    keywordOnly = true
                    advance()
                    continue
                }
                parameter = Parameter(name: try expectName(), kind: .varPositional, defaultValue: nil)
                keywordOnly = true
            } else if accept(.power) {
                parameter = Parameter(name: try expectName(), kind: .varKeyword, defaultValue: nil)
            } else {
                let name = try expectName()
                if closing == .rightParen && accept(.colon) { _ = try parseTest() }
                var defaultValue: Expr?
                if accept(.assign) {
                    defaultValue = try parseTest()
                } else if !keywordOnly, parameters.contains(where: { $0.defaultValue != nil && $0.kind.isPositional }) {
                    throw SyntaxError("non-default argument follows default argument", at: location)
                }
                parameter = Parameter(name: name, kind: keywordOnly ? .keywordOnly : .normal, defaultValue: defaultValue)
            }
            if !seen.insert(parameter.name).inserted {
                throw SyntaxError("duplicate argument '\(parameter.name)' in function definition", at: location)
            }
            parameters.append(parameter)
            if !accept(.comma) { break }
        }
        return parameters
    }

    mutating func parseClass(decorators: [Expr]) throws(SyntaxError) -> Stmt {
        let startLine = line
        advance()
        let name = try expectName()
        var bases: [Expr] = []
        var keywords: [(name: String, value: Expr)] = []
        if accept(.leftParen) {
            while !at(.rightParen) {
                if case .name(let keyword) = kind, case .punct(.assign) = peekKind(1) {
                    advance(); advance()
                    if keywords.contains(where: { $0.name == keyword }) {
                        throw SyntaxError("keyword argument repeated: \(keyword)", at: current.location)
                    }
                    keywords.append((keyword, try parseTest()))
                } else {
                    bases.append(try parseTest())
                }
                if !accept(.comma) { break }
            }
            try expect(.rightParen)
        }
        let bodyStart = current.location
        let body = try parseBlock(after: "class definition", line: startLine)
        if body.contains(where: \.containsYield) { throw SyntaxError("'yield' outside function", at: bodyStart) }
        return Stmt(kind: .classDef(name: name, bases: bases, keywords: keywords, body: body, decorators: decorators,
                                    code: CodeScope(kind: .classBody)), line: startLine)
    }
}
