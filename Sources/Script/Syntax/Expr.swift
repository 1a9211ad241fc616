/// Binary arithmetic and bitwise operators.
package enum BinaryOp: String, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", floorDivide = "//"
    case modulo = "%", power = "**", matmul = "@"
    case bitAnd = "&", bitOr = "|", bitXor = "^", shiftLeft = "<<", shiftRight = ">>"
}

/// Prefix operators.
package enum UnaryOp: String, Sendable {
    case negate = "-", plus = "+", invert = "~", not = "not"
}

/// Comparison operators (chained like Python's `a < b < c`).
package enum CompareOp: String, Sendable {
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">"
    case greaterEqual = ">=", `in` = "in", notIn = "not in", `is` = "is", isNot = "is not"
}

/// A literal constant.
package enum Literal: Sendable {
    case none, bool(Bool), int(Int), bigInt(BigInteger), float(Double), string(String), bytes([UInt8]), ellipsis
}

/// One argument at a call site.
package enum Argument: Sendable {
    case positional(Expr)
    case keyword(String, Expr)
    case star(Expr)
    case doubleStar(Expr)
}

/// The arguments written at one call site, with what the interpreter's fast path needs
/// worked out once when the code is parsed.
package final class CallSite: @unchecked Sendable {
    // @unchecked: the method cache below is written only by the interpreter running the code.
    package let arguments: [Argument]
    /// For `receiver.name(...)`: the class whose method the call found last, the class's
    /// namespace stamp then, and what `name` was (an inline cache: a loop calling one
    /// object's method looks the name up once).
    var cachedClass: AnyObject?
    var cachedStamp = 0
    var cachedMember: Value?
    /// The argument expressions when every argument is plain positional (no keyword, no
    /// `*` or `**`): such a call can fill a function's frame slots directly.
    package let positional: [Expr]?

    init(_ arguments: [Argument]) {
        self.arguments = arguments
        var positional: [Expr] = []
        for argument in arguments {
            guard case .positional(let expr) = argument else {
                self.positional = nil
                return
            }
            if case .starred = expr {
                self.positional = nil
                return
            }
            positional.append(expr)
        }
        self.positional = positional
    }
}

/// `for target in iterable if condition...` inside a comprehension.
package struct ComprehensionClause: Sendable {
    package var target: Expr
    package var iterable: Expr
    package var conditions: [Expr]
}

/// A piece of an f-string.
package enum FStringPart: Sendable {
    case literal(String)
    /// `{expression!conversion:spec}`; the spec may itself hold replacement fields.
    case field(Expr, conversion: Unicode.Scalar?, spec: [FStringPart])
}

/// An expression.
package indirect enum Expr: Sendable {
    case literal(Literal)
    case name(NameRef)
    case attribute(Expr, String)
    case `subscript`(Expr, Expr)
    case slice(lower: Expr?, upper: Expr?, step: Expr?)
    case call(Expr, CallSite)
    case unary(UnaryOp, Expr)
    case binary(BinaryOp, Expr, Expr)
    case and(Expr, Expr)
    case or(Expr, Expr)
    case compare(Expr, [(CompareOp, Expr)])
    case conditional(test: Expr, body: Expr, orElse: Expr)
    case lambda(FunctionDefinition)
    case list([Expr])
    case tuple([Expr])
    case set([Expr])
    /// Entries; a nil key is a `**mapping` spread.
    case dict([(key: Expr?, value: Expr)])
    case starred(Expr)
    /// Comprehensions are blocks of their own (as in Python 3.11): their variables stay
    /// inside, and closures made in them capture those variables.
    case listComprehension(Expr, [ComprehensionClause], CodeScope)
    case setComprehension(Expr, [ComprehensionClause], CodeScope)
    case dictComprehension(key: Expr, value: Expr, [ComprehensionClause], CodeScope)
    /// A generator expression, evaluated lazily in a block of its own.
    case generator(Expr, [ComprehensionClause], CodeScope)
    case fstring([FStringPart])
}
