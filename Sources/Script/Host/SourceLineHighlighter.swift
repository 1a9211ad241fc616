/// Colours one line of a cell as IPython's tracebacks colour the lines of a Context or Verbose
/// frame: each line on its own through Python's tokenizer, keywords, numbers, strings and
/// comments in the neutral theme's colours, names and operators left plain. A line the
/// tokenizer cannot finish on its own (an open bracket, a triple-quoted string going on) is
/// shown as it is, without colours, as IPython shows it.
package struct SourceLineHighlighter {
    /// Python's `tokenize.PseudoToken`: leading blanks, then one token as group 1.
    private let pseudoToken: RegexCode
    /// The rest of a triple-quoted string up to its closing quotes, by opening quote.
    private let singleTriple: RegexCode
    private let doubleTriple: RegexCode

    init?() {
        let prefix = #"(?:[bB][rR]?|[rR][bBfF]?|[fF][rR]?|[uU])?"#
        let digits = #"[0-9](?:_?[0-9])*"#
        let exponent = #"[eE][-+]?"# + digits
        let pointFloat = #"(?:"# + digits + #"\.(?:"# + digits + #")?|\."# + digits + ")(?:" + exponent + ")?"
        let float = "(?:" + pointFloat + "|" + digits + exponent + ")"
        let integer = #"(?:0[xX](?:_?[0-9a-fA-F])+|0[bB](?:_?[01])+|0[oO](?:_?[0-7])+|(?:0(?:_?0)*|[1-9](?:_?[0-9])*))"#
        let number = "(?:(?:" + digits + "[jJ]|" + float + "[jJ])|" + float + "|" + integer + ")"
        // Longest operators first, as the tokenizer orders them.
        let operators = Self.exactTokens.sorted(by: >).map { token in
            token.map { "()[]{}*+.|^$?\\".contains($0) ? "\\\($0)" : String($0) }.joined()
        }
        let funny = #"(?:\r?\n|"# + operators.joined(separator: "|") + ")"
        let continued = "(?:" + prefix + #"'[^\n'\\]*(?:\\.[^\n'\\]*)*(?:'|\\\r?\n)|"#
            + prefix + #""[^\n"\\]*(?:\\.[^\n"\\]*)*(?:"|\\\r?\n))"#
        let triple = "(?:" + prefix + "'''|" + prefix + "\"\"\")"
        let extras = #"(?:\\\r?\n|\Z|#[^\r\n]*|"# + triple + ")"
        let pseudo = #"[ \f\t]*("# + extras + "|" + number + "|" + funny + "|" + continued + #"|\w+)"#
        func compile(_ pattern: String) -> RegexCode? {
            try? RegexCode.compile(pattern.unicodeScalars.map(\.value), isBytes: false, flags: 0).0
        }
        guard let pseudoToken = compile(pseudo),
              let singleTriple = compile(#"[^'\\]*(?:(?:\\.|'(?!''))[^'\\]*)*'''"#),
              let doubleTriple = compile(#"[^"\\]*(?:(?:\\.|"(?!""))[^"\\]*)*""""#) else { return nil }
        self.pseudoToken = pseudoToken
        self.singleTriple = singleTriple
        self.doubleTriple = doubleTriple
    }

    /// Python 3.11's operators and delimiters (`token.EXACT_TOKEN_TYPES`).
    private static let exactTokens = [
        "!=", "%", "%=", "&", "&=", "(", ")", "*", "**", "**=", "*=", "+", "+=", ",", "-", "-=", "->", ".", "...",
        "/", "//", "//=", "/=", ":", ":=", ";", "<", "<<", "<<=", "<=", "=", "==", ">", ">=", ">>", ">>=", "@", "@=",
        "[", "]", "^", "^=", "{", "|", "|=", "}", "~",
    ]

    /// Python 3.11's `keyword.kwlist` (soft keywords such as `match` stay plain).
    private static let keywords: Set<String> = [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
        "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
        "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
    ]

    /// What a token is shown as: the neutral theme's escape before and after it.
    private enum Kind {
        case plain, keyword, number, string, comment

        var codes: (on: String, off: String)? {
            switch self {
            case .plain: nil
            case .keyword: ("\u{1B}[38;5;28;01m", "\u{1B}[39;00m")
            case .number: ("\u{1B}[32m", "\u{1B}[39m")
            case .string: ("\u{1B}[33m", "\u{1B}[39m")
            case .comment: ("\u{1B}[38;5;66;03m", "\u{1B}[39;00m")
            }
        }
    }

    /// Longer lines are shown plain: colouring costs a match per token, and a traceback must
    /// not keep the kernel busy over a megabyte of generated source.
    static let longestColouredLine = 20_000

    /// The line with tabs expanded, trailing blanks removed and its tokens coloured; nil when
    /// the tokenizer stops at the end of the line inside a bracket or a string, or the line
    /// is too long to colour.
    func highlight(_ line: String) -> String? {
        guard line.utf8.count <= Self.longestColouredLine else { return nil }
        let text = String(String.UnicodeScalarView(
            StringMethods.expandTabs(line, size: 8).unicodeScalars.reversed().drop(while: StringMethods.isSpace).reversed()))
        let scalars = Array(text.unicodeScalars)
        let units = scalars.map(\.value)
        var output = ""
        var written = 0
        var depth = 0
        var position = 0
        func emit(_ start: Int, _ end: Int, _ kind: Kind) {
            if start > written { output.unicodeScalars.append(contentsOf: scalars[written..<start]) }
            let token = String(String.UnicodeScalarView(scalars[start..<end]))
            if let codes = kind.codes, !token.isEmpty { output += codes.on + token + codes.off } else { output += token }
            written = end
        }
        while position < units.count {
            guard let spans = try? pseudoToken.match(units, start: position, end: units.count, mode: .match),
                  spans.count >= 4, spans[2] >= 0 else {
                // No token starts here: the tokenizer's ERRORTOKEN, one code point, shown plain.
                position += 1
                continue
            }
            let start = spans[2], end = spans[3]
            position = end
            if start == end { continue }
            let initial = scalars[start]
            let token = String(String.UnicodeScalarView(scalars[start..<end]))
            // A string starts with its prefix (two letters at most) and a quote.
            let quote = token.unicodeScalars.prefix(3).firstIndex { $0 == "'" || $0 == "\"" }
            let prefixLength = quote.map { token.unicodeScalars.distance(from: token.unicodeScalars.startIndex, to: $0) }
            if ("0"..."9").contains(initial) || (initial == "." && token != "." && token != "...") {
                emit(start, end, .number)
            } else if initial == "#" {
                emit(start, end, .comment)
            } else if let prefixLength, end - start == prefixLength + 3, token.hasSuffix("'''") || token.hasSuffix("\"\"\"") {
                let closing = token.hasSuffix("'''") ? singleTriple : doubleTriple
                guard let rest = try? closing.match(units, start: end, end: units.count, mode: .match) else { return nil }
                position = rest[1]
                emit(start, position, .string)
            } else if prefixLength != nil {
                emit(start, end, .string)
            } else if initial == "_" || initial.properties.isXIDStart {
                emit(start, end, Self.keywords.contains(token) ? .keyword : .plain)
            } else {
                if "([{".unicodeScalars.contains(initial) { depth += 1 }
                if ")]}".unicodeScalars.contains(initial) { depth -= 1 }
                emit(start, end, .plain)
            }
        }
        // The tokenizer reports "EOF in multi-line statement" for brackets left open or closed
        // too often.
        guard depth == 0 else { return nil }
        if written < scalars.count { output.unicodeScalars.append(contentsOf: scalars[written...]) }
        return output
    }
}
