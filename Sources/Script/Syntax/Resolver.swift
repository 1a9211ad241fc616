/// Python's scoping rules, applied once after parsing: which names are local to each
/// function (slots), which are shared with inner functions (cells), which come from an
/// enclosing function (free) and which are global. Every name reference is marked with
/// where it lives, and every function, lambda, generator expression and class body gets
/// its `CodeScope`.
///
/// Comprehensions and generator expressions are blocks of their own, as in Python 3.11.
package struct Resolver {
    /// One block of code while its names are collected.
    private final class Block {
        let kind: CodeScope.Kind
        let code: CodeScope
        var parameters: [String] = []
        var bound: [String] = []
        var boundSet: Set<String> = []
        var used: Set<String> = []
        var globals: Set<String> = []
        var nonlocals: Set<String> = []
        var children: [Block] = []
        var references: [(NameRef, String)] = []
        /// What this block and the blocks inside it read but do not bind (bottom-up result).
        var needs: Set<String> = []
        var nonlocalLocation = SourceLocation(line: 1, column: 1)

        init(kind: CodeScope.Kind, code: CodeScope) {
            self.kind = kind
            self.code = code
        }

        func bind(_ name: String) {
            if boundSet.insert(name).inserted { bound.append(name) }
        }
    }

    private var block: Block

    private init(module: CodeScope) {
        block = Block(kind: .module, code: module)
    }

    /// Resolves a cell or file (module code).
    package static func resolve(module statements: [Stmt]) throws(SyntaxError) {
        var resolver = Resolver(module: CodeScope(kind: .module))
        resolver.statements(statements)
        try resolver.finish()
    }

    /// Resolves a lone expression (module code).
    package static func resolve(expression: Expr) throws(SyntaxError) {
        var resolver = Resolver(module: CodeScope(kind: .module))
        resolver.expr(expression)
        try resolver.finish()
    }

    private func finish() throws(SyntaxError) {
        Resolver.computeNeeds(block)
        try Resolver.assign(block, binders: [])
    }

    // MARK: Collecting

    private mutating func statements(_ list: [Stmt]) {
        for statement in list { self.statement(statement) }
    }

    private mutating func statement(_ statement: Stmt) {
        switch statement.kind {
        case .expression(let e): expr(e)
        case .assign(let targets, let value):
            expr(value)
            for t in targets { target(t) }
        case .augmentedAssign(let t, _, let value):
            expr(value)
            if case .name(let ref) = t { use(ref) }
            target(t)
        case .annotatedAssign(let t, _, let value):
            if let value { expr(value) }
            target(t)
        case .delete(let targets):
            for t in targets { target(t) }
        case .pass, .break, .continue, .magic: break
        case .return(let value): if let value { expr(value) }
        case .raise(let value, let cause):
            if let value { expr(value) }
            if let cause { expr(cause) }
        case .global(let names):
            block.globals.formUnion(names)
            block.nonlocalLocation = SourceLocation(line: statement.line, column: 1)
        case .nonlocal(let names):
            block.nonlocals.formUnion(names)
            block.nonlocalLocation = SourceLocation(line: statement.line, column: 1)
        case .assert(let test, let message):
            expr(test)
            if let message { expr(message) }
        case .import(let items):
            for item in items { bindName(item.alias ?? item.path[0]) }
        case .fromImport(_, let names):
            for item in names where item.path[0] != "*" { bindName(item.alias ?? item.path[0]) }
        case .if(let branches, let orElse):
            for branch in branches {
                expr(branch.test)
                statements(branch.body)
            }
            statements(orElse)
        case .while(let test, let body, let orElse):
            expr(test)
            statements(body)
            statements(orElse)
        case .for(let t, let iterable, let body, let orElse):
            expr(iterable)
            target(t)
            statements(body)
            statements(orElse)
        case .with(let items, let body):
            for item in items {
                expr(item.context)
                if let t = item.target { target(t) }
            }
            statements(body)
        case .try(let body, let handlers, let orElse, let finally):
            statements(body)
            for handler in handlers {
                if let type = handler.type { expr(type) }
                if let name = handler.name { bindName(name) }
                statements(handler.body)
            }
            statements(orElse)
            statements(finally)
        case .functionDef(let definition, let decorators):
            for d in decorators { expr(d) }
            function(definition)
            bindName(definition.name)
        case .classDef(let name, let bases, let keywords, let body, let decorators, let code):
            for b in bases { expr(b) }
            for k in keywords { expr(k.value) }
            for d in decorators { expr(d) }
            let child = Block(kind: .classBody, code: code)
            nested(child) { (r: inout Resolver) in r.statements(body) }
            bindName(name)
        case .yield(let targets, let value, _):
            if let value { expr(value) }
            for t in targets { target(t) }
        }
    }

    /// A def or lambda: defaults are evaluated where it stands, the body is a new block.
    private mutating func function(_ definition: FunctionDefinition) {
        for parameter in definition.parameters {
            if let value = parameter.defaultValue { expr(value) }
        }
        let child = Block(kind: .function, code: definition.code)
        child.parameters = definition.parameters.map(\.name)
        for name in child.parameters { child.bind(name) }
        nested(child) { (r: inout Resolver) in
            for (parameter, ref) in zip(definition.parameters, definition.parameterNames) {
                r.block.references.append((ref, parameter.name))
            }
            r.statements(definition.body)
        }
    }

    private mutating func nested(_ child: Block, _ body: (inout Resolver) -> Void) {
        let parent = block
        parent.children.append(child)
        block = child
        body(&self)
        block = parent
    }

    private mutating func bindName(_ name: String) {
        block.bind(name)
    }

    private mutating func use(_ ref: NameRef) {
        block.used.insert(ref.text)
        block.references.append((ref, ref.text))
    }

    private mutating func target(_ target: Expr) {
        switch target {
        case .name(let ref):
            block.bind(ref.text)
            block.references.append((ref, ref.text))
        case .attribute(let base, _): expr(base)
        case .subscript(let base, let index):
            expr(base)
            expr(index)
        case .tuple(let items), .list(let items): for item in items { self.target(item) }
        case .starred(let inner): self.target(inner)
        case .literal, .slice, .call, .unary, .binary, .and, .or, .compare, .conditional, .lambda, .set, .dict,
             .listComprehension, .generator, .setComprehension, .dictComprehension, .fstring:
            expr(target)
        }
    }

    private mutating func expr(_ expr: Expr) {
        switch expr {
        case .literal: break
        case .name(let ref): use(ref)
        case .attribute(let base, _): self.expr(base)
        case .subscript(let base, let index):
            self.expr(base)
            self.expr(index)
        case .slice(let lower, let upper, let step):
            for part in [lower, upper, step] { if let part { self.expr(part) } }
        case .call(let callee, let site):
            self.expr(callee)
            for argument in site.arguments {
                switch argument {
                case .positional(let e), .keyword(_, let e), .star(let e), .doubleStar(let e): self.expr(e)
                }
            }
        case .unary(_, let e), .starred(let e): self.expr(e)
        case .binary(_, let l, let r), .and(let l, let r), .or(let l, let r):
            self.expr(l)
            self.expr(r)
        case .compare(let first, let rest):
            self.expr(first)
            for (_, e) in rest { self.expr(e) }
        case .conditional(let test, let body, let orElse):
            self.expr(test)
            self.expr(body)
            self.expr(orElse)
        case .lambda(let definition): function(definition)
        case .list(let items), .tuple(let items), .set(let items): for item in items { self.expr(item) }
        case .dict(let entries):
            for entry in entries {
                if let key = entry.key { self.expr(key) }
                self.expr(entry.value)
            }
        case .listComprehension(let element, let clauses, let code), .setComprehension(let element, let clauses, let code),
             .generator(let element, let clauses, let code):
            comprehension(clauses, code) { (r: inout Resolver) in r.expr(element) }
        case .dictComprehension(let key, let value, let clauses, let code):
            comprehension(clauses, code) { (r: inout Resolver) in
                r.expr(key)
                r.expr(value)
            }
        case .fstring(let parts): fstring(parts)
        }
    }

    private mutating func fstring(_ parts: [FStringPart]) {
        for part in parts {
            if case .field(let e, _, let spec) = part {
                expr(e)
                fstring(spec)
            }
        }
    }

    /// A comprehension or generator expression: its first iterable belongs to the current
    /// block, the rest to a block of its own (Python's `.0` parameter is the first iterator).
    private mutating func comprehension(_ clauses: [ComprehensionClause], _ code: CodeScope,
                                        _ element: (inout Resolver) -> Void) {
        guard let first = clauses.first else { return }
        expr(first.iterable)
        let child = Block(kind: .function, code: code)
        nested(child) { (r: inout Resolver) in
            for (index, clause) in clauses.enumerated() {
                if index > 0 { r.expr(clause.iterable) }
                r.target(clause.target)
                for condition in clause.conditions { r.expr(condition) }
            }
            element(&r)
        }
    }

    // MARK: Resolving

    /// Bottom-up: the names each block (with the blocks inside it) reads but does not bind.
    private static func computeNeeds(_ block: Block) {
        var inner = Set<String>()
        for child in block.children {
            computeNeeds(child)
            inner.formUnion(child.needs)
        }
        switch block.kind {
        case .function:
            let locals = block.boundSet.subtracting(block.globals).subtracting(block.nonlocals)
            block.needs = block.used.union(inner).union(block.nonlocals).subtracting(locals).subtracting(block.globals)
        case .classBody:
            block.needs = inner.union(block.used.subtracting(block.boundSet).subtracting(block.globals))
        case .module:
            block.needs = []
        }
    }

    /// Top-down: slots, cells and resolutions, given the names enclosing functions bind.
    private static func assign(_ block: Block, binders: Set<String>) throws(SyntaxError) {
        var names: [String: NameResolution] = [:]
        var cellNames: [String] = []
        var freeNames: [String] = []
        var localCount = 0
        var childBinders = binders
        /// The frame's cell for each name a nested block may capture.
        var cellIndex: [String: Int] = [:]
        switch block.kind {
        case .function:
            for name in block.parameters where block.globals.contains(name) || block.nonlocals.contains(name) {
                let kind = block.globals.contains(name) ? "global" : "nonlocal"
                throw SyntaxError("name '\(name)' is parameter and \(kind)", at: block.nonlocalLocation)
            }
            for name in block.nonlocals where !binders.contains(name) {
                throw SyntaxError("no binding for nonlocal '\(name)' found", at: block.nonlocalLocation)
            }
            var inner = Set<String>()
            for child in block.children { inner.formUnion(child.needs) }
            let locals = block.bound.filter { !block.globals.contains($0) && !block.nonlocals.contains($0) }
            for name in locals {
                if inner.contains(name) {
                    names[name] = .cell(cellNames.count)
                    cellNames.append(name)
                } else {
                    names[name] = .local(localCount)
                    localCount += 1
                }
            }
            freeNames = block.needs.filter { binders.contains($0) }.sorted()
            for (i, name) in freeNames.enumerated() { names[name] = .cell(cellNames.count + i) }
            for name in block.used.union(block.globals) where names[name] == nil { names[name] = .global }
            for (name, resolution) in names {
                if case .cell(let index) = resolution { cellIndex[name] = index }
            }
            childBinders.formUnion(locals)
        case .classBody:
            freeNames = block.needs.filter { binders.contains($0) }.sorted()
            for (i, name) in freeNames.enumerated() {
                cellIndex[name] = i
                if !block.boundSet.contains(name) { names[name] = .cell(i) }
            }
            for name in block.globals { names[name] = .global }
        case .module:
            break
        }
        let parameterTargets = block.parameters.map { names[$0] ?? .dynamic }
        block.code.fill(localCount: localCount, cellNames: cellNames, freeNames: freeNames, names: names,
                        parameterTargets: parameterTargets)
        for (ref, name) in block.references { ref.resolution = names[name] ?? .dynamic }
        for child in block.children {
            try assign(child, binders: childBinders)
            // Where the child's captured variables are in this block's cells when it is created.
            var sources: [Int] = []
            for name in child.code.freeNames {
                if let index = cellIndex[name] { sources.append(index) }
            }
            child.code.setFreeSources(sources)
        }
    }
}
