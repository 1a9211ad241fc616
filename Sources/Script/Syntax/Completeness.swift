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
    /// Classifies `source` the way IPython's `check_complete` does.
    static func of(_ source: String) -> Completeness {
        if source.trimmingSpaces.isEmpty { return .complete }
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let lastLine = lines.last(where: { !$0.trimmingSpaces.isEmpty }) ?? ""
        let lastIndent = String(lastLine.prefix(while: { $0 == " " || $0 == "\t" }))
        let body = cellMagicBody(source)
        do {
            _ = try Parser.parse(body)
        } catch {
            guard error.atEndOfInput else { return .invalid }
            let opensBlock = lastLine.trimmingSpaces.hasSuffix(":")
            return .incomplete(indent: lastIndent + (opensBlock ? "    " : ""))
        }
        let endsWithBlankLine = lines.count >= 2 && lines[lines.count - 1].trimmingSpaces.isEmpty
            && lines[lines.count - 2].trimmingSpaces.isEmpty
        if !lastIndent.isEmpty && !endsWithBlankLine && !source.hasPrefix("%%") {
            return .incomplete(indent: lastIndent)
        }
        return .complete
    }

    /// A `%%magic` cell's body is Recur script from its second line on.
    private static func cellMagicBody(_ source: String) -> String {
        guard source.hasPrefix("%%") else { return source }
        guard let newline = source.firstIndex(of: "\n") else { return "" }
        return "\n" + source[source.index(after: newline)...]
    }
}
