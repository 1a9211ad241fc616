/// Splits an f-string body into literal text and `{expression!conversion:spec}` fields.
package enum FStringParser {
    package static func parts(of body: String, raw: Bool, at location: SourceLocation) throws(SyntaxError) -> [FStringPart] {
        let s = Array(body.unicodeScalars)
        var index = 0
        return try parse(s, &index, raw: raw, location: location, inSpec: false)
    }

    package static func parse(_ s: [Unicode.Scalar], _ i: inout Int, raw: Bool, location: SourceLocation,
                      inSpec: Bool) throws(SyntaxError) -> [FStringPart] {
        var parts: [FStringPart] = []
        var text = String.UnicodeScalarView()
        func flush() throws(SyntaxError) {
            guard !text.isEmpty else { return }
            let literal = String(text)
            parts.append(.literal(raw ? literal : try Lexer.unescape(literal, at: location)))
            text = String.UnicodeScalarView()
        }
        while i < s.count {
            let c = s[i]
            if c == "}" && inSpec { break }
            if c == "{" {
                if !inSpec && i + 1 < s.count && s[i + 1] == "{" {
                    text.append("{")
                    i += 2
                    continue
                }
                try flush()
                i += 1
                parts.append(contentsOf: try field(s, &i, raw: raw, location: location))
                continue
            }
            if c == "}" {
                if i + 1 < s.count && s[i + 1] == "}" {
                    text.append("}")
                    i += 2
                    continue
                }
                throw SyntaxError("f-string: single '}' is not allowed", at: location)
            }
            text.append(c)
            i += 1
        }
        try flush()
        return parts
    }

    /// Reads one field after its `{`, leaving `i` past the closing `}`: the field, preceded by
    /// its own source text for a self-documenting `{expr=}`.
    package static func field(_ s: [Unicode.Scalar], _ i: inout Int, raw: Bool,
                      location: SourceLocation) throws(SyntaxError) -> [FStringPart] {
        var depth = 0
        var quote: Unicode.Scalar?
        let start = i
        var end = -1
        while i < s.count {
            let c = s[i]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "'" || c == "\"" {
                quote = c
            } else if c == "(" || c == "[" || c == "{" {
                depth += 1
            } else if c == ")" || c == "]" || c == "}" {
                if depth == 0 { break }
                depth -= 1
            } else if depth == 0 && (c == ":" || (c == "!" && i + 1 < s.count && s[i + 1] != "=")) {
                break
            }
            i += 1
        }
        end = i
        var source = String(String.UnicodeScalarView(s[start..<end]))
        var conversion: Unicode.Scalar?
        var spec: [FStringPart] = []
        // `{x + 1 = }` shows its text as written, up to and with the spaces after `=`.
        var echoed: String?
        let trimmed = source.trimmingSpaces
        if trimmed.hasSuffix("="), !["=", "!", "<", ">"].contains(trimmed.dropLast().last) {
            echoed = source
            source = String(trimmed.dropLast())
        }
        if i < s.count && s[i] == "!" {
            guard i + 1 < s.count, "rsa".unicodeScalars.contains(s[i + 1]) else {
                throw SyntaxError("f-string: invalid conversion character: expected 's', 'r', or 'a'", at: location)
            }
            conversion = s[i + 1]
            i += 2
        }
        if i < s.count && s[i] == ":" {
            i += 1
            spec = try parse(s, &i, raw: raw, location: location, inSpec: true)
        }
        guard i < s.count && s[i] == "}" else {
            throw SyntaxError("f-string: expecting '}'", at: location)
        }
        i += 1
        source = source.trimmingSpaces
        if source.isEmpty {
            throw SyntaxError("f-string: valid expression required before '}'", at: location)
        }
        let expr: Expr
        do {
            expr = try Parser.parseExpression("(" + source + ")")
        } catch {
            throw SyntaxError("f-string: " + error.message, at: location)
        }
        guard let echoed else { return [.field(expr, conversion: conversion, spec: spec)] }
        // CPython shows the repr unless a conversion or a format spec is given.
        return [.literal(echoed), .field(expr, conversion: conversion ?? (spec.isEmpty ? "r" : nil), spec: spec)]
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and newlines.
    package var trimmingSpaces: String {
        let scalars = Array(unicodeScalars)
        var start = 0
        var end = scalars.count
        func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\r" }
        while start < end && isSpace(scalars[start]) { start += 1 }
        while end > start && isSpace(scalars[end - 1]) { end -= 1 }
        return Lexer.string(scalars[start..<end])
    }
}
