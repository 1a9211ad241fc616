/// Reserved words of Recur script (Python's).
package enum Keyword: String, CaseIterable, Sendable {
    case `false` = "False", none = "None", `true` = "True"
    case and, `as`, assert, `break`, `class`, `continue`, def, del, elif, `else`, except
    case finally, `for`, from, global, `if`, `import`, `in`, `is`, lambda, nonlocal, not, or
    case pass, raise, `return`, `try`, `while`, with, yield
}

/// Operators and delimiters, longest spellings first where prefixes overlap.
package enum Punct: String, CaseIterable, Sendable {
    case powAssign = "**=", floorDivAssign = "//=", ellipsis = "..."
    case shiftLeftAssign = "<<=", shiftRightAssign = ">>="
    case power = "**", floorDiv = "//", equal = "==", notEqual = "!=", lessEqual = "<="
    case greaterEqual = ">=", arrow = "->", plusAssign = "+=", minusAssign = "-="
    case starAssign = "*=", slashAssign = "/=", percentAssign = "%=", atAssign = "@="
    case ampAssign = "&=", pipeAssign = "|=", caretAssign = "^=", walrus = ":="
    case shiftLeft = "<<", shiftRight = ">>"
    case plus = "+", minus = "-", star = "*", slash = "/", percent = "%", at = "@"
    case less = "<", greater = ">", assign = "=", dot = ".", comma = ",", colon = ":"
    case semicolon = ";", leftParen = "(", rightParen = ")", leftBracket = "["
    case rightBracket = "]", leftBrace = "{", rightBrace = "}", tilde = "~"
    case amp = "&", pipe = "|", caret = "^"
}

/// One lexical token.
package enum TokenKind: Equatable, Sendable {
    case name(String)
    case int(Int)
    /// An integer literal past 64 bits.
    case bigInt(BigInteger)
    case float(Double)
    case imaginary(Double)
    case string(String)
    /// A bytes literal's value (`b'...'`, escapes applied).
    case bytes([UInt8])
    /// An f-string's raw body (between the quotes), parsed into parts by the parser.
    case fstring(body: String, raw: Bool)
    case keyword(Keyword)
    case punct(Punct)
    /// A whole IPython-style line (`%magic args`, `!cmd`, `name?`), kept as written.
    case magic(String)
    case newline
    case indent
    case dedent
    case endOfInput
}

/// A token with where it starts in the cell.
package struct Token: Sendable {
    package var kind: TokenKind
    package var location: SourceLocation
}
