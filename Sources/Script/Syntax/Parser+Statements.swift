extension Parser {
    /// One statement line: a compound statement, or simple statements joined by `;`.
    mutating func parseStatement() throws(SyntaxError) -> [Stmt] {
        let startLine = line
        switch kind {
        case .keyword(.if): return [try parseIf()]
        case .keyword(.while): return [try parseWhile()]
        case .keyword(.for): return [try parseFor()]
        case .keyword(.def): return [try parseDef(decorators: [])]
        case .keyword(.class): return [try parseClass(decorators: [])]
        case .keyword(.try): return [try parseTry()]
        case .keyword(.with): return [try parseWith()]
        case .punct(.at): return [try parseDecorated()]
        case .indent: throw invalid()
        case .magic(let text):
            advance()
            if case .newline = kind { advance() }
            return [Stmt(kind: .magic(text), line: startLine)]
        case .name, .int, .bigInt, .float, .imaginary, .string, .bytes, .fstring, .keyword, .punct, .newline, .dedent,
             .endOfInput:
            return try parseSimpleStatements()
        }
    }

    mutating func parseSimpleStatements() throws(SyntaxError) -> [Stmt] {
        var statements: [Stmt] = []
        while true {
            statements.append(try parseSmallStatement())
            if accept(.semicolon) {
                if case .newline = kind { break }
                if case .endOfInput = kind { break }
                continue
            }
            break
        }
        switch kind {
        case .newline: advance()
        case .endOfInput: break
        case .name, .int, .bigInt, .float, .imaginary, .string, .bytes, .fstring, .keyword, .punct, .magic, .indent, .dedent:
            throw invalid()
        }
        return statements
    }

    mutating func parseSmallStatement() throws(SyntaxError) -> Stmt {
        let startLine = line
        func make(_ kind: StmtKind) -> Stmt { Stmt(kind: kind, line: startLine) }
        switch kind {
        case .keyword(.pass): advance(); return make(.pass)
        case .keyword(.break): advance(); return make(.break)
        case .keyword(.continue): advance(); return make(.continue)
        case .keyword(.return):
            advance()
            return make(.return(atStatementEnd ? nil : try parseTestList(allowStar: true)))
        case .keyword(.raise):
            advance()
            if atStatementEnd { return make(.raise(nil, cause: nil)) }
            let exception = try parseTest()
            let cause = accept(.from) ? try parseTest() : nil
            return make(.raise(exception, cause: cause))
        case .keyword(.global), .keyword(.nonlocal):
            let isGlobal = at(.global)
            advance()
            var names = [try expectName()]
            while accept(.comma) { names.append(try expectName()) }
            return make(isGlobal ? .global(names) : .nonlocal(names))
        case .keyword(.del):
            advance()
            let targets = try parseExpressionList()
            for target in targets { try checkTarget(target, deleting: true) }
            return make(.delete(targets))
        case .keyword(.assert):
            advance()
            let test = try parseTest()
            let message = accept(.comma) ? try parseTest() : nil
            return make(.assert(test, message: message))
        case .keyword(.import): return make(try parseImport())
        case .keyword(.yield): return make(try parseYield(targets: []))
        case .keyword(.from): return make(try parseFromImport())
        default: return make(try parseExpressionStatement())
        }
    }

    var atStatementEnd: Bool {
        switch kind {
        case .newline, .endOfInput, .punct(.semicolon): return true
        case .name, .int, .bigInt, .float, .imaginary, .string, .bytes, .fstring, .keyword, .punct, .magic, .indent, .dedent:
            return false
        }
    }

    mutating func parseExpressionStatement() throws(SyntaxError) -> StmtKind {
        let first = try parseTestList(allowStar: true)
        if case .punct(let p) = kind, let op = Parser.augmentedOperators[p] {
            advance()
            try checkTarget(first, deleting: false, augmented: true)
            return .augmentedAssign(target: first, op: op, value: try parseTestList(allowStar: true))
        }
        if accept(.colon) {
            try checkTarget(first, deleting: false)
            let start = current.location
            _ = try parseTest()
            let annotation = text(from: start, to: current.location)
            return .annotatedAssign(target: first, annotation: annotation,
                                    value: accept(.assign) ? try parseTestList(allowStar: true) : nil)
        }
        guard at(.assign) else { return .expression(first) }
        var targets = [first]
        var value = first
        while accept(.assign) {
            if at(.yield) {
                for target in targets { try checkTarget(target, deleting: false) }
                return try parseYield(targets: targets)
            }
            value = try parseTestList(allowStar: true)
            targets.append(value)
        }
        targets.removeLast()
        for target in targets { try checkTarget(target, deleting: false) }
        return .assign(targets: targets, value: value)
    }

    /// `yield`, `yield value`, `yield a, b` or `yield from iterable`, after any assignment targets.
    mutating func parseYield(targets: [Expr]) throws(SyntaxError) -> StmtKind {
        advance()
        if accept(.from) {
            return .yield(targets: targets, value: try parseTest(), delegating: true)
        }
        let value = atStatementEnd ? nil : try parseTestList(allowStar: true)
        guard atStatementEnd else { throw invalid() }
        return .yield(targets: targets, value: value, delegating: false)
    }

    static let augmentedOperators: [Punct: BinaryOp] = [
        .plusAssign: .add, .minusAssign: .subtract, .starAssign: .multiply, .slashAssign: .divide,
        .floorDivAssign: .floorDivide, .percentAssign: .modulo, .powAssign: .power,
        .atAssign: .matmul, .ampAssign: .bitAnd, .pipeAssign: .bitOr, .caretAssign: .bitXor,
        .shiftLeftAssign: .shiftLeft, .shiftRightAssign: .shiftRight,
    ]

    func checkTarget(_ target: Expr, deleting: Bool, augmented: Bool = false) throws(SyntaxError) {
        let verb = deleting ? "delete" : "assign to"
        let location = tokens[max(0, index - 1)].location
        switch target {
        case .name, .attribute, .subscript: return
        case .tuple(let items), .list(let items):
            if augmented {
                throw SyntaxError("'\(target.isTuple ? "tuple" : "list")' is an illegal expression for augmented assignment", at: location)
            }
            for item in items { try checkTarget(item, deleting: deleting) }
        case .starred(let inner) where !deleting && !augmented:
            try checkTarget(inner, deleting: deleting)
        case .call:
            throw SyntaxError("cannot \(verb) function call here. Maybe you meant '==' instead of '='?", at: location)
        case .literal:
            throw SyntaxError("cannot \(verb) literal here. Maybe you meant '==' instead of '='?", at: location)
        default:
            throw SyntaxError("cannot \(verb) expression here. Maybe you meant '==' instead of '='?", at: location)
        }
    }

    mutating func parseDottedName() throws(SyntaxError) -> [String] {
        var path = [try expectName()]
        while accept(.dot) { path.append(try expectName()) }
        return path
    }

    mutating func parseImport() throws(SyntaxError) -> StmtKind {
        advance()
        var items: [ImportItem] = []
        repeat {
            let path = try parseDottedName()
            items.append(ImportItem(path: path, alias: accept(.as) ? try expectName() : nil))
        } while accept(.comma)
        return .import(items)
    }

    mutating func parseFromImport() throws(SyntaxError) -> StmtKind {
        advance()
        // A relative import's leading dots become the path's first element (`..`, `.`).
        var dots = ""
        while true {
            if accept(.dot) {
                dots += "."
            } else if accept(.ellipsis) {
                dots += "..."
            } else {
                break
            }
        }
        var module = dots.isEmpty ? [] : [dots]
        if dots.isEmpty || !at(.import) { module += try parseDottedName() }
        guard accept(.import) else { throw invalid() }
        if accept(.star) { return .fromImport(module: module, names: [ImportItem(path: ["*"], alias: nil)]) }
        let parenthesized = accept(.leftParen)
        var names: [ImportItem] = []
        repeat {
            if parenthesized && at(.rightParen) { break }
            let name = try expectName()
            names.append(ImportItem(path: [name], alias: accept(.as) ? try expectName() : nil))
        } while accept(.comma)
        if parenthesized { try expect(.rightParen) }
        return .fromImport(module: module, names: names)
    }

    /// `:` then either statements on the same line or an indented block.
    mutating func parseBlock(after construct: String, line startLine: Int) throws(SyntaxError) -> [Stmt] {
        try expect(.colon, "expected ':'")
        guard case .newline = kind else {
            if case .endOfInput = kind {
                throw SyntaxError("expected an indented block after \(construct) on line \(startLine)",
                                  at: current.location, kind: .indentation, atEndOfInput: true)
            }
            return try parseSimpleStatements()
        }
        advance()
        switch kind {
        case .indent: advance()
        case .endOfInput:
            throw SyntaxError("expected an indented block after \(construct) on line \(startLine)",
                              at: current.location, kind: .indentation, atEndOfInput: true)
        case .name, .int, .bigInt, .float, .imaginary, .string, .bytes, .fstring, .keyword, .punct, .magic, .newline, .dedent:
            // Only the DEDENTs closing enclosing blocks left: more lines could still supply it.
            let atEnd = tokens[index...].allSatisfy { $0.kind == .dedent || $0.kind == .endOfInput }
            throw SyntaxError("expected an indented block after \(construct) on line \(startLine)",
                              at: current.location, kind: .indentation, atEndOfInput: atEnd)
        }
        return try nested { (p: inout Parser) throws(SyntaxError) -> [Stmt] in
            var body: [Stmt] = []
            while true {
                switch p.kind {
                case .dedent:
                    p.advance()
                    return body
                case .endOfInput: return body
                case .newline: p.advance()
                case .name, .int, .bigInt, .float, .imaginary, .string, .bytes, .fstring, .keyword, .punct, .magic, .indent:
                    body.append(contentsOf: try p.parseStatement())
                }
            }
        }
    }
}

extension Expr {
    var isTuple: Bool {
        if case .tuple = self { return true }
        return false
    }
}
