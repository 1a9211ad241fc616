/// Renders failures as IPython 9 shows them in a notebook (`%xmode` Plain, Context, Verbose
/// and Minimal), with its theme's ANSI colours or without any. Each element of the result is
/// one of IPython's traceback entries (a frame may span several lines).
package struct IPythonTraceback {
    package let mode: ExceptionMode
    package let paint: ANSIPainter
    /// `repr` of a parameter's value, for Verbose frames.
    package let repr: (Value) -> String

    package init(mode: ExceptionMode, paint: ANSIPainter, repr: @escaping (Value) -> String) {
        self.mode = mode
        self.paint = paint
        self.repr = repr
    }

    /// IPython's width for the rule and the header line.
    package static let width = 75
    /// Columns for a source line's number, arrow included (IPython's indent less one).
    static let numberWidth = 7

    package func lines(_ chain: [ChainedException]) -> [String] {
        guard let last = chain.last else { return [] }
        switch mode {
        case .minimal:
            return [exceptionOnly(last)]
        case .plain:
            var lines: [String] = []
            for exception in chain {
                lines.append("Traceback " + paint(.cyan, "(most recent call last)") + ":\n")
                for (index, frame) in exception.frames.enumerated() {
                    lines.append(plainFrame(frame, last: index == exception.frames.count - 1))
                }
                lines.append(exceptionOnly(exception))
                if let link = exception.link { lines.append("\n\(link.text)\n") }
            }
            return lines
        case .context, .verbose:
            var lines = [paint(.red, String(repeating: "-", count: Self.width))]
            let highlighter = paint.enabled ? SourceLineHighlighter() : nil
            for (index, exception) in chain.enumerated() {
                // IPython gives the exception raised last 5 lines of context, earlier ones 3, and
                // shows the frame's line with one less than that before it.
                let context = index == chain.count - 1 ? 4 : 2
                let title = "Traceback (most recent call last)"
                lines.append(paint(.red, exception.name)
                             + String(repeating: " ", count: max(0, Self.width - exception.name.count - title.count)) + title)
                lines += exception.frames.map { contextFrame($0, context: context, highlighter: highlighter) }
                lines.append(paint(.red, exception.name) + ": " + exception.message)
                if let link = exception.link { lines.append("\n\(link.text)\n") }
            }
            return lines
        }
    }

    /// `SystemExit` in a cell: IPython shows no frames, whatever the mode.
    package func exitLines(_ exception: ChainedException) -> [String] {
        ["An exception has occurred, use %tb to see the full traceback.\n", exceptionOnly(exception)]
    }

    /// A syntax error: where, the line, a caret under the column, the message.
    package func syntaxError(_ error: SyntaxError, source: String, cellName: String) -> [String] {
        var text = "  " + location(cellName, line: error.location.line, emphasized: true) + "\n"
        let sourceLines = source.split(separator: "\n", omittingEmptySubsequences: false)
        let index = error.location.line - 1
        if index >= 0 && index < sourceLines.count {
            let raw = String(sourceLines[index])
            let leading = raw.prefix { $0 == " " || $0 == "\t" }.count
            let code = raw.dropFirst(leading).trimmingSpaces
            if !code.isEmpty {
                text += paint(.red, "    ") + paint(.red, code) + "\n"
                let column = max(0, min(error.location.column - 1 - leading, code.count))
                text += "    " + String(repeating: " ", count: column) + "^\n"
            }
        }
        return [text + paint(.red, error.kind.rawValue) + paint(.red, ":") + " " + error.message + "\n"]
    }

    // MARK: Pieces

    private func exceptionOnly(_ exception: ChainedException) -> String {
        exception.message.isEmpty
            ? paint(.red, exception.name) + "\n"
            : paint(.red, exception.name) + paint(.red, ":") + " " + exception.message + "\n"
    }

    /// `Cell In[3], line 5` or `File path:5`, as IPython labels a cell or a file.
    private func location(_ unitName: String, line: Int, emphasized: Bool) -> String {
        let nameColor: ANSIPainter.Color = emphasized ? .green : .brightGreen
        let labelColor: ANSIPainter.Color? = emphasized ? .cyan : nil
        switch SourceLabel(unitName) {
        case .cell(let name):
            return paint(labelColor, "Cell") + paint(labelColor, " ") + paint(nameColor, name)
                + paint(nameColor, ", line \(line)")
        case .file(let path):
            return paint(labelColor, "File ") + paint(nameColor, "\(path):\(line)")
        case .other(let name):
            return paint(nameColor, name) + paint(nameColor, ", line \(line)")
        }
    }

    private func plainFrame(_ frame: TraceFrame, last: Bool) -> String {
        let code = frame.unit.line(frame.line)?.trimmingSpaces ?? ""
        let function = frame.function == "<module>" ? "" : frame.function
        if last {
            var text = paint(.cyan, "  ") + location(frame.unit.name, line: frame.line, emphasized: true)
            if !function.isEmpty { text += paint(.cyan, " in ") + paint(.magenta, function) }
            text += "\n"
            if !code.isEmpty { text += paint(.red, "    ") + paint(.red, code) + "\n" }
            return text
        }
        var text = "  " + location(frame.unit.name, line: frame.line, emphasized: false)
        if !function.isEmpty { text += " in " + paint(.brightMagenta, function) }
        text += "\n"
        if !code.isEmpty { text += "    " + code + "\n" }
        return text
    }

    private func contextFrame(_ frame: TraceFrame, context: Int, highlighter: SourceLineHighlighter?) -> String {
        var text = location(frame.unit.name, line: frame.line, emphasized: true)
        if let definition = frame.definition {
            text += ", in " + paint(.cyan, frame.function) + paint(.blue, signature(definition, frame.arguments))
        }
        text += "\n"
        for number in shownLines(frame, context: context) {
            let raw = frame.unit.line(number) ?? ""
            // A line IPython cannot colour (or any line without colours, or one too long to colour) is
            // shown as it is.
            let code = highlighter?.highlight(raw) ?? (raw.hasSuffix("\r") ? String(raw.dropLast()) : raw)
            let digits = String(number)
            if number == frame.line {
                let pad = Self.numberWidth - digits.count
                let arrow = pad >= 2 ? String(repeating: "-", count: pad - 2) + "> " : (pad == 1 ? ">" : "")
                text += paint(.green, arrow) + paint(.green, digits) + " " + code + "\n"
            } else {
                text += paint(.green, String(repeating: " ", count: max(0, Self.numberWidth - digits.count)) + digits)
                    + " " + code + "\n"
            }
        }
        return text
    }

    /// The lines IPython shows around a frame's line: `context` before it and `context - 1`
    /// after it, within its function (from the `def`) or its cell.
    private func shownLines(_ frame: TraceFrame, context: Int) -> [Int] {
        let unit = frame.unit
        guard frame.line >= 1, frame.line <= unit.lineCount else { return [] }
        let scope = frame.definition.map { functionLines(startingAt: $0.line, in: unit) } ?? 1...unit.lineCount
        let first = max(scope.lowerBound, frame.line - context)
        let last = min(scope.upperBound, frame.line + context - 1)
        return first <= last ? Array(first...last) : [frame.line]
    }

    /// The lines of the function whose `def` is on `start`: up to the last line indented
    /// deeper than the `def` before one that is not.
    private func functionLines(startingAt start: Int, in unit: SourceUnit) -> ClosedRange<Int> {
        guard let header = unit.line(start) else { return start...start }
        let indent = { (text: String) in text.prefix { $0 == " " || $0 == "\t" }.count }
        let base = indent(header)
        var end = start
        var number = start + 1
        while let text = unit.line(number) {
            let trimmed = text.trimmingSpaces
            if !trimmed.isEmpty {
                if indent(text) <= base && !trimmed.hasPrefix("#") && !trimmed.hasPrefix(")") { break }
                end = number
            }
            number += 1
        }
        return start...end
    }

    /// `(a, key, *rest, **kw)`, with `=repr` after each in Verbose mode: inspect's
    /// `formatargvalues` order (positional and keyword-only parameters, then `*`, then `**`).
    private func signature(_ definition: FunctionDefinition, _ arguments: [(name: String, value: Value?)]) -> String {
        let values = Dictionary(arguments.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        func shown(_ parameter: Parameter, prefix: String) -> String {
            guard mode == .verbose, let value = values[parameter.name] ?? nil else { return prefix + parameter.name }
            return prefix + parameter.name + "=" + repr(value)
        }
        var parts: [String] = []
        for parameter in definition.parameters {
            switch parameter.kind {
            case .positionalOnly, .normal, .keywordOnly: parts.append(shown(parameter, prefix: ""))
            case .varPositional, .varKeyword: break
            }
        }
        for parameter in definition.parameters {
            switch parameter.kind {
            case .varPositional: parts.append(shown(parameter, prefix: "*"))
            case .positionalOnly, .normal, .keywordOnly, .varKeyword: break
            }
        }
        for parameter in definition.parameters {
            switch parameter.kind {
            case .varKeyword: parts.append(shown(parameter, prefix: "**"))
            case .positionalOnly, .normal, .keywordOnly, .varPositional: break
            }
        }
        return "(" + parts.joined(separator: ", ") + ")"
    }
}

/// What a source unit's name says it is, as IPython labels frames.
package enum SourceLabel: Equatable {
    /// `Cell In[3]`: the cell's name, `In[3]`.
    case cell(String)
    /// `File "path"`: a module run from a file.
    case file(String)
    /// Anything else (`<expression>`, a user expression).
    case other(String)

    init(_ unitName: String) {
        if unitName.hasPrefix("Cell ") {
            self = .cell(String(unitName.dropFirst(5)))
        } else if unitName.hasPrefix("File ") {
            var name = unitName.dropFirst(5)
            if name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") { name = name.dropFirst().dropLast() }
            self = .file(String(name))
        } else {
            self = .other(unitName)
        }
    }
}

/// One exception of a chain, oldest first, as a traceback shows it.
package struct ChainedException {
    package let name: String
    package let message: String
    package let frames: [TraceFrame]
    /// How it leads to the exception after it (nil for the last).
    package var link: ChainLink?

    package init(name: String, message: String, frames: [TraceFrame], link: ChainLink? = nil) {
        self.name = name
        self.message = message
        self.frames = frames
        self.link = link
    }
}

/// The sentence between two exceptions of a chain.
package enum ChainLink {
    case cause, context

    package var text: String {
        switch self {
        case .cause: "The above exception was the direct cause of the following exception:"
        case .context: "During handling of the above exception, another exception occurred:"
        }
    }
}

/// Wraps text in ANSI colours as IPython's theme does (each token its own span), or leaves
/// it alone.
package struct ANSIPainter {
    package enum Color: String {
        case red = "31", green = "32", blue = "34", magenta = "35", cyan = "36"
        case brightGreen = "92", brightMagenta = "95"
    }

    package let enabled: Bool

    package init(enabled: Bool) {
        self.enabled = enabled
    }

    package func callAsFunction(_ color: Color?, _ text: String) -> String {
        guard enabled, let color, !text.isEmpty else { return text }
        return "\u{1B}[\(color.rawValue)m\(text)\u{1B}[39m"
    }
}
