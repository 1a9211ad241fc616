/// Python's rule for what is local to a function: every name the body binds (assignment,
/// loop and `with` targets, `except ... as`, `def`, `class`, `import`, `del`), unless declared
/// `global` or `nonlocal`. Reads of those names in the body are marked so the interpreter
/// looks only in the call's own scope, and reports `UnboundLocalError` before assignment.
enum LocalNames {
    static func mark(body: [Stmt], parameters: [Parameter]) {
        var bound = Set(parameters.map(\.name))
        var declared = Set<String>()
        collect(body, into: &bound, declared: &declared)
        bound.subtract(declared)
        guard !bound.isEmpty else { return }
        for statement in body { mark(statement, bound) }
    }

    private static func collect(_ statements: [Stmt], into bound: inout Set<String>, declared: inout Set<String>) {
        for statement in statements {
            switch statement.kind {
            case .assign(let targets, _):
                for target in targets { targetNames(target, into: &bound) }
            case .augmentedAssign(let target, _, _), .annotatedAssign(let target, _):
                targetNames(target, into: &bound)
            case .delete(let targets):
                for target in targets { targetNames(target, into: &bound) }
            case .global(let names), .nonlocal(let names):
                declared.formUnion(names)
            case .import(let items):
                for item in items { bound.insert(item.alias ?? item.path[0]) }
            case .fromImport(_, let names):
                for item in names where item.path[0] != "*" { bound.insert(item.alias ?? item.path[0]) }
            case .if(let branches, let orElse):
                for branch in branches { collect(branch.body, into: &bound, declared: &declared) }
                collect(orElse, into: &bound, declared: &declared)
            case .while(_, let body, let orElse):
                collect(body, into: &bound, declared: &declared)
                collect(orElse, into: &bound, declared: &declared)
            case .for(let target, _, let body, let orElse):
                targetNames(target, into: &bound)
                collect(body, into: &bound, declared: &declared)
                collect(orElse, into: &bound, declared: &declared)
            case .with(let items, let body):
                for item in items { if let target = item.target { targetNames(target, into: &bound) } }
                collect(body, into: &bound, declared: &declared)
            case .try(let body, let handlers, let orElse, let finally):
                collect(body, into: &bound, declared: &declared)
                for handler in handlers {
                    if let name = handler.name { bound.insert(name) }
                    collect(handler.body, into: &bound, declared: &declared)
                }
                collect(orElse, into: &bound, declared: &declared)
                collect(finally, into: &bound, declared: &declared)
            case .functionDef(let definition, _):
                bound.insert(definition.name)
            case .classDef(let name, _, _, _):
                bound.insert(name)
            case .yield(let targets, _, _):
                for target in targets { targetNames(target, into: &bound) }
            case .expression, .pass, .break, .continue, .return, .raise, .assert, .magic:
                break
            }
        }
    }

    private static func targetNames(_ target: Expr, into bound: inout Set<String>) {
        switch target {
        case .name(let ref): bound.insert(ref.text)
        case .tuple(let items), .list(let items): for item in items { targetNames(item, into: &bound) }
        case .starred(let inner): targetNames(inner, into: &bound)
        case .literal, .attribute, .subscript, .slice, .call, .unary, .binary, .and, .or, .compare, .conditional,
             .lambda, .set, .dict, .listComprehension, .generator, .setComprehension, .dictComprehension, .fstring:
            break
        }
    }

    private static func mark(_ statement: Stmt, _ locals: Set<String>) {
        func e(_ expr: Expr?) { if let expr { mark(expr, locals) } }
        func block(_ statements: [Stmt]) { for s in statements { mark(s, locals) } }
        switch statement.kind {
        case .expression(let expr): e(expr)
        case .assign(let targets, let value):
            for target in targets { e(target) }
            e(value)
        case .augmentedAssign(let target, _, let value):
            e(target)
            e(value)
        case .annotatedAssign(let target, let value):
            e(target)
            e(value)
        case .delete(let targets): for target in targets { e(target) }
        case .return(let value): e(value)
        case .raise(let value, let cause):
            e(value)
            e(cause)
        case .assert(let test, let message):
            e(test)
            e(message)
        case .if(let branches, let orElse):
            for branch in branches {
                e(branch.test)
                block(branch.body)
            }
            block(orElse)
        case .while(let test, let body, let orElse):
            e(test)
            block(body)
            block(orElse)
        case .for(let target, let iterable, let body, let orElse):
            e(target)
            e(iterable)
            block(body)
            block(orElse)
        case .with(let items, let body):
            for item in items {
                e(item.context)
                e(item.target)
            }
            block(body)
        case .try(let body, let handlers, let orElse, let finally):
            block(body)
            for handler in handlers {
                e(handler.type)
                block(handler.body)
            }
            block(orElse)
            block(finally)
        case .functionDef(_, let decorators): for d in decorators { e(d) }
        case .classDef(_, let bases, _, let decorators):
            for b in bases { e(b) }
            for d in decorators { e(d) }
        case .yield(let targets, let value, _):
            for target in targets { e(target) }
            e(value)
        case .pass, .break, .continue, .global, .nonlocal, .import, .fromImport, .magic:
            break
        }
    }

    /// Marks local reads; lambdas and comprehensions have scopes of their own and are left
    /// to the ordinary scope-chain lookup.
    private static func mark(_ expr: Expr, _ locals: Set<String>) {
        func e(_ expr: Expr?) { if let expr { mark(expr, locals) } }
        switch expr {
        case .name(let ref): if locals.contains(ref.text) { ref.isLocal = true }
        case .literal, .lambda, .listComprehension, .setComprehension, .dictComprehension, .generator: break
        case .attribute(let base, _): e(base)
        case .subscript(let base, let index):
            e(base)
            e(index)
        case .slice(let lower, let upper, let step):
            e(lower)
            e(upper)
            e(step)
        case .call(let callee, let arguments):
            e(callee)
            for argument in arguments {
                switch argument {
                case .positional(let x), .keyword(_, let x), .star(let x), .doubleStar(let x): e(x)
                }
            }
        case .unary(_, let x), .starred(let x): e(x)
        case .binary(_, let l, let r), .and(let l, let r), .or(let l, let r):
            e(l)
            e(r)
        case .compare(let first, let rest):
            e(first)
            for (_, x) in rest { e(x) }
        case .conditional(let test, let body, let orElse):
            e(test)
            e(body)
            e(orElse)
        case .list(let items), .tuple(let items), .set(let items): for item in items { e(item) }
        case .dict(let entries):
            for entry in entries {
                e(entry.key)
                e(entry.value)
            }
        case .fstring(let parts): markParts(parts, locals)
        }
    }

    private static func markParts(_ parts: [FStringPart], _ locals: Set<String>) {
        for part in parts {
            if case .field(let expr, _, let spec) = part {
                mark(expr, locals)
                markParts(spec, locals)
            }
        }
    }
}
