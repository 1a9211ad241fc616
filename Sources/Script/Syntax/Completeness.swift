/// Whether a cell is ready to run (Jupyter's `is_complete_request`).
public enum Completeness: Sendable, Equatable {
    /// The code parses and ends outside any block: run it.
    case complete
    /// More lines are expected; the frontend should offer `indent` on the next line.
    case incomplete(indent: String)
    /// The code has a syntax error that more input cannot fix.
    case invalid
}

extension Completeness {
    /// Classifies `source` the way IPython's `check_complete` does: a cell ending inside an
    /// indented block needs a newline after its last line; a bracket closed on a later line
    /// is complete; the indent offered is that of the last line, plus four after a `:`.
    package static func of(_ source: String) -> Completeness {
        if source.trimmingSpaces.isEmpty { return .complete }
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let lastLine = lines.last(where: { !$0.trimmingSpaces.isEmpty }) ?? ""
        let lastIndent = String(lastLine.prefix(while: { $0 == " " || $0 == "\t" }))
        // What follows the last non-blank character: a newline there ends the cell.
        let endsWithNewline = source.unicodeScalars.reversed()
            .prefix(while: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).contains("\n")
        if source.hasPrefix("%%") {
            // A cell magic's body is not necessarily script: a blank last line ends it, as in IPython.
            let withoutFinalNewline = source.hasSuffix("\n") ? String(source.dropLast()) : source
            let last = withoutFinalNewline.split(separator: "\n", omittingEmptySubsequences: false).last ?? ""
            return withoutFinalNewline.contains("\n") && last.trimmingSpaces.isEmpty
                ? .complete : .incomplete(indent: lastIndent)
        }
        if lastLine.hasSuffix("\\") { return .incomplete(indent: lastIndent) }
        let body = source
        do {
            _ = try Parser.parse(body)
        } catch {
            guard error.atEndOfInput else { return .invalid }
            guard let tokens = try? Lexer.tokenize(body) else { return .incomplete(indent: lastIndent) }
            let line = lastLogicalLine(tokens)
            guard line.last.map({ $0.kind == .punct(.colon) }) == true, let first = line.first else {
                return .incomplete(indent: lastIndent)
            }
            return .incomplete(indent: indentation(ofLine: first.location.line, in: lines) + "    ")
        }
        guard let tokens = try? Lexer.tokenize(body) else { return .complete }
        // The lexer closes blocks still open at the end with DEDENTs.
        let insideBlock = tokens.dropLast().last?.kind == .dedent
        if insideBlock && !endsWithNewline,
           let first = lastLogicalLine(tokens).first {
            return .incomplete(indent: indentation(ofLine: first.location.line, in: lines))
        }
        return .complete
    }

    /// The tokens of the last logical line (without its NEWLINE, INDENT or DEDENT tokens).
    private static func lastLogicalLine(_ tokens: [Token]) -> ArraySlice<Token> {
        var end = tokens.endIndex
        while end > tokens.startIndex, tokens[end - 1].kind.isLayout { end -= 1 }
        var start = end
        while start > tokens.startIndex, !tokens[start - 1].kind.isLayout { start -= 1 }
        return tokens[start..<end]
    }

    private static func indentation(ofLine number: Int, in lines: [String]) -> String {
        guard number >= 1, number <= lines.count else { return "" }
        return String(lines[number - 1].prefix(while: { $0 == " " || $0 == "\t" }))
    }
}

private extension TokenKind {
    /// NEWLINE, INDENT, DEDENT and the end: the tokens between logical lines.
    var isLayout: Bool {
        switch self {
        case .newline, .indent, .dedent, .endOfInput: true
        case .name, .int, .bigInt, .float, .imaginary, .string, .bytes, .fstring, .keyword, .punct, .magic: false
        }
    }
}
