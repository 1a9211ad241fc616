/// A CSV dialect (`csv.excel` and its variants) with CPython's validation of the format
/// parameters, and the writer's quoting of one row.
package struct CsvDialect {
    package enum Quoting: Int {
        case minimal = 0, all = 1, nonNumeric = 2, none = 3
    }

    package var delimiter: Unicode.Scalar = ","
    var quotechar: Unicode.Scalar? = "\""
    var escapechar: Unicode.Scalar?
    var doublequote = true
    var skipInitialSpace = false
    var lineterminator = "\r\n"
    var quoting = Quoting.minimal
    package var strict = false

    package static let parameterNames = ["delimiter", "quotechar", "escapechar", "doublequote", "skipinitialspace", "lineterminator",
                                 "quoting", "strict"]

    /// The dialect named by `dialect=` (`'excel'`, `'excel-tab'`, `'unix'`) with the keyword
    /// format parameters applied.
    init(_ a: Arguments, dialectIndex: Int, _ interpreter: Interpreter) throws(ScriptError) {
        switch a.value(dialectIndex, "dialect") {
        case nil, .str("excel")?: break
        case .str("excel-tab")?: delimiter = "\t"
        case .str("unix")?:
            lineterminator = "\n"
            quoting = .all
        case .str?: throw try CsvModule.error("unknown dialect", interpreter)
        case let other?: throw .typeError("Recur's csv takes a dialect by name ('excel', 'excel-tab', 'unix'), not \(other.typeName)")
        }
        func character(_ key: String, optional: Bool) throws(ScriptError) -> Unicode.Scalar?? {
            guard let value = a.keyword(key) else { return .none }
            if optional, value.isNone { return .some(nil) }
            guard case .str(let s) = value, s.unicodeScalars.count == 1, let c = s.unicodeScalars.first else {
                throw .typeError("\"\(key)\" must be a 1-character string")
            }
            return .some(c)
        }
        if let c = try character("delimiter", optional: false) { delimiter = c ?? delimiter }
        if let c = try character("quotechar", optional: true) { quotechar = c }
        if let c = try character("escapechar", optional: true) { escapechar = c }
        if let value = a.keyword("doublequote") { doublequote = try interpreter.truth(value) }
        if let value = a.keyword("skipinitialspace") { skipInitialSpace = try interpreter.truth(value) }
        if let value = a.keyword("strict") { strict = try interpreter.truth(value) }
        if let value = a.keyword("lineterminator") {
            guard case .str(let s) = value else { throw .typeError("\"lineterminator\" must be a string") }
            lineterminator = s
        }
        if let value = a.keyword("quoting") {
            guard let raw = value.intLike, let mode = Quoting(rawValue: raw) else { throw .typeError("bad \"quoting\" value") }
            quoting = mode
        }
        if quoting != .none && quotechar == nil { throw .typeError("quotechar must be set if quoting enabled") }
    }

    /// One row as the writer joins it, without the line terminator.
    package func join(_ fields: [Value], _ interpreter: Interpreter) throws(ScriptError) -> String {
        var line = String.UnicodeScalarView()
        for (i, field) in fields.enumerated() {
            if i > 0 { line.append(delimiter) }
            let text: String
            var quoted: Bool
            switch field {
            case .none:
                text = ""
                quoted = quoting == .all || quoting == .nonNumeric
            case .str(let s):
                text = s
                quoted = quoting == .all || quoting == .nonNumeric
            default:
                text = try interpreter.str(field)
                let numeric = field.numericValue != nil || field.bigInteger != nil
                quoted = quoting == .all || (quoting == .nonNumeric && !numeric)
            }
            var body = String.UnicodeScalarView()
            for c in text.unicodeScalars {
                if c == delimiter || c == escapechar || c == quotechar || lineterminator.unicodeScalars.contains(c) {
                    // An escaped character needs no quotes; any other special one does (_csv.c).
                    var escape = quoting == .none || c == escapechar
                    if quoting != .none, c == quotechar {
                        if doublequote { body.append(c) } else { escape = true }
                    }
                    if escape {
                        guard let escapechar else { throw try CsvModule.error("need to escape, but no escapechar set", interpreter) }
                        body.append(escapechar)
                    } else {
                        quoted = true
                    }
                }
                body.append(c)
            }
            if fields.count == 1 && text.isEmpty {
                // A lone empty field is written `""`, so the row does not read back as no fields.
                if quoting == .none { throw try CsvModule.error("single empty field record must be quoted", interpreter) }
                quoted = true
            }
            if quoted, let quotechar {
                line.append(quotechar)
                line.append(contentsOf: body)
                line.append(quotechar)
            } else {
                line.append(contentsOf: body)
            }
        }
        return String(line)
    }
}
