/// A function parameter.
package struct Parameter: Sendable {
    package enum Kind: Sendable {
        /// Before a `/`: passed by position only.
        case positionalOnly
        case normal, keywordOnly, varPositional, varKeyword

        /// Filled from positional arguments (positional-only or positional-or-keyword).
        var isPositional: Bool { self == .positionalOnly || self == .normal }
    }
    package var name: String
    package var kind: Kind
    package var defaultValue: Expr?
}

/// A `def` or `lambda`: shared by every function object made from it.
package final class FunctionDefinition: Sendable {
    package let name: String
    package let parameters: [Parameter]
    package let body: [Stmt]
    package let line: Int
    package let docstring: String?
    /// The parameters' names as cacheable references (bound on every call).
    package let parameterNames: [NameRef]
    /// The parameters' names and kinds, as the general argument binder reads them.
    let parameterTexts: [String]
    let parameterKinds: [Parameter.Kind]
    /// Only plain positional-or-keyword parameters (the common case, bound without checks).
    let isSimple: Bool
    /// A body with `yield`: calling the function makes a generator.
    let isGenerator: Bool
    /// Where the body's names live (filled by the `Resolver`).
    package let code = CodeScope(kind: .function)

    init(name: String, parameters: [Parameter], body: [Stmt], line: Int) {
        self.name = name
        self.parameters = parameters
        self.parameterNames = parameters.map { NameRef($0.name) }
        parameterTexts = parameters.map(\.name)
        parameterKinds = parameters.map(\.kind)
        self.isSimple = parameters.allSatisfy(\.kind.isPositional)
        self.body = body
        self.line = line
        isGenerator = body.contains { $0.containsYield }
        if case .expression(.literal(.string(let doc)))? = body.first?.kind {
            docstring = doc
        } else {
            docstring = nil
        }
    }
}

/// `except Type as name:`.
package struct ExceptHandler: Sendable {
    package var type: Expr?
    package var name: String?
    package var body: [Stmt]
    package var line: Int
}

/// `import a.b as c` or `from a.b import c as d`.
package struct ImportItem: Sendable {
    package var path: [String]
    package var alias: String?
}

/// A statement kind.
package indirect enum StmtKind: Sendable {
    case expression(Expr)
    case assign(targets: [Expr], value: Expr)
    case augmentedAssign(target: Expr, op: BinaryOp, value: Expr)
    /// `target: annotation = value`; the annotation is kept as its source text, never evaluated.
    case annotatedAssign(target: Expr, annotation: String, value: Expr?)
    case delete([Expr])
    case pass
    case `break`
    case `continue`
    case `return`(Expr?)
    case raise(Expr?, cause: Expr?)
    case global([String])
    case nonlocal([String])
    case assert(Expr, message: Expr?)
    case `import`([ImportItem])
    case fromImport(module: [String], names: [ImportItem])
    case `if`(branches: [(test: Expr, body: [Stmt])], orElse: [Stmt])
    case `while`(test: Expr, body: [Stmt], orElse: [Stmt])
    case `for`(target: Expr, iterable: Expr, body: [Stmt], orElse: [Stmt])
    case with(items: [(context: Expr, target: Expr?)], body: [Stmt])
    case `try`(body: [Stmt], handlers: [ExceptHandler], orElse: [Stmt], finally: [Stmt])
    case functionDef(FunctionDefinition, decorators: [Expr])
    /// `class Name(bases, keyword=value):` (`metaclass=` and the keywords `__init_subclass__` receives).
    case classDef(name: String, bases: [Expr], keywords: [(name: String, value: Expr)], body: [Stmt], decorators: [Expr],
                  code: CodeScope)
    case magic(String)
    /// `yield value`, `yield from iterable`, or either as the value of an assignment
    /// (`x = yield value`): the places Recur script accepts `yield`.
    case yield(targets: [Expr], value: Expr?, delegating: Bool)
}

/// A statement with the line it starts on (tracebacks name it).
package struct Stmt: Sendable {
    package var kind: StmtKind
    package var line: Int
    /// Whether a `yield` of this function is inside the statement (a generator resumes
    /// only such statements; the others run on the ordinary path).
    let containsYield: Bool

    package init(kind: StmtKind, line: Int) {
        self.kind = kind
        self.line = line
        containsYield = kind.containsYield
    }
}

extension StmtKind {
    /// Whether this statement or a block nested in it yields (nested functions and classes
    /// are scopes of their own and do not count).
    var containsYield: Bool {
        func any(_ block: [Stmt]) -> Bool { block.contains { $0.containsYield } }
        switch self {
        case .yield: return true
        case .if(let branches, let orElse): return branches.contains { any($0.body) } || any(orElse)
        case .while(_, let body, let orElse), .for(_, _, let body, let orElse): return any(body) || any(orElse)
        case .with(_, let body): return any(body)
        case .try(let body, let handlers, let orElse, let finally):
            return any(body) || handlers.contains { any($0.body) } || any(orElse) || any(finally)
        case .expression, .assign, .augmentedAssign, .annotatedAssign, .delete, .pass, .break, .continue, .return,
             .raise, .global, .nonlocal, .assert, .import, .fromImport, .functionDef, .classDef, .magic:
            return false
        }
    }
}
