/// A problem found while reading source, before anything runs.
package struct SyntaxError: Error, Sendable, Equatable {
    /// Python's two syntax exception classes that Recur script reports.
    package enum Kind: String, Sendable {
        case syntax = "SyntaxError"
        case indentation = "IndentationError"
    }

    package var kind: Kind
    package var message: String
    package var location: SourceLocation
    /// True when the source simply stopped too early (an open bracket, block or string):
    /// more input could make it valid, which `isComplete` reports as `incomplete`.
    var atEndOfInput: Bool

    package init(_ message: String, at location: SourceLocation, kind: Kind = .syntax,
         atEndOfInput: Bool = false) {
        self.kind = kind
        self.message = message
        self.location = location
        self.atEndOfInput = atEndOfInput
    }
}

/// Renders syntax errors the way Python shows them: source line, caret, message.
package enum SyntaxErrorRenderer {
    /// The lines of the traceback for `error` in the cell called `cellName`.
    package static func lines(for error: SyntaxError, source: String, cellName: String) -> [String] {
        var lines = ["  \(cellName), line \(error.location.line)"]
        let sourceLines = source.split(separator: "\n", omittingEmptySubsequences: false)
        let index = error.location.line - 1
        if index >= 0 && index < sourceLines.count {
            let raw = Array(String(sourceLines[index]).unicodeScalars)
            var leading = 0
            while leading < raw.count && (raw[leading] == " " || raw[leading] == "\t") {
                leading += 1
            }
            var text = String(String.UnicodeScalarView(raw[leading...]))
            while text.hasSuffix(" ") || text.hasSuffix("\r") { text.removeLast() }
            if !text.isEmpty {
                lines.append("    " + text)
                let caretColumn = max(0, min(error.location.column - 1 - leading, raw.count - leading))
                lines.append("    " + String(repeating: " ", count: caretColumn) + "^")
            }
        }
        lines.append("\(error.kind.rawValue): \(error.message)")
        return lines
    }
}
