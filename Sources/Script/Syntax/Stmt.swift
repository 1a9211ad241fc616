/// A function parameter.
struct Parameter: Sendable {
    enum Kind: Sendable {
        case normal, keywordOnly, varPositional, varKeyword
    }
    var name: String
    var kind: Kind
    var defaultValue: Expr?
}

/// A `def` or `lambda`: shared by every function object made from it.
final class FunctionDefinition: Sendable {
    let name: String
    let parameters: [Parameter]
    let body: [Stmt]
    let line: Int
    let docstring: String?
    /// The parameters' names as cacheable references (bound on every call).
    let parameterNames: [NameRef]
    /// Only plain positional-or-keyword parameters (the common case, bound without checks).
    let isSimple: Bool

    init(name: String, parameters: [Parameter], body: [Stmt], line: Int) {
        self.name = name
        self.parameters = parameters
        self.parameterNames = parameters.map { NameRef($0.name) }
        self.isSimple = parameters.allSatisfy { $0.kind == .normal }
        if name != "<lambda>" { LocalNames.mark(body: body, parameters: parameters) }
        self.body = body
        self.line = line
        if case .expression(.literal(.string(let doc)))? = body.first?.kind {
            docstring = doc
        } else {
            docstring = nil
        }
    }
}

/// `except Type as name:`.
struct ExceptHandler: Sendable {
    var type: Expr?
    var name: String?
    var body: [Stmt]
    var line: Int
}

/// `import a.b as c` or `from a.b import c as d`.
struct ImportItem: Sendable {
    var path: [String]
    var alias: String?
}

/// A statement kind.
indirect enum StmtKind: Sendable {
    case expression(Expr)
    case assign(targets: [Expr], value: Expr)
    case augmentedAssign(target: Expr, op: BinaryOp, value: Expr)
    case annotatedAssign(target: Expr, value: Expr?)
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
    case classDef(name: String, bases: [Expr], body: [Stmt], decorators: [Expr])
    case magic(String)
}

/// A statement with the line it starts on (tracebacks name it).
struct Stmt: Sendable {
    var kind: StmtKind
    var line: Int
}
